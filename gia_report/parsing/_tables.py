"""Reading the three tables from tokenized rows: rows by label, values from their own cells.

A row is found by its label, never by its position: the rightmost text cell
of a printed row that is (alone or with the text cells just before it) a
label of the catalog names it (group labels such as （三）不予公开 may stand
before it). Its values are read from the cells after that label, and only
from them.

Those cells may hold structural empty cells besides the values (merged cells
that vanished, trailing padding), and a value printed blank is an empty cell
too. Where the values go is decided in this order:

1. as many cells as values: each cell is its value;
2. exactly as many non-empty cells as values: the empty ones are structure;
3. a *shape* learned from the complete rows of the same table (which offsets
   held the values in a row of that many cells) that fits the non-empty cells,
   if exactly one fits;
4. a contiguous window of cells that the layout allows (any window, or only
   the first for a layout with trailing padding only), if exactly one fits.

Where several shapes or windows fit, the row's printed identity (总计 equals
the sum of its parts, from the catalog) breaks the tie if exactly one of them
satisfies it with the total printed.

Otherwise the row's cells stay blank and a note names the line: a number in
the wrong column is worse than none.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

import attrs

from ..catalog import Column, Identity, Row, Table
from ._document import Cell, TableRow
from ._labels import LabelMatch, TableLabels, labels_of, normalize_label, strip_numbering
from ._numbers import looks_like_value, read_cell
from ._result import CellSource, Layout, Note

__all__ = ["TableReading", "read_appeals", "read_labelled_table"]

Value = object


@attrs.define
class TableReading:
    """What was read from one table: values and sources by key, the rows found, and notes."""

    values: dict[str, Value] = attrs.field(factory=dict)
    sources: dict[str, CellSource] = attrs.field(factory=dict)
    found: dict[str, int] = attrs.field(factory=dict)
    notes: list[Note] = attrs.field(factory=list)


@attrs.define
class _Item:
    raw: TableRow
    row: Row | None
    match: LabelMatch | None
    after: list[Cell]
    columns: tuple[Column, ...] = ()
    label_at: int = -1


def _is_text(cell: Cell) -> bool:
    return bool(cell.text) and not looks_like_value(cell.text)


def _trailing_only(layout: Layout) -> bool:
    # Pipe exports pad a row on the right only ("| 0 | ||||"); the other layouts
    # also leave empty cells where merged label cells were.
    return layout is Layout.PIPE


class _Placer:
    """Decides which of a row's cells hold its values (steps 1 to 4 of the module docstring).

    Shapes are learned per value count and cell count, and more specifically
    per position of the row's label as well: rows whose label sits in the same
    cell and that have as many cells were printed alike.
    """

    def __init__(self, layout: Layout) -> None:
        self.trailing_only = _trailing_only(layout)
        # A blank in the space layout leaves no cell: with fewer numbers than columns, which is
        # missing cannot be told. The other layouts keep a cell per column, so a short row lacks its last.
        self.short_ok = layout is not Layout.SPACE
        self.shapes: dict[tuple[int, ...], set[tuple[int, ...]]] = defaultdict(set)

    def learn(
        self, count: int, cells: Sequence[Cell], label_at: int, offsets: Sequence[int | None] | None = None
    ) -> bool:
        """Remember the shape of a complete row, or the *offsets* a row was placed at; True if new."""
        if offsets is None:
            filled = tuple(i for i, cell in enumerate(cells) if cell.text)
            if len(filled) != count or len(cells) <= count:
                return False
            offsets = filled
        shape = tuple(offset for offset in offsets if offset is not None)
        new = shape not in self.shapes[(count, len(cells), label_at)]
        self.shapes[(count, len(cells), label_at)].add(shape)
        self.shapes[(count, len(cells))].add(shape)
        return new

    def place(
        self,
        count: int,
        cells: Sequence[Cell],
        label_at: int = -1,
        adds_up: Callable[[list[Cell | None]], bool] | None = None,
    ) -> tuple[list[int | None] | None, str]:
        """The offset of each value's cell (``None`` for blank) and how, or ``None`` and why not.

        *adds_up* tells whether the values placed one way satisfy the row's identity.
        """
        filled = [i for i, cell in enumerate(cells) if cell.text]
        if len(cells) == count:
            return list(range(count)), "exact"
        if not filled:
            return [None] * count, "blank"
        if len(filled) == count:
            return list(filled), "filled"
        if len(filled) > count:
            return None, f"{len(filled)} values where {count} were expected"
        candidates: list[tuple[int, ...]] = []
        for key in ((count, len(cells), label_at), (count, len(cells))):
            fits = [shape for shape in self.shapes.get(key, ()) if set(filled) <= set(shape)]
            if len(fits) == 1:
                return list(fits[0]), "shape"
            if fits:
                candidates = sorted(fits)
                break
        if len(cells) < count:
            if not self.short_ok:
                return None, f"{len(filled)} values where {count} were expected"
            # Fewer cells than values: the trailing ones were not printed at all.
            return [*range(len(cells)), *([None] * (count - len(cells)))], "short"
        if not candidates:
            starts = [0] if self.trailing_only else range(len(cells) - count + 1)
            windows = [start for start in starts if filled[0] >= start and filled[-1] < start + count]
            if len(windows) == 1:
                return list(range(windows[0], windows[0] + count)), "window"
            candidates = [tuple(range(start, start + count)) for start in windows]
        if adds_up is not None:
            holding = [shape for shape in candidates if adds_up([cells[i] for i in shape])]
            if len(holding) == 1:
                return list(holding[0]), "total"
        return None, "blank cells leave more than one way to place the values"


def _row_label(labels: TableLabels, cells: Sequence[Cell], text_at: Sequence[int]) -> tuple[LabelMatch | None, int]:
    """The row the label cells name and the index of its last label cell.

    The rightmost text cell that is (or, joined with the text cells just before
    it, makes) a row label wins: text after it is a value that cannot be read,
    not a label. Matches by similarity are tried only when no cell matches
    otherwise.
    """
    for similar in (False, True):
        for position in range(len(text_at) - 1, -1, -1):
            for taken in range(1, position + 2):
                indices = text_at[position - taken + 1 : position + 1]
                if indices[-1] - indices[0] != len(indices) - 1:
                    break  # only cells side by side make one label
                match = labels.row("".join(cells[i].text for i in indices), similar=similar)
                if match is not None:
                    return match, text_at[position]
    return None, -1


def _wrapped_label(
    labels: TableLabels, held: TableRow, cells: list[Cell], text_at: list[int]
) -> tuple[LabelMatch | None, int]:
    """The row label that the text of *held* and the first text cell of *cells* make together.

    Returns the match and the index in *cells* of its last label cell, or ``(None, -1)``.
    """
    first = text_at[0]
    joined = Cell(
        "".join(c.text for c in held.cells if c.text) + cells[first].text, cells[first].line, cells[first].column
    )
    candidate = [*cells[:first], joined, *cells[first + 1 :]]
    match, label_at = _row_label(labels, candidate, text_at)
    if match is None or label_at != first:
        return None, -1
    return match, label_at


def _captions_only(labels: TableLabels, texts: Sequence[Cell], values: Sequence[Cell]) -> bool:
    """Whether a row holds only header captions and group labels, and no value."""
    return not any(cell.text for cell in values) and all(
        labels.is_header(cell.text) or labels.is_group(cell.text) for cell in texts
    )


def _is_header_row(labels: TableLabels, texts: list[Cell], values: list[Cell]) -> bool:
    if _captions_only(labels, texts, values):
        # A lone 其他 or 总计 with no numbering is a column caption; 3.其他 is a row.
        return len(texts) > 1 or strip_numbering(normalize_label(texts[0].text)) == normalize_label(texts[0].text)
    return False


def _column_order(labels: TableLabels, table: Table, texts: list[Cell]) -> tuple[str, ...]:
    keys = [labels.column(cell.text, table.columns) for cell in texts]
    return tuple(key for key in keys if key is not None)


def read_labelled_table(
    table: Table, rows: Sequence[TableRow], layout: Layout, identities: Sequence[Identity] = ()
) -> TableReading:
    """Read table ``active`` or ``requests`` of one format from its tokenized *rows*.

    *identities* are the format's identities; those that hold in every row of
    this table break ties between placements of blank cells.
    """
    labels = labels_of(table)
    reading = TableReading()
    items: list[_Item] = []
    header: tuple[str, ...] = ()
    # 1. Classify each printed row: header, labelled row, or values without a label. A line of
    #    text alone that matches nothing is held back: it may be the first half of a label whose
    #    cell held a line break (tab and pipe layouts), read with the row after it.
    held: TableRow | None = None

    def unknown(raw: TableRow) -> None:
        shown = " | ".join(cell.text for cell in raw.cells if cell.text)
        reading.notes.append(
            Note(
                code="unknown-row",
                message=f"row {shown!r} matches no label of table {table.key}: not read",
                line=raw.line,
            )
        )

    for raw in rows:
        cells = list(raw.cells)
        text_at = [i for i, cell in enumerate(cells) if _is_text(cell)]
        if not text_at:
            if any(cell.text for cell in cells):
                items.append(_Item(raw, None, None, cells))
            continue
        texts = [cells[i] for i in text_at]
        values = cells[text_at[-1] + 1 :]
        if _is_header_row(labels, texts, values):
            order = _column_order(labels, table, texts)
            if order:
                header = order
            continue
        match, label_at = _row_label(labels, cells, text_at)
        if match is None and held is not None:
            match, label_at = _wrapped_label(labels, held, cells, text_at)
            if match is not None:
                reading.notes.append(
                    Note(code="wrapped-label", message=f"label begun at line {held.line} read on here", line=raw.line)
                )
                held = None
        if held is not None:
            unknown(held)
            held = None
        if match is None:
            if _captions_only(labels, texts, values):
                continue  # a group label on a line of its own: （三）不予公开
            if any(cell.text for cell in values):
                unknown(raw)
            else:
                held = raw
            continue
        row = table.row(match.key)
        columns = row.columns
        if header and set(header) == {c.key for c in columns} and len(header) == len(columns):
            columns = tuple(row.column(key) for key in header)
        items.append(_Item(raw, row, match, cells[label_at + 1 :], columns, label_at))
    if held is not None:
        unknown(held)
    # 2. Values without a label continue the labelled row before them when it is short
    #    (a page break inside a row in the blank-line layout).
    merged: list[_Item] = []
    for item in items:
        previous = merged[-1] if merged else None
        if item.row is None:
            if previous is not None and previous.row is not None and _short(previous):
                previous.after = previous.after + item.after
                reading.notes.append(
                    Note(
                        code="joined-row",
                        message=f"values continue the row {previous.row.label} from line {previous.raw.line}",
                        line=item.raw.line,
                    )
                )
            else:
                shown = " | ".join(cell.text for cell in item.after if cell.text)
                reading.notes.append(
                    Note(
                        code="unplaced-cells",
                        message=f"values {shown!r} stand under no row label: not read",
                        line=item.raw.line,
                    )
                )
            continue
        merged.append(item)
    # 3. Learn the shapes of complete rows, then of rows placed without doubt, until
    #    nothing new is learned; then place every row's values.
    placer = _Placer(layout)
    for item in merged:
        placer.learn(len(item.columns), item.after, item.label_at)
    learning = True
    while learning:
        learning = False
        for item in merged:
            offsets, how = placer.place(len(item.columns), item.after, item.label_at)
            if offsets is not None and how in ("shape", "window"):
                learning |= placer.learn(len(item.columns), item.after, item.label_at, offsets)
    for item in merged:
        assert item.row is not None and item.match is not None
        _place_row(table, item, placer, reading, _row_check(table, item.columns, identities))
    return reading


def _row_check(
    table: Table, columns: Sequence[Column], identities: Sequence[Identity]
) -> Callable[[list[Cell | None]], bool] | None:
    """A test that values placed in *columns* satisfy the table's row identities, or None if it has none."""
    keys = [column.key for column in columns]
    rules = [
        rule
        for rule in identities
        if rule.table == table.key and rule.axis == "row" and set(rule.total) | set(rule.parts) <= set(keys)
    ]
    if not rules:
        return None

    def adds_up(cells: list[Cell | None]) -> bool:
        values: dict[str, object] = {}
        for column, cell in zip(columns, cells, strict=True):
            values[column.key] = None if cell is None else read_cell(cell.text, column).value
        for rule in rules:
            if any(values[key] is None for key in rule.total):
                return False
            total = sum(values[key] or 0 for key in rule.total)  # type: ignore[misc]
            parts = sum(values[key] or 0 for key in rule.parts)  # type: ignore[misc]
            if total != parts:
                return False
        return True

    return adds_up


