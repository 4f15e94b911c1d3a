"""The hard identities of FORMAT.md §3, read from the catalog, and the check that counts are counts.

Each identity instance (one column of ``balance``, one row of ``row-total`` …)
gives at most one finding:

- every term printed and the identity fails: an error at the total cell;
- some terms blank: nothing if the printed total is there (a term of the
  total side, for ``balance`` one of 一 and 二) and the identity holds with the
  blanks taken as 0, else a ``blank-term`` warning naming them;
- every term blank: nothing, as there is nothing printed to check.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from .._cells import equations
from ._context import Cells, finding, label_of
from .findings import Finding

__all__ = ["check_identities", "check_values"]


def _label(cells: Cells, key: str) -> str:
    table, row, column = key.split("/")
    return label_of(cells.spec.table(table), row, column)


def check_identities(cells: Cells) -> Iterator[Finding]:
    """Every finding of every hard identity of the report's format."""
    report = cells.report
    for equation in equations(report.format_version, other_as_one_row=report.requests.other_as_one_row):
        table = cells.spec.table(equation.table)
        totals, parts, row, column = equation.total, equation.parts, equation.row, equation.column
        terms = tuple((key, cells.values[key]) for key in (*totals, *parts))
        blank = [key for key, value in terms if value is None]
        if len(blank) == len(terms):
            continue
        actual = sum(cells.values[key] or 0 for key in totals)
        expected = sum(cells.values[key] or 0 for key in parts)
        if not blank:
            if actual != expected:
                yield finding(
                    equation.code,
                    table,
                    row,
                    column,
                    actual=actual,
                    expected=expected,
                    terms=terms,
                    identity=equation.code,
                )
            continue
        # The total side is printed when any of its terms is (balance has two: 一 and 二).
        total_printed = any(cells.values[key] is not None for key in totals)
        if total_printed and actual == expected:
            continue
        yield finding(
            "blank-term",
            table,
            row,
            column,
            actual=actual,
            expected=expected,
            terms=terms,
            identity=equation.code,
            blank="、".join(_label(cells, key) for key in blank),
        )


def check_values(cells: Cells) -> Iterator[Finding]:
    """An error for every count that is not a whole number ≥ 0 and every amount that is negative.

    The model's validators refuse such values, so this finds something only in
    a report built with validation turned off.
    """
    for table in cells.spec.tables:
        for row in cells.printed(table.key):
            for column in row.columns:
                value = cells.values[f"{table.key}/{row.key}/{column.key}"]
                if value is None:
                    continue
                if column.kind == "money":
                    wrong = not isinstance(value, Decimal) or not value.is_finite() or value < 0
                elif column.kind == "signed":
                    wrong = type(value) is not int
                else:
                    wrong = type(value) is not int or value < 0
                if wrong:
                    yield finding("negative-count", table, row.key, column.key, actual=value, expected=None)
