"""Serializing: the model out to text and back, one module per form.

.. versionadded:: 0.1
"""

from __future__ import annotations

from collections.abc import Callable

from ..errors import SerializationError
from ..model import Report
from ..parsing import parse
from ._json import dumps_json, loads_json
from ._schema import json_schema
from ._text import WRITERS, write_text
from ._xsd import xml_schema

__all__ = ["FORMATS", "detect_form", "dumps", "json_schema", "loads", "xml_schema"]


def _text_writer(layout: str) -> Callable[[Report], str]:
    return lambda report: write_text(report, layout)


def _dumps_xml(report: Report) -> str:
    # lxml is imported only when XML is read or written, so `import gia_report` stays light.
    from ._xml import dumps_xml

    return dumps_xml(report)


def _loads_xml(text: str) -> Report:
    from ._xml import loads_xml

    return loads_xml(text)


_WRITERS: dict[str, Callable[[Report], str]] = {
    "json": dumps_json,
    "xml": _dumps_xml,
    **{layout: _text_writer(layout) for layout in WRITERS},
}
_READERS: dict[str, Callable[[str], Report]] = {
    "json": loads_json,
    "xml": _loads_xml,
    # The three text layouts are read by the parser, which finds the layout itself.
    **dict.fromkeys(WRITERS, parse),
}

#: The names *fmt* takes in `dumps` and `loads`.
FORMATS: tuple[str, ...] = tuple(_WRITERS)


def dumps(report: Report, fmt: str = "json") -> str:
    """*report* written in the form *fmt*: ``"json"``, ``"xml"``, ``"tab"``, ``"pipe"`` or ``"blank-line"``.

    The text layouts write a complete report in the national template's order and
    wording, which `gia_report.parse` reads back equal.

    .. versionadded:: 0.1
    """
    if fmt not in _WRITERS:
        raise SerializationError(f"unknown form {fmt!r}: expected one of {', '.join(FORMATS)}")
    return _WRITERS[fmt](report)


def detect_form(text: str) -> str:
    """The form *text* is written in: ``json``, ``xml``, or a text layout (``tab`` for all three)."""
    start = text.lstrip("\ufeff \t\r\n")[:1]
    if start in "{[" and start:
        return "json"
    if start == "<":
        return "xml"
    return "tab"


def loads(text: str, fmt: str | None = None) -> Report:
    """The report in *text*, written in the form *fmt*, or in the form it shows when *fmt* is ``None``.

    *fmt* is ``"json"``, ``"xml"``, ``"tab"``, ``"pipe"`` or ``"blank-line"``; the
    three text layouts are read by `gia_report.parse`, which finds the layout
    itself. JSON that is not a report raises `SerializationError`; text and XML
    that are not a report raise `ParseError`.

    .. versionadded:: 0.1
    """
    if fmt is None:
        fmt = detect_form(text)
    if fmt not in _READERS:
        raise SerializationError(f"unknown form {fmt!r}: expected one of {', '.join(FORMATS)}")
    return _READERS[fmt](text)
