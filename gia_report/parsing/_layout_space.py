"""Tokenizer of the space layout: the text a PDF extractor gives, cells separated by spaces.

Grammar::

    table      = { line }
    line       = [ label-part ] [ values ] NEWLINE
    values     = value { SPACE+ value }              (the values end the line)
    value      = number [ SPACE? unit ] | placeholder (0, 1,234, 12.5, 75394432.52 元, -, —, /)
    label-part = cell { SPACE SPACE+ cell }          (two or more spaces part cells; one does not)

A line whose text ends in values is a *values line*: it closes a row. The
first value may be glued to the label (``2.重复申请0 0 0``). A cell holding a
single space is parted there when its right part opens a numbered label
(``（四 1.本机关不``) or its left part is one or two characters of a group
label printed in a column of its own (``）无 掌握相关政``).

Labels wrap over lines, their values often on the last of them, and group
labels stand between rows or one character per line, so the label lines
before a values line become leading cells of its row; the table reader then
takes the rightmost cells that make a label. A label that ``pdftotext
-layout`` prints around its values (centred in its cell: ``一、本年新收政府信息``
/ values / ``公开申请数量``) is put together when it is numbered: from the
cell that opens it, the cells (on any line up to the next values line) that
continue a label of the catalog are its own, and the group labels and header
words between them are moved before it. Only a label that comes out whole
(a label or variant of the catalog) is put together so; any other row keeps
its cells in printed order.

Values a layout prints on the line above their row's label (a cell centred
higher than its neighbours) join that row when the two lines together hold
as many values as the rows around them, in the order of their columns.

A value printed blank leaves no cell at all, so a row with fewer numbers than
columns cannot be placed and stays blank with a note. The work is linear in
the length of each line.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import NamedTuple

import attrs

from ..catalog import FORMATS
from ._document import Cell, TableRow, new_tuple
from ._labels import normalize_label
from ._numbers import PLACEHOLDERS, cached_when_short, looks_like_value
from ._source import Line

__all__ = ["ends_in_values", "tokenize"]

_NUMBER = r"[-+]?\d[\d,]*(?:\.\d+)?"
_VALUE = re.compile(rf"(?:{_NUMBER}(?:万元|元)?|(?:增加|减少){_NUMBER})")
_UNIT = frozenset({"元", "万元"})
# A number glued to the label before it: after a CJK character, a closing bracket or quote.
_GLUED = re.compile(rf"(?<=[\u3400-\u9fff”’」』）)》〉】])({_NUMBER})$")
# A cell: words parted by single spaces (two or more spaces, or a tab, part cells).
_CELL = re.compile(r"\S+(?: \S+)*")
# Placeholders that are also characters of a label (无法提供 split one character per line) need a label before them.
_WORD_PLACEHOLDERS = frozenset({"无", "空"})
# The characters a value may end in besides a digit: a placeholder's or a unit's (full-width forms too).
_VALUE_ENDS = frozenset("".join(PLACEHOLDERS) + "元－／＼")

# The numbering that opens a label, after `normalize_label` (NFKC: （一） is (一), 1． is 1.).
_ENUMERATOR = re.compile(
    r"^(?:\(([一二三四五六七八九十]{1,3})\)|([一二三四五六七八九十]{1,3})[、.,]|(\d{1,2})[.、,](?!\d))"
)
# Where a cell is parted: at one space before a numbered label, or before a bracketed numbering glued to
# a group label's characters (果（一）予以公开; not 第（一）项).
_BEFORE_ENUMERATOR = re.compile(
    r" (?=[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.．、](?!\d)|[一二三四五六七八九十]{1,3}、)"
    r"|(?<=[\u3400-\u9fff])(?<!第)(?=[（(][一二三四五六七八九十]{1,3}[）)])"
)
_GROUP_PART = 2
# Numbering as printed, before normalization (full-width forms too): the cheap test `_ENUMERATOR` confirms.
_NUMBERED = re.compile(
    r"^\s*(?:[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]|[一二三四五六七八九十]{1,3}\s*[、.,．，]|[\d０-９]{1,2}\s*[.、,．，])"
)
# Numbering anywhere in a cell (normalized), where another label may start.
_NUMBERING_ANYWHERE = re.compile(
    r"\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}[、.,]|\d{1,2}[.、,](?!\d)"
)


def _is_value(token: str) -> bool:
    cleaned = token if token.isascii() else unicodedata.normalize("NFKC", token)
    return bool(_VALUE.fullmatch(cleaned)) or cleaned in PLACEHOLDERS


def _trailing_values(text: str) -> tuple[int, list[tuple[int, int]]]:
    """Where the label part of *text* ends, and the spans of the values that end the line (none if it does not).

    Read from the right, token by token: the work is linear in the line.
    """
    last = text.rstrip()[-1:]
    if not last or not (last.isdigit() or last in _VALUE_ENDS):
        return len(text), []  # most lines of labels are told at their last character
    tokens = text.split()
    values: list[tuple[int, int]] = []
    position = len(text)
    index = len(tokens) - 1
    while index >= 0:
        token = tokens[index]
        # The token's place: its last occurrence before the one read last (only spaces stand between them).
        start = text.rfind(token, 0, position)
        end = start + len(token)
        if token in _UNIT and index > 0 and _VALUE.fullmatch(tokens[index - 1]):
            start = text.rfind(tokens[index - 1], 0, start)
            values.append((start, end))  # 75394432.52 元: one cell
            position = start
            index -= 2
            continue
        if not _is_value(token):
            glued = _GLUED.search(token)
            if glued is not None:
                values.append((start + glued.start(), end))
            break
        values.append((start, end))
        position = start
        index -= 1
    values.reverse()
    if not values:
        return len(text), []
    label_end = values[0][0]
    if len(values) == 1 and not text[:label_end].strip() and text[values[0][0] : values[0][1]] in _WORD_PLACEHOLDERS:
        return len(text), []  # a lone 无 is a character of a label printed one per line
    return label_end, values


def ends_in_values(text: str) -> bool:
    """Whether the line *text* ends in values, as a row of the space layout does."""
    text = text.rstrip()
    return bool(_parts(text)[1])


def _split_cell(text: str, start: int) -> list[tuple[str, int]]:
    """A cell parted where a numbered label opens, or (at one space) after a group label's one or two characters."""
    if " " not in text and "（" not in text and "(" not in text:
        return [(text, start)]
    parts: list[tuple[str, int]] = []
    position = 0
    for found in _BEFORE_ENUMERATOR.finditer(text):
        parts.append((text[position : found.start()], start + position))
        position = found.end()
    parts.append((text[position:], start + position))
    split: list[tuple[str, int]] = []
    for part, at in parts:
        words = part.split(" ")
        if len(words) == 2 and len(words[0]) <= _GROUP_PART and len(words[1]) >= _GROUP_PART and _cjk(words[0]):
            split.extend([(words[0], at), (words[1], at + len(words[0]) + 1)])
        else:
            split.append((part, at))
    return [(part, at) for part, at in split if part.strip()]


