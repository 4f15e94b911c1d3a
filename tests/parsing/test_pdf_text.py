"""PDF text of a printed web page: furniture around the text, chrome before the title, the site footer."""

from __future__ import annotations

from pathlib import Path

import pytest

import gia_report
from gia_report.parsing._source import Line, drop_furniture

DATA = Path(__file__).resolve().parent.parent / "data"
REPORT = (DATA / "pipe" / "report_2019.txt").read_text(encoding="utf-8")
TITLE = "某县交通运输局2019年政府信息公开工作年度报告"


def _lines(*texts: str) -> list[Line]:
    return [Line(number, text) for number, text in enumerate(texts, start=1)]


def _spaced(text: str) -> str:
    """*text* with its pipe tables written as PDF text: cells parted by one space, no pipes."""
    return "\n".join(line.replace(" | ", " ").rstrip(" |") for line in text.splitlines())


@pytest.mark.parametrize(
    "text",
    [
        "1/5",
        " 12 / 14 ",
        "https://www.example.gov.cn/art/2020/1/20/art_1229_123.html 2/5",
        "http://xxgk.example.gov.cn/col/col123/index.html",
        "2020/1/20 15:22 某县交通运输局2019年政府信息公开工作年度报告",
        "2020-01-20 下午3:22",
        "\uf0b7 全真版",
        "【字号：大 中 小】 【打印】 【关闭窗口】",
    ],
)
def test_what_a_browser_prints_around_a_page_is_furniture(text: str) -> None:
    """Page counters, the page's address, the date and time with the page's title, page tools: dropped, noted."""
    kept, notes = drop_furniture(_lines("正文。", text))
    assert [line.text for line in kept] == ["正文。"]
    assert [(note.code, note.line) for note in notes] == [("page-furniture", 2)]


@pytest.mark.parametrize(
    "text",
    [
        "www.example.gov.cn/）公布。如对本报告有疑问，请联系本局。",
        "2020 年 1 月 20 日",
        "关闭",
        "1 0 0 0",
        "本局2019/2020年度工作要点",
    ],
)
def test_report_text_that_looks_alike_is_kept(text: str) -> None:
    """A sentence with an address in it, a printed date, a lone word and a row of values are no furniture."""
    kept, notes = drop_furniture(_lines(text))
    assert ([line.text for line in kept], notes) == ([text], [])


def test_the_pages_title_printed_again_at_a_page_top_is_furniture() -> None:
    """The title on a line of its own after the title, as a browser prints it atop each page, is dropped."""
    kept, notes = drop_furniture(_lines(TITLE, "正文。", "某县交通运输局 2019 年政府信息公开工作年度报告", "续文。"))
    assert [line.text for line in kept] == [TITLE, "正文。", "续文。"]
    assert [(note.code, note.line) for note in notes] == [("page-furniture", 3)]
    kept, notes = drop_furniture(_lines(TITLE, "某县交通运输局2018年政府信息公开工作年度报告"))
    assert len(kept) == 2 and not notes


def test_the_site_footer_under_the_report_is_dropped_from_its_tools_down() -> None:
    """From 附件下载 to the end, when a mark of a site footer follows, the lines are the site's, not the report's."""
    footer = [
        "附件下载",
        "关闭",
        "相关网站",
        " 某省人民政府",
        "联系我们 | 网站地图",
        "版权所有：某县人民政府",
        "建议使用IE9浏览器。",
    ]
    kept, notes = drop_furniture(_lines("六、其他需要报告的事项", "无。", *footer))
    assert [line.text for line in kept] == ["六、其他需要报告的事项", "无。"]
    assert ("site-chrome", 4) in {(note.code, note.line) for note in notes}


def test_page_tools_followed_by_report_text_drop_only_themselves() -> None:
    """Tools printed before more of the report, or without a site footer after them, take nothing else along."""
    texts = ["附件下载", "五、存在的主要问题及改进情况", "一是宣传不够。", "版权所有：某县"]
    kept, _ = drop_furniture(_lines(*texts))
    assert [line.text for line in kept] == texts[1:]
    kept, _ = drop_furniture(_lines("打印本页", "相关链接", "某县人民政府"))
    assert [line.text for line in kept] == ["某县人民政府"]


