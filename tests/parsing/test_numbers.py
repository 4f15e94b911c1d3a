"""Reading one value cell."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gia_report.catalog import Column
from gia_report.parsing._numbers import looks_like_value, read_cell

COUNT = Column(key="n", label="n")
SIGNED = Column(key="change", label="本年增/减", kind="signed")
WAN = Column(key="amount", label="本年收费金额（单位：万元）", kind="money", unit="万元")
YUAN = Column(key="amount", label="采购总金额", kind="money", unit="元")


@pytest.mark.parametrize(
    ("text", "value"),
    [("0", 0), (" 0", 0), ("0 ", 0), ("12", 12), ("１２", 12), ("1,234", 1234), ("3件", 3)],
)
def test_counts(text: str, value: int) -> None:
    """Stray spaces, full-width digits, thousands separators and a unit are tolerated."""
    assert read_cell(text, COUNT).value == value


@pytest.mark.parametrize("text", ["", "  ", "/", "／", "—", "-", "－", "无", "——"])
def test_blank_and_placeholders_are_none(text: str) -> None:
    """A blank cell or a placeholder is None, never 0, and is not a problem."""
    reading = read_cell(text, COUNT)
    assert (reading.value, reading.problem) == (None, None)


@pytest.mark.parametrize("text", ["-3", "2.5", "十二", "1,23", "1 234", "6 13", "6\u300013"])
def test_counts_that_cannot_be_read_are_problems(text: str) -> None:
    """A negative, fractional or spelled-out count, or digits apart (two cells merged?), is blank with a problem."""
    reading = read_cell(text, COUNT)
    assert reading.value is None
    assert reading.problem is not None


def test_signed_change() -> None:
    """本年增/减 of 2019 may be negative or carry a plus sign."""
    assert (read_cell("+12", SIGNED).value, read_cell("-3", SIGNED).value) == (12, -3)


def test_money_in_wan_yuan() -> None:
    """Fees in 万元 are Decimals; 元 is converted with a note of it."""
    assert read_cell("96171.6", WAN).value == Decimal("96171.6")
    assert read_cell("12.5万元", WAN).value == Decimal("12.5")
    converted = read_cell("125000元", WAN)
    assert converted.value == Decimal("12.5")
    assert converted.oddities


def test_money_in_yuan() -> None:
    """Procurement in 元: 万元 is multiplied out, a bare number is taken as 元 with a note."""
    assert read_cell("251000元", YUAN).value == Decimal(251000)
    assert read_cell("12.5万元", YUAN).value == Decimal(125000)
    bare = read_cell("79000.1", YUAN)
    assert bare.value == Decimal("79000.1")
    assert bare.oddities == ("'79000.1' has no unit: taken as 元",)


@pytest.mark.parametrize(
    ("text", "expected"), [("0", True), ("", True), ("—", True), ("3.其他", False), ("总计", False)]
)
def test_looks_like_value(text: str, expected: bool) -> None:
    """Numbers, blanks and placeholders are values; labels are not."""
    assert looks_like_value(text) is expected


@pytest.mark.parametrize("column", [COUNT, SIGNED, WAN], ids=["count", "signed", "money"])
@pytest.mark.parametrize("digits", [19, 4301, 100_000])
def test_numbers_longer_than_any_count_are_problems(column: Column, digits: int) -> None:
    """A number of more than 18 digits (thousands, past Python's int-string limit) is a problem, not an exception."""
    reading = read_cell("9" * digits, column)
    assert reading.value is None
    assert reading.problem is not None
    assert f"has {digits} digits: a number has at most 18" in reading.problem


@pytest.mark.parametrize(
    ("text", "column", "value"),
    [
        ("9" * 18, COUNT, 999_999_999_999_999_999),
        ("-" + "9" * 18, SIGNED, -999_999_999_999_999_999),
        ("12345678901234567.8", WAN, Decimal("12345678901234567.8")),
        ("0" * 17 + "7", COUNT, 7),
    ],
)
def test_eighteen_digits_are_read(text: str, column: Column, value: int | Decimal) -> None:
    """A number of 18 digits, the most a count or amount may have (point and sign aside), is read exactly."""
    reading = read_cell(text, column)
    assert (reading.value, reading.problem) == (value, None)


def test_money_of_nineteen_digits_is_a_problem() -> None:
    """An amount of 19 digits, counted on both sides of the point, is a problem."""
    reading = read_cell("1234567890.123456789", WAN)
    assert (reading.value, reading.problem) == (None, "'1234567890.123456789' has 19 digits: a number has at most 18")


def test_a_long_cell_is_quoted_shortened() -> None:
    """A 1 MB cell that is no number gives a problem that quotes 20 characters of each end and the length."""
    text = "甲" * 500_000 + "乙" * 500_000
    reading = read_cell(text, COUNT)
    assert reading.problem == f"{'甲' * 20!r}…{'乙' * 20!r} (1000000 characters) is not a whole number"


def test_long_cells_are_not_cached() -> None:
    """Reading cells longer than any number leaves the cache as it was, so hostile input cannot fill memory."""
    from gia_report.parsing import _numbers

    def sizes() -> tuple[int, int]:
        return len(_numbers._read.memo), len(_numbers.looks_like_value.memo)  # type: ignore[attr-defined]

    before = sizes()
    for n in range(5):
        assert read_cell(f"{n}" * 10_000, COUNT).problem is not None
        assert looks_like_value(f"{n}" * 10_000) is True
    assert sizes() == before


def test_the_memo_of_values_is_bounded() -> None:
    """Telling values from labels remembers at most a bound of texts, whatever the input, and still answers."""
    from gia_report.parsing import _numbers

    memo, maxsize = _numbers.looks_like_value.memo, _numbers.looks_like_value.maxsize  # type: ignore[attr-defined]
    for n in range(maxsize + 10):
        assert looks_like_value(f"甲{n}") is False
    assert len(memo) <= maxsize
    assert looks_like_value("12") is True and looks_like_value("乙") is False