def _short(item: _Item) -> bool:
    return sum(1 for cell in item.after if cell.text) < len(item.columns) and len(item.after) < len(item.columns)


def _place_row(
    table: Table,
    item: _Item,
    placer: _Placer,
    reading: TableReading,
    adds_up: Callable[[list[Cell | None]], bool] | None,
) -> None:
    assert item.row is not None and item.match is not None
    row, match = item.row, item.match
    if row.key in reading.found:
        shown = " | ".join(cell.text for cell in item.after if cell.text)
        if shown:
            reading.notes.append(
                Note(
                    code="duplicate-row",
                    message=f"row {row.label} printed again (first at line {reading.found[row.key]}); "
                    f"values {shown!r} not read",
                    line=item.raw.line,
                )
            )
        return
    reading.found[row.key] = item.raw.line
    if match.how != "exact":
        label = item.raw.cells[item.label_at].text
        reading.notes.append(
            Note(
                code="label-variant" if match.how == "variant" else "label-similar",
                message=f"label {label!r} read as {match.canonical} ({match.how})",
                line=item.raw.line,
            )
        )
    offsets, how = placer.place(len(item.columns), item.after, item.label_at, adds_up)
    placed = _placed(f"row {row.label}", item.after, len(item.columns), offsets, how, item.raw.line, reading)
    _store(table, row.key, item.columns, placed, reading)


