"""The columns a grid's header states: grid column → column key, for the forms that print spans (HTML, Word).

The header rows give a *column map*: each caption maps the grid columns its
cell spans to its column key, and a lower header row refines a higher one
(自然人 over two rows, 法人或其他组织 over five refined by 商业企业 … below it).
A value then goes to the column its cell stands under, and a blank is an
empty cell at a known column: nothing is guessed. A row whose cells do not
fit the map (a misaligned span) is not placed by it. A row whose cells end
before a column the header names for it starts, or before most rows printed
like it end (`reaches`), lost cells: HTML has no way to end a row early, and
Word's (``w:gridAfter``) gives the row empty cells there; which of its cells
were lost is then not known.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..catalog import Table
from ._document import Grid
from ._labels import TableLabels
from ._placing import Placement
from ._rows import PrintedRow, captions_only, is_text

__all__ = ["by_map", "column_maps", "grid_end", "pads", "reaches"]

#: The grid columns of a column two header rows of a block name over other grid columns: no value goes there.
_CONFLICT = "?"


def column_maps(table: Table, labels: TableLabels, grid: Grid) -> dict[int, dict[int, str]]:
    """For each data row (by the identity of its `TableRow`: lines repeat), its map of grid column → column key.

    The header rows above the row make it: a lower header row refines a higher one (自然人 over two rows, 法人或其他组织
    refined by 商业企业 … below it); a header row after data rows starts a new
    map (each block of table ``active`` has its own header).
    """
    maps: dict[int, dict[int, str]] = {}
    current: dict[int, str] = {}
    spans: dict[str, range] = {}  # where each column is named in the block's header rows
    in_data = False
    for raw in grid.rows:
        texts = [cell for cell in raw.cells if is_text(cell)]
        values = [cell for cell in raw.cells if cell.text and not is_text(cell)]
        named = [(cell, labels.column(cell.text, labels.columns)) for cell in texts]
        if texts and not values and captions_only(labels, texts, ()) and any(key for _, key in named):
            if in_data:
                current, spans, in_data = {}, {}, False
            for cell, key in named:
                if key is not None and cell.grid is not None:
                    span = range(cell.grid, cell.grid + cell.span)
                    # A column two header rows name over other grid columns (a header repeated from another
                    # block): where it stands is not known. A lower row refines a higher one otherwise.
                    conflict = key in spans and spans[key] != span
                    for position in (*spans.get(key, ()), *span) if conflict else span:
                        current[position] = _CONFLICT if conflict else key
                    spans[key] = span
            continue
        in_data = True
        maps[id(raw)] = dict(current)
    return maps


def by_map(printed: PrintedRow, column_map: dict[int, str]) -> Placement | None:
    """The placement of a grid row by the header's column map, or ``None`` where the row does not fit it."""
    offsets: list[int | None] = []
    used: set[int] = set()
    for column in printed.columns:
        at = [
            index
            for index, cell in enumerate(printed.after)
            if cell.grid is not None
            and not cell.below
            and {column_map.get(g) for g in range(cell.grid, cell.grid + cell.span)} == {column.key}
        ]
        if len(at) != 1:
            return None
        offsets.append(at[0] if printed.after[at[0]].text else None)
        used.add(at[0])
    stray = [index for index, cell in enumerate(printed.after) if cell.text and index not in used]
    if stray:
        return None
    return Placement(tuple(offsets), "grid")


def grid_end(printed: PrintedRow) -> int:
    """The grid column after *printed*'s last cell."""
    return max((cell.grid + cell.span for cell in printed.raw.cells if cell.grid is not None), default=0)


def reaches(printed: PrintedRow, column_map: dict[int, str], width: int) -> bool:
    """Whether *printed*'s cells reach into every column the header's map names for it, and to *width* (where
    the rows printed like it end): a row that ends before either lost a cell.

    A row need only start into a column's grid columns: a header caption may
    span one more than the row's cell under it (总计 over two grid columns).
    """
    end = grid_end(printed)
    keys = {column.key for column in printed.columns}
    return end >= width and all(
        grid < end for grid, key in column_map.items() if key in keys and column_map.get(grid - 1) != key
    )


def pads(grid: Grid, named: Iterable[int]) -> bool:
    """Whether a row of *grid* prints a cell past every grid column of *named* (those the header names): a
    page's padding cell."""
    edge = max(named, default=-1)
    return any(cell.grid is not None and cell.grid > edge for raw in grid.rows for cell in raw.cells)
