"""Structural mutations of a report's tables: the cells a text layout printed, as rows, mutated and written again.

`lay_out` reads what `gia_report.dumps` wrote in a text layout back into rows
of cells, each value cell carrying the key (``table/row/column``) and the value
it prints, so that a mutation that moves, deletes or relabels cells knows what
each remaining cell means. `render` writes the rows in the layout again
(unmutated, exactly what `dumps` wrote), and `expected` gives the value each
cell key must read as: the value its cell prints, or, for a cell a mutation
removed, the value it printed before (which a reader can then only leave
``None`` with a note, or find again by chance).

The mutations in `MUTATIONS` are the ones editors, PDF extractors and web
pages make. Each takes a hypothesis ``draw`` and the printed tables and
returns them mutated, or ``None`` when it has nothing to work on.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import strategies as st

import gia_report
from gia_report.catalog import FORMATS, SECTIONS, Table

__all__ = ["MUTATIONS", "Cell", "Printed", "Row", "Section", "ambiguous", "expected", "lay_out", "render"]

Value = int | Decimal | None

#: Defects of the reader that a mutation can run into while they stand, each reproduced by a strict xfail
#: test of tests/property/test_mutations.py that names it. A mutation that meets one marks the cells at
#: risk (`Printed.at_risk`) and the property tolerates exactly those. When the reader is fixed, the xfail
#: passes (and fails the suite): remove the entry here, the test's marker, and the marking. Empty: every
#: defect the suite found is fixed, and its reproduction is a regression test.
KNOWN: dict[str, str] = {}


def _closed(printed: Printed) -> bool:
    """Whether a label line of the pipe and markdown layouts may be closed by '|'."""
    return printed.layout in ("pipe", "markdown")


#: The layouts `gia_report.dumps` writes, then three it does not: ``markdown`` (the pipe layout with a leading
#: ``|`` and a ``|---|`` rule under each table's first row) and ``space`` (PDF text: the non-empty cells of a
#: row on one line, label cells parted by two spaces, values by one; a blank leaves no cell).
DUMPED = ("tab", "pipe", "blank-line")
#: ``html`` is a web page whose tables print one ``<td>`` per cell of the rows (``colspan`` where a mutation
#: spans cells), not `gia_report.dumps`'s page: its template spans would not survive the mutations of rows.
LAYOUTS = (*DUMPED, "markdown", "space", "html")
_TABLES = ("active", "requests", "appeals")
_HEADINGS = {section.key: section.heading for section in SECTIONS}


@attrs.frozen
class Cell:
    """One printed cell: its text and, for a value cell, the key and value it prints."""

    text: str
    key: str | None = None
    value: Value = None
    #: blank-line layout: the cell's line is written without its opening tab (an empty line for an empty cell).
    bare: bool = False
    #: One of the two parts of a value split over two cells.
    part: bool = False
    #: The grid columns the cell spans (``colspan`` in HTML; in text, the cell and span - 1 empty ones after it).
    span: int = 1


@attrs.frozen
class Row:
    """One printed row: its cells, the index of its label cell (data rows), or a line printed as is."""

    cells: tuple[Cell, ...] = ()
    label: int | None = None
    #: A line printed as is in any layout (page furniture), not a row of cells.
    raw: str | None = None
    #: pipe layout: the row is not closed by ``|``.
    open: bool = False
    #: A header row naming the columns in an order a mutation changed: without it no reader could know the order.
    order: bool = False

    @property
    def values(self) -> tuple[int, ...]:
        """The indices of the value cells."""
        return tuple(i for i, cell in enumerate(self.cells) if cell.key is not None)

    @property
    def is_data(self) -> bool:
        """Whether the row holds value cells."""
        return self.raw is None and bool(self.values)

    @property
    def is_header(self) -> bool:
        """Whether the row is a header, caption or block row (no label, no values, not a raw line)."""
        return self.raw is None and self.label is None and not self.values


@attrs.frozen
class Section:
    """One table section: its table key and its printed rows."""

    key: str
    rows: tuple[Row, ...]


@attrs.frozen
class Printed:
    """A report's text in a layout: the lines around its tables, its tables as rows, and the cells removed."""

    layout: str
    version: str
    head: tuple[str, ...]
    sections: tuple[Section, ...]
    tail: tuple[str, ...]
    #: Value cells a mutation removed, with the value they printed.
    lost: tuple[Cell, ...] = ()
    #: (cell key, defect) for the cells a mutation put at risk of a known defect of the reader (see `KNOWN`).
    known: tuple[tuple[str, str], ...] = ()

    def __repr__(self) -> str:
        # Hypothesis shows the arguments of the strategies it drew from: a report's cells would be 100 kB.
        return f"Printed({self.layout}, {self.version}, {sum(len(s.rows) for s in self.sections)} table rows)"

    def section(self, key: str) -> Section:
        """The section of table *key*."""
        return next(section for section in self.sections if section.key == key)

    def replace(self, key: str, rows: tuple[Row, ...], lost: tuple[Cell, ...] = ()) -> Printed:
        """The same text with the rows of table *key* replaced, *lost* added to the cells removed."""
        sections = tuple(attrs.evolve(s, rows=rows) if s.key == key else s for s in self.sections)
        return attrs.evolve(self, sections=sections, lost=(*self.lost, *lost))

    def at_risk(self, cells: Iterable[Cell], defect: str) -> Printed:
        """The same text, the value cells among *cells* marked as at risk of the known *defect*."""
        assert defect in KNOWN, defect
        risky = tuple((cell.key, defect) for cell in cells if cell.key is not None)
        return attrs.evolve(self, known=(*self.known, *risky))

    def table(self, key: str) -> Table:
        """The catalog's table *key* of this report's format."""
        return FORMATS[self.version].table(key)  # type: ignore[index]


# --- Reading what dumps wrote -------------------------------------------------------------------------------


