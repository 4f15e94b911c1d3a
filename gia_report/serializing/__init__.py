"""Serializing: the model out to text and back, one module per form.

.. versionadded:: 0.1
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal, overload

from ..errors import SerializationError
from ..model import Report
from ..parsing import parse
from ._html import dumps_html
from ._json import dumps_json, loads_json
from ._schema import json_schema
from ._text import WRITERS, write_text
from ._xsd import xml_schema

__all__ = ["BINARY_FORMATS", "FORMATS", "detect_form", "dumps", "json_schema", "loads", "xml_schema"]


def _text_writer(layout: str) -> Callable[[Report], str]:
    return lambda report: write_text(report, layout)


def _dumps_xml(report: Report) -> str:
    # lxml is imported only when XML or Word is read or written, so `import gia_report` stays light.
    from ._xml import dumps_xml

    return dumps_xml(report)


def _loads_xml(text: str) -> Report:
    from ._xml import loads_xml

    return loads_xml(text)


def _dumps_docx(report: Report) -> bytes:
    from ._docx import dumps_docx

    return dumps_docx(report)


_WRITERS: dict[str, Callable[[Report], str]] = {
    "json": dumps_json,
    "xml": _dumps_xml,
    "html": dumps_html,
    **{layout: _text_writer(layout) for layout in WRITERS},
}
_BINARY_WRITERS: dict[str, Callable[[Report], bytes]] = {"docx": _dumps_docx}
_READERS: dict[str, Callable[[str], Report]] = {
    "json": loads_json,
    "xml": _loads_xml,
    # HTML and the three text layouts are read by the parser, which finds the form and layout itself.
    "html": parse,
    **dict.fromkeys(WRITERS, parse),
}

#: The names *fmt* takes in `dumps` and `loads` for the forms written as text (`str`).
FORMATS: tuple[str, ...] = tuple(_WRITERS)
#: The names *fmt* takes for the forms written as bytes: `dumps` returns `bytes` for them.
BINARY_FORMATS: tuple[str, ...] = tuple(_BINARY_WRITERS)

TextForm = Literal["json", "xml", "html", "tab", "pipe", "blank-line"]
BinaryForm = Literal["docx"]


@overload
def dumps(report: Report, fmt: BinaryForm) -> bytes: ...
@overload
def dumps(report: Report, fmt: TextForm = "json") -> str: ...
@overload
def dumps(report: Report, fmt: str) -> str | bytes: ...
def dumps(report: Report, fmt: str = "json") -> str | bytes:
    """*report* written in the form *fmt*: text (`str`) for every form but ``"docx"``, whose bytes it returns.

    *fmt* is ``"json"``, ``"xml"``, ``"html"`` (a web page with the tables as the
    template draws them), ``"tab"``, ``"pipe"``, ``"blank-line"`` (the text
    layouts) or ``"docx"`` (a Word document, as bytes). The text layouts, HTML
    and Word write a complete report in the national template's order and
    wording, which `gia_report.parse` reads back equal.

    >>> dumps(Report(format_version="2021"), "docx")[:2]
    b'PK'

    .. versionadded:: 0.1
    .. versionchanged:: 0.2
       The forms ``"html"`` and ``"docx"``; ``"docx"`` gives bytes.
    """
    if fmt in _BINARY_WRITERS:
        return _BINARY_WRITERS[fmt](report)
    if fmt not in _WRITERS:
        raise SerializationError(f"unknown form {fmt!r}: expected one of {', '.join((*FORMATS, *BINARY_FORMATS))}")
    return _WRITERS[fmt](report)


_PROLOGUE = re.compile(r"(?:\s+|<\?xml[^>]*\?>|<!--.*?-->)*", re.DOTALL)
_HTML_START = re.compile(r"<(?:!doctype\s+html\b|html\b)", re.IGNORECASE)
_ZIP = b"PK\x03\x04"


def detect_form(text: str | bytes) -> str:
    """The form *text* is written in: ``json``, ``xml``, ``html``, ``docx`` or a text layout (``tab`` for all).

    A page that opens (after an XML declaration and comments) with
    ``<!DOCTYPE html`` or ``<html`` is HTML; any other markup is XML. Bytes
    opening as a zip archive are a Word document.
    """
    if isinstance(text, bytes):
        if text.startswith(_ZIP):
            return "docx"
        text = text[:4096].decode("utf-8", errors="replace")
    text = text.lstrip("\ufeff")
    start = text.lstrip(" \t\r\n")[:1]
    if start in "{[" and start:
        return "json"
    if start == "<":
        opened = _PROLOGUE.match(text)
        return "html" if _HTML_START.match(text, opened.end() if opened else 0) else "xml"
    return "tab"


def loads(text: str | bytes, fmt: str | None = None) -> Report:
    """The report in *text*, written in the form *fmt*, or in the form it shows when *fmt* is ``None``.

    *fmt* is ``"json"``, ``"xml"``, ``"html"``, ``"tab"``, ``"pipe"``,
    ``"blank-line"`` or ``"docx"``; HTML, Word and the three text layouts are
    read by `gia_report.parse`, which finds the layout itself. *text* may be
    bytes: a Word document always is; other bytes are read as UTF-8 (HTML and
    the text layouts as the parser decodes them). JSON that is not a report
    raises `SerializationError`; text, HTML, Word and XML that are not a report
    raise `ParseError`.

    .. versionadded:: 0.1
    .. versionchanged:: 0.2
       HTML and Word, and bytes.
    """
    if fmt is None:
        fmt = detect_form(text)
    if fmt not in _READERS and fmt not in _BINARY_WRITERS:
        raise SerializationError(f"unknown form {fmt!r}: expected one of {', '.join((*FORMATS, *BINARY_FORMATS))}")
    if fmt in _BINARY_WRITERS or (isinstance(text, bytes) and _READERS[fmt] is parse):
        # The parser reads the form of the bytes by their content, and decodes them itself.
        return parse(text)
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise SerializationError(f"a {fmt} document is UTF-8: {error}") from None
    return _READERS[fmt](text)
