"""Finding a table's printed rows: header rows, each row's label, wrapped labels and continued rows.

A row is found by its label, never by its position: the rightmost text cell
of a printed row that is (alone or with the text cells just before it) a
label of the catalog names it (group labels such as （三）不予公开 may stand
before it). Its values are the cells after that label, and only them.

Around that rule:

- a row made only of column captions and group labels is a header row, unless
  one of its cells is a numbered row label (``（六）其他处理 | 3.其他`` printed
  blank is the row 3.其他);
- the header's column order is used when one header row names every column;
  header rows that each list their captions in the national order confirm
  it; otherwise the order cannot be known and the rows are not placed;
- a line of text alone that matches nothing may be the first half of a label
  whose cell held a line break: it is read with the row after it;
- values on a row without a label continue the labelled row before them when
  that row is short (a page break inside a row); in the blank-line layout an
  empty line inside a row is a blank cell whose tab an editor stripped, so the
  continuation is placed only when the cells then add up to the row's columns;
- PDF text sometimes prints several labels before their values
  (``label 3 / label 4 / values 3 / values 4``): the labels are paired with
  the value lines that follow them, in order, when their counts agree, and
  left unplaced otherwise — never the rightmost label with another row's
  values.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

import attrs

from ..catalog import Column, Row, Table
from ._document import Cell, TableRow
from ._labels import LabelMatch, TableLabels, normalize_label, strip_numbering
from ._numbers import cached_when_short, holds_values_apart, looks_like_value
from ._result import Note, shorten

__all__ = ["PrintedRow", "clean_rows", "is_text", "read_rows"]

#: A number at the end of a cell, after a CJK character or closing bracket or quote, or after a space.
_VALUE_AFTER_LABEL = re.compile(r"(?:(?<=[\u3400-\u9fff”’」』）)》〉】])|\s+)([-+]?\d[\d,]*(?:\.\d+)?)$")
#: A label is never made of more cells than this (a group label one character per line stands before it).
_MAX_LABEL_CELLS = 8


@attrs.define
class PrintedRow:
    """One row of the table as printed: its catalog row, the label matched and the cells after it.

    ``problem`` says why its values cannot be placed, when the reading of the
    printed rows already shows it (a continuation that does not add up).
    """

    raw: TableRow
    row: Row
    match: LabelMatch
    after: list[Cell]
    columns: tuple[Column, ...]
    label_at: int
    problem: str | None = None
    #: The label as printed, its cells joined (and the line it was begun on, for a wrapped one).
    label: str = ""
    #: Whether a header row before it named its columns (their order is then the header's).
    named: bool = False
    #: Whether its cells were joined from rows of values printed after it, or paired with a later line of values
    #: (they show no shape of a printed row).
    joined: bool = False

    def key(self, column: Column) -> str:
        """The public key of this row's cell in *column*."""
        return f"{self.row.key}/{column.key}"


@attrs.define
class _Values:
    """A printed row of values without a label."""

    raw: TableRow
    cells: list[Cell]


def is_text(cell: Cell) -> bool:
    """Whether *cell* holds text that is not a value (a label, a caption)."""
    return bool(cell.text) and not looks_like_value(cell.text)


def _is_value(cell: Cell) -> bool:
    return bool(cell.text) and looks_like_value(cell.text)


def row_label(labels: TableLabels, cells: Sequence[Cell], text_at: Sequence[int]) -> tuple[LabelMatch | None, int, int]:
    """The row the label cells name, and the indices of its first and last label cell (``-1`` without one).

    The rightmost text cell that is (or, joined with the text cells just before
    it, makes) a row label wins: text after it is a value that cannot be read,
    not a label. Matches by similarity are tried only when no cell matches
    otherwise. The search is bounded: at most a few cells, and never more text
    than the longest label, make one label.
    """
    for similar in (False, True):
        for position in range(len(text_at) - 1, -1, -1):
            joined = ""
            for taken in range(1, min(position + 1, _MAX_LABEL_CELLS) + 1):
                first = text_at[position - taken + 1]
                if text_at[position] - first != taken - 1:
                    break  # only cells side by side make one label
                joined = cells[first].text + joined
                if len(joined) > 2 * labels.longest + 20:
                    break
                match = labels.row(joined, similar=similar)
                if match is not None:
                    return match, first, text_at[position]
    return None, -1, -1


