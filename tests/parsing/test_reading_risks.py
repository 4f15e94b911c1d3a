"""The risks of ../shared/design/READING.md §4: a printed number never lands in another cell.

Each test rewrites a report the way editors, PDF extractors and exports do, and
expects every cell to be the printed value, or ``None`` with a note that names
that cell. Expected values are the numbers written into the text by the test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import gia_report
from gia_report import DocumentCounts, ParseResult, Report, RequestRow, Requests
from gia_report.parsing import _tables
from gia_report.serializing._text import write_text
from tests.corpus import CORPUS, read_text

SEED_TAB = CORPUS / "seeds" / "004_e59e1557e310bd98.txt"
SEED_PIPE = CORPUS / "seeds" / "001_0db4d1d337420631.txt"
REAL_PDF_TEXT = CORPUS / "real" / "hongze_2024.pypdf.txt"


def _seed(path: Path) -> str:
    if not path.exists():
        pytest.skip(f"no shared corpus at {CORPUS}")
    return read_text(path)


def _values(row: RequestRow) -> tuple[int | None, ...]:
    return (
        row.natural_person,
        row.commercial,
        row.research,
        row.social_welfare,
        row.legal_services,
        row.other_org,
        row.total,
    )


def _noted(result: ParseResult, key: str) -> bool:
    """Whether a note names the cell *key*."""
    return any(key in note.cells for note in result.notes)


def _blank_or_noted(result: ParseResult, row: str, printed: tuple[int | None, ...]) -> None:
    """Every cell of requests row *row* is its printed value, or None with a note naming it."""
    got = _values(getattr(result.report.requests, row))
    columns = ("natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org", "total")
    for column, want, value in zip(columns, printed, got, strict=True):
        key = f"requests/{row}/{column}"
        assert value == want or (value is None and _noted(result, key)), f"{key}: printed {want}, read {value}"


def test_r1_stripped_trailing_tab_with_blank_total_is_not_shifted() -> None:
    """A row with its leading structural cell, its total blank and trailing tabs stripped reads in place."""
    text = _seed(SEED_TAB)
    row = "二、上年结转政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0\t"
    assert row in text
    result = gia_report.parse_with_notes(text.replace(row, "二、上年结转政府信息公开申请数量\t\t3\t0\t0\t0\t0\t0"))
    assert _values(result.report.requests.carried_over) == (3, 0, 0, 0, 0, 0, None)
    assert result.sources["requests/carried_over/natural_person"].how == "shape"


def test_r1_only_the_first_value_printed_is_not_shifted() -> None:
    """With only the first value printed after the structural cell, it stays in the first column."""
    text = _seed(SEED_TAB)
    row = "二、上年结转政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0\t"
    result = gia_report.parse_with_notes(text.replace(row, "二、上年结转政府信息公开申请数量\t\t3"))
    assert _values(result.report.requests.carried_over) == (3, None, None, None, None, None, None)


def test_r1_pipe_row_that_lost_its_padding_and_total() -> None:
    """A pipe row whose padding and last value were lost keeps its values in their columns."""
    text = _seed(SEED_PIPE)
    row = "二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||"
    assert row in text
    result = gia_report.parse_with_notes(
        text.replace(row, "二、上年结转政府信息公开申请数量 | 0 | 2 | 0 | 0 | 0 | 0 |")
    )
    _blank_or_noted(result, "carried_over", (0, 2, 0, 0, 0, 0, None))


def _blank_line_with_a_blank() -> str:
    """A blank-line report whose row 一 prints 3, blank, 2, 1, 0, 0, 6."""
    new = RequestRow(
        natural_person=3, commercial=None, research=2, social_welfare=1, legal_services=0, other_org=0, total=6
    )
    return write_text(Report(format_version="2021", agency="某局", year=2023, requests=Requests(new=new)), "blank-line")


def test_r2_empty_line_in_the_blank_line_layout_is_the_blank_cell() -> None:
    """A blank cell written as an empty line splits the row; the continuation is placed after the blank."""
    text = _blank_line_with_a_blank()
    cut = text.replace("\t一、本年新收政府信息公开申请数量\n\t3\n\t\n", "\t一、本年新收政府信息公开申请数量\n\t3\n\n")
    assert cut != text
    result = gia_report.parse_with_notes(cut)
    _blank_or_noted(result, "new", (3, None, 2, 1, 0, 0, 6))


def test_r2_two_empty_lines_for_one_missing_cell_are_not_guessed() -> None:
    """Where the empty lines do not match the missing cells, the row is left blank with a note naming it."""
    text = _blank_line_with_a_blank()
    cut = text.replace("\t一、本年新收政府信息公开申请数量\n\t3\n\t\n", "\t一、本年新收政府信息公开申请数量\n\t3\n\n\n")
    result = gia_report.parse_with_notes(cut)
    _blank_or_noted(result, "new", (3, None, 2, 1, 0, 0, 6))


def _appeals_text(body: str) -> str:
    text = write_text(Report(format_version="2021", agency="某局", year=2023), "tab")
    start, end = text.index("四、政府信息公开行政复议"), text.index("五、存在")
    return text[:start] + body + text[end:]


def test_r3_labelled_appeals_rows_in_another_order_are_placed_by_label() -> None:
    """Appeals printed as labelled rows, 复议后起诉 first, read by their labels."""
    body = (
        "四、政府信息公开行政复议、行政诉讼情况\n\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n"
        "复议后起诉\t0\t0\t0\t5\t5\n未经复议直接起诉\t2\t1\t0\t0\t3\n行政复议\t1\t0\t0\t0\t1\n"
    )
    appeals = gia_report.parse(_appeals_text(body)).appeals
    assert (appeals.review.upheld, appeals.review.total) == (1, 1)
    assert (appeals.litigation_direct.upheld, appeals.litigation_direct.corrected, appeals.litigation_direct.total) == (
        2,
        1,
        3,
    )
    assert (appeals.litigation_after_review.pending, appeals.litigation_after_review.total) == (5, 5)


def test_r3_appeals_header_in_another_order_maps_the_groups() -> None:
    """A data row under a header naming 复议后起诉 before 未经复议直接起诉 is read in the header's order."""
    captions = "\t".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3)
    body = (
        "四、政府信息公开行政复议、行政诉讼情况\n行政复议\t\t\t\t\t行政诉讼\n"
        "\t\t\t\t\t复议后起诉\t\t\t\t\t未经复议直接起诉\n"
        f"{captions}\n1\t0\t0\t0\t1\t0\t0\t0\t5\t5\t2\t1\t0\t0\t3\n"
    )
    appeals = gia_report.parse(_appeals_text(body)).appeals
    assert appeals.litigation_after_review.total == 5
    assert appeals.litigation_direct.total == 3


