"""gia_report.parse as a whole: both formats, the hybrid row, notes, strict mode and errors."""

from __future__ import annotations

import contextlib
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gia_report
from gia_report import RequestRow
from gia_report.serializing._text import write_text
from tests.corpus import CORPUS

DATA = Path(__file__).resolve().parent.parent / "data"


def _error(text: str | bytes) -> str:
    with pytest.raises(gia_report.ParseError) as caught:
        gia_report.parse(text)
    return str(caught.value)


class Test2019:
    """A 2019-format report, written by hand in the pipe layout (tests/data/pipe/report_2019.txt)."""

    result = gia_report.parse_with_notes((DATA / "pipe" / "report_2019.txt").read_text(encoding="utf-8"))

    def test_metadata_and_format(self) -> None:
        """Format 2019 is told by its markers; agency and year come from the title."""
        report = self.result.report
        assert (report.format_version, report.agency, report.year) == ("2019", "某县交通运输局", 2019)
        assert str(self.result.layout) == "pipe"

    def test_active_table(self) -> None:
        """Signed changes, thousands separators, placeholders and 万元 in 元 read as printed."""
        active = self.result.report.active
        assert isinstance(active, gia_report.Active2019)
        assert active.normative_documents == gia_report.DocumentCounts2019(made=3, published=3, total_public=27)
        assert active.licensing == gia_report.ItemCounts(items_last_year=45, change=-3, decisions=1208)
        assert active.other_services.change == 2
        assert active.coercion == gia_report.ItemCounts(items_last_year=8, change=None, decisions=5)
        assert active.fees == gia_report.FeeItemCounts(items_last_year=2, change=-1)
        assert active.procurement == gia_report.Procurement(projects=4, amount=Decimal(125000))

    def test_requests_with_one_other_row(self) -> None:
        """（六）其他处理 is the one row other_handling, and the 2021 rows are absent."""
        requests = self.result.report.requests
        assert requests.other_handling == RequestRow(
            natural_person=0,
            commercial=0,
            research=0,
            social_welfare=0,
            legal_services=0,
            other_org=0,
            total=0,
        )
        assert requests.other_other is None
        assert requests.unavailable_not_held.total == 3
        records = gia_report.to_records(self.result.report)
        assert len(records) == 22 + 161 + 15

    def test_appeals(self) -> None:
        """The one data row of 15 values fills the three groups in order."""
        assert self.result.report.appeals.review == gia_report.AppealRow(
            upheld=1, corrected=0, other=0, pending=0, total=1
        )


def _hybrid_report() -> gia_report.Report:
    zero = RequestRow(
        natural_person=0, commercial=0, research=0, social_welfare=0, legal_services=0, other_org=0, total=0
    )
    six = RequestRow(
        natural_person=4, commercial=2, research=0, social_welfare=0, legal_services=0, other_org=0, total=6
    )
    requests = gia_report.Requests(
        new=six,
        granted=six,
        outcomes_total=six,
        carried_over=zero,
        carried_forward=zero,
        other_no_correction=None,
        other_unpaid_fees=None,
        other_other=None,
        other_handling=zero,
    )
    return gia_report.Report(
        format_version="2021",
        agency="某区人民政府",
        year=2023,
        title="某区人民政府2023年政府信息公开工作年度报告",
        requests=requests,
    )


@pytest.mark.parametrize("layout", ["tab", "pipe", "blank-line"])
def test_hybrid_other_row_in_a_2021_report(layout: str) -> None:
    """A 2021 report printing （六）其他处理 as one row reads it as other_handling, with a note."""
    expected = _hybrid_report()
    result = gia_report.parse_with_notes(write_text(expected, layout))
    assert result.report.requests == expected.requests
    assert "other-as-one-row" in {note.code for note in result.notes}
    keys = [f"{r['row']}" for r in gia_report.to_records(result.report) if r["table"] == "requests"]
    assert keys.index("other_handling") == keys.index("rejected_confirmation") + 7
    assert len(keys) == 23 * 7


