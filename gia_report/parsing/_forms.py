"""The entrance of every form: the bytes or text given, recognised by content and read into a `Document`.

The form is told by what the data holds, never by a file's name:

- a PDF (``%PDF-``): its text extracted page by page (`_pdf`, the optional
  ``pdf`` extra), then read as text;
- a Word document (a zip holding ``word/document.xml``): `_read_docx`;
- a web page (text or bytes whose first markup is ``<!DOCTYPE html``,
  ``<html``, ``<head``, ``<body``, ``<meta``, ``<table`` …): `_read_html`;
- the other binary forms users meet (Word 97-2003 ``.doc``, Excel, images,
  archives, RTF, OFD …) are refused with a `ParseError` that names the form
  and says what to do;
- anything else is text (copied tables, PDF text, markdown, crawler text): a
  document of lines (`_source`), whose table sections' lines are tokenized
  later, once their layout is known.

lxml and pypdf are imported only when a page, a Word document or a PDF is read.

.. versionadded:: 0.2
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from contextlib import contextmanager

from ..errors import ParseError
from ._document import Document, Form
from ._layout_collapsed import reline
from ._layout_pipe import is_rule
from ._result import Layout
from ._source import Line, decode, drop_furniture, split_lines

__all__ = ["read_document", "refuse_binary", "sniff"]

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_UTF16 = re.compile(r"[\x00-\x7f]\x00" * 4)


def _utf16le(name: str) -> bytes:
    return name.encode("utf-16-le")


# Binary forms by their first bytes, each with what it is and what to do.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image: a report must be read from its text; run OCR on the image first"),
    (b"\xff\xd8\xff", "a JPEG image: a report must be read from its text; run OCR on the image first"),
    (b"GIF87a", "a GIF image: a report must be read from its text; run OCR on the image first"),
    (b"GIF89a", "a GIF image: a report must be read from its text; run OCR on the image first"),
    (b"II*\x00", "a TIFF image: a report must be read from its text; run OCR on the image first"),
    (b"MM\x00*", "a TIFF image: a report must be read from its text; run OCR on the image first"),
    (b"\x1f\x8b", "a gzip archive: decompress it and read the report inside"),
    (b"BZh", "a bzip2 archive: decompress it and read the report inside"),
    (b"\xfd7zXZ\x00", "an xz archive: decompress it and read the report inside"),
    (b"(\xb5/\xfd", "a zstd archive: decompress it and read the report inside"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive: extract it and read the report inside"),
    (b"Rar!\x1a\x07", "a RAR archive: extract it and read the report inside"),
    (b"{\\rtf", "an RTF document: save it as .docx or PDF"),
    (b"\x00\x00\x00", "binary data (a video or an unknown form), not a report"),
)
# Markup that opens a web page, after any BOM, whitespace, XML declaration and comments.
_PAGE_START = re.compile(
    r"(?:\s|<\?xml[^>]*>|<!--.*?-->)*<(?:!doctype\s+html|html|head|body|meta|title|table|div|p|h[1-6]|link|style|script)[\s>/]",
    re.IGNORECASE | re.DOTALL,
)
_PAGE_ANYWHERE = re.compile(r"<html[\s>]|<!doctype\s+html", re.IGNORECASE)
_SNIFF = 4096
#: A markdown heading: up to three spaces, one to six ``#``, a space, its text.
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(\S.*?)(?:[ \t]+#+)?[ \t]*$")


def _ole_form(data: bytes) -> str:
    """What an OLE compound file (Office 97-2003) is, from the names of its streams."""
    head = data[: 4 * 1024 * 1024]
    if _utf16le("EncryptedPackage") in head:
        return "a password-protected Office document: remove the password and save it as .docx or PDF"
    if _utf16le("WordDocument") in head:
        return "a Word 97-2003 .doc file: save it as .docx or PDF"
    if _utf16le("Workbook") in head or _utf16le("Book") in head:
        return "an Excel 97-2003 .xls workbook: copy its tables into the report's text, or save it as PDF"
    if _utf16le("PowerPoint Document") in head:
        return "a PowerPoint 97-2003 .ppt file: save the report as .docx or PDF"
    return "an Office 97-2003 (OLE) file such as .doc, .xls or .wps: save it as .docx or PDF"


def _looks_like_page(text: str) -> bool:
    return _PAGE_START.match(text) is not None or _PAGE_ANYWHERE.search(text[:_SNIFF]) is not None


def sniff(data: str | bytes) -> Form | str:
    """The form of *data*: ``text``, ``html``, ``docx`` or ``pdf``; for a form that cannot be read, what it is.

    >>> sniff(b"%PDF-1.7 ..."), sniff("<!DOCTYPE html><html>..."), sniff("一、总体情况")
    ('pdf', 'html', 'text')
    """
    if isinstance(data, str):
        start = data[:_SNIFF].lstrip("\ufeff")
        if start.startswith(("%PDF-", "PK\x03\x04")):
            return "a PDF or Word file given as text: pass its bytes (open it in binary mode, 'rb'), or use parse_file"
        return "html" if _looks_like_page(start) else "text"
    if not isinstance(data, (bytes, bytearray, memoryview)):
        return "text"  # type: ignore[unreachable]  # the text reader names the type it expected
    head = bytes(data[:_SNIFF])
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(_ZIP):
        return "docx"  # the Word reader tells a workbook, a presentation or another archive by its members
    if head.startswith(_OLE):
        return _ole_form(bytes(data))
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if head.startswith(b"BM") and head[6:10] == b"\x00\x00\x00\x00":
        return "a BMP image: a report must be read from its text; run OCR on the image first"
    if head[4:8] == b"ftyp":
        return "a video or HEIF image, not a report"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "a WebP image: a report must be read from its text; run OCR on the image first"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = bytes(data).decode("utf-16")
        except UnicodeDecodeError:
            return "binary data, not a report"
        return "html" if _looks_like_page(text[:_SNIFF].lstrip("\ufeff")) else "text"
    ascii_head = head.decode("latin-1")
    if _UTF16.search(ascii_head[:512]):
        return "UTF-16 text without a byte order mark: save it as UTF-8"
    return "html" if _looks_like_page(ascii_head.lstrip("\ufeff\xef\xbb\xbf")) else "text"


def refuse_binary(what: str) -> ParseError:
    """The `ParseError` for data in a form that cannot be read: *what* it is and what to do."""
    return ParseError(f"this is {what}", line=1)


@contextmanager
def _needs_lxml(what: str) -> Iterator[None]:
    """Turn lxml's absence (a vendored copy without its dependencies) into a `ParseError` naming it."""
    try:
        yield
    except ImportError as error:
        if error.name is None or error.name.split(".")[0] != "lxml":
            raise
        raise ParseError(f"reading {what} needs lxml, which is not installed: pip install lxml", line=1) from None