def test_a_printed_web_page_reads_as_the_report() -> None:
    """Navigation, the page's title, metadata, the document's title and the site footer around the text."""
    body = _spaced(REPORT).split("\n", 1)[1]
    chrome = "\n".join(
        [
            "无障碍 长者模式",
            "\uf0b7 首页",
            "\uf0b7 政务公开",
            "当前位置：",
            "\uf0b7 信息公开年报",
            TITLE,
            "来源：县交通运输局 时间：2020-01-20 15:22",
            "微信 微博 QQ 空间",
            "\uf0b7 全真版",
            "某县交通运输局 2019 年",
            "政府信息公开工作年度报告",
        ]
    )
    footer = "附件下载\n扫一扫在手机上查看当前页面\n关闭\n友情链接\n某县人民政府\n网站标识码：1234567890\n"
    pages = body.replace("二、主动公开政府信息情况", "2020/1/20 15:22 " + TITLE + "\n二、主动公开政府信息情况")
    pages = pages.replace("行政处罚", "2020/1/20 15:22\n" + TITLE + "\n行政处罚")
    pages = pages.replace("三、收到和处理", "https://www.example.gov.cn/art/2020/1/20/art_1.html 2/5\n三、收到和处理")
    result = gia_report.parse_with_notes(chrome + "\n" + pages + "\n" + footer)
    expected = gia_report.parse(_spaced(REPORT))
    assert result.report == expected
    codes = [note.code for note in result.notes]
    assert codes.count("site-chrome") == 3
    assert codes.count("page-furniture") >= 4


def test_a_row_ending_in_a_placeholder_reads_with_that_cell_blank() -> None:
    """PDF text 4.保护第三方合法权益 1 0 0 0 0 0 -: the row is read, its total printed blank (READING R4)."""
    spaced = _spaced(REPORT).replace("4.保护第三方合法权益 1 0 0 0 0 0 1", "4.保护第三方合法权益 1 0 0 0 0 0 -")
    row = gia_report.parse(spaced).requests.withheld_third_party
    assert row == gia_report.RequestRow(
        natural_person=1, commercial=0, research=0, social_welfare=0, legal_services=0, other_org=0, total=None
    )


def test_labels_centred_around_their_values_read_as_the_report() -> None:
    """pdftotext -layout: wrapped labels printed above and below their values, group labels between."""
    spaced = _spaced(REPORT)
    centred = spaced.replace(
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形） 1 0 0 0 0 0 1",
        "    （二）部分公开（区分处理\n 三、本年度   1   0   0   0   0   0   1\n    的，只计这一情形，不计其他情形）",
    ).replace(
        "（四）无法提供 1.本机关不掌握相关政府信息 2 1 0 0 0 0 3",
        "（四 1.本机关不\n）无 掌握相关政   2   1   0   0   0   0   3\n法提 府信息\n供",
    )
    assert centred.count("\n") == spaced.count("\n") + 5
    assert gia_report.parse(centred) == gia_report.parse(spaced)


def test_a_page_break_keeps_the_line_numbers_an_editor_shows() -> None:
    """pdftotext ends each page with a form feed before the next page's first line: the reading is as without
    it, and each cell's source names its line as an editor counts lines (line feeds only) and its column."""
    spaced = _spaced(REPORT)
    paged = spaced.replace("\n三、收到和处理", "\n\f三、收到和处理").replace("\n行政处罚", "\n\f\f行政处罚")
    assert paged.count("\f") == 3
    result = gia_report.parse_with_notes(paged)
    assert result.report == gia_report.parse(spaced)
    lines = paged.split("\n")
    sources = list(result.sources.values())
    assert sources and all(lines[source.line - 1][source.column - 1 :].startswith(source.text) for source in sources)
