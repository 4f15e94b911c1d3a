"""Writing a report as a Word document (``.docx``): the national template, with the standard library alone.

The package is the least Word and LibreOffice need, and nothing they would
have to repair::

    [Content_Types].xml
    _rels/.rels                      → word/document.xml, docProps/core.xml
    docProps/core.xml                the title as dc:title
    word/document.xml                title, narrative, the three tables
    word/_rels/document.xml.rels     → styles.xml
    word/styles.xml                  Normal, Title, Heading 1, Heading 2, Table Grid

``word/document.xml`` holds, in the template's order: the title (style
Title, broken with ``w:br`` after 50 characters as the text layouts break it),
the preamble, each section heading (Heading 1) and sub-heading of 一、总体情况
(Heading 2) with its paragraphs, and before each table its section heading as
caption (also the table's ``w:tblCaption``). Each table is drawn from the
shared geometry (`gia_report.serializing._geometry`): a cell spanning columns
has ``w:gridSpan``; one spanning rows opens with ``w:vMerge w:val="restart"``
and continues with an empty ``w:vMerge`` in every row below it. A blank value
cell holds an empty paragraph; a tab in the narrative is a ``w:tab``.
Narrative lines that would read as structure are escaped with
`gia_report.catalog.ESCAPE`, as in the text layouts.

The XML is written as text through one small escaper: writing needs no
parser, so neither lxml nor python-docx is imported. The bytes are
reproducible: the same report gives the same file.

>>> from gia_report.model import Report
>>> dumps_docx(Report(format_version="2021"))[:2]
b'PK'
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable
from typing import Any

from ..catalog import ESCAPE, SECTIONS
from ..errors import SerializationError
from ..model import Report
from ..parsing._narrative import reads_as_structure
from ._geometry import Grid, GridCell, cell_text, report_grids, values_of

__all__ = ["dumps_docx"]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"

#: The width of the text on an A4 page with the template's margins (twentieths of a point).
_TEXT_WIDTH = 11906 - 2 * 1588

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/word/document.xml" \
ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
<Override PartName="/word/styles.xml" \
ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
</Types>"""

_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{_PACKAGE_RELS}">\
<Relationship Id="rId1" Type="{_R}/officeDocument" Target="word/document.xml"/>\
<Relationship Id="rId2" \
Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" \
Target="docProps/core.xml"/>\
</Relationships>"""

_DOCUMENT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{_PACKAGE_RELS}">\
<Relationship Id="rId1" Type="{_R}/styles" Target="styles.xml"/>\
</Relationships>"""


def _style(style_id: str, name: str, *, kind: str = "paragraph", body: str = "", default: bool = False) -> str:
    flag = ' w:default="1"' if default else ""
    return f'<w:style w:type="{kind}" w:styleId="{style_id}"{flag}><w:name w:val="{name}"/>{body}</w:style>'


def _fonts(latin: str, east_asian: str) -> str:
    return f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east_asian}" w:cs="{latin}"/>'


_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<w:styles xmlns:w="{_W}">'
    "<w:docDefaults><w:rPrDefault><w:rPr>"
    f'{_fonts("Times New Roman", "宋体")}<w:sz w:val="24"/><w:szCs w:val="24"/>'
    '<w:lang w:val="en-US" w:eastAsia="zh-CN"/>'
    "</w:rPr></w:rPrDefault>"
    '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="360" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
    "</w:docDefaults>"
    + _style("Normal", "Normal", default=True)
    + _style(
        "Title",
        "Title",
        body='<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>'
        '<w:pPr><w:spacing w:before="240" w:after="240"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr>'
        f'<w:rPr>{_fonts("Times New Roman", "黑体")}<w:b/><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr>',
    )
    + _style(
        "Heading1",
        "heading 1",
        body='<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>'
        '<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr>'
        f'<w:rPr>{_fonts("Times New Roman", "黑体")}<w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr>',
    )
    + _style(
        "Heading2",
        "heading 2",
        body='<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>'
        '<w:pPr><w:keepNext/><w:spacing w:before="120" w:after="60"/><w:outlineLvl w:val="1"/></w:pPr>'
        f'<w:rPr>{_fonts("Times New Roman", "楷体")}<w:b/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr>',
    )
    + _style(
        "TableGrid",
        "Table Grid",
        kind="table",
        body='<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        '<w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        '<w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        '<w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders>'
        '<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr>',
    )
    + "</w:styles>"
)


_INVALID = re.compile("[\ud800-\udfff\ufffe\uffff]")


def _escape_xml(text: str) -> str:
    """*text* safe as XML character data or a double-quoted attribute value."""
    if _INVALID.search(text):
        raise SerializationError(f"{text[:60]!r} holds a character XML cannot carry (a surrogate, U+FFFE or U+FFFF)")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _core(title: str | None) -> str:
    named = f"<dc:title>{_escape_xml(title)}</dc:title>" if title is not None else ""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"{named}<dc:creator>gia_report</dc:creator></cp:coreProperties>"
    )


