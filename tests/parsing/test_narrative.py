"""The words before the sections: the title after a web page's chrome, chrome between title and preamble."""

from __future__ import annotations

from gia_report.parsing._narrative import read_front, reads_as_structure
from gia_report.parsing._result import Note
from gia_report.parsing._source import Line

TITLE = "某市生态环境局2023年政府信息公开工作年度报告"
PREAMBLE = "根据《中华人民共和国政府信息公开条例》要求，编制本报告。"


def _front(*texts: str) -> tuple[tuple[str | None, int | None, str | None, tuple[str, ...]], list[Note]]:
    notes: list[Note] = []
    front = read_front([Line(number, text) for number, text in enumerate(texts, start=1)], notes)
    return (front.agency, front.year, front.title, front.preamble), notes


def test_navigation_before_the_title_is_dropped_with_a_note() -> None:
    """A site's navigation and breadcrumb before the title are chrome: the title after them names the agency."""
    read, notes = _front("首页", "政务公开", "当前位置：首页 > 信息公开 > 年报", "信息公开年报", TITLE, PREAMBLE)
    assert read == ("某市生态环境局", 2023, TITLE, (PREAMBLE,))
    [note] = [note for note in notes if note.code == "site-chrome"]
    assert (note.line, note.message.split(" ")[0]) == (1, "4")


def test_a_breadcrumb_line_is_no_part_of_the_title() -> None:
    """The line before a complete title is not joined to it, though the two would read as a title too."""
    read, _ = _front("政府信息公开年报", TITLE, PREAMBLE)
    assert read[:2] == ("某市生态环境局", 2023)


def test_a_title_after_chrome_may_be_broken_over_lines() -> None:
    """The agency on a line of its own before the rest of the title is joined to it."""
    read, notes = _front("网站首页", "某市生态环境局", "2023年政府信息公开工作年度报告", PREAMBLE)
    assert read[:3] == ("某市生态环境局", 2023, TITLE)
    assert {note.code for note in notes} >= {"site-chrome", "title-wrapped"}


def test_metadata_tools_and_the_title_printed_again_are_dropped_after_the_title() -> None:
    """来源/时间, share and font-size tools, and the document's own title under the page's are no preamble."""
    read, notes = _front(
        TITLE,
        "来源：市生态环境局 发布时间：2024-01-20 09:30",
        "【字号：大 中 小】 【打印】 【关闭】",
        "微信 微博 QQ 空间",
        "某市生态环境局2023年",
        "政府信息公开工作年度报告",
        PREAMBLE,
    )
    assert read == ("某市生态环境局", 2023, TITLE, (PREAMBLE,))
    [note] = [note for note in notes if note.code == "site-chrome"]
    assert (note.line, note.message.split(" ")[0]) == (2, "5")


def test_another_reports_title_is_kept() -> None:
    """A title naming another year after the report's own title is not taken for the title printed again."""
    other = "某市生态环境局2022年政府信息公开工作年度报告"
    read, _ = _front(TITLE, other, PREAMBLE)
    assert read[3] == (other, PREAMBLE)


def test_a_sentence_before_a_title_is_kept() -> None:
    """Text that ends a sentence before a title line is no navigation: nothing is dropped as chrome."""
    read, notes = _front(PREAMBLE, TITLE)
    assert "site-chrome" not in {note.code for note in notes}
    assert PREAMBLE in read[3]


def test_the_preamble_still_names_the_agency_without_a_title() -> None:
    """Without any title, the agency and year still come from 现将…报告如下."""
    read, _ = _front("首页", "现将某市生态环境局2023年度政府信息公开工作报告如下。")
    assert read[:2] == ("某市生态环境局", 2023)


def test_lines_that_would_be_dropped_or_joined_are_escaped_by_the_writers() -> None:
    """Chrome, the end of a title and the start of a broken heading read as structure, so writers escape them."""
    for text in ("来源：本局", "打印 关闭", "政府信息公开工作年度报告", "四、因政府信息公开工作被申请行政复议、"):
        assert reads_as_structure(text, "prose"), text
    assert not reads_as_structure("本年度无收费。", "prose")


def test_a_title_naming_the_year_first_gives_agency_and_year() -> None:
    """2024年某市科委政府信息公开工作年度报告 names the agency after the year: the title is composed, with a note."""
    read, notes = _front("2024 年某市科委政府信息公开工作", "年度报告", PREAMBLE)
    assert read[:3] == ("某市科委", 2024, "某市科委2024年政府信息公开工作年度报告")
    assert any(note.code == "no-title" and "year before the agency" in note.message for note in notes)


def test_another_sites_chrome_around_the_title() -> None:
    """A greeting, an index-number table and a font-size picker are chrome, on either side of the title."""
    read, notes = _front(
        "您好，欢迎访问某省人民政府网站！",
        "繁体 | 无障碍",
        "首页 > 政务公开 > 政府信息公开年报",
        "索引号：11320800/2024-00123",
        "生成日期：2024-01-20",
        TITLE,
        "发布日期：2024-01-20 浏览次数：321",
        "字体：[ 大 中 小 ]",
        "分享到：",
        "【打印本页】【关闭窗口】",
        PREAMBLE,
    )
    assert read == ("某市生态环境局", 2023, TITLE, (PREAMBLE,))
    assert [note.line for note in notes if note.code == "site-chrome"] == [1, 7]
