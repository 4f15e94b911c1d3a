"""Reading the three tables from their grids: rows by label (`_rows`), values placed (`_placing`), cells read.

Each table is read the same way, whatever form it came in; what differs is
how far the grid's columns can be trusted (`_document.Geometry`):

- ``grid`` (HTML, Word): the header's captions, under their spans, map each
  grid column to a column key; a value goes to the column its cell stands
  under. A row whose printed cells do not fit that map (a misaligned span) is
  placed as a separated row would be, with a note; one whose cells end before
  one of the header's columns for it, or before most rows printed like it, lost a cell
  (one whose last column is blank may have, a padding cell moved under it), and stands only where the
  identities prove where (`_verifying`);
- ``separated`` and ``ordered`` (text): by the rules of `_placing`.

Table ``appeals`` is one data row of 15 values under a header naming its
three groups, or three rows printed with their group labels: labelled rows
are placed by their labels, and only values with neither labels nor a header
naming the groups are taken in the national order, with a note.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

import attrs

from .._cells import Equation
from ..catalog import Column, Table
from ._appeals import read_appeals
from ._columns import by_map, column_maps, grid_end, pads, reaches
from ._document import Grid
from ._labels import labels_of
from ._numbers import read_cell
from ._placing import Placement, Placer
from ._reading import TableReading, check_of, placed_cells, printed_again, store
from ._result import Layout, Note
from ._rows import PrintedRow, clean_rows, read_rows
from ._verifying import INFERRED, verified

__all__ = ["TableReading", "read_table"]

#: How placements are decided that count the printed cells, or follow the grid's header: no inference.
_TRUSTED = frozenset({"exact", "filled", "grid"})


def read_table(table: Table, grid: Grid, equations: Sequence[Equation]) -> TableReading:
    """Read *table* from its *grid*; *equations* are the identity instances of the report's format.

    Those of a row (its 总计 and its parts) may choose among placements of its
    blank cells; every such use is recorded in the cells' sources and in
    `TableReading.spent`.
    """
    reading = TableReading()
    labels = labels_of(table)
    if table.key == "appeals":
        read_appeals(table, labels, grid, equations, reading)
        return reading
    clean = clean_rows(table, labels, grid.rows) if grid.geometry == "separated" else None
    placer = Placer(grid.geometry, trailing_only=grid.layout is Layout.PIPE)
    if clean is not None:
        # A clean table (`clean_rows`): every row prints one value per column, or none, which `Placer.place`
        # places by counting (a row printed blank by what the rows printing values have taught it).
        for printed in clean:
            placer.learn(len(printed.columns), printed.after, printed.label_at)
        for printed in clean:
            placement = placer.place(len(printed.columns), printed.after, printed.label_at)
            row_keys = _cell_keys(table.key, printed.row.key, printed.columns)
            _store_row(table, printed, placement, row_keys, False, reading)
        return reading
    rows = read_rows(table, labels, grid.rows, reading.notes, joined_lines=grid.geometry == "ordered")
    for printed in rows:
        if not printed.joined:  # cells joined from several printed rows are no printed row's shape
            placer.learn(len(printed.columns), printed.after, printed.label_at)
    learning = True
    # Only a row of more cells than columns may be placed by a window (`Placer.place`).
    wide = [printed for printed in rows if len(printed.after) > len(printed.columns)]
    while learning:
        learning = False
        for printed in wide:
            placement = placer.place(len(printed.columns), printed.after, printed.label_at)
            if placement.how == "window" and placement.offsets is not None:
                learning |= placer.learn_window(
                    len(printed.columns), printed.after, printed.label_at, placement.offsets
                )
    by_row = _by_row(tuple(equations))
    maps = column_maps(table, labels, grid) if grid.geometry == "grid" else {}
    widths = _widths(rows) if maps else {}
    padded = bool(maps) and pads(grid, (position for column_map in maps.values() for position in column_map))
    planned = [
        _placement(
            printed,
            placer,
            maps.get(id(printed.raw)),
            _row_equations(by_row, printed),
            widths.get((len(printed.columns), printed.label_at), 0),
            padded,
        )
        for printed in rows
    ]
    own = [equation for equation in equations if equation.table == table.key]
    keys = [_cell_keys(table.key, printed.row.key, printed.columns) for printed in rows]
    placements = _verified_together(rows, planned, keys, placer, own)
    for printed, placement, row_keys in zip(rows, placements, keys, strict=True):
        _store_row(table, printed, placement, row_keys, id(printed.raw) in maps, reading)
    return reading


#: The most passes of `_verified_together` (each judges the inferred rows on the previous pass's values).
_PASSES = 8


def _verified_together(
    rows: Sequence[PrintedRow],
    planned: Sequence[Placement],
    keys: Sequence[tuple[str, ...]],
    placer: Placer,
    equations: Sequence[Equation],
) -> list[Placement]:
    """The placements *planned* of *rows*, each inferred one judged by the identities through it (`verified`).

    The first pass judges them by the cells placed without inference alone.
    Where several rows of a table were printed with blanks, an identity through
    one of them may have a term in another inferred row, and stays undecided.
    So each later pass judges every inferred row again, knowing as well the
    values of the other inferred rows as the pass before placed them, until no
    placement changes. A row still placed otherwise than in the pass before
    after `_PASSES` passes is not placed, with a note.
    """
    inferred = {at for at, placement in enumerate(planned) if placement.how in INFERRED}
    if not inferred:
        return list(planned)
    trusted = _known(rows, planned, keys, _TRUSTED)
    known = trusted
    judged: list[Placement] = []
    for _ in range(_PASSES):
        previous = judged
        judged = [
            verified(placement, keys[at], rows[at].columns, rows[at].after, placer, equations, known, rows[at].label_at)
            if at in inferred
            else placement
            for at, placement in enumerate(planned)
        ]
        # One inferred row is judged by the trusted values alone, and a second pass would judge it the same.
        if len(inferred) == 1 or judged == previous:
            return judged
        known = {**_known(rows, judged, keys, None), **trusted}
    unsettled = Placement(
        None, "", "placed as the table's other rows are printed, where its values stand is not settled"
    )
    return [placement if placement == before else unsettled for placement, before in zip(judged, previous, strict=True)]


def _known(
    rows: Sequence[PrintedRow],
    placements: Sequence[Placement],
    keys: Sequence[tuple[str, ...]],
    hows: frozenset[str] | None,
) -> dict[str, object]:
    """The values of the cells of each row's first printing placed as one of *hows* (any, if ``None``), by key."""
    known: dict[str, object] = {}
    seen: set[str] = set()
    for printed, placement, row_keys in zip(rows, placements, keys, strict=True):
        if printed.row.key in seen:
            continue
        seen.add(printed.row.key)
        if placement.offsets is None or (hows is not None and placement.how not in hows):
            continue
        for key, column, offset in zip(row_keys, printed.columns, placement.offsets, strict=True):
            if offset is not None and offset < len(printed.after):
                known[key] = read_cell(printed.after[offset].text, column).value
    return known