def _wrapped_label(
    labels: TableLabels, held: TableRow, cells: list[Cell], text_at: list[int]
) -> tuple[LabelMatch | None, int, Cell | None]:
    """The row label that the text of *held* and the first text cell of *cells* make together.

    Returns the match, the index in *cells* of its last label cell, and the
    value the label's second half held glued to its end (``数量100``), which is
    then parted from it in *cells*; or ``(None, -1, None)``.
    """
    first = text_at[0]
    begun = "".join(c.text for c in held.cells if c.text)
    second = cells[first]
    joined = Cell(begun + second.text, second.line, second.column - len(begun))
    candidate = [*cells[:first], joined, *cells[first + 1 :]]
    parted = _label_and_value(labels, joined)
    if parted is not None and len(parted[0].text) > len(begun):
        candidate[first : first + 1] = parted
        text_at = [i if i <= first else i + 1 for i in text_at]
    else:
        parted = None
    match, _, label_at = row_label(labels, candidate, text_at)
    if match is None or label_at != first:
        return None, -1, None
    if parted is None:
        return match, label_at, None
    label, value = parted
    cells[first : first + 1] = [Cell(label.text[len(begun) :], second.line, second.column), value]
    return match, label_at, value


def _is_row_label(labels: TableLabels, text: str) -> bool:
    """Whether *text* is a numbered row label on its own (3.其他), not a caption (其他)."""
    normalized = normalize_label(text)
    return strip_numbering(normalized) != normalized and labels.row(text, similar=False) is not None


def captions_only(labels: TableLabels, texts: Sequence[Cell], values: Sequence[Cell]) -> bool:
    """Whether a row holds only header captions and group labels, and no value.

    A cell may hold several captions whose separator was lost (商业企业科研机构).
    """
    return not any(cell.text for cell in values) and all(
        ((labels.is_header(cell.text) or labels.is_group(cell.text)) and not _is_row_label(labels, cell.text))
        or _captions_in(labels, cell.text) is not None
        for cell in texts
    )


#: A cell longer than this is never read as several captions run together.
_MERGED_CAPTIONS = 60


def _captions_in(labels: TableLabels, text: str) -> tuple[str, ...] | None:
    """The two or more header captions *text* is made of, in printed order, or ``None``.

    Worked from the end: ``split[i]`` is how ``text[i:]`` is made of captions,
    so the work is quadratic in the (bounded) length whatever the captions.
    """
    return None if len(text) > _MERGED_CAPTIONS else _captions_of(labels, text)


@lru_cache(maxsize=4096)
def _captions_of(labels: TableLabels, text: str) -> tuple[str, ...] | None:
    # Cached: every report prints the same header cells (and none longer than _MERGED_CAPTIONS comes here).
    split: dict[int, list[str]] = {len(text): []}
    for start in range(len(text) - 1, -1, -1):
        for end in range(start + 1, len(text) + 1):
            if end in split and _is_caption_text(labels, text[start:end]):
                split[start] = [text[start:end], *split[end]]
                break
    found = split.get(0)
    return tuple(found) if found is not None and len(found) > 1 else None


def _is_caption_text(labels: TableLabels, text: str) -> bool:
    return labels.is_header(text) and not _is_row_label(labels, text)


def _is_header_row(labels: TableLabels, texts: list[Cell], values: list[Cell]) -> bool:
    if captions_only(labels, texts, values):
        # A lone 其他 or 总计 with no numbering is a column caption; 3.其他 is a row.
        return len(texts) > 1 or strip_numbering(normalize_label(texts[0].text)) == normalize_label(texts[0].text)
    return False


def _label_and_value(labels: TableLabels, cell: Cell) -> tuple[Cell, Cell] | None:
    """*cell* parted into a label of the catalog and the value printed in the same cell after it, if it is so.

    An editor or converter that lost a cell separator leaves the first value in
    the label's cell, glued (``公开申请数量3``) or after a space (``行政许可 97``);
    the cell is parted only when its text is no label while the part before the
    number is one (exactly, or a variant): similar text before a number may be
    another thing (行政许可证 97), and a text ending in digits is no label by
    similarity either, so such a row is not read.
    """
    if not cell.text[-1].isdigit():
        return None
    found = _VALUE_AFTER_LABEL.search(cell.text)
    if found is None or labels.row(cell.text, similar=False) is not None:
        return None
    label = cell.text[: found.start()].rstrip()
    if labels.row(label, similar=False) is None:
        return None
    column = cell.column + found.start(1)
    return Cell(label, cell.line, cell.column), Cell(found.group(1), cell.line, column)


