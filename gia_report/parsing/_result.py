"""What a parse gives besides the report: notes, the layout found, and the source map."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from types import MappingProxyType
from typing import Any

import attrs

from ..model import Report

__all__ = ["CellSource", "Detection", "Layout", "Note", "ParseResult"]


class Layout(str, Enum):
    """The text layouts a report's tables are written in.

    ``space`` is the text PDF extractors give: cells separated by spaces, labels
    wrapped over lines. ``markdown`` is a pipe table with ``|---|`` rules;
    ``collapsed`` the text a crawler saved, cell separators lost; ``html`` and
    ``docx`` the tables of a web page or a Word document.

    .. versionadded:: 0.1
    """

    TAB = "tab"
    PIPE = "pipe"
    BLANK_LINE = "blank-line"
    SPACE = "space"
    MARKDOWN = "markdown"
    COLLAPSED = "collapsed"
    HTML = "html"
    DOCX = "docx"

    def __str__(self) -> str:
        return self.value


@attrs.frozen(kw_only=True)
class Detection:
    """The layout found, with the evidence for it: how many lines looked like each layout.

    .. versionadded:: 0.1
    """

    layout: Layout
    evidence: tuple[tuple[Layout, int], ...]

    def __str__(self) -> str:
        counts = ", ".join(f"{layout}: {count}" for layout, count in self.evidence)
        return f"{self.layout} (table lines per layout: {counts})"


@attrs.frozen(kw_only=True)
class Note:
    """A tolerated oddity or a cell that could not be placed with certainty.

    ``line`` is 1-based (``None`` for a note about the whole text); ``code`` is a
    stable kebab-case name such as ``label-variant`` or ``unplaced-cells``.

    .. versionadded:: 0.1
    """

    code: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line is not None else "text"
        return f"{where}: {self.message} [{self.code}]"


@attrs.frozen(kw_only=True)
class CellSource:
    """Where one cell's value came from: its 1-based line and column and the text printed.

    .. versionadded:: 0.1
    """

    line: int
    column: int
    text: str


def _frozen_mapping(value: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(value))


@attrs.frozen(kw_only=True)
class ParseResult:
    """A parsed report with everything known about how it was read.

    ``sources`` maps each cell key (``table/row/column``) that was read from
    the text to its `CellSource`; ``title_line`` is where the title or the
    preamble naming the agency stood.

    .. versionadded:: 0.1
    """

    report: Report
    notes: tuple[Note, ...]
    detection: Detection
    sources: Mapping[str, CellSource] = attrs.field(converter=_frozen_mapping, eq=False)

    @property
    def layout(self) -> Layout:
        """The layout the tables were written in."""
        return self.detection.layout
