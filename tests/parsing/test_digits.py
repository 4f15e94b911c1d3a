"""Splitting collapsed digit runs: the readings of a run, and the cells the identities fix (parsing._digits)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from gia_report._cells import Equation
from gia_report.catalog import CellKind
from gia_report.parsing._digits import Reading, Run, solve, splits, value_of

COUNT: CellKind = "count"
COUNTS3: tuple[CellKind, ...] = (COUNT, COUNT, COUNT)


def _row(name: str, parts: Sequence[str], total: str = "total") -> Equation:
    """The equation ``t/name/total == sum of t/name/part``."""
    return Equation("row-total", "t", (f"t/{name}/{total}",), tuple(f"t/{name}/{p}" for p in parts), name, total)


def _run(name: str, columns: Sequence[str], text: str, *, open_end: bool = False) -> Run:
    return Run(tuple(f"t/{name}/{c}" for c in columns), tuple(COUNT for _ in columns), text, open_end)


class TestSplits:
    """Every reading of one run, as cells print numbers."""

    def test_no_leading_zero_in_a_number_of_two_digits(self) -> None:
        """0237 in three cells: 0 stands alone, so only 0|2|37 and 0|23|7."""
        assert splits("0237", COUNTS3) == (("0", "2", "37"), ("0", "23", "7"))

    def test_all_zeros_read_one_way(self) -> None:
        """Seven zeros in seven cells: each zero is a cell."""
        assert splits("0000000", ("count",) * 7) == (("0",) * 7,)

    def test_spaces_are_ignored_not_taken_as_separators(self) -> None:
        """230 000023 reads as its nine digits: the space may stand anywhere."""
        assert splits("230 000023", ("count",) * 7) == splits("230000023", ("count",) * 7)

    def test_signed_change_of_2019(self) -> None:
        """行政处罚2648-18538: the minus is the change's sign, or a placeholder for a blank change."""
        readings = splits("2648-18538", ("count", "signed", "count"))
        assert readings is not None
        assert set(readings) == {
            ("2648", "-", "18538"),
            ("2648", "-1", "8538"),
            ("2648", "-18", "538"),
            ("2648", "-185", "38"),
            ("2648", "-1853", "8"),
        }

    def test_a_count_carries_no_sign(self) -> None:
        """A minus between two counts can only be a placeholder."""
        assert splits("3-4", COUNTS3) == (("3", "-", "4"),)

    def test_money_keeps_its_decimals_and_unit(self) -> None:
        """12.5元 after a count of projects: the decimals and the unit belong to the amount."""
        assert splits("312.5元", ("count", "money")) == (("3", "12.5元"), ("31", "2.5元"))

    def test_one_money_cell_takes_the_whole_run(self) -> None:
        """A row of one money cell has one reading: the run."""
        assert splits("24252.311082", ("money",)) == (("24252.311082",),)

    def test_a_decimal_point_in_a_count_reads_nothing(self) -> None:
        """1.5 in two counts has no reading: a count has no decimals."""
        assert splits("1.5", ("count", "count")) == ()

    def test_too_few_digits_read_nothing(self) -> None:
        """Six digits cannot fill seven cells."""
        assert splits("000000", ("count",) * 7) == ()

    def test_other_characters_read_nothing(self) -> None:
        """A letter is no part of a number."""
        assert splits("12a", ("count", "count")) == ()

    def test_an_open_end_may_leave_the_number_that_starts_the_prose(self) -> None:
        """…20000022025年: the run may end before 2025, 025 or 25, never before a leading zero."""
        readings = splits("20000022025", ("count",) * 7, open_end=True)
        assert readings is not None
        assert ("2", "0", "0", "0", "0", "0", "2") in readings
        assert ("2", "0", "0", "0", "0", "0", "22025") in readings
        assert all("".join(reading) != "20000022" for reading in readings)

    def test_a_cut_mark_is_a_cut_in_every_reading(self) -> None:
        """12|3 in two cells: the cut stands between 12 and 3."""
        assert splits("12|3", ("count", "count")) == (("12", "3"),)

    def test_past_the_limit_there_is_no_answer(self) -> None:
        """A long run with a small limit gives None, not a partial list."""
        assert splits("1" * 40, ("count",) * 7, limit=50) is None

    def test_thousands_separators_group_three_digits(self) -> None:
        """1,2340 in two cells: 1,234 and 0, or 1 and ,2340 (which is no number)."""
        assert splits("1,2340", ("count", "count")) == (("1,234", "0"),)


