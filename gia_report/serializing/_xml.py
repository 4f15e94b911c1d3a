"""XML: the report in the vocabulary of ``report.xsd``; the only module that imports lxml.

Writing::

    <report xmlns="urn:gia-report:report:1" format_version="2021" agency="…" year="2023">
      <title>…</title>
      <preamble label="…"><p>…</p></preamble>
      <overview label="一、总体情况"><p>…</p><subsection heading="（一）主动公开"><p>…</p></subsection></overview>
      <active xsi:type="gia:Active2021" label="二、…"><regulations label="规章"><issued label="本年制发件数">0</issued>…
      <requests label="三、…"><new label="一、…"><natural_person label="自然人">3</natural_person>…
      <appeals label="四、…">…</appeals>
      <problems label="五、…"><p>…</p></problems>
      <other_matters label="六、…"><p>…</p></other_matters>
    </report>

An empty cell element is a cell printed blank; a row the report does not
print (``other_handling`` of a 2021 report) is absent.

Reading is safe: a document with a DTD (so any entity, internal or external)
is refused before it is parsed, nothing is loaded from outside the document,
and its size and depth are bounded, as are its numbers (`MAX_DIGITS` digits,
as in a parsed cell). Every problem raises `ParseError` with the line, quoting
a long value shortened.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import cache
from operator import attrgetter
from typing import Any

import attrs
from lxml import etree

from .._safe_xml import parse_xml
from ..catalog import FORMATS, SECTIONS, Column, FormatVersion
from ..errors import ParseError
from ..model import Overview, Report, Subsection
from ..parsing._numbers import MAX_DIGITS
from ..records import cell_layout, report_from_cells
from ._converter import describe, fits
from ._xsd import NAMESPACE

__all__ = ["MAX_DEPTH", "MAX_SIZE", "dumps_xml", "loads_xml"]

#: The largest document read, in characters; a report is some tens of kilobytes.
MAX_SIZE = 10_000_000
#: The deepest nesting read: report / overview / subsection / p is four.
MAX_DEPTH = 6

_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_NS = f"{{{NAMESPACE}}}"
_HEADINGS = {section.key: section.heading for section in SECTIONS}


def _value(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _sub(parent: Any, name: str, text: str | None = None, **attributes: str) -> Any:
    element = etree.SubElement(parent, _NS + name, attributes)
    if text is not None:
        element.text = text
    return element


def _paragraphs(parent: Any, paragraphs: tuple[str, ...]) -> None:
    for text in paragraphs:
        _sub(parent, "p", text)


def dumps_xml(report: Report) -> str:
    """*report* as an XML document valid against ``report.xsd``."""
    texts = [report.title or "", report.agency or "", *report.preamble, *report.overview.paragraphs]
    for subsection in report.overview.subsections:
        texts += [subsection.heading, *subsection.paragraphs]
    texts += [*report.problems, *report.other_matters]
    if _UNWRITABLE.search("".join(texts)):
        return _dumps_lxml(report)  # which refuses what XML cannot hold, as it always did
    out = [_HEAD.format(version=_attribute(str(report.format_version)))]
    if report.agency is not None:
        out.append(f' agency="{_attribute(report.agency)}"')
    if report.year is not None:
        out.append(f' year="{report.year}"')
    out.append(">\n")
    if report.title is not None:
        out.append(f"  <title>{_text(report.title)}</title>\n")
    out.append(_section("preamble", "", report.preamble, "  "))
    overview = report.overview
    if overview.paragraphs or overview.subsections:
        out.append(f"  <overview{_label('overview')}>\n")
        out.extend(f"    <p>{_text(text)}</p>\n" for text in overview.paragraphs)
        for subsection in overview.subsections:
            out.append(
                _section("subsection", f' heading="{_attribute(subsection.heading)}"', subsection.paragraphs, "    ")
            )
        out.append("  </overview>\n")
    else:
        out.append(f"  <overview{_label('overview')}/>\n")
    cells = _cells(report.format_version, report.requests.other_as_one_row)
    out.extend(
        [
            f"{before}{blank}"
            if value is None
            else f"{before}{start}{value if type(value) is int else _value(value)}{end}"
            for value, (before, blank, start, end) in zip(cells.read(report)[:-1], cells.pieces, strict=True)
        ]
    )
    out.append(cells.after)
    out.append(_section("problems", f' label="{_attribute(_HEADINGS["problems"])}"', report.problems, "  "))
    out.append(
        _section("other_matters", f' label="{_attribute(_HEADINGS["other_matters"])}"', report.other_matters, "  ")
    )
    out.append("</report>\n")
    return "".join(out)


#: The characters an XML document cannot hold (and lxml refuses): C0 controls but tab and line breaks,
#: surrogates, U+FFFE and U+FFFF. Text with any is written by lxml, which refuses it as it always did.
_UNWRITABLE = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_HEAD = (
    f"<?xml version='1.0' encoding='UTF-8'?>\n"
    f'<report xmlns="{NAMESPACE}" xmlns:gia="{NAMESPACE}" xmlns:xsi="{_XSI}" format_version="{{version}}"'
)


def _text(text: str) -> str:
    """*text* as lxml writes it in an element."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _attribute(text: str) -> str:
    """*text* as lxml writes it in an attribute's double quotes."""
    return _text(text).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")


