"""Collapsed digit runs: every reading of a run, and the cells that the table's identities fix.

A crawler that saves a web page's text drops the separators between cells: the
row ``23 | 0 | 0 | 0 | 0 | 0 | 23`` arrives as ``230000023``. The digits are all
there; what is lost is where one number ends and the next begins.

`splits` gives every reading of one run, one printed number per cell, as a
cell can print it: no leading zero in a number of two digits or more; a
``signed`` cell (the 2019 本年增/减) may carry ``+`` or ``-``; ``money`` may
carry decimals and a unit (元, 万元); a placeholder (``-``, ``/``, ``—``) is a
cell printed blank. Spaces are ignored: a crawler leaves stray ones, which are
no reliable separators. A ``|`` in a run is a cut that every reading makes
(text stood there). A run with an *open end* (prose glued after it:
``…20000022025年``) may leave trailing digits unread, as the number that starts
the prose.

`solve` takes the runs of one table and the identity instances of the catalog
(`gia_report._cells.Equation`: data, never the checker) and gives a cell the
value that every consistent reading gives it:

1. each run alone: where all its readings agree, the digits alone decide;
2. each run with the equations whose cells all lie in it (a row's 总计);
3. the runs still read several ways, with the equations across runs (the
   balance, the outcome sums): a reading stays if some choice of readings of
   the other runs satisfies every equation.

In an equation a placeholder counts as 0, and an equation whose total cells are
all placeholders constrains nothing (as `gia_report.check` treats blanks). A
cell whose consistent readings disagree has no value; nor has one of a run that
no reading is consistent for, except where the digits alone decide it. Nothing
is ever chosen by closeness or plausibility. Every search is bounded by a count
of steps; past it the cells stay open. Each value says which equations it
relied on (`Solution.used`), so that they are not taken as evidence later.

>>> splits("2648-18538", ("count", "signed", "count"))
(('2648', '-', '18538'), ('2648', '-1', '8538'), ('2648', '-18', '538'), ('2648', '-185', '38'), ('2648', '-1853', '8'))

.. versionadded:: 0.2
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Literal

import attrs

from .._cells import Equation
from ..catalog import CellKind

__all__ = ["Reading", "Run", "RunOutcome", "Solution", "compact", "solve", "splits", "value_of"]

#: One reading of a run: the printed text of each of its cells.
Reading = tuple[str, ...]
Value = int | Decimal | tuple[Decimal, str] | None

#: Placeholders a cell may print for nothing (after NFKC), longest first.
_PLACEHOLDERS = ("——", "--", "/-", "—", "-", "/", "\\", "–", "−", "─")
_DIGITS = frozenset("0123456789")
#: The characters a run is made of, besides digits (after NFKC, spaces removed).
RUN_CHARACTERS = frozenset("0123456789,.+-|/\\—–−─元万")
_UNITS = ("万元", "元")
#: The steps one run's search may take in `solve`, at most, and the whole search.
RUN_LIMIT = 4_000
SOLVE_LIMIT = 20_000
#: The most readings of a run without equations of its own that are listed (for the equations across runs).
LISTED = 200


class _Bound(Exception):
    """The search took more steps than its limit."""


class _Budget:
    """A count of search steps left."""

    def __init__(self, steps: int) -> None:
        self.left = steps

    def step(self) -> None:
        self.left -= 1
        if self.left < 0:
            raise _Bound


def compact(text: str) -> tuple[str, tuple[int, ...]]:
    """*text* in NFKC without spaces, and the index in *text* of each character kept.

    >>> compact("23 0１")
    ('2301', (0, 1, 3, 4))
    """
    kept: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text):
        if char.isspace():
            continue
        for folded in unicodedata.normalize("NFKC", char):
            if not folded.isspace():
                kept.append(folded)
                where.append(index)
    return "".join(kept), tuple(where)


def value_of(text: str, kind: CellKind) -> Value:
    """The value a cell's *text* of a reading stands for: ``None`` for a placeholder.

    Money keeps its unit beside the number (``(Decimal('12.5'), '万元')``):
    readings are compared by value, and 12.5万元 is not 12.5元.

    >>> value_of("1,234", "count"), value_of("-3", "signed"), value_of("-", "count")
    (1234, -3, None)
    """
    if text in _PLACEHOLDERS:
        return None
    if kind == "money":
        unit = next((unit for unit in _UNITS if text.endswith(unit)), "")
        return Decimal(text[: len(text) - len(unit)].replace(",", "")), unit
    return int(text.replace(",", ""))


def _number(value: Value) -> int | Decimal:
    """*value* as a term of an equation: a placeholder counts as 0."""
    if value is None:
        return 0
    if isinstance(value, tuple):
        return value[0]
    return value


def _digits_end(s: str, i: int) -> int:
    while i < len(s) and s[i] in _DIGITS:
        i += 1
    return i


def _ends(s: str, i: int, kind: CellKind) -> Iterator[int]:
    """Every end *j* such that ``s[i:j]`` is a cell of *kind* as a cell can print it."""
    n = len(s)
    for placeholder in _PLACEHOLDERS:
        if s.startswith(placeholder, i):
            yield i + len(placeholder)
    start = i
    if kind == "signed" and i < n and s[i] in "+-":
        start = i + 1
    if start >= n or s[start] not in _DIGITS:
        return
    if s[start] == "0":
        if start > i:
            return  # a sign before 0 is not printed
        integer_ends = [start + 1]
    else:
        integer_ends = list(range(start + 1, _digits_end(s, start) + 1))
        integer_ends.extend(_grouped(s, start))
    for end in integer_ends:
        if kind != "money":
            yield end
            continue
        decimal_ends = [end]
        if end + 1 < n and s[end] == "." and s[end + 1] in _DIGITS:
            decimal_ends.extend(range(end + 2, _digits_end(s, end + 1) + 1))
        for number_end in decimal_ends:
            yield number_end
            for unit in _UNITS:
                if s.startswith(unit, number_end):
                    yield number_end + len(unit)


def _grouped(s: str, start: int) -> list[int]:
    """The ends of a number with thousands separators starting at *start*: ``1,234`` ``12,345,678``."""
    found: list[int] = []
    for lead in range(1, 4):
        end = start + lead
        if _digits_end(s, start) < end:
            break
        while end + 4 <= len(s) and s[end] == "," and all(c in _DIGITS for c in s[end + 1 : end + 4]):
            end += 4
            found.append(end)
    return found


def _leftover(s: str, i: int) -> bool:
    """Whether ``s[i:]`` can be the number that starts the prose after an open run: ``2025`` of 2025年."""
    return i < len(s) and s[i] in "123456789" and _digits_end(s, i) == len(s)


@attrs.frozen
class _Local:
    """An equation inside one run, by cell index: ``totals`` and ``parts``."""

    totals: tuple[int, ...]
    parts: tuple[int, ...]


def _holds(totals: Sequence[Value], parts: Sequence[Value]) -> bool:
    if all(value is None for value in totals):
        return True  # a blank total is no constraint
    return sum(_number(v) for v in totals) == sum(_number(v) for v in parts)


class _Grammar:
    """The readings of one compact run into cells of given kinds, as a graph of positions (no enumeration).

    ``ways[c]`` maps each position where cell *c* can start, the cells before
    it having read the run so far, to how many ways they can; ``done[c]`` holds
    the positions from which cells *c*… can read the rest of the run. Only
    steps on both lead anywhere, so enumerating readings costs their number,
    not the dead ends.
    """

    def __init__(self, s: str, kinds: Sequence[CellKind], open_end: bool) -> None:
        self.s, self.kinds, self.n = s, tuple(kinds), len(s)
        count = len(kinds)
        self._ends: dict[tuple[int, CellKind], list[tuple[int, str, Value]]] = {}
        self.ways: list[dict[int, int]] = [{self.skip(0): 1}]
        for c in range(count):
            following: dict[int, int] = {}
            for a, ways in self.ways[c].items():
                for b, _, _ in self.ends(a, kinds[c]):
                    following[b] = following.get(b, 0) + ways
            self.ways.append(following)
        self.finals = {p for p in range(self.n + 1) if p == self.n or (open_end and _leftover(s, p))}
        self.done: list[set[int]] = [set() for _ in range(count)] + [self.finals]
        for c in range(count - 1, -1, -1):
            self.done[c] = {
                a for a in range(self.n + 1) if any(b in self.done[c + 1] for b, _, _ in self.ends(a, kinds[c]))
            }
        self.count = sum(ways for p, ways in self.ways[count].items() if p in self.finals)

    def skip(self, i: int) -> int:
        """*i* past any cut marks: where a cell may start."""
        while i < self.n and self.s[i] == "|":
            i += 1
        return i

    def ends(self, a: int, kind: CellKind) -> list[tuple[int, str, Value]]:
        """Each cell of *kind* that can start at *a*: where the next starts, its text, its value."""
        found = self._ends.get((a, kind))
        if found is None:
            found = self._ends[(a, kind)] = [
                (self.skip(b), self.s[a:b], value_of(self.s[a:b], kind)) for b in _ends(self.s, a, kind)
            ]
        return found

    def spans(self, c: int) -> Iterator[tuple[int, int, str, Value]]:
        """Every way cell *c* is read in some reading: start, next start, text, value."""
        for a in self.ways[c]:
            for b, text, value in self.ends(a, self.kinds[c]):
                if b in self.done[c + 1]:
                    yield a, b, text, value

    def agreed(self) -> dict[int, str]:
        """The cells whose value is the same in every reading: index → the text of one reading."""
        found: dict[int, str] = {}
        if not self.count:
            return found
        for c in range(len(self.kinds)):
            values = {value: text for _, _, text, value in self.spans(c)}
            if len(values) == 1:
                found[c] = next(iter(values.values()))
        return found

    def readings(self) -> list[Reading]:
        """Every reading, left to right (ends in increasing order)."""
        found: list[Reading] = []
        texts: list[str] = []

        def visit(a: int, c: int) -> None:
            if c == len(self.kinds):
                if a in self.finals:
                    found.append(tuple(texts))
                return
            for b, text, _ in self.ends(a, self.kinds[c]):
                if b in self.done[c + 1]:
                    texts.append(text)
                    visit(b, c + 1)
                    texts.pop()

        if self.count:
            visit(self.skip(0), 0)
        return found

    def consistent(self, local: Sequence[_Local], budget: _Budget) -> list[Reading]:
        """Every reading that satisfies the *local* equations, searched right to left.

        A row prints its total last: read from the right, the total is known
        before its parts, and each part can be at most what the total leaves.
        """
        count = len(self.kinds)
        starts: list[dict[int, list[tuple[int, str, Value, int | Decimal]]]] = []
        for c in range(count):
            by_end: dict[int, list[tuple[int, str, Value, int | Decimal]]] = {}
            for a in self.ways[c]:
                for b, text, value in self.ends(a, self.kinds[c]):
                    by_end.setdefault(b, []).append((a, text, value, _number(value)))
            starts.append(by_end)
        blank_ahead = any(placeholder in self.s for placeholder in _PLACEHOLDERS)
        found: list[Reading] = []
        texts: list[str] = [""] * count
        values: list[Value] = [None] * count
        # For each equation, each cell's weight in it (+1 a total, -1 a part), and the least and the most that
        # the cells before c contribute (totals minus parts) over every reading of s[:a]: exact bounds.
        weights = [[(index in rule.totals) - (index in rule.parts) for index in range(count)] for rule in local]
        bounds = [self._bounds(weight) for weight in weights]

        # Whether some total of each equation is still unread before cell c, right to left.
        open_before = [[any(index < c for index in rule.totals) for c in range(count + 1)] for rule in local]
        rules = range(len(local))
        # Where the cells before c are all parts of an equation, counts, over a prefix of plain digits: once its
        # totals are read, each of them is at most what the totals leave, so has at most as many digits.
        counts_before = [all(kind == "count" for kind in self.kinds[:c]) for c in range(count + 1)]
        parts_before = [[set(range(c)) <= set(rule.parts) for c in range(count + 1)] for rule in local]
        plain = _digits_end(self.s, 0)

        def feasible(a: int, c: int, read: list[int | Decimal]) -> bool:
            for r in rules:
                if blank_ahead:
                    if open_before[r][c]:
                        continue  # a placeholder total may still come, and leave the equation no constraint
                    if all(values[index] is None for index in local[r].totals):
                        continue
                least, most = bounds[r]
                left = read[r]
                if left + least[c][a] > 0 or left + most[c][a] < 0:
                    return False
                if c and a <= plain and counts_before[c] and parts_before[r][c] and not open_before[r][c]:
                    if left < 0:
                        return False
                    fewest, largest = capped(len(str(left)))
                    if a not in fewest[c] or not fewest[c][a] <= left <= largest[c][a]:
                        return False
            return True

        cache: dict[int, tuple[list[dict[int, int]], list[dict[int, int]]]] = {}

        def capped(width: int) -> tuple[list[dict[int, int]], list[dict[int, int]]]:
            # The least and the most sum of the cells before c reading s[:a], none of more than width digits.
            if width not in cache:
                least: list[dict[int, int]] = [{0: 0}]
                most: list[dict[int, int]] = [{0: 0}]
                for c in range(count):
                    low: dict[int, int] = {}
                    high: dict[int, int] = {}
                    for a in least[c]:
                        for b in range(a + 1, min(a + width, plain) + 1):
                            if b - a > 1 and self.s[a] == "0":
                                break
                            number = int(self.s[a:b])
                            low[b] = min(low.get(b, number + least[c][a]), number + least[c][a])
                            high[b] = max(high.get(b, number + most[c][a]), number + most[c][a])
                    least.append(low)
                    most.append(high)
                cache[width] = (least, most)
            return cache[width]

        def visit(b: int, c: int, read: list[int | Decimal]) -> None:
            budget.step()
            if c < 0:
                if all(_holds([values[t] for t in r.totals], [values[p] for p in r.parts]) for r in local):
                    found.append(tuple(texts))
                return
            for a, text, value, number in starts[c].get(b, ()):
                texts[c], values[c] = text, value
                after = [read[r] + weights[r][c] * number for r in rules]
                if feasible(a, c, after):
                    visit(a, c - 1, after)
            values[c] = None

        for final in sorted(self.finals):
            if final in self.ways[count]:
                visit(final, count - 1, [0 for _ in rules])
        return sorted(found, key=self._order)

    def _bounds(self, weight: Sequence[int]) -> tuple[list[dict[int, int | Decimal]], list[dict[int, int | Decimal]]]:
        """For each cell c and start a of it, the least and the most of Σ weight·value over cells before c."""
        least: list[dict[int, int | Decimal]] = [dict.fromkeys(self.ways[0], 0)]
        most: list[dict[int, int | Decimal]] = [dict.fromkeys(self.ways[0], 0)]
        for c, kind in enumerate(self.kinds):
            low: dict[int, int | Decimal] = {}
            high: dict[int, int | Decimal] = {}
            for a in self.ways[c]:
                for b, _, value in self.ends(a, kind):
                    term = weight[c] * _number(value)
                    below, above = least[c][a] + term, most[c][a] + term
                    if b not in low or below < low[b]:
                        low[b] = below
                    if b not in high or above > high[b]:
                        high[b] = above
            least.append(low)
            most.append(high)
        return least, most

    def _order(self, reading: Reading) -> tuple[int, ...]:
        return tuple(len(text) for text in reading)


def splits(
    run: str, kinds: Sequence[CellKind], *, open_end: bool = False, limit: int = 10_000
) -> tuple[Reading, ...] | None:
    """Every reading of the digit *run* as one printed number per cell of *kinds*; ``None`` past *limit* readings.

    *open_end*: prose is glued after the run, so its trailing digits may be the
    number that starts the prose, left unread.

    >>> splits("0237", ("count", "count", "count"))
    (('0', '2', '37'), ('0', '23', '7'))
    """
    s, _ = compact(run)
    if any(char not in RUN_CHARACTERS for char in s):
        return ()
    grammar = _Grammar(s, kinds, open_end)
    if grammar.count > limit:
        return None
    return tuple(grammar.readings())


@attrs.frozen
class Run:
    """The unsplit values of one printed row (or several): the keys and kinds of its cells, and its text.

    ``text`` is the run as printed (spaces kept; ``|`` marks a cut every
    reading makes); ``open_end`` that prose is glued after it.
    """

    cells: tuple[str, ...]
    kinds: tuple[CellKind, ...]
    text: str
    open_end: bool = False


Status = Literal["read", "ambiguous", "inconsistent", "unreadable", "unbounded"]


@attrs.frozen
class RunOutcome:
    """How one run was read.

    ``status``: ``read`` (every cell has its value), ``ambiguous`` (consistent
    readings disagree on some cells), ``inconsistent`` (no reading satisfies
    the equations), ``unreadable`` (no reading at all: too few digits, or a
    character no number has), ``unbounded`` (more readings than the search
    bound). ``readings`` are the consistent readings still possible, when
    they were listed; ``equations`` those the run's values relied on;
    ``count`` how many readings the digits alone allow.
    """

    status: Status
    readings: tuple[Reading, ...]
    equations: tuple[Equation, ...] = ()
    count: int = 0


@attrs.frozen
class Solution:
    """The cells the printed digits fix: ``texts`` by key (the text every consistent reading gives the cell).

    ``used`` gives, for each key of ``texts``, the equations its value relied
    on (empty when the digits alone decided it); ``runs`` how each run was
    read, in the order given.
    """

    texts: Mapping[str, str]
    used: Mapping[str, tuple[Equation, ...]]
    runs: tuple[RunOutcome, ...]

    @property
    def spent(self) -> tuple[Equation, ...]:
        """Every equation some value relied on, once, in the order first used."""
        return tuple(dict.fromkeys(equation for used in self.used.values() for equation in used))


@attrs.define
class _State:
    """What is known of one run while solving."""

    run: Run
    count: int  # the readings by the digits alone
    agreed: dict[int, str]  # the cells every one of them agrees on
    rowwise: list[Reading]  # the readings that satisfy the run's own equations (all of them, when it has none)
    local: tuple[Equation, ...] = ()  # the run's own equations, when they removed readings
    status: Status = "read"
    domain: list[Reading] = attrs.field()  # those that some solution of the equations across runs contains

    @domain.default
    def _rowwise(self) -> list[Reading]:
        return list(self.rowwise)


def _agreed(readings: Sequence[Reading], kinds: Sequence[CellKind], index: int) -> bool:
    if not readings:
        return False
    first = value_of(readings[0][index], kinds[index])
    return all(value_of(reading[index], kinds[index]) == first for reading in readings[1:])


def solve(runs: Sequence[Run], equations: Sequence[Equation], *, limit: int = SOLVE_LIMIT) -> Solution:
    """The cells the printed digits of *runs* fix, given that every equation whose cells all lie in them holds.

    A cell gets a value only if every consistent reading gives it that value.
    *limit* bounds the steps of the whole search (each run's own at most
    `RUN_LIMIT`).

    >>> from gia_report._cells import Equation
    >>> row = Equation("row-total", "t", ("t/r/total",), ("t/r/a", "t/r/b"), "r", "total")
    >>> solve([Run(("t/r/a", "t/r/b", "t/r/total"), ("count",) * 3, "21012")], [row]).texts
    {'t/r/a': '2', 't/r/b': '10', 't/r/total': '12'}
    """
    where: dict[str, tuple[int, int]] = {}
    for r, run in enumerate(runs):
        for c, key in enumerate(run.cells):
            where[key] = (r, c)
    applicable = [e for e in equations if all(key in where for key in e.terms)]
    runs_of = {e: {where[key][0] for key in e.terms} for e in applicable}
    own: dict[int, list[Equation]] = {}
    for e, involved in runs_of.items():
        if len(involved) == 1:
            own.setdefault(next(iter(involved)), []).append(e)
    budget = _Budget(limit)
    states = [_read_alone(run, tuple(own.get(r, ())), where, budget) for r, run in enumerate(runs)]
    across = [e for e in applicable if len(runs_of[e]) > 1]
    relied = _solve_across(states, across, where, budget)
    texts: dict[str, str] = {}
    used: dict[str, tuple[Equation, ...]] = {}
    outcomes: list[RunOutcome] = []
    for r, state in enumerate(states):
        run = state.run
        # The readings by the run's own equations hold unless the equations across runs refuted them all.
        trusted = state.status in ("read", "unbounded")
        for c, key in enumerate(run.cells):
            if c in state.agreed:
                texts[key], used[key] = state.agreed[c], ()
            elif trusted and _agreed(state.rowwise, run.kinds, c):
                texts[key], used[key] = state.rowwise[0][c], state.local
            elif trusted and _agreed(state.domain, run.kinds, c):
                texts[key], used[key] = state.domain[0][c], relied.get(r, state.local)
        status = state.status
        if status == "read" and any(key not in texts for key in run.cells):
            status = "ambiguous"
        shown = state.domain or state.rowwise
        spent = tuple(dict.fromkeys(e for key in run.cells for e in used.get(key, ())))
        outcomes.append(RunOutcome(status, tuple(shown), spent, state.count))
    return Solution(texts=texts, used=used, runs=tuple(outcomes))


def _satisfies(reading: Reading, kinds: Sequence[CellKind], local: Sequence[_Local]) -> bool:
    values = [value_of(text, kind) for text, kind in zip(reading, kinds, strict=True)]
    return all(_holds([values[t] for t in rule.totals], [values[p] for p in rule.parts]) for rule in local)


def _read_alone(run: Run, own: tuple[Equation, ...], where: Mapping[str, tuple[int, int]], budget: _Budget) -> _State:
    """Steps 1 and 2: the readings of *run* by its digits, then with its *own* equations (all cells in it)."""
    s, _ = compact(run.text)
    if any(char not in RUN_CHARACTERS for char in s):
        return _State(run, 0, {}, [], status="unreadable")
    grammar = _Grammar(s, run.kinds, run.open_end)
    agreed = grammar.agreed()
    if grammar.count <= 1 or not own:
        # One reading or none, or no equation of its own: the digits alone decide (check judges the rest).
        listed = grammar.readings() if grammar.count <= LISTED else []
        status: Status = "read" if grammar.count else "unreadable"
        return _State(run, grammar.count, agreed, listed, status=status)
    local = [_Local(tuple(where[key][1] for key in e.total), tuple(where[key][1] for key in e.parts)) for e in own]
    allowance = _Budget(min(RUN_LIMIT, max(0, budget.left)))
    try:
        rowwise = grammar.consistent(local, allowance)
    except _Bound:
        return _State(run, grammar.count, agreed, [], status="unbounded")
    finally:
        budget.left -= min(RUN_LIMIT, max(0, budget.left)) - max(0, allowance.left)
    if len(rowwise) == grammar.count:
        return _State(run, grammar.count, agreed, rowwise)
    return _State(run, grammar.count, agreed, rowwise, own, "read" if rowwise else "inconsistent")


def _solve_across(
    states: list[_State], across: Sequence[Equation], where: Mapping[str, tuple[int, int]], budget: _Budget
) -> dict[int, tuple[Equation, ...]]:
    """Step 3: narrow the runs read several ways by the equations across runs.

    Returns, for each run narrowed, the equations its values then rely on: those
    of its group of runs, and the runs' own equations that removed readings of
    any run they involve.
    """
    alive = {r for r, state in enumerate(states) if state.domain and state.status == "read"}
    usable = [e for e in across if all(where[key][0] in alive for key in e.terms)]
    open_runs = {r for r in alive if len(states[r].domain) > 1}
    touching = [e for e in usable if any(where[key][0] in open_runs for key in e.terms)]
    # Groups of open runs that share an equation.
    group_of = {r: r for r in open_runs}

    def root(r: int) -> int:
        while group_of[r] != r:
            r = group_of[r]
        return r

    for e in touching:
        involved = sorted({where[key][0] for key in e.terms} & open_runs)
        for other in involved[1:]:
            group_of[root(other)] = root(involved[0])
    groups: dict[int, list[int]] = {}
    for r in sorted(open_runs):
        groups.setdefault(root(r), []).append(r)
    relied: dict[int, tuple[Equation, ...]] = {}
    for members in groups.values():
        rules = [e for e in touching if {where[key][0] for key in e.terms} & set(members)]
        try:
            supported = _supported(states, members, rules, where, budget)
        except _Bound:
            for r in members:
                states[r].status = "unbounded"
            continue
        if supported is None:
            for r in members:
                states[r].status = "inconsistent"
                states[r].domain = []
            continue
        # An equation whose terms no open run's readings change held for every combination (the group has a
        # solution): it narrowed nothing, and is not spent.
        chain: list[Equation] = []
        for e in rules:
            if not _discriminates(e, states, members, where):
                continue
            chain.append(e)
            for r in sorted({where[key][0] for key in e.terms}):
                chain.extend(states[r].local)
        for r in members:
            narrowed = [states[r].domain[d] for d in sorted(supported[r])]
            if len(narrowed) < len(states[r].domain):
                relied[r] = tuple(dict.fromkeys([*states[r].local, *chain]))
            states[r].domain = narrowed
    return relied


def _discriminates(
    e: Equation, states: Sequence[_State], members: Sequence[int], where: Mapping[str, tuple[int, int]]
) -> bool:
    """Whether the readings of some run of *members* differ in the cells of *e*."""
    for r in members:
        columns = [where[key][1] for key in e.terms if where[key][0] == r]
        kinds = states[r].run.kinds
        seen = {tuple(value_of(reading[c], kinds[c]) for c in columns) for reading in states[r].domain}
        if len(seen) > 1:
            return True
    return False


def _supported(
    states: Sequence[_State],
    members: Sequence[int],
    rules: Sequence[Equation],
    where: Mapping[str, tuple[int, int]],
    budget: _Budget,
) -> dict[int, set[int]] | None:
    """For each run of *members*, the readings that some solution of *rules* contains; ``None`` if none has one."""
    member_set = set(members)
    values = {
        r: [
            tuple(value_of(text, kind) for text, kind in zip(reading, states[r].run.kinds, strict=True))
            for reading in states[r].domain
        ]
        for r in members
    }

    def fixed(key: str) -> Value:
        r, c = where[key]
        return value_of(states[r].domain[0][c], states[r].run.kinds[c])

    # Each rule as: a constant, and each member's contribution (totals minus parts) per reading.
    prepared = []
    for e in rules:
        constant = Decimal(0)
        blank_total_possible = False
        contributions: dict[int, list[Decimal]] = {}
        for sign, keys in ((1, e.total), (-1, e.parts)):
            for key in keys:
                r, c = where[key]
                if r in member_set:
                    column = [_number(reading[c]) for reading in values[r]]
                    if sign == 1 and any(reading[c] is None for reading in values[r]):
                        blank_total_possible = True
                    totals = contributions.setdefault(r, [Decimal(0)] * len(values[r]))
                    for d, number in enumerate(column):
                        totals[d] += sign * number
                else:
                    value = fixed(key)
                    if sign == 1 and value is None:
                        blank_total_possible = True
                    constant += sign * _number(value)
        signed = any(states[where[key][0]].run.kinds[where[key][1]] == "signed" for key in e.terms)
        prepared.append((e, constant, contributions, blank_total_possible or signed))
    order = sorted(members, key=lambda r: (len(states[r].domain), r))
    supported: dict[int, set[int]] = {r: set() for r in members}

    def holds(e: Equation, choice: Mapping[int, int]) -> bool:
        totals: list[Value] = []
        parts: list[Value] = []
        for keys, into in ((e.total, totals), (e.parts, parts)):
            for key in keys:
                r, c = where[key]
                into.append(values[r][choice[r]][c] if r in member_set else fixed(key))
        return _holds(totals, parts)

    def consistent(choice: dict[int, int]) -> bool:
        for e, constant, contributions, exact_only in prepared:
            if all(r in choice for r in contributions):
                if not holds(e, choice):
                    return False
                continue
            if exact_only:
                continue
            low = high = constant
            for r, column in contributions.items():
                if r in choice:
                    low += column[choice[r]]
                    high += column[choice[r]]
                else:
                    low += min(column)
                    high += max(column)
            if low > 0 or high < 0:
                return False
        return True

    def find(choice: dict[int, int], rest: list[int]) -> dict[int, int] | None:
        budget.step()
        if not rest:
            return dict(choice)
        r, others = rest[0], rest[1:]
        for d in range(len(values[r])):
            choice[r] = d
            if consistent(choice):
                found = find(choice, others)
                if found is not None:
                    del choice[r]
                    return found
            del choice[r]
        return None

    any_solution = False
    for r in order:
        for d in range(len(values[r])):
            if d in supported[r]:
                continue
            choice = {r: d}
            found = find(choice, [m for m in order if m != r]) if consistent(choice) else None
            if found is not None:
                any_solution = True
                for m, reading in found.items():
                    supported[m].add(reading)
        if not any_solution:
            return None
    return supported