def test_r3_unlabelled_appeals_without_header_are_read_in_national_order_with_a_note() -> None:
    """Fifteen values with neither labels nor a header: national order, and a note saying so."""
    body = "四、政府信息公开行政复议、行政诉讼情况\n1\t0\t0\t0\t1\t2\t1\t0\t0\t3\t0\t0\t0\t5\t5\n"
    result = gia_report.parse_with_notes(_appeals_text(body))
    assert result.report.appeals.litigation_after_review.total == 5
    assert any(note.code == "appeals-by-order" for note in result.notes)


def test_r4_two_labels_before_their_values_are_paired_in_order() -> None:
    """PDF text printing label 3, label 4, values 3, values 4 gives each row its own values."""
    if not REAL_PDF_TEXT.exists():
        pytest.skip(f"no shared corpus at {CORPUS}")
    real = read_text(REAL_PDF_TEXT)
    rows = "3.危及“三安全一稳定” 1 0 0 0 0 0 1\n4.保护第三方合法权益 0 0 0 0 0 0 0\n"
    assert rows in real
    moved = real.replace(rows, "3.危及“三安全一稳定”\n4.保护第三方合法权益\n1 0 0 0 0 0 1\n0 0 0 0 0 0 0\n")
    result = gia_report.parse_with_notes(moved)
    _blank_or_noted(result, "withheld_three_safeties", (1, 0, 0, 0, 0, 0, 1))
    _blank_or_noted(result, "withheld_third_party", (0, 0, 0, 0, 0, 0, 0))


def test_r4_labels_before_fewer_lines_of_values_are_not_placed() -> None:
    """Two labels before one line of values: whose values they are is unknown, so neither row gets them."""
    if not REAL_PDF_TEXT.exists():
        pytest.skip(f"no shared corpus at {CORPUS}")
    real = read_text(REAL_PDF_TEXT)
    rows = "3.危及“三安全一稳定” 1 0 0 0 0 0 1\n4.保护第三方合法权益 0 0 0 0 0 0 0\n"
    result = gia_report.parse_with_notes(
        real.replace(rows, "3.危及“三安全一稳定”\n4.保护第三方合法权益\n1 0 0 0 0 0 1\n")
    )
    assert result.report.requests.withheld_third_party.total is None
    assert _noted(result, "requests/withheld_third_party/total")


