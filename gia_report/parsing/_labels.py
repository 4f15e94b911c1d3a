"""Matching printed labels against the catalog.

A label is compared after normalization (`normalize_label`): NFKC (full-width
brackets, digits and colons), traditional characters to simplified, no
whitespace, no quotes, no leading numbering (``1.`` ``1、`` ``（一）`` ``一、``).
A match is then tried exactly, then against the known variants, then without a
parenthetical annotation, and last by similarity; all but the first come with
a note. A match by similarity is refused when it contradicts what the printed
label says for certain: its enumerator (``5.`` is not row 6) or the group
printed before it in the same cell.

Matching is memoized per table and bounded: similarity is computed only for
texts of about a label's length, after cheap upper bounds rule most labels out.
"""

from __future__ import annotations

import bisect
import difflib
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import attrs

from ..catalog import TRADITIONAL, Column, Table

__all__ = ["LabelMatch", "TableLabels", "enumerator", "labels_of", "normalize_label", "strip_numbering"]

_WHITESPACE = re.compile(r"\s+")
_QUOTES = re.compile("[“”‘’\"'「」『』〝〞]")
_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.,]|\([一二三四五六七八九十]+\)|\d{1,2}(?:[.、,](?!\d)|(?=[^\d.,、]))|[一二三四五六七八九十]+(?=[^是一二三四五六七八九十]))"
)
_PARENTHETICAL = re.compile(r"\([^()]*\)")
_NUMBERED = re.compile(r"^(?:\d{1,2}[.、．]|[（(][一二三四五六七八九十]+[)）])")
_TRADITIONAL = str.maketrans(dict(TRADITIONAL))
_BRACKETS = str.maketrans({"【": "(", "】": ")", "〔": "(", "〕": ")", "[": "(", "]": ")"})


@lru_cache(maxsize=4096)
def normalize_label(text: str) -> str:
    """The comparable form of a printed label, numbering kept.

    >>> normalize_label("(二) 部分公开 （区分处理的）")
    '(二)部分公开(区分处理的)'
    """
    text = unicodedata.normalize("NFKC", text).translate(_TRADITIONAL).translate(_BRACKETS)
    text = _QUOTES.sub("", _WHITESPACE.sub("", text))
    return text.replace("钩稽", "勾稽").replace("增/减", "增减")


def strip_numbering(normalized: str) -> str:
    """*normalized* without its leading numbering (``1.``, ``（三）``, ``三、``)."""
    stripped = _NUMBERING.sub("", normalized, count=1)
    return stripped or normalized


@lru_cache(maxsize=8192)
def _key(text: str) -> str:
    # Cached: the same captions and labels are looked up in every table of every report.
    return strip_numbering(normalize_label(text))


_ENUMERATOR = re.compile(
    r"^(?:\(([一二三四五六七八九十]+)\)|([一二三四五六七八九十]+)[、.,]|(\d{1,2})(?:[.、,](?!\d)|(?=[^\d.,、])))"
)
# Bounds of the label search: a printed label longer than this is no label, and the memo is cleared past its size.
_MEMO_SIZE = 20_000


def enumerator(normalized: str) -> str | None:
    """The numeral that opens *normalized* (``5`` of ``5.属于…``, ``三`` of ``(三)不予公开``), or ``None``."""
    found = _ENUMERATOR.match(normalized)
    if found is None:
        return None
    return next(group for group in found.groups() if group)


@attrs.frozen
class LabelMatch:
    """A label matched to a key, and how: ``exact``, ``variant``, ``annotation`` or ``similar``."""

    key: str
    how: str
    canonical: str


# By identity: the catalog's tables are module constants, and hashing a frozen table walks all of it.
_INDEXES: dict[int, tuple[Table, TableLabels]] = {}


def labels_of(table: Table) -> TableLabels:
    """The label index of *table*, built once per table."""
    found = _INDEXES.get(id(table))
    if found is None or found[0] is not table:
        found = _INDEXES[id(table)] = (table, TableLabels(table))
    return found[1]


