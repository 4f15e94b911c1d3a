"""Markdown tables a PDF converter broke apart: rows of values whose labels it pulled out, read only where proven."""

from __future__ import annotations

import attrs
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import gia_report
from gia_report import Report, RequestRow
from gia_report.catalog import FORMATS
from gia_report.parsing._labels import normalize_label, strip_numbering
from gia_report.strategies import reports

_HEAD = (
    "某局2023年政府信息公开工作年度报告\n一、总体情况\n二、主动公开政府信息情况\n"
    "| 规章 | 0 | 0 | 0 |\n|---|---|---|---|\n"
)
_TAIL = (
    "四、政府信息公开行政复议、行政诉讼情况\n" + "| " + " | ".join(["0"] * 15) + " |\n五、存在的主要问题及改进情况\n"
)
_ROWS = "三、收到和处理政府信息公开申请情况\n"


def _row(*cells: object) -> str:
    return "| " + " | ".join(map(str, cells)) + " |"


def _values(*values: int) -> str:
    return "| " + " | ".join(map(str, values)) + " |"


_RULE7 = "|---|---|---|---|---|---|---|"
_RULE8 = "|---|---|---|---|---|---|---|---|"


def _report(*lines: str) -> gia_report.ParseResult:
    return gia_report.parse_with_notes(_HEAD + _ROWS + "\n".join(lines) + "\n" + _TAIL)


def _noted(result: gia_report.ParseResult, key: str) -> bool:
    return any(key in note.cells for note in result.notes)


# The shape of the real conversion: 1.属于国家秘密 labelled, 2.其他法律… pulled out of the table (its label
# printed before the row before it), 3.危及… labelled; （二）部分公开 pulled out, its label printed after its values.
_BROKEN = (
    _row("一、本年新收政府信息公开申请数量", 5, 1, 0, 0, 0, 0, 6),
    _RULE8,
    _row("三、", "（一）予以公开", 3, 0, 0, 0, 0, 0, 3),
    _values(2, 1, 0, 0, 0, 0, 3),
    _RULE7,
    "",
    "（二）部分公开（区分处理的，只",
    "度办",
    "理结计这一情形，不计其他情形）",
    "果",
    "2.其他法律行政法规禁",
    "止公开",
    _row("1.属于国家秘密", 0, 0, 1, 0, 0, 0, 1),
    _RULE8,
    _values(4, 0, 0, 0, 0, 2, 6),
    _RULE7,
    _row("3.危及“三安全一稳定”", 7, 0, 0, 0, 0, 0, 7),
)


def test_rows_pulled_out_of_the_table_are_read_between_their_neighbours() -> None:
    """Each row of values alone between two labelled rows, with its label printed out of the table, is that row."""
    result = _report(*_BROKEN)
    requests = result.report.requests
    assert requests.partially_granted == RequestRow(
        natural_person=2, commercial=1, research=0, social_welfare=0, legal_services=0, other_org=0, total=3
    )
    assert requests.withheld_prohibited_by_law == RequestRow(
        natural_person=4, commercial=0, research=0, social_welfare=0, legal_services=0, other_org=2, total=6
    )
    # The labelled row keeps its own values, not those of the row printed after it.
    assert requests.withheld_state_secret == RequestRow(
        natural_person=0, commercial=0, research=1, social_welfare=0, legal_services=0, other_org=0, total=1
    )
    assert requests.withheld_three_safeties.total == 7
    assert _noted(result, "requests/partially_granted/natural_person")
    assert _noted(result, "requests/withheld_prohibited_by_law/total")


def test_a_page_number_between_the_pieces_is_no_value() -> None:
    """A number on a line of its own between the pieces of the table is read as no row's value."""
    lines = list(_BROKEN)
    lines.insert(lines.index("果"), "1")
    requests = _report(*lines).report.requests
    assert requests.partially_granted.natural_person == 2
    assert requests.granted.natural_person == 3


def _given(result: gia_report.ParseResult) -> set[str]:
    """The rows given back to their values by the table's proof (their joined-row notes)."""
    return {
        key.split("/")[1]
        for note in result.notes
        if note.code == "joined-row" and "printed out of the table" in note.message
        for key in note.cells
    }


def _printed(result: gia_report.ParseResult, row: str, *values: int) -> bool:
    """Whether *row* reads as *values* or blank in every cell (never another number)."""
    read = attrs.astuple(getattr(result.report.requests, row))
    return all(got is None or got == want for got, want in zip(read, values, strict=True))


