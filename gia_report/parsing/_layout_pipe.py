"""Tokenizer of the pipe layout: one table row per line, cells separated by ``|``.

Grammar of a table line::

    row     = cell { "|" cell } [ padding ]
    padding = { "|" }             (the trailing "||||" of some exports)
    cell    = { any character but "|" }

Cells are stripped of surrounding spaces; the padding yields empty cells,
which the table reader treats like any empty cell.
"""

from __future__ import annotations

from collections.abc import Iterable

from ._document import TableRow, cells_of
from ._source import Line

__all__ = ["tokenize"]


def tokenize(lines: Iterable[Line]) -> list[TableRow]:
    """The rows of *lines*, one per line holding text or a ``|`` (a row printed all blank is a row)."""
    return [TableRow(line.number, cells_of(line, "|")) for line in lines if line.text.strip(" \t\u3000")]
