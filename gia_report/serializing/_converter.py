"""The one cattrs converter: the model's unstructured (JSON-ready) form and back.

Money is a plain decimal string (``"12.5"``, never exponent notation); a
report's ``active`` table is structured as the class its ``format_version``
names; unknown keys are refused.
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
from ..records import money

__all__ = ["converter"]


def _structure_decimal(value: object, _: type) -> Decimal:
    return money(value)


def _structure_int(value: object, _: type) -> int:
    # JSON has one number type: refuse 1.5 and true rather than truncating them.
    if type(value) is not int:
        raise TypeError(f"expected a whole number, not {value!r}")
    return value


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, not {value!r}")
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