class TestSolve:
    """The cells that the digits and the equations fix, and nothing else."""

    def test_the_row_total_fixes_a_split(self) -> None:
        """640020470 under row-total: 64+0+0+2+0+4 = 70 is the only consistent split."""
        columns = ("a", "b", "c", "d", "e", "f", "total")
        solution = solve([_run("r", columns, "640020470")], [_row("r", columns[:-1])])
        assert [solution.texts[f"t/r/{c}"] for c in columns] == ["64", "0", "0", "2", "0", "4", "70"]
        assert solution.runs[0].status == "read"
        assert [str(e) for e in solution.used["t/r/total"]] == ["row-total at t/r/total"]

    def test_digits_alone_use_no_equation(self) -> None:
        """Seven digits in seven cells need no identity, even one that does not hold."""
        columns = ("a", "b", "c", "d", "e", "f", "total")
        solution = solve([_run("r", columns, "1000002")], [_row("r", columns[:-1])])
        assert solution.texts["t/r/total"] == "2"
        assert solution.used["t/r/total"] == ()
        assert solution.spent == ()

    def test_several_consistent_readings_leave_their_disagreeing_cells_open(self) -> None:
        """11213 as a+b=t reads 1|12|13 and 11|2|13: the total is 13 in both, a and b stay open."""
        solution = solve([_run("r", ("a", "b", "total"), "11213")], [_row("r", ("a", "b"))])
        assert solution.texts == {"t/r/total": "13"}
        assert solution.runs[0].status == "ambiguous"
        assert set(solution.runs[0].readings) == {("1", "12", "13"), ("11", "2", "13")}

    def test_agreement_is_per_cell(self) -> None:
        """2648-18538: items_last_year is 2648 in every reading, the change and decisions are open."""
        run = Run(("t/r/items", "t/r/change", "t/r/decisions"), ("count", "signed", "count"), "2648-18538")
        solution = solve([run], [])
        assert solution.texts == {"t/r/items": "2648"}
        assert solution.runs[0].status == "ambiguous"
        assert len(solution.runs[0].readings) == 5

    def test_no_consistent_reading_places_nothing_the_digits_do_not_decide(self) -> None:
        """1240 as a+b=t: 1|2|40, 1|24|0, 12|4|0 all fail; nothing is placed, the run is inconsistent."""
        solution = solve([_run("r", ("a", "b", "total"), "1240")], [_row("r", ("a", "b"))])
        assert solution.texts == {}
        assert solution.runs[0].status == "inconsistent"

    def test_a_column_equation_decides_between_rows(self) -> None:
        """x reads 1|23 or 12|3, y only 4|5, and their sums 16|8 or 1|68: only x = 12|3 adds up.

        Had x printed 1|23 under sums misprinted 16|8, it would read 12|3 just the same: the
        digits are those of a consistent table. So both sums are spent, and never evidence.
        """
        runs = [_run("x", ("a", "b"), "123"), _run("y", ("a", "b"), "45"), _run("s", ("a", "b"), "168")]
        sums = [Equation("column-sum", "t", (f"t/s/{c}",), (f"t/x/{c}", f"t/y/{c}"), "s", c) for c in ("a", "b")]
        solution = solve(runs, sums)
        assert [solution.texts[f"t/{row}/{c}"] for row in "xs" for c in "ab"] == ["12", "3", "16", "8"]
        assert {str(e) for e in solution.used["t/x/a"]} == {"column-sum at t/s/a", "column-sum at t/s/b"}
        assert solution.used["t/y/a"] == ()

    def test_no_combination_adds_up_across_rows(self) -> None:
        """With the sums printed 1626, no reading of x and s adds up: both stay open, and say so."""
        runs = [_run("x", ("a", "b"), "123"), _run("y", ("a", "b"), "45"), _run("s", ("a", "b"), "1626")]
        sums = [Equation("column-sum", "t", (f"t/s/{c}",), (f"t/x/{c}", f"t/y/{c}"), "s", c) for c in ("a", "b")]
        solution = solve(runs, sums)
        assert set(solution.texts) == {"t/y/a", "t/y/b"}
        assert [outcome.status for outcome in solution.runs] == ["inconsistent", "read", "inconsistent"]

    def test_a_placeholder_total_constrains_nothing(self) -> None:
        """1234- as a+b+c=t: the total is blank, so the identity checks nothing and a, b, c stay open."""
        solution = solve([_run("r", ("a", "b", "c", "total"), "1234-")], [_row("r", ("a", "b", "c"))])
        assert solution.texts == {"t/r/total": "-"}
        assert len(solution.runs[0].readings) == 3
        assert value_of("-", "count") is None

    def test_the_bound_leaves_cells_open(self) -> None:
        """With too small a limit, nothing but what the digits decide is placed, and the run says so."""
        columns = ("a", "b", "c", "d", "e", "f", "total")
        solution = solve([_run("r", columns, "123456789123456789")], [_row("r", columns[:-1])], limit=20)
        assert solution.texts == {}
        assert solution.runs[0].status == "unbounded"


# --- Properties: the solver against brute force on small tables ------------------------------------------------


def _table(draw: st.DrawFn, max_value: int) -> tuple[list[list[int]], bool]:
    """A consistent table: rows of parts, each with its total when *totalled*, and a row of column sums."""
    # Small enough for brute force over every combination of readings.
    totalled = draw(st.booleans())
    rows = draw(st.integers(1, 2))
    columns = draw(st.integers(1, 2 if totalled else 3))
    body = [[draw(st.integers(0, max_value)) for _ in range(columns)] for _ in range(rows)]
    if totalled:
        body = [[*row, sum(row)] for row in body]
    body.append([sum(column) for column in zip(*body, strict=True)])
    return body, totalled


