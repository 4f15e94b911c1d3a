"""What is read from one table, and how placed cells are stored: values, sources, notes and identities spent."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from .._cells import Equation
from ..catalog import Column, Row, Table
from ._document import Cell
from ._numbers import read_cell
from ._placing import Check, Placement
from ._result import CellSource, Note, SourceFields, shorten

__all__ = ["TableReading", "check_of", "placed_cells", "store"]

Value = object


@attrs.define
class TableReading:
    """What was read from one table: values and sources by key, rows found, notes, identities spent, runs unsplit."""

    values: dict[str, Value] = attrs.field(factory=dict)
    #: A source is kept as its fields until `ParseResult.sources` is looked up (see `SourceFields`).
    sources: dict[str, CellSource | SourceFields] = attrs.field(factory=dict)
    found: dict[str, int] = attrs.field(factory=dict)
    notes: list[Note] = attrs.field(factory=list)
    spent: list[Equation] = attrs.field(factory=list)
    #: Collapsed text: the digit runs left unsplit, ``table/row`` (``appeals`` for its one run) → run.
    unsplit: dict[str, str] = attrs.field(factory=dict)


def check_of(columns: Sequence[Column], equations: Sequence[Equation]) -> Check | None:
    """Whether values placed in *columns* satisfy *equations* with their totals and some of their parts printed."""
    if not equations:
        return None

    def holds(cells: Sequence[Cell | None]) -> tuple[Equation, ...] | None:
        positions = {column.key: index for index, column in enumerate(columns)}  # only a tie asks
        values = [
            None if cell is None else read_cell(cell.text, column).value
            for cell, column in zip(cells, columns, strict=True)
        ]
        for equation in equations:
            totals = [values[positions[key.rsplit("/", 1)[1]]] for key in equation.total]
            parts = [values[positions[key.rsplit("/", 1)[1]]] for key in equation.parts]
            if any(value is None for value in totals) or all(value is None for value in parts):
                return None  # a total of 0 over parts all blank proves nothing of where the 0 stands
            total = sum(v or 0 for v in totals)
            if total != sum(v or 0 for v in parts):
                return None
            if total == 0:
                return None  # 0 = 0 + … holds however a row of zeros is placed: it proves nothing either
        return tuple(equations)

    return holds


def placed_cells(
    what: str,
    cells: Sequence[Cell],
    count: int,
    placement: Placement,
    line: int,
    keys: Sequence[str],
    reading: TableReading,
) -> list[Cell | None]:
    """The cell of each value as *placement* has it, with a note when placing took more than counting.

    Unplaced: every value blank, and a note naming the cells and saying why.
    """
    if placement.offsets is None:
        shown = shorten(" | ".join(cell.text for cell in cells), 120)
        reading.notes.append(
            Note(
                code="unplaced-cells",
                message=f"{what}: {placement.reason} (cells {shown!r}); its cells are left blank",
                line=line,
                cells=keys,
            )
        )
        return [None] * count
    if placement.unprinted > 0:
        reading.notes.append(
            Note(
                code="unprinted-cells",
                message=f"{what}: printed blank, its last {placement.unprinted} cell(s) not printed: read blank",
                line=line,
                cells=list(keys[-placement.unprinted :]),
            )
        )
    if placement.how in ("shape", "window", "short", "total"):
        by = {
            "shape": "the shape of the table's complete rows",
            "window": "the only run of cells that holds every value",
            "short": "their positions, the last cells not printed",
            "total": "the only placement under which "
            + ", ".join(str(equation) for equation in placement.equations)
            + " holds",
        }[placement.how]
        blank = [
            key for key, offset in zip(keys, placement.offsets, strict=True) if offset is None or not cells[offset].text
        ]
        reading.notes.append(
            Note(
                code="blank-cells-placed",
                message=f"{what}: values beside blank cells placed by {by}",
                line=line,
                cells=blank,
            )
        )
        reading.spent.extend(placement.equations)
    return [None if offset is None else cells[offset] for offset in placement.offsets]


def store(
    table: Table,
    row: Row,
    columns: Sequence[Column],
    placed: Sequence[Cell | None],
    placement: Placement,
    reading: TableReading,
) -> None:
    """Store the values of *row*'s *placed* cells (``None``: blank) with their sources and the notes of reading them."""
    how = placement.how if placement.how not in ("blank", "") else "exact"
    used = tuple(str(equation) for equation in placement.equations)
    values, sources = reading.values, reading.sources
    prefix = f"{table.key}/{row.key}/"
    for column, cell in zip(columns, placed, strict=True):
        key = prefix + column.key
        if cell is None:
            values[key] = None
            continue
        result = read_cell(cell.text, column)
        values[key] = result.value
        # The source's fields: `ParseResult.sources` makes the `CellSource` when it is first looked up.
        sources[key] = (cell.line, cell.column, cell.text, how, used)
        if result.oddities or result.problem is not None:
            _reading_notes(key, cell, result.oddities, result.problem, reading)


def _reading_notes(key: str, cell: Cell, oddities: Sequence[str], problem: str | None, reading: TableReading) -> None:
    for oddity in oddities:
        reading.notes.append(Note(code="number-format", message=f"{key}: {oddity}", line=cell.line, cells=[key]))
    if problem is not None:
        reading.notes.append(
            Note(
                code="unreadable-cell",
                message=f"{key}: {problem}; the cell is left blank",
                line=cell.line,
                cells=[key],
            )
        )


def printed_again(
    what: str,
    columns: Sequence[Column],
    keys: Sequence[str],
    cells: Sequence[Cell],
    placement: Placement,
    first_line: int,
    line: int,
    reading: TableReading,
) -> None:
    """A row printed a second time, its *cells* placed by *placement*: the first printing stands where they agree.

    Where the two printings give a cell different values, which one is right
    is not known: the cell is left blank, with a ``conflicting-row`` note.
    A second printing whose values cannot be placed contradicts nothing.
    """
    shown = " | ".join(cell.text for cell in cells if cell.text)
    if not shown:
        return
    differ = []
    if placement.offsets is not None:
        for key, column, offset in zip(keys, columns, placement.offsets, strict=True):
            value = None if offset is None else read_cell(cells[offset].text, column).value
            if value != reading.values.get(key):
                differ.append(key)
    if not differ:
        reading.notes.append(
            Note(
                code="duplicate-row",
                message=f"{what} printed again (first at line {first_line}); values {shown!r} not read",
                line=line,
                cells=list(keys),
            )
        )
        return
    for key in differ:
        reading.values[key] = None
        reading.sources.pop(key, None)
    reading.notes.append(
        Note(
            code="conflicting-row",
            message=f"{what} printed again (first at line {first_line}) with other values ({shown!r}): the cells "
            "the two printings give different values are left blank",
            line=line,
            cells=differ,
        )
    )
