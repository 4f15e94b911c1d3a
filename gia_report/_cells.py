"""Catalog facts about a report's cells: the rows it prints and the identities between its cells.

This module is on the catalog's side of the flow: it holds no judgement, only
what the catalog says about a report of a given format. Parsing uses the
identities as constraints (to choose among readings of printed digits, and to
record which identity a placement relied on); checking evaluates them. Both
import this module, and neither imports the other.

>>> [e.key for e in equations("2021") if e.code == "appeals-total"]
['appeals/review/total', 'appeals/litigation_direct/total', 'appeals/litigation_after_review/total']
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import attrs

from .catalog import FORMATS, Column, FormatVersion, Identity, Row, Table

__all__ = ["Equation", "cell_layout", "equations", "printed_rows"]


def printed_rows(format_version: FormatVersion, *, other_as_one_row: bool = False) -> Iterator[tuple[Table, Row]]:
    """Every row a report of *format_version* prints, in catalog (printed) order.

    With *other_as_one_row* (a hybrid 2021 report), ``other_handling`` stands
    where the three ``other_*`` rows would.
    """
    spec = FORMATS[format_version]
    for table in spec.tables:
        replaced = {key for row in table.rows if row.optional and other_as_one_row for key in row.replaces}
        for row in table.rows:
            if row.key not in replaced and (other_as_one_row or not row.optional):
                yield table, row


def cell_layout(
    format_version: FormatVersion, *, other_as_one_row: bool = False
) -> Iterator[tuple[Table, Row, Column]]:
    """Every cell of a report of *format_version*, in catalog (printed) order (see `printed_rows`)."""
    for table, row in printed_rows(format_version, other_as_one_row=other_as_one_row):
        for column in row.columns:
            yield table, row, column


@attrs.frozen(cache_hash=True)
class Equation:
    """One instance of an identity: the sum of the ``total`` cells equals the sum of the ``parts``.

    Cells are named by their public keys ``table/row/column``. ``row`` and
    ``column`` locate the instance as a finding does (``None`` where it spans
    several: the ``balance`` of a column has two total rows). ``code`` is the
    identity's id of FORMAT.md §3.
    """

    code: str
    table: str
    total: tuple[str, ...]
    parts: tuple[str, ...]
    row: str | None
    column: str | None

    @property
    def key(self) -> str:
        """The first total cell: where a finding about this instance points."""
        return self.total[0]

    @property
    def terms(self) -> tuple[str, ...]:
        """Every cell of the instance, totals first."""
        return (*self.total, *self.parts)

    def __str__(self) -> str:
        where = "/".join(part for part in (self.table, self.row, self.column) if part)
        return f"{self.code} at {where}"


def _substitute(rows: tuple[Row, ...], printed: set[str], keys: tuple[str, ...]) -> list[str]:
    """*keys* with the rows a report prints in place of others (other_handling for the three)."""
    found = list(keys)
    for row in rows:
        if row.key in printed and row.replaces and any(key in row.replaces for key in found):
            at = min(found.index(key) for key in row.replaces if key in found)
            found = [key for key in found if key not in row.replaces]
            found.insert(at, row.key)
    return [key for key in found if key in printed]


def _instances(table: Table, printed: tuple[Row, ...], rule: Identity) -> Iterator[Equation]:
    keys = {row.key for row in printed}
    if rule.axis == "column":
        columns = rule.columns or tuple(column.key for column in table.columns)
        total_rows = _substitute(table.rows, keys, rule.total)
        part_rows = _substitute(table.rows, keys, rule.parts)
        for column in columns:
            yield Equation(
                rule.code,
                table.key,
                tuple(f"{table.key}/{row}/{column}" for row in total_rows),
                tuple(f"{table.key}/{row}/{column}" for row in part_rows),
                total_rows[0] if len(total_rows) == 1 else None,
                column,
            )
    else:
        for row in rule.rows or tuple(row.key for row in printed):
            yield Equation(
                rule.code,
                table.key,
                tuple(f"{table.key}/{row}/{column}" for column in rule.total),
                tuple(f"{table.key}/{row}/{column}" for column in rule.parts),
                row,
                rule.total[0] if len(rule.total) == 1 else None,
            )


@cache
def equations(format_version: FormatVersion, *, other_as_one_row: bool = False) -> tuple[Equation, ...]:
    """Every identity instance of a report of *format_version*, in the catalog's order of identities.

    With *other_as_one_row*, ``other_handling`` takes the place of the three
    ``other_*`` rows in the identities that name them.
    """
    spec = FORMATS[format_version]
    printed: dict[str, list[Row]] = {}
    for table, row in printed_rows(format_version, other_as_one_row=other_as_one_row):
        printed.setdefault(table.key, []).append(row)
    found: list[Equation] = []
    for rule in spec.identities:
        table = spec.table(rule.table)
        found.extend(_instances(table, tuple(printed[table.key]), rule))
    return tuple(found)