def _cjk(text: str) -> bool:
    return all("\u3400" <= ch <= "\u9fff" or ch in "（）()、" for ch in text)


class _Printed(NamedTuple):
    """One line as printed: its label cells and the values that end it (none for a line of labels)."""

    number: int
    labels: tuple[Cell, ...]
    values: tuple[Cell, ...]


def _read_line(line: Line) -> _Printed | None:
    text = line.text.rstrip()
    if not text.strip():
        return None
    labels, values = _parts(text)
    start = line.column  # 1 but for a piece of a physical line (`Line`)
    number = line.number
    return new_tuple(
        _Printed,
        (
            number,
            tuple([new_tuple(Cell, (piece, number, at + start, None, 1, False)) for piece, at in labels]),
            tuple([new_tuple(Cell, (piece, number, at + start, None, 1, False)) for piece, at in values]),
        ),
    )


_Parts = tuple[tuple[tuple[str, int], ...], tuple[tuple[str, int], ...]]


# Table lines repeat (rows of zeros, the same label in every report): the short ones are read once.
@cached_when_short(maxsize=8192)
def _parts(text: str) -> _Parts:
    """The label cells and the values of the line *text*, each with its 0-based column."""
    label_end, spans = _trailing_values(text)
    labels = tuple(
        piece for found in _CELL.finditer(text[:label_end]) for piece in _split_cell(found.group(), found.start())
    )
    return labels, tuple((text[start:end], start) for start, end in spans)


# --- Labels of the catalog, to put a numbered label together ------------------------------------


@cached_when_short(maxsize=8192)
def _key(text: str) -> str:
    """*text* as compared with the catalog's labels: normalized, its numbering written one way.

    ``1、`` and ``1．`` are written ``1.``, ``（一）`` ``(一)``, ``一.`` ``一、``.
    """
    normalized = normalize_label(text)
    found = _ENUMERATOR.match(normalized)
    if found is None:
        return normalized
    bracketed, listed, digits = found.groups()
    numbering = f"({bracketed})" if bracketed else f"{listed}、" if listed else f"{digits}."
    return numbering + normalized[found.end() :]


