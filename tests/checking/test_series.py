"""Checks across years: pairing an agency's years by its name, and the 2019-format 上一年项目数量 identity."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gia_report
from gia_report.checking._series import ITEM_ROWS, SERIES_KEYS, pair_years, same_agency, series_cells, series_report
from gia_report.strategies import reports


@pytest.mark.parametrize(
    ("shorter", "longer", "same"),
    [
        ("洪泽区人民政府", "淮安市洪泽区人民政府", True),
        ("洪泽区人民政府", "江苏省淮安市洪泽区人民政府", True),
        ("洪泽区人民政府", "洪泽区人民政府", True),
        ("洪泽区 人民政府", "淮安市洪泽区人民政府", True),
        ("人民政府", "淮安市人民政府", False),
        ("行政审批局", "平潭综合实验区行政审批局", False),
        ("洪泽区人民政府", "淮安市人民政府", False),
        ("洪泽区人民政府", "淮安的洪泽区人民政府x", False),
        ("", "", False),
    ],
)
def test_same_agency(shorter: str, longer: str, same: bool) -> None:
    """A name is the same agency as itself or with whole places in front, and only when it begins with a place."""
    assert same_agency(shorter, longer) is same


def test_city_prefix_is_paired_and_said() -> None:
    """洪泽区人民政府 2023 pairs with 淮安市洪泽区人民政府 2024, and a note says which names were taken as one."""
    pairing = pair_years(
        [("洪泽区人民政府", 2023, "a.txt"), ("淮安市洪泽区人民政府", 2024, "b.txt"), ("淮安市人民政府", 2024, "c.txt")]
    )
    assert pairing.pairs == ((0, 1),)
    assert pairing.notes == ((1, "b.txt: compared with a.txt, 淮安市洪泽区人民政府 taken for 淮安市 洪泽区人民政府"),)


def test_the_earlier_report_may_carry_the_prefix() -> None:
    """The longer name may come first in time: 淮安市洪泽区人民政府 2023 pairs with 洪泽区人民政府 2024."""
    assert pair_years([("洪泽区人民政府", 2024, "b"), ("淮安市洪泽区人民政府", 2023, "a")]).pairs == ((1, 0),)


def test_a_name_prefixed_by_different_places_is_not_paired() -> None:
    """城关镇人民政府 is not paired when two counties' 城关镇人民政府 are among the files, and a note says why."""
    pairing = pair_years(
        [("城关镇人民政府", 2023, "a"), ("甲县城关镇人民政府", 2024, "b"), ("乙县城关镇人民政府", 2024, "c")]
    )
    assert pairing.pairs == ()
    assert pairing.notes == (
        (0, "a: not paired with 乙县城关镇人民政府 or 甲县城关镇人民政府: they put different places before it"),
    )


def test_duplicates_gaps_and_missing_metadata_are_said() -> None:
    """A second report for the same year, a missing year between two, and a missing agency or year each get a note."""
    pairing = pair_years(
        [
            ("某局", 2021, "a"),
            ("某局", 2022, "b"),
            ("某局", 2022, "c"),
            ("某局", 2024, "d"),
            (None, 2023, "e"),
            ("某局", None, "f"),
        ]
    )
    assert pairing.pairs == ((0, 1),)
    assert pairing.notes == (
        (2, "c: not compared across years: b is also 某局's report for 2022"),
        (3, "d: not compared with the year before: no report of 某局 for 2023 (the nearest is 2022)"),
        (4, "e: not compared across years: no agency was found"),
        (5, "f: not compared across years: no year was found"),
    )


def _report_2019(year: int, agency: str = "某县交通运输局", **rows: tuple[int | None, int | None]) -> gia_report.Report:
    """A 2019-format report whose item rows have the given (上一年项目数量, 本年增/减)."""
    active = gia_report.Active2019(
        licensing=gia_report.ItemCounts(
            items_last_year=rows.get("licensing", (None, None))[0], change=rows.get("licensing", (None, None))[1]
        ),
        fees=gia_report.FeeItemCounts(
            items_last_year=rows.get("fees", (None, None))[0], change=rows.get("fees", (None, None))[1]
        ),
    )
    return gia_report.Report(format_version="2019", agency=agency, year=year, active=active)