def _header_lines(labels: TableLabels, cells: list[Cell]) -> tuple[list[list[Cell]], list[Cell]]:
    """The header lines inside a row joined from several printed lines (PDF text), each its cells; and the others.

    The space layout joins the text lines before a line of values into its row
    (a label wraps over them, a label printed without values stands before a
    block's header); a line of two or more column captions is the table's
    header, not a label (其他 is a caption there, not 3.其他); so is a line of
    one caption that names no row (第二十条第（一）项). Only a line that values
    follow is so parted: a header row of a grid is read whole.
    """
    line = cells[0].line if cells else 0
    if all(cell.line == line for cell in cells):
        return [], cells  # one printed line: no line that values follow
    last_value = next((i for i in range(len(cells) - 1, -1, -1) if _is_value(cells[i])), -1)
    # A header line is made of captions before the last value: with no caption there, there is none.
    if not any(cell.text and _is_captions_text(labels, cell.text) for cell in cells[:last_value]):
        return [], cells
    headers: list[list[Cell]] = []
    others: list[Cell] = []
    start = 0
    while start < len(cells):
        end = start
        while end < len(cells) and cells[end].line == cells[start].line:
            end += 1
        texts = cells[start:end]
        if (
            end <= last_value
            and all(_is_captions(labels, cell) for cell in texts)
            # 其他 or 总计 alone may be a row's label
            and not (len(texts) == 1 and labels.row(texts[0].text, similar=False) is not None)
        ):
            headers.append(texts)
        else:
            others.extend(texts)
        start = end
    return headers, others


def _is_captions(labels: TableLabels, cell: Cell) -> bool:
    """Whether *cell* is a column caption, or several whose separator was lost (法律服务机构科研机构)."""
    return bool(cell.text) and _is_captions_text(labels, cell.text)


@cached_when_short(maxsize=8192)
def _is_captions_text(labels: TableLabels, text: str) -> bool:
    # Cached: asked of every cell of PDF text before its last value, and the cells repeat in every report.
    return not looks_like_value(text) and (_is_caption_text(labels, text) or _captions_in(labels, text) is not None)


def _column_order(labels: TableLabels, table: Table, texts: list[Cell]) -> tuple[str, ...]:
    keys: list[str | None] = []
    for cell in texts:
        key = labels.column(cell.text, labels.columns)
        if key is None and (merged := _captions_in(labels, cell.text)) is not None:
            keys.extend(labels.column(caption, labels.columns) for caption in merged)
        else:
            keys.append(key)
    return tuple(key for key in keys if key is not None)


def _levels_joined(labels: TableLabels, texts: list[Cell]) -> bool:
    """Whether a header line holds a spanning caption between column captions (自然人 | 法人或其他组织 | 总计 |
    商业企业 …): two header rows printed on one line, whose captions are not in the columns' order."""
    kinds = [
        labels.column(cell.text, labels.columns) is not None or _captions_in(labels, cell.text) is not None
        for cell in texts
        if cell.text
    ]
    spanning = [at for at, column in enumerate(kinds) if not column]
    return any(any(kinds[:at]) and any(kinds[at + 1 :]) for at in spanning)


#: `_Header.columns` by the header's state and the row: every report of a layout prints the same header lines.
_COLUMNS: dict[tuple[tuple[object, ...], Row], tuple[tuple[Column, ...], str | None, bool]] = {}
_COLUMNS_SIZE = 4096
#: A header of more lines than this is not remembered by (its state would cost as much as the answer).
_REMEMBERED_ORDERS = 16