def test_not_as_many_rows_of_values_as_the_catalog_has_there() -> None:
    """Two rows of values where the catalog has one row between the labelled rows: neither is given a row."""
    lines = list(_BROKEN)
    lines.insert(lines.index(_values(4, 0, 0, 0, 0, 2, 6)), _values(9, 0, 0, 0, 0, 0, 9))
    result = _report(*lines)
    assert _given(result) == {"partially_granted"}  # the other gap is still proven
    assert result.report.requests.withheld_prohibited_by_law.total is None


def test_a_row_whose_label_is_printed_nowhere_is_not_placed() -> None:
    """Values between two labelled rows whose row's label is printed nowhere are placed in no row."""
    lines = [line for line in _BROKEN if line not in ("2.其他法律行政法规禁", "止公开")]
    result = _report(*lines)
    assert _given(result) == {"partially_granted"}
    prohibited = result.report.requests.withheld_prohibited_by_law
    assert prohibited.natural_person is None and prohibited.other_org is None
    assert result.report.requests.withheld_three_safeties.natural_person == 7


# The rows around （六）其他处理: the last row of （五） labelled, then (after the rows of （六)) （七）总计.
_BEFORE_OTHER = (_row("（五）不予处理", "5.要求行政机关确认或重新出具已获取信息", 1, 0, 0, 0, 0, 0, 1), _RULE8, "")
_OUTCOMES_TOTAL = _row("（七）总计", 9, 3, 0, 0, 0, 4, 16)


def test_the_three_rows_of_other_handling_pulled_out_are_given_back() -> None:
    """The three rows of （六）其他处理 (2021), their labels pulled out and cut over lines, read between neighbours.

    Three rows of values where the catalog has three rows rule out a report
    printing （六）其他处理 as one row, which prints one there.
    """
    lines = [
        *_BEFORE_OTHER,
        "1.申请人无",
        "正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        _values(2, 0, 0, 0, 0, 0, 2),
        _RULE7,
        "",
        "2.申请人逾期未按收费通知要求缴纳费用、行",
        "政机关不再处理其政府信息公开申请",
        _values(0, 3, 0, 0, 0, 0, 3),
        _RULE7,
        "",
        "3.其他",
        _values(0, 0, 0, 0, 0, 4, 4),
        _RULE7,
        _OUTCOMES_TOTAL,
    ]
    result = _report(*lines)
    requests = result.report.requests
    assert _given(result) == {"other_no_correction", "other_unpaid_fees", "other_other"}
    assert requests.other_no_correction == RequestRow(
        natural_person=2, commercial=0, research=0, social_welfare=0, legal_services=0, other_org=0, total=2
    )
    assert requests.other_unpaid_fees == RequestRow(
        natural_person=0, commercial=3, research=0, social_welfare=0, legal_services=0, other_org=0, total=3
    )
    assert requests.other_other == RequestRow(
        natural_person=0, commercial=0, research=0, social_welfare=0, legal_services=0, other_org=4, total=4
    )
    assert requests.other_handling is None


def test_one_row_of_values_where_the_catalog_has_three_is_given_none() -> None:
    """A report printing （六）其他处理 as one row, its label pulled out: its values are no row's."""
    lines = [
        *_BEFORE_OTHER,
        "（六）其他处理",
        _values(2, 3, 0, 0, 0, 4, 9),
        _RULE7,
        _OUTCOMES_TOTAL,
    ]
    result = _report(*lines)
    requests = result.report.requests
    assert _given(result) == set()
    for row in ("other_no_correction", "other_unpaid_fees", "other_other"):
        assert _printed(result, row, 0, 0, 0, 0, 0, 0, 0)
    assert requests.other_handling is None or requests.other_handling.total in (None, 9)


def test_labelled_rows_out_of_catalog_order_prove_nothing() -> None:
    """Labelled rows printed out of the catalog's order: no row of values is given a row by its place."""
    lines = list(_BROKEN)
    moved = _row("3.危及“三安全一稳定”", 7, 0, 0, 0, 0, 0, 7)
    lines.remove(moved)
    lines.insert(1, moved)
    result = _report(*lines)
    assert _given(result) == set()
    assert _printed(result, "partially_granted", 2, 1, 0, 0, 0, 0, 3)
    assert _printed(result, "withheld_prohibited_by_law", 4, 0, 0, 0, 0, 2, 6)
    assert result.report.requests.withheld_state_secret.research == 1


