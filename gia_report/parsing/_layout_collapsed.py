"""Collapsed text: what a crawler saved from a web page, every cell separator lost.

(Being written: issue 9.) `reline` cuts such text at the catalog's section
headings and row labels; `tokenize` gives each table row as its label cell and
the run of digits that follows it.
"""

from __future__ import annotations

from collections.abc import Sequence

from ._document import TableRow
from ._result import Note
from ._source import Line

__all__ = ["reline", "tokenize"]


def reline(lines: Sequence[Line], notes: list[Note]) -> list[Line] | None:
    """*lines* cut at the catalog's headings and row labels if they are collapsed text, else ``None``."""
    return None


def tokenize(lines: Sequence[Line]) -> list[TableRow]:
    """The rows of a collapsed table section: a label cell and a cell holding the unsplit digit run."""
    raise NotImplementedError("collapsed text is being written (issue 9)")
