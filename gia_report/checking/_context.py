"""What every check needs: the report's cells by key, their labels, finding construction and order."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import cache
from itertools import compress, repeat
from operator import attrgetter, is_, itemgetter
from typing import Any

import attrs

from .._cells import printed_rows
from ..catalog import FORMATS, FormatVersion, Row, Table
from ..model import Report
from .findings import CODES, Finding

__all__ = ["WHOLE", "Cells", "Layout", "Picker", "finding", "label_of", "layout", "order", "picker"]


Picker = Callable[[Sequence[Any]], tuple[Any, ...]]


def picker(positions: Sequence[int]) -> Picker:
    """A function giving the items at *positions* of a sequence, as a tuple (in one call to itemgetter)."""
    if not positions:
        return lambda values: ()
    # itemgetter of one position gives the item itself, of several a tuple: the first, repeated, keeps it a
    # tuple, and looking at one item twice changes none of the tests made on them (types, blanks, signs).
    return itemgetter(*positions, positions[0])


@attrs.frozen
class Layout:
    """Where the cells of a report of one format (and one way of printing （六）其他处理) are, built once.

    ``keys`` are the cells' keys ``table/row/column`` in catalog (printed) order, the order of `to_records`;
    ``index`` their positions in it; ``read`` gives the report's values in that order, in one call;
    ``counts`` and ``signed`` pick the values of the count and the signed cells (the first repeated), and
    ``money`` places the amounts.
    """

    keys: tuple[str, ...]
    index: dict[str, int]
    rows: dict[str, list[Row]]
    read: attrgetter[tuple[Any, ...]]
    counts: Picker
    signed: Picker
    money: tuple[tuple[Table, str, str, int], ...]


@cache
def layout(format_version: FormatVersion, other_as_one_row: bool) -> Layout:
    """The `Layout` of a report of *format_version* that prints the three 其他处理 rows as one or not."""
    keys: list[str] = []
    rows: dict[str, list[Row]] = {}
    kinds: dict[str, list[int]] = {"count": [], "signed": []}
    money: list[tuple[Table, str, str, int]] = []
    for table, row in printed_rows(format_version, other_as_one_row=other_as_one_row):
        rows.setdefault(table.key, []).append(row)
        for column in row.columns:
            if column.kind == "money":
                money.append((table, row.key, column.key, len(keys)))
            else:
                kinds["signed" if column.kind == "signed" else "count"].append(len(keys))
            keys.append(f"{table.key}/{row.key}/{column.key}")
    read = attrgetter(*(key.replace("/", ".") for key in keys))
    index = {key: at for at, key in enumerate(keys)}
    return Layout(tuple(keys), index, rows, read, picker(kinds["count"]), picker(kinds["signed"]), tuple(money))


#: The types of a count or change cell of a validated model.
WHOLE = frozenset({int, type(None)})


class Cells:
    """The cells of one report by key ``table/row/column``, and the rows it prints.

    ``listed`` holds the values in the order of ``layout.keys``; ``values`` maps each key to its value.
    """

    def __init__(self, report: Report) -> None:
        self.report = report
        self.spec = FORMATS[report.format_version]
        self.layout = layout(report.format_version, report.requests.other_as_one_row)
        self.listed: tuple[Any, ...] = self.layout.read(report)
        self.rows = self.layout.rows
        #: Whether every count cell holds an int (not a bool) or is blank, as in a validated model.
        self.whole = set(map(type, self.layout.counts(self.listed))) <= WHOLE
        #: The positions in ``listed`` of the blank cells.
        self.blanks = tuple(compress(range(len(self.listed)), map(is_, repeat(None), self.listed)))
        self._values: dict[str, Any] | None = None

    @property
    def values(self) -> dict[str, Any]:
        """The value of every cell by its key (made at its first use: most checks read ``listed``)."""
        if self._values is None:
            self._values = dict(zip(self.layout.keys, self.listed, strict=True))
        return self._values

    def value(self, key: str) -> Any:
        """The value of the cell *key*."""
        return self.listed[self.layout.index[key]]

    def printed(self, table: str) -> list[Row]:
        """The rows of *table* this report prints, in order."""
        return self.rows[table]


@cache  # the catalog's tables are constants, hashed once (cache_hash): a finding's labels are looked up once
def label_of(spec_table: Table, row: str | None, column: str | None) -> str:
    """The printed labels of a place: ``（七）总计/自然人``, ``三/自然人`` for a whole column."""
    parts = []
    if row is not None:
        parts.append(spec_table.row(row).label)
    else:
        parts.append(spec_table.heading.split("、")[0])
    if column is not None:
        column_label = next(c.label for c in spec_table.columns if c.key == column)
        parts.append(column_label)
    return "/".join(parts)


def finding(code: str, table: Table, row: str | None, column: str | None, **fields: Any) -> Finding:
    """A finding of *code* at a place of *table*, its message rendered from the code's template."""
    spec = CODES[code]
    context = {"where": label_of(table, row, column), **fields}
    message = spec.template.format(**context)
    known = {"expected", "actual", "terms", "identity", "year"}
    return Finding(
        code=code,
        severity=spec.severity,
        table=table.key,
        row=row,
        column=column,
        message=message,
        expected=fields.get("expected"),
        actual=fields.get("actual"),
        **{key: value for key, value in fields.items() if key in known - {"expected", "actual"}},
    )


@cache
def _positions() -> dict[tuple[str, str], int]:
    """The printed position of every table, row and column; the catalog does not change, so built once."""
    # Positions of the current format first; the 2019 format adds its own rows after.
    positions: dict[tuple[str, str], int] = {}
    for spec in (FORMATS["2021"], FORMATS["2019"]):
        for t_index, table in enumerate(spec.tables):
            positions.setdefault(("table", table.key), t_index)
            for r_index, row in enumerate(table.rows):
                positions.setdefault((table.key, row.key), r_index)
            for c_index, column in enumerate(table.columns):
                positions.setdefault((table.key + "/", column.key), c_index)
    return positions


def order(findings: Iterable[Finding]) -> list[Finding]:
    """*findings* in table order: table, row, column as printed (a whole row or column first), then code."""
    positions = _positions()

    def key(item: Finding) -> tuple[int, int, int, int, str, str]:
        return (
            item.year or 0,
            positions.get(("table", item.table), 99),
            -1 if item.row is None else positions.get((item.table, item.row), 99),
            -1 if item.column is None else positions.get((item.table + "/", item.column), 99),
            item.code,
            item.message,
        )

    return sorted(findings, key=key)
