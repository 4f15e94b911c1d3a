"""Writing a report as a Word document (``.docx``): the national template, with zip and lxml alone.

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

The bytes are reproducible: the same report gives the same file.

>>> from gia_report.model import Report
>>> dumps_docx(Report(format_version="2021"))[:2]
b'PK'
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from typing import Any

from lxml import etree

from ..catalog import ESCAPE, SECTIONS
from ..model import Report
from ..parsing._narrative import reads_as_structure
from ._geometry import Grid, GridCell, cell_text, report_grids, values_of

__all__ = ["dumps_docx"]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_NSMAP: Any = {"w": _W, "r": _R}

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


def _escape_xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _core(title: str | None) -> str:
    named = f"<dc:title>{_escape_xml(title)}</dc:title>" if title is not None else ""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"{named}<dc:creator>gia_report</dc:creator></cp:coreProperties>"
    )


def _w(name: str) -> str:
    return f"{{{_W}}}{name}"


def _sub(parent: Any, name: str, **attributes: str) -> Any:
    return etree.SubElement(parent, _w(name), {_w(key): value for key, value in attributes.items()})


def _runs(paragraph: Any, text: str) -> None:
    """*text* as runs of *paragraph*: a tab is a ``w:tab``, a line break a ``w:br``."""
    run = _sub(paragraph, "r")
    for line_index, line in enumerate(text.split("\n")):
        if line_index:
            _sub(run, "br")
        for index, piece in enumerate(line.split("\t")):
            if index:
                _sub(run, "tab")
            if piece:
                t = _sub(run, "t")
                t.text = piece
                t.set(_XML_SPACE, "preserve")


def _paragraph(body: Any, text: str, style: str | None = None, *, center: bool = False) -> Any:
    paragraph = _sub(body, "p")
    if style is not None or center:
        properties = _sub(paragraph, "pPr")
        if style is not None:
            _sub(properties, "pStyle", val=style)
        if center:
            _sub(properties, "jc", val="center")
    if text:
        _runs(paragraph, text)
    return paragraph


def _prose(body: Any, paragraphs: Iterable[str], where: str) -> None:
    for text in paragraphs:
        _paragraph(body, ESCAPE + text if reads_as_structure(text, where) else text)


#: How many parts of the text width each label column takes; a value column takes one.
_LABEL_PARTS = {"active": (2,), "requests": (2, 2, 5), "appeals": ()}


def _widths(grid: Grid) -> list[int]:
    """Column widths: the label columns wide enough for their labels, the value columns alike."""
    parts = [*_LABEL_PARTS[grid.table], *[1] * (grid.width - len(_LABEL_PARTS[grid.table]))]
    unit = _TEXT_WIDTH // sum(parts)
    return [part * unit for part in parts]


def _table(body: Any, grid: Grid, values: dict[str, Any]) -> None:
    table = _sub(body, "tbl")
    properties = _sub(table, "tblPr")
    _sub(properties, "tblStyle", val="TableGrid")
    _sub(properties, "tblW", w="0", type="auto")
    _sub(properties, "jc", val="center")
    _sub(properties, "tblLayout", type="fixed")
    _sub(
        properties,
        "tblLook",
        val="04A0",
        firstRow="1",
        lastRow="0",
        firstColumn="1",
        lastColumn="0",
        noHBand="0",
        noVBand="1",
    )
    _sub(properties, "tblCaption", val=grid.heading)
    widths = _widths(grid)
    columns = _sub(table, "tblGrid")
    for width in widths:
        _sub(columns, "gridCol", w=str(width))
    header_rows = min(cell.row for cell in grid.cells if cell.key is not None)
    for index, slots in enumerate(grid.slots()):
        row = _sub(table, "tr")
        if index < header_rows:
            row_properties = _sub(row, "trPr")
            _sub(row_properties, "tblHeader")
        for slot in slots:
            _cell(row, slot.cell, slot.continued, widths, values)


def _cell(row: Any, cell: GridCell, continued: bool, widths: list[int], values: dict[str, Any]) -> None:
    element = _sub(row, "tc")
    properties = _sub(element, "tcPr")
    _sub(properties, "tcW", w=str(sum(widths[cell.column : cell.column + cell.colspan])), type="dxa")
    if cell.colspan > 1:
        _sub(properties, "gridSpan", val=str(cell.colspan))
    if cell.rowspan > 1:
        if continued:
            _sub(properties, "vMerge")
        else:
            _sub(properties, "vMerge", val="restart")
    _sub(properties, "vAlign", val="center")
    text = "" if continued else cell.text if cell.key is None else cell_text(values[cell.key])
    paragraph = _sub(element, "p")
    paragraph_properties = _sub(paragraph, "pPr")
    _sub(paragraph_properties, "spacing", after="0", line="240", lineRule="auto")
    _sub(paragraph_properties, "jc", val="left" if cell.kind == "label" and cell.colspan > 1 else "center")
    if text:
        run = _sub(paragraph, "r")
        run_properties = _sub(run, "rPr")
        _sub(run_properties, "sz", val="20")
        _sub(run_properties, "szCs", val="20")
        _sub(run, "t").text = text


def _document(report: Report) -> bytes:
    headings = {section.key: section.heading for section in SECTIONS}
    root = etree.Element(_w("document"), nsmap=_NSMAP)
    body = _sub(root, "body")
    if report.title is not None:
        title = report.title
        _paragraph(body, "\n".join(title[start : start + 50] for start in range(0, len(title), 50)), "Title")
    _prose(body, report.preamble, "prose" if report.title is not None else "preamble")
    _paragraph(body, headings["overview"], "Heading1")
    _prose(body, report.overview.paragraphs, "overview")
    for subsection in report.overview.subsections:
        _paragraph(body, subsection.heading, "Heading2")
        _prose(body, subsection.paragraphs, "overview")
    values = values_of(report)
    for grid in report_grids(report):
        _paragraph(body, headings[grid.table], "Heading1")
        _table(body, grid, values)
    _paragraph(body, headings["problems"], "Heading1")
    _prose(body, report.problems, "prose")
    _paragraph(body, headings["other_matters"], "Heading1")
    _prose(body, report.other_matters, "prose")
    section = _sub(body, "sectPr")
    _sub(section, "pgSz", w="11906", h="16838")
    _sub(section, "pgMar", top="2098", right="1588", bottom="1984", left="1588", header="851", footer="992", gutter="0")
    data: bytes = etree.tostring(root, encoding="UTF-8", xml_declaration=True, standalone=True)
    return data


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
