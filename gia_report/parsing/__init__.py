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
from functools import cache

import attrs

from .._cells import Equation, equations
from ..catalog import FORMATS, FormatVersion
from ..errors import GiaReportError, ParseError
from ..model import Report
from . import _layout_blank, _layout_collapsed, _layout_pipe, _layout_space, _layout_tab
from ._assemble import assemble
from ._detect import combine, detect_format, detect_layout
from ._document import GEOMETRY, Document, Grid, TableRow
from ._files import read_file
from ._forms import read_document
from ._narrative import read_front
from ._result import CellSource, Detection, Layout, Note, ParseResult, shorten
from ._sections import Sections, split_sections
from ._source import Line
from ._tables import TableReading, read_table

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

_TOKENIZERS: dict[Layout, Callable[[Sequence[Line]], list[TableRow]]] = {
    Layout.TAB: _layout_tab.tokenize,
    Layout.PIPE: _layout_pipe.tokenize,
    Layout.BLANK_LINE: _layout_blank.tokenize,
    Layout.SPACE: _layout_space.tokenize,
    Layout.COLLAPSED: _layout_collapsed.tokenize,
}
_TABLES = ("active", "requests", "appeals")
#: Strict mode lists at most this many notes in its error (all are in `parse_with_notes`).
_STRICT_SHOWN = 50


