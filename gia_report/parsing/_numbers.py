"""Reading one value cell: counts, signed counts and money, blanks and placeholders.

A cell reads to a value, to ``None`` (printed blank or with a placeholder), or
to ``None`` with a problem when its text is not a number of the column's kind;
every tolerated oddity comes back as a message for a note.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache

import attrs

from ..catalog import Column

__all__ = ["PLACEHOLDERS", "CellReading", "looks_like_value", "read_cell"]

#: Texts that stand for "nothing" in a value cell (after NFKC and whitespace removal).
PLACEHOLDERS = frozenset({"/", "\\", "-", "--", "—", "——", "–", "−", "─", "无", "空", "/-"})

_UNIT = re.compile(r"(万元|元|件|个|条|项|次|宗|人次)$")
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_INTEGER = re.compile(r"^[+-]?\d+$")
_DECIMAL = re.compile(r"^\d+(?:\.\d+)?$")
_NUMBERISH = re.compile(r"^[+-]?[\d,]+(?:\.\d+)?(?:万元|元|件|个|条|项|次|宗|人次)?$")
_SPACE = re.compile(r"\s+")


@attrs.frozen
class CellReading:
    """A cell read: its value (``None`` for blank), the oddities tolerated, and a problem if unreadable."""

    value: int | Decimal | None
    oddities: tuple[str, ...] = ()
    problem: str | None = None


def _clean(text: str) -> str:
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


@lru_cache(maxsize=8192)
def looks_like_value(text: str) -> bool:
    """Whether *text* is a value cell (a number, a placeholder or blank) rather than a label."""
    cleaned = _clean(text)
    return not cleaned or cleaned in PLACEHOLDERS or bool(_NUMBERISH.match(cleaned))


@lru_cache(maxsize=8192)
def read_cell(text: str, column: Column) -> CellReading:
    """Read the printed *text* of a cell in *column*.

    >>> read_cell(" １,234 ", Column(key="x", label="x")).value
    1234
    """
    cleaned = _clean(text)
    if not cleaned:
        return CellReading(None)
    if cleaned in PLACEHOLDERS:
        return CellReading(None)
    oddities: list[str] = []
    if cleaned != text.strip():
        if any(unicodedata.normalize("NFKC", ch) != ch for ch in text if not ch.isspace()):
            oddities.append(f"full-width characters in {text.strip()!r} read as {cleaned!r}")
        if _SPACE.search(text.strip()):
            oddities.append(f"spaces inside {text.strip()!r} ignored")
    unit = None
    found = _UNIT.search(cleaned)
    if found:
        unit = found.group(1)
        cleaned = cleaned[: found.start()]
    if _THOUSANDS.match(cleaned):
        oddities.append(f"thousands separators in {text.strip()!r} ignored")
        cleaned = cleaned.replace(",", "")
    if column.kind == "money":
        return _read_money(text, cleaned, unit, column, oddities)
    return _read_integer(text, cleaned, unit, column, oddities)


def _read_integer(text: str, cleaned: str, unit: str | None, column: Column, oddities: list[str]) -> CellReading:
    shown = text.strip()
    if not _INTEGER.match(cleaned):
        if re.match(r"^\d+\.0+$", cleaned):
            oddities.append(f"{shown!r} read as the whole number {cleaned.split('.')[0]}")
            cleaned = cleaned.split(".")[0]
        else:
            return CellReading(None, problem=f"{shown!r} is not a whole number")
    if unit is not None:
        if unit in ("万元", "元"):
            return CellReading(None, problem=f"{shown!r} is an amount of money, not a count")
        oddities.append(f"unit {unit!r} after the number in {shown!r} ignored")
    value = int(cleaned)
    if value < 0 and column.kind == "count":
        return CellReading(None, problem=f"{shown!r} is negative, but a count cannot be")
    if cleaned.startswith("+") and column.kind == "count":
        oddities.append(f"sign in {shown!r} ignored")
    return CellReading(value, tuple(oddities))


def _read_money(text: str, cleaned: str, unit: str | None, column: Column, oddities: list[str]) -> CellReading:
    shown = text.strip()
    if not _DECIMAL.match(cleaned):
        return CellReading(None, problem=f"{shown!r} is not an amount of money")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
        return CellReading(None, problem=f"{shown!r} is not an amount of money")
    if unit in ("件", "个", "条", "项", "次", "宗", "人次"):
        return CellReading(None, problem=f"{shown!r} is a count, not an amount of money")
    if column.unit == "元":
        if unit == "万元":
            value = value * 10000
        elif unit is None:
            oddities.append(f"{shown!r} has no unit: taken as 元")
    elif column.unit == "万元" and unit == "元":
        oddities.append(f"{shown!r} is in 元: converted to 万元")
        value = value / 10000
    return CellReading(value, tuple(oddities))