class TableLabels:
    """The labels of one table of one format, indexed for matching."""

    def __init__(self, table: Table) -> None:
        self.table = table
        #: The table's distinct columns in printed order (`Table.columns` builds them anew on each access).
        self.columns = table.columns
        self._memo: dict[tuple[str, bool], LabelMatch | None] = {}
        self._column_memo: dict[str, str | None] = {}
        self._enumerators = {row.key: enumerator(normalize_label(row.label)) for row in table.rows}
        self._row_groups = {row.key: row.group for row in table.rows}
        self._rows: dict[str, LabelMatch] = {}
        for row in table.rows:
            self._rows.setdefault(_key(row.label), LabelMatch(row.key, "exact", row.label))
            for variant in row.variants:
                self._rows.setdefault(_key(variant), LabelMatch(row.key, "variant", row.label))
        self._matchers = [
            (label, difflib.SequenceMatcher(None, "", label, autojunk=False), set(label))
            for label in sorted(self._rows, key=len)
        ]
        self._lengths = [len(label) for label, _, _ in self._matchers]
        self._bare_rows = _unique({_PARENTHETICAL.sub("", k): m for k, m in self._rows.items()}.items())
        self._groups = {_key(group) for group in table.groups}
        self._group_prefixes = sorted({normalize_label(g) for g in table.groups} | self._groups, key=len, reverse=True)
        self._header = {_key(word) for word in table.header_words} | {
            _key(label) for column in table.columns for label in column.labels
        }
        self._blocks = re.compile(r"^第二十条第?\([一二三四五六七八九十]+\)项$")
        #: Longer normalized texts are never a row label, whole or with a group before it.
        self.longest = max(len(normalize_label(label)) for row in table.rows for label in row.labels) + max(
            (len(normalize_label(group)) for group in table.groups), default=0
        )
        self._columns = {column.key: {_key(label) for label in column.labels} for column in table.columns}
        self._bare_columns = {
            key: {_PARENTHETICAL.sub("", label) for label in labels} for key, labels in self._columns.items()
        }

    def row(self, text: str, *, similar: bool = True) -> LabelMatch | None:
        """The row *text* labels, or ``None``; *similar* allows a match by similarity."""
        memo = (text, similar)
        if memo in self._memo:
            return self._memo[memo]
        if len(self._memo) >= _MEMO_SIZE:
            self._memo.clear()
        found = self._row(text, similar) if len(text) <= 2 * self.longest + 20 else None
        self._memo[memo] = found
        return found

    def _row(self, text: str, similar: bool) -> LabelMatch | None:
        key = _key(text)
        if not key or len(key) > 2 * self.longest:
            return None
        found = self._rows.get(key)
        if found is not None:
            return found
        # A group label printed in the same cell as the row label: （三）不予公开 1.属于国家秘密.
        normalized = normalize_label(text)
        for prefix in self._group_prefixes:
            if normalized.startswith(prefix) and len(normalized) > len(prefix):
                inner = self.row(normalized[len(prefix) :], similar=similar)
                if inner is not None and inner.how == "similar" and not self._in_group(inner.key, prefix):
                    return None  # similar to a row of another group than the one printed
                if inner is not None:
                    return inner
        # A numbered label after a broken group label in the same cell: （四）无 1.本机关不掌握….
        words = text.split()
        for start in range(1, len(words)):
            if _NUMBERED.match(words[start]):
                inner = self.row("".join(words[start:]), similar=False)
                if inner is not None:
                    return inner
        bare = _PARENTHETICAL.sub("", key)
        if bare in self._bare_rows and bare:
            annotated = self._bare_rows[bare]
            return LabelMatch(annotated.key, "annotation", annotated.canonical)
        # No label ends in a digit: a text that does holds a value glued on, and is no label by similarity.
        if not similar or key[-1].isdigit():
            return None
        match = self._similar(key)
        if match is None:
            return None
        printed = enumerator(normalized)
        expected = self._enumerators.get(match.key)
        same_kind = printed is not None and expected is not None and printed.isdigit() == expected.isdigit()
        if same_kind and printed != expected:
            return None  # similar in words, but its printed number names another row
        return match

    def _in_group(self, row_key: str, prefix: str) -> bool:
        group = self._row_groups.get(row_key)
        return group is not None and prefix in (normalize_label(group), _key(group))

    def _similar(self, key: str) -> LabelMatch | None:
        # Only long labels are matched by similarity: a short one differs from another in a character.
        if len(key) < 5:
            return None
        # ratio() is at most 2·min(len)/(len a + len b), and at most 2·(characters in common)/(len a + len b):
        # most labels are ruled out by those bounds before the full comparison, whose matcher is built once.
        characters = set(key)
        scores: list[tuple[float, str]] = []
        # Labels of between 0.54 and 1.86 times the key's length are the only ones the length bound leaves.
        low = bisect.bisect_left(self._lengths, 0.538 * len(key))
        high = bisect.bisect_right(self._lengths, 1.858 * len(key))
        for label, matcher, label_characters in self._matchers[low:high]:
            total = len(key) + len(label)
            if 2 * min(len(key), len(label)) < 0.7 * total:
                continue
            if 2 * len(characters & label_characters) < 0.7 * total:
                continue
            matcher.set_seq1(key)
            if matcher.quick_ratio() < 0.7:
                continue
            scores.append((matcher.ratio(), label))
        if not scores:
            return None
        scores.sort(reverse=True)
        best_score, best = scores[0]
        runner_up = scores[1][0] if len(scores) > 1 else 0.0
        if best_score >= 0.8 and best_score - runner_up >= 0.1:
            match = self._rows[best]
            return LabelMatch(match.key, "similar", match.canonical)
        return None

    def is_group(self, text: str) -> bool:
        """Whether *text* is a group label (三、本年度办理结果, （三）不予公开 …)."""
        return _key(text) in self._groups

    def is_header(self, text: str) -> bool:
        """Whether *text* is a header caption, a block caption or a column label of this table."""
        key = _key(text)
        return key in self._header or bool(self._blocks.match(normalize_label(text)))

    def column(self, text: str, columns: Iterable[Column]) -> str | None:
        """The key of the column among *columns* that *text* labels, or ``None``."""
        if columns is self.columns:  # the table's own columns, as most lookups ask: memoized by text
            if text not in self._column_memo:
                if len(self._column_memo) >= _MEMO_SIZE:
                    self._column_memo.clear()
                self._column_memo[text] = self._column(text, columns)
            return self._column_memo[text]
        return self._column(text, columns)

    def _column(self, text: str, columns: Iterable[Column]) -> str | None:
        key = _key(text)
        keys = [column.key for column in columns]
        for column in keys:
            if key in self._columns.get(column, ()):
                return column
        bare = _PARENTHETICAL.sub("", key)
        for column in keys:
            if bare and bare in self._bare_columns.get(column, ()):
                return column
        return None


def _unique(pairs: Iterable[tuple[str, LabelMatch]]) -> dict[str, LabelMatch]:
    found: dict[str, LabelMatch] = {}
    clashes: set[str] = set()
    for key, match in pairs:
        if key in found and found[key].key != match.key:
            clashes.add(key)
        found.setdefault(key, match)
    return {k: v for k, v in found.items() if k not in clashes}
