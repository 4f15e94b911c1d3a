"""Sums of reports and the hierarchy check: cell-wise sums, blanks named, one finding per differing cell."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gia_report
from gia_report.aggregate import check_hierarchy, sum_reports, sum_reports_with_notes
from gia_report.catalog import FORMAT_VERSIONS, FormatVersion, compose_title
from gia_report.errors import AggregationError
from gia_report.records import report_from_cells
from gia_report.strategies import reports


def _named(report: gia_report.Report, index: int, year: int) -> gia_report.Report:
    agency = f"第{index}局"
    return attrs.evolve(report, agency=agency, year=year, title=compose_title(agency, year))


def _year(version: FormatVersion) -> int:
    return 2020 if version == "2019" else 2023


SHAPES: list[tuple[FormatVersion, bool]] = [("2019", True), ("2021", False), ("2021", True)]
# Drawing a report costs tens of milliseconds: a few children, and at most 100 examples even in CI.
EXAMPLES = settings(max_examples=min(100, settings().max_examples))


@st.composite
def _children(draw: st.DrawFn) -> list[gia_report.Report]:
    """One to three children of one format and one shape of （六）其他处理, all of the same year."""
    version, hybrid = draw(st.sampled_from(SHAPES))
    drawn = draw(st.lists(reports(version, consistent=False, hybrid=hybrid), min_size=1, max_size=3))
    return [_named(report, index, _year(version)) for index, report in enumerate(drawn)]


def _cells(report: gia_report.Report) -> dict[str, Any]:
    return {f"{r['table']}/{r['row']}/{r['column']}": r["value"] for r in gia_report.to_records(report)}


@EXAMPLES
@given(_children())
def test_sum_is_cell_wise(children: list[gia_report.Report]) -> None:
    """Every cell of the sum is the sum of the children's printed values, blank where all are blank, noted."""
    year = children[0].year
    result = sum_reports_with_notes(children, agency="某县", year=year)
    cells = [_cells(child) for child in children]
    expected: dict[str, Any] = {}
    blank_in: dict[str, tuple[int, ...]] = {}
    for key in cells[0]:
        printed = [child[key] for child in cells if child[key] is not None]
        expected[key] = sum(printed[1:], printed[0]) if printed else None
        blank = tuple(i for i, child in enumerate(cells) if child[key] is None)
        if blank and printed:
            blank_in[key] = blank
    assert _cells(result.report) == expected
    assert {note.key: note.children for note in result.notes} == blank_in
    assert (result.report.agency, result.report.year) == ("某县", year)


@EXAMPLES
@given(_children(), st.data())
def test_a_changed_cell_gives_one_finding_there(children: list[gia_report.Report], data: st.DataObject) -> None:
    """Change one cell of one child after summing: check_hierarchy finds exactly that cell, and nothing before."""
    parent = sum_reports(children, agency="某县")
    assert not check_hierarchy(parent, children)
    index = data.draw(st.integers(0, len(children) - 1))
    cells = _cells(children[index])
    key = data.draw(st.sampled_from(sorted(cells)))
    delta = data.draw(st.integers(1, 50))
    old = cells[key]
    cells[key] = (old or 0) + (Decimal(delta) if key.endswith("/amount") else delta)
    child = children[index]
    changed = report_from_cells(
        child.format_version,
        cells,
        other_as_one_row=child.requests.other_as_one_row,
        agency=child.agency,
        year=child.year,
        title=child.title,
    )
    others = [*children[:index], changed, *children[index + 1 :]]
    found = check_hierarchy(parent, others)
    assert [finding.key for finding in found] == [key]
    total = _cells(parent)[key]
    if total is not None and all(_cells(other)[key] is not None for other in others):
        (finding,) = found
        assert (finding.code, finding.severity) == ("hierarchy-sum", "error")
        assert (finding.actual, finding.expected) == (total, total + delta)
    else:
        assert found[0].code == "blank-term"


def _report(**tables: Any) -> gia_report.Report:
    return gia_report.Report(format_version="2021", year=2023, agency=tables.pop("agency", None), **tables)


def _requests(**rows: dict[str, int | None]) -> gia_report.Requests:
    return gia_report.Requests(**{key: gia_report.RequestRow(**values) for key, values in rows.items()})


def test_blanks_by_hand() -> None:
    """Blank in both stays blank; blank in one is the other's value, with a note naming the blank one."""
    one = _report(agency="甲局", requests=_requests(new={"natural_person": 2, "total": 2}))
    two = _report(agency="乙局", requests=_requests(new={"natural_person": 3, "total": None}))
    result = sum_reports_with_notes([one, two], agency="某县")
    assert result.report.requests.new.natural_person == 5
    assert result.report.requests.new.total == 2
    assert result.report.requests.new.commercial is None
    (note,) = result.notes
    assert (note.code, note.key, note.children) == ("blank-in-some", "requests/new/total", (1,))
    assert str(note) == (
        "requests/new/total: 一、本年新收政府信息公开申请数量/总计 is blank in reports[1] (乙局): "
        "the sum is of the 1 reports that print it [blank-in-some]"
    )
    assert result.report.title == "某县2023年政府信息公开工作年度报告"


