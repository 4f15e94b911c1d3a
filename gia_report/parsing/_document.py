"""The intermediate representation every form is read into: a `Document` of lines and grids.

Every reader produces one: the text reader (`_source`) a document of `Line`
blocks only, whose table sections a layout's tokenizer then turns into a
`Grid`; the HTML and Word readers lines for their paragraphs and a `Grid` for
each data table. Sections, labels, placement and assembly then run once over
it, whatever the form.

A grid says how far its columns can be trusted (`Geometry`):

- ``grid``: every cell's grid column is known (HTML ``colspan``, Word
  ``w:gridSpan``): values are placed by the header's column map;
- ``separated``: one separator (or line) per cell, but merged cells may have
  vanished (tab, pipe, markdown, blank-line): the table's complete rows show
  where values stand;
- ``ordered``: only the order of the non-blank cells is known (the space
  layout of PDF text, where a blank leaves no cell): a row is placed when its
  count of values decides it;
- ``run``: a row's values are one unsplit run of digits (collapsed crawler
  text): the table's identities may decide the split.

.. versionadded:: 0.2
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, NamedTuple

import attrs

from ._result import Layout, Note
from ._source import Line

__all__ = [
    "GEOMETRY",
    "Block",
    "Cell",
    "Document",
    "Form",
    "Geometry",
    "Grid",
    "TableRow",
    "cells_of",
    "lines_of",
    "new_tuple",
]

Geometry = Literal["grid", "separated", "ordered", "run"]
Form = Literal["text", "html", "docx", "pdf"]

#: How far the columns of each layout's grids can be trusted.
GEOMETRY: dict[Layout, Geometry] = {
    Layout.TAB: "separated",
    Layout.PIPE: "separated",
    Layout.MARKDOWN: "separated",
    Layout.BLANK_LINE: "separated",
    Layout.SPACE: "ordered",
    Layout.COLLAPSED: "run",
    Layout.HTML: "grid",
    Layout.DOCX: "grid",
}


class Cell(NamedTuple):
    """One printed cell: its stripped text and where it starts (1-based line and column).

    ``grid`` is the 0-based first grid column the cell covers and ``span`` how
    many it covers, where the form states them (HTML, Word); ``below`` marks the
    lower part of a cell that spans rows (``rowspan``, ``w:vMerge``), which
    holds no text of its own. Line breaks inside a cell are joined without a
    space: Chinese text wraps between any two characters.

    A named tuple rather than a frozen attrs class: as immutable, and built in
    half the time (one is built per printed cell, the most numerous object of a
    parse).
    """

    text: str
    line: int
    column: int
    grid: int | None = None
    span: int = 1
    below: bool = False


@attrs.frozen
class TableRow:
    """One table row as printed: its first line and its cells, empty ones included.

    ``gap`` counts the empty lines just before the row where the layout has
    them inside a table (blank-line): an empty line inside a row is a blank
    cell whose tab an editor stripped.
    """

    line: int
    cells: tuple[Cell, ...]
    gap: int = 0


@attrs.frozen
class Grid:
    """One printed table: its rows, how far its columns can be trusted, and the layout it came in."""

    rows: tuple[TableRow, ...]
    geometry: Geometry
    layout: Layout
    line: int


Block = Line | Grid


@attrs.frozen
class Document:
    """A report read from its form: its blocks in document order, and what the reader dropped.

    ``notes`` say what the reader left out (page furniture, site chrome,
    word-processor residue), each with its line. ``layout`` is the layout of
    the tables where the reader knows it (``collapsed`` text); ``None`` has the
    table sections' lines tell.
    """

    blocks: tuple[Block, ...]
    form: Form = "text"
    notes: tuple[Note, ...] = ()
    layout: Layout | None = None


def lines_of(blocks: Iterable[Block]) -> list[Line]:
    """The `Line` blocks of *blocks*, in order."""
    return [block for block in blocks if isinstance(block, Line)]


def cells_of(line: Line, separator: str) -> tuple[Cell, ...]:
    """The cells of one *line* split at *separator*, stripped, with their columns."""
    cells = []
    number = line.number
    width = len(separator)
    start = line.column  # 1 but for a piece of a physical line (`Line`)
    for part in line.text.split(separator):
        stripped = part.strip()
        column = start if len(stripped) == len(part) or not stripped else start + part.find(stripped)
        cells.append(new_tuple(Cell, (stripped, number, column, None, 1, False)))
        start += len(part) + width
    return tuple(cells)


#: ``new_tuple(Cell, (text, line, column, None, 1, False))`` is ``Cell(text, line, column)`` made without the
#: Python-level ``__new__`` of a named tuple with defaults, at half its cost (the tokenizers make one per cell).
new_tuple = tuple.__new__