def _cells_of(lines: list[str], layout: str) -> list[list[str]]:
    if layout == "tab":
        return [line.split("\t") for line in lines]
    if layout == "pipe":
        assert all(line.endswith(" |") for line in lines), lines
        return [line[:-2].split(" | ") for line in lines]
    rows: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line == "":
            rows.append(current)
            current = []
        else:
            assert line.startswith("\t"), line
            current.append(line[1:])
    assert not current, current
    return rows


_VALUE = re.compile(r"^(?:-?\d+(?:\.\d+)?)?$")


def _drawn(report: gia_report.Report, key: str) -> Value:
    table, row, column = key.split("/")
    value: Value = getattr(getattr(getattr(report, table), row), column)
    return value


def _annotate(report: gia_report.Report, table: Table, texts: list[list[str]]) -> tuple[Row, ...]:
    rows: list[Row] = []
    labels = {row.label: row for row in table.rows}
    for cells in texts:
        if table.key == "appeals":
            # One data row of 15 values under three header rows whose captions are the groups' labels.
            keys = [f"appeals/{row.key}/{column.key}" for row in table.rows for column in row.columns]
            if len(cells) == len(keys) and all(_VALUE.match(text) for text in cells):
                rows.append(Row(tuple(Cell(t, key, _drawn(report, key)) for t, key in zip(cells, keys, strict=True))))
            else:
                rows.append(Row(tuple(Cell(text) for text in cells)))
            continue
        label = next(
            (
                i
                for i in reversed(range(len(cells)))
                if cells[i] in labels and len(cells) - i - 1 == len(labels[cells[i]].columns)
            ),
            None,
        )
        if label is None:
            rows.append(Row(tuple(Cell(text) for text in cells)))
            continue
        spec = labels[cells[label]]
        keys = [f"{table.key}/{spec.key}/{column.key}" for column in spec.columns]
        values = tuple(Cell(text, key, _drawn(report, key)) for text, key in zip(cells[label + 1 :], keys, strict=True))
        rows.append(Row((*(Cell(text) for text in cells[: label + 1]), *values), label=label))
    return tuple(rows)


def lay_out(report: gia_report.Report, layout: str) -> Printed:
    """*report* as `gia_report.dumps` writes it in *layout*, its tables read back as rows of annotated cells."""
    # markdown and PDF text are written from the pipe rows, the page from the tab rows.
    source = layout if layout in DUMPED else "tab" if layout == "html" else "pipe"
    text = gia_report.dumps(report, source)
    assert isinstance(text, str)
    lines = text.split("\n")
    assert lines[-1] == ""
    lines = lines[:-1]
    starts = [lines.index(_HEADINGS[key]) for key in _TABLES]
    end = lines.index(_HEADINGS["problems"])
    bounds = [*starts, end]
    sections = []
    for key, start, stop in zip(_TABLES, bounds, bounds[1:], strict=False):
        table = FORMATS[report.format_version].table(key)
        cells = _cells_of(lines[start + 1 : stop], source)
        sections.append(Section(key, _annotate(report, table, cells)))
    return Printed(
        layout=layout,
        version=report.format_version,
        head=tuple(lines[: starts[0]]),
        sections=tuple(sections),
        tail=tuple(lines[end:]),
    )


# --- Writing it again ----------------------------------------------------------------------------------------


def _td(cell: Cell) -> str:
    span = f' colspan="{cell.span}"' if cell.span > 1 else ""
    return f"<td{span}>{html.escape(cell.text)}</td>"


def _row_lines(row: Row, layout: str) -> list[str]:
    if layout == "html":
        return [f"<tr>{''.join(map(_td, row.cells)) if row.raw is None else _td(Cell(row.raw))}</tr>"]
    if row.raw is not None:
        return [row.raw, ""] if layout == "blank-line" else [row.raw]
    cells = [spanned for cell in row.cells for spanned in (cell, *(Cell("") for _ in range(cell.span - 1)))]
    row = attrs.evolve(row, cells=tuple(cells))
    texts = [cell.text for cell in row.cells]
    if layout == "tab":
        return ["\t".join(texts)]
    if layout == "pipe":
        return [" | ".join(texts) + ("" if row.open else " |")]
    if layout == "markdown":
        return ["| " + " | ".join(texts) + ("" if row.open else " |")]
    if layout == "space":
        line = ""
        for cell in row.cells:
            if cell.text:
                line += ("" if not line else " " if cell.key is not None else "  ") + cell.text
        return [line]
    return [*(cell.text if cell.bare else "\t" + cell.text for cell in row.cells), ""]


def render(printed: Printed) -> str:
    """The text of *printed*: its tables in its layout between the lines around them."""
    if printed.layout == "html":
        return _page(printed)
    lines = list(printed.head)
    for section in printed.sections:
        lines.append(_HEADINGS[section.key])
        for number, row in enumerate(section.rows):
            lines.extend(_row_lines(row, printed.layout))
            if printed.layout == "markdown" and number == 0:
                lines.append("|" + "---|" * max(len(row.cells), 1))
    lines.extend(printed.tail)
    return "\n".join(lines) + "\n"


def _page(printed: Printed) -> str:
    """*printed* as a web page: its lines as paragraphs, each table a ``<table>`` of one ``<td>`` per cell."""
    lines = ['<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>report</title></head><body>']
    lines.extend(f"<p>{html.escape(line)}</p>" for line in printed.head)
    for section in printed.sections:
        lines.append(f"<p>{html.escape(_HEADINGS[section.key])}</p>\n<table>")
        for row in section.rows:
            lines.extend(_row_lines(row, "html"))
        lines.append("</table>")
    lines.extend(f"<p>{html.escape(line)}</p>" for line in printed.tail)
    lines.append("</body></html>")
    return "\n".join(lines) + "\n"


