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

from collections.abc import Iterator, Sequence
from decimal import Decimal
from functools import cache
from itertools import compress
from operator import itemgetter, ne
from typing import Any

import attrs

from .._cells import Equation, equations
from ..catalog import FORMATS, FormatVersion
from ._context import WHOLE, Cells, Picker, finding, label_of, layout
from .findings import Finding

__all__ = ["check_identities", "check_values"]


def _label(cells: Cells, key: str) -> str:
    table, row, column = key.split("/")
    return label_of(cells.spec.table(table), row, column)


@attrs.frozen
class _Sums:
    """The identity instances of one layout, each side of each ready to be summed in one call.

    ``totals[i]`` and ``parts[i]`` pick the terms of instance *i* from a report's listed values followed
    by a 0 (the 0 keeps every pick a tuple); ``touching[p]`` are the instances with a term at position
    *p*; ``alone`` those with a term that is not a count, judged on their own.
    """

    equations: tuple[Equation, ...]
    totals: tuple[Picker, ...]
    parts: tuple[Picker, ...]
    touching: dict[int, tuple[int, ...]]
    alone: frozenset[int]


@cache
def _sums(format_version: FormatVersion, other_as_one_row: bool) -> _Sums:
    cells = layout(format_version, other_as_one_row)
    zero = len(cells.keys)
    found = equations(format_version, other_as_one_row=other_as_one_row)
    counts = {at for at, key in enumerate(cells.keys) if _kind(format_version, key) == "count"}
    touching: dict[int, list[int]] = {}
    alone = set()
    for number, equation in enumerate(found):
        for key in equation.terms:
            touching.setdefault(cells.index[key], []).append(number)
            if cells.index[key] not in counts:
                alone.add(number)
    return _Sums(
        found,
        tuple(itemgetter(*(cells.index[key] for key in equation.total), zero) for equation in found),
        tuple(itemgetter(*(cells.index[key] for key in equation.parts), zero) for equation in found),
        {at: tuple(dict.fromkeys(numbers)) for at, numbers in touching.items()},
        frozenset(alone),
    )


def _kind(format_version: FormatVersion, key: str) -> str:
    table, row, column = key.split("/")
    return FORMATS[format_version].table(table).row(row).column(column).kind


def check_identities(cells: Cells) -> Iterator[Finding]:
    """Every finding of every hard identity of the report's format."""
    report = cells.report
    sums = _sums(report.format_version, report.requests.other_as_one_row)
    if not cells.whole:
        # Values no model validator lets through (bools, text …): each instance judged on its own.
        for equation in sums.equations:
            yield from _judge(cells, equation)
        return
    # An instance with a blank term (or a term not a count) is judged on its own; the others by their sums
    # alone: an instance whose totals and parts sum alike, none blank, gives no finding.
    judged = set(sums.alone)
    values: Sequence[Any] = cells.listed
    if cells.blanks:
        touching = sums.touching
        for at in cells.blanks:
            judged.update(touching.get(at, ()))
        values = [0 if value is None else value for value in values]
    values = (*values, 0)
    totals = [sum(pick(values)) for pick in sums.totals]
    parts = [sum(pick(values)) for pick in sums.parts]
    if totals != parts:
        judged.update(compress(range(len(totals)), map(ne, totals, parts)))
    for number in sorted(judged):
        yield from _judge(cells, sums.equations[number])


def _judge(cells: Cells, equation: Equation) -> Iterator[Finding]:
    """The finding of one identity instance, if any."""
    table = cells.spec.table(equation.table)
    totals, parts, row, column = equation.total, equation.parts, equation.row, equation.column
    terms = tuple((key, cells.values[key]) for key in (*totals, *parts))
    blank = [key for key, value in terms if value is None]
    if len(blank) == len(terms):
        return
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
        return
    # The total side is printed when any of its terms is (balance has two: 一 and 二).
    total_printed = any(cells.values[key] is not None for key in totals)
    if total_printed and actual == expected:
        return
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
    cells_of = cells.layout
    # Every count and change a whole number (and no count below 0), as validated models have them: only
    # the amounts are left to look at, in their printed order. Else each cell is looked at in turn.
    whole = cells.whole and set(map(type, cells_of.signed(cells.listed))) <= WHOLE
    if whole and min(filter(None, cells_of.counts(cells.listed)), default=0) >= 0:
        for table, row_key, column_key, at in cells_of.money:
            value = cells.listed[at]
            if value is not None and (not isinstance(value, Decimal) or not value.is_finite() or value < 0):
                yield finding("negative-count", table, row_key, column_key, actual=value, expected=None)
        return
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
