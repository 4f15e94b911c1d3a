"""Placements inferred from other rows, checked against the identities that run through the row.

A row placed by the shape of the table's complete rows (or by the only window
of cells that holds its values, by its own total among such shapes, or as a
row whose last cells were not printed) was printed with a blank, and the
blank's cell was inferred from how other rows were printed. A row printed unlike those rows
(its label's cell followed by no empty cell where theirs are) takes their
shape and reads a column off, and nothing in the row itself tells it apart.
What does are the identities through its cells whose other cells were read
without inference, or were placed by inference themselves and judged so (the
caller judges a table's inferred rows again until none moves): the column
sums (``outcomes-sum``, ``balance``) and the row's own total.

So each inferred placement is judged by those identities. One that
contradicts none stands. One that contradicts some is doubted where another
placement of the row's cells (by any shape of the table's rows, or any run of
as many cells as columns) makes one of those hold: leaving that identity's
cell blank is no sign (a row of zeros moved a column satisfies every column
whose sum is 0). A row that prints fewer cells than its columns, or than its
peers, lost one, and not necessarily its last (a web page's cell dropped, a
cell deleted with its separator): its values in order with the blanks
anywhere are placements too, and there leaving the contradicted cell blank
is a sign, where the placement makes another identity hold and contradicts
none (the cell lost may be that one). Where one of those other placements
*proves* itself (it contradicts none, and each value it places is a term of
an identity that holds) and each of the others contradicts some, it is
taken, and the identities it relied on are recorded, like every use of an
identity in placing. Otherwise a doubted row is not placed, with a note. A
row whose contradicted identities no other placement makes hold stands: the
report's totals do not add up however its values are read, and `check` says
so (a report's own error is not hidden by leaving its row blank).

A grid row (a web page's, a Word table's) whose cells end before one of
its header's columns, or before most rows printed like it, lost a cell: neither form ends a row
early but Word's ``w:gridAfter``, read as empty cells. Its placement in order
(``lost``) is no likelier than any other, so it does not stand unproven: the
only placement the identities prove, where every other contradicts some, is
taken; otherwise the row is not placed, with a note. A row a page pads with
an empty cell after its values that loses a cell before it ends where its
peers do, the padding under its last column (``tail``: a grid row whose last
column is blank): the header's reading stands unless the identities doubt it
(it contradicts one, a placement with the cell lost anywhere makes one hold
that it does not, or the blank is a total beside printed parts), and is then
judged as a row that lost a cell. These judge a part printed blank as 0 where
its total is printed, as `check` does; the cell lost stays unknown.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from .._cells import Equation
from ..catalog import Column
from ._document import Cell
from ._numbers import read_cell
from ._placing import Offsets, Placement, Placer

__all__ = ["INFERRED", "verified"]

#: How a placement is decided when it rests on other rows' printing, on the row's last cells being the ones
#: not printed, or on the row's own total among a few such placements (`_placing`), or when a grid row lost a
#: cell (``lost``, `_tables`).
INFERRED = frozenset({"shape", "window", "short", "total", "lost", "tail"})

Number = int | Decimal


def verified(
    placement: Placement,
    keys: Sequence[str],
    columns: Sequence[Column],
    cells: Sequence[Cell],
    placer: Placer,
    equations: Sequence[Equation],
    known: Mapping[str, object],
    label_at: int = -1,
    lost: Sequence[Offsets] | None = None,
) -> Placement:
    """*placement* (one of `INFERRED`) of a row's *cells* (public *keys*, in *columns*), judged by *equations*.

    *known* holds the values of the table's other cells, by key: those placed
    without inference (by counting, or by the grid's header), and those of
    other inferred rows as the caller last placed them (`_tables`); a cell not
    in it (or ``None`` there) makes an identity through it undecided. *lost*
    gives the placements of the row if it lost a cell, where the caller knows
    them better than `Placer.lost_placements`. See the module docstring.
    """
    if placement.offsets is None:
        return placement
    own = set(keys)
    # The identities through this row whose other cells are all known.
    through = [
        equation
        for equation in equations
        if not own.isdisjoint(equation.terms)
        and all(key in own or _number(known.get(key)) is not None for key in equation.terms)
    ]
    if placement.how == "lost":
        return _found_lost(keys, columns, cells, placer, through, known, label_at)
    if placement.how == "tail":
        if lost is None:
            lost = placer.lost_placements(len(columns), cells, label_at, known_lost=True)
        return _found_tail(placement.offsets, keys, columns, cells, lost, through, known)
    if not through:
        return placement
    contradicted, _ = _judge(placement.offsets, keys, columns, cells, through, known)
    if not contradicted:
        return placement
    # Other placements that make an identity hold which this one contradicts: a sign that its values stand
    # elsewhere. Leaving that identity's cell blank is none (a row of zeros moved a column satisfies every
    # column whose sum is 0), but where the row lost a cell, a placement of it that makes an identity hold
    # and contradicts none is: the cell lost may be the contradicted one.
    if lost is None:
        lost = placer.lost_placements(len(columns), cells, label_at)
    others = [offsets for offsets in placer.placements(len(columns), cells) if offsets not in lost]
    rivals = [
        (offsets, against, holding)
        for offsets in [*others, *lost]
        if offsets != placement.offsets
        for against, holding in [_judge(offsets, keys, columns, cells, through, known)]
        if not set(holding).isdisjoint(contradicted) or (offsets in lost and holding and not against)
    ]
    if not rivals:
        return placement  # however its values are read, the report's totals do not add up: `check` says so
    proven = _only_proven(rivals, keys, columns, cells, known)
    if proven is not None:
        return Placement(proven[0], "total", equations=proven[1])
    shown = "、".join(str(equation) for equation in contradicted[:3]) + ("…" if len(contradicted) > 3 else "")
    return Placement(
        None,
        "",
        f"placed as the table's other rows are printed, its values contradict {shown}, which another placement "
        "satisfies: where they stand is not known",
    )


def _found_lost(
    keys: Sequence[str],
    columns: Sequence[Column],
    cells: Sequence[Cell],
    placer: Placer,
    through: Sequence[Equation],
    known: Mapping[str, object],
    label_at: int,
) -> Placement:
    """The placement of a grid row that lost cells (``lost``): the only one the identities prove, else none.

    Which cell a row of a web page or a Word table lost is not known (a row
    cannot end early there but by ``w:gridAfter``, read as empty cells): its
    values in order with the blanks anywhere (`Placer.lost_placements`; none
    where they are too many) are as likely. One is taken only where the identities through the row prove it
    and every other contradicts some: it contradicts none, and each value it
    places but the zeros is a term of one that holds with a total other than 0
    (a 0 that contradicts nothing where it stands, where each other placement
    contradicts something, is proven by them).
    """
    judged = [
        (offsets, *_judge(offsets, keys, columns, cells, through, known, blank_parts=True))
        for offsets in placer.lost_placements(len(columns), cells, label_at, known_lost=True)
    ]
    proven = _only_proven(judged, keys, columns, cells, known, lenient=True)
    if proven is not None:
        return Placement(proven[0], "total", equations=proven[1])
    return Placement(
        None,
        "",
        "its cells end before the header's columns for it or before the rows printed like it: it lost a cell, "
        "and which one is not known",
    )


def _found_tail(
    by_header: Offsets,
    keys: Sequence[str],
    columns: Sequence[Column],
    cells: Sequence[Cell],
    shifted: Sequence[Offsets],
    through: Sequence[Equation],
    known: Mapping[str, object],
) -> Placement:
    """The placement of a grid row placed *by_header* whose last column is blank (``tail``), judged: ``grid``
    where the header's placement stands.

    A row printing a padding cell after its values that lost a cell before it
    ends where its peers do, the padding under the last caption, each value
    after the loss a column left: its *shifted* placements (the lost cell
    anywhere) are as likely. The header's placement stands unless it
    contradicts an identity, or a shifted one makes an identity hold with a
    total other than 0 that it does not and contradicts none, or the blank
    last column is a total whose parts are printed (a report rarely leaves
    one so). Then the only placement the identities prove (as `_found_lost`
    takes) is taken, else none.
    """
    header_against, header_holding = _judge(
        by_header, keys, columns, cells, through, known, nonzero=True, blank_parts=True
    )
    judged = [
        (offsets, *_judge(offsets, keys, columns, cells, through, known, blank_parts=True)) for offsets in shifted
    ]
    better = any(
        not against
        and not set(_judge(offsets, keys, columns, cells, holding, known, nonzero=True, blank_parts=True)[1])
        <= set(header_holding)
        for offsets, against, holding in judged
    )
    # A total left blank beside its printed parts, in the last column: where the padding lands.
    last = keys[-1]
    suspect = any(
        last in equation.total and any(by_header[keys.index(key)] is not None for key in equation.parts if key in keys)
        for equation in through
    )
    if not header_against and not better and not suspect:
        return Placement(by_header, "grid")
    everyone = [(by_header, *_judge(by_header, keys, columns, cells, through, known, blank_parts=True)), *judged]
    proven = _only_proven(everyone, keys, columns, cells, known, lenient=True)
    if proven is not None:
        offsets, holding = proven
        return Placement(offsets, "grid" if offsets == by_header else "total", equations=holding)
    return Placement(
        None,
        "",
        "its last column is blank, and placed with a cell lost before it (its last a padding cell) its values "
        "satisfy identities that the header's placement does not: where they stand is not known",
    )


def _only_proven(
    judged: Sequence[tuple[Offsets, tuple[Equation, ...], tuple[Equation, ...]]],
    keys: Sequence[str],
    columns: Sequence[Column],
    cells: Sequence[Cell],
    known: Mapping[str, object],
    *,
    lenient: bool = False,
) -> tuple[Offsets, tuple[Equation, ...]] | None:
    """Of the *judged* placements (offsets, the identities they contradict, those they satisfy), the only one
    proven, with the identities it rests on, where each other contradicts some; else ``None``.

    Proven: it contradicts none, and each value it places is a term of an identity that holds with a total
    other than 0 (`_each_value_held`). *lenient*, for a grid row that lost a cell: each value but the zeros,
    a part printed blank counting as 0 beside a printed total.
    """
    proven = [
        (offsets, holding)
        for offsets, against, holding in judged
        if not against
        and _each_value_held(offsets, keys, columns, cells, holding, known, zeros=not lenient, blank_parts=lenient)
    ]
    if len(proven) == 1 and all(against for offsets, against, _ in judged if offsets != proven[0][0]):
        return proven[0]
    return None


def _judge(
    offsets: Offsets,
    keys: Sequence[str],
    columns: Sequence[Column],
    cells: Sequence[Cell],
    equations: Sequence[Equation],
    known: Mapping[str, object],
    *,
    nonzero: bool = False,
    blank_parts: bool = False,
) -> tuple[tuple[Equation, ...], tuple[Equation, ...]]:
    """The *equations* that the row's values placed by *offsets* contradict, and those they satisfy.

    An equation with a blank or unreadable term is neither; so is one whose total is 0, if *nonzero*. With
    *blank_parts*, a part of the row printed blank counts as 0 where its totals are printed (as `check` counts
    it); a cell the placement leaves unprinted (lost) is still unknown.
    """
    own: dict[str, Number | None] = {}
    blank: set[str] = set()
    for key, column, offset in zip(keys, columns, offsets, strict=True):
        cell = cells[offset] if offset is not None and offset < len(cells) else None
        own[key] = read_cell(cell.text, column).value if cell is not None and cell.text else None
        if blank_parts and cell is not None and not cell.text:
            blank.add(key)
    contradicted: list[Equation] = []
    holding: list[Equation] = []
    for equation in equations:
        terms = [own[key] if key in own else _number(known.get(key)) for key in equation.terms]
        width = len(equation.total)
        if blank and all(term is not None for term in terms[:width]):
            terms[width:] = [
                0 if term is None and key in blank else term
                for term, key in zip(terms[width:], equation.terms[width:], strict=True)
            ]
        if any(term is None for term in terms):
            continue
        total, parts = sum(terms[:width]), sum(terms[width:])  # type: ignore[arg-type]
        if nonzero and total == 0:
            continue
        (holding if total == parts else contradicted).append(equation)
    return tuple(contradicted), tuple(holding)


def _number(value: object) -> Number | None:
    return value if isinstance(value, (int, Decimal)) and not isinstance(value, bool) else None


def _each_value_held(
    offsets: Offsets,
    keys: Sequence[str],
    columns: Sequence[Column],
    cells: Sequence[Cell],
    holding: Sequence[Equation],
    known: Mapping[str, object],
    *,
    zeros: bool = True,
    blank_parts: bool = False,
) -> bool:
    """Whether every value the row prints is placed by *offsets*, some identity holds with a total other than 0,
    and each value (each but the zeros, unless *zeros*) is a term of such an identity.

    A sum of 0 holds wherever a 0 stands among zeros: it proves no value's place.
    """
    _, proving = _judge(offsets, keys, columns, cells, holding, known, nonzero=True, blank_parts=blank_parts)
    held = {key for equation in proving for key in equation.terms}
    placed = [
        (key, cells[offset].text, column)
        for key, column, offset in zip(keys, columns, offsets, strict=True)
        if offset is not None and offset < len(cells)
    ]
    printed = sum(1 for cell in cells if cell.text)
    return (
        len(placed) == printed
        and bool(proving)
        and all(key in held for key, text, column in placed if zeros or read_cell(text, column).value != 0)
    )