def tables_text(printed: Printed) -> str:
    """The text of the three table sections of *printed* only (for a failure's message)."""
    text = render(printed)
    # The heading on a line (or paragraph) of its own: narrative that quotes one is escaped, not on its own.
    if printed.layout == "html":
        start, end = text.index(f"<p>{_HEADINGS['active']}</p>"), text.index(f"<p>{_HEADINGS['problems']}</p>")
    else:
        start, end = text.index(f"\n{_HEADINGS['active']}\n"), text.index(f"\n{_HEADINGS['problems']}\n")
    return text[start:end]


def expected(printed: Printed) -> dict[str, Value]:
    """What each cell key must read as: the value of its printed cell, or of the cell removed (none printed)."""
    found: dict[str, Value] = {}
    for cell in printed.lost:
        assert cell.key is not None
        found[cell.key] = cell.value
    for section in printed.sections:
        for row in section.rows:
            for cell in row.cells:
                if cell.key is not None:
                    found[cell.key] = cell.value
    return found


# --- The mutations -------------------------------------------------------------------------------------------

Mutation = Callable[[st.DrawFn, Printed], "Printed | None"]
MUTATIONS: dict[str, Mutation] = {}


def _mutation(function: Mutation) -> Mutation:
    MUTATIONS[function.__name__.strip("_").replace("_", "-")] = function
    return function


def _pick(draw: st.DrawFn, items: list[Any]) -> Any:
    return items[draw(st.integers(0, len(items) - 1))]


def _places(printed: Printed, keep: Callable[[Row], bool], tables: tuple[str, ...] = _TABLES) -> list[tuple[str, int]]:
    return [
        (section.key, i)
        for section in printed.sections
        if section.key in tables
        for i, row in enumerate(section.rows)
        if keep(row)
    ]


def _row_at(printed: Printed, where: tuple[str, int]) -> Row:
    return printed.section(where[0]).rows[where[1]]


def _labelled_row(
    draw: st.DrawFn, printed: Printed, keep: Callable[[Row], bool]
) -> tuple[tuple[str, int], Row, int] | None:
    """A row drawn among the labelled rows *keep* selects: where it stands, the row and its label's index."""
    places = _places(printed, keep)
    if not places:
        return None
    where = _pick(draw, places)
    row = _row_at(printed, where)
    assert row.label is not None
    return where, row, row.label


def _with_row(printed: Printed, where: tuple[str, int], *rows: Row, lost: tuple[Cell, ...] = ()) -> Printed:
    key, index = where
    old = printed.section(key).rows
    return printed.replace(key, (*old[:index], *rows, *old[index + 1 :]), lost)


def _removed(cells: tuple[Cell, ...]) -> tuple[Cell, ...]:
    return tuple(cell for cell in cells if cell.key is not None)


@_mutation
def blank_cell(draw: st.DrawFn, printed: Printed) -> Printed | None:
    """A value printed blank: its text erased, its separators kept."""
    places = [
        (where, i)
        for where in _places(printed, lambda r: r.is_data)
        for i in _row_at(printed, where).values
        if _row_at(printed, where).cells[i].text
    ]
    if not places:
        return None
    where, i = _pick(draw, places)
    row = _row_at(printed, where)
    cells = list(row.cells)
    cells[i] = attrs.evolve(cells[i], text="", value=None)
    return _with_row(printed, where, attrs.evolve(row, cells=tuple(cells)))


def _strip(row: Row) -> Row:
    cells = list(row.cells)
    while cells and not cells[-1].text:
        cells.pop()
    return attrs.evolve(row, cells=tuple(cells))


@_mutation
def strip_trailing(draw: st.DrawFn, printed: Printed) -> Printed | None:
    """A row's trailing empty cells dropped with their separators (editors strip trailing tabs)."""
    places = _places(printed, lambda r: r.raw is None and bool(r.cells) and not r.cells[-1].text)
    if not places:
        return None
    where = _pick(draw, places)
    row = _row_at(printed, where)
    stripped = _strip(row)
    return _with_row(printed, where, stripped, lost=_removed(row.cells[len(stripped.cells) :]))


@_mutation
def strip_every_row(draw: st.DrawFn, printed: Printed) -> Printed | None:
    """Every row of one table (or all tables) without its trailing empty cells, as a whole file saved by an editor."""
    keys = draw(st.sampled_from([_TABLES, *((key,) for key in _TABLES)]))
    for key in keys:
        rows = printed.section(key).rows
        stripped = tuple(_strip(row) if row.raw is None else row for row in rows)
        lost = tuple(c for old, new in zip(rows, stripped, strict=True) for c in _removed(old.cells[len(new.cells) :]))
        printed = printed.replace(key, stripped, lost)
    return printed


@_mutation
def delete_last_cell(draw: st.DrawFn, printed: Printed) -> Printed | None:
    """A data row's last cell deleted with its separator, whatever it printed."""
    places = _places(printed, lambda r: r.is_data and r.values[-1] == len(r.cells) - 1)
    if not places:
        return None
    where = _pick(draw, places)
    row = _row_at(printed, where)
    return _with_row(printed, where, attrs.evolve(row, cells=row.cells[:-1]), lost=row.cells[-1:])


def _before_label(row: Row, i: int) -> bool:
    return row.label is None or i < row.label


@_mutation
def delete_structural_cell(draw: st.DrawFn, printed: Printed) -> Printed | None:
    """An empty cell that is no value (before a label, or in a header) deleted with its separator."""
    places = [
        (where, i)
        for where in _places(printed, lambda r: r.raw is None)
        for i, cell in enumerate(_row_at(printed, where).cells)
        if cell.key is None and not cell.text and _before_label(_row_at(printed, where), i)
    ]
    if not places:
        return None
    where, i = _pick(draw, places)
    row = _row_at(printed, where)
    label = None if row.label is None else row.label - 1
    return _with_row(printed, where, attrs.evolve(row, cells=(*row.cells[:i], *row.cells[i + 1 :]), label=label))