def test_numbers_in_the_text_between_the_pieces_prove_nothing() -> None:
    """A line of text holding numbers between two labelled rows may be a row: that gap is not given rows."""
    lines = list(_BROKEN)
    lines.insert(lines.index("止公开"), "2 0 0 0 0 0 2")
    result = _report(*lines)
    assert _given(result) == {"withheld_prohibited_by_law"}
    assert _printed(result, "partially_granted", 2, 1, 0, 0, 0, 0, 3)


def test_a_label_alone_before_values_is_not_a_bound() -> None:
    """A labelled row printing no cells of its own may own the values after it: they are not given the next row."""
    lines = list(_BROKEN)
    at = lines.index(_row("1.属于国家秘密", 0, 0, 1, 0, 0, 0, 1))
    lines[at] = "| 1.属于国家秘密 |"
    result = _report(*lines)
    assert "withheld_prohibited_by_law" not in _given(result)
    assert _printed(result, "withheld_prohibited_by_law", 4, 0, 0, 0, 0, 2, 6)


def test_a_label_out_of_the_table_is_never_paired_by_its_place_alone() -> None:
    """A label printed out of the table, then values of another row (its own lost): the values are not its."""
    lines = list(_BROKEN)
    lines.remove(_values(2, 1, 0, 0, 0, 0, 3))  # the values of （二）部分公开 are lost
    lines.insert(lines.index(_row("1.属于国家秘密", 0, 0, 1, 0, 0, 0, 1)), "（一）予以公开")
    lines.remove(_row("三、", "（一）予以公开", 3, 0, 0, 0, 0, 0, 3))
    result = _report(*lines)
    assert _printed(result, "granted", 3, 0, 0, 0, 0, 0, 3)
    assert _printed(result, "partially_granted", 2, 1, 0, 0, 0, 0, 3)
    assert _printed(result, "withheld_prohibited_by_law", 4, 0, 0, 0, 0, 2, 6)


# --- A property: drawn reports, written as markdown, broken the way the converter breaks them --------------------


def _markdown_lines(report: Report) -> list[str]:
    """*report* as markdown: `dumps`' pipe rows opened by '|', a rule line under each table's first row."""
    text = gia_report.dumps(report, "pipe")
    lines: list[str] = []
    in_table = False
    for line in text.split("\n"):
        if line.endswith(" |"):
            lines.append("|" + line if line.startswith(" ") else "| " + line)
            if not in_table:
                lines.append("|---|---|")
            in_table = True
        else:
            lines.append(line)
            in_table = False
    return lines


@st.composite
def _broken(draw: st.DrawFn, hybrid: bool | None) -> tuple[Report, str, frozenset[str]]:
    """A drawn report as markdown whose table 三 lost some rows' labels out of the table, and those rows' keys."""
    report = draw(reports(consistent=False, hybrid=hybrid))
    lines = _markdown_lines(report)
    table = FORMATS[report.format_version].table("requests")
    start = lines.index("三、收到和处理政府信息公开申请情况")
    end = lines.index("四、政府信息公开行政复议、行政诉讼情况")
    rows = [i for i in range(start + 1, end) if lines[i].startswith("|") and not lines[i].startswith("|---")][3:]
    printed = [row for row in table.rows if not row.optional or report.requests.other_handling is not None]
    printed = [row for row in printed if row.key not in row_replaced(table, report)]
    assert len(printed) == len(rows), (len(printed), len(rows))
    interior = list(range(1, len(rows) - 1))
    pulled = draw(st.sets(st.sampled_from(interior), max_size=6))
    out = lines[: start + 1]
    body: list[str] = []
    pending_rule = False
    for index, (at, row) in enumerate(zip(rows, printed, strict=True)):
        cells = [cell.strip() for cell in lines[at].strip().strip("|").split("|")]
        if index not in pulled or not any(cells[-len(row.columns) :]):  # a row of empty cells proves no row
            pulled.discard(index)
            body.append(lines[at])
            if pending_rule:
                body.append("|---|---|---|---|---|---|---|---|")
                pending_rule = False
            continue
        values = cells[-len(row.columns) :]
        label = normalize_label(row.label)
        least = len(label) - len(strip_numbering(label)) + 4  # a converter cuts a cell's text at its width
        first = next(
            i for i in range(len(row.label) + 1) if len(normalize_label(row.label[:i])) >= min(least, len(label))
        )
        cut = draw(st.integers(first, len(row.label)))
        chunks = [row.label[:cut]]
        rest = row.label[cut:]
        while rest:
            size = draw(st.integers(1, len(rest)))
            chunks.append(rest[:size])
            rest = rest[size:]
        text = ["", *([row.group[:2], row.group[2:]] if row.group and draw(st.booleans()) else []), *chunks]
        if draw(st.booleans()) and len(chunks) > 1:
            text.insert(3 if len(text) > 3 else len(text), "度办")  # a fragment of another column's label
        where = draw(st.sampled_from(("before", "after", "earlier")))
        row_line = "| " + " | ".join(values) + " |"
        if where == "before":
            body.extend(text)
            body.append(row_line)
            body.append("|---|---|---|---|---|---|---|")
        elif where == "after":
            body.append(row_line)
            body.extend(text)
            pending_rule = True
        else:
            body[-1:-1] = text  # before the row printed before it
            body.append(row_line)
    out.extend(body)
    out.extend(lines[end:])
    keys = frozenset(printed[index].key for index in pulled)
    return report, "\n".join(out), keys