@cache
def _label(section: str) -> str:
    """The label attribute of a section's element."""
    return f' label="{_attribute(_HEADINGS[section])}"'


def _section(name: str, attributes: str, paragraphs: tuple[str, ...], indent: str) -> str:
    """An element of paragraphs, as lxml pretty-prints it at *indent*."""
    if not paragraphs:
        return f"{indent}<{name}{attributes}/>\n"
    inner = "".join(f"{indent}  <p>{_text(text)}</p>\n" for text in paragraphs)
    return f"{indent}<{name}{attributes}>\n{inner}{indent}</{name}>\n"


@attrs.frozen
class _Cells:
    """The tables of one layout as written: ``read`` gives the report's cell values in order (and one more);
    each cell is written as its ``pieces`` say (the lines opening its row and table before it, then the
    cell blank, or its start, value and end); ``after`` closes the last row and table."""

    read: attrgetter[tuple[Any, ...]]
    pieces: tuple[tuple[str, str, str, str], ...]
    after: str


@cache
def _cells(format_version: FormatVersion, other_as_one_row: bool) -> _Cells:
    pieces: list[tuple[str, str, str, str]] = []
    paths: list[str] = []
    before = ""
    table_key = row_key = None
    for table, row, column in cell_layout(format_version, other_as_one_row=other_as_one_row):
        if table.key != table_key:
            if table_key is not None:
                before += f"    </{row_key}>\n  </{table_key}>\n"
            typed = f' xsi:type="gia:Active{format_version}"' if table.key == "active" else ""
            before += f'  <{table.key} label="{_attribute(table.heading)}"{typed}>\n'
            table_key, row_key = table.key, None
        if row.key != row_key:
            if row_key is not None:
                before += f"    </{row_key}>\n"
            before += f'    <{row.key} label="{_attribute(row.label)}">\n'
            row_key = row.key
        start = f'      <{column.key} label="{_attribute(column.label)}"'
        pieces.append((before, f"{start}/>\n", f"{start}>", f"</{column.key}>\n"))
        paths.append(f"{table.key}.{row.key}.{column.key}")
        before = ""
    # One more path keeps attrgetter's result a tuple whatever the number of cells.
    read = attrgetter(*paths, paths[0])
    return _Cells(read, tuple(pieces), f"    </{row_key}>\n  </{table_key}>\n")


def _dumps_lxml(report: Report) -> str:
    """*report* written by lxml: what `dumps_xml` writes, byte for byte, and its way for text XML cannot hold."""
    attributes: dict[str, str] = {"format_version": str(report.format_version)}
    if report.agency is not None:
        attributes["agency"] = report.agency
    if report.year is not None:
        attributes["year"] = str(report.year)
    namespaces: Any = {None: NAMESPACE, "gia": NAMESPACE, "xsi": _XSI}  # None names the default namespace
    root = etree.Element(_NS + "report", attributes, nsmap=namespaces)
    if report.title is not None:
        _sub(root, "title", report.title)
    _paragraphs(_sub(root, "preamble"), report.preamble)
    overview = _sub(root, "overview", label=_HEADINGS["overview"])
    _paragraphs(overview, report.overview.paragraphs)
    for subsection in report.overview.subsections:
        _paragraphs(_sub(overview, "subsection", heading=subsection.heading), subsection.paragraphs)
    spec = FORMATS[report.format_version]
    tables: dict[str, Any] = {}
    rows: dict[tuple[str, str], Any] = {}
    for table, row, column in cell_layout(report.format_version, other_as_one_row=report.requests.other_as_one_row):
        if table.key not in tables:
            tables[table.key] = _sub(root, table.key, label=table.heading)
            if table.key == "active":
                tables[table.key].set(f"{{{_XSI}}}type", f"gia:Active{spec.version}")
        if (table.key, row.key) not in rows:
            rows[(table.key, row.key)] = _sub(tables[table.key], row.key, label=row.label)
        value = getattr(getattr(getattr(report, table.key), row.key), column.key)
        _sub(rows[(table.key, row.key)], column.key, _value(value), label=column.label)
    _paragraphs(_sub(root, "problems", label=_HEADINGS["problems"]), report.problems)
    _paragraphs(_sub(root, "other_matters", label=_HEADINGS["other_matters"]), report.other_matters)
    body: bytes = etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True)
    return body.decode("utf-8")