def _system(body: list[list[int]], totalled: bool) -> tuple[list[Run], list[Equation]]:
    """The runs of *body*, each row's digits glued, and its equations: row totals and column sums."""
    names = [f"r{i}" for i in range(len(body) - 1)] + ["sum"]
    keys = [f"c{j}" for j in range(len(body[0]) - int(totalled))] + (["total"] if totalled else [])
    runs = [_run(name, keys, "".join(str(v) for v in values)) for name, values in zip(names, body, strict=True)]
    eqs = [_row(name, keys[:-1]) for name in names] if totalled else []
    eqs += [
        Equation("column-sum", "t", (f"t/sum/{key}",), tuple(f"t/{n}/{key}" for n in names[:-1]), "sum", key)
        for key in keys
    ]
    return runs, eqs


def _holds(e: Equation, values: dict[str, int | None]) -> bool:
    totals = [values[k] for k in e.total]
    if all(v is None for v in totals):
        return True
    return sum(v or 0 for v in totals) == sum(values[k] or 0 for k in e.parts)


def _brute_force(runs: list[Run], eqs: list[Equation]) -> dict[str, set[object]]:
    """Every value each cell takes over every consistent combination of every run's readings."""
    options: list[tuple[Reading, ...]] = []
    for run in runs:
        found = splits(run.text, run.kinds, open_end=run.open_end, limit=10**6)
        assert found is not None
        options.append(found)
    seen: dict[str, set[object]] = {key: set() for run in runs for key in run.cells}
    for combination in itertools.product(*options):
        values: dict[str, int | None] = {}
        for run, reading in zip(runs, combination, strict=True):
            for key, text, kind in zip(run.cells, reading, run.kinds, strict=True):
                value = value_of(text, kind)
                assert value is None or isinstance(value, int)
                values[key] = value
        if all(_holds(e, values) for e in eqs):
            for key, value in values.items():
                seen[key].add(value)
    return seen


@st.composite
def _consistent(draw: st.DrawFn) -> tuple[list[list[int]], bool]:
    return _table(draw, max_value=draw(st.sampled_from([3, 12, 40])))


@settings(max_examples=300)
@given(_consistent())
def test_every_placed_value_is_the_drawn_one_and_every_open_cell_is_truly_ambiguous(
    table: tuple[list[list[int]], bool],
) -> None:
    """Against brute force over every combination of readings: a value exactly where all agree, and it is drawn."""
    runs, eqs = _system(*table)
    body = table[0]
    solution = solve(runs, eqs)
    seen = _brute_force(runs, eqs)
    drawn = {
        key: value for run, values in zip(runs, body, strict=True) for key, value in zip(run.cells, values, strict=True)
    }
    for key, values in seen.items():
        assert drawn[key] in values  # the drawn table is one consistent reading
        if key in solution.texts:
            assert value_of(solution.texts[key], "count") == drawn[key]
        else:
            assert len(values) > 1, (key, values)


@st.composite
def _broken(draw: st.DrawFn) -> tuple[list[list[int]], bool]:
    body, totalled = _table(draw, max_value=draw(st.sampled_from([3, 12, 40])))
    i = draw(st.integers(0, len(body) - 1))
    j = draw(st.integers(0, len(body[0]) - 1))
    body[i][j] += draw(st.integers(1, 30))
    return body, totalled


@settings(max_examples=300)
@given(_broken())
def test_with_wrong_totals_a_value_differs_from_the_printed_one_only_by_an_identity_it_names(
    table: tuple[list[list[int]], bool],
) -> None:
    """A printed total is wrong: a placed value is the printed one, unless an identity it relied on is broken."""
    runs, eqs = _system(*table)
    body = table[0]
    solution = solve(runs, eqs)
    printed: dict[str, int | None] = {
        key: value for run, values in zip(runs, body, strict=True) for key, value in zip(run.cells, values, strict=True)
    }
    for key, text in solution.texts.items():
        if value_of(text, "count") != printed[key]:
            assert solution.used[key], key  # the digits alone never read a wrong number
            assert any(not _holds(e, printed) for e in solution.used[key]), key


@settings(max_examples=100)
@given(
    st.text("0123456789 -", max_size=14),
    st.lists(st.sampled_from(["count", "signed", "money"]), min_size=1, max_size=4),
)
def test_every_reading_joins_back_to_the_digits(run: str, kinds: list[CellKind]) -> None:
    """Each reading, joined, is the run without its spaces; each cell reads as a value of its kind."""
    found = splits(run, kinds)
    assert found is not None
    for reading in found:
        assert "".join(reading) == run.replace(" ", "")
        for text, kind in zip(reading, kinds, strict=True):
            value_of(text, kind)
            if len(text.lstrip("+-")) > 1 and kind != "money":
                assert not text.lstrip("+-").startswith("0")
