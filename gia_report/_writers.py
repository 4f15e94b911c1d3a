"""Tables written as they go, for ``gia-report batch``: CSV, JSON Lines or Parquet, chosen by the file's suffix.

Rows are rendered where they are made (in the worker processes, for the cells)
and written by one `TableWriter`, so memory stays flat: CSV and JSON Lines are
written line by line, Parquet in row groups of `ROW_GROUP` rows.

Values are exact in every form: counts are integers, money a decimal written
out in full (``"96171.6"``; in Parquet ``decimal128(38, 6)``), a blank an empty
CSV field, ``null`` in JSON Lines and Parquet.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal, TextIO

__all__ = [
    "FORMS",
    "MONEY_SCALE",
    "ROW_GROUP",
    "Form",
    "TableWriter",
    "UnwritableValue",
    "check_form",
    "form_of",
    "render",
]

Form = Literal["csv", "jsonl", "parquet"]
#: The suffixes a table's file may have, and the form each means.
FORMS: dict[str, Form] = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}
#: Rows buffered before a Parquet row group is written.
ROW_GROUP = 50_000
#: Decimal places Parquet keeps for money: a hundredth of a 元 in 万元.
MONEY_SCALE = 6
_MONEY_PRECISION = 38
_INT64 = 2**63

# The Arrow type of each column a table may have (anything else is a string).
_ARROW_TYPES = {
    "year": "int32",
    "value": "int64",
    "money": "decimal",
    "notes": "int32",
    "errors": "int32",
    "warnings": "int32",
}


class UnwritableValue(ValueError):
    """A value the chosen form cannot hold exactly (Parquet: a count past int64, money past 6 decimals)."""


def form_of(path: str) -> Form:
    """The form of a table written to *path*, by its suffix; ValueError naming the suffixes known otherwise."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMS:
        raise ValueError(f"{path}: expected a file ending in {', '.join(FORMS)}, to say the form to write")
    return FORMS[suffix]


def _text(value: object) -> object:
    if isinstance(value, Decimal):
        return format(value, "f")
    return value


def _check_parquet(columns: Sequence[str], row: Sequence[object]) -> None:
    for name, value in zip(columns, row, strict=True):
        kind = _ARROW_TYPES.get(name)
        if value is None or kind is None:
            continue
        if kind == "decimal":
            assert isinstance(value, Decimal)
            exponent = value.as_tuple().exponent
            digits = len(value.as_tuple().digits)
            if not isinstance(exponent, int) or exponent < -MONEY_SCALE or digits - exponent > _MONEY_PRECISION:
                raise UnwritableValue(
                    f"{name} {format(value, 'f')} has more decimal places or digits than Parquet's "
                    f"decimal128({_MONEY_PRECISION}, {MONEY_SCALE}) holds exactly: write CSV or JSON Lines"
                )
        elif isinstance(value, int) and not -_INT64 <= value < _INT64:
            raise UnwritableValue(f"{name} {value} does not fit Parquet's int64: write CSV or JSON Lines")


def render(form: Form, columns: Sequence[str], rows: Sequence[Sequence[object]]) -> Any:
    """*rows* made ready for `TableWriter.write`: text for CSV and JSON Lines, column lists for Parquet.

    Raises `UnwritableValue` for a value Parquet cannot hold exactly.
    """
    if form == "csv":
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows([[_text(value) for value in row] for row in rows])
        return buffer.getvalue()
    if form == "jsonl":
        return "".join(
            json.dumps(dict(zip(columns, map(_text, row), strict=True)), ensure_ascii=False) + "\n" for row in rows
        )
    for row in rows:
        _check_parquet(columns, row)
    return [list(column) for column in zip(*rows, strict=True)] if rows else [[] for _ in columns]


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as error:
        raise ImportError(
            "writing Parquet needs pyarrow, which is not installed: pip install 'gia-report[parquet]'"
        ) from error
    return pyarrow


def check_form(form: Form) -> None:
    """Raise ImportError naming the extra when *form* needs a package that is not installed.

    It looks without importing, so that worker processes started after it do not inherit the package.
    """
    if form == "parquet" and importlib.util.find_spec("pyarrow") is None:
        _pyarrow()


class TableWriter:
    """A table of *columns* written to *path* in *form* as rows come; `close` finishes it."""

    def __init__(self, path: str, form: Form, columns: Sequence[str]) -> None:
        self.path = path
        self.form = form
        self.columns = tuple(columns)
        self._handle: TextIO | None = None
        self._parquet: Any = None
        self._buffer: list[list[Any]] = [[] for _ in self.columns]
        if form == "parquet":
            pyarrow = _pyarrow()
            types = {
                "int32": pyarrow.int32(),
                "int64": pyarrow.int64(),
                "decimal": pyarrow.decimal128(_MONEY_PRECISION, MONEY_SCALE),
            }
            self._schema = pyarrow.schema(
                [(name, types.get(_ARROW_TYPES.get(name, ""), pyarrow.string())) for name in self.columns]
            )
            self._parquet = pyarrow.parquet.ParquetWriter(path, self._schema)
        else:
            # The file stays open for as long as the writer: close() closes it.
            self._handle = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115
            if form == "csv":
                csv.writer(self._handle, lineterminator="\n").writerow(self.columns)

    def write(self, payload: Any) -> None:
        """Write what `render` made of some rows."""
        if self._handle is not None:
            self._handle.write(payload)
            return
        for column, values in zip(self._buffer, payload, strict=True):
            column.extend(values)
        if len(self._buffer[0]) >= ROW_GROUP:
            self._flush()

    def write_rows(self, rows: Sequence[Sequence[object]]) -> None:
        """Render and write *rows*."""
        self.write(render(self.form, self.columns, rows))

    def _flush(self) -> None:
        if not self._buffer[0]:
            return
        pyarrow = _pyarrow()
        arrays = [
            pyarrow.array(values, type=field.type) for values, field in zip(self._buffer, self._schema, strict=True)
        ]
        self._parquet.write_table(pyarrow.Table.from_arrays(arrays, schema=self._schema))
        self._buffer = [[] for _ in self.columns]

    def flush(self) -> None:
        """Push what is written so far to the file (a Parquet row group is written whole)."""
        if self._handle is not None:
            self._handle.flush()

    def close(self) -> None:
        """Write what is buffered and close the file."""
        if self._handle is not None:
            self._handle.close()
        else:
            self._flush()
            self._parquet.close()