# --- Reading -----------------------------------------------------------------------------


def _refuse(text: str, message: str, line: int, column: int = 1) -> ParseError:
    lines = text.split("\n")
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    return ParseError(message, line=line, column=column, source_line=source)  # shown windowed by ParseError


def _line_of(element: Any) -> int:
    line = element.sourceline
    return line if isinstance(line, int) and line > 0 else 1


def _parse_safely(text: str) -> Any:
    """The root of *text*, parsed by the safe parser every XML reader shares, and no deeper than a report."""
    root = parse_xml(text, what="the XML document", max_size=MAX_SIZE)
    # A node MAX_DEPTH deep has an element one shallower above it: without any, there is none to look for.
    if not _DEEPER(root):
        return root
    for element in root.iter():
        depth = sum(1 for _ in element.iterancestors())
        if depth >= MAX_DEPTH:
            raise _refuse(text, f"the XML document nests deeper than {MAX_DEPTH} elements: refused", _line_of(element))
    return root


#: The elements with MAX_DEPTH - 1 ancestors, found by libxml2.
_DEEPER = etree.XPath("/" + "/".join(["*"] * MAX_DEPTH))

#: Every name of the vocabulary by its tag, the namespace's braces included.
_NAMES = {
    _NS + name: name
    for name in {
        "report",
        "title",
        "p",
        "subsection",
        *(section.key for section in SECTIONS),
        *(table.key for spec in FORMATS.values() for table in spec.tables),
        *(row.key for spec in FORMATS.values() for table in spec.tables for row in table.rows),
        *(column.key for spec in FORMATS.values() for table in spec.tables for column in table.columns),
    }
}
_INTEGER = re.compile(r"-?[0-9]+")


class _Reader:
    """Reads the elements of one document, refusing anything outside the vocabulary with its line."""

    def __init__(self, text: str) -> None:
        self.text = text

    def fail(self, element: Any, message: str) -> ParseError:
        return _refuse(self.text, message, _line_of(element))

    def name(self, element: Any) -> str:
        tag = element.tag
        if not isinstance(tag, str) or not tag.startswith(_NS):
            raise self.fail(element, f"unexpected element {tag!r}: expected an element of namespace {NAMESPACE}")
        return tag[len(_NS) :]

    def children(self, element: Any, expected: set[str] | None = None) -> list[tuple[str, Any]]:
        found = []
        for child in element:
            name = _NAMES.get(child.tag) or self.name(child)
            if expected is not None and name not in expected:
                raise self.fail(child, f"unexpected element <{name}> in <{self.name(element)}>")
            found.append((name, child))
        if element.text and element.text.strip() and expected is not None:
            raise self.fail(element, f"unexpected text in <{self.name(element)}>")
        return found

    def paragraphs(self, element: Any) -> tuple[str, ...]:
        return tuple(child.text or "" for _, child in self.children(element, {"p"}))

    def wrong(self, text: str, column: Column) -> str:
        return f"cell <{column.key}> holds {describe(text)}: expected a {column.kind}"

    def cell(self, element: Any, column: Column) -> int | Decimal | None:
        text = (element.text or "").strip()
        if len(element):
            raise self.fail(element, f"cell <{column.key}> holds elements: expected a number or nothing")
        if not text:
            return None
        if column.kind != "money":
            if not _INTEGER.fullmatch(text):
                raise self.fail(element, self.wrong(text, column))
            # Counted before int() sees it: int() of thousands of digits raises.
            digits = len(text.lstrip("-"))
            if digits > MAX_DIGITS:
                raise self.fail(
                    element, f"cell <{column.key}> holds a number of {digits} digits: a number has at most {MAX_DIGITS}"
                )
            return int(text)
        try:
            value = Decimal(text)
        except InvalidOperation:
            raise self.fail(element, self.wrong(text, column)) from None
        if not value.is_finite():
            raise self.fail(element, self.wrong(text, column))
        if not fits(value):
            raise self.fail(
                element, f"cell <{column.key}> holds {describe(text)}: a number has at most {MAX_DIGITS} digits"
            )
        return value