def test_items_carry_on_by_last_years_change() -> None:
    """2020's 上一年项目数量 is 2019's plus 2019's 本年增/减, not plus 2020's own 本年增/减."""
    # 10 + 2 = 12 holds; 10 + 5 (this year's change) would not, so the rule is told apart.
    clean = gia_report.check_series(
        [_report_2019(2019, licensing=(10, 2), fees=(4, -1)), _report_2019(2020, licensing=(12, 5), fees=(3, 0))]
    )
    assert clean.flatten() == []
    found = gia_report.check_series(
        [_report_2019(2019, licensing=(10, 2), fees=(4, -1)), _report_2019(2020, licensing=(11, 5), fees=(5, 0))]
    )
    assert found.flatten("code", "severity", "key", "expected", "actual", "year") == [
        ("items-change", "warning", "active/licensing/items_last_year", 12, 11, 2020),
        ("items-change", "warning", "active/fees/items_last_year", 3, 5, 2020),
    ]
    assert found[0].message == "行政许可/上一年项目数量 is 11 but the 2019 report's 10 + 本年增/减 2 is 12"


def test_items_with_a_blank_term_are_not_compared() -> None:
    """A blank 上一年项目数量 or 本年增/减 is never taken for 0: nothing is found."""
    reports = [
        _report_2019(2019, licensing=(10, None), fees=(None, 1)),
        _report_2019(2020, licensing=(3, 0), fees=(9, 0)),
    ]
    assert gia_report.check_series(reports).flatten() == []


def test_items_are_compared_across_a_city_prefix() -> None:
    """The 2019-format check pairs 洪泽区人民政府 with 淮安市洪泽区人民政府 like the others."""
    reports = [
        _report_2019(2019, agency="洪泽区人民政府", licensing=(10, 2)),
        _report_2019(2020, agency="淮安市洪泽区人民政府", licensing=(13, 0)),
    ]
    assert gia_report.check_series(reports).flatten("code", "key") == [
        ("items-change", "active/licensing/items_last_year")
    ]


def _active(row: str, counts: gia_report.ItemCounts | gia_report.FeeItemCounts) -> gia_report.Active2019:
    fields: dict[str, Any] = {row: counts}
    return gia_report.Active2019(**fields)


@settings(max_examples=200)
@given(
    st.sampled_from(ITEM_ROWS),
    st.integers(min_value=0, max_value=10_000),
    st.integers(min_value=-10_000, max_value=10_000),
    st.integers(min_value=-10_000, max_value=10_000),
    st.integers(min_value=-5, max_value=5),
)
def test_items_identity_drawn(row: str, items: int, change: int, this_change: int, offset: int) -> None:
    """Drawn counts: this year's 上一年项目数量 is last year's plus last year's change, off by *offset* or not."""
    expected = items + change
    this_items = max(0, expected + offset)
    counts = gia_report.FeeItemCounts if row == "fees" else gia_report.ItemCounts
    before = gia_report.Report(
        format_version="2019",
        agency="某局",
        year=2019,
        active=_active(row, counts(items_last_year=items, change=change)),
    )
    after = gia_report.Report(
        format_version="2019",
        agency="某局",
        year=2020,
        active=_active(row, counts(items_last_year=this_items, change=this_change)),
    )
    found = gia_report.check_series([before, after]).flatten("code", "row", "expected", "actual")
    assert found == ([] if this_items == expected else [("items-change", row, expected, this_items)])


@settings(max_examples=50)
@given(reports(), reports())
def test_reports_cut_to_their_series_cells_check_the_same(before: gia_report.Report, after: gia_report.Report) -> None:
    """check_pairs finds the same on two reports as on the reports rebuilt from their series cells alone."""
    before = attrs.evolve(before, agency="某局", year=2020, title="某局2020年政府信息公开工作年度报告")
    after = attrs.evolve(after, agency="某局", year=2021, title="某局2021年政府信息公开工作年度报告")

    def cut(report: gia_report.Report) -> gia_report.Report:
        return series_report(
            report.agency,
            report.year,
            report.format_version,
            report.requests.other_as_one_row,
            series_cells(report),
        )

    assert len(series_cells(before)) == len(SERIES_KEYS)
    fields = ("code", "key", "expected", "actual", "year", "message")
    whole = gia_report.check_series([before, after]).flatten(*fields)
    assert whole == gia_report.check_series([cut(before), cut(after)]).flatten(*fields)