def _catalog_keys() -> tuple[frozenset[str], frozenset[str]]:
    """The keys of every numbered row label and variant, and every prefix of them and of the group labels."""
    rows: set[str] = set()
    groups: set[str] = set()
    for spec in FORMATS.values():
        for table in spec.tables:
            rows.update(_key(label) for row in table.rows for label in row.labels)
            groups.update(_key(group) for group in table.groups)
    rows = {key for key in rows if _ENUMERATOR.match(key)}
    prefixes = {key[:end] for key in rows | groups for end in range(1, len(key) + 1)}
    return frozenset(rows), frozenset(prefixes)


_ROW_KEYS, _PREFIXES = _catalog_keys()
_ROW_PREFIXES = frozenset(key[:end] for key in _ROW_KEYS for end in range(1, len(key) + 1))
# The keys a label can still go on from (a whole label that no longer one begins with is finished).
_UNFINISHED = frozenset(key[:-1] for key in _PREFIXES if len(key) > 1)
_LONGEST = max(len(key) for key in _PREFIXES)
# A numbered label waits this many later labels at most for its continuation (group labels run long).
_OPEN_UNITS = 8


@attrs.define
class _Label:
    """A numbered label being put together: its cells (indices into the table's cells) and its key so far.

    ``whole`` is how many of its cells made a whole row label the last time
    they did (0 if they never did).
    """

    cells: list[int]
    key: str
    region: int
    whole: int = 0

    @property
    def row(self) -> bool:
        """Whether the label may still become a row label (not only a group label)."""
        return self.key in _ROW_PREFIXES

    def extend(self, index: int, key: str) -> bool:
        """Take cell *index* (of *key*) as the label's next part, if the label goes on so in the catalog."""
        joined = self.key + key
        if len(joined) > _LONGEST or joined not in _PREFIXES:
            return False
        self.cells.append(index)
        self.key = joined
        if joined in _ROW_KEYS:
            self.whole = len(self.cells)
        return True


def _labels_of(cells: Sequence[Cell], regions: Sequence[int], count: int) -> list[list[_Label]]:
    """The numbered row labels opened before (or on) each of *count* values lines, the one it closes last.

    ``regions[i]`` is the values line that cell *i* stands before or on
    (*count* after the last). A cell that is not numbered continues the
    label closed by the values line just before it, or else the latest open
    label that it continues in the catalog; otherwise it is left alone.
    """
    opened: list[list[_Label]] = [[] for _ in range(count)]
    closing: list[_Label | None] = [None] * count
    waiting: list[_Label] = []
    index = 0
    for region in range(count + 1):
        while index < len(cells) and regions[index] == region:
            text = cells[index].text
            before = closing[region - 1] if region > 0 else None
            if before is not None and before.key not in _UNFINISHED:
                before = None
            key = _key(text) if _NUMBERED.match(text) or before is not None or waiting else ""
            if key and _ENUMERATOR.match(key):
                if key in _PREFIXES:  # a label that no catalog label begins with cannot be put together
                    label = _Label([index], key, region, 1 if key in _ROW_KEYS else 0)
                    waiting = [*waiting[-_OPEN_UNITS:], label] if key in _UNFINISHED else waiting
                    if region < count and label.row:
                        opened[region].append(label)
            elif key:
                for label in ([before] if before is not None else []) + waiting[::-1]:
                    if label.extend(index, key):
                        break
                waiting = [label for label in waiting if label.key in _UNFINISHED]
            index += 1
        if region < count and opened[region]:
            closing[region] = opened[region][-1]
            waiting = [label for label in waiting if label is not closing[region]]
    return opened


