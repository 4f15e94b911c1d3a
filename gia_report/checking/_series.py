"""Checks across years: a report against the same agency's report of the year before.

Reports are paired by the agency's name. A later (or earlier) report often
prefixes the name with the places above the agency — 洪泽区人民政府 in 2023,
淮安市洪泽区人民政府 in 2024 — so two names are the same agency when the longer
is the shorter with whole places (…省, …市, …州, …盟, …地区, …县, …区) put in
front, and the shorter itself begins with a place. A short name that several
longer names prefix with different places (城关镇人民政府 in two counties) is
paired with none of them, and `pair_years` says so.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

import attrs
import regex

from ..catalog import FormatVersion
from ..model import Active2019, Active2021, Report
from ..records import report_from_cells, to_records
from ._context import Cells, finding
from .findings import Finding

__all__ = [
    "SERIES_KEYS",
    "Pairing",
    "check_pairs",
    "consecutive",
    "pair_years",
    "same_agency",
    "series_cells",
    "series_report",
]

# The places a name may be prefixed with, and the place a prefixable name must begin with.
_PLACES = regex.compile(r"(?:\p{Han}{1,12}?(?:特别行政区|自治区|自治州|自治县|地区|省|市|州|盟|县|区|旗))+")
_STARTS_WITH_PLACE = regex.compile(
    r"\p{Han}{1,12}?(?:特别行政区|自治区|自治州|自治县|地区|省|市|州|盟|县|区|旗|镇|乡|街道)"
)
_SPACE = regex.compile(r"\s+")
#: The 2019-format rows whose 上一年项目数量 carries on from the year before by 本年增/减.
ITEM_ROWS = ("licensing", "other_services", "penalty", "coercion", "fees")
_APPLICANTS = ("natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org", "total")
#: The cells `check_pairs` reads: a report cut down to them is checked across years as the whole one.
SERIES_KEYS = tuple(
    [f"requests/{row}/{column}" for row in ("carried_over", "carried_forward") for column in _APPLICANTS]
    + [
        f"active/{row}/{column}"
        for row in ("regulations", "normative_documents")
        for column in ("issued", "repealed", "in_force")
    ]
    + [f"active/{row}/{column}" for row in ITEM_ROWS for column in ("items_last_year", "change")]
)


def _name(agency: str | None) -> str:
    return _SPACE.sub("", agency or "")


def same_agency(shorter: str, longer: str) -> bool:
    """Whether *longer* is *shorter* with whole places in front (淮安市 + 洪泽区人民政府), or the same name.

    >>> same_agency("洪泽区人民政府", "淮安市洪泽区人民政府")
    True
    >>> same_agency("人民政府", "淮安市人民政府")
    False
    """
    shorter, longer = _name(shorter), _name(longer)
    if shorter == longer:
        return bool(shorter)
    prefix = longer[: len(longer) - len(shorter)]
    return (
        longer.endswith(shorter)
        and _PLACES.fullmatch(prefix) is not None
        and _STARTS_WITH_PLACE.match(shorter) is not None
    )


@attrs.frozen(kw_only=True)
class Pairing:
    """Which reports are compared across years, and why others are not.

    ``pairs`` are (last year, this year) as indices of the items given to
    `pair_years`; ``notes`` are (index, message): a report not compared with
    the year before or after it, and why, or a pair made across two spellings
    of the agency's name.
    """

    pairs: tuple[tuple[int, int], ...]
    notes: tuple[tuple[int, str], ...]


def _groups(names: set[str], notes: list[tuple[str, str]]) -> dict[str, str]:
    """One name standing for each name's agency, whichever of its spellings it is given in."""
    longer_of: dict[str, list[str]] = defaultdict(list)
    for name in names:
        # Every tail of a name that is itself a name given may be the same agency with places cut off.
        for end in range(1, len(name)):
            rest = name[end:]
            if rest in names and same_agency(rest, name):
                longer_of[rest].append(name)
    parent: dict[str, str] = {name: name for name in names}

    def root(name: str) -> str:
        while parent[name] != name:
            name = parent[name]
        return name

    for shorter, longer in sorted(longer_of.items()):
        chain = sorted(set(longer), key=lambda name: (len(name), name))
        if all(b.endswith(a) for a, b in itertools.pairwise(chain)):
            for name in chain:
                parent[root(name)] = root(shorter)
        else:
            notes.append((shorter, f"not paired with {' or '.join(chain)}: they put different places before it"))
    return {name: root(name) for name in names}


