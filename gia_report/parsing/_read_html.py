"""Reading a web page: the report found inside the site's chrome, as lines and grids.

A government site prints the report inside 100–360 KB of navigation, scripts,
footers and links to other articles. The page is read in four steps:

1. **Decode** by the byte order mark, else the charset the page declares
   (``<meta charset>``, ``<meta http-equiv="Content-Type" content="…; charset=gb2312">``,
   ``<?xml … encoding?>``; GB 2312 and GBK are read as their superset GB 18030),
   checked against the bytes: a page that is valid UTF-8 is UTF-8 whatever it
   declares, and one that is neither gets a note where bytes were replaced.
2. **Parse** safely (`gia_report._safe_xml.parse_html`): no network, no
   entities, bounded size (`MAX_PAGE`) and depth. Scripts and styles go.
3. **Find the content root**: the lowest element holding every section
   heading the page prints, found from the text nodes that can end a heading
   (every title ends in 况 or 事项) in one pass up their ancestors. Navigation,
   headers, footers, forms, frames and asides inside it are left out.
4. **Walk** the root in document order: each paragraph (a ``<br>`` splits one)
   is a `Line` numbered by its source line; each data table (one with no table
   inside, whose cells are not whole sections) is a `Grid` with its spans
   expanded (`gia_report.parsing._spans`); a layout table is walked into.

The title is looked for among the lines before the first heading (lines
before it are site chrome, dropped with a note); when the content holds none,
the page's heading elements, its ``ArticleTitle`` meta and its ``<title>``
are tried, so that the agency and year are read from the title.

.. versionadded:: 0.2
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from typing import Any

from lxml import etree

from .._safe_xml import parse_html
from ..catalog import SECTIONS
from ..errors import ParseError
from ._chrome import drop_front_chrome
from ._document import Block, Document
from ._result import Layout, Note
from ._sections import heading_of
from ._source import Line
from ._spans import Printed, PrintedRow, grid_blocks

__all__ = ["MAX_PAGE", "declared_charset", "read_html"]

#: The largest page read, in bytes (or characters for text): the largest real pages are some 400 KB.
MAX_PAGE = 16 * 1024 * 1024

# What is never part of a report: its subtree is left out wherever it stands in the content.
_SKIP = frozenset(
    (
        *("script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "applet"),
        *("svg", "math", "select", "button", "textarea", "input", "nav", "header", "footer", "form", "aside"),
        *("head", "title", "meta", "link", "base", "map", "canvas", "audio", "video"),
    )
)
# Dropped from the whole page before the content root is looked for (their text is code).
_CODE = ("script", "style", "noscript", "template")
# Elements that end the line before them and start a new one.
_BLOCK = frozenset(
    (
        *("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre"),
        *("center", "section", "article", "main", "address", "figure", "figcaption", "caption", "table", "thead"),
        *("tbody", "tfoot", "tr", "td", "th", "hr", "fieldset", "legend", "details", "summary", "body", "html"),
        *("nav", "header", "footer", "form", "aside", "iframe"),
    )
)
_CELLS = frozenset(("td", "th"))
_TABLE_PARTS = frozenset(("thead", "tbody", "tfoot", "tr", "td", "th"))
_HEADINGS = ("h1", "h2", "h3")
# Text nodes that may end a section heading: every title ends in 况 or 事项.
# (A tail is a text node of the element around it, in XPath: the owners are the elements these lines stand in.)
_HEADING_TEXT = etree.XPath("//body//text()[contains(., '况') or contains(., '事项')]")
_HEADING_TEXT_TRADITIONAL = etree.XPath("//body//text()[contains(., '況') or contains(., '事項')]")
_MAX_HEADING_TEXT = 60  # a heading line is at most 40 characters; its text nodes hold little else
_REQUIRED = frozenset(section.key for section in SECTIONS if section.required)
_MAX_SPAN = 1000  # the most columns a colspan can cover (the HTML standard's limit)
_MAX_ROWSPAN = 65534
_SPAN = re.compile(r"\s*([0-9]{1,6})")

_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_GB = frozenset(("gb2312", "gbk", "gb18030", "x-gbk", "cp936", "gb_2312-80", "csgb2312", "euc-cn", "hz-gb-2312"))
# A segment break between two wide characters is no space (CSS Text): Chinese text wraps anywhere.
_WIDE = "\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_SEGMENT_BREAK = re.compile(rf"(?<=[{_WIDE}])[ \t\r]*\n\s*(?=[{_WIDE}])")
# The parts of a page's <title>: "报告名称-栏目-站点".
_TITLE_PARTS = re.compile(r"\s*(?:[-_|—–]+|>>|»)\s*")


def declared_charset(data: bytes) -> str | None:
    """The Python codec of the charset *data* declares (meta or XML declaration), or ``None``.

    >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')
    'gb18030'
    """
    # Browsers look at the first 1024 bytes; pages put it later too, but within their <head>.
    head = data[:4096]
    found = _XML_ENCODING.match(head) or _CHARSET.search(head)
    if found is None:
        end = data.find(b"</head", 0, 65536)
        found = _CHARSET.search(data, 0, end if end >= 0 else 65536)
    if found is None:
        return None
    name = found.group(1).decode("ascii").lower()
    if name in _GB:
        return "gb18030"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _decode(data: bytes, declared: str | None) -> tuple[bytes, list[Note]]:
    """The UTF-8 bytes of the page *data*, and a note when its bytes had to be replaced or its charset was wrong."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding).lstrip("\ufeff").encode("utf-8"), []
            except UnicodeDecodeError:
                break
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        notes = []
        if declared not in (None, "utf-8", "ascii") and not data.isascii():
            notes.append(
                Note(code="charset", message=f"the page declares {declared} but is UTF-8: read as UTF-8", line=1)
            )
        return data, notes
    for encoding in dict.fromkeys([declared or "gb18030", "gb18030"]):
        try:
            return data.decode(encoding).encode("utf-8"), []
        except (UnicodeDecodeError, LookupError):
            continue
    encoding = declared or "gb18030"
    text = data.decode(encoding, errors="replace")
    note = Note(code="charset", message=f"bytes that are not {encoding} replaced by U+FFFD", line=1)
    return text.encode("utf-8"), [note]