def _rows(printed: list[_Printed]) -> list[TableRow]:
    """The rows of the *printed* lines, their numbered labels put together where they come out whole."""
    cells: list[Cell] = []
    regions: list[int] = []
    closers: list[_Printed] = []
    for line in printed:
        cells.extend(line.labels)
        regions.extend([len(closers)] * len(line.labels))
        if line.values:
            closers.append(line)
    count = len(closers)
    opened = _labels_of(cells, regions, count)
    own: list[list[int] | None] = [None] * count  # the cells of each values line's whole label
    for region, labels in enumerate(opened):
        if labels and labels[-1].whole:
            own[region] = labels[-1].cells[: labels[-1].whole]
    _pair_labels_with_values(opened, own, closers, regions)
    by_region: list[list[int]] = [[] for _ in range(count + 1)]
    for index, region in enumerate(regions):
        by_region[region].append(index)
    taken = {index for indices in own if indices for index in indices}
    for region, label in enumerate(own):
        if label and not all(
            _movable(cells[index]) for index in by_region[region] if index > label[0] and index not in taken
        ):
            taken.difference_update(label)
            own[region] = None
    rows: list[TableRow] = []
    for region, line in enumerate(closers):
        rest = [cells[index] for index in by_region[region] if index not in taken]
        label = own[region]
        if label:
            joined = Cell("".join(cells[index].text for index in label), cells[label[0]].line, cells[label[0]].column)
            rows.append(TableRow(line.number, (*rest, joined, *line.values)))
        else:
            rows.append(TableRow(line.number, (*rest, *line.values)))
    trailing = [cells[index] for index in by_region[count] if index not in taken]
    if trailing:
        rows.append(TableRow(trailing[0].line, tuple(trailing)))
    return rows


def _movable(cell: Cell) -> bool:
    """Whether *cell*, printed between the parts of a label, may be moved before it: a group label's part.

    A value, or a cell where another row's numbered label starts (two lines
    run together: ``0（七）总计``), is not: the row keeps its printed order.
    """
    return _movable_text(cell.text)


@cached_when_short(maxsize=8192)
def _movable_text(text: str) -> bool:
    if looks_like_value(text):
        return False
    normalized = normalize_label(text)
    for found in _NUMBERING_ANYWHERE.finditer(normalized):
        key = _key(normalized[found.start() :])
        if key[: len(_key(found.group())) + 1] in _ROW_PREFIXES:
            return False
    return True


def _pair_labels_with_values(
    opened: list[list[_Label]], own: list[list[int] | None], closers: list[_Printed], regions: list[int]
) -> None:
    """Give each of several whole labels printed before as many lines of values the line in its order.

    PDF text may print two labels and then their two rows of values (READING
    R4). Only when every label is whole, the lines of values follow each
    other with nothing between them, and each holds as many values as the
    table's rows mostly do, is each label its line's.
    """
    widths = Counter(len(line.values) for line in closers)
    width = widths.most_common(1)[0][0] if widths else 0
    filled = set(regions)
    for region, labels in enumerate(opened):
        if len(labels) < 2 or not all(label.whole == len(label.cells) for label in labels):
            continue
        following = range(region, region + len(labels))
        if following[-1] >= len(closers) or any(later in filled for later in following[1:]):
            continue
        if any(len(closers[later].values) != width for later in following):
            continue
        for later, label in zip(following, labels, strict=True):
            own[later] = label.cells


def _merge_raised_values(printed: list[_Printed]) -> list[_Printed]:
    """*printed* with a line of values alone joined to the labelled line under it, where it belongs to it.

    ``pdftotext -layout`` prints a value centred higher in its cell on the
    line above its row. The two are one row when they follow each other, their
    values stand in different columns, and together they hold as many values
    as the nearest labelled row above or below (as printed).
    """
    labelled = [bool(line.labels and line.values) for line in printed]
    before: list[int | None] = []
    last: int | None = None
    for index, is_labelled in enumerate(labelled):
        before.append(last)
        if is_labelled:
            last = index
    after: list[int | None] = [None] * len(printed)
    last = None
    for index in range(len(printed) - 1, -1, -1):
        after[index] = last
        if labelled[index]:
            last = index
    merged: list[_Printed] = []
    index = 0
    while index < len(printed):
        above = printed[index]
        below = printed[index + 1] if index + 1 < len(printed) else None
        if below is not None and not above.labels and above.values and labelled[index + 1]:
            near = (before[index], after[index + 1])
            widths = {len(printed[other].values) for other in near if other is not None}
            together = sorted((*above.values, *below.values), key=lambda cell: cell.column)
            columns = [cell.column for cell in together]
            apart = all(right - left >= 2 for left, right in itertools.pairwise(columns))
            if below.number == above.number + 1 and apart and len(together) in widths:
                merged.append(below._replace(values=tuple(together)))
                index += 2
                continue
        merged.append(above)
        index += 1
    return merged


def tokenize(lines: Iterable[Line]) -> list[TableRow]:
    """The rows of *lines*: each line ending in values closes a row opened by the label lines before it."""
    printed = [read for read in (_read_line(line) for line in lines) if read is not None]
    return _rows(_merge_raised_values(printed))
