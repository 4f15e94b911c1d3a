"""Markdown tables that a converter broke apart: rows whose label it pulled out of the table, put together again.

A PDF-to-markdown converter keeps a table's rows in their printed order, but
it pulls the cells whose text wrapped over lines out of the table: they come
out as lines of text between the table's pieces, cut mid-word and mixed with
the group labels' fragments (``（二）部分公开（区分处理的，只`` / ``度办`` /
``理结计这一情形…``), and the row they came from stays in the table as its
values alone (``| 0 | 0 | 0 | 0 | 0 | 0 | 0 |``). A row of values is given its
row back only where the table proves which one it is:

1. the table's labelled rows are printed in the catalog's order (each later
   than the one before), so the rows of values between two of them, A and B,
   are rows of the catalog between A and B;
2. exactly as many rows of values stand between A and B as the catalog has
   rows between them, each holding one cell per column of its row, and A
   prints all of its own cells (so no row of values is the rest of A's);
3. nothing else stands between A and B that could hold a row: no row of the
   table matching no label, no line of text holding numbers, no row of empty
   cells;
4. each of those rows' labels is printed out of the table, its numbering and
   at least the start of its text (``1.申请人无正当理由逾`` at the end of a
   line).

Then the k rows of values are the k rows of the catalog, in order, each with a
``joined-row`` note naming its cells. The lines of text between A and B (the
labels' fragments, a page number) and the label lines so used are not rows any
more. Anything short of that is left as printed, for the table reader to place
or to leave blank with a note.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

import attrs

from ..catalog import Row, Table
from ._document import Cell, Grid, TableRow
from ._labels import TableLabels, labels_of, normalize_label, strip_numbering
from ._layout_pipe import is_markdown
from ._numbers import looks_like_value
from ._result import Layout, Note, shorten
from ._rows import is_text, row_label
from ._source import Line

__all__ = ["mend"]

#: Where a row's numbering may start inside a line of text (not after a digit: ``11.`` is not ``1.``).
_NUMBERING_START = re.compile(r"(?<!\d)(?:\d{1,2}[.、,]|\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、)")
#: At least this many characters of a label's text after its numbering make a mention of it.
_MENTION = 4


@attrs.frozen
class _Item:
    """One row of the grid as the mending sees it."""

    raw: TableRow
    kind: str  # "labelled", "values", "blank", "unknown"; outside the tables "text", "numbers", "number", "caption"
    row: Row | None = None
    complete: bool = False


def mend(table: Table, grid: Grid, lines: Sequence[Line], notes: list[Note]) -> Grid:
    """*grid* with the rows of values whose labels a markdown converter pulled out given back (module docstring).

    Only a markdown table section (``|---|`` rules) of tables ``active`` and
    ``requests`` is mended; any other grid is returned as it is.
    """
    if grid.layout is not Layout.PIPE or table.key == "appeals" or not is_markdown(lines):
        return grid
    labels = labels_of(table)
    outside = {line.number for line in lines if "|" not in line.text}
    items = [_item(labels, table, raw, raw.line in outside) for raw in grid.rows]
    given, used = _given(table, labels, grid, items)
    mended: list[TableRow] = []
    for i, item in enumerate(items):
        raw = item.raw
        if item.kind in ("text", "number"):
            if i not in used:
                notes.append(_dropped(item))
            continue
        if i not in given:
            mended.append(raw)
            continue
        row, label_line, before, after = given[i]
        mended.append(TableRow(raw.line, (Cell(row.label, raw.line, 1), *raw.cells)))
        notes.append(
            Note(
                code="joined-row",
                message=f"values at line {raw.line} read as row {row.label}: its label is printed out of the table "
                f"(line {label_line}), and between the rows {_key(before)} (line {before.raw.line}) and "
                f"{_key(after)} (line {after.raw.line}) the table prints as many rows of values as the catalog "
                "has rows, in order",
                line=raw.line,
                cells=[f"{table.key}/{row.key}/{column.key}" for column in row.columns],
            )
        )
    return attrs.evolve(grid, rows=tuple(mended))


def _dropped(item: _Item) -> Note:
    """The note for a line of text between the pieces of a markdown table, which is no row."""
    text = item.raw.cells[0].text if item.raw.cells else ""
    shown = shorten(text, 40)
    if item.kind == "number":
        return Note(
            code="page-furniture",
            message=f"the number {shown!r} on a line of its own between the pieces of a markdown table (a page "
            "number) is no value: not read",
            line=item.raw.line,
        )
    return Note(
        code="unknown-row",
        message=f"text {shown!r} between the pieces of a markdown table is no row (a label's cell pulled out of "
        "the table is read only where the table's rows prove whose it is): not read",
        line=item.raw.line,
    )


_Given = dict[int, tuple[Row, int, _Item, _Item]]


def _given(table: Table, labels: TableLabels, grid: Grid, items: Sequence[_Item]) -> tuple[_Given, set[int]]:
    """The rows of values given their row back (each with its row, its label's line, A and B), and the lines used."""
    given: _Given = {}
    used: set[int] = set()
    if any(row.optional for row in table.rows) and _prints_optional(table, grid):
        return given, used  # （六）其他处理 as one row: which rows the catalog has between two others is not known
    order = [row.key for row in table.rows if not row.optional]
    place = {key: index for index, key in enumerate(order)}
    labelled = [i for i, item in enumerate(items) if item.kind == "labelled"]
    places = [place.get(_key(items[i]), -1) for i in labelled]
    if len(places) < 2 or -1 in places or places != sorted(set(places)):
        return given, used  # the labelled rows are not printed in the catalog's order (or one is an optional row)
    mentions = _mentions(labels, [table.row(key) for key in order], items)
    for a, b in pairwise(labelled):
        between = range(a + 1, b)
        values = [i for i in between if items[i].kind == "values"]
        if not values or not items[a].complete:
            continue
        if any(items[i].kind in ("unknown", "numbers", "blank") for i in between):
            continue
        rows = [table.row(key) for key in order[place[_key(items[a])] + 1 : place[_key(items[b])]]]
        # A report printing （六）其他处理 as one row prints two rows fewer between A and B than the catalog has
        # where they span its three rows: as many rows of values as the catalog has rows rules it out.
        if len(rows) != len(values):
            continue
        if any(len(items[i].raw.cells) != len(row.columns) for i, row in zip(values, rows, strict=True)):
            continue
        found = [mentions.get(row.key) for row in rows]
        if any(mention is None for mention in found):
            continue
        for i, row, mention in zip(values, rows, found, strict=True):
            assert mention is not None
            given[i] = (row, items[mention[0]].raw.line, items[a], items[b])
            used.update(mention)
        used.update(i for i in between if items[i].kind in ("text", "number"))
    return given, used


def _key(item: _Item) -> str:
    assert item.row is not None
    return item.row.key


def _prints_optional(table: Table, grid: Grid) -> bool:
    """Whether a row of *grid* is labelled with an optional row of *table* (a hybrid （六）其他处理)."""
    labels = labels_of(table)
    optional = {row.key for row in table.rows if row.optional}
    for raw in grid.rows:
        text_at = [i for i, cell in enumerate(raw.cells) if is_text(cell)]
        if text_at:
            match, _, label_at = row_label(labels, raw.cells, text_at)
            if match is not None and match.key in optional and any(c.text for c in raw.cells[label_at + 1 :]):
                return True
    return False


def _item(labels: TableLabels, table: Table, raw: TableRow, outside: bool) -> _Item:
    """What one row of the grid is: a labelled row, a row of values alone, text between the tables…"""
    cells = raw.cells
    if outside:
        text = " ".join(cell.text for cell in cells if cell.text)
        words = text.split()
        numbers = [word for word in words if looks_like_value(word) and any(ch.isdigit() for ch in word)]
        if numbers and len(words) == 1:
            return _Item(raw, "number")
        if numbers:
            return _Item(raw, "numbers")  # a row printed as text (行政许可 97): the table reader reads it
        if labels.is_header(text) and labels.row(text, similar=False) is None:
            return _Item(raw, "caption")  # a header caption: it may tell the columns' order
        return _Item(raw, "text")
    text_at = [i for i, cell in enumerate(cells) if is_text(cell)]
    if not text_at:
        return _Item(raw, "values" if any(cell.text for cell in cells) else "blank")
    match, _, label_at = row_label(labels, cells, text_at)
    if match is None:
        return _Item(raw, "unknown")
    row = table.row(match.key)
    return _Item(raw, "labelled", row, len(cells) - label_at - 1 >= len(row.columns))


def _mentions(labels: TableLabels, rows: Sequence[Row], items: Sequence[_Item]) -> dict[str, tuple[int, ...]]:
    """For each of *rows* whose label a line of text begins (numbering and text, cut at the line's end), those lines.

    The lines are the first that so mentions the row and the lines after it
    that carry its label on; a line that mentions several rows is given to none.
    """
    by_key = {row.key: row for row in rows}
    found: dict[str, tuple[int, ...]] = {}
    taken: set[int] = set()
    for index, item in enumerate(items):
        if item.kind != "text" or index in taken:
            continue
        text = normalize_label(item.raw.cells[0].text if item.raw.cells else "")
        if len(text) > 2 * labels.longest + 20:
            continue
        named = {row.key: rest for row in rows if (rest := _mention(text, row)) is not None}
        if len(named) != 1:
            continue
        ((key, rest),) = named.items()
        if key in found:
            continue
        lines = [index]
        label = normalize_label(by_key[key].label)
        joined = rest
        for later in range(index + 1, len(items)):
            if items[later].kind != "text":
                break
            more = joined + normalize_label(items[later].raw.cells[0].text if items[later].raw.cells else "")
            if not label.startswith(more):
                break
            joined = more
            lines.append(later)
        found[key] = tuple(lines)
        taken.update(lines)
    return found


def _mention(text: str, row: Row) -> str | None:
    """The part of *text* (normalized) that begins *row*'s label, from its numbering to the end, or ``None``."""
    label = normalize_label(row.label)
    numbering = len(label) - len(strip_numbering(label))
    if numbering == 0:
        return None
    least = label[: numbering + _MENTION]
    for start in _NUMBERING_START.finditer(text):
        rest = text[start.start() :]
        if rest.startswith(least) and (label.startswith(rest) or rest.startswith(label)):
            return rest
    return None