@_mutation
def drop_group_label(draw: st.DrawFn, printed: Printed) -> Printed | None:
    """The group label (（三）不予公开 …) before a row's label deleted, or blanked."""
    picked = _labelled_row(
        draw, printed, lambda r: r.label is not None and r.label > 0 and bool(r.cells[r.label - 1].text)
    )
    if picked is None:
        return None
    where, row, i = picked
    if draw(st.booleans()):
        return _with_row(printed, where, attrs.evolve(row, cells=(*row.cells[: i - 1], *row.cells[i:]), label=i - 1))
    cells = list(row.cells)
    cells[i - 1] = Cell("")
    return _with_row(printed, where, attrs.evolve(row, cells=tuple(cells)))


@_mutation
def merge_label_and_value(draw: st.DrawFn, printed: Printed) -> Printed | None:
    """A row's label and its first value printed in one cell (a lost separator), with or without a space."""
    # With the first value blank, the merge deletes a value cell: the row is then the same text as one whose
    # last cell was stripped, and no reader can tell them apart.
    picked = _labelled_row(
        draw,
        printed,
        lambda r: (
            r.is_data
            and r.label is not None
            and r.values[0] == r.label + 1
            and bool(r.cells[r.label + 1].text)
            # Merged again, two numbers would run together: the same text as one number, which no reader can split.
            and not r.cells[r.label].text[-1:].isdigit()
        ),
    )
    if picked is None:
        return None
    where, row, i = picked
    joiner = draw(st.sampled_from(["", " "]))
    merged = Cell(row.cells[i].text + joiner + row.cells[i + 1].text)
    cells = (*row.cells[:i], merged, *row.cells[i + 2 :])
    return _with_row(printed, where, attrs.evolve(row, cells=cells), lost=row.cells[i + 1 : i + 2])


@_mutation
def merge_header_cells(draw: st.DrawFn, printed: Printed) -> Printed | None:
    """Two neighbouring cells of a header row printed as one."""
    places = [
        (where, i)
        for where in _places(printed, lambda r: r.is_header and len(r.cells) > 1)
        for i in range(len(_row_at(printed, where).cells) - 1)
    ]
    if not places:
        return None
    where, i = _pick(draw, places)
    row = _row_at(printed, where)
    merged = Cell(row.cells[i].text + row.cells[i + 1].text)
    return _with_row(printed, where, attrs.evolve(row, cells=(*row.cells[:i], merged, *row.cells[i + 2 :])))


@_mutation
def split_label(draw: st.DrawFn, printed: Printed) -> Printed | None:
    """A row's label printed over two cells (a word processor's column boundary inside it)."""
    picked = _labelled_row(draw, printed, lambda r: r.label is not None and len(r.cells[r.label].text) > 1)
    if picked is None:
        return None
    where, row, i = picked
    text = row.cells[i].text
    cut = draw(st.integers(1, len(text) - 1))
    cells = (*row.cells[:i], Cell(text[:cut]), Cell(text[cut:]), *row.cells[i + 1 :])
    return _with_row(printed, where, attrs.evolve(row, cells=cells, label=i + 1))


@_mutation
def drop_header_row(draw: st.DrawFn, printed: Printed) -> Printed | None:
    """A header, caption or block row left out (not one that alone says the columns are printed in another order)."""
    places = _places(printed, lambda r: r.is_header and not r.order)
    if not places:
        return None
    return _with_row(printed, _pick(draw, places))


@_mutation
def duplicate_header_row(draw: st.DrawFn, printed: Printed) -> Printed | None:
    """A header row printed again further down its table (repeated at a page break)."""
    places = _places(printed, lambda r: r.is_header)
    if not places:
        return None
    key, index = _pick(draw, places)
    rows = printed.section(key).rows
    at = draw(st.integers(index + 1, len(rows)))
    return printed.replace(key, (*rows[:at], rows[index], *rows[at:]))


@_mutation
def move_row(draw: st.DrawFn, printed: Printed) -> Printed | None:
    """A labelled row printed elsewhere in its table."""
    places = _places(printed, lambda r: r.is_data and r.label is not None)
    if not places:
        return None
    key, index = _pick(draw, places)
    rows = list(printed.section(key).rows)
    row = rows.pop(index)
    rows.insert(draw(st.integers(0, len(rows))), row)
    return printed.replace(key, tuple(rows))


@_mutation
def delete_row(draw: st.DrawFn, printed: Printed) -> Printed | None:
    """A labelled row left out (its values are then unknown)."""
    places = _places(printed, lambda r: r.is_data and r.label is not None)
    if not places:
        return None
    where = _pick(draw, places)
    return _with_row(printed, where, lost=_removed(_row_at(printed, where).cells))


@_mutation
def duplicate_row(draw: st.DrawFn, printed: Printed) -> Printed | None:
    """A labelled row printed twice, the same values both times."""
    places = _places(printed, lambda r: r.is_data and r.label is not None)
    if not places:
        return None
    key, index = _pick(draw, places)
    rows = printed.section(key).rows
    at = draw(st.integers(index + 1, len(rows)))
    return printed.replace(key, (*rows[:at], rows[index], *rows[at:]))


def _appeal_keys(printed: Printed) -> list[tuple[str, str, list[str]]]:
    """(row label, row key, column keys) of each appeals row in national order."""
    table = printed.table("appeals")
    return [(row.label, row.key, [column.key for column in row.columns]) for row in table.rows]


def _appeal_cells(printed: Printed) -> dict[str, Cell]:
    return {cell.key: cell for row in printed.section("appeals").rows for cell in row.cells if cell.key is not None}


@_mutation
def appeals_labelled(draw: st.DrawFn, printed: Printed) -> Printed | None:
    """The appeals table printed as three rows each with its group label, in any order, under a caption row or none."""
    cells = _appeal_cells(printed)
    groups = _appeal_keys(printed)
    if any(f"appeals/{key}/{column}" not in cells for _, key, columns in groups for column in columns):
        return None
    order = draw(st.permutations(groups))
    rows: list[Row] = []
    if draw(st.booleans()):
        captions = [column.label for column in printed.table("appeals").rows[0].columns]
        rows.append(Row((Cell(""), *(Cell(caption) for caption in captions))))
    for label, key, columns in order:
        rows.append(Row((Cell(label), *(cells[f"appeals/{key}/{column}"] for column in columns)), label=0))
    return printed.replace("appeals", tuple(rows))