class _Header:
    """What the header rows say of the column order: a row naming every column of a row, or national.

    A table printed in blocks (table ``active``) has a header row per block,
    each naming the columns of its block's rows.
    """

    def __init__(self, table: Table) -> None:
        self.national = tuple(column.key for column in table.columns)
        self.orders: list[tuple[str, ...]] = []  # the orders of the header rows that name columns once each
        self.block: list[tuple[str, ...]] = []  # those since the last row read: one block's header lines
        self.after_row = False
        self.contrary: tuple[str, ...] = ()
        # All `columns` asks of the header, its answers remembered by it (None: too many header lines to).
        self.state: tuple[object, ...] | None = ()

    def add(self, order: tuple[str, ...], *, joined: bool = False) -> None:
        """A header line's order of the columns it names; *joined*: it holds two header rows (`_levels_joined`),
        so it only says whether the national order can be trusted."""
        if not order:
            return
        if self.after_row:
            self.block, self.after_row = [], False
        if len(set(order)) == len(order) and not joined:
            self.orders.append(order)
            self.block.append(order)
        ranks = [self.national.index(key) for key in order]
        # Two header rows on one line each in national order make two rising runs: only more is another order.
        runs = 1 + sum(1 for before, after in itertools.pairwise(ranks) if after < before)
        if runs > (2 if joined else 1):
            self.contrary = order
        small = len(self.orders) <= _REMEMBERED_ORDERS  # a state of more header lines is too dear to key by
        self.state = (tuple(self.orders), tuple(self.block), self.contrary) if small else None

    def columns(self, row: Row) -> tuple[tuple[Column, ...], str | None, bool]:
        """The columns of *row* in printed order, why that order cannot be known, and whether a header named them.

        The last header line naming all of *row*'s columns orders them, unless
        another header line of its block orders two of them the other way round
        (a header repeated at a page break, another block's). When a later
        header line names only some of them (the row printed in another block
        than its own), that order is trusted only if no header line prints any
        two of its columns the other way round.
        """
        self.after_row = True
        if self.state is None:
            return self._columns(row)
        memo = (self.state, row)
        found = _COLUMNS.get(memo)
        if found is None:
            found = self._columns(row)
            if len(_COLUMNS) >= _COLUMNS_SIZE:
                _COLUMNS.clear()
            _COLUMNS[memo] = found
        return found

    def _columns(self, row: Row) -> tuple[tuple[Column, ...], str | None, bool]:
        keys = {column.key for column in row.columns}
        for back, order in enumerate(reversed(self.orders)):
            if keys <= set(order):
                chosen = tuple(key for key in order if key in keys)
                if (other := self._other_order(chosen, self.orders if back else self.block)) is not None:
                    shown = "、".join(other)
                    return row.columns, f"the header lines print its columns in different orders ({shown})", False
                return tuple(row.column(key) for key in chosen), None, True
        return row.columns, self.against(row), False

    @staticmethod
    def _other_order(chosen: tuple[str, ...], orders: list[tuple[str, ...]]) -> tuple[str, ...] | None:
        """One of *orders* printing two of the columns *chosen* the other way round than *chosen* does, if any."""
        rank = {key: at for at, key in enumerate(chosen)}
        for order in orders:
            ranks = [rank[key] for key in order if key in rank]
            if ranks != sorted(ranks):
                return order
        return None

    def against(self, row: Row) -> str | None:
        """Why the national order of *row*'s columns cannot be trusted: a header line printing them otherwise."""
        if self.contrary and {column.key for column in row.columns} & set(self.contrary):
            shown = "、".join(self.contrary)
            return f"the header prints its columns in another order ({shown}) over several lines"
        return None