def _runs(text: str) -> str:
    """*text* as a run: a tab is a ``w:tab``, a line break a ``w:br``, spaces kept."""
    pieces = []
    for line_index, line in enumerate(text.split("\n")):
        if line_index:
            pieces.append("<w:br/>")
        for index, piece in enumerate(line.split("\t")):
            if index:
                pieces.append("<w:tab/>")
            if piece:
                pieces.append(f'<w:t xml:space="preserve">{_escape_xml(piece)}</w:t>')
    return "<w:r>" + "".join(pieces) + "</w:r>"


def _paragraph(text: str, style: str | None = None) -> str:
    properties = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style is not None else ""
    return f"<w:p>{properties}{_runs(text) if text else ''}</w:p>"


def _prose(paragraphs: Iterable[str], where: str) -> list[str]:
    return [_paragraph(ESCAPE + text if reads_as_structure(text, where) else text) for text in paragraphs]


#: How many parts of the text width each label column takes; a value column takes one.
_LABEL_PARTS = {"active": (2,), "requests": (2, 2, 5), "appeals": ()}


def _widths(grid: Grid) -> list[int]:
    """Column widths: the label columns wide enough for their labels, the value columns alike."""
    parts = [*_LABEL_PARTS[grid.table], *[1] * (grid.width - len(_LABEL_PARTS[grid.table]))]
    unit = _TEXT_WIDTH // sum(parts)
    return [part * unit for part in parts]


_TABLE_PROPERTIES = (
    '<w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/>'
    '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
    'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/><w:tblCaption w:val="{caption}"/></w:tblPr>'
)
_CELL_PARAGRAPH = '<w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="{align}"/></w:pPr>'
_CELL_RUN = '<w:r><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr><w:t>{text}</w:t></w:r>'


def _table(grid: Grid, values: dict[str, Any]) -> str:
    widths = _widths(grid)
    parts = [
        "<w:tbl>",
        _TABLE_PROPERTIES.format(caption=_escape_xml(grid.heading)),
        "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{width}"/>' for width in widths) + "</w:tblGrid>",
    ]
    header_rows = min(cell.row for cell in grid.cells if cell.key is not None)
    for index, slots in enumerate(grid.slots()):
        parts.append("<w:tr><w:trPr><w:tblHeader/></w:trPr>" if index < header_rows else "<w:tr>")
        parts.extend(_cell(slot.cell, slot.continued, widths, values) for slot in slots)
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    return "".join(parts)


def _cell(cell: GridCell, continued: bool, widths: list[int], values: dict[str, Any]) -> str:
    width = sum(widths[cell.column : cell.column + cell.colspan])
    span = f'<w:gridSpan w:val="{cell.colspan}"/>' if cell.colspan > 1 else ""
    merge = ("<w:vMerge/>" if continued else '<w:vMerge w:val="restart"/>') if cell.rowspan > 1 else ""
    text = "" if continued else cell.text if cell.key is None else cell_text(values[cell.key])
    align = "left" if cell.kind == "label" and cell.colspan > 1 else "center"
    run = _CELL_RUN.format(text=_escape_xml(text)) if text else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span}{merge}<w:vAlign w:val="center"/></w:tcPr>'
        f"{_CELL_PARAGRAPH.format(align=align)}{run}</w:p></w:tc>"
    )


def _document(report: Report) -> str:
    headings = {section.key: section.heading for section in SECTIONS}
    body: list[str] = []
    if report.title is not None:
        title = report.title
        body.append(_paragraph("\n".join(title[start : start + 50] for start in range(0, len(title), 50)), "Title"))
    body += _prose(report.preamble, "prose" if report.title is not None else "preamble")
    body.append(_paragraph(headings["overview"], "Heading1"))
    body += _prose(report.overview.paragraphs, "overview")
    for subsection in report.overview.subsections:
        body.append(_paragraph(subsection.heading, "Heading2"))
        body += _prose(subsection.paragraphs, "overview")
    values = values_of(report)
    for grid in report_grids(report):
        body.append(_paragraph(headings[grid.table], "Heading1"))
        body.append(_table(grid, values))
    body.append(_paragraph(headings["problems"], "Heading1"))
    body += _prose(report.problems, "prose")
    body.append(_paragraph(headings["other_matters"], "Heading1"))
    body += _prose(report.other_matters, "prose")
    body.append(
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1588" w:bottom="1984" '
        'w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>'
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{_W}" xmlns:r="{_R}"><w:body>' + "".join(body) + "</w:body></w:document>"
    )


def _member(archive: zipfile.ZipFile, name: str, data: str | bytes) -> None:
    # A fixed date makes the same report give the same bytes.
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, data)


def dumps_docx(report: Report) -> bytes:
    """*report* as the bytes of a Word document (see the module docstring)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        _member(archive, "[Content_Types].xml", _CONTENT_TYPES)
        _member(archive, "_rels/.rels", _RELS)
        _member(archive, "docProps/core.xml", _core(report.title))
        _member(archive, "word/document.xml", _document(report))
        _member(archive, "word/_rels/document.xml.rels", _DOCUMENT_RELS)
        _member(archive, "word/styles.xml", _STYLES)
    return buffer.getvalue()
