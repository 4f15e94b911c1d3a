"""Placing a row's values in its columns: only where the printed cells and the table's complete rows prove it.

A row's cells after its label may hold structural empty cells besides its
values (merged cells that vanished, trailing padding), and a value printed
blank is an empty cell too. Where the values go is decided in this order:

1. no value at all: the row is printed blank (where it prints fewer cells
   than its columns, the cells it does not print are named in a note);
2. as many non-empty cells as values: they are the values, in order
   (``exact`` when there is no other cell, ``filled`` beside empty ones);
3. fewer values than columns, in a layout that keeps no empty cells (the
   space layout of PDF text): which one is missing cannot be told, so none is
   placed;
4. the *shapes* of the table's complete rows (which cells held the values in a
   row whose label stands in the same cell): a shape that holds every printed
   value places the row, the cells it names past the end of the row being
   blanks an editor stripped (``shape``);
5. where complete rows whose label stands in the same cell exist and no
   shape of theirs holds the row, nothing is placed;
6. a row of more cells than columns is placed by the only contiguous run of
   cells that holds every value (``window``): structural cells come from
   merged label cells and padding, at the ends of the values, never between;
   a row that fits several is placed by the window of a row of as many cells
   whose label stands in the same cell, if exactly one fits (``shape``);
7. a row of at most one cell per column is read as printed (``exact``, or its
   first cells, the last not printed: ``short``), unless rows whose label
   stands in the same cell print more cells than values: then its structural
   cells may be the ones missing, and nothing is placed (where the layout pads
   rows on the right only, a row of one cell per column has no structural
   cell to miss: it is read as printed).

Where several placements remain, the row's printed identity (总计 equals the
sum of its parts, an `Equation` of the catalog) chooses, if exactly one of them
satisfies it with its total and some of its parts printed, the total not 0 (a row
of zeros satisfies it however it is placed) (``total``); the placement then records
the identity it relied on, since that row can no longer be evidence for it.
Otherwise nothing is placed: a number in the wrong column is worse than none.

A placement by shape or window rests on how other rows are printed; once every
row is placed, `_verifying` judges it by the identities down its columns.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Callable, Sequence

import attrs

from .._cells import Equation
from ._document import Cell, Geometry
from ._numbers import holds_values_apart, looks_like_value

__all__ = ["Check", "Placement", "Placer"]

Offsets = tuple[int | None, ...]
#: Whether values placed one way satisfy the row's identities: the equations that then hold, or ``None``.
Check = Callable[[Sequence[Cell | None]], tuple[Equation, ...] | None]


@attrs.frozen
class Placement:
    """Where each value of a row stands (an offset into its cells, ``None`` for blank) and how that was decided.

    ``offsets`` is ``None`` when the values could not be placed; ``reason`` then says why.
    """

    offsets: Offsets | None
    how: str
    reason: str = ""
    equations: tuple[Equation, ...] = ()
    #: A row printed blank: how many of its last cells it does not print (lost, or blanks an editor stripped).
    unprinted: int = 0


def _unplaced(reason: str) -> Placement:
    return Placement(None, "", reason)


class Placer:
    """Places the rows of one table, knowing the shapes of its complete rows (see the module docstring)."""

    def __init__(self, geometry: Geometry, *, trailing_only: bool = False) -> None:
        # A blank in the space layout leaves no cell: a row with fewer numbers than columns cannot be placed.
        self.keeps_blanks = geometry != "ordered"
        # Pipe exports pad a row on the right only ("| 0 | ||||").
        self.trailing_only = trailing_only
        self.shapes: dict[tuple[int, int], set[tuple[int, ...]]] = defaultdict(set)
        self.longest: dict[tuple[int, int], int] = defaultdict(int)
        self.windows: dict[tuple[int, int, int], set[tuple[int, ...]]] = defaultdict(set)

    def learn(self, count: int, cells: Sequence[Cell], label_at: int) -> None:
        """Remember where a row of *count* values whose label stands in cell *label_at* holds them, if complete.

        A row is complete when it prints as many values as it has columns; a
        text among its cells (a label split in two, a note) is no value, and such
        a row teaches no shape.
        """
        filled = tuple([i for i, cell in enumerate(cells) if cell.text])
        if not filled:
            return
        self.longest[(count, label_at)] = max(self.longest[(count, label_at)], len(cells))
        if len(filled) == count and all(looks_like_value(cells[i].text) for i in filled):
            self.shapes[(count, label_at)].add(filled)

    def learn_window(self, count: int, cells: Sequence[Cell], label_at: int, offsets: Offsets) -> bool:
        """Remember the window a row was placed by, for rows of as many cells whose label stands alike; True if new.

        Only rows of the same length with their label in the same cell share it:
        they were printed alike, and that row's values fixed where the window is.
        """
        shape = tuple(offset for offset in offsets if offset is not None)
        key = (count, len(cells), label_at)
        new = shape not in self.windows[key]
        self.windows[key].add(shape)
        return new

    def place(self, count: int, cells: Sequence[Cell], label_at: int = -1, check: Check | None = None) -> Placement:
        """The placement of a row of *count* columns printed as *cells*; *check* breaks a tie by its identity."""
        filled = tuple([i for i, cell in enumerate(cells) if cell.text])
        if not filled:
            # Printed blank; where it prints fewer cells than the row has (or none), the others may be lost.
            expected = max(count, self.longest.get((count, label_at), 0))
            return Placement((None,) * count, "blank", unprinted=expected - len(cells) if self.keeps_blanks else 0)
        if len(filled) > count:
            return _unplaced(f"{len(filled)} values where {count} were expected")
        if len(filled) == count:
            return Placement(filled, "exact" if len(cells) == count else "filled")
        if any(holds_values_apart(cells[i].text) for i in filled[:-1]):
            # Two values run together in one cell, perhaps: the cells after it may each stand one column left.
            return _unplaced(
                "a cell before its last holds values apart (two values in one cell?): where the values after it "
                "stand is not known"
            )
        if not self.keeps_blanks:
            return _unplaced(f"{len(filled)} values where {count} were expected: a blank leaves no cell here")
        own = self.shapes.get((count, label_at), set())
        shapes = own or {shape for (size, _), found in self.shapes.items() if size == count for shape in found}
        fits = sorted({fit for shape in shapes if (fit := _fit(shape, cells, filled)) is not None}, key=_order)
        if len(fits) == 1:
            return Placement(fits[0], "shape")
        if fits:
            return _tie(fits, cells, check, "the shapes of the table's complete rows leave more than one placement")
        if own:
            return _unplaced("the cells fit no shape of the complete rows whose label stands in the same cell")
        alike = self.windows.get((count, len(cells), label_at), set())
        fits = sorted({fit for shape in alike if (fit := _fit(shape, cells, filled)) is not None}, key=_order)
        if len(fits) == 1:
            return Placement(fits[0], "shape")
        if len(cells) > count:
            starts = [0] if self.trailing_only else range(len(cells) - count + 1)
            windows = [
                tuple(range(start, start + count))
                for start in starts
                if filled[0] >= start and filled[-1] < start + count
            ]
            if len(windows) == 1:
                return Placement(windows[0], "window")
            if not windows:
                return _unplaced("no run of cells holds every value")
            return _tie(windows, cells, check, "blank cells leave more than one way to place the values")
        if self.longest[(count, label_at)] > count and not (self.trailing_only and len(cells) == count):
            # Rows whose label stands in the same cell print structural cells: counting cannot place this one.
            return _unplaced("the table's rows print empty structural cells, and this row too few to place")
        if len(cells) == count:
            return Placement(tuple(range(count)), "exact")
        return Placement((*range(len(cells)), *([None] * (count - len(cells)))), "short")

    def placements(self, count: int, cells: Sequence[Cell]) -> list[Offsets]:
        """Every placement of *cells* that any shape of the table's rows, or any run of *count* cells, gives."""
        filled = tuple([i for i, cell in enumerate(cells) if cell.text])
        shapes = {shape for (size, _), found in self.shapes.items() if size == count for shape in found}
        shapes |= {shape for (size, _, _), found in self.windows.items() if size == count for shape in found}
        shapes |= {tuple(range(start, start + count)) for start in range(max(len(cells), count) - count + 1)}
        return sorted({fit for shape in shapes if (fit := _fit(shape, cells, filled)) is not None}, key=_order)

    def lost_placements(
        self, count: int, cells: Sequence[Cell], label_at: int = -1, *, known_lost: bool = False
    ) -> list[Offsets]:
        """The placements of *cells*, a row that lost a cell and not necessarily its last, or none.

        A row printing fewer cells than its columns, or than the widest row
        whose label stands in the same cell (*label_at*), lost one (a web
        page's cell dropped, an editor's, with its separator): its values in
        order, with the blanks anywhere (at most `_MOST_LOST` of them). A row
        *known_lost* (a grid row that ends before its header or its peers)
        is not counted, and may have as many blanks as leave at most
        `_MOST_LOST_PLACEMENTS` placements; none where it has more.
        """
        filled = tuple([i for i, cell in enumerate(cells) if cell.text])
        blanks = count - len(filled)
        if known_lost:
            if blanks <= 0 or math.comb(count, blanks) > _MOST_LOST_PLACEMENTS:
                return []
        elif len(cells) >= max(count, self.longest.get((count, label_at), 0)) or not 0 < blanks <= _MOST_LOST:
            return []
        found: list[Offsets] = []
        for kept in itertools.combinations(range(count), len(filled)):
            offsets: list[int | None] = [None] * count
            for offset, column in zip(filled, kept, strict=True):
                offsets[column] = offset
            found.append(tuple(offsets))
        return found


