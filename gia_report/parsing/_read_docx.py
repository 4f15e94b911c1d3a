"""Reading a Word document (``.docx``): its body's paragraphs and tables, in order, as lines and grids.

A ``.docx`` is a zip archive whose ``word/document.xml`` holds the body. It is
read with the standard library's ``zipfile`` and lxml, bounded before anything
is inflated: at most `MAX_MEMBERS` members, a body of at most `MAX_PART`
bytes, and no part inflating more than `MAX_RATIO` times its compressed size
(a zip bomb is refused from its directory, without inflating it; a body that
lies about its size is cut at the bound). A damaged or truncated archive is a
`ParseError`, and so is a zip that is not a Word document (a workbook, a
presentation, an OpenDocument or OFD file, a plain archive), each by name.

The body is walked in order:

- ``w:p`` is a `Line`, numbered by its ordinal among the body's paragraphs and
  table rows; its text is that of its ``w:t``, ``w:tab`` (a tab) and ``w:br``
  / ``w:cr`` (which split it into lines, like ``<br>``);
- ``w:tbl`` is a `Grid` (`gia_report.parsing._spans`): ``w:gridSpan`` gives a
  cell's span, ``w:gridBefore`` the grid columns left out before a row's
  first cell, ``w:gridAfter`` those after its last (empty cells of the row:
  a row that ends early so has lost no cell), and a cell with
  ``w:vMerge`` that does not restart continues the cell above (``below``);
  a table holding tables, or whose cells are whole sections, or of one
  column, is layout and walked into;
- content controls (``w:sdt``), custom XML and smart tags are descended, text
  boxes (``w:txbxContent``) read after their paragraph, and of the
  alternatives a Word document gives for one drawing (``mc:AlternateContent``)
  only the first;
- tracked changes read as the document reads with them accepted: inserted
  text (``w:ins``) and text moved here (``w:moveTo``) are read, deleted text
  (``w:delText``) and text moved away (``w:moveFrom``) are not.

.. versionadded:: 0.2
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterator
from typing import Any

from lxml import etree

from .._safe_xml import parse_xml
from ..errors import ParseError
from ._chrome import drop_front_chrome
from ._document import Block, Document
from ._result import Layout, Note
from ._sections import heading_of
from ._source import Line
from ._spans import Printed, PrintedRow, grid_blocks

__all__ = ["MAX_MEMBERS", "MAX_PART", "MAX_RATIO", "read_docx"]

#: The most members an archive may list (a Word document has some tens).
MAX_MEMBERS = 10_000
#: The largest body (``word/document.xml``) read, in bytes, inflated.
MAX_PART = 64 * 1024 * 1024
#: The most a part may inflate, as a multiple of its compressed size (real bodies: 10–40).
MAX_RATIO = 400
#: Below this inflated size, a part's ratio is not looked at (a small repetitive part is no bomb).
_RATIO_FROM = 1024 * 1024
_MAX_DIRECTORY = 8 * 1024 * 1024

_MAIN = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_OFFICE_DOCUMENT = ("/officeDocument", "/officedocument")
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"

# Other zip-based forms, by a member that names them: what they are and what to do.
_NOT_WORD = (
    ("xl/workbook.xml", "an Excel workbook (.xlsx): copy its tables into the report's text, or save the report as PDF"),
    ("ppt/presentation.xml", "a PowerPoint presentation (.pptx): save the report as .docx or PDF"),
    ("OFD.xml", "an OFD document: save it as PDF (or .docx) to read it"),
    ("content.xml", "an OpenDocument file (.odt): save it as .docx or PDF"),
)


def _refuse(message: str) -> ParseError:
    return ParseError(message, line=1)


def _directory(data: bytes) -> None:
    """Refuse an archive whose directory is too large to list, before `zipfile` builds it."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if end < 0 or end + 22 > len(data):
        raise _refuse("the Word document is damaged or truncated: its zip directory is missing")
    entries, size = struct.unpack("<xxxxxxxxxxHI", data[end : end + 16])
    if entries == 0xFFFF or size == 0xFFFFFFFF:
        raise _refuse("the Word document is a ZIP64 archive, larger than any report: refused unread")
    if entries > MAX_MEMBERS or size > _MAX_DIRECTORY:
        raise _refuse(f"the archive lists more than {MAX_MEMBERS:,} members: refused unread")


