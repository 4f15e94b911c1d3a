"""The official tables as the national template draws them: a grid of cells with their spans.

Every writer that draws the tables (HTML, Word, the notebook view) takes the
same `Grid`, built here from the catalog: which cell stands where, what it
says, how many rows and columns it spans, and which cell key a value cell
holds. The geometry depends only on the format and on whether （六）其他处理
is printed as one row, never on a report's values.

Table 二 (``active``), 4 columns: each block opens with its caption across the
table, then 信息内容 and the column captions; a row with fewer than three
columns stretches its last cell over the rest::

    | 第二十条第（五）项                      |
    | 信息内容 | 本年处理决定数量              |
    | 行政许可 | 12                            |

Table 三 (``requests``), 3 label columns and 7 value columns: the 勾稽 note
over three header rows, 申请人情况 across the seven, 自然人 and 总计 over two
rows, 法人或其他组织 over its five; 三、本年度办理结果 spans the outcome rows and
（七）总计, each sub-group (（三）不予公开 …) spans its numbered rows, and the
other labels stretch over the label columns they do not share.

Table 四 (``appeals``), 15 columns: 行政复议 over its five results (each over
two header rows), 行政诉讼 over 未经复议直接起诉 and 复议后起诉 with their five
results each, and one data row of 15 numbers.

>>> grid = table_grid("2021", "appeals")
>>> grid.width, grid.height, grid.cells[0].text, grid.cells[0].colspan
(15, 4, '行政复议', 5)
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from functools import cache
from typing import Literal

import attrs

from .._cells import printed_rows
from ..catalog import FORMATS, Column, FormatVersion, Row, Table
from ..model import Report

__all__ = ["CellKind", "Grid", "GridCell", "Slot", "cell_text", "report_grids", "table_grid", "values_of"]

CellKind = Literal["caption", "header", "label", "value"]

#: The spanning headers the template prints over groups of columns; the catalog lists them as header words.
APPLICANTS = "申请人情况"
ORGANISATIONS = "法人或其他组织"
LITIGATION = "行政诉讼"


@attrs.frozen(kw_only=True)
class GridCell:
    """One drawn cell: its text, kind, top-left position (0-based), spans, and the key of a value cell.

    ``kind`` is ``caption`` (a block caption of table 二), ``header`` (column
    captions and the spanning headers), ``label`` (a row or group label) or
    ``value``; a value cell's ``text`` is empty and ``key`` is the public
    ``table/row/column`` key of the value it shows.
    """

    text: str
    kind: CellKind
    row: int
    column: int
    rowspan: int = 1
    colspan: int = 1
    key: str | None = None


@attrs.frozen
class Slot:
    """Where a cell covers one grid row: the cell, and whether it continues from the row above."""

    cell: GridCell
    continued: bool


@attrs.frozen(kw_only=True)
class Grid:
    """One table as drawn: ``width`` × ``height`` grid positions tiled exactly by ``cells``.

    ``cells`` are in reading order (by the row, then the column, of their
    top-left corner); ``heading`` is the section heading printed above the table.
    """

    table: str
    heading: str
    width: int
    height: int
    cells: tuple[GridCell, ...]

    def rows(self) -> list[list[GridCell]]:
        """The cells that open in each grid row, left to right (what an HTML ``<tr>`` holds)."""
        rows: list[list[GridCell]] = [[] for _ in range(self.height)]
        for cell in self.cells:
            rows[cell.row].append(cell)
        return rows

    def slots(self) -> list[list[Slot]]:
        """Every cell that covers each grid row, left to right (what a Word ``w:tr`` holds).

        A cell spanning rows covers each of them: it opens in its first row and
        continues (``w:vMerge``) in the others.
        """
        rows: list[list[Slot]] = [[] for _ in range(self.height)]
        for cell in self.cells:
            for offset in range(cell.rowspan):
                rows[cell.row + offset].append(Slot(cell, offset > 0))
        for slots in rows:
            slots.sort(key=lambda slot: slot.cell.column)
        return rows

    @property
    def keys(self) -> tuple[str, ...]:
        """The keys of the value cells, in reading order."""
        return tuple(cell.key for cell in self.cells if cell.key is not None)


class _Builder:
    """Places cells row by row, each at the first free position of the current row."""

    def __init__(self, table: Table, width: int) -> None:
        self.table = table
        self.width = width
        self.cells: list[GridCell] = []
        self.taken: set[tuple[int, int]] = set()
        self.row = -1

    def next_row(self) -> None:
        self.row += 1

    def add(
        self,
        text: str,
        kind: CellKind,
        *,
        rowspan: int = 1,
        colspan: int = 1,
        key: str | None = None,
    ) -> None:
        column = next(c for c in range(self.width) if (self.row, c) not in self.taken)
        positions = {(self.row + r, column + c) for r in range(rowspan) for c in range(colspan)}
        if column + colspan > self.width or positions & self.taken:
            raise AssertionError(f"table {self.table.key}: a cell {text or key!r} overlaps or overflows")
        self.taken |= positions
        self.cells.append(
            GridCell(text=text, kind=kind, row=self.row, column=column, rowspan=rowspan, colspan=colspan, key=key)
        )

    def value(self, row: Row, column: Column, colspan: int = 1) -> None:
        self.add("", "value", colspan=colspan, key=f"{self.table.key}/{row.key}/{column.key}")

    def grid(self) -> Grid:
        height = self.row + 1
        if len(self.taken) != self.width * height:
            raise AssertionError(f"table {self.table.key}: the cells leave grid positions uncovered")
        cells = sorted(self.cells, key=lambda cell: (cell.row, cell.column))
        return Grid(
            table=self.table.key, heading=self.table.heading, width=self.width, height=height, cells=tuple(cells)
        )


def _stretched(count: int, width: int) -> list[int]:
    """The spans of *count* cells filling *width* columns: the last one takes what the others leave."""
    return [1] * (count - 1) + [width - (count - 1)]


def _active(table: Table) -> Grid:
    values = max(len(row.columns) for row in table.rows)
    build = _Builder(table, 1 + values)
    block: str | None = None
    for row in table.rows:
        spans = _stretched(len(row.columns), values)
        if row.block != block:
            block = row.block
            build.next_row()
            build.add(block or "", "caption", colspan=build.width)
            build.next_row()
            build.add(table.header_words[0], "header")  # 信息内容
            for column, span in zip(row.columns, spans, strict=True):
                build.add(column.label, "header", colspan=span)
        build.next_row()
        build.add(row.label, "label")
        for column, span in zip(row.columns, spans, strict=True):
            build.value(row, column, span)
    return build.grid()


def _requests(spec_version: FormatVersion, table: Table, rows: list[Row]) -> Grid:
    columns = table.columns
    natural, *organisations, total = columns
    build = _Builder(table, 3 + len(columns))
    build.next_row()
    build.add(table.header_words[0], "header", rowspan=3, colspan=3)  # the 勾稽 note
    build.add(APPLICANTS, "header", colspan=len(columns))
    build.next_row()
    build.add(natural.label, "header", rowspan=2)
    build.add(ORGANISATIONS, "header", colspan=len(organisations))
    build.add(total.label, "header", rowspan=2)
    build.next_row()
    for column in organisations:
        build.add(column.label, "header")
    # 三、本年度办理结果 spans the outcome rows and their total, as the outcomes-sum identity names them.
    outcomes = next(rule for rule in FORMATS[spec_version].identities if rule.code == "outcomes-sum")
    keys = [row.key for row in rows]
    first = next(i for i, row in enumerate(rows) if row.group == table.groups[0])
    last = keys.index(outcomes.total[0])
    for index, row in enumerate(rows):
        build.next_row()
        if index == first:
            build.add(table.groups[0], "label", rowspan=last - first + 1)
        if first <= index <= last and row.group in table.groups[1:]:
            if index == 0 or rows[index - 1].group != row.group:
                size = sum(1 for other in rows[index:] if other.group == row.group)
                build.add(row.group or "", "label", rowspan=size)
            build.add(row.label, "label")
        else:
            build.add(row.label, "label", colspan=2 if first <= index <= last else 3)
        for column in row.columns:
            build.value(row, column)
    return build.grid()


def _appeals(table: Table) -> Grid:
    review, *litigation = table.rows
    size = len(review.columns)
    build = _Builder(table, size * len(table.rows))
    build.next_row()
    build.add(review.label, "header", colspan=size)
    build.add(LITIGATION, "header", colspan=size * len(litigation))
    build.next_row()
    for column in review.columns:
        build.add(column.label, "header", rowspan=2)
    for row in litigation:
        build.add(row.label, "header", colspan=size)
    build.next_row()
    for row in litigation:
        for column in row.columns:
            build.add(column.label, "header")
    build.next_row()
    for row in table.rows:
        for column in row.columns:
            build.value(row, column)
    return build.grid()


@cache
def table_grid(format_version: FormatVersion, table: str, *, other_as_one_row: bool = False) -> Grid:
    """The grid of *table* (``active``, ``requests`` or ``appeals``) in a report of *format_version*.

    With *other_as_one_row* (always so in 2019), （六）其他处理 is one row.
    """
    one_row = other_as_one_row or format_version == "2019"
    spec = FORMATS[format_version].table(table)
    if table == "active":
        return _active(spec)
    if table == "appeals":
        return _appeals(spec)
    rows = [row for printed, row in printed_rows(format_version, other_as_one_row=one_row) if printed.key == table]
    return _requests(format_version, spec, rows)


def report_grids(report: Report) -> tuple[Grid, Grid, Grid]:
    """The grids of the three tables of *report*, in printed order."""
    one_row = report.requests.other_as_one_row
    active, requests, appeals = (
        table_grid(report.format_version, key, other_as_one_row=one_row) for key in ("active", "requests", "appeals")
    )
    return active, requests, appeals


def values_of(report: Report) -> dict[str, int | Decimal | None]:
    """Every cell of *report* by its key ``table/row/column``."""
    return dict(_cells(report))


def _cells(report: Report) -> Iterator[tuple[str, int | Decimal | None]]:
    for table, row in printed_rows(report.format_version, other_as_one_row=report.requests.other_as_one_row):
        cells = getattr(getattr(report, table.key), row.key)
        for column in row.columns:
            yield f"{table.key}/{row.key}/{column.key}", getattr(cells, column.key)


def cell_text(value: object) -> str:
    """A value as the tables print it: blank for ``None``, money in plain decimal notation."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)
