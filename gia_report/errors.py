"""The exceptions gia_report raises.

Only text that cannot be read as a report raises; everything a reader should
know but that does not stop parsing is a note (see `gia_report.parsing`), and a
violated identity is a finding, never an exception.
"""

from __future__ import annotations

import unicodedata

__all__ = ["AggregationError", "GiaReportError", "ParseError", "SerializationError"]


class GiaReportError(Exception):
    """Base class of every exception gia_report raises.

    .. versionadded:: 0.1
    """


def _display_width(text: str) -> int:
    """Columns that *text* takes in a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


#: The most characters of the offending line a `ParseError` shows: those around its column.
WINDOW = 120
#: The most characters of its message an error shows; a longer one is cut in the middle.
MAX_MESSAGE = 1000
_CUT = "…"


def _window(line: str, index: int) -> tuple[str, str]:
    """The part of *line* shown around 0-based *index*, and the part of it before *index*, '…' where cut."""
    index = min(max(index, 0), len(line))
    # Centred on the column, but never past either end, so a short line and a line's start show whole.
    start = max(min(index - WINDOW // 2, len(line) - WINDOW), 0)
    end = start + WINDOW
    head = _CUT if start > 0 else ""
    tail = _CUT if end < len(line) else ""
    return head + line[start:end] + tail, head + line[start:index]


def _shorten(text: str, limit: int) -> str:
    """*text* itself when at most *limit* characters, else its start and end around '…'."""
    if len(text) <= limit:
        return text
    head = (limit - len(_CUT)) // 2
    tail = limit - len(_CUT) - head
    return text[:head] + _CUT + text[len(text) - tail :]


class ParseError(GiaReportError, ValueError):
    """The text cannot be read as a report of a supported format.

    Carries the 1-based ``line`` and ``column`` of the spot, the offending
    ``source_line`` and the bare ``msg``; ``str()`` renders all of them with a
    caret under the spot (wide characters count two columns, so the caret
    lands under the character in a terminal). A long line is shown as the
    `WINDOW` characters around the column, with '…' where it is cut, and a
    message longer than `MAX_MESSAGE` is cut in the middle; the attributes
    keep the whole texts::

        no table 二、主动公开政府信息情况 was found before the end of the text (line 3, column 1)
          一、总体情况
          ^

    .. versionadded:: 0.1
    """

    def __init__(self, msg: str, *, line: int, column: int = 1, source_line: str = "") -> None:
        self.msg = msg
        self.line = line
        self.column = column
        self.source_line = source_line
        super().__init__(self._render())

    def _render(self) -> str:
        shown, before = _window(self.source_line, self.column - 1)
        caret = " " * _display_width(before.expandtabs(4)) + "^"
        msg = _shorten(self.msg, MAX_MESSAGE)
        return f"{msg} (line {self.line}, column {self.column})\n  {shown.expandtabs(4)}\n  {caret}"

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only arguments: rebuild through a helper so the error pickles.
        return (_rebuild_parse_error, (self.msg, self.line, self.column, self.source_line))


def _rebuild_parse_error(msg: str, line: int, column: int, source_line: str) -> ParseError:
    return ParseError(msg, line=line, column=column, source_line=source_line)


class SerializationError(GiaReportError, ValueError):
    """Data given to a reader of records, JSON or XML does not describe a valid report.

    The message names the key or path of the offending value and what was expected; one longer
    than `MAX_MESSAGE` characters is cut in the middle.

    .. versionadded:: 0.1
    """

    def __init__(self, message: str) -> None:
        super().__init__(_shorten(message, MAX_MESSAGE))


class AggregationError(GiaReportError, ValueError):
    """Reports that cannot be added up or compared: none, or of different formats or years.

    The message lists the reports by position (and agency) with what differs.

    .. versionadded:: 0.2
    """