def parse(text: str | bytes, *, strict: bool = False) -> Report:
    """The `Report` in *text*, a 2019- or 2021-format report in the tab, pipe, blank-line or space layout.

    With *strict*, any note (see `parse_with_notes`) raises `ParseError`, which
    lists every note (up to 50; `parse_with_notes` gives them all).
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
        result, document = _parse(text)
    except GiaReportError:
        raise
    except Exception as error:
        from .. import __version__  # the package is imported by now; at module level it would be a cycle

        raise ParseError(
            f"internal error: a bug in gia_report {__version__}, not a fault of the input; please report it with the "
            f"input and this traceback: {type(error).__name__}: {error}",
            line=1,
        ) from error
    if strict and result.notes:
        first = result.notes[0]
        shown = [str(note) for note in result.notes[:_STRICT_SHOWN]]
        more = len(result.notes) - len(shown)
        listed = "\n".join(shown) + (f"\n… and {more} more" if more else "")
        raise ParseError(
            f"strict mode: {len(result.notes)} note(s):\n{listed}",
            line=first.line or 1,
            source_line=_line_text(document, first.line),
        )
    return result


def _line_text(document: Document, number: int | None) -> str:
    """The text of the first line of *document* numbered *number* (a web page's lines may share one)."""
    if number is None:
        return ""
    for block in document.blocks:
        if isinstance(block, Line) and block.number == number:
            return block.text
        if isinstance(block, Grid):
            for row in block.rows:
                if row.line == number:
                    return " | ".join(cell.text for cell in row.cells if cell.text)
    return ""


def _parse(data: str | bytes) -> tuple[ParseResult, Document]:
    # 1. Read the form into a document of lines and grids (decoding, furniture and chrome dropped).
    document = read_document(data)
    notes = list(document.notes)
    # 2. Split at the section headings (raises for a fragment or a pre-2019 report).
    sections = split_sections(document.blocks)
    # 3. Title, agency and year, then the format from its markers.
    front = read_front(sections.front, notes)
    version, _ = detect_format([*sections.front, *_table_lines(sections)], front.year)
    spec = FORMATS[version]
    # 4. Each table's grid: the form's own, or its lines tokenized in the layout they are written in.
    grids, detection = _grids(sections, document.layout)
    _unread_text(sections, notes)
    from ._markdown import mend  # markdown tables a converter broke apart: rows given their labels back (#8)

    grids = {key: mend(spec.table(key), grid, sections.lines(key), notes) for key, grid in grids.items()}
    instances = _instances(version)
    readings: dict[str, TableReading] = {}
    for key in _TABLES:
        if grids[key].geometry == "run":  # collapsed crawler text: the digits split by the identities (#9)
            from ._runs import read_runs

            readings[key] = read_runs(spec.table(key), grids[key], instances)
            continue
        readings[key] = read_table(spec.table(key), grids[key], instances)
    for key, reading in readings.items():
        if not reading.found:
            raise _at_heading(
                sections.headings[key],
                f"no row of table {spec.table(key).heading} could be read: expected its rows after this heading",
            )
    # 5. Put the cells together, blank where a row was not found.
    report, sources = assemble(version, readings, sections, front, notes)
    notes.sort(key=lambda note: (note.line is None, note.line or 0))
    spent = tuple(dict.fromkeys(equation for reading in readings.values() for equation in reading.spent))
    unsplit = {key: run for reading in readings.values() for key, run in reading.unsplit.items()}
    result = ParseResult(
        report=report, notes=tuple(notes), detection=detection, sources=sources, spent=spent, unsplit=unsplit
    )
    return result, document


@cache
def _instances(version: FormatVersion) -> tuple[Equation, ...]:
    """The identities of both readings of （六）其他处理: which one a report prints is known only once read."""
    return tuple(dict.fromkeys((*equations(version), *equations(version, other_as_one_row=True))))


def _table_lines(sections: Sections) -> list[Line]:
    """The lines of the table sections, a grid's rows as one line each (for the format markers)."""
    found: list[Line] = []
    for key in _TABLES:
        for block in sections.bodies[key]:
            if isinstance(block, Line):
                found.append(block)
            else:
                found.extend(Line(row.line, " ".join(cell.text for cell in row.cells)) for row in block.rows)
    return found


def _grids(sections: Sections, known: Layout | None) -> tuple[dict[str, Grid], Detection]:
    """The grid of each table, and the layout found with its evidence (or *known* by the reader)."""
    lines = {key: sections.lines(key) for key in _TABLES}
    own: dict[str, Detection | None] = {}
    for key in _TABLES:
        if sections.grids(key):
            continue
        if known is not None:
            own[key] = Detection(layout=known, evidence=((known, len(lines[key])),))
        else:
            own[key] = detect_layout(lines[key])
    detection = combine(own.values())
    if known is not None:
        detection = Detection(layout=known, evidence=((known, sum(len(found) for found in lines.values())),))
    grids: dict[str, Grid] = {}
    for key in _TABLES:
        printed = sections.grids(key)
        if printed:
            rows = tuple(row for grid in printed for row in grid.rows)
            grids[key] = attrs.evolve(printed[0], rows=rows)
            continue
        found = own[key] or detection
        if found is None:
            raise _at_heading(
                sections.headings[key],
                "expected table rows (cells separated by tabs, by ' | ', or one per line between blank lines) "
                "after this heading, but found none",
            )
        layout = found.layout
        rows = tuple(_TOKENIZERS[layout](lines[key]))
        grids[key] = Grid(rows, GEOMETRY[layout], layout, sections.headings[key].number)
    if detection is None:
        layout = grids["requests"].layout
        detection = Detection(layout=layout, evidence=((layout, sum(len(g.rows) for g in grids.values())),))
    return grids, detection


def _unread_text(sections: Sections, notes: list[Note]) -> None:
    """An ``unread-text`` note for each table section that prints text beside the grid it is read from.

    A web page or a Word document gives a table as its grid, and the lines
    around it (a caption, a remark, or the heading of the next section in
    words the reader does not know) are read as no cells: they are named,
    not dropped silently.
    """
    for key in _TABLES:
        if not sections.grids(key):
            continue
        printed = [line for line in sections.lines(key) if line.text.strip()]
        if printed:
            shown = shorten(" / ".join(line.text.strip() for line in printed))
            notes.append(
                Note(
                    code="unread-text",
                    message=f"{len(printed)} line(s) of text beside the table of section "
                    f"{sections.headings[key].text.strip()} not read: {shown!r}",
                    line=printed[0].number,
                )
            )


def _at_heading(heading: Line, message: str) -> ParseError:
    """A ParseError pointing at the first character of a section heading."""
    column = len(heading.text) - len(heading.text.lstrip()) + 1
    return ParseError(message, line=heading.number, column=column, source_line=heading.text)