def _placed(
    what: str,
    cells: Sequence[Cell],
    count: int,
    offsets: Sequence[int | None] | None,
    how: str,
    line: int,
    reading: TableReading,
) -> list[Cell | None]:
    """The cell of each value as *offsets* place them, with a note when placing took more than counting.

    Unplaced (*offsets* ``None``): every value blank, and a note saying why.
    """
    if offsets is None:
        shown = " | ".join(cell.text for cell in cells)
        reading.notes.append(
            Note(
                code="unplaced-cells",
                message=f"{what}: {how} (cells {shown!r}); its cells are left blank",
                line=line,
            )
        )
        return [None] * count
    if how in ("shape", "window", "short", "total"):
        by = {
            "shape": "the shape of the table's complete rows",
            "total": "the only placement under which the row's total adds up",
        }.get(how, "their positions")
        reading.notes.append(
            Note(code="blank-cells-placed", message=f"{what}: values beside blank cells placed by {by}", line=line)
        )
    return [None if offset is None else cells[offset] for offset in offsets]


def _store(
    table: Table,
    row_key: str,
    columns: Sequence[Column],
    placed: Sequence[Cell | None],
    reading: TableReading,
) -> None:
    for column, cell in zip(columns, placed, strict=True):
        key = f"{table.key}/{row_key}/{column.key}"
        if cell is None:
            reading.values[key] = None
            continue
        result = read_cell(cell.text, column)
        reading.values[key] = result.value
        reading.sources[key] = CellSource(line=cell.line, column=cell.column, text=cell.text)
        for oddity in result.oddities:
            reading.notes.append(Note(code="number-format", message=f"{key}: {oddity}", line=cell.line))
        if result.problem is not None:
            reading.notes.append(
                Note(
                    code="unreadable-cell",
                    message=f"{key}: {result.problem}; the cell is left blank",
                    line=cell.line,
                )
            )


