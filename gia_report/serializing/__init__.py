"""Serializing: the model out to text and back, one module per form.

.. versionadded:: 0.1
"""

from __future__ import annotations

from collections.abc import Callable

from ..errors import SerializationError
from ..model import Report
from ._json import dumps_json, loads_json
from ._schema import json_schema
from ._text import WRITERS, write_text

__all__ = ["FORMATS", "dumps", "json_schema", "loads"]


def _text_writer(layout: str) -> Callable[[Report], str]:
    return lambda report: write_text(report, layout)


def _text_reader(text: str) -> Report:
    # Imported here: parsing imports records, which this package must not import at start-up twice over.
    from ..parsing import parse

    return parse(text)


_WRITERS: dict[str, Callable[[Report], str]] = {
    "json": dumps_json,
    **{layout: _text_writer(layout) for layout in WRITERS},
}
_READERS: dict[str, Callable[[str], Report]] = {"json": loads_json, **dict.fromkeys(WRITERS, _text_reader)}

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