def test_notes_name_their_lines() -> None:
    """A label variant, a page footer and an unreadable cell each give a note with its line."""
    text = (DATA / "pipe" / "report_2019.txt").read_text(encoding="utf-8")
    text = text.replace("规章 | 0 | 0 | 0 |", "规章 | 0 | 十 | 0 |\n- 2 -")
    text = text.replace("4.保护第三方合法权益", "4.保护第三方合法权利益")
    result = gia_report.parse_with_notes(text)
    found = {(note.code, note.line) for note in result.notes}
    assert ("unreadable-cell", 10) in found
    assert ("page-furniture", 11) in found
    assert ("label-similar", 38) in found
    assert result.report.active.regulations.published is None  # type: ignore[union-attr]


def test_strict_mode_raises_at_the_first_note() -> None:
    """strict=True turns the notes into a ParseError at the first note's line."""
    text = (DATA / "pipe" / "report_2019.txt").read_text(encoding="utf-8").replace("| -3 |", "| 三 |")
    gia_report.parse(text)
    assert _error_strict(text) == (
        "strict mode: 2 note(s):\nline 14: active/licensing/change: '三' is not a whole number; the cell is left "
        "blank [unreadable-cell]\nline 14: active/licensing/decisions: thousands separators in '1,208' ignored "
        "[number-format] (line 14, column 1)\n  行政许可 | 45 | 三 | 1,208 |\n  ^"
    )


def test_strict_mode_reports_every_note() -> None:
    """strict=True lists every note, not only the first."""
    text = (DATA / "pipe" / "report_2019.txt").read_text(encoding="utf-8")
    text = text.replace("| -3 |", "| 三 |").replace("4.保护第三方合法权益", "4.保护第三方合法权利益")
    with pytest.raises(gia_report.ParseError) as caught:
        gia_report.parse(text, strict=True)
    assert caught.value.msg.startswith("strict mode: 3 note(s):")
    for code in ("unreadable-cell", "number-format", "label-similar"):
        assert f"[{code}]" in caught.value.msg
    assert caught.value.line == 14


def _error_strict(text: str) -> str:
    with pytest.raises(gia_report.ParseError) as caught:
        gia_report.parse(text, strict=True)
    return str(caught.value)


def test_source_map_points_at_the_printed_cell() -> None:
    """sources gives the line, column and text a value was read from."""
    result = gia_report.parse_with_notes((DATA / "pipe" / "report_2019.txt").read_text(encoding="utf-8"))
    source = result.sources["active/licensing/decisions"]
    assert (source.line, source.column, source.text) == (14, 18, "1,208")


class TestErrors:
    """Text that is not a report raises ParseError with line, column and a caret; nothing else escapes."""

    def test_empty(self) -> None:
        """Empty text."""
        assert _error("") == "the text is empty: expected a report (line 1, column 1)\n  \n  ^"

    def test_binary(self) -> None:
        """A NUL byte: the caret stands under it."""
        assert _error("报告\x00") == (
            "binary data: expected the text of a report (line 1, column 3)\n  报告\N{REPLACEMENT CHARACTER}\n      ^"
        )

    def test_no_tables(self) -> None:
        """Prose only: the first line is shown."""
        assert _error("某局2023年政府信息公开工作年度报告\n一、总体情况\n很好。\n") == (
            "expected the section 二、主动公开政府信息情况 after 一、总体情况, but it was not found: "
            "not a complete report (line 2, column 1)\n  一、总体情况\n  ^"
        )

    def test_headings_without_rows(self) -> None:
        """Headings with nothing under them."""
        text = "二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n"
        assert _error(text) == (
            "expected table rows (cells separated by tabs, by ' | ', or one per line between blank lines) "
            "after this heading, but found none (line 1, column 1)\n  二、主动公开政府信息情况\n  ^"
        )

    def test_pre_2019(self) -> None:
        """A pre-2019 report is recognised and refused; the caret stands under its marker."""
        text = "某市2017年政府信息公开工作年度报告\n一、概述\n二、主动公开政府信息情况\n三、依申请公开政府信息情况\n"
        assert _error(text) == (
            "this looks like a report from before 2019 ('概述'); only the 2019 and 2021 national formats "
            "are supported (line 2, column 3)\n  一、概述\n      ^"
        )

    def test_fragment_without_a_table(self) -> None:
        """A table section with no readable row is a fragment."""
        text = (DATA / "pipe" / "report_2019.txt").read_text(encoding="utf-8")
        start = text.index("行政复议 | 行政诉讼")
        end = text.index("五、存在的主要问题")
        assert _error(text[:start] + text[end:]) == (
            "no row of table 四、政府信息公开行政复议、行政诉讼情况 could be read: expected its rows after this "
            "heading (line 53, column 1)\n  四、政府信息公开行政复议、行政诉讼情况\n  ^"
        )

    def test_not_text(self) -> None:
        """An object that is not text or bytes."""
        assert _error(42) == (  # type: ignore[arg-type]
            "expected the text of a report (str or bytes), not int (line 1, column 1)\n  \n  ^"
        )

    def test_is_a_value_error(self) -> None:
        """ParseError is a ValueError, so callers catching ValueError catch it."""
        assert issubclass(gia_report.ParseError, ValueError)


