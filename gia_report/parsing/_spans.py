"""Printed tables into grids: spans expanded, and section headings printed inside a table taken out as lines.

HTML and Word both state where each cell stands: HTML by ``colspan`` and
``rowspan``, Word by ``w:gridSpan`` and ``w:vMerge``. Their readers give each
table here as rows of `Printed` cells; `grid_blocks` turns them into the
blocks of a `Document`:

- every cell gets its 0-based first grid column (``grid``) and the number of
  grid columns it covers (``span``); each grid position covered by a cell
  from a row above (``rowspan``) gets an empty cell marked ``below`` in the
  lower row, so that a row's cells stand in grid order with nothing missing;
- a row that is a single cell holding a section heading (``二、主动公开政府信息情况``)
  becomes a `Line`, since sections are found among lines: a table holding
  several sections' tables is cut into a grid per section. The single-cell
  rows after the heading of a prose section (五, 六) are its paragraphs;
- the lines of a cell (its paragraphs, ``<br>``) are joined without a space,
  since Chinese text wraps between any two characters, except where two
  numbers would merge into one (``12`` / ``3`` reads ``12 3``, never ``123``).

.. versionadded:: 0.2
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from ._document import Block, Cell, Grid, TableRow
from ._result import Layout
from ._sections import heading_of
from ._source import Line

__all__ = ["Printed", "PrintedRow", "grid_blocks", "join_lines"]

_DIGITS = frozenset("0123456789０１２３４５６７８９")


class Printed(NamedTuple):
    """One cell as the form prints it: its lines of text, its line, and the grid columns and rows it covers.

    ``rows`` is the HTML ``rowspan`` (at least 1); ``below`` marks a Word cell
    that continues the cell above it (``w:vMerge``), printed with no text of
    its own.
    """

    # A named tuple, not an attrs class: a page makes hundreds, and only the reader sees them.
    lines: tuple[str, ...]
    line: int
    span: int = 1
    rows: int = 1
    below: bool = False


class PrintedRow(NamedTuple):
    """One printed table row: its line, its cells, and the grid columns left out before and after them.

    ``skip`` is Word's ``w:gridBefore``, ``after`` its ``w:gridAfter``: a row
    that ends early says so, and the grid columns it leaves out are empty
    cells of the row. HTML has no such thing: a row of fewer cells than the
    table's columns lost some, and which is not known (`_columns.reaches`).
    """

    line: int
    cells: tuple[Printed, ...]
    skip: int = 0
    after: int = 0


def join_lines(lines: Sequence[str]) -> str:
    """The lines of one cell as one text: joined without a space, unless two numbers would merge.

    >>> join_lines(["本年新收政府信息", "公开申请数量"]), join_lines(["12", "3"])
    ('本年新收政府信息公开申请数量', '12 3')
    """
    if len(lines) == 1:
        return lines[0]
    joined = ""
    for piece in lines:
        if not piece:
            continue
        if joined and joined[-1] in _DIGITS and piece[0] in _DIGITS:
            joined += " "
        joined += piece
    return joined


# A cell spanning rows, seen from the rows below it: (grid column, span, rows it still covers).
_Covered = tuple[int, int, int]


def _heading_row(row: PrintedRow) -> Printed | None:
    """The cell of *row* if it is the row's only cell with text, else ``None``."""
    found: Printed | None = None
    for cell in row.cells:
        if cell.lines:
            if found is not None:
                return None
            found = cell
    return found


def grid_blocks(rows: Sequence[PrintedRow], layout: Layout, line: int) -> list[Block]:
    """The blocks of one printed table: its grids, cut at the section headings printed in its rows."""
    blocks: list[Block] = []
    grid_rows: list[TableRow] = []
    covered: list[_Covered] = []
    prose = False

    def close() -> None:
        if grid_rows:
            blocks.append(Grid(tuple(grid_rows), "grid", layout, grid_rows[0].line))
            grid_rows.clear()

    for row in rows:
        cells, covered = _expand(row, covered)
        only = _heading_row(row)
        if only is not None:
            section = heading_of(Line(only.line, only.lines[0]))
            if section is not None or prose:
                close()
                blocks.extend(Line(only.line, text) for text in only.lines)
                if section is not None:
                    prose = not section.table
                continue
        prose = False
        if cells:
            grid_rows.append(TableRow(row.line, tuple(cells)))
    close()
    return blocks


def _expand(row: PrintedRow, covered: list[_Covered]) -> tuple[list[Cell], list[_Covered]]:
    """The cells of *row* in grid order, below-cells included, and what covers the next row."""
    cells: list[Cell] = []
    starting: list[_Covered] = []
    column = row.skip
    line = row.line
    waiting = sorted(covered) if covered else covered
    index = 0
    for printed in row.cells:
        # Grid positions held by cells from the rows above come first.
        while index < len(waiting) and waiting[index][0] <= column:
            grid, span, _ = waiting[index]
            if grid + span > column:
                cells.append(Cell("", line, grid + 1, grid, span, True))
                column = grid + span
            index += 1
        lines = printed.lines
        text = lines[0] if len(lines) == 1 else join_lines(lines)
        cells.append(Cell(text, printed.line, column + 1, column, printed.span, printed.below))
        if printed.rows > 1:
            starting.append((column, printed.span, printed.rows - 1))
        column += printed.span
    for grid, span, _ in waiting[index:]:
        if grid >= column:
            cells.append(Cell("", line, grid + 1, grid, span, True))
            column = grid + span
    for grid in range(column, column + row.after):
        cells.append(Cell("", line, grid + 1, grid))
    if not covered:
        return cells, starting
    return cells, [(grid, span, rows - 1) for grid, span, rows in covered if rows > 1] + starting
