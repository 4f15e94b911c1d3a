"""Sums of reports: a county's report as the cell-wise sum of its departments', and the check that it is.

`sum_reports` adds the children's cells key by key (FORMAT.md §2): a cell
blank in every child stays blank; a cell blank in some is the sum of the
children that print it, with a note naming those that left it blank (use
`sum_reports_with_notes` to have the notes). Reports of different formats or
years are refused with `AggregationError`.

（六）其他处理 may be printed as three rows (2021) or one (2019, and the 2021
hybrid). When every child prints it the same way the sum does too; when 2021
children mix the two, the sum prints one row, each three-row child adding its
three rows into it (a cell blank only where all three are), with a note
naming those children.

`check_hierarchy` compares a parent report with the sum of its children: one
``hierarchy-sum`` error per cell where they differ. Blanks are never taken for
zeros silently: where a child leaves the cell blank (or the parent does), a
difference is a ``blank-term`` warning naming the blank ones, and no finding
when the parent equals the sum of the children that print it.

>>> from gia_report import Report, RequestRow, Requests
>>> one = Report(format_version="2021", requests=Requests(new=RequestRow(natural_person=2)))
>>> two = Report(format_version="2021", requests=Requests(new=RequestRow(natural_person=3)))
>>> sum_reports([one, two]).requests.new.natural_person
5

.. versionadded:: 0.2
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

import attrs

from ._cells import cell_layout
from .catalog import FORMATS, FormatVersion
from .checking._context import finding, label_of, order
from .checking.findings import Findings
from .errors import AggregationError
from .model import Report
from .records import report_from_cells

__all__ = ["SumNote", "SumResult", "check_hierarchy", "sum_reports", "sum_reports_with_notes"]

Value = int | Decimal | None

_OTHER_ROWS = ("other_no_correction", "other_unpaid_fees", "other_other")


@attrs.frozen(kw_only=True)
class SumNote:
    """What a sum of reports could not take as printed: which cell or row, which children, and why.

    ``code`` is ``blank-in-some`` (``key`` is a cell ``table/row/column`` that
    the ``children`` left blank, summed over the others) or ``other-rows-joined``
    (``key`` is the row ``requests/other_handling``, into which the three
    （六）其他处理 rows of the ``children`` were added). ``children`` are
    positions in the reports given, from 0.

    .. versionadded:: 0.2
    """

    code: str
    key: str
    children: tuple[int, ...]
    message: str

    def __str__(self) -> str:
        return f"{self.key}: {self.message} [{self.code}]"


@attrs.frozen(kw_only=True)
class SumResult:
    """A sum of reports with its notes.

    >>> result = sum_reports_with_notes([Report(format_version="2021")] * 2)
    >>> result.report == Report(format_version="2021"), result.notes
    (True, ())

    .. versionadded:: 0.2
    """

    report: Report
    notes: tuple[SumNote, ...]


def _common_format(reports: Sequence[Report], what: str) -> FormatVersion:
    if not reports:
        raise AggregationError(f"no {what} reports to sum: give at least one")
    versions = {report.format_version for report in reports}
    if len(versions) > 1:
        listed = ", ".join(f"{_name(reports, i)} {r.format_version}" for i, r in enumerate(reports))
        raise AggregationError(f"the {what} reports are of different formats and cannot be added: {listed}")
    return reports[0].format_version


def _common_year(reports: Sequence[Report], what: str) -> int | None:
    years = {report.year for report in reports}
    if len(years) > 1:
        listed = ", ".join(f"{_name(reports, i)} {r.year or 'no year'}" for i, r in enumerate(reports))
        raise AggregationError(f"the {what} reports are of different years and cannot be added: {listed}")
    return reports[0].year


def _name(reports: Sequence[Report], index: int, called: str = "reports") -> str:
    agency = reports[index].agency
    return f"{called}[{index}]" + (f" ({agency})" if agency else "")


def _value(report: Report, table: str, row: str, column: str) -> Value:
    cells = getattr(getattr(report, table), row)
    if cells is not None:
        value: Value = getattr(cells, column)
        return value
    if row == "other_handling":
        # A child printing the three rows adds them into the one; blank only where all three are blank.
        parts = [getattr(getattr(report.requests, key), column) for key in _OTHER_ROWS]
        printed = [part for part in parts if part is not None]
        return sum(printed) if printed else None
    return None  # the three rows of a child printing （六）其他处理 as one row: not printed


def _add(values: Iterable[Value]) -> Value:
    printed = [value for value in values if value is not None]
    if not printed:
        return None
    total: int | Decimal = sum(printed[1:], printed[0])
    return total


def _shape(reports: Sequence[Report]) -> bool:
    """Whether the sum prints （六）其他处理 as one row: when any child does."""
    return any(report.requests.other_as_one_row for report in reports)


def sum_reports_with_notes(
    reports: Iterable[Report], *, agency: str | None = None, year: int | None = None
) -> SumResult:
    """The cell-wise sum of *reports* (see the module docstring), with a note for each blank it summed past.

    The sum is a report of *agency* for *year* (by default the children's
    year), with the national form's title and no narrative. Raises
    `AggregationError` for no reports, reports of different formats or years,
    or a *year* other than theirs.

    .. versionadded:: 0.2
    """
    children = list(reports)
    version = _common_format(children, "child")
    common = _common_year(children, "child")
    if year is not None and common is not None and year != common:
        raise AggregationError(f"the reports are of {common}: their sum cannot be a report of {year}")
    one_row = _shape(children)
    notes: list[SumNote] = []
    joined = tuple(i for i, child in enumerate(children) if one_row and not child.requests.other_as_one_row)
    if joined:
        names = ", ".join(_name(children, i) for i in joined)
        notes.append(
            SumNote(
                code="other-rows-joined",
                key="requests/other_handling",
                children=joined,
                message=f"（六）其他处理 is summed as one row: the three rows of {names} were added into it",
            )
        )
    spec = FORMATS[version]
    cells: dict[str, Value] = {}
    for table, row, column in cell_layout(version, other_as_one_row=one_row):
        key = f"{table.key}/{row.key}/{column.key}"
        values = [_value(child, table.key, row.key, column.key) for child in children]
        cells[key] = _add(values)
        blank = tuple(i for i, value in enumerate(values) if value is None)
        if blank and len(blank) < len(values):
            where = label_of(spec.table(table.key), row.key, column.key)
            names = ", ".join(_name(children, i) for i in blank)
            notes.append(
                SumNote(
                    code="blank-in-some",
                    key=key,
                    children=blank,
                    message=f"{where} is blank in {names}: the sum is of the {len(values) - len(blank)} "
                    "reports that print it",
                )
            )
    try:
        report = report_from_cells(
            version, cells, other_as_one_row=one_row, agency=agency, year=year if year is not None else common
        )
    except (TypeError, ValueError) as error:
        raise AggregationError(f"the sum is not a valid report: {error}") from None
    return SumResult(report=report, notes=tuple(notes))


def sum_reports(reports: Iterable[Report], *, agency: str | None = None, year: int | None = None) -> Report:
    """The cell-wise sum of *reports*: a report of *agency* for *year* (see `sum_reports_with_notes`).

    >>> sum_reports([Report(format_version="2021", agency="甲局", year=2023)], agency="某县", year=2023).title
    '某县2023年政府信息公开工作年度报告'

    .. versionadded:: 0.2
    """
    return sum_reports_with_notes(reports, agency=agency, year=year).report


def check_hierarchy(parent: Report, children: Iterable[Report]) -> Findings:
    """One finding for each cell where *parent* differs from the sum of *children*, in table order.

    A ``hierarchy-sum`` error where every child and the parent print the
    cell; a ``blank-term`` warning where some leave it blank and the parent
    is not the sum of those that print it (blanks as 0). A child that prints
    （六）其他处理 as one row has the three rows of a parent that prints them
    blank; a child that prints three adds them into a parent's one row.
    Raises `AggregationError` for children of another format or year than the
    parent's, or none.

    >>> child = Report(format_version="2021")
    >>> check_hierarchy(Report(format_version="2021"), [child, child]).ok
    True

    .. versionadded:: 0.2
    """
    reports = list(children)
    version = _common_format([parent, *reports], "parent and child")
    _common_year([parent, *reports], "parent and child")
    spec = FORMATS[version]
    found = []
    for table, row, column in cell_layout(version, other_as_one_row=parent.requests.other_as_one_row):
        total = _value(parent, table.key, row.key, column.key)
        values = [_value(child, table.key, row.key, column.key) for child in reports]
        blank = [i for i, value in enumerate(values) if value is None]
        if total is None and len(blank) == len(values):
            continue
        expected = _add(values) or 0
        actual = total or 0
        terms = (("parent", total), *((f"children[{i}]", value) for i, value in enumerate(values)))
        if actual == expected:
            continue
        if total is not None and not blank:
            found.append(
                finding(
                    "hierarchy-sum",
                    spec.table(table.key),
                    row.key,
                    column.key,
                    actual=total,
                    expected=expected,
                    count=len(values),
                    terms=terms,
                    identity="hierarchy-sum",
                )
            )
            continue
        names = [_name(reports, i, "children") for i in blank]
        found.append(
            finding(
                "blank-term",
                spec.table(table.key),
                row.key,
                column.key,
                actual=actual,
                expected=expected,
                terms=terms,
                identity="hierarchy-sum",
                blank="、".join((["the parent"] if total is None else []) + names),
            )
        )
    return Findings(tuple(order(found)))