def read_rows(
    table: Table, labels: TableLabels, rows: Sequence[TableRow], notes: list[Note], *, joined_lines: bool = False
) -> list[PrintedRow]:
    """The labelled rows of *table* among its printed *rows*, with notes for what is not read.

    *joined_lines*: the layout joins label lines to the values line after them
    (PDF text), so the cells after a label may be another row's values.
    """
    header = _Header(table)
    found: list[PrintedRow | _Values | None] = []  # None: a header or unknown row, which no row continues across
    held: TableRow | None = None

    def unknown(raw: TableRow) -> None:
        found.append(None)  # no row is continued across a row that is not read
        shown = " | ".join(cell.text for cell in raw.cells if cell.text)
        notes.append(
            Note(
                code="unknown-row",
                message=f"row {shorten(shown)!r} matches no label of table {table.key}: not read",
                line=raw.line,
            )
        )

    for raw in _parted_at_headers(labels, table, header, rows, found):
        cells = list(raw.cells)
        changed = False
        text_at = [i for i, cell in enumerate(cells) if cell.text and not looks_like_value(cell.text)]  # is_text
        # The label's cell may hold its first value; text after it (an unreadable value) does not hide it.
        for at in reversed(text_at):
            if (parted := _label_and_value(labels, cells[at])) is not None:
                cells[at : at + 1] = parted
                changed = True
                text_at = [i for i, cell in enumerate(cells) if is_text(cell)]
                notes.append(
                    Note(
                        code="value-in-label",
                        message=f"the cell {shorten(parted[0].text + parted[1].text)!r} holds a label and a "
                        f"value: {parted[1].text!r} is read as the row's first value",
                        line=parted[1].line,
                    )
                )
                break
        if changed:
            raw = TableRow(raw.line, tuple(cells), raw.gap)  # the row as read: its label's index is into these
        if not text_at:
            if any(cell.text for cell in cells):
                found.append(_Values(raw, cells))
            continue
        texts = [cells[i] for i in text_at]
        values = cells[text_at[-1] + 1 :]
        if _is_header_row(labels, texts, values):
            header.add(_column_order(labels, table, texts), joined=_levels_joined(labels, texts))
            found.append(None)
            continue
        match, first, label_at = row_label(labels, cells, text_at)
        begun = ""  # the first half of a label whose cell held a line break
        if match is None and held is not None:
            match, label_at, glued = _wrapped_label(labels, held, cells, text_at)
            first = label_at
            if match is not None:
                begun = "".join(cell.text for cell in held.cells if cell.text)
                notes.append(
                    Note(code="wrapped-label", message=f"label begun at line {held.line} read on here", line=raw.line)
                )
                if glued is not None:
                    raw = TableRow(raw.line, tuple(cells), raw.gap)
                    text_at = [i for i, cell in enumerate(cells) if is_text(cell)]
                    notes.append(
                        Note(
                            code="value-in-label",
                            message=f"the label's last cell ends in {glued.text!r}: read as the row's first value",
                            line=glued.line,
                        )
                    )
                held = None
        if held is not None:
            unknown(held)
            held = None
        if match is None:
            if captions_only(labels, texts, values):
                continue  # a group label on a line of its own: （三）不予公开
            if any(cell.text for cell in values):
                unknown(raw)
            else:
                held = raw
            continue
        # PDF text joins label lines to the values after them: text on a later line than the label is the
        # label of another row that matched nothing, and the values after it are that row's, not this one's.
        later = (
            next((i for i in text_at if i > label_at and cells[i].line != cells[label_at].line), None)
            if joined_lines
            else None
        )
        for early, early_at in _early_labels(labels, cells, text_at, first, match):
            early_row = TableRow(cells[early_at].line, raw.cells)
            found.append(_printed(table, header, early_row, early, [], early_at, cells[early_at].text))
        label = begun + "".join(cell.text for cell in cells[first : label_at + 1] if cell.text)
        after = cells[label_at + 1 : later]
        found.append(_printed(table, header, raw, match, after, label_at, label))
        if later is not None:
            unknown(TableRow(cells[later].line, tuple(cells[later:])))
    if held is not None:
        unknown(held)
    for item in found:
        # A header line printing the columns in another order, even after a row (a row moved into the
        # header), leaves the national order of a row no header named untrusted.
        if isinstance(item, PrintedRow) and not item.named and item.problem is None:
            item.problem = header.against(item.row)
    return _continued(found, notes, joined_lines)