def read_html(data: str | bytes) -> Document:
    """The `Document` of the web page *data* (its text, or its bytes in any charset it declares)."""
    if len(data) > MAX_PAGE:
        unit = "characters" if isinstance(data, str) else "bytes"
        raise ParseError(f"the web page is larger than {MAX_PAGE:,} {unit}: refused unread", line=1)
    notes: list[Note] = []
    page = None
    if isinstance(data, str):
        page = parse_html(data.lstrip("\ufeff").encode("utf-8"), max_size=4 * MAX_PAGE)
    else:
        declared = declared_charset(data)
        if declared in (None, "utf-8") and not data.startswith(_BOMS):
            # Most pages are UTF-8: libxml2 checks the bytes as it parses, and only others are decoded here.
            page = parse_html(data, max_size=MAX_PAGE, utf8_only=True)
        if page is None:
            body, notes = _decode(data, declared)
            page = parse_html(body, max_size=4 * MAX_PAGE)
    etree.strip_elements(page, *_CODE, with_tail=False)
    headings = _heading_blocks(page)
    root = _content_root(page, headings)
    walker = _Walker(headings)
    walker.walk(root)
    blocks = drop_front_chrome(walker.blocks, notes, _page_titles(page))
    return Document(blocks=tuple(blocks), form="html", notes=tuple(notes))


def _clean(text: str) -> str:
    """*text* as a browser shows it: whitespace runs one space (none between wide characters), stripped."""
    if "\n" in text:
        text = _SEGMENT_BREAK.sub("", text)
    return " ".join(text.split())


_PRE = re.compile(r"white-space\s*:\s*pre(?:-wrap)?\b", re.I)


def _keeps_whitespace(element: Any) -> bool:
    """Whether the block *element* shows its whitespace as written (``<pre>``, ``white-space: pre``)."""
    return element is not None and (element.tag == "pre" or bool(_PRE.search(element.get("style") or "")))


def _line_of(element: Any, default: int) -> int:
    line = element.sourceline
    return line if isinstance(line, int) and line > 0 else default


def _lines(top: Any) -> list[str]:
    """The lines of text inside *top* (its paragraphs and ``<br>``-broken lines), cleaned, blank ones left out."""
    lines: list[str] = []
    parts: list[str] = []

    def flush() -> None:
        if parts:
            text = _clean("".join(parts))
            if text:
                lines.append(text)
            parts.clear()

    walker = etree.iterwalk(top, events=("start", "end"))
    for event, element in walker:
        tag = element.tag
        if event == "start":
            if element is not top:
                if tag in _SKIP:
                    walker.skip_subtree()
                    continue
                if tag == "br" or tag in _BLOCK:
                    flush()
            if element.text:
                parts.append(element.text)
        elif element is not top:
            if tag in _BLOCK or tag in _SKIP:
                flush()
            if element.tail:
                parts.append(element.tail)
    flush()
    return lines