def _row_equations(by_row: _ByRow, printed: PrintedRow) -> list[Equation]:
    """The identity instances whose cells all lie in this printed row."""
    found = by_row.get(printed.row.key)
    if not found:
        return []
    keys = {column.key for column in printed.columns}
    return [equation for equation, columns in found if columns <= keys]


@lru_cache(maxsize=1024)
def _cell_keys(table: str, row: str, columns: tuple[Column, ...]) -> tuple[str, ...]:
    """The public keys of a row's cells in *columns* (cached: every report prints the same rows)."""
    return tuple(f"{table}/{row}/{column.key}" for column in columns)


_ByRow = dict[str, list[tuple[Equation, frozenset[str]]]]


@lru_cache(maxsize=8)
def _by_row(equations: tuple[Equation, ...]) -> _ByRow:
    """The instances whose cells lie in one row, by that row, with the columns they use (once per format)."""
    found: _ByRow = {}
    for equation in equations:
        places = [key.split("/") for key in equation.terms]
        rows = {row for _, row, _ in places}
        if len(rows) == 1:
            found.setdefault(rows.pop(), []).append((equation, frozenset(column for _, _, column in places)))
    return found


def _widths(rows: Sequence[PrintedRow]) -> dict[tuple[int, int], int]:
    """Where most grid rows of as many columns, their label in the same cell, end (the farther, where as many
    end at two places): by (columns, label cell). One row wider than its peers (a padding cell) is not their width.
    """
    ends: dict[tuple[int, int], Counter[int]] = {}
    for printed in rows:
        if not printed.joined:
            ends.setdefault((len(printed.columns), printed.label_at), Counter())[grid_end(printed)] += 1
    return {key: max(found, key=lambda end: (found[end], end)) for key, found in ends.items()}


