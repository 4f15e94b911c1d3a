"""Splitting a report into its sections: heading variants, broken headings, tables of contents."""

from __future__ import annotations

from pathlib import Path

import pytest

import gia_report
from gia_report.parsing._sections import heading_of, split_sections
from gia_report.parsing._source import Line

DATA = Path(__file__).resolve().parent.parent / "data"
REPORT = (DATA / "pipe" / "report_2019.txt").read_text(encoding="utf-8")
HEADINGS = (
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)


def _lines(*texts: str) -> list[Line]:
    return [Line(number, text) for number, text in enumerate(texts, start=1)]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("四、政府信息公开行政复议与行政诉讼情况", "appeals"),
        ("四、因政府信息公开申请行政复议、提起行政诉讼的情况", "appeals"),
        ("五、存在的主要问题和改进情况", "problems"),
        ("五、政府信息公开存在的主要问题及改进情况", "problems"),
        ("六、其他需要报告事项", "other_matters"),
        ("五、存在问题及改进情况", "problems"),
        ("五、政府信息公开工作存在的问题及改进情况", "problems"),
        ("五、存在的主要问题及改进措施", "problems"),
        ("五、存在的问题和改进措施", "problems"),
    ],
)
def test_connectors_and_filler_words_do_not_matter(text: str, key: str) -> None:
    """A heading that adds or drops 、 与 和 及 的 因 被 提起 工作 主要 is still its section's heading."""
    section = heading_of(Line(1, text))
    assert section is not None and section.key == key


@pytest.mark.parametrize(
    "text",
    [
        "四、结转下年度继续办理",
        "三、本年度办理结果",
        "二、主动公开政府信息",
        "因此存在的主要问题及改进情况较多的情况",
        "五、下一步改进措施",
    ],
)
def test_rows_and_prose_are_no_headings(text: str) -> None:
    """A table row numbered like a heading, a truncated title and prose are not headings."""
    assert heading_of(Line(1, text)) is None


def test_the_report_reads_alike_with_a_heading_variant() -> None:
    """Section 四 printed with 与 for 、 splits the report as the canonical heading does."""
    variant = REPORT.replace("四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开行政复议与行政诉讼情况")
    assert variant != REPORT
    assert gia_report.parse(variant) == gia_report.parse(REPORT)


def test_a_heading_broken_over_two_lines_is_read_joined() -> None:
    """四、因政府信息公开工作被申请行政复议、 / 提起行政诉讼情况 opens section 四 at its first line."""
    lines = _lines(
        "一、总体情况",
        "二、主动公开政府信息情况",
        "规章 0 0 0",
        "三、收到和处理政府信息公开申请情况",
        "一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1",
        "四、因政府信息公开工作被申请行政复议、",
        "提起行政诉讼情况",
        "0 0 0",
        "五、存在的主要问题及改进情况",
    )
    sections = split_sections(lines)
    assert sections.headings["appeals"].number == 6
    assert [line.text for line in sections.lines("appeals")] == ["0 0 0"]
    assert [line.text for line in sections.lines("requests")] == ["一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1"]


def test_a_row_numbered_like_a_heading_is_not_joined_with_the_next_line() -> None:
    """四、结转下年度继续办 / 理 is a wrapped row label, not a heading."""
    lines = _lines(*HEADINGS[:3], "四、结转下年度继续办", "理", *HEADINGS[3:])
    sections = split_sections(lines)
    assert [line.text for line in sections.lines("requests")] == ["四、结转下年度继续办", "理"]


def test_a_table_of_contents_before_the_report_is_not_taken_for_the_sections() -> None:
    """Headings listed with nothing under them, then printed again, open the sections where printed again."""
    lines = _lines(
        "目录",
        *HEADINGS,
        "某局2023年政府信息公开工作年度报告",
        "根据条例编制本报告。",
        HEADINGS[0],
        "总体情况的正文。",
        HEADINGS[1],
        "规章 0 0 0",
        HEADINGS[2],
        "一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1",
        HEADINGS[3],
        "0 0 0",
        HEADINGS[4],
        "问题。",
        HEADINGS[5],
        "无。",
    )
    sections = split_sections(lines)
    assert [sections.headings[key].number for key in ("overview", "active", "requests", "appeals")] == [10, 12, 14, 16]
    assert [line.text for line in sections.front][-2:] == ["某局2023年政府信息公开工作年度报告", "根据条例编制本报告。"]
    assert [line.text for line in sections.lines("other_matters")] == ["无。"]


def test_a_heading_repeated_as_the_tables_caption_opens_the_section_once() -> None:
    """二、… printed again as the caption of its table: the table's rows are the section's body."""
    lines = _lines(HEADINGS[0], HEADINGS[1], "", HEADINGS[1], "规章 0 0 0", *HEADINGS[2:])
    sections = split_sections(lines)
    assert sections.headings["active"].number == 4
    assert [line.text for line in sections.lines("active")] == ["规章 0 0 0"]


def test_a_later_heading_printed_early_does_not_hide_the_sections() -> None:
    """A line reading as heading 三 in the front (a link, a caption) does not stop 一 and 二 from being found."""
    lines = _lines(HEADINGS[2], "某局2023年政府信息公开工作年度报告", *HEADINGS)
    sections = split_sections(lines)
    assert [sections.headings[key].number for key in ("overview", "active", "requests")] == [3, 4, 5]


def test_a_missing_table_section_is_still_refused() -> None:
    """Without section 四 the text is no complete report, and the error names the last section found."""
    lines = _lines(*HEADINGS[:3], "一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1", *HEADINGS[4:])
    with pytest.raises(
        gia_report.ParseError, match="四、政府信息公开行政复议、行政诉讼情况 after 六、其他需要报告的事项"
    ):
        split_sections(lines)