@_mutation
def appeals_transposed(draw: st.DrawFn, printed: Printed) -> Printed | None:
    """The appeals table printed transposed: one row per caption (结果维持 …), one column per group, any order."""
    cells = _appeal_cells(printed)
    groups = _appeal_keys(printed)
    if any(f"appeals/{key}/{column}" not in cells for _, key, columns in groups for column in columns):
        return None
    order = draw(st.permutations(groups))
    table = printed.table("appeals")
    captions = [(column.label, column.key) for column in table.rows[0].columns]
    if draw(st.booleans()):
        captions = draw(st.permutations(captions))
    rows = [Row((Cell(""), *(Cell(label) for label, _, _ in order)))]
    for caption, column in captions:
        rows.append(Row((Cell(caption), *(cells[f"appeals/{key}/{column}"] for _, key, _ in order))))
    return printed.replace("appeals", tuple(rows))


_ENUMERATOR = re.compile(r"^(?:(\d+)\.|（([一二三四五六七八九十]+)）|([一二三四五六七八九十]+)、)")
_CHINESE = "一二三四五六七八九"


def _enumerator(label: str) -> re.Match[str] | None:
    return _ENUMERATOR.match(label)


def _relabelled(draw: st.DrawFn, printed: Printed, make: Callable[[str, Any], str | None]) -> Printed | None:
    picked = _labelled_row(draw, printed, lambda r: r.label is not None)
    if picked is None:
        return None
    where, row, i = picked
    spec = next((r for r in printed.table(where[0]).rows if row.cells[i].text in r.labels), None)
    if spec is None:
        return None
    text = make(row.cells[i].text, spec)
    all_labels = {label for table in FORMATS.values() for t in table.tables for r in t.rows for label in r.labels}
    if text is None or text == row.cells[i].text or (text in all_labels and text not in spec.labels):
        return None
    cells = list(row.cells)
    cells[i] = Cell(text)
    return _with_row(printed, where, attrs.evolve(row, cells=tuple(cells)))


@_mutation
def relabel_variant(draw: st.DrawFn, printed: Printed) -> Printed | None:
    """A row's label printed as one of its catalog variants."""
    return _relabelled(draw, printed, lambda text, spec: draw(st.sampled_from(spec.labels)))


@_mutation
def relabel_typo(draw: st.DrawFn, printed: Printed) -> Printed | None:
    """A row's label with one character after its enumerator replaced, deleted or doubled."""

    def typo(text: str, spec: Any) -> str | None:
        found = _enumerator(text)
        start = found.end() if found else 0
        if len(text) - start < 3:
            return None
        at = draw(st.integers(start, len(text) - 1))
        how = draw(st.sampled_from(["replace", "delete", "double"]))
        if how == "replace":
            return text[:at] + draw(st.sampled_from("的了和与及在其公开信息")) + text[at + 1 :]
        if how == "delete":
            return text[:at] + text[at + 1 :]
        return text[:at] + text[at] + text[at:]

    return _relabelled(draw, printed, typo)


@_mutation
def relabel_enumerator(draw: st.DrawFn, printed: Printed) -> Printed | None:
    """A row's label printed with another enumerator of the same kind (``5.`` for ``6.``, （二） for （三）)."""

    def renumber(text: str, spec: Any) -> str | None:
        found = _enumerator(text)
        if found is None:
            return None
        if found.group(1):
            other = str(draw(st.integers(1, 9).filter(lambda n: str(n) != found.group(1))))
            return f"{other}.{text[found.end() :]}"
        numeral = found.group(2) or found.group(3)
        other = draw(st.sampled_from(_CHINESE).filter(lambda c: c != numeral))
        prefix = f"（{other}）" if found.group(2) else f"{other}、"
        return prefix + text[found.end() :]

    return _relabelled(draw, printed, renumber)


@_mutation
def label_on_its_own_line(draw: st.DrawFn, printed: Printed) -> Printed | None:
    """A row's label (and group) on a line of its own, its values on the next line, in place or from the start."""
    picked = _labelled_row(draw, printed, lambda r: r.is_data and r.label is not None)
    if picked is None:
        return None
    where, row, i = picked
    values = row.cells[i + 1 :]
    in_place = draw(st.booleans())
    if in_place:
        values = (*(Cell("") for _ in range(i + 1)), *values)
    return _with_row(printed, where, Row(row.cells[: i + 1], label=i, open=not _closed(printed)), Row(values))


@_mutation
def labels_before_values(draw: st.DrawFn, printed: Printed) -> Printed | None:
    """Two neighbouring rows printed as label, label, values, values (PDF text)."""
    places = [
        (key, i)
        for key, i in _places(printed, lambda r: r.is_data and r.label is not None)
        if i + 1 < len(printed.section(key).rows)
        and printed.section(key).rows[i + 1].is_data
        and printed.section(key).rows[i + 1].label is not None
    ]
    if not places:
        return None
    key, index = _pick(draw, places)
    rows = printed.section(key).rows
    first, second = rows[index], rows[index + 1]
    assert first.label is not None and second.label is not None
    new = (
        Row(first.cells[: first.label + 1], label=first.label, open=not _closed(printed)),
        Row(second.cells[: second.label + 1], label=second.label, open=not _closed(printed)),
        Row(first.cells[first.label + 1 :]),
        Row(second.cells[second.label + 1 :]),
    )
    return printed.replace(key, (*rows[:index], *new, *rows[index + 2 :]))