def pair_years(items: Sequence[tuple[str | None, int | None, str]]) -> Pairing:
    """Pair the (agency, year, label) *items* of consecutive years of the same agency.

    Of several items for the same agency and year, the first is paired and the
    others get a note; so do items without agency or year, items whose agency
    has other years but not the adjacent one, and items whose name is ambiguous.
    The *label* (a file name) is what the notes call an item.

    >>> pair_years([("洪泽区人民政府", 2023, "a.txt"), ("淮安市洪泽区人民政府", 2024, "b.txt")]).pairs
    ((0, 1),)
    """
    names = {_name(agency) for agency, year, _ in items if _name(agency) and year is not None}
    ambiguous: list[tuple[str, str]] = []
    group_of = _groups(names, ambiguous)
    notes: list[tuple[int, str]] = []
    by_group: dict[str, dict[int, int]] = defaultdict(dict)
    for index, (agency, year, label) in enumerate(items):
        name = _name(agency)
        if not name or year is None:
            missing = "agency" if not name else "year"
            notes.append((index, f"{label}: not compared across years: no {missing} was found"))
            continue
        years = by_group[group_of[name]]
        first = years.setdefault(year, index)
        if first != index:
            notes.append(
                (index, f"{label}: not compared across years: {items[first][2]} is also {name}'s report for {year}")
            )
    for shorter, message in ambiguous:
        notes.extend(
            (index, f"{label}: {message}") for index, (agency, _, label) in enumerate(items) if _name(agency) == shorter
        )
    pairs: list[tuple[int, int]] = []
    for years in by_group.values():
        for year in sorted(years):
            after = years[year]
            before = years.get(year - 1)
            if before is None:
                earlier = [y for y in years if y < year]
                if earlier:
                    notes.append(
                        (
                            after,
                            f"{items[after][2]}: not compared with the year before: no report of "
                            f"{_name(items[after][0])} for {year - 1} (the nearest is {max(earlier)})",
                        )
                    )
                continue
            pairs.append((before, after))
            old, new = _name(items[before][0]), _name(items[after][0])
            if old != new:
                short, long = sorted((old, new), key=len)
                # The names of one group are tails of each other (`_groups` keeps only such chains).
                places = long[: len(long) - len(short)]
                notes.append(
                    (after, f"{items[after][2]}: compared with {items[before][2]}, {long} taken for {places} {short}")
                )
    return Pairing(pairs=tuple(sorted(pairs, key=lambda pair: pair[1])), notes=tuple(sorted(notes)))


def series_cells(report: Report) -> tuple[int | None, ...]:
    """The cells of *report* that the checks across years read, in the order of `SERIES_KEYS`.

    Keeping these, not whole reports, lets a batch of many files check across years in little
    memory: `series_report` makes a report of them again.
    """
    values = {f"{r['table']}/{r['row']}/{r['column']}": r["value"] for r in to_records(report)}
    return tuple(value if isinstance(value := values.get(key), int) else None for key in SERIES_KEYS)


def series_report(
    agency: str | None, year: int | None, version: FormatVersion, other_as_one_row: bool, cells: Sequence[int | None]
) -> Report:
    """A report of *version* holding only the *cells* that `series_cells` gave, for `check_pairs`."""
    given = {key: value for key, value in zip(SERIES_KEYS, cells, strict=True) if value is not None}
    return report_from_cells(version, given, other_as_one_row=other_as_one_row, agency=agency, year=year)


def consecutive(reports: Iterable[Report]) -> Iterator[tuple[Report, Report]]:
    """Pairs (last year, this year) of reports of the same agency in consecutive years (see `pair_years`)."""
    given = list(reports)
    pairing = pair_years([(report.agency, report.year, f"report {index}") for index, report in enumerate(given)])
    for before, after in pairing.pairs:
        yield given[before], given[after]


def check_pairs(before: Report, after: Report) -> Iterator[Finding]:
    """Warnings where *after* does not carry on from *before*."""
    cells = Cells(after)
    table = cells.spec.table("requests")
    for column in table.rows[0].columns:
        forward = getattr(before.requests.carried_forward, column.key)
        over = getattr(after.requests.carried_over, column.key)
        if forward is not None and over is not None and forward != over:
            yield finding(
                "carry-over", table, "carried_over", column.key,
                actual=over, expected=forward, year_before=before.year, year=after.year,
            )  # fmt: skip
    if isinstance(before.active, Active2021) and isinstance(after.active, Active2021):
        active = cells.spec.table("active")
        for row in ("regulations", "normative_documents"):
            last, this = getattr(before.active, row), getattr(after.active, row)
            numbers = (last.in_force, this.issued, this.repealed, this.in_force)
            if any(number is None for number in numbers):
                continue
            expected = last.in_force + this.issued - this.repealed
            if expected != this.in_force:
                yield finding(
                    "stock-change", active, row, "in_force", actual=this.in_force, expected=expected,
                    before=last.in_force, issued=this.issued, repealed=this.repealed, year=after.year,
                )  # fmt: skip
    if isinstance(before.active, Active2019) and isinstance(after.active, Active2019):
        yield from _item_changes(before, after, cells)


def _item_changes(before: Report, after: Report, cells: Cells) -> Iterator[Finding]:
    # 本年增/减 of last year's report is the change during last year, so it moved last year's
    # 上一年项目数量 (the year before that) to this year's 上一年项目数量 (last year).
    active = cells.spec.table("active")
    for row in ITEM_ROWS:
        last, this = getattr(before.active, row), getattr(after.active, row)
        if last.items_last_year is None or last.change is None or this.items_last_year is None:
            continue
        expected = last.items_last_year + last.change
        if expected != this.items_last_year:
            yield finding(
                "items-change", active, row, "items_last_year", actual=this.items_last_year, expected=expected,
                before=last.items_last_year, change=last.change, year_before=before.year, year=after.year,
            )  # fmt: skip
