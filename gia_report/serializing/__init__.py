"""Serializing: the model out to text and back, one module per form.

.. versionadded:: 0.1
"""

from __future__ import annotations

from collections.abc import Callable

from ..errors import SerializationError
from ..model import Report
from ._json import dumps_json, loads_json
from ._schema import json_schema

__all__ = ["FORMATS", "dumps", "json_schema", "loads"]

_WRITERS: dict[str, Callable[[Report], str]] = {"json": dumps_json}
_READERS: dict[str, Callable[[str], Report]] = {"json": loads_json}

#: The names *fmt* takes in `dumps` and `loads`.
FORMATS: tuple[str, ...] = tuple(_WRITERS)


def dumps(report: Report, fmt: str = "json") -> str:
    """*report* written in the form *fmt* (``"json"``).

    .. versionadded:: 0.1
    """
    if fmt not in _WRITERS:
        raise SerializationError(f"unknown form {fmt!r}: expected one of {', '.join(FORMATS)}")
    return _WRITERS[fmt](report)


def loads(text: str, fmt: str = "json") -> Report:
    """The report in *text*, written in the form *fmt* (``"json"``).

    .. versionadded:: 0.1
    """
    if fmt not in _READERS:
        raise SerializationError(f"unknown form {fmt!r}: expected one of {', '.join(FORMATS)}")
    return _READERS[fmt](text)