@_mutation
def empty_line_for_blank(draw: st.DrawFn, printed: Printed) -> Printed | None:
    """Blank-line layout: a blank value cell written as an empty line (its tab stripped)."""
    if printed.layout != "blank-line":
        return None
    places = [
        (where, i)
        for where in _places(printed, lambda r: r.is_data)
        for i in _row_at(printed, where).values
        if not _row_at(printed, where).cells[i].text and not _row_at(printed, where).cells[i].bare
    ]
    if not places:
        return None
    where, i = _pick(draw, places)
    row = _row_at(printed, where)
    cells = list(row.cells)
    cells[i] = attrs.evolve(cells[i], bare=True)
    return _with_row(printed, where, attrs.evolve(row, cells=tuple(cells)))


def _footer(draw: st.DrawFn) -> str:
    page = draw(st.integers(1, 40))
    return draw(st.sampled_from([f"- {page} -", f"第 {page} 页", f"—{page}—", f"第{page}页 共{page + 3}页"]))


@_mutation
def page_footer(draw: st.DrawFn, printed: Printed) -> Printed | None:
    """A page footer (``- 3 -``) printed between two rows of a table, or inside a row in the blank-line layout."""
    places = _places(printed, lambda r: r.raw is None)
    key, index = _pick(draw, places)
    row = printed.section(key).rows[index]
    footer = _footer(draw)
    if printed.layout == "blank-line" and len(row.cells) > 1 and draw(st.booleans()):
        at = draw(st.integers(1, len(row.cells) - 1))
        cells = (*row.cells[:at], Cell(footer, bare=True), *row.cells[at:])
        return _with_row(printed, (key, index), attrs.evolve(row, cells=cells))
    rows = printed.section(key).rows
    return printed.replace(key, (*rows[:index], Row(raw=footer), *rows[index:]))


@_mutation
def drop_label(draw: st.DrawFn, printed: Printed) -> Printed | None:
    """A row printed without its label (and group): blanked in place, or its cells deleted."""
    picked = _labelled_row(draw, printed, lambda r: r.is_data and r.label is not None)
    if picked is None:
        return None
    where, row, i = picked
    if draw(st.booleans()):
        cells: tuple[Cell, ...] = (*(Cell("") for _ in range(i + 1)), *row.cells[i + 1 :])
    else:
        cells = row.cells[i + 1 :]
    return _with_row(printed, where, Row(cells))


@_mutation
def swap_labels(draw: st.DrawFn, printed: Printed) -> Printed | None:
    """The labels of two rows of a table with the same columns swapped: each row's values are then the other's."""
    places = _places(printed, lambda r: r.is_data and r.label is not None)
    pairs = [
        (a, b)
        for a in places
        for b in places
        if a[0] == b[0] and a[1] < b[1] and _columns(printed, a) == _columns(printed, b)
    ]
    if not pairs:
        return None
    a, b = _pick(draw, pairs)
    row_a, row_b = _row_at(printed, a), _row_at(printed, b)
    key_a, key_b = _row_key(row_a), _row_key(row_b)
    if key_a == key_b:
        return None
    new_a = _relabel(row_a, row_b.cells[row_b.label or 0].text, key_b)
    new_b = _relabel(row_b, row_a.cells[row_a.label or 0].text, key_a)
    printed = _with_row(printed, a, new_a)
    return _with_row(printed, b, new_b)


def _row_key(row: Row) -> str:
    return str(row.cells[row.values[0]].key).split("/")[1]


def _columns(printed: Printed, where: tuple[str, int]) -> tuple[str, ...]:
    row = _row_at(printed, where)
    return tuple(str(row.cells[i].key).split("/")[2] for i in row.values)


def _relabel(row: Row, label: str, key: str) -> Row:
    """*row* printed with *label*: its value cells now mean the cells of row *key*."""
    cells = list(row.cells)
    i = row.label
    assert i is not None
    cells[i] = Cell(label)
    for j in row.values:
        table, _, column = str(cells[j].key).split("/")
        cells[j] = attrs.evolve(cells[j], key=f"{table}/{key}/{column}")
    return attrs.evolve(row, cells=tuple(cells))


def _column(cell: Cell) -> str | None:
    return None if cell.key is None else cell.key.split("/")[2]


def _permuted(row: Row, order: dict[str, str]) -> Row:
    """*row* with the value cells of *order*'s columns moved: column ``c``'s cell stands where ``order[c]``'s stood."""
    where = {_column(cell): i for i, cell in enumerate(row.cells) if _column(cell) in order}
    cells = list(row.cells)
    for column, into in order.items():
        cells[where[into]] = row.cells[where[column]]
    return attrs.evolve(row, cells=tuple(cells))


@_mutation
def reorder_columns(draw: st.DrawFn, printed: Printed) -> Printed | None:
    """Columns printed in another order, the header's captions moved with them (R8).

    Table ``requests``: the five columns under 法人或其他组织; table ``active``:
    the columns of a block under its caption row 信息内容.
    """
    key = draw(st.sampled_from(["requests", "active"]))
    rows = list(printed.section(key).rows)
    table = printed.table(key)
    if key == "requests":
        columns = list(table.rows[0].columns[1:6])
        start, stop = 0, len(rows)
    else:
        captions = [i for i, row in enumerate(rows) if row.is_header and row.cells[0].text == "信息内容"]
        if not captions:
            return None
        start = _pick(draw, captions)
        stop = next((i for i in range(start + 1, len(rows)) if rows[i].is_header), len(rows))
        names = [cell.text for cell in rows[start].cells[1:]]
        columns = [column for name in names for column in table.columns if column.label == name]
        if len(columns) < 2 or len(columns) != len(names):
            return None
    labels = {column.label: column.key for column in columns}
    headers = [i for i in range(start, stop) if rows[i].is_header and set(labels) <= {c.text for c in rows[i].cells}]
    data = [i for i in range(start, stop) if rows[i].is_data]
    keys = set(labels.values())
    if not headers or any({_column(rows[i].cells[j]) for j in rows[i].values} & keys != keys for i in data):
        return None  # a header or a cell already lost: the order could not be read
    if any(str(cell.key).split("/")[0] == key for cell in printed.lost):
        return None
    order = dict(zip(labels.values(), draw(st.permutations(list(labels.values()))), strict=True))
    if all(column == into for column, into in order.items()):
        return None
    by_key = {column.key: column.label for column in columns}
    for i in headers:
        cells = list(rows[i].cells)
        at = {cell.text: j for j, cell in enumerate(cells) if cell.text in labels}
        for column, into in order.items():
            cells[at[by_key[into]]] = Cell(by_key[column])
        rows[i] = attrs.evolve(rows[i], cells=tuple(cells), order=True)
    for i in data:
        rows[i] = _permuted(rows[i], order)
    return printed.replace(key, tuple(rows))


