"""Records: one mapping per cell, keyed by the public keys of FORMAT.md §2.

>>> from gia_report.model import Report
>>> to_records(Report(format_version="2021"))[0]
{'table': 'active', 'row': 'regulations', 'column': 'issued', 'value': None}

.. versionadded:: 0.1
"""

from __future__ import annotations

import typing
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any, TypedDict

import attrs

from ._cells import cell_layout, printed_rows
from .catalog import FORMATS, Column, FormatVersion
from .errors import SerializationError
from .model import Active2019, Active2021, Appeals, Report, Requests

__all__ = ["Record", "cell_layout", "from_records", "money", "printed_rows", "report_from_cells", "to_records"]

Value = int | Decimal | None


class Record(TypedDict):
    """One cell: ``table``, ``row``, ``column`` (the public key) and its ``value``.

    .. versionadded:: 0.1
    """

    table: str
    row: str
    column: str
    value: Value


_TABLE_CLASSES: Mapping[FormatVersion, Mapping[str, type]] = {
    "2019": {"active": Active2019, "requests": Requests, "appeals": Appeals},
    "2021": {"active": Active2021, "requests": Requests, "appeals": Appeals},
}


def to_records(report: Report) -> list[Record]:
    """One record per cell of *report*, in catalog order.

    .. versionadded:: 0.1
    """
    records: list[Record] = []
    for table_key, rows in _record_plan(report.format_version, report.requests.other_as_one_row):
        table = getattr(report, table_key)
        for row_key, columns in rows:
            cells = getattr(table, row_key)
            records.extend(
                Record(table=table_key, row=row_key, column=column, value=getattr(cells, column)) for column in columns
            )
    return records


@cache
def _record_plan(
    format_version: FormatVersion, other_as_one_row: bool
) -> tuple[tuple[str, tuple[tuple[str, tuple[str, ...]], ...]], ...]:
    """The keys of each table, its printed rows and their columns, in catalog order (worked out once)."""
    tables: dict[str, dict[str, list[str]]] = {}
    for table, row, column in cell_layout(format_version, other_as_one_row=other_as_one_row):
        tables.setdefault(table.key, {}).setdefault(row.key, []).append(column.key)
    return tuple(
        (table_key, tuple((row_key, tuple(columns)) for row_key, columns in rows.items()))
        for table_key, rows in tables.items()
    )


@cache
def _row_class(table_class: type, row_key: str) -> type:
    hints = typing.get_type_hints(table_class)
    for candidate in typing.get_args(hints[row_key]) or (hints[row_key],):
        if attrs.has(candidate):
            return typing.cast(type, candidate)
    raise AssertionError(f"{table_class.__name__}.{row_key} is not a row class")  # pragma: no cover


def report_from_cells(
    format_version: FormatVersion,
    cells: Mapping[str, Value],
    *,
    other_as_one_row: bool = False,
    **meta: Any,
) -> Report:
    """A report of *format_version* whose cells are *cells* (``table/row/column`` → value).

    Cells not given are blank; *meta* are the report's other fields (agency, year, …).
    """
    built: dict[str, Any] = {}
    for table_key, table_class, rows, absent in _plan(format_version, other_as_one_row):
        kwargs: dict[str, object] = {
            row_key: row_class(**{column: cells.get(key) for column, key in columns})
            for row_key, row_class, columns in rows
        }
        kwargs.update(absent)
        built[table_key] = table_class(**kwargs)
    return Report(format_version=format_version, **built, **meta)


_Plan = tuple[tuple[str, type, tuple[tuple[str, type, tuple[tuple[str, str], ...]], ...], dict[str, None]], ...]


@cache
def _plan(format_version: FormatVersion, other_as_one_row: bool) -> _Plan:
    """How `report_from_cells` builds a report of *format_version*, worked out once.

    Each table's key and class, each printed row's key, class and (column, cell key) pairs, and the
    optional rows of table ``requests`` that are not printed (``None``).
    """
    tables: dict[str, dict[str, list[tuple[str, str]]]] = {}
    for table, row, column in cell_layout(format_version, other_as_one_row=other_as_one_row):
        tables.setdefault(table.key, {}).setdefault(row.key, []).append(
            (column.key, f"{table.key}/{row.key}/{column.key}")
        )
    plan = []
    for table_key, rows in tables.items():
        table_class = _TABLE_CLASSES[format_version][table_key]
        absent: dict[str, None] = {}
        if table_key == "requests":
            optional = {"other_no_correction", "other_unpaid_fees", "other_other", "other_handling"}
            absent = {key: None for key in optional if key not in rows}
        printed = tuple(
            (row_key, _row_class(table_class, row_key), tuple(columns)) for row_key, columns in rows.items()
        )
        plan.append((table_key, table_class, printed, absent))
    return tuple(plan)


def money(value: object) -> Decimal:
    """An amount of money given as a Decimal, an int or a decimal string; TypeError or ValueError otherwise."""
    if isinstance(value, bool) or not isinstance(value, (Decimal, int, str)):
        raise TypeError(f"expected an amount of money (Decimal, int or decimal string), not {value!r}")
    try:
        return Decimal(value)
    except InvalidOperation:
        raise ValueError(f"{value!r} is not a decimal number") from None


def _coerce(value: object, column: Column, where: str) -> Value:
    if value is None:
        return None
    if column.kind == "money":
        try:
            return money(value)
        except (TypeError, ValueError) as error:
            raise SerializationError(f"{where}: {error}") from None
    if isinstance(value, bool) or not isinstance(value, int):
        raise SerializationError(f"{where}: expected a whole number or None, not {value!r}")
    return value


def from_records(records: Iterable[Mapping[str, object]], *, format_version: FormatVersion) -> Report:
    """A report of *format_version* built from records such as `to_records` gives.

    Metadata and narrative are left empty; cells without a record are blank. A
    record for ``requests/other_handling`` in a 2021 report makes it a hybrid.
    Unknown keys, repeated keys and values of the wrong type raise
    `gia_report.SerializationError`.

    .. versionadded:: 0.1
    """
    if format_version not in FORMATS:
        raise SerializationError(f"format_version must be one of {', '.join(FORMATS)}, not {format_version!r}")
    given: dict[str, object] = {}
    for index, record in enumerate(records):
        try:
            key = f"{record['table']}/{record['row']}/{record['column']}"
        except (KeyError, TypeError):
            raise SerializationError(f"record {index}: expected a mapping with table, row, column and value") from None
        if key in given:
            raise SerializationError(f"record {index}: {key} is given twice")
        given[key] = record.get("value")
    one_row = format_version == "2021" and any(key.startswith("requests/other_handling/") for key in given)
    known = {f"{t.key}/{r.key}/{c.key}": c for t, r, c in cell_layout(format_version, other_as_one_row=one_row)}
    unknown = [key for key in given if key not in known]
    if unknown:
        raise SerializationError(f"{unknown[0]} is not a cell of a {format_version}-format report")
    cells = {key: _coerce(value, known[key], key) for key, value in given.items()}
    try:
        return report_from_cells(format_version, cells, other_as_one_row=one_row)
    except (TypeError, ValueError) as error:
        raise SerializationError(str(error)) from error