def _block_of(element: Any) -> Any:
    """The nearest element around *element* (itself included) that starts a line: its paragraph, cell, item."""
    while element is not None and element.tag not in _BLOCK:
        element = element.getparent()
    return element


def _heading_blocks(page: Any) -> dict[Any, str]:
    """The elements that hold a line that is a section heading, each with that section's key, in document order.

    Every section title ends in 况 or 事项: only the text nodes holding one are
    looked at (in traditional characters only when none is found otherwise).
    """
    found: dict[Any, str] = {}
    seen: set[Any] = set()
    for query in (_HEADING_TEXT, _HEADING_TEXT_TRADITIONAL):
        texts: Any = query(page)
        for text in texts:
            if len(text) > _MAX_HEADING_TEXT and len(text.strip()) > _MAX_HEADING_TEXT:
                continue
            owner = text.getparent()
            if owner is not None and text.is_tail:
                owner = owner.getparent()
            block = _block_of(owner)
            if block is None or block in seen:
                continue
            seen.add(block)
            for line in _lines(block):
                section = heading_of(Line(0, line))
                if section is not None:
                    found[block] = section.key
                    break
        if set(found.values()) >= _REQUIRED:
            break
    return found


def _content_root(page: Any, headings: dict[Any, str]) -> Any:
    """The lowest element holding every section heading the page prints (the body if the tables' are missing)."""
    keys: dict[Any, set[str]] = {}
    depth: dict[Any, int] = {}
    order: dict[Any, int] = {}
    for position, (block, key) in enumerate(headings.items()):
        ancestors = [block, *block.iterancestors()]
        for level, element in enumerate(ancestors):
            keys.setdefault(element, set()).add(key)
            depth.setdefault(element, len(ancestors) - level)
            order.setdefault(element, position)
    printed = set(headings.values())
    if len(printed & _REQUIRED) < 2:
        body = page.find("body")
        return body if body is not None else page
    holding = [element for element, found in keys.items() if found == printed]
    root = max(holding, key=lambda element: (depth[element], -order[element]))
    # Headings printed in the rows of one table: the root is the table, whatever it turns out to be.
    while root.tag in _TABLE_PARTS and root.getparent() is not None:
        root = root.getparent()
    return root


def _is_data_table(table: Any, headings: dict[Any, str]) -> bool:
    """Whether *table* holds data: no table inside, a row of two cells or more, and no cell holding two sections."""
    if table.find(".//table") is not None:
        return False
    if not any(sum(1 for cell in row if cell.tag in _CELLS) > 1 for row in table.iter("tr")):
        return False
    holding: dict[Any, int] = {}
    for block in headings:
        cell = block if block.tag in _CELLS else next((e for e in block.iterancestors(*_CELLS)), None)
        if cell is not None and any(a is table for a in cell.iterancestors("table")):
            holding[cell] = holding.get(cell, 0) + 1
            if holding[cell] > 1:
                return False
    return True


def _span(value: str | None, limit: int) -> int:
    if value is None:
        return 1
    if value.isascii() and value.isdigit() and len(value) <= 6:
        return max(1, min(int(value), limit))
    found = _SPAN.match(value)
    if found is None:
        return 1
    return max(1, min(int(found.group(1)), limit))


# The elements inside a cell that break its text into lines.
_CELL_BLOCKS = tuple(sorted(_BLOCK - _CELLS - {"tr", "table", "thead", "tbody", "tfoot"}))
# Put where a cell's text breaks, so that its text is read in one call and split there (a private-use character).
_MARK = "\ue000"


def _mark_breaks(table: Any) -> None:
    """Mark where the text inside *table*'s cells breaks: before and after each block element, after each <br>."""
    for element in table.iter(*_CELL_BLOCKS):
        element.text = _MARK + (element.text or "")
        element.tail = _MARK + (element.tail or "")
    for element in table.iter("br"):
        element.tail = _MARK + (element.tail or "")


def _cell_lines(cell: Any) -> tuple[str, ...]:
    """The lines of one cell of a table whose breaks are marked."""
    text = etree.tostring(cell, method="text", encoding="unicode", with_tail=False).strip(_MARK)
    if _MARK not in text:
        text = _clean(text)
        return (text,) if text else ()
    return tuple(line for line in (_clean(part) for part in text.split(_MARK) if part) if line)