def loads_xml(text: str) -> Report:
    """The report in the XML document *text*; refuses hostile or malformed documents with `ParseError`."""
    if not isinstance(text, str):
        raise ParseError(f"expected the text of an XML document (str), not {type(text).__name__}", line=1)
    if len(text) <= MAX_SIZE and text.startswith(_HEAD_START):
        written = _written_by_us(text)
        if written is not None:
            return written
    root = _parse_safely(text)
    reader = _Reader(text)
    try:
        return _read(root, reader)
    except ParseError:
        raise
    except (TypeError, ValueError) as error:
        raise reader.fail(root, f"not a valid report: {error}") from None


# --- Reading what dumps_xml writes ------------------------------------------------------------
#
# A document exactly as `dumps_xml` writes it is read from its text: the report its values make is
# written again, and taken only if that gives the document back character for character. What the
# XML parser would have read from it is then that report (reading what dumps_xml writes gives the
# report written), and nothing else was in it. Any other document (another layout of the same XML,
# an error anywhere) is parsed and read element by element.

_HEAD_START = _HEAD.split("{", 1)[0]
_ROOT = re.compile(
    r'<report xmlns="[^"]*" xmlns:gia="[^"]*" xmlns:xsi="[^"]*" format_version="([^"]*)"'
    r'(?: agency="([^"]*)")?(?: year="([0-9]{4})")?>\n(?:  <title>([^<]*)</title>\n)?'
)
_TAGS = re.compile(r'<(/?)([a-z_]+)(?: (?:label|heading)="([^"]*)")?(/?)>([^<]*)')
_WRITTEN_CELL = re.compile(r'\n      <[a-z_]+ label="[^"]*"(?:/>|>([^<]*)</)')
_WRITTEN_COUNTS = re.compile(rf"(?:-?[0-9]{{1,{MAX_DIGITS}}})?(?:\n(?:-?[0-9]{{1,{MAX_DIGITS}}})?)*")
_ESCAPES = re.compile(r"&(amp|lt|gt|quot|#13|#10|#9);")
_UNESCAPED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "#13": "\r", "#10": "\n", "#9": "\t"}


def _unescape(text: str) -> str:
    return _ESCAPES.sub(lambda found: _UNESCAPED[found.group(1)], text) if "&" in text else text


def _written_by_us(text: str) -> Report | None:
    """The report of *text* if *text* is exactly what `dumps_xml` writes of it, else ``None``."""
    root = _ROOT.match(text, _HEAD_START.index("<report"))
    start, end = text.find("\n  <active "), text.find("\n  </appeals>\n")
    if root is None or start < 0 or end < start or root.group(1) not in FORMATS:
        return None
    version: FormatVersion = "2019" if root.group(1) == "2019" else "2021"
    one_row = version == "2019" or "\n    <other_handling " in text[start:end]
    keys, money = _row_keys(version, one_row)
    values = _WRITTEN_CELL.findall(text, start, end + 1)
    if len(values) != len(keys):
        return None
    numbers = list(values)
    for at in money:
        numbers[at] = ""
    # Every count a number of at most MAX_DIGITS digits, or nothing (the amounts are read apart).
    if not _WRITTEN_COUNTS.fullmatch("\n".join(numbers)):
        return None
    try:
        cells: dict[str, Any] = dict(zip(keys, [int(value) if value else None for value in numbers], strict=True))
        for at in money:
            amount = Decimal(values[at]) if values[at] else None
            if amount is not None and not (amount.is_finite() and fits(amount)):
                return None
            cells[keys[at]] = amount
        texts: dict[str, list[str]] = {"preamble": [], "overview": [], "problems": [], "other_matters": []}
        subsections: list[Subsection] = []
        within = ""
        for closing, name, attribute, _, after in (*_TAGS.findall(text, root.end(), start), *_TAGS.findall(text, end)):
            if closing:
                continue
            if name in texts:
                within = name
            elif name == "subsection":
                subsections.append(Subsection(heading=_unescape(attribute), paragraphs=()))
            elif name == "p" and within == "overview" and subsections:
                last = subsections[-1]
                subsections[-1] = Subsection(heading=last.heading, paragraphs=(*last.paragraphs, _unescape(after)))
            elif name == "p":
                texts[within].append(_unescape(after))
        agency, year, title = root.group(2, 3, 4)
        report = report_from_cells(
            version,
            cells,
            other_as_one_row=one_row,
            agency=None if agency is None else _unescape(agency),
            year=None if year is None else int(year),
            title=None if title is None else _unescape(title),
            preamble=tuple(texts["preamble"]),
            overview=Overview(paragraphs=tuple(texts["overview"]), subsections=tuple(subsections)),
            problems=tuple(texts["problems"]),
            other_matters=tuple(texts["other_matters"]),
        )
        return report if dumps_xml(report) == text else None
    except Exception:  # a value the model refuses, or any other surprise: the parser says what is wrong
        return None


