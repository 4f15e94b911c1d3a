"""Tokenizer of the pipe and markdown layouts: one table row per line, cells separated by ``|``.

Grammar of a table line::

    row      = [ "|" ] cell { "|" cell } [ "|" ]
    cell     = { any character but "|" }
    rule     = [ "|" ] dashes { "|" dashes } [ "|" ]     (markdown: ``|---|:---:|``)
    dashes   = [ ":" ] "---" { "-" } [ ":" ]

- The ``|`` that closes a line is no cell: ``规章 | 0 | 0 | 0 |`` is four
  cells (`gia_report.dumps` closes every row so, a blank last value as
  ``… | 0 |  |``). The padding of some exports (``| 0 | ||||``) stands for
  grid cells the row does not print: those are empty cells.
- In markdown, a section with a rule line (or whose every ``|`` line opens
  with ``|``), the ``|`` that opens a line is no cell either; elsewhere a
  line opening with ``|`` opens with an empty cell (`gia_report.dumps` writes
  `` | （二）…``, and editors strip the space).
- A rule line is no row. A line without ``|`` is one cell (text between the
  tables, or a table printed as lines of text).

Cells are stripped of surrounding spaces; a cell's column is where its text
starts (1-based).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ._document import Cell, TableRow, new_tuple
from ._source import Line

__all__ = ["is_markdown", "is_rule", "tokenize"]

_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_BLANK = " \t\u3000"


def is_rule(text: str) -> bool:
    """Whether *text* is the rule line under a markdown table's first row (``|---|---|``)."""
    return "---" in text and _RULE.match(text) is not None  # a rule holds three dashes at least


def is_markdown(lines: Sequence[Line]) -> bool:
    """Whether the table *lines* are markdown: a rule line, or every line holding ``|`` opening with it."""
    piped = [line.text.strip(_BLANK) for line in lines if "|" in line.text]
    if not piped:
        return False
    return any(is_rule(text) for text in piped) or all(text.startswith("|") for text in piped)


def tokenize(lines: Iterable[Line]) -> list[TableRow]:
    """The rows of *lines*, one per line holding text or a ``|`` (a row printed all blank is a row).

    >>> [[cell.text for cell in row.cells] for row in tokenize([Line(1, "规章 | 0 |  |")])]
    [['规章', '0', '']]
    """
    lines = list(lines)
    opened = is_markdown(lines)
    rows = []
    for line in lines:
        if not line.text.strip(_BLANK) or is_rule(line.text):
            continue
        rows.append(TableRow(line.number, cells(line, opened=opened)))
    return rows


def cells(line: Line, *, opened: bool) -> tuple[Cell, ...]:
    """The cells of one pipe *line*, without the ``|`` closing it (nor, if *opened*, the one opening it)."""
    text = line.text
    parts = text.split("|")
    starts = []
    start = 0
    for part in parts:
        starts.append(start)
        start += len(part) + 1
    first, last = 0, len(parts)
    if len(parts) > 1 and not parts[-1].strip(_BLANK):
        last -= 1  # the "|" closing the line
    if opened and len(parts) > 1 and not parts[0].strip(_BLANK) and last > 1:
        first = 1  # the "|" opening a markdown row
    found = []
    for part, begin in zip(parts[first:last], starts[first:last], strict=True):
        stripped = part.strip()
        offset = part.find(stripped) if stripped else 0
        found.append(new_tuple(Cell, (stripped, line.number, begin + offset + line.column, None, 1, False)))
    return tuple(found)
