"""Reading one value cell: counts, signed counts and money, blanks and placeholders.

A cell reads to a value, to ``None`` (printed blank or with a placeholder), or
to ``None`` with a problem when its text is not a number of the column's kind;
every tolerated oddity comes back as a message for a note.

A number has at most `MAX_DIGITS` digits: a longer one is no real count or
amount (and could not be stored as a 64-bit integer), so its cell is
unreadable rather than read. Long cell texts are quoted shortened.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from functools import wraps
from typing import Any, TypeVar, cast

import attrs

from ..catalog import Column

_Function = TypeVar("_Function", bound=Callable[..., Any])

__all__ = [
    "CACHED_LENGTH",
    "MAX_DIGITS",
    "PLACEHOLDERS",
    "CellReading",
    "cached_when_short",
    "holds_values_apart",
    "looks_like_value",
    "read_cell",
]

#: The most digits a count or an amount may have, before and after the point together: no real count
#: comes near 10**18, and 18 digits always fit a signed 64-bit integer (what pandas and pyarrow store).
MAX_DIGITS = 18
#: Texts longer than this are read but not cached (here and by the label lookups): no number or label is
#: this long, and such a text would only fill a cache.
CACHED_LENGTH = 200


def cached_when_short(maxsize: int) -> Callable[[_Function], _Function]:
    """Remember a function's answers for texts (its last argument) up to `CACHED_LENGTH`, the first *maxsize*.

    The cells and labels of every report repeat (0, the captions, the labels)
    and come early: the first ones met are kept, in a plain dict (the cheapest
    memo: these functions are asked of every cell several times). A longer
    text is read each time, and so is any text once the memo is full, so no
    input can make it grow past its bound. The memo is the wrapper's ``memo``.
    """

    def decorate(function: _Function) -> _Function:
        memo: dict[Any, Any] = {}
        if function.__code__.co_argcount == 1:

            def call_one(text: str) -> Any:
                found = memo.get(text, memo)  # the memo itself stands for "not remembered"
                if found is memo:
                    found = function(text)
                    if len(text) <= CACHED_LENGTH and len(memo) < maxsize:
                        memo[text] = found
                return found

            call: Callable[..., Any] = call_one
        else:

            def call_many(*args: Any) -> Any:
                found = memo.get(args, memo)
                if found is memo:
                    found = function(*args)
                    if len(args[-1]) <= CACHED_LENGTH and len(memo) < maxsize:
                        memo[args] = found
                return found

            call = call_many
        wrapped = wraps(function)(call)
        wrapped.memo = memo  # type: ignore[attr-defined]
        wrapped.maxsize = maxsize  # type: ignore[attr-defined]
        return cast(_Function, wrapped)

    return decorate


#: The most characters of a cell's text quoted in a message.
_QUOTED_LENGTH = 40

#: Texts that stand for "nothing" in a value cell (after NFKC and whitespace removal).
PLACEHOLDERS = frozenset({"/", "\\", "-", "--", "—", "——", "–", "−", "─", "无", "空", "/-"})

_UNIT = re.compile(r"(万元|元|件|个|条|项|次|宗|人次)$")
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_INTEGER = re.compile(r"^[+-]?\d+$")
_DECIMAL = re.compile(r"^\d+(?:\.\d+)?$")
_NUMBERISH = re.compile(r"^[+-]?[\d,]+(?:\.\d+)?(?:万元|元|件|个|条|项|次|宗|人次)?$")
_SPACE = re.compile(r"\s+")
_DIGITS_APART = re.compile(r"\d[\s\u00a0\u3000]+\d")


@attrs.frozen
class CellReading:
    """A cell read: its value (``None`` for blank), the oddities tolerated, and a problem if unreadable."""

    value: int | Decimal | None
    oddities: tuple[str, ...] = ()
    problem: str | None = None


def _clean(text: str) -> str:
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def _quote(text: str) -> str:
    """*text* quoted for a message, shortened to its start and end when long."""
    if len(text) <= _QUOTED_LENGTH:
        return repr(text)
    half = _QUOTED_LENGTH // 2
    return f"{text[:half]!r}…{text[-half:]!r} ({len(text)} characters)"


@cached_when_short(maxsize=8192)
def looks_like_value(text: str) -> bool:
    """Whether *text* is a value cell (a number, a placeholder or blank) rather than a label."""
    cleaned = _clean(text)
    return not cleaned or cleaned in PLACEHOLDERS or bool(_NUMBERISH.match(cleaned))


@cached_when_short(maxsize=8192)
def holds_values_apart(text: str) -> bool:
    """Whether *text* is two or more values parted by white space: two values in one cell, or one spaced
    (``6 13``, ``400 -147``, ``12 —``)."""
    parts = unicodedata.normalize("NFKC", text).split()
    return len(parts) > 1 and all(map(looks_like_value, parts))


def read_cell(text: str, column: Column) -> CellReading:
    """Read the printed *text* of a cell in *column*.

    >>> read_cell(" １,234 ", Column(key="x", label="x")).value
    1234
    """
    # Cached by the column's kind and unit, all that reading depends on: strings hash at C speed.
    return _read(column.kind, column.unit, text)


@cached_when_short(maxsize=8192)
def _read(kind: str, unit: str | None, text: str) -> CellReading:
    cleaned = _clean(text)
    if not cleaned:
        return CellReading(None)
    if cleaned in PLACEHOLDERS:
        return CellReading(None)
    oddities: list[str] = []
    shown = _quote(text.strip())
    if _DIGITS_APART.search(unicodedata.normalize("NFKC", text)):
        # '6 13' is two cells merged as often as one number spaced: which, the cell cannot tell.
        return CellReading(None, problem=f"{shown} holds digits apart: two numbers in one cell, or one spaced")
    if cleaned != text.strip():
        if any(unicodedata.normalize("NFKC", ch) != ch for ch in text if not ch.isspace()):
            oddities.append(f"full-width characters in {shown} read as {_quote(cleaned)}")
        if _SPACE.search(text.strip()):
            oddities.append(f"spaces inside {shown} ignored")
    printed_unit = None
    found = _UNIT.search(cleaned)
    if found:
        printed_unit = found.group(1)
        cleaned = cleaned[: found.start()]
    if _THOUSANDS.match(cleaned):
        oddities.append(f"thousands separators in {shown} ignored")
        cleaned = cleaned.replace(",", "")
    if kind == "money":
        return _read_money(text, cleaned, printed_unit, unit, oddities)
    return _read_integer(text, cleaned, printed_unit, kind, oddities)


def _too_long(shown: str, digits: int) -> CellReading:
    # Refused before int() or Decimal() sees it: no count is this long, and int() of thousands of
    # digits raises (sys.get_int_max_str_digits) or, with the limit lifted, takes quadratic time.
    return CellReading(None, problem=f"{shown} has {digits} digits: a number has at most {MAX_DIGITS}")


def _read_integer(text: str, cleaned: str, unit: str | None, kind: str, oddities: list[str]) -> CellReading:
    shown = _quote(text.strip())
    if not _INTEGER.match(cleaned):
        if re.match(r"^\d+\.0+$", cleaned):
            oddities.append(f"{shown} read as the whole number {cleaned.split('.')[0]}")
            cleaned = cleaned.split(".")[0]
        else:
            return CellReading(None, problem=f"{shown} is not a whole number")
    if unit is not None:
        if unit in ("万元", "元"):
            return CellReading(None, problem=f"{shown} is an amount of money, not a count")
        oddities.append(f"unit {unit!r} after the number in {shown} ignored")
    if len(cleaned.lstrip("+-")) > MAX_DIGITS:
        return _too_long(shown, len(cleaned.lstrip("+-")))
    value = int(cleaned)
    if value < 0 and kind == "count":
        return CellReading(None, problem=f"{shown} is negative, but a count cannot be")
    if cleaned.startswith("+") and kind == "count":
        oddities.append(f"sign in {shown} ignored")
    return CellReading(value, tuple(oddities))


def _read_money(text: str, cleaned: str, unit: str | None, column_unit: str | None, oddities: list[str]) -> CellReading:
    shown = _quote(text.strip())
    if not _DECIMAL.match(cleaned):
        return CellReading(None, problem=f"{shown} is not an amount of money")
    if len(cleaned) - cleaned.count(".") > MAX_DIGITS:
        return _too_long(shown, len(cleaned) - cleaned.count("."))
    try:
        value = Decimal(cleaned)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
        return CellReading(None, problem=f"{shown} is not an amount of money")
    if unit in ("件", "个", "条", "项", "次", "宗", "人次"):
        return CellReading(None, problem=f"{shown} is a count, not an amount of money")
    if column_unit == "元":
        if unit == "万元":
            value = value * 10000
        elif unit is None:
            oddities.append(f"{shown} has no unit: taken as 元")
    elif column_unit == "万元" and unit == "元":
        oddities.append(f"{shown} is in 元: converted to 万元")
        value = value / 10000
    return CellReading(value, tuple(oddities))
