"""The exceptions gia_report raises.

Only text that cannot be read as a report raises; everything a reader should
know but that does not stop parsing is a note (see `gia_report.parsing`), and a
violated identity is a finding, never an exception.
"""

from __future__ import annotations

import unicodedata

__all__ = ["GiaReportError", "ParseError", "SerializationError"]


class GiaReportError(Exception):
    """Base class of every exception gia_report raises.

    .. versionadded:: 0.1
    """


def _display_width(text: str) -> int:
    """Columns that *text* takes in a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


class ParseError(GiaReportError, ValueError):
    """The text cannot be read as a report of a supported format.

    Carries the 1-based ``line`` and ``column`` of the spot, the offending
    ``source_line`` and the bare ``msg``; ``str()`` renders all of them with a
    caret under the spot (wide characters count two columns, so the caret
    lands under the character in a terminal)::

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
        shown = self.source_line.expandtabs(4)
        before = self.source_line[: max(self.column - 1, 0)].expandtabs(4)
        caret = " " * _display_width(before) + "^"
        return f"{self.msg} (line {self.line}, column {self.column})\n  {shown}\n  {caret}"

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only arguments: rebuild through a helper so the error pickles.
        return (_rebuild_parse_error, (self.msg, self.line, self.column, self.source_line))


def _rebuild_parse_error(msg: str, line: int, column: int, source_line: str) -> ParseError:
    return ParseError(msg, line=line, column=column, source_line=source_line)


class SerializationError(GiaReportError, ValueError):
    """Data given to a reader of records, JSON or XML does not describe a valid report.

    The message names the key or path of the offending value and what was expected.

    .. versionadded:: 0.1
    """
