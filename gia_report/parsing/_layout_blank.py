"""Tokenizer of the blank-line layout: one cell per line, rows separated by blank lines.

Grammar::

    table    = { blank } row { blank { blank } row } { blank }
    row      = cell { cell }
    cell     = TAB text NEWLINE { wrapped }   (a TAB inside text parts two cells an editor joined on a line)
    wrapped  = text-without-leading-TAB NEWLINE      (the cell's text goes on: 商业 / 企业)
    blank    = { SPACE } NEWLINE                      (a line holding only TAB is an empty cell)

A wrapped line is joined to its cell without a separator, as Chinese text
wraps between characters. Each row records how many empty lines stood before
it (``TableRow.gap``): an empty line inside a row is a blank cell whose tab an
editor stripped, which the table reader can tell from a row separator only by
the row after it having no label. A line without a leading tab that opens a row
starts a cell of its own.
"""

from __future__ import annotations

from collections.abc import Iterable

from ._document import Cell, TableRow, new_tuple
from ._source import Line

__all__ = ["tokenize"]


def tokenize(lines: Iterable[Line]) -> list[TableRow]:
    """The rows of *lines*: each run of non-blank lines is one row."""
    rows: list[TableRow] = []
    cells: list[Cell] = []
    gap = empty = 0
    for line in lines:
        text = line.text
        if "\t" not in text and not text.strip():
            if cells:
                rows.append(TableRow(cells[0].line, tuple(cells), gap))
                cells = []
                empty = 0
            empty += 1
            continue
        if not cells:
            gap = empty
        if text.startswith("\t") or not cells:
            body = text[1:] if text.startswith("\t") else text
            start = line.column + 1 if text.startswith("\t") else line.column  # 1 but for a piece of a line
            # A tab inside a cell's line can only part cells: two lines an editor joined (a blank and a value).
            for part in body.rstrip().split("\t") if "\t" in body.rstrip() else (body,):
                stripped = part.strip()
                offset = part.find(stripped) if stripped else 0
                cells.append(new_tuple(Cell, (stripped, line.number, start + offset, None, 1, False)))
                start += len(part) + 1
        else:
            last = cells[-1]
            cells[-1] = new_tuple(Cell, (last.text + text.strip(), last.line, last.column, None, 1, False))
    if cells:
        rows.append(TableRow(cells[0].line, tuple(cells), gap))
    return rows