@_mutation
def appeals_swap_litigation(draw: st.DrawFn, printed: Printed) -> Printed | None:
    """The template's appeals table with its two litigation groups printed in the other order, captions and values."""
    rows = list(printed.section("appeals").rows)
    groups = ("未经复议直接起诉", "复议后起诉")
    header = next(
        (
            i
            for i, row in enumerate(rows)
            if row.is_header and all(any(cell.text == group for cell in row.cells) for group in groups)
        ),
        None,
    )
    data = [i for i, row in enumerate(rows) if row.is_data]
    if header is None or len(data) != 1 or len(rows[data[0]].cells) != 15:
        return None
    cells = list(rows[header].cells)
    first, second = (next(j for j, cell in enumerate(cells) if cell.text == group) for group in groups)
    cells[first], cells[second] = cells[second], cells[first]
    rows[header] = attrs.evolve(rows[header], cells=tuple(cells), order=True)
    values = rows[data[0]].cells
    rows[data[0]] = attrs.evolve(rows[data[0]], cells=(*values[:5], *values[10:], *values[5:10]))
    return printed.replace("appeals", tuple(rows))


@_mutation
def join_rows(draw: st.DrawFn, printed: Printed) -> Printed | None:
    """Two or three labelled rows printed one after the other as one row (line breaks, a row's closing or the
    empty line between two rows of the blank-line layout lost; PDF text printing rows close together)."""
    count = draw(st.integers(2, 3))

    def joinable(key: str, index: int) -> bool:
        rows = printed.section(key).rows[index : index + count]
        return len(rows) == count and all(row.is_data and row.label is not None for row in rows)

    places = [where for where in _places(printed, lambda r: r.is_data and r.label is not None) if joinable(*where)]
    if not places:
        return None
    key, index = _pick(draw, places)
    rows = printed.section(key).rows
    cells = tuple(cell for row in rows[index : index + count] for cell in row.cells)
    return printed.replace(key, (*rows[:index], attrs.evolve(rows[index], cells=cells), *rows[index + count :]))


@_mutation
def empty_line_between_rows(draw: st.DrawFn, printed: Printed) -> Printed | None:
    """An empty line between two rows of a table (a paragraph mark an editor left)."""
    places = _places(printed, lambda r: True)
    if not places:
        return None
    key, index = _pick(draw, places)
    rows = printed.section(key).rows
    return printed.replace(key, (*rows[:index], Row(raw=""), *rows[index:]))


@_mutation
def wrap_label(draw: st.DrawFn, printed: Printed) -> Printed | None:
    """A row's label broken over two lines (a line break inside its cell), the values after its second half."""
    picked = _labelled_row(
        draw, printed, lambda r: r.is_data and r.label is not None and len(r.cells[r.label].text) > 3
    )
    if picked is None:
        return None
    where, row, i = picked
    text = row.cells[i].text
    found = _enumerator(text)
    cut = draw(st.integers(max(found.end() if found else 1, 1), len(text) - 1))
    if printed.layout == "blank-line":
        # The cell's text goes on on a line without a tab (the layout's wrapped line).
        cells = (*row.cells[:i], Cell(text[:cut]), Cell(text[cut:], bare=True), *row.cells[i + 1 :])
        return _with_row(printed, where, attrs.evolve(row, cells=cells, label=None))
    first = Row((*row.cells[:i], Cell(text[:cut])), open=True)
    return _with_row(printed, where, first, attrs.evolve(row, cells=(Cell(text[cut:]), *row.cells[i + 1 :]), label=0))


@_mutation
def merge_last_values(draw: st.DrawFn, printed: Printed) -> Printed | None:
    """A row's last two values printed in one cell, parted by a space (a column boundary lost in a PDF)."""
    places = _places(
        printed,
        lambda r: (
            r.is_data
            and len(r.values) > 1
            and all(r.cells[i].text for i in r.values[-2:])
            and r.values[-1] == len(r.cells) - 1
            and r.values[-2] == len(r.cells) - 2
        ),
    )
    if not places:
        return None
    where = _pick(draw, places)
    row = _row_at(printed, where)
    merged = Cell(row.cells[-2].text + " " + row.cells[-1].text)
    return _with_row(printed, where, attrs.evolve(row, cells=(*row.cells[:-2], merged)), lost=row.cells[-2:])


@_mutation
def merge_values(draw: st.DrawFn, printed: Printed) -> Printed | None:
    """Two neighbouring values of a row printed in one cell, parted by a space (a separator lost mid-row)."""
    places = [
        (where, i)
        for where in _places(printed, lambda r: r.is_data)
        for i in range(len(_row_at(printed, where).cells) - 1)
        if all(cell.key is not None and cell.text for cell in _row_at(printed, where).cells[i : i + 2])
    ]
    if not places:
        return None
    where, i = _pick(draw, places)
    row = _row_at(printed, where)
    merged = Cell(row.cells[i].text + " " + row.cells[i + 1].text)
    cells = (*row.cells[:i], merged, *row.cells[i + 2 :])
    return _with_row(printed, where, attrs.evolve(row, cells=cells), lost=row.cells[i : i + 2])