@cache
def _row_keys(format_version: FormatVersion, other_as_one_row: bool) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """The key of every cell of a layout in the order dumps_xml writes them, and the positions of the amounts."""
    layout = list(cell_layout(format_version, other_as_one_row=other_as_one_row))
    keys = tuple(f"{table.key}/{row.key}/{column.key}" for table, row, column in layout)
    return keys, tuple(at for at, (_, _, column) in enumerate(layout) if column.kind == "money")


@cache
def _row_cells(format_version: FormatVersion, table: str, row: str) -> dict[str, tuple[Column, str]]:
    """The cells of a row by their tags: each one's column and key ``table/row/column``."""
    columns = FORMATS[format_version].table(table).row(row).columns
    return {_NS + column.key: (column, f"{table}/{row}/{column.key}") for column in columns}


def _read_row(element: Any, columns: dict[str, tuple[Column, str]], cells: dict[str, Any], reader: _Reader) -> bool:
    """Read the cells of the row *element* into *cells*, and whether it was read so.

    Only a row made of its cells, each holding a number or nothing, is read here, its counts read at
    once; anything else (an element or text where none belongs, a cell that is no number) is left to
    the element-by-element reading, which says what is wrong where.
    """
    if element.text and element.text.strip():
        return False
    for child in element:
        found = columns.get(child.tag)
        if found is None or len(child):
            return False
        column, key = found
        text = child.text
        if text is None:
            cells[key] = None
        elif column.kind == "count" and len(text) <= MAX_DIGITS and text.isdigit() and text.isascii():
            cells[key] = int(text)
        else:
            try:
                cells[key] = reader.cell(child, column)
            except ParseError:
                return False
    return True


def _read(root: Any, reader: _Reader) -> Report:
    if reader.name(root) != "report":
        raise reader.fail(root, f"the root element is <{reader.name(root)}>: expected <report>")
    version = root.get("format_version")
    if version not in FORMATS:
        raise reader.fail(root, f"format_version is {version!r}: expected one of {', '.join(FORMATS)}")
    fv: FormatVersion = "2019" if version == "2019" else "2021"
    year_text = root.get("year")
    if year_text is not None and not re.fullmatch(r"[0-9]{4}", year_text):
        raise reader.fail(root, f"year is {year_text!r}: expected four digits")
    parts = dict(
        reader.children(
            root, {"title", "preamble", "overview", "active", "requests", "appeals", "problems", "other_matters"}
        )
    )
    cells: dict[str, Any] = {}
    one_row = False
    for table in FORMATS[fv].tables:
        element = parts.get(table.key)
        if element is None:
            raise reader.fail(root, f"<report> has no <{table.key}>")
        known = {row.key: row for row in table.rows}
        for row_name, row_element in reader.children(element, set(known)):
            one_row |= row_name == "other_handling"
            if not _read_row(row_element, _row_cells(fv, table.key, row_name), cells, reader):
                columns = {column.key: column for column in known[row_name].columns}
                for column_name, cell in reader.children(row_element, set(columns)):
                    cells[f"{table.key}/{row_name}/{column_name}"] = reader.cell(cell, columns[column_name])
    overview = parts.get("overview")
    subsections: list[Subsection] = []
    paragraphs: list[str] = []
    if overview is not None:
        for name, child in reader.children(overview, {"p", "subsection"}):
            if name == "p":
                paragraphs.append(child.text or "")
            else:
                subsections.append(Subsection(heading=child.get("heading", ""), paragraphs=reader.paragraphs(child)))
    title = parts.get("title")
    return report_from_cells(
        fv,
        cells,
        other_as_one_row=one_row or fv == "2019",
        agency=root.get("agency"),
        year=int(year_text) if year_text is not None else None,
        title=None if title is None else (title.text or ""),
        preamble=reader.paragraphs(parts["preamble"]) if "preamble" in parts else (),
        overview=Overview(paragraphs=tuple(paragraphs), subsections=tuple(subsections)),
        problems=reader.paragraphs(parts["problems"]) if "problems" in parts else (),
        other_matters=reader.paragraphs(parts["other_matters"]) if "other_matters" in parts else (),
    )
