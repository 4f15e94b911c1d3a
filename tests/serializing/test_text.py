"""The text writers: a complete report in the template's order, with structure-like prose escaped."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import gia_report
from gia_report.catalog import ESCAPE

SAMPLE = Path(gia_report.__file__).parent / "data" / "sample.txt"


def _report(**narrative: object) -> gia_report.Report:
    return gia_report.Report(format_version="2021", agency="某局", year=2023, **narrative)  # type: ignore[arg-type]


@pytest.mark.parametrize("layout", ["tab", "pipe", "blank-line"])
def test_template_order(layout: str) -> None:
    """Title, the six headings in order, and the tables between them."""
    text = gia_report.dumps(_report(), layout)
    lines = text.splitlines()
    assert lines[0] == "某局2023年政府信息公开工作年度报告"
    headings = [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]
    assert [line for line in lines if line in headings] == headings


@pytest.mark.parametrize(
    "paragraph",
    [
        "二、主动公开政府信息情况",
        "- 3 -",
        "扫一扫在手机上查看当前页面",
        ESCAPE + "已有标记",
        "文字[bookmark: _GoBack]文字",
    ],
)
def test_prose_that_looks_like_structure_is_escaped(paragraph: str) -> None:
    """A paragraph that would read as a heading or furniture is written escaped and read back as itself."""
    report = _report(problems=(paragraph,))
    text = gia_report.dumps(report, "tab")
    assert ESCAPE + paragraph in text.splitlines()
    assert gia_report.parse(text) == report


def test_sub_heading_like_paragraph_in_the_overview() -> None:
    """In 一, a paragraph opening like a sub-heading is escaped; a real sub-heading is not."""
    overview = gia_report.Overview(
        paragraphs=("（一）这不是小标题。",),
        subsections=(gia_report.Subsection(heading="（一）主动公开", paragraphs=("一 这也不是。",)),),
    )
    report = _report(overview=overview)
    lines = gia_report.dumps(report, "pipe").splitlines()
    assert ESCAPE + "（一）这不是小标题。" in lines
    assert "（一）主动公开" in lines
    assert gia_report.parse("\n".join(lines)) == report


def test_plain_prose_is_not_escaped() -> None:
    """Ordinary paragraphs are written as they are."""
    text = gia_report.dumps(_report(problems=("一是加强培训。",)), "tab")
    assert ESCAPE not in text


@pytest.mark.parametrize("layout", ["tab", "pipe", "blank-line"])
def test_title_that_fits_a_line_is_not_broken(layout: str) -> None:
    """A title of 51 characters (the parser reads up to 60 on a line) is written on one line: broken after 50,
    its second line was a lone ）, and a first line starting like a preamble (《) joined to no title."""
    base = gia_report.parse(SAMPLE.read_text(encoding="utf-8"))
    title = "《" + ":" * 15 + "2019年政府信息公开工作年度报告（2019年1月1日至12月31日）"
    assert len(title) == 51
    report = attrs.evolve(base, title=title, agency="《" + ":" * 15, year=2019, preamble=())
    text = gia_report.dumps(report, layout)
    assert text.splitlines()[0] == title
    back = gia_report.loads(text)
    assert (back.title, back.agency, back.year) == (title, "《" + ":" * 15, 2019)
