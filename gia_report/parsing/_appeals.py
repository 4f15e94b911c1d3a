"""Reading table ``appeals``: rows printed with their group labels, else one data row of 15 values.

The national template prints one data row of 15 numbers under a three-row
header whose captions 行政复议 / 未经复议直接起诉 / 复议后起诉 name the groups.
Reports also print three rows, each with its group label: those are placed
by their labels, never by their position. Values with neither labels nor a
header naming the three groups are taken in the national order, with a note.
A caption (结果维持 …) before a few values is a transposed table, and a group
label or caption before more values than its row holds is a header joined to
the data row (PDF text).
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence

import attrs

from .._cells import Equation
from ..catalog import Row, Table
from ._columns import pads
from ._document import Cell, Grid, TableRow
from ._labels import TableLabels, normalize_label, strip_numbering
from ._numbers import cached_when_short, holds_values_apart
from ._placing import Check, Placement, Placer
from ._reading import TableReading, check_of, placed_cells, printed_again, store
from ._result import Layout, Note
from ._rows import is_text
from ._verifying import INFERRED, verified

__all__ = ["read_appeals"]


@cached_when_short(maxsize=4096)
def _group_of(table: Table, text: str) -> Row | None:
    """The appeals row (group) whose label *text* ends in: the group of the values printed after it."""
    normalized = normalize_label(text)
    for row in table.rows:
        if normalized.endswith(normalize_label(row.label)):
            return row
    return None


@cached_when_short(maxsize=4096)
def _groups_in(table: Table, text: str) -> tuple[Row, ...]:
    """The appeals groups *text* names, in the order it names them (a header caption may name two)."""
    normalized = normalize_label(text)
    found = [(normalized.find(normalize_label(row.label)), row) for row in table.rows]
    return tuple(row for at, row in sorted(found, key=lambda pair: pair[0]) if at >= 0)


@attrs.define
class _Segment:
    """The values of an appeals row after one of its text cells (or at its start): a group, a caption or none."""

    raw: TableRow
    group: Row | None
    caption: str | None
    cells: list[Cell]
    label_at: int
    #: The text it follows, where that is no group label, caption or header word (another table's row label,
    #: say) and has values beside it on its line (a caption broken over lines in PDF text has them below).
    unknown: Cell | None = None
    #: Read from PDF text (the `Grid` geometry ``ordered``).
    ordered: bool = False

    def stray(self) -> bool:
        """Whether its values are those of a label that is none of this table's: beside it on its line, and in
        PDF text (where a caption broken over lines may end on the values' line) a numbered one."""
        text = self.unknown
        if text is None or not any(cell.text and cell.line == text.line for cell in self.cells):
            return False
        if self.ordered:
            normalized = normalize_label(text.text)
            return strip_numbering(normalized) != normalized
        return True


def _segments(labels: TableLabels, table: Table, raw: TableRow, *, ordered: bool = False) -> list[_Segment]:
    """The row cut before each of its text cells; every segment with the values after that text.

    A text cell on a line of several texts, its values on a later line, is a
    header's caption joined to the data row (PDF text), not the label of the
    values after it: it cuts nothing.
    """
    columns = table.rows[0].columns
    cells = raw.cells
    texts = [is_text(cell) for cell in cells]
    texts_on = Counter(cell.line for cell, text in zip(cells, texts, strict=True) if text)
    found: list[_Segment] = []
    current = _Segment(raw, None, None, [], -1)
    value_lines = _next_value_lines(cells, texts) if any(count > 1 for count in texts_on.values()) else []
    for index, cell in enumerate(cells):
        if cell.below:
            continue
        if texts[index]:
            # Its values on a later line than its own: a caption of a header joined to the data row.
            if texts_on[cell.line] > 1 and value_lines[index] not in (None, cell.line):
                continue
            found.append(current)
            group, caption = _group_of(table, cell.text), labels.column(cell.text, columns)
            unknown = cell if group is None and caption is None and not labels.is_header(cell.text) else None
            current = _Segment(raw, group, caption, [], index, unknown, ordered)
            continue
        current.cells.append(cell)
    found.append(current)
    return [segment for segment in found if any(cell.text for cell in segment.cells)]


def _next_value_lines(cells: Sequence[Cell], texts: Sequence[bool]) -> list[int | None]:
    """For each cell, the line of the first value after it (``None`` where none follows), in one pass."""
    lines: list[int | None] = [None] * len(cells)
    following: int | None = None
    for index in range(len(cells) - 1, -1, -1):
        lines[index] = following
        if cells[index].text and not texts[index]:
            following = cells[index].line
    return lines


def _cells_by_grid(table: Table, labels: TableLabels, grid: Grid) -> tuple[list[Cell], bool] | None:
    """The 15 cells in the national order, placed by the groups and captions the header's spans put over each
    grid column, and whether a cell stands past the captions (padding); ``None`` where the header does not
    name a group and a column over every value, or some cell of the 15 is not printed.
    """
    columns = table.rows[0].columns
    groups: dict[int, str] = {}
    captions: dict[int, str] = {}
    values: list[Cell] = []
    for raw in grid.rows:
        printed = [cell for cell in raw.cells if not cell.below and cell.grid is not None]
        if any(cell.text and not is_text(cell) for cell in printed) or (printed and not any(c.text for c in printed)):
            values.extend(printed)
            continue
        for cell in printed:
            assert cell.grid is not None
            group = _group_of(table, cell.text)
            column = labels.column(cell.text, columns)
            for position in range(cell.grid, cell.grid + cell.span):
                if group is not None:
                    groups[position] = group.key
                if column is not None:
                    captions[position] = column
    placed: dict[str, Cell] = {}
    for cell in values:
        assert cell.grid is not None
        span = range(cell.grid, cell.grid + cell.span)
        keys = {(groups.get(g), captions.get(g)) for g in span}
        if len(keys) != 1:
            return None
        group_key, column_key = keys.pop()
        if group_key is None or column_key is None or f"{group_key}/{column_key}" in placed:
            return None
        placed[f"{group_key}/{column_key}"] = cell
    every = [f"{row.key}/{column.key}" for row in table.rows for column in columns]
    if set(placed) != set(every):
        return None
    return [placed[key] for key in every], pads(grid, captions)


def _read_by_grid(
    table: Table,
    cells: list[Cell],
    padded: bool,
    placer: Placer,
    equations: Sequence[Equation],
    reading: TableReading,
) -> None:
    """Store the 15 *cells* the header placed (`_cells_by_grid`), unless the identities doubt them.

    A row printing a padding cell after its values (the grid is *padded*: a
    cell stands past the header's captions) that lost a cell before it ends
    where the header does, the padding under the last caption: where that cell
    is blank, the row's cells but the last, with the lost one anywhere, are
    judged against the header's reading (`verified`).
    """
    columns = table.rows[0].columns
    keys = [f"appeals/{row.key}/{column.key}" for row in table.rows for column in columns]
    placement = Placement(tuple(at if cell.text else None for at, cell in enumerate(cells)), "grid")
    if padded and not cells[-1].text and any(cell.text for cell in cells):
        shifted = [(*range(at), None, *range(at, len(cells) - 1)) for at in range(len(cells))]
        placement = verified(
            attrs.evolve(placement, how="tail"),
            keys,
            [*columns] * len(table.rows),
            cells,
            placer,
            equations,
            {},
            lost=shifted,
        )
    placed = placed_cells("table appeals", cells, len(keys), placement, cells[0].line, keys, reading)
    width = len(columns)
    for index, row in enumerate(table.rows):
        reading.found[row.key] = cells[0].line
        store(table, row, columns, placed[index * width : (index + 1) * width], placement, reading)


def read_appeals(
    table: Table, labels: TableLabels, grid: Grid, equations: Sequence[Equation], reading: TableReading
) -> None:
    """Read table ``appeals``: by the header's grid where the form states it, else as the module docstring says."""
    columns = table.rows[0].columns
    width = len(columns)
    placer = Placer(grid.geometry, trailing_only=grid.layout is Layout.PIPE)
    by_grid = _cells_by_grid(table, labels, grid) if grid.geometry == "grid" else None
    if by_grid is not None:
        own = [equation for equation in equations if equation.table == "appeals"]
        _read_by_grid(table, *by_grid, placer, own, reading)
        return
    header_groups: list[Row] = []
    group_rows: set[int] = set()  # the header rows the groups are named on
    group_at: dict[str, int] = {}  # where in its header row each group is named
    segments: list[_Segment] = []
    blank_row: TableRow | None = None
    header_line: int | None = None
    last_blank: TableRow | None = None  # a row of empty cells just before the current one
    opening: TableRow | None = None  # the row of empty cells the first values were printed right after
    for at, raw in enumerate(grid.rows):
        texts = [cell.text for cell in raw.cells if is_text(cell)]
        # The groups named anywhere in the header, in printed order (PDF text joins header lines to the values).
        for index, cell in enumerate(raw.cells):
            if is_text(cell):
                for group in _groups_in(table, cell.text):
                    if group not in header_groups:
                        header_groups.append(group)
                        # A header row: a line of PDF text (joined to the values), else a row of the grid; and
                        # where in its row the group stands (the rows of a grid or of separated cells align).
                        group_rows.add(cell.line if grid.geometry == "ordered" else at)
                        group_at[group.key] = cell.grid if cell.grid is not None else index
        found = _segments(labels, table, raw, ordered=grid.geometry == "ordered")
        if found:
            if not segments:
                opening = last_blank
            segments.extend(found)
            last_blank = None
            continue
        last_blank = raw if not texts and raw.cells else None
        unknown = [text for text in texts if not labels.is_header(text) and _group_of(table, text) is None]
        if unknown:
            reading.notes.append(
                Note(
                    code="unknown-row", message=f"text {' | '.join(unknown)!r} in table appeals ignored", line=raw.line
                )
            )
        elif texts:
            header_line = header_line or raw.line
        elif blank_row is None and len(raw.cells) > 1:
            blank_row = raw
    keys = {row.key: [f"appeals/{row.key}/{column.key}" for column in columns] for row in table.rows}
    every = [key for row in table.rows for key in keys[row.key]]
    own = [equation for equation in equations if equation.table == "appeals"]
    checks = {row.key: check_of(columns, [e for e in own if e.row == row.key]) for row in table.rows}
    # A group label or a caption before more values than its row holds ends a header joined to the data row.
    for segment in segments:
        printed = sum(1 for cell in segment.cells if cell.text)
        if (segment.group is not None and printed > width) or (
            segment.caption is not None and printed > len(table.rows)
        ):
            segment.group = segment.caption = None
    stray = [segment.stray() for segment in segments]
    for segment in itertools.compress(segments, stray):
        assert segment.unknown is not None
        _not_read(segment, f"beside {segment.unknown.text!r}, no label of table appeals", reading)
    segments = [segment for segment, away in zip(segments, stray, strict=True) if not away]
    labelled = [segment for segment in segments if segment.group is not None]
    loose = [segment for segment in segments if segment.group is None and segment.caption is None]
    if labelled or any(segment.caption is not None for segment in segments):
        _read_labelled_appeals(table, labelled, placer, keys, checks, reading)
        for segment in segments:
            if segment.group is None:
                _not_read(segment, "of table appeals stand beside no group label", reading)
        return
    cells, first_line, problem = _data_row(loose, opening, len(table.rows) * width, reading.notes)
    if not cells:
        if blank_row is None and header_line is None:
            return
        if blank_row is None:
            reading.notes.append(
                Note(
                    code="missing-row",
                    message="table appeals has a header but no row of values: its cells are blank",
                    line=header_line,
                    cells=every,
                )
            )
        for row in table.rows:
            reading.found[row.key] = blank_row.line if blank_row is not None else header_line or 0
        for key in every:
            reading.values[key] = None
        return
    order = list(table.rows)
    aligned = grid.geometry != "ordered"  # the cells of the header rows stand in the grid's columns
    # A group standing past the table's cells: header rows printed on one line, whose order is not the columns'.
    beyond = aligned and any(at >= len(every) for at in group_at.values())
    if len(group_rows) > 1 and aligned and not beyond and len(set(group_at.values())) == len(group_at):
        # Named on several header rows whose cells align: in the order they stand in, not the rows' order.
        header_groups.sort(key=lambda group: group_at[group.key])
    national = [order.index(group) for group in header_groups] == sorted(order.index(group) for group in header_groups)
    trusted = not beyond and (aligned or len(group_rows) == 1)
    if len(header_groups) == len(table.rows) and (national or trusted):
        order = header_groups
    elif not national:
        # Named in another order than the national one, on several header rows (whose order is not the columns'),
        # past the table's cells, or not all three: where each group stands is not known.
        shown = "、".join(group.label for group in header_groups)
        why = "and not all three" if len(header_groups) < len(table.rows) else "on several header rows"
        problem = problem or (
            f"the header names the groups {shown} in another order than the national one, "
            + ("past the table's cells" if beyond else why)
        )
    else:
        reading.notes.append(
            Note(
                code="appeals-by-order",
                message="the appeals values carry no group labels and no header naming their groups: read in the "
                "national order 行政复议, 未经复议直接起诉, 复议后起诉",
                line=first_line,
                cells=every,
            )
        )
    ordered_keys = [key for row in order for key in keys[row.key]]
    row_checks = [checks[row.key] for row in order]

    def holds(placed: Sequence[Cell | None]) -> tuple[Equation, ...] | None:
        used: list[Equation] = []
        for index, check in enumerate(row_checks):
            if check is None:
                continue
            result = check(placed[index * width : (index + 1) * width])
            if result is None:
                return None
            used.extend(result)
        return tuple(used)

    if problem is not None:
        placement = Placement(None, "", problem)
    else:
        placement = placer.place(len(ordered_keys), cells, check=holds)
        if placement.how in INFERRED and grid.geometry == "grid" and len(cells) < len(ordered_keys):
            # Fewer cells than values in a grid (`_cells_by_grid` placed none): the row lost cells, which not known.
            placement = attrs.evolve(placement, how="lost")
        if placement.how in INFERRED:  # judged by the groups' totals (a cell lost inside the row moves the rest)
            placed_columns = [column for _ in order for column in columns]
            placement = verified(placement, ordered_keys, placed_columns, cells, placer, own, {})
    placed = placed_cells("table appeals", cells, len(ordered_keys), placement, first_line, ordered_keys, reading)
    for index, row in enumerate(order):
        reading.found[row.key] = first_line
        store(table, row, columns, placed[index * width : (index + 1) * width], placement, reading)


def _not_read(segment: _Segment, why: str, reading: TableReading) -> None:
    """Note the values of *segment*, which are not read: *why*."""
    shown = " | ".join(cell.text for cell in segment.cells if cell.text)
    line = segment.unknown.line if segment.unknown is not None else segment.raw.line
    reading.notes.append(Note(code="unplaced-cells", message=f"values {shown!r} {why}: not read", line=line))


def _data_row(
    loose: Sequence[_Segment], opening: TableRow | None, count: int, notes: list[Note]
) -> tuple[list[Cell], int, str | None]:
    """The cells of the data row printed as *loose* segments, its first line, and why it cannot be placed.

    In the blank-line layout an empty line inside the row is a blank cell whose
    tab an editor stripped (``TableRow.gap``), and the row may then open with a
    row of empty cells (*opening*) or with such empty lines after the header's.
    Those are read as blank cells only where the cells then number the row's
    *count*; a row so cut that adds up no way is not placed, nor is a row
    printed over several lines whose cells do not number *count* (any line may
    have lost its last cells).
    """
    if not loose:
        return [], 0, None
    cells: list[Cell] = []
    cut = 0
    for index, segment in enumerate(loose):
        # The empty lines before a printed row, for the first of its segments (those of one row come together).
        gap = segment.raw.gap if cells and segment.raw is not loose[index - 1].raw else 0
        if cells:
            notes.append(
                Note(
                    code="joined-row",
                    message=f"values continue the data row from line {loose[0].raw.line}"
                    + (f", after {gap} empty line(s) read as blank cells" if gap else ""),
                    line=segment.raw.line,
                )
            )
        cells.extend(Cell("", segment.raw.line, 1) for _ in range(gap))
        cells.extend(segment.cells)
        cut += gap
    first = loose[0].raw
    # Printed over several lines, a row may have lost cells at the end of any of them, not only of the last.
    one_line = all(segment.raw is first for segment in loose)
    # A cell holding two numbers, perhaps, makes the count of cells prove nothing about empty lines.
    if (cut or opening is not None or first.gap > 1) and any(holds_values_apart(cell.text) for cell in cells):
        problem = "the data row is cut or opened by empty lines and a cell holds values apart (two values?)"
        return cells, first.line, f"{problem}: where each value stands is not known"
    if len(cells) == count or (not cut and opening is None and first.gap <= 1 and one_line):
        return cells, first.line, None
    before = first.gap if opening is not None else first.gap - 1
    if before > 0 and len(cells) + before + (len(opening.cells) if opening is not None else 0) == count:
        start = opening.line if opening is not None else first.line
        notes.append(
            Note(
                code="joined-row",
                message=f"the data row opens with {before} empty line(s) read as blank cells",
                line=first.line,
            )
        )
        leading = [*(opening.cells if opening is not None else ()), *(Cell("", first.line, 1) for _ in range(before))]
        return [*leading, *cells], start, None
    if not cut and opening is None and one_line:
        return cells, first.line, None
    problem = (
        f"the data row is printed over several lines (or cut by empty lines, or opened by a row of empty cells), "
        f"and its {len(cells)} cells are not its {count}: where the missing ones stood is not known"
    )
    return cells, first.line, problem


def _read_labelled_appeals(
    table: Table,
    labelled: Sequence[_Segment],
    placer: Placer,
    keys: dict[str, list[str]],
    checks: dict[str, Check | None],
    reading: TableReading,
) -> None:
    """Appeals printed as rows with their group labels: each placed by its label, never by its position."""
    columns = table.rows[0].columns
    width = len(columns)
    for segment in labelled:
        placer.learn(width, segment.cells, segment.label_at)
    for segment in labelled:
        row = segment.group
        assert row is not None
        placement = placer.place(width, segment.cells, segment.label_at, checks[row.key])
        if row.key in reading.found:
            first = reading.found[row.key]
            what = f"row {row.label}"
            printed_again(what, columns, keys[row.key], segment.cells, placement, first, segment.raw.line, reading)
            continue
        reading.found[row.key] = segment.raw.line
        if placement.how in ("exact", "filled"):
            placement = attrs.evolve(placement, how="label")
        placed = placed_cells(
            f"row {row.label}", segment.cells, width, placement, segment.raw.line, keys[row.key], reading
        )
        store(table, row, columns, placed, placement, reading)
