"""The one cattrs converter: the model's unstructured (JSON-ready) form and back.

Money is a plain decimal string (``"12.5"``, never exponent notation); a
report's ``active`` table is structured as the class its ``format_version``
names; unknown keys are refused. A count or an amount has at most
`MAX_DIGITS` digits, as in a parsed cell; a value refused is described, not
quoted whole, so that the message stays short.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import Any

import attrs
import cattrs
from cattrs.errors import AttributeValidationNote, ClassValidationError
from cattrs.gen import make_dict_structure_fn, override

from ..model import Active2019, Active2021, Report
from ..parsing._numbers import MAX_DIGITS
from ..records import money

__all__ = ["LongNumber", "converter", "describe", "fits"]

#: The longest value quoted whole in a message.
_QUOTED = 40
#: The smallest whole number of more than `MAX_DIGITS` digits.
_TOO_LONG: int = 10**MAX_DIGITS


@attrs.frozen
class LongNumber:
    """A number of more *digits* than `MAX_DIGITS`, which JSON reading leaves unconverted (``int()`` would raise)."""

    digits: int

    def __repr__(self) -> str:
        return f"a number of {self.digits} digits"


def describe(value: object) -> str:
    """*value* for a message: its repr when short, else what it is (``a string of 2000000 characters``)."""
    if isinstance(value, dict):
        return f"an object of {len(value)} keys"
    if isinstance(value, (list, tuple)):
        return f"a list of {len(value)} items"
    if isinstance(value, str) and len(value) > _QUOTED:
        return f"a string of {len(value)} characters"
    if isinstance(value, int) and not isinstance(value, bool) and not fits(value):
        return f"a number of more than {MAX_DIGITS} digits"
    return repr(value)


def fits(value: int | Decimal) -> bool:
    """Whether *value* has at most `MAX_DIGITS` digits, before and after the point together, as printed."""
    if isinstance(value, int):
        return abs(value) < _TOO_LONG
    _, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int):
        return True  # infinite or not a number: the model's validators refuse it, with their own message
    # Printed plainly: the digits with the zeros a positive exponent adds, or with the zeros after the point.
    return max(len(digits) + exponent, len(digits), 1 - exponent) <= MAX_DIGITS


def _structure_decimal(value: object, _: type) -> Decimal:
    amount = money(value)
    if not fits(amount):
        raise ValueError(f"{describe(value)} has more digits than an amount may have ({MAX_DIGITS})")
    return amount


def _structure_int(value: object, _: type) -> int:
    if isinstance(value, LongNumber) or (type(value) is int and not fits(value)):
        raise ValueError(f"{describe(value)} is longer than a whole number may be ({MAX_DIGITS} digits)")
    # JSON has one number type: refuse 1.5 and true rather than truncating them.
    if type(value) is not int:
        raise TypeError(f"expected a whole number, not {describe(value)}")
    return value


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, not {describe(value)}")
    return value


@lru_cache(maxsize=1)
def converter() -> cattrs.Converter:
    """The shared converter (built once)."""
    conv = cattrs.Converter(forbid_extra_keys=True)
    conv.register_unstructure_hook(Decimal, lambda value: format(value, "f"))
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(str, _structure_str)
    base = make_dict_structure_fn(Report, conv, active=override(omit=True), _cattrs_forbid_extra_keys=False)

    def structure_report(data: Any, cls: type) -> Report:
        if not isinstance(data, dict):
            raise TypeError(f"expected a report as a mapping, not {type(data).__name__}")
        known = {field.name for field in attrs.fields(Report)}
        extra = sorted(set(data) - known)
        if extra:
            raise ValueError(f"unknown keys {', '.join(map(repr, extra))} in a report")
        report = base(data, cls)
        if "active" not in data:
            return report
        active: Active2019 | Active2021
        try:
            if report.format_version == "2019":
                active = conv.structure(data["active"], Active2019)
            else:
                active = conv.structure(data["active"], Active2021)
        except Exception as error:
            # Give the error its place in the report, so messages read report.active.fees.amount.
            error.__notes__ = [*getattr(error, "__notes__", []), AttributeValidationNote("active", "active", cls)]
            raise ClassValidationError("While structuring Report", [error], cls) from None
        return attrs.evolve(report, active=active)

    conv.register_structure_hook(Report, structure_report)
    return conv