def _bounded(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """The inflated bytes of one member, checked against the bounds before and while it is inflated."""
    if info.file_size > MAX_PART:
        raise _refuse(
            f"{info.filename} of the Word document inflates to {info.file_size:,} bytes, more than the "
            f"{MAX_PART:,} read: refused unread"
        )
    if info.file_size > _RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise _refuse(
            f"{info.filename} of the Word document inflates {info.file_size // max(info.compress_size, 1):,} "
            f"times its size (a zip bomb?), more than {MAX_RATIO}: refused unread"
        )
    try:
        with archive.open(info) as member:
            body = member.read(MAX_PART + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as error:
        raise _refuse(f"the Word document is damaged or truncated: {info.filename}: {error}") from None
    except (RuntimeError, NotImplementedError) as error:  # encrypted or an unknown compression
        raise _refuse(f"the Word document cannot be opened: {info.filename}: {error}") from None
    if len(body) > MAX_PART:
        raise _refuse(f"{info.filename} of the Word document inflates to more than {MAX_PART:,} bytes: refused")
    return body


def _main_part(archive: zipfile.ZipFile, names: dict[str, zipfile.ZipInfo]) -> zipfile.ZipInfo:
    """The body's member: ``word/document.xml``, or the one the package's relationships name."""
    if "word/document.xml" in names:
        return names["word/document.xml"]
    rels = names.get("_rels/.rels")
    if rels is not None:
        root = parse_xml(_bounded(archive, rels), what="_rels/.rels of the Word document", max_size=MAX_PART)
        for relation in root.iter(f"{{{_RELS}}}Relationship"):
            if (relation.get("Type") or "").endswith(_OFFICE_DOCUMENT):
                target = (relation.get("Target") or "").lstrip("/")
                if target in names and target.endswith(".xml") and target.startswith("word/"):
                    return names[target]
    for member, what in _NOT_WORD:
        if member in names:
            raise _refuse(f"this is {what}")
    raise _refuse("this is a zip archive, not a Word document: extract the report from it first")


def read_docx(data: bytes) -> Document:
    """The `Document` of the Word document *data* (the bytes of a ``.docx``)."""
    _directory(data)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, struct.error) as error:
        raise _refuse(f"the Word document is damaged or truncated: {error}") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise _refuse(f"the archive lists more than {MAX_MEMBERS:,} members: refused unread")
        names = {info.filename: info for info in infos}
        part = _main_part(archive, names)
        body = _bounded(archive, part)
    root = parse_xml(body, what=part.filename, max_size=MAX_PART)
    namespace = etree.QName(root).namespace
    if namespace not in (_MAIN, _STRICT):
        raise _refuse(f"{part.filename} is not the body of a Word document (its root is {etree.QName(root).text})")
    walker = _Walker(namespace)
    found = root.find(walker.w("body"))
    if found is not None:
        walker.walk(found)
    notes: list[Note] = []
    blocks = drop_front_chrome(walker.blocks, notes, ())
    return Document(blocks=tuple(blocks), form="docx", notes=tuple(notes))


def _value(element: Any, name: str, namespace: str) -> str | None:
    value = element.get(f"{{{namespace}}}{name}")
    return value if isinstance(value, str) else None


class _Walker:
    """Walks the body in order, numbering its paragraphs and table rows."""

    def __init__(self, namespace: str) -> None:
        self.namespace = namespace
        w = self.w
        self.P, self.TBL, self.TR, self.TC = w("p"), w("tbl"), w("tr"), w("tc")
        self.T, self.TAB, self.BR, self.CR = w("t"), w("tab"), w("br"), w("cr")
        self.SDT, self.SDT_CONTENT, self.CUSTOM, self.SMART = w("sdt"), w("sdtContent"), w("customXml"), w("smartTag")
        self.TXBX = w("txbxContent")
        # Tracked changes: text moved away stays in the XML (as w:t) where it was; deleted text is w:delText.
        self.MOVED_AWAY = w("moveFrom")
        self.ALTERNATE, self.FALLBACK = f"{{{_MC}}}AlternateContent", f"{{{_MC}}}Fallback"
        self.INLINE_CONTAINERS = {w("r"), w("hyperlink"), w("ins"), w("fldSimple"), self.SDT, self.SDT_CONTENT}
        self.blocks: list[Block] = []
        self.number = 0

    def w(self, name: str) -> str:
        return f"{{{self.namespace}}}{name}"

    def attribute(self, element: Any, name: str) -> str | None:
        return _value(element, name, self.namespace)

    # --- blocks ---------------------------------------------------------------------------

    def children(self, container: Any) -> Iterator[Any]:
        """The block-level children of *container*, content controls and custom XML unwrapped."""
        for child in container:
            tag = child.tag
            if tag == self.SDT:
                content = child.find(self.SDT_CONTENT)
                if content is not None:
                    yield from self.children(content)
            elif tag in (self.CUSTOM, self.SMART):
                yield from self.children(child)
            elif tag == self.ALTERNATE:
                if len(child):
                    yield from self.children(child[0])
            else:
                yield child

    def walk(self, container: Any) -> None:
        for child in self.children(container):
            if child.tag == self.P:
                self.number += 1
                lines, boxes = self.paragraph(child)
                self.blocks.extend(Line(self.number, text) for text in lines)
                for box in boxes:
                    self.walk(box)
            elif child.tag == self.TBL:
                self.table(child)

    def paragraph(self, paragraph: Any) -> tuple[list[str], list[Any]]:
        """The lines of one paragraph (split at its breaks) and the text boxes it holds."""
        lines: list[str] = []
        parts: list[str] = []
        boxes: list[Any] = []
        walker = etree.iterwalk(paragraph, events=("start",))
        for _, element in walker:
            tag = element.tag
            if tag == self.T:
                parts.append(element.text or "")
            elif tag == self.TAB:
                parts.append("\t")
            elif tag in (self.BR, self.CR):
                lines.append("".join(parts))
                parts.clear()
            elif tag == self.TXBX:
                boxes.append(element)
                walker.skip_subtree()
            elif tag in (self.FALLBACK, self.MOVED_AWAY) or (tag == self.P and element is not paragraph):
                walker.skip_subtree()
        lines.append("".join(parts))
        return lines, boxes

    def cell_lines(self, cell: Any) -> list[str]:
        """The non-blank lines of one table cell's paragraphs, stripped."""
        lines: list[str] = []
        for child in self.children(cell):
            if child.tag == self.P:
                texts, boxes = self.paragraph(child)
                lines.extend(text.strip() for text in texts if text.strip())
                for box in boxes:
                    lines.extend(self.cell_lines(box))
        return lines

    # --- tables ---------------------------------------------------------------------------

    def rows(self, table: Any) -> Iterator[Any]:
        for child in self.children(table):
            if child.tag == self.TR:
                yield child

    def cells(self, row: Any) -> Iterator[Any]:
        for child in self.children(row):
            if child.tag == self.TC:
                yield child

    def int_value(self, element: Any, path: str, default: int) -> int:
        found = element.find(path)
        if found is None:
            return default
        value = (self.attribute(found, "val") or "").strip()
        return max(0, min(int(value), 1000)) if value.isascii() and value.isdigit() and len(value) <= 6 else default

    def table(self, table: Any) -> None:
        rows: list[PrintedRow] = []
        first = self.number + 1
        layout = table.find(f".//{self.TBL}") is not None
        for row in self.rows(table):
            self.number += 1
            props = row.find(self.w("trPr"))
            skip = self.int_value(props, self.w("gridBefore"), 0) if props is not None else 0
            after = self.int_value(props, self.w("gridAfter"), 0) if props is not None else 0
            cells = []
            for cell in self.cells(row):
                props = cell.find(self.w("tcPr"))
                span = max(1, self.int_value(props, self.w("gridSpan"), 1)) if props is not None else 1
                merge = props.find(self.w("vMerge")) if props is not None else None
                below = merge is not None and self.attribute(merge, "val") in (None, "continue")
                lines = () if below else tuple(self.cell_lines(cell))
                if sum(1 for text in lines if heading_of(Line(0, text)) is not None) > 1:
                    layout = True
                cells.append(Printed(lines, self.number, span, 1, below))
            rows.append(PrintedRow(self.number, tuple(cells), skip, after))
        if layout or not any(len(row.cells) > 1 for row in rows):
            self.layout(table, first)
            return
        self.blocks.extend(grid_blocks(rows, Layout.DOCX, first))

    def layout(self, table: Any, first: int) -> None:
        """A table that lays out the page, walked into: each cell's paragraphs and tables in order."""
        self.number = first - 1
        for row in self.rows(table):
            self.number += 1
            for cell in self.cells(row):
                self.walk(cell)