def test_money_adds_exactly() -> None:
    """Fees in 万元 add as decimals, without binary rounding."""
    fees = [Decimal("0.1"), Decimal("0.2"), Decimal("12.345")]
    children = [_report(active=gia_report.Active2021(fees=gia_report.FeeAmount(amount=fee))) for fee in fees]
    assert sum_reports(children).active.fees.amount == Decimal("12.645")  # type: ignore[union-attr]


def test_mixed_other_rows_sum_as_one_row() -> None:
    """A three-row child and a hybrid child sum to one （六）其他处理 row, the three rows added in, with a note."""
    three = _report(
        agency="甲局",
        requests=_requests(other_no_correction={"natural_person": 1}, other_other={"natural_person": 2}),
    )
    one = _report(
        agency="乙局",
        requests=gia_report.Requests(
            other_no_correction=None,
            other_unpaid_fees=None,
            other_other=None,
            other_handling=gia_report.RequestRow(natural_person=4, research=1),
        ),
    )
    result = sum_reports_with_notes([three, one])
    handling = result.report.requests.other_handling
    assert handling is not None and result.report.requests.other_no_correction is None
    assert (handling.natural_person, handling.research, handling.total) == (1 + 2 + 4, 1, None)
    joined = [note for note in result.notes if note.code == "other-rows-joined"]
    assert [(note.key, note.children) for note in joined] == [("requests/other_handling", (0,))]
    # research: the three-row child leaves all three blank, so only the hybrid child prints it.
    blank = {note.key: note.children for note in result.notes if note.code == "blank-in-some"}
    assert blank["requests/other_handling/research"] == (0,)


def test_different_formats_and_years_are_refused() -> None:
    """Reports of two formats or two years, none at all, or a year not theirs raise AggregationError."""
    this = _report(agency="甲局")
    old = gia_report.Report(format_version="2019", agency="乙局", year=2020)
    with pytest.raises(
        AggregationError, match=r"different formats .* reports\[0\] \(甲局\) 2021, reports\[1\] \(乙局\) 2019"
    ):
        sum_reports([this, old])
    with pytest.raises(AggregationError, match="different years"):
        sum_reports([this, _named(this, 1, 2024)])
    with pytest.raises(AggregationError, match="no child reports"):
        sum_reports([])
    with pytest.raises(AggregationError, match="of 2023: their sum cannot be a report of 2022"):
        sum_reports([this], year=2022)
    with pytest.raises(ValueError, match="different formats"):
        check_hierarchy(old, [this])
    assert issubclass(AggregationError, gia_report.GiaReportError)


def test_hierarchy_finding_by_hand() -> None:
    """A parent's 予以公开/自然人 of 30 against children's 10 + 21 is one located error with its terms."""
    children = [
        _report(agency="甲局", requests=_requests(granted={"natural_person": 10})),
        _report(agency="乙局", requests=_requests(granted={"natural_person": 21})),
    ]
    parent = _report(agency="某县", requests=_requests(granted={"natural_person": 30}))
    (found,) = check_hierarchy(parent, children)
    assert (found.code, found.key, found.severity) == ("hierarchy-sum", "requests/granted/natural_person", "error")
    assert (found.actual, found.expected) == (30, 31)
    assert found.message == "（一）予以公开/自然人 is 30 but the 2 reports below add up to 31"
    assert found.terms == (("parent", 30), ("children[0]", 10), ("children[1]", 21))


def test_hierarchy_with_blanks_warns() -> None:
    """A child leaving the cell blank: no finding when the parent is the others' sum, else a blank-term warning."""
    children = [
        _report(agency="甲局", requests=_requests(granted={"natural_person": 10})),
        _report(agency="乙局"),
    ]
    assert not check_hierarchy(_report(requests=_requests(granted={"natural_person": 10})), children)
    (found,) = check_hierarchy(_report(requests=_requests(granted={"natural_person": 12})), children)
    assert (found.code, found.severity, found.identity) == ("blank-term", "warning", "hierarchy-sum")
    assert found.message.endswith("(blank: children[1] (乙局))")
    (found,) = check_hierarchy(_report(), [_report(requests=_requests(granted={"natural_person": 3}))])
    assert found.code == "blank-term" and found.message.endswith("(blank: the parent)")


@pytest.mark.parametrize("version", FORMAT_VERSIONS)
def test_exported(version: FormatVersion) -> None:
    """The functions are reachable from the package, and an empty report's sum with itself is empty."""
    empty = gia_report.Report(format_version=version)
    assert gia_report.sum_reports([empty, empty]) == empty
    assert gia_report.check_hierarchy(empty, [empty, empty]).ok