def _blank_tab(*rows: tuple[str, str]) -> str:
    """A tab report printed all blank, with each printed row *old* replaced by *new*."""
    text = write_text(Report(format_version="2021", agency="某局", year=2023), "tab")
    for old, new in rows:
        line = next(line for line in text.splitlines() if old in line)
        text = text.replace(line, new)
    return text


def test_r5_an_identity_tie_break_is_recorded() -> None:
    """A placement chosen because the row adds up says so in its source and in the identities spent."""
    # Nine cells, two values: the windows starting at 1 and at 2 hold both; only the first adds up with its total.
    text = _blank_tab(("一、本年新收", "一、本年新收政府信息公开申请数量\t\t\t5\t\t\t\t\t5\t"))
    result = gia_report.parse_with_notes(text)
    assert _values(result.report.requests.new) == (None, 5, None, None, None, None, 5)
    source = result.sources["requests/new/total"]
    assert source.how == "total"
    assert source.equations == ("row-total at requests/new/total",)
    assert [str(equation) for equation in result.spent] == ["row-total at requests/new/total"]


def test_r6_a_window_is_not_applied_to_rows_whose_label_stands_elsewhere() -> None:
    """A window that fixed one row is not taken as the shape of a row whose label stands in another cell."""
    text = _blank_tab(
        ("一、本年新收", "一、本年新收政府信息公开申请数量\t\t5\t\t\t\t\t\t5\t"),
        ("予以公开", "三、本年度办理结果\t（一）予以公开\t\t\t4\t\t\t\t\t\t"),
    )
    result = gia_report.parse_with_notes(text)
    assert _values(result.report.requests.new) == (5, None, None, None, None, None, 5)
    assert _values(result.report.requests.granted) == (None,) * 7
    assert _noted(result, "requests/granted/commercial")


def test_r7_similar_label_with_another_enumerator_is_refused() -> None:
    """``5.属于三类过程性信息`` is not read as row 6; row 6 keeps its own values."""
    text = _seed(SEED_TAB)
    five = "⇥⇥5. 属于三类内部事务信息⇥0⇥0⇥0⇥0⇥0⇥0⇥0".replace("⇥", "\t")
    six = "⇥⇥6. 属于四类过程性信息⇥0⇥0⇥0⇥0⇥0⇥0⇥0".replace("⇥", "\t")
    assert five in text and six in text
    text = text.replace(five, "\t\t5. 属于三类过程性信息\t7\t0\t0\t0\t0\t0\t7").replace(
        six, "\t\t6. 属于四类过程性信息\t2\t0\t0\t0\t0\t0\t2"
    )
    result = gia_report.parse_with_notes(text)
    assert result.report.requests.withheld_process_info.total == 2
    assert result.report.requests.withheld_process_info.natural_person == 2


def test_r8_header_over_two_lines_in_another_order_is_not_read_in_catalog_order() -> None:
    """A two-line header naming 科研机构 before 商业企业 leaves the rows blank with a note, never swapped."""
    text = _seed(SEED_TAB)
    header = "⇥⇥⇥商业企业⇥科研机构⇥社会公益组织⇥法律服务机构⇥其他⇥⇥".replace("⇥", "\t")
    assert header in text
    row = "一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0\t"
    text = text.replace(header, header.replace("商业企业\t科研机构", "科研机构\t商业企业"))
    result = gia_report.parse_with_notes(text.replace(row, "一、本年新收政府信息公开申请数量\t\t0\t1\t2\t0\t0\t0\t3\t"))
    new = result.report.requests.new
    assert new.commercial in (None, 2) and new.research in (None, 1)
    if new.commercial is None:
        assert _noted(result, "requests/new/commercial")


def test_r9_a_blank_row_printed_with_its_group_is_found() -> None:
    """``（六）其他处理 | 3.其他`` printed blank is the row 3.其他 printed blank, not a header row."""
    text = _seed(SEED_TAB)
    row = "3. 其他\t\t0\t0\t0\t0\t0\t0\t0\t"
    assert row in text
    result = gia_report.parse_with_notes(text.replace(row, "\t(六) 其他处理\t3. 其他\t\t\t\t\t\t\t"))
    other = result.report.requests.other_other
    assert other is not None and _values(other) == (None,) * 7
    assert not any(note.code == "missing-row" and "3.其他" in note.message for note in result.notes)