def clean_rows(table: Table, labels: TableLabels, rows: Sequence[TableRow]) -> list[PrintedRow] | None:
    """The labelled rows of *rows* in one pass, as `read_rows` reads them, when the table is printed clean; else None.

    Clean is what copied tables and the library's own text mostly are: every
    row on one line, and either blank, a line of captions (a header or a group
    label), or a row's label (or a variant of it) in its last text cell, with one
    value after it per column of the row, and blank cells; no row printed
    twice, no header line contradicting another. `read_rows` reads such rows
    the same (no note, no continuation, no header line inside a row), and their
    values are placed by counting; anything else is left to it (``None``).
    """
    header = _Header(table)
    printed: list[PrintedRow] = []
    seen: set[str] = set()
    for raw in rows:
        cells = raw.cells
        if not cells:
            continue
        line = cells[0].line
        if not all(cell.line == line for cell in cells):
            return None  # a row of several lines: header lines or labels may stand inside it
        text_at = [index for index, cell in enumerate(cells) if cell.text and not looks_like_value(cell.text)]
        if not text_at:
            if any(cell.text for cell in cells):
                return None  # values without a label: a continuation, or a row whose label was lost
            continue
        if any(cells[index].text[-1].isdigit() for index in text_at):
            return None  # perhaps a label with its first value (`_label_and_value`)
        label_at = text_at[-1]
        values = list(cells[label_at + 1 :])
        count = sum([1 for cell in values if cell.text])
        if not count:  # no value: a header line, a group label's, or a row printed blank
            texts = [cells[index] for index in text_at]
            if _is_header_row(labels, texts, values):  # only a row without values is one
                header.add(_column_order(labels, table, texts), joined=_levels_joined(labels, texts))
                continue
        match = labels.row(cells[label_at].text, similar=False)
        if match is None:
            if not count and captions_only(labels, texts, values):
                continue  # a group label on a line of its own
            return None
        if match.key in seen or not values:
            return None  # a label with no cell after it: perhaps its values are printed after another label
        seen.add(match.key)
        row = table.row(match.key)
        columns, problem, named = header.columns(row)
        if problem is not None or count not in (0, len(columns)):
            return None
        printed.append(PrintedRow(raw, row, match, values, columns, label_at, None, cells[label_at].text, named))
    # A header line printing the columns in another order leaves the national order of the rows no header named
    # untrusted (`read_rows`): such rows are the full reader's.
    if any(not item.named and header.against(item.row) is not None for item in printed):
        return None
    return printed


def _parted_at_headers(
    labels: TableLabels,
    table: Table,
    header: _Header,
    rows: Sequence[TableRow],
    found: list[PrintedRow | _Values | None],
) -> Iterator[TableRow]:
    """*rows*, each parted where header lines stand inside it (PDF text joins a label line, a block's caption and
    header and the values below into one row): the lines before the header, and those after it, are rows of their
    own, and no row continues across the header (a `None` in *found*). The header lines order *header*."""
    for raw in rows:
        headers, others = _header_lines(labels, list(raw.cells))
        if not headers:
            yield raw
            continue
        for line in headers:
            header.add(_column_order(labels, table, line), joined=_levels_joined(labels, line))
        # Each cell in the piece after the header lines above it: pieces parted by a header line are rows apart.
        header_at = sorted(line[0].line for line in headers)
        pieces: dict[int, list[Cell]] = {}
        for cell in others:
            pieces.setdefault(bisect.bisect_left(header_at, cell.line), []).append(cell)
        if 0 not in pieces:
            found.append(None)
        last = max(pieces, default=0)
        for at in sorted(pieces):
            piece = pieces[at]
            if at == last:
                yield TableRow(raw.line, tuple(piece), raw.gap)
            elif _holds_a_row(labels, piece):
                yield TableRow(piece[0].line, tuple(piece))
                read = found[-1] if found else None
                if isinstance(read, PrintedRow) and not read.after:
                    # A label alone before a header line: a blank row, or one whose values went elsewhere.
                    read.problem = "its label is printed without values"
            # else text among the header lines (a note of the header wrapped over lines), read as part of it
            if at < last or at < len(header_at):
                found.append(None)  # the values after a header line continue no row before it


def _holds_a_row(labels: TableLabels, cells: list[Cell]) -> bool:
    """Whether *cells* hold a value or a row's label."""
    text_at = [i for i, cell in enumerate(cells) if is_text(cell)]
    return len(text_at) < sum(1 for cell in cells if cell.text) or row_label(labels, cells, text_at)[0] is not None


def _printed(
    table: Table, header: _Header, raw: TableRow, match: LabelMatch, after: list[Cell], label_at: int, label: str
) -> PrintedRow:
    row = table.row(match.key)
    columns, problem, named = header.columns(row)
    return PrintedRow(raw, row, match, after, columns, label_at, problem, label, named)


