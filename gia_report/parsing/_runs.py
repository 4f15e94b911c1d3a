"""Reading a table of collapsed text (geometry ``run``): rows by label, each row's digits split by `_digits`.

Each row of the grid is ``label run [text]`` (`_layout_collapsed.tokenize`).
The label names the row (`_labels`, as in every layout); the run holds the
row's values, unsplit. Table ``appeals`` prints its groups in its header, so
its runs, in order, hold its 15 values (text between two runs is a cut every
reading makes).

A run may end in digits that are not its own, which the reading may leave
out: those of prose glued after the table's last number (``…20000022025年``),
and the enumerator of the next label printed without its separator
(``…70000072没有现成信息…``: ``2`` numbers the label, or ends the run).

`_digits.solve` then gives each cell the value every reading consistent with
the table's identities gives it. A value the digits alone decide has
``CellSource.how == "solved"`` and no equations; one the identities decided
names them in ``CellSource.equations``, in a ``solved-run`` note and in
`TableReading.spent`. The cells left open are ``None``, with an ``unsolved-run``
note, and their run is kept in `TableReading.unsplit`.

.. versionadded:: 0.2
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from .._cells import Equation
from ..catalog import Column, Row, Table
from ._digits import Reading, Run, RunOutcome, Solution, compact, solve
from ._document import Cell, Grid, TableRow
from ._labels import LabelMatch, TableLabels, labels_of, normalize_label, strip_numbering
from ._numbers import read_cell
from ._result import CellSource, Note
from ._tables import TableReading

__all__ = ["read_runs"]

#: The readings a note lists, at most.
_SHOWN = 4


@attrs.frozen
class _Printed:
    """One run as printed: its row (``None``: the appeals' one run), text, and where each character stands."""

    row: Row | None
    columns: tuple[Column, ...]
    text: str
    origins: tuple[tuple[int, int], ...]  # (line, column) of each character of the compact run
    line: int
    column: int
    open_end: bool = False


def read_runs(table: Table, grid: Grid, equations: Sequence[Equation]) -> TableReading:
    """Read *table* from the *grid* of a collapsed table section; *equations* are the identity instances.

    *equations* may hold both readings of （六）其他处理 (one row, or three):
    those of the rows the table prints are used.
    """
    labels = labels_of(table)
    reading = TableReading()
    if table.key == "appeals":
        printed = _appeals_run(table, labels, grid.rows, reading)
    else:
        printed = _labelled_runs(table, labels, grid.rows, reading)
    if not printed:
        return reading
    runs = [
        Run(
            tuple(f"{table.key}/{row.key}/{column.key}" for row, column in _cells_of(table, item)),
            tuple(column.kind for _, column in _cells_of(table, item)),
            item.text,
            item.open_end,
        )
        for item in printed
    ]
    usable = _usable(table, reading, equations)
    solution = solve(runs, usable)
    cells = {key for run in runs for key in run.cells}
    applicable = [e for e in usable if set(e.terms) <= cells]
    for item, run, outcome in zip(printed, runs, solution.runs, strict=True):
        _store(table, item, run, outcome, solution, applicable, reading)
    reading.spent.extend(equation for equation in solution.spent if equation not in reading.spent)
    return reading


def _cells_of(table: Table, item: _Printed) -> list[tuple[Row, Column]]:
    if item.row is None:
        return [(row, column) for row in table.rows for column in row.columns]
    return [(item.row, column) for column in item.columns]


def _usable(table: Table, reading: TableReading, equations: Sequence[Equation]) -> list[Equation]:
    """*equations* once each, without those of a row that stands in for rows the table prints.

    A 2021 table that prints the three rows of （六）其他处理 is not read with
    the identities of the one row that would replace them, nor the other way.
    """
    unique = list(dict.fromkeys(equations))
    for row in table.rows:
        if row.replaces and any(key in reading.found for key in row.replaces):
            prefix = f"{table.key}/{row.key}/"
            unique = [e for e in unique if not any(key.startswith(prefix) for key in e.terms)]
    return unique


def _labelled_runs(
    table: Table, labels: TableLabels, rows: Sequence[TableRow], reading: TableReading
) -> list[_Printed]:
    printed: list[_Printed] = []
    matches: list[tuple[TableRow, LabelMatch | None]] = []
    for raw in rows:
        text = raw.cells[0].text
        matches.append((raw, labels.row(text) if text else None))
    for index, (raw, match) in enumerate(matches):
        run = raw.cells[1] if len(raw.cells) > 1 else None
        label = raw.cells[0]
        if run is None:
            if not _structure(labels, label.text):
                _note(reading, "unknown-row", f"text {label.text[:60]!r} in table {table.key} not read", label.line)
            continue
        if not label.text:
            # Digits on a line of their own: the rest of the run before (a line break inside the row).
            if printed and printed[-1].row is not None:
                printed[-1] = _joined(printed[-1], run, reading)
                continue
            _note(reading, "unknown-row", f"digits {run.text!r} stand under no row label: not read", run.line)
            continue
        if match is None:
            _note(
                reading,
                "unknown-row",
                f"row {label.text[:60]!r} matches no label of table {table.key}: its digits {run.text!r} not read",
                label.line,
            )
            continue
        row = table.row(match.key)
        if row.key in reading.found:
            _note(
                reading,
                "duplicate-row",
                f"row {row.label} printed again (first at line {reading.found[row.key]}); digits {run.text!r} not read",
                label.line,
            )
            continue
        reading.found[row.key] = label.line
        if match.how != "exact":
            _note(
                reading,
                "label-variant" if match.how == "variant" else "label-similar",
                f"label {label.text!r} read as {match.canonical} ({match.how})",
                label.line,
            )
        following = matches[index + 1] if index + 1 < len(matches) else None
        open_end = _glued_text(raw) or (following is not None and _bare_enumerator(following, run.text))
        printed.append(_printed(row, row.columns, [run], open_end))
    return printed


def _structure(labels: TableLabels, text: str) -> bool:
    """Whether a text without digits is the table's own: captions, group labels, block captions, headers."""
    folded = normalize_label(text)
    if labels.is_header(text) or labels.is_group(text):
        return True
    words = [normalize_label(word) for word in labels.table.header_words] + [
        normalize_label(label) for column in labels.table.columns for label in column.labels
    ]
    blocks = {normalize_label(row.block) for row in labels.table.rows if row.block}
    return any(word and word in folded for word in [*words, *blocks, *map(normalize_label, labels.table.groups)])


def _glued_text(raw: TableRow) -> bool:
    """Whether text is glued right after the row's run (prose after the last number: ``…2025年``)."""
    if len(raw.cells) < 3:
        return False
    run, after = raw.cells[1], raw.cells[2]
    return run.line == after.line and run.column + len(run.text) == after.column


def _bare_enumerator(following: tuple[TableRow, LabelMatch | None], run: str) -> bool:
    """Whether the next row's label lacks its printed enumerator, which may be the last digit of *run*."""
    raw, match = following
    if match is None or not raw.cells[0].text:
        return False
    canonical = normalize_label(match.canonical)
    numbering = canonical[: len(canonical) - len(strip_numbering(canonical))]
    digits = numbering.rstrip(".、,")
    printed = normalize_label(raw.cells[0].text)
    return digits.isdigit() and not printed[:1].isdigit() and compact(run)[0].endswith(digits)


def _printed(row: Row | None, columns: tuple[Column, ...], cells: Sequence[Cell], open_end: bool) -> _Printed:
    """One run made of the run *cells*, a cut (``|``) between two of them."""
    text = ""
    origins: list[tuple[int, int]] = []
    for cell in cells:
        if text:
            text += "|"
            origins.append(origins[-1])
        part, where = compact(cell.text)
        text += part
        origins.extend((cell.line, cell.column + at) for at in where)
    return _Printed(row, columns, text, tuple(origins), cells[0].line, cells[0].column, open_end)


def _joined(item: _Printed, run: Cell, reading: TableReading) -> _Printed:
    assert item.row is not None
    _note(reading, "joined-row", f"digits continue the run of row {item.row.label} from line {item.line}", run.line)
    part, where = compact(run.text)
    origins = (*item.origins, *((run.line, run.column + at) for at in where))
    return attrs.evolve(item, text=item.text + part, origins=origins)


def _appeals_run(table: Table, labels: TableLabels, rows: Sequence[TableRow], reading: TableReading) -> list[_Printed]:
    runs: list[Cell] = []
    for raw in rows:
        label = raw.cells[0]
        if label.text and not _structure(labels, label.text):
            _note(reading, "unknown-row", f"text {label.text[:60]!r} in table appeals ignored", label.line)
        if len(raw.cells) > 1:
            runs.append(raw.cells[1])
    if not runs:
        return []
    if len(runs) > 1:
        _note(reading, "joined-row", "the values of table appeals continue over several runs", runs[1].line)
    for row in table.rows:
        reading.found[row.key] = runs[0].line
    last = rows[-1]
    return [_printed(None, (), runs, _glued_text(last) and last.cells[1] is runs[-1])]


def _store(
    table: Table,
    item: _Printed,
    run: Run,
    outcome: RunOutcome,
    solution: Solution,
    equations: Sequence[Equation],
    reading: TableReading,
) -> None:
    texts, used = solution.texts, solution.used
    what = f"row {item.row.label}" if item.row is not None else "table appeals"
    open_keys: list[str] = []
    for index, ((_row, column), key) in enumerate(zip(_cells_of(table, item), run.cells, strict=True)):
        text = texts.get(key)
        if text is None:
            reading.values[key] = None
            open_keys.append(key)
            continue
        result = read_cell(text, column)
        reading.values[key] = result.value
        line, col = (
            item.origins[_start(item.text, outcome.readings, index)] if item.origins else (item.line, item.column)
        )
        reading.sources[key] = CellSource(
            line=line, column=col, text=text, how="solved", equations=tuple(str(e) for e in used[key])
        )
        for oddity in result.oddities:
            _note(reading, "number-format", f"{key}: {oddity}", line, (key,))
        if result.problem is not None:
            reading.values[key] = None
            _note(reading, "unreadable-cell", f"{key}: {result.problem}; the cell is left blank", line, (key,))
    shown = _readings(outcome.readings)
    if outcome.equations:
        names = ", ".join(str(e) for e in outcome.equations)
        _note(
            reading,
            "solved-run",
            f"{what}: the digits {item.text!r} split by the identities {names}: no evidence that they hold",
            item.line,
            tuple(key for key in run.cells if key not in open_keys),
        )
    if not open_keys:
        return
    reading.unsplit[f"{table.key}/{item.row.key}" if item.row is not None else table.key] = item.text
    left = ", ".join(key.rsplit("/", 1)[1] for key in open_keys)
    judged = any(set(e.terms) & set(run.cells) for e in equations)
    message = {
        "ambiguous": f"the digits {item.text!r} split in {len(outcome.readings) or outcome.count} ways"
        + (" consistent with the identities" if judged else "")
        + f" ({shown}): {left} left blank",
        "inconsistent": f"none of the {outcome.count} splits of the digits {item.text!r} satisfies the identities "
        f"(the printed totals may be wrong): {left} left blank",
        "unreadable": f"the digits {item.text!r} cannot be read as {len(run.cells)} cells: {left} left blank",
        "unbounded": f"the digits {item.text!r} split in more ways than the search may try: {left} left blank",
    }.get(outcome.status, f"the digits {item.text!r}: {left} left blank")
    _note(reading, "unsolved-run", f"{what}: {message}; the run is kept", item.line, tuple(open_keys))


def _start(run: str, readings: Sequence[Reading], index: int) -> int:
    """Where cell *index* starts in the compact *run*, if every reading agrees, else where the run starts."""
    starts = set()
    for reading in readings:
        at = 0
        for text in reading[: index + 1]:
            while run.startswith("|", at):
                at += 1
            start = at
            at += len(text)
        starts.add(start)
    return starts.pop() if len(starts) == 1 else 0


def _readings(readings: Sequence[Reading]) -> str:
    shown = "; ".join("|".join(reading) for reading in readings[:_SHOWN])
    return shown + ("; …" if len(readings) > _SHOWN else "") if readings else "none"


def _note(reading: TableReading, code: str, message: str, line: int, cells: tuple[str, ...] = ()) -> None:
    reading.notes.append(Note(code=code, message=message, line=line, cells=cells))