def test_r10_an_internal_error_says_it_is_a_bug(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug inside the reader is a ParseError that says so, names the exception and chains it."""
    text = write_text(Report(format_version="2021", agency="某局", year=2023), "tab")

    def broken(*args: object) -> object:
        raise RuntimeError("placement exploded")

    monkeypatch.setattr(_tables, "read_appeals", broken)
    with pytest.raises(gia_report.ParseError) as raised:
        gia_report.parse(text)
    assert "bug" in raised.value.msg and "RuntimeError" in raised.value.msg
    assert isinstance(raised.value.__cause__, RuntimeError)


def test_r4_a_label_fragment_without_its_numbering_is_never_paired() -> None:
    """Labels before their values are paired only when each prints its own numbering, not a fragment."""
    text = _blank_tab(
        ("予以公开", "予以公开"),
        ("部分公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    )
    rows = "\n1\t0\t0\t0\t0\t0\t1\n2\t0\t0\t0\t0\t0\t2\n"
    label = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    result = gia_report.parse_with_notes(text.replace(label + "\n", label + rows, 1))
    # 予以公开 may be the rest of the row before (PDF text): whose values these are is not known.
    for row in ("granted", "partially_granted"):
        assert _values(getattr(result.report.requests, row)) == (None,) * 7
        assert _noted(result, f"requests/{row}/total")


def test_a_value_in_its_labels_cell_is_the_rows_first_value() -> None:
    """A label cell holding the first value too (after a space, or glued) reads it in the first column, noted."""
    text = _blank_tab(
        ("行政许可", "行政许可 97"),
        ("一、本年新收", "一、本年新收政府信息公开申请数量3\t1\t2\t1\t0\t6\t13"),
    )
    result = gia_report.parse_with_notes(text)
    assert result.report.active.licensing.decisions == 97
    assert _values(result.report.requests.new) == (3, 1, 2, 1, 0, 6, 13)
    assert [note.code for note in result.notes].count("value-in-label") == 2


def test_a_number_after_text_that_is_no_label_is_not_parted_off() -> None:
    """A cell whose text before its number is no label of the table is not read as label and value."""
    text = _blank_tab(("行政许可", "行政许可证 97"))
    result = gia_report.parse_with_notes(text)
    assert result.report.active.licensing.decisions is None
    assert "value-in-label" not in [note.code for note in result.notes]


def _blank_line_appeals(values: list[str]) -> str:
    """A blank-line report all blank but its appeals data row, printed as *values* (one line each)."""
    text = write_text(Report(format_version="2021", agency="某局", year=2023), "blank-line")
    start = text.index("\t结果维持", text.index("四、政府信息公开行政复议"))
    end = text.index("五、存在")
    header, _, _ = text[start:end].rpartition("\t总计\n")
    return text[:start] + header + "\t总计\n\n" + "".join(f"{v}\n" for v in values) + "\n" + text[end:]


def test_blank_line_appeals_opened_by_empty_cells_and_an_empty_line() -> None:
    """A data row whose third cell lost its tab (an empty line) after two empty cells reads each value in place."""
    # review: blank, blank, blank (the empty line), 4, 4; direct: 1 … 5; after review: 2 … 10.
    printed = ["", "", None, 4, 4, 1, 1, 1, 1, 4, 2, 2, 2, 2, 8]
    lines = ["" if v is None else f"\t{v}" for v in printed]
    result = gia_report.parse_with_notes(_blank_line_appeals(lines))
    appeals = result.report.appeals
    read = [
        getattr(getattr(appeals, row), column)
        for row in ("review", "litigation_direct", "litigation_after_review")
        for column in ("upheld", "corrected", "other", "pending", "total")
    ]
    assert read == [None if v in ("", None) else v for v in printed]


def test_blank_line_appeals_cut_by_an_empty_line_that_does_not_add_up_is_not_placed() -> None:
    """Fourteen cells and an empty line: which cell the line stands for is not known, so none is placed."""
    lines = ["\t1", "", "\t2", *(["\t0"] * 11)]
    result = gia_report.parse_with_notes(_blank_line_appeals(lines))
    assert result.report.appeals.review.upheld is None
    assert _noted(result, "appeals/review/upheld")


def test_a_row_printed_between_a_label_and_its_values_keeps_its_own() -> None:
    """Tab: 8.属于行政查询事项 alone, then row 7 whole, then 8's values: each row reads its own values."""
    text = _blank_tab(
        ("7.属于行政执法案卷", "8.属于行政查询事项\n7.属于行政执法案卷\t1\t0\t0\t0\t0\t0\t1\n2\t0\t0\t0\t0\t0\t2"),
        ("8.属于行政查询事项\t", ""),
    )
    result = gia_report.parse_with_notes(text)
    assert _values(result.report.requests.withheld_enforcement_files) == (1, 0, 0, 0, 0, 0, 1)
    assert _values(result.report.requests.withheld_query_matters) == (2, 0, 0, 0, 0, 0, 2)


def test_a_label_alone_before_a_whole_row_and_two_lines_of_values_gets_none() -> None:
    """A label alone, a whole row, then two lines of values: whose they are is not known, so neither is placed."""
    text = _blank_tab(
        (
            "7.属于行政执法案卷",
            "8.属于行政查询事项\n7.属于行政执法案卷\t1\t0\t0\t0\t0\t0\t1\n2\t0\t0\t0\t0\t0\t2\n3\t0\t0\t0\t0\t0\t3",
        ),
        ("8.属于行政查询事项\t", ""),
    )
    result = gia_report.parse_with_notes(text)
    assert _values(result.report.requests.withheld_enforcement_files) == (1, 0, 0, 0, 0, 0, 1)
    assert _values(result.report.requests.withheld_query_matters) == (None,) * 7
    assert _noted(result, "requests/withheld_query_matters/total")


def test_a_header_whose_captions_lost_their_separator_still_orders_the_columns() -> None:
    """本年废止件数本年制发件数 in one header cell: 规章's values are placed in the order the header prints."""
    text = _blank_tab(
        ("信息内容\t本年制发件数", "信息内容\t本年废止件数本年制发件数\t现行有效件数"),
        ("规章\t", "规章\t2\t1\t3"),
    )
    regulations = gia_report.parse(text).active.regulations
    assert isinstance(regulations, DocumentCounts)
    assert (regulations.issued, regulations.repealed, regulations.in_force) == (1, 2, 3)


def test_values_without_a_label_do_not_continue_a_row_across_a_header() -> None:
    """A short row, then a block's header, then values without a label: they are not the short row's."""
    text = _blank_tab(("行政规范性文件", "行政规范性文件\t\t5"), ("行政许可", "\t200"))
    result = gia_report.parse_with_notes(text)
    normative = result.report.active.normative_documents
    assert isinstance(normative, DocumentCounts)
    assert normative.in_force in (None, 5) and normative.repealed in (None, 5)
    assert result.report.active.licensing.decisions is None
    assert any(note.code == "unplaced-cells" and note.line is not None for note in result.notes)


def test_a_row_printed_twice_with_other_values_leaves_the_differing_cells_blank() -> None:
    """规章 printed twice, 1 2 3 then 1 5 3: 1 and 3 stand, the middle cell is blank with a note naming it."""
    text = _blank_tab(("规章", "规章\t1\t2\t3\n规章\t1\t5\t3"))
    result = gia_report.parse_with_notes(text)
    regulations = result.report.active.regulations
    assert isinstance(regulations, DocumentCounts)
    assert (regulations.issued, regulations.repealed, regulations.in_force) == (1, None, 3)
    conflicts = [note for note in result.notes if note.code == "conflicting-row"]
    assert [tuple(note.cells) for note in conflicts] == [("active/regulations/repealed",)]


def test_a_row_printed_twice_alike_reads_its_values() -> None:
    """规章 printed twice with the same values reads them, with a duplicate-row note."""
    text = _blank_tab(("规章", "规章\t1\t2\t3\n规章\t1\t2\t3"))
    result = gia_report.parse_with_notes(text)
    regulations = result.report.active.regulations
    assert isinstance(regulations, DocumentCounts)
    assert (regulations.issued, regulations.repealed, regulations.in_force) == (1, 2, 3)
    assert "duplicate-row" in [note.code for note in result.notes]


def test_a_row_printed_inside_a_header_in_another_order_is_not_read_in_national_order() -> None:
    """A row between the header's lines, the second swapping 商业企业 and 科研机构, is not read in national order."""
    captions = "\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t"
    moved = "（三）不予公开\t1.属于国家秘密\t1\t2\t3\t4\t5\t6\t21"
    text = _blank_tab(
        ("1.属于国家秘密", ""),
        (captions, moved + "\n" + captions.replace("商业企业\t科研机构", "科研机构\t商业企业")),
    )
    assert text.count("1.属于国家秘密") == 1 and moved + "\n\t\t\t科研机构" in text
    result = gia_report.parse_with_notes(text)
    # Under the swapped captions 2 is research's and 3 commercial's.
    _blank_or_noted(result, "withheld_state_secret", (1, 3, 2, 4, 5, 6, 21))
