"""Tokenizer of the tab layout: one table row per line, cells separated by tabs.

Grammar of a table line::

    row   = cell { TAB cell }
    cell  = { any character but TAB }

A merged cell that vanished leaves its neighbours shifted (``3.其他\\t\\t0…``)
or an empty cell in its place; both are handled when labels are matched, not
here. Blank lines carry nothing; a line of tabs alone is a row of empty cells.
"""

from __future__ import annotations

from collections.abc import Iterable

from ._document import TableRow, cells_of
from ._source import Line

__all__ = ["tokenize"]


def tokenize(lines: Iterable[Line]) -> list[TableRow]:
    """The rows of *lines*, one per line holding text or a tab (a row printed all blank is a row)."""
    return [TableRow(line.number, cells_of(line, "\t")) for line in lines if line.text.strip() or "\t" in line.text]