def row_replaced(table: object, report: Report) -> set[str]:
    """The rows a hybrid report's （六）其他处理 stands in place of (none for a report printing them)."""
    if report.format_version == "2021" and report.requests.other_handling is not None:
        return {"other_no_correction", "other_unpaid_fees", "other_other"}
    return set()


def _values_only(line: str) -> bool:
    """Whether *line* is a table row of values with no label (``| 1 | 0 |  |``)."""
    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
    return line.startswith("|") and not line.startswith("|---") and all(not c or c.isdigit() for c in cells)


def _cells(report: Report) -> dict[str, object]:
    return {f"{r['table']}/{r['row']}/{r['column']}": r["value"] for r in gia_report.to_records(report)}


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(_broken(hybrid=False))
def test_broken_markdown_reads_every_cell_of_a_report_printing_every_row(
    case: tuple[Report, str, frozenset[str]],
) -> None:
    """Rows pulled out of a drawn report's table 三 (labels cut over lines, printed around them) read as drawn."""
    report, text, _ = case
    result = gia_report.parse_with_notes(text)
    want, got = _cells(report), _cells(result.report)
    missed = {
        key: (want[key], got.get(key)) for key in want if key.startswith("requests/") and got.get(key) != want[key]
    }
    lines = text.split("\n")
    shown = lines[
        lines.index("三、收到和处理政府信息公开申请情况") : lines.index("四、政府信息公开行政复议、行政诉讼情况")
    ]
    assert missed == {}, "\n".join(shown) + "\n" + "\n".join(map(str, result.notes))


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(_broken(hybrid=None), st.data())
def test_broken_markdown_with_a_row_lost_or_moved_moves_no_number(
    case: tuple[Report, str, frozenset[str]], data: st.DataObject
) -> None:
    """The same text with a line of table 三 deleted or moved: every cell is as drawn or None, never another number.

    A line of values without a label moved past another such line is left out: where their labels were
    pulled out of the table, the two lines in either order are the same text as a report printing the
    other's values (labels before their rows are paired with the lines of values in order).
    """
    report, text, _ = case
    lines = text.split("\n")
    start = lines.index("三、收到和处理政府信息公开申请情况")
    end = lines.index("四、政府信息公开行政复议、行政诉讼情况")
    at = data.draw(st.integers(start + 5, end - 1))
    line = lines.pop(at)
    if data.draw(st.booleans()):
        to = data.draw(st.integers(start + 5, end - 1))
        passed = lines[min(at, to) : max(at, to)]
        assume(not (_values_only(line) and any(map(_values_only, passed))))
        lines.insert(to, line)
    result = gia_report.parse_with_notes("\n".join(lines))
    want, got = _cells(report), _cells(result.report)
    wrong = {
        key: (want.get(key), value)
        for key, value in got.items()
        if key.startswith("requests/") and value is not None and value != want.get(key)
    }
    assert wrong == {}, "\n".join(lines[start:end]) + "\n" + "\n".join(map(str, result.notes))