def read_document(data: str | bytes) -> Document:
    """The `Document` of *data*, whatever form it is in."""
    form = sniff(data)
    if form == "html":
        with _needs_lxml("a web page"):
            from ._read_html import read_html
        return read_html(data if isinstance(data, str) else bytes(data))
    if form == "docx":
        with _needs_lxml("a Word document"):
            from ._read_docx import read_docx
        assert not isinstance(data, str)
        return read_docx(bytes(data))
    if form == "pdf":
        from ._pdf import read_pdf

        assert not isinstance(data, str)
        return _read_text(read_pdf(bytes(data)), "pdf")
    if form != "text":
        raise refuse_binary(form)
    if isinstance(data, (bytes, bytearray, memoryview)) and bytes(data[:2]) in (
        codecs.BOM_UTF16_LE,
        codecs.BOM_UTF16_BE,
    ):
        data = bytes(data).decode("utf-16")
    return _read_text(data, "text")


def _read_text(data: str | bytes, form: Form) -> Document:
    lines, notes = drop_furniture(_unmark_headings(split_lines(decode(data))))
    relined = reline(lines, notes)
    if relined is not None:
        return Document(blocks=tuple(relined), form=form, notes=tuple(notes), layout=Layout.COLLAPSED)
    return Document(blocks=tuple(lines), form=form, notes=tuple(notes))


def _unmark_headings(lines: list[Line]) -> list[Line]:
    """*lines* with the ``#`` of markdown headings (``## 三、收到和处理…``) taken off, in a markdown text.

    Only a text holding a markdown table (a ``|---|`` rule line) is markdown:
    elsewhere a line's ``#`` is its text.
    """
    if not any("---" in line.text and is_rule(line.text) for line in lines):
        return lines
    return [
        Line(line.number, found.group(1)) if (found := _HEADING.match(line.text)) is not None else line
        for line in lines
    ]
