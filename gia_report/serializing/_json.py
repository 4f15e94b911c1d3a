"""JSON: the converter's unstructured form, written with the Chinese text as is.

Reading refuses, with a `SerializationError` that says where: text that is not
JSON, a document nested deeper than Python can read (a report nests five
deep; the error points where the nesting passes `MAX_DEPTH`), a number of more
than `MAX_DIGITS` digits (left unconverted, so ``int()`` never sees thousands
of digits) and anything that does not describe a report.
"""

from __future__ import annotations

import json
import re

import cattrs

from ..errors import SerializationError
from ..model import Report
from ..parsing._numbers import MAX_DIGITS
from ._converter import LongNumber, converter

__all__ = ["MAX_DEPTH", "dumps_json", "loads_json"]

#: The nesting an error about a too deeply nested document points at: a report nests five deep.
MAX_DEPTH = 64

# Strings (closed or not, so the scan always moves on), brackets, and runs of anything else.
_SCAN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[\[{]|[\]}]|[^"\[\]{}]+', re.DOTALL)


def _describe(error: BaseException, kind: type | None) -> str:
    # The model's validators say what is wrong in words; cattrs' own errors say it well enough.
    if isinstance(error, (TypeError, ValueError)) and not isinstance(error, cattrs.BaseValidationError):
        text = str(error)
        if text and "structure" not in text:
            return text
    return cattrs.v.format_exception(error, kind)


def _whole_number(text: str) -> int | LongNumber:
    digits = len(text) - text.startswith("-")
    return LongNumber(digits) if digits > MAX_DIGITS else int(text)


def _too_deep(text: str) -> str:
    """Where *text* first nests deeper than `MAX_DEPTH`, as ``line L, column C``."""
    depth = 0
    for token in _SCAN.finditer(text):
        opened = token.group(0)
        if opened in ("[", "{"):
            depth += 1
            if depth > MAX_DEPTH:
                offset = token.start()
                line = text.count("\n", 0, offset) + 1
                return f"line {line}, column {offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"
        elif opened in ("]", "}"):
            depth -= 1
    return "line 1, column 1"  # pragma: no cover - a document too deep for Python is deeper than MAX_DEPTH


def dumps_json(report: Report) -> str:
    """*report* as a JSON document (UTF-8 text, two-space indent)."""
    return json.dumps(converter().unstructure(report), ensure_ascii=False, indent=2) + "\n"


def loads_json(text: str | bytes) -> Report:
    """The report in the JSON document *text*; `SerializationError` names what is wrong and where."""
    if not isinstance(text, (str, bytes, bytearray)):
        raise SerializationError(f"not JSON: expected the text of a document (str or bytes), not {type(text).__name__}")
    try:
        data = json.loads(text, parse_int=_whole_number)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise SerializationError(f"not JSON: {error}") from None
    except RecursionError:
        decoded = text if isinstance(text, str) else bytes(text).decode(json.detect_encoding(text), "replace")
        raise SerializationError(
            f"not a report: the document nests deeper than {MAX_DEPTH} arrays and objects at {_too_deep(decoded)}"
            " (a report nests five deep)"
        ) from None
    try:
        return converter().structure(data, Report)
    except cattrs.BaseValidationError as error:
        details = "; ".join(cattrs.transform_error(error, path="report", format_exception=_describe))
        raise SerializationError(f"not a report: {details}") from None
    except (TypeError, ValueError, KeyError, RecursionError) as error:
        raise SerializationError(f"not a report: {error}") from None