def _table_rows(table: Any, fallback: int) -> list[PrintedRow]:
    """The printed rows of a data table, each cell with its lines and spans (a rowspan kept within the table)."""
    _mark_breaks(table)
    rows = list(table.iter("tr"))
    count = len(rows)
    printed: list[PrintedRow] = []
    for index, row in enumerate(rows):
        line = row.sourceline or fallback
        remaining = count - index
        cells = []
        for cell in row:
            tag = cell.tag
            if tag != "td" and tag != "th":
                continue
            colspan = cell.get("colspan")
            span = 1 if colspan is None else _span(colspan, _MAX_SPAN)
            rowspan = cell.get("rowspan")
            down = 1
            if rowspan is not None:
                # rowspan="0" reaches the end of the table, and no rowspan reaches past it.
                down = remaining if rowspan.strip() == "0" else min(_span(rowspan, _MAX_ROWSPAN), remaining)
            cells.append(Printed(_cell_lines(cell), line, span, down))
        printed.append(PrintedRow(line, tuple(cells)))
        fallback = line
    return printed


class _Walker:
    """Walks the content root in document order, making a line of each paragraph and a grid of each data table."""

    def __init__(self, headings: dict[Any, str]) -> None:
        self.headings = headings
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.start: Any = None  # the element the line being read started in
        self.last: Any = None  # the element last entered
        self.keep = False  # whether the line being read keeps its whitespace as written

    def line(self) -> int:
        """The source line of the element last entered (or of one before it, for an element the parser added)."""
        element = self.last
        while element is not None:
            number = element.sourceline
            if number:
                return int(number)
            element = element.getprevious() if element.getprevious() is not None else element.getparent()
        return 1

    def text(self, text: str) -> None:
        if not self.parts:
            self.start = self.line()
            self.keep = _keeps_whitespace(_block_of(self.last))
        self.parts.append(text)

    def flush(self) -> None:
        if self.parts:
            joined = "".join(self.parts)
            if self.keep:
                # <pre> and white-space:pre(-wrap): the page shows tabs and runs of spaces as written.
                self.blocks.extend(Line(self.start, line.strip()) for line in joined.split("\n") if line.strip())
            else:
                text = _clean(joined)
                if text:
                    self.blocks.append(Line(self.start, text))
            self.parts.clear()

    def table(self, table: Any) -> None:
        """The data *table* as its grid, after a line of its caption's text (a page may caption a table with
        its section's heading)."""
        self.flush()
        self.last = table
        line = self.line()
        for caption in table.iterchildren("caption"):
            text = _clean(etree.tostring(caption, method="text", encoding="unicode", with_tail=False))
            if text:
                self.blocks.append(Line(caption.sourceline or line, text))
        self.blocks.extend(grid_blocks(_table_rows(table, line), Layout.HTML, line))

    def walk(self, top: Any) -> None:
        if top.tag == "table" and _is_data_table(top, self.headings):
            self.table(top)
            return
        walker = etree.iterwalk(top, events=("start", "end"))
        for event, element in walker:
            tag = element.tag
            if event == "start":
                self.last = element
                if element is not top:
                    if tag in _SKIP:
                        walker.skip_subtree()
                        continue
                    if tag == "table" and _is_data_table(element, self.headings):
                        self.table(element)
                        walker.skip_subtree()
                        continue
                    if tag == "br" or tag in _BLOCK:
                        self.flush()
                text = element.text
                if text:
                    self.text(text)
            elif element is not top:
                if tag in _BLOCK or tag in _SKIP:
                    self.flush()
                text = element.tail
                if text:
                    self.text(text)
        self.flush()


def _page_titles(page: Any) -> Iterator[tuple[int, str]]:
    """Titles the page gives outside the content: its heading elements, its ArticleTitle meta, its <title>."""
    for element in page.iter(*_HEADINGS):
        for line in _lines(element):
            yield _line_of(element, 1), line
    for meta in page.iter("meta"):
        if (meta.get("name") or "").lower() in ("articletitle", "title", "dc.title"):
            yield _line_of(meta, 1), meta.get("content") or ""
    for title in page.iter("title"):
        text = "".join(title.itertext())
        yield _line_of(title, 1), text
        for part in _TITLE_PARTS.split(text):
            yield _line_of(title, 1), part
