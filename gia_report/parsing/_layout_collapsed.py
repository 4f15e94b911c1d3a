"""Collapsed text: what a crawler saved from a web page, every cell separator lost.

A table row arrives as its label glued to the digits of its cells, and often
to the next label's enumerator; the whole body may sit on a handful of
physical lines::

    …1.本机关不掌握相关政府信息70000072.没有现成信息需要另行制作0000000…

`reline` recognises such text and cuts it into pieces at the catalog's
anchors, each piece a `Line` that keeps its physical line number and the
column where it starts (`Piece`): the section headings with their numbering
(``二、主动公开政府信息情况``) anywhere; inside the table sections, every row
label, group label and block caption of the catalog (both formats), together
with its printed numbering when it carries a separator (``2.``: the ``2`` is
then the enumerator, not the last digit of the run before). Page chrome around
the title (``当前位置：…``, ``来源：… -->``) and after the last section
(``附件下载``) is dropped with a note. Any other text — copied tables, PDF
text — gives ``None``: it is not collapsed.

`tokenize` reads each piece of a table section as ``label run [text]``:

- ``label``: the text up to the first digit (or sign, or placeholder) after
  the label's own enumerator;
- ``run``: digits, spaces, ``,`` ``.`` ``+`` ``-``, placeholders (``/`` ``—``)
  and money units (元, 万元), as printed; a trailing ``N.`` or ``N、`` before
  more text is that text's enumerator, not part of the run;
- ``text``: anything after the last run (prose or chrome glued after the last
  number), a third cell of the row.

Each row is a `TableRow` of those cells (a piece without a run is one text
cell); the digits are split later, by `_digits`.

.. versionadded:: 0.2
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator, Sequence
from functools import cache

import attrs

from ..catalog import FORMATS, SECTIONS, read_title
from ._document import Cell, TableRow
from ._labels import normalize_label, strip_numbering
from ._result import Note
from ._sections import heading_of
from ._source import Line

__all__ = ["Piece", "reline", "tokenize"]


#: A piece of a physical line of collapsed text: a `Line` whose ``column`` says where in that line it starts.
Piece = Line


# --- Folding: label normalization one character at a time, so positions map back -------------------


_FOLDED: dict[str, str] = {}


def _fold(text: str) -> tuple[str, list[int]]:
    """*text* normalized as labels are (`normalize_label`), and the index in *text* of each character."""
    parts = []
    for char in text:
        folded = _FOLDED.get(char)
        if folded is None:
            folded = _FOLDED[char] = _TRANSLATION[ord(char)] = normalize_label(char)
        parts.append(folded)
    where = [index for index, part in enumerate(parts) for _ in part]
    return "".join(parts), where


def _folded(text: str) -> str:
    """*text* folded as `_fold` does, without the index of each character (one ``str.translate``)."""
    for char in set(text).difference(_FOLDED):
        _FOLDED[char] = _TRANSLATION[ord(char)] = normalize_label(char)
    return text.translate(_TRANSLATION)


_TRANSLATION: dict[int, str] = {}  # `_FOLDED` by code point, for str.translate


# --- The catalog's anchors ------------------------------------------------------------------------------

_TABLE_KEYS = ("active", "requests", "appeals")
_CJK_NUMERAL = "一二三四五六七八九十"
_DIGIT_NUMBERING = re.compile(r"^(\d{1,2})[.、,]$")
# A section heading inside collapsed text: its numbering (一、 or 1、, one character: there are six) and title.
_HEADING_NUMBER = re.compile(r"[一二三四五六][、.]?|[1-6][、.]")
_HEADING_END = re.compile(r"情况|事项")
#: A heading is at most this long, its numbering included.
_HEADING_SPAN = 42


@attrs.frozen
class _Anchor:
    """A label to cut at: its folded body, the numbering the catalog prints before it, and what it is."""

    body: str
    numbering: str
    kind: str  # "row", "group" or "block"
    needs_numbering: bool


@cache
def _anchors(table_key: str) -> tuple[_Anchor, ...]:
    """The anchors of table *table_key*, both formats, longest first."""
    found: dict[tuple[str, str], _Anchor] = {}

    def add(label: str, kind: str) -> None:
        full = _folded(label)
        body = strip_numbering(full)
        numbering = full[: len(full) - len(body)]
        # A short body (其他, 总计) occurs inside other labels and captions: only its numbering tells.
        anchor = _Anchor(body, numbering, kind, bool(numbering) and len(body) <= 2)
        found.setdefault((body, numbering), anchor)

    for spec in FORMATS.values():
        table = spec.table(table_key)
        if table_key != "appeals":  # the appeals' rows are named in its header, not as row labels
            for row in table.rows:
                for label in row.labels:
                    add(label, "row")
                if row.block:
                    add(row.block, "block")
        for group in table.groups:
            add(group, "group")
    return tuple(sorted(found.values(), key=lambda anchor: len(anchor.body), reverse=True))


@cache
def _evidence_bodies() -> tuple[str, ...]:
    """The row labels of table requests (both formats) long enough to be told apart, folded, without numbering."""
    bodies = {
        strip_numbering(_folded(label))
        for spec in FORMATS.values()
        for row in spec.table("requests").rows
        for label in row.labels
    }
    return tuple(sorted((body for body in bodies if len(body) >= 4), key=len, reverse=True))


@cache
def _any_body() -> re.Pattern[str]:
    """Any of `_evidence_bodies` in a folded text."""
    return re.compile("|".join(map(re.escape, _evidence_bodies())))


# --- Recognising collapsed text -------------------------------------------------------------------------

# Labels of table requests glued to digits on one line, or each glued to this many digits with no space.
_LABELS_ON_A_LINE = 3
_GLUED_DIGITS = 7
#: What a value cell starts with: a digit, or a placeholder printed for a blank (after folding).
_VALUE_START = frozenset("0123456789-/—–−─")


#: What a label ends with: a character that is neither ASCII nor white space, or a closing bracket or quote.
#: One class, the ASCII and white-space characters it leaves out spelt as ranges: Python's engine tests it at
#: every position of every line, and a class of ranges is tested faster than an alternation or ``\s``
#: (the same characters as ``(?:[^\x00-\x7f\s]|[)\]"'])``, a test compares the two over every code point).
LABEL_END = r"""[^\x00-\x21\x23-\x26\x28\x2a-\x5c\x5e-\x7f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"""
_LABEL_THEN_VALUE = re.compile(LABEL_END + r"""[\s"']*[0-9０-９/／—–−─\-－]""")
_GLUED_RUN = re.compile(LABEL_END + r"[0-9/—–−─-]{" + str(_GLUED_DIGITS) + "}")
#: Cheaper tests implied by those two, to rule most lines out first: each match of `_LABEL_THEN_VALUE`
#: ends in a value character preceded by a label's end, by white space or a quote after a label's end, or by
#: two such; and a glued run is a run. Searched from the value character, which most positions of a line are
#: not, they cost half as much as the tests they stand in front of.
_VALUE = r"[0-9０-９/／—–−─\-－]"
_QUOTED = r"""[\s"']"""
_MAY_LABEL_THEN_VALUE = re.compile(f"{_VALUE}(?:(?<={LABEL_END}.)|(?<={LABEL_END}{_QUOTED}.)|(?<={_QUOTED}{_QUOTED}.))")
_MAY_GLUED_RUN = re.compile(r"[0-9/—–−─-]{" + str(_GLUED_DIGITS) + "}")
#: What stands a label apart from its value: text whose cells keep their separators (PDF text, or a table
#: copied with tabs, several rows on one line) is no crawler's collapsed text, where the digits are glued on.
_APART = frozenset(" \t\u3000\u00a0\"'")
#: A digit after a label that is the next label's enumerator (``其他处理  1.申请人…``), not a value: a group
#: label followed by its first row, as PDF text prints two rows run together on one line.
_NEXT_ENUMERATOR = re.compile(r"[0-9０-９]{1,2}[.．、](?=[^0-9０-９])")


def _collapsed(lines: Sequence[Line], folds: dict[int, tuple[str, list[int]]]) -> bool:
    """Whether *lines* are collapsed text: several row labels each followed by digits on one line, or
    several rows whose label is glued to a run of digits (or placeholders) with no separator at all.
    Only a label its digits are glued to counts: one followed by white space, or by the next label's
    enumerator (a group label before its first row), is no evidence.

    *folds* keeps each line's `_fold`, by index, for the re-lining.
    """
    glued_rows = 0
    for index, line in enumerate(lines):
        # A cheap necessary condition first: a label's end (a wide character, or a bracket or quote)
        # followed by a value, three times on the line or once glued to a run; most lines have neither.
        text = line.text
        if len(_MAY_LABEL_THEN_VALUE.findall(text)) < _LABELS_ON_A_LINE and not _MAY_GLUED_RUN.search(text):
            continue
        if len(_LABEL_THEN_VALUE.findall(text)) < _LABELS_ON_A_LINE and not _GLUED_RUN.search(text):
            continue
        # Prose passes those tests: a line that holds no label of table requests at all is ruled out faster
        # than by looking for each label in turn.
        if not _any_body().search(_folded(text)):
            continue
        folded, where = folds[index] = _fold(line.text)
        on_line = 0
        for _start, end in _occurrences(folded, _evidence_bodies()):
            if end < len(folded) and folded[end] in _VALUE_START:
                after = where[end - 1] + 1
                if line.text[after] in _APART or _NEXT_ENUMERATOR.match(line.text, after):
                    continue  # a value the label stands apart from; or the next label's enumerator
                on_line += 1
                glued = line.text[after : after + _GLUED_DIGITS]
                if len(glued) == _GLUED_DIGITS and all(char in _VALUE_START for char in glued):
                    glued_rows += 1
        if on_line >= _LABELS_ON_A_LINE:
            return True
    return glued_rows >= _LABELS_ON_A_LINE


class _Spans:
    """Non-overlapping spans, kept sorted, so that a new one is tested against its two neighbours only."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def take(self, start: int, end: int) -> bool:
        """Add ``[start, end)`` unless it overlaps a span taken; whether it was added."""
        at = bisect.bisect_left(self.starts, start)
        if (at > 0 and self.ends[at - 1] > start) or (at < len(self.starts) and self.starts[at] < end):
            return False
        self.starts.insert(at, start)
        self.ends.insert(at, end)
        return True


def _occurrences(folded: str, bodies: Sequence[str]) -> Iterator[tuple[int, int]]:
    """The non-overlapping occurrences of *bodies* in *folded* (longest first at each place), in order."""
    taken = _Spans()
    for body in bodies:
        start = folded.find(body)
        while start >= 0:
            taken.take(start, start + len(body))
            start = folded.find(body, start + 1)
    yield from zip(taken.starts, taken.ends, strict=True)


# --- Re-lining --------------------------------------------------------------------------------------------

_CHROME_BEFORE_TITLE = ("当前位置", "您的位置", "您现在的位置")
_CHROME_AFTER_TITLE = ("来源：", "来源:", "发布时间", "发布日期", "时间：", "浏览次数", "字号", "分享")
_CHROME_END = ("附件下载", "打印本页", "关闭窗口", "【打印】", "【关闭】", "扫一扫在手机上查看当前页面", "分享到：")
_COMMENT_END = "-->"
_PREAMBLE = re.compile(r"根据|依据|按照|现将|本报告")
_CHROME_SPAN = 300


def reline(lines: Sequence[Line], notes: list[Note]) -> list[Line] | None:
    """*lines* cut at the catalog's headings and row labels if they are collapsed text, else ``None``.

    Chrome dropped is noted in *notes*.
    """
    folds: dict[int, tuple[str, list[int]]] = {}
    if not _collapsed(lines, folds):
        return None
    pieces: list[Line] = []
    section: str | None = None
    order = [s.key for s in SECTIONS]
    for index, line in enumerate(lines):
        if not line.text.strip():
            pieces.append(line)
            continue
        folded, where = folds[index] if index in folds else _fold(line.text)
        headings: list[tuple[int, int, str]] = []
        for start, end, key in _heading_matches(folded):
            # Sections come in their national order: a title met again later is prose.
            latest = headings[-1][2] if headings else section
            if latest is None or order.index(key) > order.index(latest):
                headings.append((where[start], where[end - 1] + 1, key))
        pieces.extend(_cut(line, headings, folded, where, section))
        if headings:
            section = headings[-1][2]
    _drop_front_chrome(pieces, notes)
    _drop_end_chrome(pieces, notes)
    return pieces


#: The pieces at the start of the text where the title is looked for.
_FRONT_PIECES = 3


def _drop_front_chrome(pieces: list[Line], notes: list[Note]) -> None:
    """Cut the title out of the first pieces, and drop the page chrome around it."""
    filled = [i for i, piece in enumerate(pieces) if piece.text.strip()][:_FRONT_PIECES]
    for position, index in enumerate(filled):
        if _title_in(pieces[index].text) is None:
            continue
        pieces[index : index + 1] = _front(pieces[index], notes)
        for before in reversed(filled[:position]):
            text = pieces[before].text.strip()
            if any(marker in text for marker in _CHROME_BEFORE_TITLE):
                notes.append(
                    Note(code="site-chrome", message=f"page chrome {text[:40]!r} dropped", line=pieces[before].number)
                )
                del pieces[before]
        return


def _heading_matches(folded: str) -> Iterator[tuple[int, int, str]]:
    """The section headings inside a folded line: numbering, then a title that `heading_of` accepts.

    A title ends at its first 情况 or 事项; `heading_of` compares it as every
    layout does (its connectors and filler words aside: 与, 及, 因…被…).
    """
    position = 0
    while True:
        number = _HEADING_NUMBER.search(folded, position)
        if number is None:
            return
        end = _HEADING_END.search(folded, number.end(), number.start() + _HEADING_SPAN)
        if end is not None:
            section = heading_of(Line(0, folded[number.start() : end.end()]))
            if section is not None:
                yield number.start(), end.end(), section.key
                position = end.end()
                continue
        position = number.start() + 1


def _cut(
    line: Line, headings: list[tuple[int, int, str]], folded: str, where: list[int], open_at_start: str | None
) -> list[Line]:
    """*line* cut at its *headings* and, inside table sections, at the anchors of the section's table.

    *open_at_start* is the section open where the line begins.
    """
    cuts: set[int] = set()
    stretches: list[tuple[int, int, str | None]] = []
    start, key = 0, open_at_start
    for heading_start, heading_end, opened in headings:
        stretches.append((start, heading_start, key))
        cuts.update((heading_start, heading_end))
        start, key = heading_end, opened
    stretches.append((start, len(line.text), key))
    for stretch_start, stretch_end, section in stretches:
        if section in _TABLE_KEYS:
            cuts.update(_anchor_cuts(line.text, folded, where, stretch_start, stretch_end, section))
    return _pieces(line, sorted(cuts))


def _anchor_cuts(text: str, folded: str, where: list[int], start: int, end: int, table_key: str) -> list[int]:
    """The places in ``text[start:end]`` where an anchor of table *table_key* starts, with its numbering."""
    lo, hi = bisect.bisect_left(where, start), bisect.bisect_left(where, end)
    segment = folded[lo:hi]
    taken = _Spans()
    cuts: list[int] = []
    for anchor in _anchors(table_key):
        found = segment.find(anchor.body)
        while found >= 0:
            stop = found + len(anchor.body)
            begin = _numbered_start(segment, found, anchor)
            if begin is not None and taken.take(begin, stop):
                cuts.append(where[lo + begin])
            found = segment.find(anchor.body, found + 1)
    return cuts


def _numbered_start(segment: str, at: int, anchor: _Anchor) -> int | None:
    """Where the anchor found at *at* starts, its printed numbering included; ``None`` if it is no anchor there.

    A digit enumerator counts only with its separator (``2.``, ``2、``): without
    one, the digit may as well be the last of the run before it.
    """
    before = segment[max(0, at - 4) : at]
    if anchor.numbering and _DIGIT_NUMBERING.match(anchor.numbering):
        digits = _DIGIT_NUMBERING.match(anchor.numbering)
        assert digits is not None
        width = len(digits.group(1))
        printed = re.search(rf"\d{{{width}}}[.、,]$", before)
        if printed is not None:
            if anchor.needs_numbering and not before.endswith(anchor.numbering[:-1] + printed.group(0)[-1]):
                return None
            return at - len(printed.group(0))
        return None if anchor.needs_numbering else at
    printed = re.search(rf"(?:\([{_CJK_NUMERAL}]+\)|[{_CJK_NUMERAL}]+[、.])$", before)
    if printed is not None:
        if anchor.needs_numbering and printed.group(0) != anchor.numbering:
            return None
        return at - len(printed.group(0))
    return None if anchor.needs_numbering else at


def _pieces(line: Line, cuts: Sequence[int]) -> list[Line]:
    """*line* cut at *cuts*, each piece stripped, with its column; empty pieces left out."""
    pieces: list[Line] = []
    bounds = [0, *(cut for cut in cuts if 0 < cut < len(line.text)), len(line.text)]
    base = line.column
    for start, end in itertools.pairwise(bounds):
        part = line.text[start:end]
        stripped = part.strip()
        if stripped:
            offset = start + len(part) - len(part.lstrip())
            pieces.append(Piece(line.number, stripped, base + offset))
    return pieces


def _front(piece: Line, notes: list[Note]) -> list[Line]:
    """The first piece of the text cut into its chrome (dropped), its title and the rest."""
    text = piece.text
    found = _title_in(text)
    if found is None:
        return [piece]
    start, end = found
    kept: list[tuple[int, int]] = []
    before = text[:start].strip()
    if before:
        if any(marker in before for marker in _CHROME_BEFORE_TITLE):
            notes.append(Note(code="site-chrome", message=f"page chrome {before[:40]!r} dropped", line=piece.number))
        else:
            kept.append((0, start))
    kept.append((start, end))
    rest = end
    after = text[end : end + _CHROME_SPAN]
    comment = after.find(_COMMENT_END)
    preamble = _PREAMBLE.search(after)
    chrome_end = None
    if comment >= 0:
        chrome_end = end + comment + len(_COMMENT_END)
    elif any(after.lstrip().startswith(marker) for marker in _CHROME_AFTER_TITLE) and preamble is not None:
        chrome_end = end + preamble.start()
    if chrome_end is not None:
        dropped = text[end:chrome_end].strip()
        if dropped:
            notes.append(Note(code="site-chrome", message=f"page chrome {dropped[:40]!r} dropped", line=piece.number))
        rest = chrome_end
    kept.append((rest, len(text)))
    column = piece.column
    out: list[Line] = []
    for a, b in kept:
        part = text[a:b]
        if part.strip():
            out.append(Piece(piece.number, part.strip(), column + a + len(part) - len(part.lstrip())))
    return out


_TITLE_END = re.compile(r"报告(?:[（(][^（()）]{0,30}[)）])?")
_TITLE_START = re.compile(r"[\s：:>»|，。、]")


def _title_in(text: str) -> tuple[int, int] | None:
    """Where the national form's title stands in *text*, or ``None``: it ends at 报告, and starts after the
    last space or punctuation before its year."""
    for found in _TITLE_END.finditer(text[: _CHROME_SPAN + 100]):
        end = found.end()
        head = text[:end]
        starts = [m.end() for m in _TITLE_START.finditer(head)]
        for start in [*[s for s in starts if s < end][::-1], 0]:
            candidate = head[start:end]
            if read_title(re.sub(r"\s+", "", candidate)) is not None:
                return start, end
            if re.search(r"(?:19|20)\d{2}", candidate):
                break
    return None


def _drop_end_chrome(pieces: list[Line], notes: list[Note]) -> None:
    """Drop the chrome a web page prints after the report (附件下载 …) from the last piece."""
    while pieces and not pieces[-1].text.strip():
        pieces.pop()
    if not pieces:
        return
    last = pieces[-1]
    text = last.text.rstrip()
    dropped: list[str] = []
    changed = True
    while changed:
        changed = False
        for marker in _CHROME_END:
            if text.endswith(marker):
                text = text[: -len(marker)].rstrip()
                dropped.append(marker)
                changed = True
    if not dropped:
        return
    for marker in dropped:
        notes.append(Note(code="site-chrome", message=f"page chrome {marker!r} dropped", line=last.number))
    column = last.column
    if text:
        pieces[-1] = Piece(last.number, text, column)
    else:
        pieces.pop()


# --- Tokenizing a table section ---------------------------------------------------------------------------

_LEADING_ENUMERATOR = re.compile(r"\s*[0-9０-９]{1,2}\s*[.、,．，]")
_RUN_START = re.compile(r"[0-9０-９+\-－/—–−─]")
_RUN_CHARS = frozenset("0123456789０１２３４５６７８９,.，．+-－/\\—–−─元 \t\u3000\xa0")
_ENUMERATOR_AFTER = "、．"


def tokenize(lines: Sequence[Line]) -> list[TableRow]:
    """The rows of a collapsed table section: a label cell, a cell holding the unsplit run, and any text after.

    >>> [[c.text for c in row.cells] for row in tokenize([Line(1, "规章000规范性文件8989891.其他123")])]
    [['规章', '000'], ['规范性文件', '898989'], ['1.其他', '123']]
    """
    rows: list[TableRow] = []
    for line in lines:
        if not line.text.strip():
            continue
        column = line.column
        rows.extend(_segments(line.number, line.text, column))
    return rows


def _segments(number: int, text: str, column: int) -> list[TableRow]:
    """The (label, run) pairs of one piece, the text after its last run joined to its last row."""
    rows: list[TableRow] = []
    position = 0
    n = len(text)
    while position < n:
        label_start = position
        skip = _LEADING_ENUMERATOR.match(text, position)
        run_at = _RUN_START.search(text, skip.end() if skip else position)
        while run_at is not None and not _starts_run(text, run_at.start()):
            run_at = _RUN_START.search(text, run_at.start() + 1)
        if run_at is None:
            cell = _cell(text, label_start, n, number, column)
            if cell is not None and rows and len(rows[-1].cells) == 2:
                rows[-1] = TableRow(rows[-1].line, (*rows[-1].cells, cell))
            elif cell is not None:
                rows.append(TableRow(number, (cell,)))
            break
        run_start = run_end = run_at.start()
        while run_end < n and (text[run_end] in _RUN_CHARS or _unit_at(text, run_end)):
            run_end += 2 if _unit_at(text, run_end) else 1
        stop = _run_stop(text, run_start, run_end)
        label = _cell(text, label_start, run_start, number, column)
        run = _cell(text, run_start, stop, number, column)
        if run is None:  # the run was only the enumerator of the text after it
            stop = run_end
            run = _cell(text, run_start, stop, number, column)
            assert run is not None
        rows.append(TableRow(number, (label or Cell("", number, column + label_start), run)))
        position = stop
    return rows


def _run_stop(text: str, start: int, end: int) -> int:
    """Where the run ``text[start:end]`` stops: before the enumerator or the comma of the text after it.

    ``…00000002.重复申请``: ``2.`` numbers the next label; ``…2、…`` too;
    ``…2，我局…``: the comma is the prose's.
    """
    if end >= len(text):
        return end
    kept = text[start:end].rstrip()
    tail = start + len(kept)
    if not kept:
        return end
    last = kept[-1]
    if text[end] in _ENUMERATOR_AFTER and last.isdigit():
        return tail - 1
    if last in ".．" and len(kept) >= 2 and kept[-2].isdigit():
        return tail - 2
    if last in ",，":
        return tail - 1
    return end


def _starts_run(text: str, at: int) -> bool:
    """Whether the digit, sign or placeholder at *at* starts a run: a digit, or a mark before a digit or a mark."""
    char = text[at]
    if char.isdigit():
        return True
    rest = text[at + 1 : at + 3].lstrip()
    return bool(rest) and (rest[0].isdigit() or rest[0] in "-－/—–−─")


def _unit_at(text: str, at: int) -> bool:
    return text.startswith("万元", at) and at > 0 and text[at - 1].isdigit()


def _cell(text: str, start: int, end: int, number: int, column: int) -> Cell | None:
    part = text[start:end]
    stripped = part.strip()
    if not stripped:
        return None
    return Cell(stripped, number, column + start + len(part) - len(part.lstrip()))