#: The most blanks of a row for `Placer.lost_placements` to place them anywhere (C(7, 5) = 21 placements).
_MOST_LOST = 2
#: The most placements of a row known to have lost a cell (C(7, 3) = 35 for any row of table 三; C(15, 2) = 105).
_MOST_LOST_PLACEMENTS = 128


def _order(offsets: Offsets) -> tuple[int, ...]:
    return tuple(-1 if offset is None else offset for offset in offsets)


def _fit(shape: tuple[int, ...], cells: Sequence[Cell], filled: tuple[int, ...]) -> Offsets | None:
    """*shape* applied to *cells* if it holds every filled cell: blank where its cell is empty or not printed."""
    if not set(filled) <= set(shape):
        return None
    return tuple(offset if offset < len(cells) and cells[offset].text else None for offset in shape)


def _tie(candidates: Sequence[Offsets], cells: Sequence[Cell], check: Check | None, reason: str) -> Placement:
    """The only candidate under which the row's identities hold with their totals printed, else none."""
    if check is not None:
        holding = []
        for offsets in candidates:
            placed = [None if offset is None or offset >= len(cells) else cells[offset] for offset in offsets]
            used = check(placed)
            if used is not None:
                holding.append((offsets, used))
        if len(holding) == 1:
            offsets, used = holding[0]
            return Placement(tuple(None if o is None or o >= len(cells) else o for o in offsets), "total", "", used)
    return _unplaced(reason)