def _corpus_sample() -> str:
    path = CORPUS / "variants" / "003_v1_1.txt"
    if path.exists():
        return path.read_text(encoding="utf-8")
    return (DATA / "pipe" / "report_2019.txt").read_text(encoding="utf-8")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_nothing_but_parse_error_escapes(data: st.DataObject) -> None:
    """Any text, including a real report cut, spliced or sprinkled with odd characters, returns or raises ParseError."""
    sample = _corpus_sample()
    start = data.draw(st.integers(0, len(sample)))
    end = data.draw(st.integers(start, len(sample)))
    noise = data.draw(st.text(max_size=20))
    text = data.draw(st.sampled_from([sample[:start] + noise + sample[end:], noise, sample[start:end]]))
    with contextlib.suppress(gia_report.ParseError):
        gia_report.parse_with_notes(text)


@pytest.mark.parametrize(
    ("original", "variant"),
    [
        ("一、总体情况", "1、 总体情况"),
        ("四、政府信息公开行政复议、行政诉讼情况", "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况"),
        ("四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开行政复议行政诉讼情况"),
        ("五、存在的主要问题及改进情况", "五、政府信息公开工作存在的主要问题及改进情况"),
        ("第二十条第（一）项 | |||", "第二十条 第(一)项 | |||"),
        ("信息内容 | 本年新制作数量", "信息内容 | 本年新制作数量"),
    ],
)
def test_heading_and_caption_variants(original: str, variant: str) -> None:
    """The heading variants of FORMAT.md §1 split the sections as the canonical headings do."""
    text = (DATA / "pipe" / "report_2019.txt").read_text(encoding="utf-8")
    assert original in text
    expected = gia_report.parse(text)
    assert gia_report.parse(text.replace(original, variant)) == expected


def test_title_spaced_and_broken_over_lines() -> None:
    """A title broken over lines with spaces around the year gives the agency and year."""
    text = (DATA / "pipe" / "report_2019.txt").read_text(encoding="utf-8")
    text = text.replace(
        "某县交通运输局2019年政府信息公开工作年度报告", "某县交通 运输局 2019 年政府信息公开\n工作年度报告"
    )
    report = gia_report.parse(text)
    assert (report.agency, report.year, report.title) == (
        "某县交通运输局",
        2019,
        "某县交通运输局2019年政府信息公开工作年度报告",
    )


def test_agency_from_the_preamble_without_a_title() -> None:
    """With no title, the agency and year come from 现将…(以下简称…)YYYY年度…报告如下."""
    text = (DATA / "pipe" / "report_2019.txt").read_text(encoding="utf-8").split("\n", 1)[1]
    text = text.replace("编制本报告。", "现将某县交通运输局(以下简称“交通局”)2019年度信息公开工作报告如下。")
    result = gia_report.parse_with_notes(text)
    assert (result.report.agency, result.report.year) == ("某县交通运输局", 2019)
    assert result.report.title == "某县交通运输局2019年政府信息公开工作年度报告"  # composed: none was printed
    assert "no-title" in {note.code for note in result.notes}