def _early_labels(
    labels: TableLabels, cells: Sequence[Cell], text_at: Sequence[int], first: int, match: LabelMatch
) -> list[tuple[LabelMatch, int]]:
    """Other rows' complete labels printed on lines of their own before the label that took the values.

    Only PDF text joins label lines to the row after them; a line that is a
    whole label of another row is that row, printed before its values.
    """
    if not text_at or text_at[0] >= first:
        return []  # no text before the label (every row printed on one line with its label first)
    lines: dict[int, list[int]] = {}
    for index in text_at:
        if index < first and cells[index].line != cells[first].line:
            lines.setdefault(cells[index].line, []).append(index)
    early = []
    for indices in lines.values():
        text = "".join(cells[i].text for i in indices)
        other = labels.row(text, similar=False)
        caption = labels.is_group(text) or (labels.is_header(text) and not _is_row_label(labels, text))
        # Values between it and the label that took the values: two rows run together, its values its own.
        valued = any(cells[i].text and not is_text(cells[i]) for i in range(indices[-1] + 1, first))
        if other is not None and other.key != match.key and not caption and not valued:
            early.append((other, indices[-1]))
    return early


def _continued(found: list[PrintedRow | _Values | None], notes: list[Note], joined_lines: bool) -> list[PrintedRow]:
    """The labelled rows, each with the rows of values without a label that continue it (never across a row
    printed between them that is a header or is not read)."""
    printed: list[PrintedRow] = []
    index = 0
    while index < len(found):
        item = found[index]
        index += 1
        if item is None:
            continue
        if isinstance(item, _Values):
            _stray(item, notes)
            continue
        # Labels printed on lines of their own, with no cell after them, before the next row's label.
        waiting = [item]
        while not waiting[-1].after and index < len(found):
            following = found[index]
            if not isinstance(following, PrintedRow):
                break
            waiting.append(following)
            index += 1
        values: list[_Values] = []
        while index < len(found):
            value = found[index]
            if not isinstance(value, _Values):
                break
            values.append(value)
            index += 1
        last = waiting[-1]
        following = found[index] if index < len(found) else None
        if len(waiting) > 1:
            _paired(waiting, values, notes, joined_lines)
        elif values and _short(last) and joined_lines and isinstance(following, PrintedRow) and _short(following):
            # PDF text prints a value centred higher in its cell on the line above its row (`_layout_space`):
            # between two rows short of values, the values may go on the row above or be the next row's.
            where = f"between the rows {last.row.label} and {following.row.label}, both short of values"
            for value in values:
                _stray(value, notes, f"{where} (whose they are is not known)")
        elif values and _short(last):
            _join(last, values, notes)
        else:
            for value in values:
                _stray(value, notes)
        printed.extend(waiting)
    return printed


def _stray(values: _Values, notes: list[Note], where: str = "under no row label") -> None:
    shown = " | ".join(cell.text for cell in values.cells if cell.text)
    notes.append(
        Note(
            code="unplaced-cells",
            message=f"values {shorten(shown)!r} stand {where}: not read",
            line=values.raw.line,
        )
    )


def _paired(waiting: list[PrintedRow], values: list[_Values], notes: list[Note], joined_lines: bool) -> None:
    """Rows whose labels were printed one after another before their values: paired in order, or not placed.

    Every row of *waiting* but the last has no cell after its label. Where the
    last prints values in its own row (its line, or any row of a layout that
    does not join lines), they are its own; the labels before it are paired
    with the lines of values after it when their counts agree and each prints
    its numbering (a row printed between a label and its values), else they
    have none, and those lines continue the last row or stand under no label.
    """
    last = waiting[-1]
    label_line = last.raw.cells[last.label_at].line if last.label_at >= 0 else last.raw.line
    if last.after and (not joined_lines or all(cell.line == label_line for cell in last.after)):
        early = waiting[:-1]
        if values and len(values) == len(early) and not _short(last) and all(map(_printed_enumerator, early)):
            notes.append(
                Note(
                    code="joined-row",
                    message=f"the labels {'、'.join(row.row.label for row in early)} were printed before the row "
                    f"{last.row.label}: each is read with a line of values after it, in the same order",
                    line=early[0].raw.line,
                )
            )
            for row, value in zip(early, values, strict=True):
                row.after = list(value.cells)
                row.joined = True  # values of a line after another row's label: the shape of no printed row
            return
        for row in early:
            row.problem = "its label is printed without values"
        if values and _short(last):
            _join(last, values, notes)
        else:
            for value in values:
                _stray(value, notes)
        return
    lines = ([last.after] if last.after else []) + [value.cells for value in values]
    names = "、".join(row.row.label for row in waiting)
    numbered = all(_printed_enumerator(row) for row in waiting)
    if len(lines) == len(waiting) and numbered:
        notes.append(
            Note(
                code="joined-row",
                message=f"the labels {names} were printed before their values: each is read with the line of "
                "values in the same order",
                line=waiting[0].raw.line,
            )
        )
        for row, cells in zip(waiting, lines, strict=True):
            row.after = list(cells)
        return
    for row in waiting:
        row.after = []
        row.problem = f"the labels {names} stand before {len(lines)} lines of values: whose values are whose is unknown"