@_mutation
def join_header_rows(draw: st.DrawFn, printed: Printed) -> Printed | None:
    """Two header rows of a table printed on one line (the line break between them lost)."""
    places = [
        (key, index)
        for key, index in _places(printed, lambda r: r.is_header)
        if index + 1 < len(printed.section(key).rows) and printed.section(key).rows[index + 1].is_header
    ]
    if not places:
        return None
    key, index = _pick(draw, places)
    rows = printed.section(key).rows
    first, second = rows[index], rows[index + 1]
    joined = Row((*first.cells, *second.cells), order=first.order or second.order)
    return printed.replace(key, (*rows[:index], joined, *rows[index + 2 :]))


def _count(printed: Printed, row: Row) -> int:
    """How many columns the row of *row*'s first value cell has."""
    table, key, _ = str(row.cells[row.values[0]].key).split("/")
    return len(printed.table(table).row(key).columns)


@_mutation
def split_value(draw: st.DrawFn, printed: Printed) -> Printed | None:
    """A value of several digits printed over two cells (a column boundary inside it)."""
    # Only in a row that prints every value: with a blank among them, the extra cell would be the same text as
    # a row whose blank is at another place, and no reader can tell them apart.
    places = [
        (where, i)
        for where in _places(printed, lambda r: r.is_data and all(r.cells[j].text for j in r.values))
        for i in _row_at(printed, where).values
        if len(_row_at(printed, where).cells[i].text.lstrip("-")) > 1
        and len(_row_at(printed, where).values) == _count(printed, _row_at(printed, where))
    ]
    if not places:
        return None
    where, i = _pick(draw, places)
    row = _row_at(printed, where)
    text = row.cells[i].text
    cut = draw(st.integers(1 + text.startswith("-"), len(text) - 1))
    cells = (*row.cells[:i], Cell(text[:cut], part=True), Cell(text[cut:], part=True), *row.cells[i + 1 :])
    return _with_row(printed, where, attrs.evolve(row, cells=cells), lost=(row.cells[i],))


@_mutation
def span_cells(draw: st.DrawFn, printed: Printed) -> Printed | None:
    """A cell and the empty cells after it printed as one spanning cell (HTML colspan; in text, unchanged)."""
    places = [
        (where, i)
        for where in _places(printed, lambda r: r.raw is None)
        for i, cell in enumerate(_row_at(printed, where).cells)
        if cell.key is None
        and i + 1 < len(_row_at(printed, where).cells)
        and not _row_at(printed, where).cells[i + 1].text
        and _row_at(printed, where).cells[i + 1].key is None
    ]
    if not places:
        return None
    where, i = _pick(draw, places)
    row = _row_at(printed, where)
    end = i + 1
    while end < len(row.cells) and not row.cells[end].text and row.cells[end].key is None:
        end += 1
    stop = draw(st.integers(i + 2, end))
    spanned = attrs.evolve(row.cells[i], span=sum(cell.span for cell in row.cells[i:stop]))
    label = row.label if row.label is None or row.label < i else row.label - (stop - i - 1)
    if row.label is not None and i < row.label < stop:
        return None
    return _with_row(printed, where, attrs.evolve(row, cells=(*row.cells[:i], spanned, *row.cells[stop:]), label=label))


def _short(printed: Printed, row: Row) -> bool:
    """Whether *row* prints fewer cells than its columns (cells lost), or, in PDF text, a blank (which leaves none)."""
    if len(row.values) < _count(printed, row):
        return True
    return printed.layout == "space" and any(not row.cells[i].text for i in row.values)


def _labels_row(printed: Printed, label: Row, values: Row) -> bool:
    """Whether the label of the row *label* is the label of the row of *values* (its text inside the catalog's)."""
    table, key, _ = str(values.cells[values.values[0]].key).split("/")
    catalog = "".join(printed.table(table).row(key).label.split())
    assert label.label is not None
    return "".join(label.cells[label.label].text.split()) in catalog


def ambiguous(printed: Printed) -> bool:
    """Whether *printed* holds a row that no reader can tell from one printing other values.

    Values without a label right after a row that is short of cells (or a
    label that lost all its cells) are the same text as that row's own values going on over a line (a page break, a
    narrow column), and in PDF text right before one as well; a value split over two cells in a row that lost a cell is
    the same text as a row of other values; in PDF text, a row whose values
    were all lost is the same text as a blank row. A mutation that makes any
    of these patterns is not a fair test.
    """
    if printed.layout == "space":
        # PDF text prints a blank as nothing: a row whose values were all lost is the same text as a blank row.
        printing = {
            str(cell.key).rsplit("/", 1)[0]
            for s in printed.sections
            for r in s.rows
            for cell in r.cells
            if cell.key and cell.text
        }
        if any(str(cell.key).rsplit("/", 1)[0] not in printing for cell in printed.lost):
            return True
    for section in printed.sections:
        rows = [row for row in section.rows if row.raw is None]
        for before, row in itertools.pairwise(rows):
            if row.is_data and row.label is None and before.is_data and _short(printed, before):
                return True
            # A label that lost every value cell is a label line whose values may follow, too: another row's are
            # the same text as its own.
            lost_all = before.label is not None and not before.values
            if row.is_data and row.label is None and lost_all and not _labels_row(printed, before, row):
                return True
            # PDF text centres a wrapped label on its values: values may stand on the line before it, too.
            space = printed.layout == "space"
            if space and before.is_data and before.label is None and row.is_data and _short(printed, row):
                return True
        for row in rows:
            # A value split over two cells is found out by the row's count of cells, until a lost cell makes
            # up for the extra one: the row is then the same text as one printing other values.
            if any(cell.part for cell in row.cells):
                if not row.values:
                    return True  # its other values lost as well: nothing tells the split apart
                after = row.cells[(-1 if row.label is None else row.label) + 1 :]
                if sum(1 for cell in after if cell.text) <= _count(printed, row):
                    return True
    return False


def names() -> Iterator[str]:
    """The names of the mutations."""
    return iter(MUTATIONS)
