"""Tokenizer of the space layout: the text a PDF extractor gives, cells separated by spaces.

Grammar::

    table      = { label-line } row { { label-line } row }
    row        = [ label-part ] values NEWLINE
    values     = value { SPACE+ value }              (the numbers end the line)
    label-line = label-part NEWLINE                  (a line without trailing numbers)
    label-part = cell { SPACE SPACE+ cell }          (two or more spaces part cells; one does not)

Labels wrap over lines, their values often on the last of them, and group
labels stand between rows or one character per line, so the label lines
before a row of values all become leading cells of that row; the table
reader then takes the rightmost cells that make a label. A value printed
blank leaves no cell at all, so a row with fewer numbers than columns cannot
be placed and stays blank with a note.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ._document import Cell, TableRow
from ._source import Line

__all__ = ["VALUES", "tokenize"]

_VALUE = r"[-+]?\d[\d,]*(?:\.\d+)?"
#: The run of values that ends a row line: numbers separated by spaces, after a space or at the start.
VALUES = re.compile(rf"(?:(?<=\s)|^)({_VALUE})((?:[ \t\u3000\u00a0]+{_VALUE})*)\s*$")
_CELL_GAP = re.compile(r"\s{2,}")


def _cells(line: Line, text: str, offset: int) -> list[Cell]:
    cells = []
    position = 0
    for part in _CELL_GAP.split(text):
        start = text.find(part, position)
        position = start + len(part)
        if part.strip():
            cells.append(Cell(part.strip(), line.number, offset + start + len(part) - len(part.lstrip()) + 1))
    return cells


def tokenize(lines: Iterable[Line]) -> list[TableRow]:
    """The rows of *lines*: each line ending in values closes a row opened by the label lines before it."""
    rows: list[TableRow] = []
    pending: list[Cell] = []
    for line in lines:
        text = line.text.rstrip()
        if not text.strip():
            continue
        found = VALUES.search(text)
        if found is None:
            pending.extend(_cells(line, text, 0))
            continue
        labels = _cells(line, text[: found.start()], 0)
        values = [
            Cell(match.group(0), line.number, found.start() + match.start() + 1)
            for match in re.finditer(_VALUE, text[found.start() :])
        ]
        rows.append(TableRow(line.number, (*pending, *labels, *values)))
        pending = []
    if pending:
        rows.append(TableRow(pending[0].line, tuple(pending)))
    return rows
