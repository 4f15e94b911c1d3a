"""Checks across years: a report against the same agency's report of the year before."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from ..model import Active2021, Report
from ._context import Cells, finding
from .findings import Finding

__all__ = ["check_pairs", "consecutive"]


def consecutive(reports: Iterable[Report]) -> Iterator[tuple[Report, Report]]:
    """Pairs (last year, this year) of reports of the same agency in consecutive years."""
    by_agency: dict[str, dict[int, Report]] = defaultdict(dict)
    for report in reports:
        if report.agency and report.year is not None:
            by_agency[report.agency].setdefault(report.year, report)
    for years in by_agency.values():
        for year in sorted(years):
            if year - 1 in years:
                yield years[year - 1], years[year]


def check_pairs(before: Report, after: Report) -> Iterator[Finding]:
    """Warnings where *after* does not carry on from *before*."""
    cells = Cells(after)
    table = cells.spec.table("requests")
    for column in table.rows[0].columns:
        forward = getattr(before.requests.carried_forward, column.key)
        over = getattr(after.requests.carried_over, column.key)
        if forward is not None and over is not None and forward != over:
            yield finding(
                "carry-over", table, "carried_over", column.key,
                actual=over, expected=forward, year_before=before.year, year=after.year,
            )  # fmt: skip
    if isinstance(before.active, Active2021) and isinstance(after.active, Active2021):
        active = cells.spec.table("active")
        for row in ("regulations", "normative_documents"):
            last, this = getattr(before.active, row), getattr(after.active, row)
            numbers = (last.in_force, this.issued, this.repealed, this.in_force)
            if any(number is None for number in numbers):
                continue
            expected = last.in_force + this.issued - this.repealed
            if expected != this.in_force:
                yield finding(
                    "stock-change", active, row, "in_force", actual=this.in_force, expected=expected,
                    before=last.in_force, issued=this.issued, repealed=this.repealed, year=after.year,
                )  # fmt: skip
