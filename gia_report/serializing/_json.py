"""JSON: the converter's unstructured form, written with the Chinese text as is."""

from __future__ import annotations

import json

import cattrs

from ..errors import SerializationError
from ..model import Report
from ._converter import converter

__all__ = ["dumps_json", "loads_json"]


def _describe(error: BaseException, kind: type | None) -> str:
    # The model's validators say what is wrong in words; cattrs' own errors say it well enough.
    if isinstance(error, (TypeError, ValueError)) and not isinstance(error, cattrs.BaseValidationError):
        text = str(error)
        if text and "structure" not in text:
            return text
    return cattrs.v.format_exception(error, kind)


def dumps_json(report: Report) -> str:
    """*report* as a JSON document (UTF-8 text, two-space indent)."""
    return json.dumps(converter().unstructure(report), ensure_ascii=False, indent=2) + "\n"


def loads_json(text: str | bytes) -> Report:
    """The report in the JSON document *text*; `SerializationError` names what is wrong and where."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise SerializationError(f"not JSON: {error}") from None
    try:
        return converter().structure(data, Report)
    except cattrs.BaseValidationError as error:
        details = "; ".join(cattrs.transform_error(error, path="report", format_exception=_describe))
        raise SerializationError(f"not a report: {details}") from None
    except (TypeError, ValueError, KeyError) as error:
        raise SerializationError(f"not a report: {error}") from None