def _printed_enumerator(row: PrintedRow) -> bool:
    """Whether the label of *row* prints its own numbering (a fragment such as 予以公开 does not)."""
    normalized = normalize_label(row.label)
    return strip_numbering(normalized) != normalized


def _short(item: PrintedRow) -> bool:
    return sum(1 for cell in item.after if cell.text) < len(item.columns) and len(item.after) < len(item.columns)


def _join(item: PrintedRow, values: list[_Values], notes: list[Note]) -> None:
    """Join the rows of *values* to the short row *item*: a page break, or an empty line that was a blank cell.

    Values printed on the line below a label alone may stand under their
    columns, opening with the empty cells under the label's: those are dropped
    where the line has more cells than the row has columns; where it has no
    more, an opening empty cell may be a blank value instead, and the row is
    not placed.
    """
    cells = list(item.after)
    first = values[0].cells
    under = _cells_under(item, first)  # the cells under the label's, on the line below it
    if not cells and under > 0 and len(first) >= under and not any(cell.text for cell in first[:under]):
        if len(first) > len(item.columns):
            values[0] = _Values(values[0].raw, first[under:])
        else:
            item.problem = (
                "its values, on the line below it, open with an empty cell: whether that stands under the label "
                "or is a blank value is not known"
            )
    # A cell holding two numbers, perhaps, makes the count of cells prove no empty line a blank.
    apart = any(holds_values_apart(cell.text) for value in values for cell in value.cells)
    for value in values:
        missing = len(item.columns) - len(cells) - len(value.cells)
        gap = value.raw.gap
        if apart and gap:
            item.problem = (
                "it is cut by an empty line and a cell holds values apart (two values?): where each stands is not known"
            )
        # An empty line inside the row (blank-line layout): each one a blank cell whose tab was stripped. Right
        # after a label alone, it parts the label from its values as well (the row's last blanks stripped).
        blanks = missing >= gap > 0 and bool(cells)
        if missing >= gap > 0 and not cells:
            item.problem = (
                f"its values follow its label after {gap} empty line(s): whether those are blank cells or only part "
                "the label from its values is not known"
            )
        if blanks:
            cells.extend(Cell("", value.raw.line, 1) for _ in range(gap))
        cells.extend(value.cells)
        notes.append(
            Note(
                code="joined-row",
                message=f"values continue the row {item.row.label} from line {item.raw.line}"
                + (f", after {gap} empty line(s) read as blank cells" if blanks else ""),
                line=value.raw.line,
            )
        )
    item.after = cells
    item.joined = True
    if item.problem is None and len(cells) != len(item.columns) and any(value.raw.gap for value in values):
        item.problem = (
            f"the row is cut by an empty line and its {len(cells)} cells are not its {len(item.columns)} columns: "
            "where the missing ones stood is not known"
        )


def _cells_under(item: PrintedRow, cells: Sequence[Cell]) -> int:
    """How many of the first *cells* of the line below *item*'s label stand under the label's cells.

    In a grid (HTML, Word) that is where they stand: a cell spanning the
    label's columns is one cell under two; elsewhere one cell stands under each.
    """
    label = item.raw.cells[item.label_at] if 0 <= item.label_at < len(item.raw.cells) else None
    if label is None or label.grid is None:
        return item.label_at + 1
    end = label.grid + label.span
    under = 0
    for cell in cells:
        if cell.grid is None or cell.grid + cell.span > end:
            break
        under += 1
    return under