def read_appeals(
    table: Table, rows: Sequence[TableRow], layout: Layout, identities: Sequence[Identity] = ()
) -> TableReading:
    """Read table ``appeals``: one data row of 15 values under a header of captions.

    The values of every row that holds any (after its last text cell, if it has
    a label) are taken in order, so a data row broken by a page break reads
    whole. A row of empty cells under the header is the data row printed blank.
    """
    labels = labels_of(table)
    reading = TableReading()
    cells: list[Cell] = []
    blank_row: TableRow | None = None
    header_line: int | None = None
    first_line = 0
    for raw in rows:
        text_at = [i for i, cell in enumerate(raw.cells) if _is_text(cell)]
        after = list(raw.cells[text_at[-1] + 1 :] if text_at else raw.cells)
        if not any(cell.text for cell in after):
            unknown = [raw.cells[i].text for i in text_at if not labels.is_header(raw.cells[i].text)]
            if unknown:
                reading.notes.append(
                    Note(
                        code="unknown-row",
                        message=f"text {' | '.join(unknown)!r} in table appeals ignored",
                        line=raw.line,
                    )
                )
            elif text_at:
                header_line = header_line or raw.line
            elif blank_row is None and len(raw.cells) > 1:
                blank_row = raw
            continue
        if cells:
            reading.notes.append(
                Note(
                    code="joined-row",
                    message=f"values continue the data row from line {first_line}",
                    line=raw.line,
                )
            )
        else:
            first_line = raw.line
        cells.extend(after)
    columns = [(row, column) for row in table.rows for column in row.columns]
    if not cells:
        if blank_row is None and header_line is None:
            return reading
        if blank_row is None:
            reading.notes.append(
                Note(
                    code="missing-row",
                    message="table appeals has a header but no row of values: its cells are blank",
                    line=header_line,
                )
            )
        for row in table.rows:
            reading.found[row.key] = blank_row.line if blank_row is not None else header_line or 0
        for row, column in columns:
            reading.values[f"appeals/{row.key}/{column.key}"] = None
        return reading
    checks = [_row_check(table, row.columns, identities) for row in table.rows]
    width = len(table.rows[0].columns)

    def adds_up(placed: list[Cell | None]) -> bool:
        return all(check is None or check(placed[i * width : (i + 1) * width]) for i, check in enumerate(checks))

    offsets, how = _Placer(layout).place(len(columns), cells, adds_up=adds_up)
    placed = _placed("table appeals", cells, len(columns), offsets, how, first_line, reading)
    for row in table.rows:
        reading.found[row.key] = first_line
    for row in table.rows:
        start = table.rows.index(row) * len(row.columns)
        _store(table, row.key, row.columns, placed[start : start + len(row.columns)], reading)
    return reading