def _placement(
    printed: PrintedRow,
    placer: Placer,
    column_map: dict[int, str] | None,
    equations: Sequence[Equation],
    width: int = 0,
    padded: bool = False,
) -> Placement:
    """Where *printed*'s values stand: by the grid's column map, else by the rules of `_placing`.

    A grid row that ends before one of the header's columns for it starts,
    or before *width* (where most rows printed like it end), lost a cell: the
    cells after it stand a column left, under the map too. Unless it prints
    all its values, or none, it is placed ``lost``, to stand only where the
    identities prove it. In a grid whose rows are *padded* (a cell past the
    header's columns), one whose last column is blank may have lost one
    before it, the padding moved under that column: it is placed ``tail``.
    """
    if printed.problem is not None:
        return Placement(None, "", printed.problem)
    lost = column_map is not None and not reaches(printed, column_map, width)
    if column_map is not None and (mapped := by_map(printed, column_map)) is not None:
        offsets = mapped.offsets or ()
        # A row whose every cell is blank reads blank, whichever it lost; one printing all its values lost none.
        blanks = offsets.count(None)
        if 0 < blanks < len(offsets) and (lost or (padded and offsets[-1] is None)):
            # Lost a cell; or its last column blank, where a padding cell lands when the row lost one before it.
            return attrs.evolve(mapped, how="lost" if lost else "tail")
        return mapped
    check = check_of(printed.columns, equations)
    placement = placer.place(len(printed.columns), printed.after, printed.label_at, check)
    return attrs.evolve(placement, how="lost") if lost and placement.how in INFERRED else placement


def _store_row(
    table: Table, printed: PrintedRow, placement: Placement, keys: Sequence[str], mapped: bool, reading: TableReading
) -> None:
    """Store the values of *printed* as *placement* has them, with the notes of reading them.

    *mapped*: the grid's header gave a column map for the row (placed by it,
    unless its cells do not fit it).
    """
    row, match = printed.row, printed.match
    count = len(printed.columns)
    if row.key in reading.found:
        # Placed as the first printing was, so that the two are compared cell by cell.
        first = reading.found[row.key]
        line = printed.raw.line
        printed_again(f"row {row.label}", printed.columns, keys, printed.after, placement, first, line, reading)
        return
    reading.found[row.key] = printed.raw.line
    if match.how != "exact":
        label = printed.raw.cells[printed.label_at].text
        reading.notes.append(
            Note(
                code="label-variant" if match.how == "variant" else "label-similar",
                message=f"label {label!r} read as {match.canonical} ({match.how})",
                line=printed.raw.line,
                cells=keys,
            )
        )
    if mapped and placement.how != "grid" and placement.offsets is not None:
        reading.notes.append(
            Note(
                code="blank-cells-placed",
                message=f"row {row.label}: its cells do not stand under the header's columns (a span "
                "misaligned, or a cell lost); placed without the header instead",
                line=printed.raw.line,
                cells=keys,
            )
        )
    placed = placed_cells(f"row {row.label}", printed.after, count, placement, printed.raw.line, keys, reading)
    store(table, row, printed.columns, placed, placement, reading)
