"""Parsing: text → lines → sections → layout → rows of cells → labels → the model.

`parse` returns the `Report`; `parse_with_notes` returns a `ParseResult` with
the report, every note (a tolerated oddity, or a cell that could not be placed
with certainty, with its line), the layout detected with its evidence, and
where each cell's value came from.

.. versionadded:: 0.1
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from ..catalog import FORMATS, FormatVersion
from ..errors import GiaReportError, ParseError
from ..model import Report
from ..records import cell_layout, report_from_cells
from . import _layout_blank, _layout_pipe, _layout_space, _layout_tab
from ._detect import combine, detect_format, detect_layout
from ._files import read_file
from ._narrative import read_front, read_overview, read_paragraphs
from ._result import CellSource, Detection, Layout, Note, ParseResult
from ._sections import split_sections
from ._source import Line, decode, drop_furniture, split_lines
from ._tables import TableReading, read_appeals, read_labelled_table
from ._tokens import RawRow

__all__ = [
    "CellSource",
    "Detection",
    "Layout",
    "Note",
    "ParseResult",
    "parse",
    "parse_file",
    "parse_with_notes",
]

_TOKENIZERS: dict[Layout, Callable[[Sequence[Line]], list[RawRow]]] = {
    Layout.TAB: _layout_tab.tokenize,
    Layout.PIPE: _layout_pipe.tokenize,
    Layout.BLANK_LINE: _layout_blank.tokenize,
    Layout.SPACE: _layout_space.tokenize,
}
_TABLES = ("active", "requests", "appeals")


def parse(text: str | bytes, *, strict: bool = False) -> Report:
    """The `Report` in *text*, a 2019- or 2021-format report in the tab, pipe, blank-line or space layout.

    With *strict*, any note (see `parse_with_notes`) raises `ParseError`.
    Raises `ParseError` (a ``ValueError``) for text that is not such a report,
    and no other exception.

    >>> parse(open("report.txt", encoding="utf-8").read()).requests.new.total  # doctest: +SKIP
    21

    .. versionadded:: 0.1
    """
    return parse_with_notes(text, strict=strict).report


def parse_file(path: str | os.PathLike[str], *, strict: bool = False) -> Report:
    """The `Report` in the text file at *path* (UTF-8, with or without BOM, or GB 18030).

    .. versionadded:: 0.1
    """
    return parse(read_file(path), strict=strict)


def parse_with_notes(text: str | bytes, *, strict: bool = False) -> ParseResult:
    """Parse *text* and return the report with its notes, layout and source map.

    .. versionadded:: 0.1
    """
    try:
        result = _parse(text)
    except GiaReportError:
        raise
    except Exception as error:
        raise ParseError(f"internal error while reading the report: {type(error).__name__}: {error}", line=1) from error
    if strict and result.notes:
        first = result.notes[0]
        source = _line_text(text, first.line)
        raise ParseError(f"strict mode: {first.message} [{first.code}]", line=first.line or 1, source_line=source)
    return result


def _line_text(text: str | bytes, number: int | None) -> str:
    if number is None:
        return ""
    lines = split_lines(decode(text))
    return lines[number - 1].text if 0 < number <= len(lines) else ""


def _parse(data: str | bytes) -> ParseResult:
    # 1. Decode, unify line endings, drop page furniture.
    lines, notes = drop_furniture(split_lines(decode(data)))
    # 2. Split at the section headings (raises for a fragment or a pre-2019 report).
    sections = split_sections(lines)
    # 3. Title, agency and year, then the format from its markers.
    front = read_front(sections.front, notes)
    table_lines = [line for key in _TABLES for line in sections.bodies[key]]
    version, _ = detect_format([*sections.front, *table_lines], front.year)
    spec = FORMATS[version]
    # 4. The layout, found from all table lines, and each table read in it.
    own = {key: detect_layout(sections.bodies[key]) for key in _TABLES}
    detection = combine(own.values())
    if detection is None:
        raise _at_heading(
            sections.headings["active"],
            "expected table rows (cells separated by tabs, by ' | ', or one per line between blank lines) "
            "after this heading, but found none",
        )
    readings: dict[str, TableReading] = {}
    for key in _TABLES:
        body = sections.bodies[key]
        found = own[key]
        layout = found.layout if found is not None else detection.layout
        rows = _TOKENIZERS[layout](body)
        table = spec.table(key)
        reader = read_appeals if key == "appeals" else read_labelled_table
        readings[key] = reader(table, rows, layout, spec.identities)
    for key, reading in readings.items():
        if not reading.found:
            raise _at_heading(
                sections.headings[key],
                f"no row of table {spec.table(key).heading} could be read: expected its rows after this heading",
            )
    # 5. Put the cells together, blank where a row was not found.
    other_as_one_row = _other_as_one_row(version, readings["requests"], notes)
    cells: dict[str, object] = {}
    sources: dict[str, CellSource] = {}
    for reading in readings.values():
        notes.extend(reading.notes)
        sources.update(reading.sources)
    missing: set[tuple[str, str]] = set()
    for table, row, column in cell_layout(version, other_as_one_row=other_as_one_row):
        key = f"{table.key}/{row.key}/{column.key}"
        if row.key not in readings[table.key].found and (table.key, row.key) not in missing:
            missing.add((table.key, row.key))
            heading = sections.headings[table.key]
            notes.append(
                Note(
                    code="missing-row",
                    message=f"row {row.label} of table {table.key} not found: its cells are blank",
                    line=heading.number,
                )
            )
        cells[key] = readings[table.key].values.get(key)
    sources = {key: source for key, source in sources.items() if key in cells}
    report = report_from_cells(
        version,
        cells,  # type: ignore[arg-type]
        other_as_one_row=other_as_one_row,
        agency=front.agency,
        year=front.year,
        title=front.title,
        preamble=front.preamble,
        overview=read_overview(sections.bodies.get("overview", ())),
        problems=read_paragraphs(sections.bodies.get("problems", ())),
        other_matters=read_paragraphs(sections.bodies.get("other_matters", ())),
    )
    notes.sort(key=lambda note: (note.line is None, note.line or 0))
    return ParseResult(report=report, notes=tuple(notes), detection=detection, sources=sources)


def _at_heading(heading: Line, message: str) -> ParseError:
    """A ParseError pointing at the first character of a section heading."""
    column = len(heading.text) - len(heading.text.lstrip()) + 1
    return ParseError(message, line=heading.number, column=column, source_line=heading.text)


def _other_as_one_row(version: FormatVersion, requests: TableReading, notes: list[Note]) -> bool:
    """Whether a 2021 report prints （六）其他处理 as one row (the hybrid of FORMAT.md §2.3)."""
    if version == "2019":
        return True
    three = [key for key in ("other_no_correction", "other_unpaid_fees", "other_other") if key in requests.found]
    line = requests.found.get("other_handling")
    if line is None:
        return False
    one_row_values = [
        v for k, v in requests.values.items() if k.startswith("requests/other_handling/") and v is not None
    ]
    if three:
        if one_row_values:
            notes.append(
                Note(
                    code="unplaced-cells",
                    message="（六）其他处理 has values of its own beside its three rows: those values are not read",
                    line=line,
                )
            )
        return False
    notes.append(
        Note(
            code="other-as-one-row",
            message="（六）其他处理 printed as one row, as in the 2019 format: read as other_handling",
            line=line,
        )
    )
    return True