def test_space_layout_blank_cell_is_not_guessed() -> None:
    """In PDF text a blank leaves no cell: a row with a number missing stays blank, with a note."""
    text = (DATA / "pipe" / "report_2019.txt").read_text(encoding="utf-8")
    spaced = "\n".join(line.replace(" | ", " ").rstrip(" |") for line in text.splitlines())
    spaced = spaced.replace("4.保护第三方合法权益 1 0 0 0 0 0 1", "4.保护第三方合法权益 1 0 0 0 0 1")
    result = gia_report.parse_with_notes(spaced)
    assert str(result.layout) == "space"
    assert result.report.requests.withheld_third_party == RequestRow()
    assert ("unplaced-cells", 37) in {(note.code, note.line) for note in result.notes}
    assert result.report.requests.unavailable_not_held.total == 3


def test_parse_error_pickles() -> None:
    """A ParseError survives pickling (as across processes) with its line, column and message."""
    import pickle

    with pytest.raises(gia_report.ParseError) as caught:
        gia_report.parse("")
    again = pickle.loads(pickle.dumps(caught.value))
    assert (again.line, again.column, str(again)) == (1, 1, str(caught.value))


def test_appeals_blank_cell_placement_is_noted() -> None:
    """Appeals values placed beside a blank cell by position say so in a note, as table 三's rows do."""
    text = (DATA / "pipe" / "report_2019.txt").read_text(encoding="utf-8")
    row = "1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"
    assert row in text
    result = gia_report.parse_with_notes(
        text.replace(row, "1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||")  # 14 values, 2 empty cells
    )
    assert result.report.appeals.litigation_after_review.total is None
    assert result.report.appeals.review.total == 1
    assert ("blank-cells-placed", 57) in {(note.code, note.line) for note in result.notes}


def test_parse_result_pickles_and_shows_briefly() -> None:
    """A parse result pickles whole, has a short repr, and draws its tables for a notebook."""
    import pickle

    text = (DATA / "pipe" / "report_2019.txt").read_text(encoding="utf-8").replace("| -3 |", "| 三 |")
    result = gia_report.parse_with_notes(text)
    again = pickle.loads(pickle.dumps(result))
    assert again == result
    assert dict(again.sources) == dict(result.sources) and again.notes == result.notes
    assert len(repr(result)) < 400 and f"{len(result.notes)} notes" in repr(result)
    html = result._repr_html_()
    assert "<table" in html and "unreadable-cell" in html


def test_strict_mode_on_a_word_document_quotes_the_document_not_its_bytes() -> None:
    """A Word document with a note is refused in strict mode with the note and its line, never as bytes."""
    from tests.corpus import CORPUS

    path = CORPUS / "published" / "docx" / "005_pingtan_2021.docx"
    if not path.exists():
        pytest.skip(f"no shared corpus at {CORPUS}")
    data = path.read_bytes()
    notes = gia_report.parse_with_notes(data).notes
    assert notes
    with pytest.raises(gia_report.ParseError) as caught:
        gia_report.parse(data, strict=True)
    assert caught.value.msg.startswith(f"strict mode: {len(notes)} note(s):")
    assert caught.value.line == (notes[0].line or 1)
    assert "neither UTF-8" not in str(caught.value)


def test_sources_are_cell_sources_however_they_are_reached() -> None:
    """The source map gives `CellSource` objects by key, by iteration, in its repr and after pickling."""
    import pickle

    text = (DATA / "pipe" / "report_2019.txt").read_text(encoding="utf-8")
    sources = gia_report.parse_with_notes(text).sources
    key = "requests/new/total"
    assert isinstance(sources[key], gia_report.CellSource) and sources[key] is sources[key]
    assert all(isinstance(source, gia_report.CellSource) for source in sources.values())
    assert "CellSource(" in repr(sources) and "(" + repr(sources[key].line) + "," not in repr(sources)
    again = pickle.loads(pickle.dumps(gia_report.parse_with_notes(text).sources))
    assert dict(again) == dict(sources) and isinstance(again[key], gia_report.CellSource)
    line = text.splitlines()[sources[key].line - 1]
    assert line[sources[key].column - 1 :].startswith(sources[key].text)
