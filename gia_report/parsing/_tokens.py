"""The tokenizers' output: rows of cells, each cell with its 1-based position."""

from __future__ import annotations

import attrs

from ._source import Line

__all__ = ["RawCell", "RawRow", "cells_of"]


@attrs.frozen
class RawCell:
    """The stripped text of one cell and where it starts (1-based line and column)."""

    text: str
    line: int
    column: int


@attrs.frozen
class RawRow:
    """One table row as printed: its first line and its cells, empty ones included."""

    line: int
    cells: tuple[RawCell, ...]


def cells_of(line: Line, separator: str) -> tuple[RawCell, ...]:
    """The cells of one *line* split at *separator*, stripped, with their columns."""
    cells = []
    start = 0
    for part in line.text.split(separator):
        stripped = part.strip()
        offset = part.find(stripped) if stripped else 0
        cells.append(RawCell(stripped, line.number, start + offset + 1))
        start += len(part) + len(separator)
    return tuple(cells)
