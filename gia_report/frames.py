"""DataFrames of reports: one row per cell (long, tidy), or one row per report and one column per key (wide).

>>> frame = to_dataframe(parse_files(paths))  # doctest: +SKIP
>>> frame.groupby(["table", "row", "column"]).value.sum()  # doctest: +SKIP

Counts are pandas' nullable ``Int64``: a blank cell stays missing (``<NA>``),
never 0 and never a float. Money keeps its exact value as `decimal.Decimal`
(``object`` dtype): in the long frame a money cell has its amount in ``money``
and ``value`` missing, since one column cannot hold both exactly. pandas is
the optional extra ``gia-report[pandas]``; it is imported only here, and only
when a frame is made.

.. versionadded:: 0.2
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any

from .batch import FileResult
from .catalog import FORMATS
from .model import Report
from .parsing import ParseResult
from .records import to_records

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["CELL_COLUMNS", "REPORT_COLUMNS", "cell_rows", "to_dataframe"]

#: The columns that say which report a row is about, in both frames.
REPORT_COLUMNS = ("file", "agency", "year", "format_version")
#: The columns of the long frame (and of ``gia-report batch --out``): one row per cell.
CELL_COLUMNS = (*REPORT_COLUMNS, "table", "row", "column", "value", "money")

Item = Report | ParseResult | FileResult
CellRow = tuple[str | None, str | None, int | None, str, str, str, str, int | None, Decimal | None]


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as error:
        raise ImportError(
            "gia_report.to_dataframe needs pandas, which is not installed: pip install 'gia-report[pandas]'"
        ) from error
    return pandas


def _reports(items: Item | Iterable[Item]) -> Iterator[tuple[str | None, Report]]:
    """(file, report) for each item that holds a report; refused and failed files hold none."""
    given: Iterable[Item] = [items] if isinstance(items, (Report, ParseResult, FileResult)) else items
    for item in given:
        if isinstance(item, FileResult):
            if item.report is not None:
                yield item.path, item.report
        elif isinstance(item, ParseResult):
            yield None, item.report
        elif isinstance(item, Report):
            yield None, item
        else:
            raise TypeError(f"expected a Report, a ParseResult or a FileResult, not {type(item).__name__}")


def cell_rows(report: Report, file: str | None = None) -> Iterator[CellRow]:
    """One row per cell of *report*, with the columns of `CELL_COLUMNS`.

    >>> next(cell_rows(Report(format_version="2021", agency="某局", year=2023)))
    (None, '某局', 2023, '2021', 'active', 'regulations', 'issued', None, None)

    .. versionadded:: 0.2
    """
    head = (file, report.agency or None, report.year, report.format_version)
    for record in to_records(report):
        value = record["value"]
        money = value if isinstance(value, Decimal) else None
        count = None if isinstance(value, Decimal) else value
        yield (*head, record["table"], record["row"], record["column"], count, money)


@cache
def _key_order() -> dict[str, tuple[int, bool]]:
    """Every key of both formats in printed order, table by table (2021 rows first), and whether it holds money."""
    order: dict[str, tuple[int, bool]] = {}
    for table_key in ("active", "requests", "appeals"):
        for version in ("2021", "2019"):
            table = FORMATS[version].table(table_key)
            for row in table.rows:
                for column in row.columns:
                    key = f"{table.key}/{row.key}/{column.key}"
                    order.setdefault(key, (len(order), column.kind == "money"))
    return order


def to_dataframe(items: Item | Iterable[Item], *, wide: bool = False) -> pd.DataFrame:
    """A pandas DataFrame of the reports in *items*: reports, parse results or `FileResult`\\ s.

    Long (the default): one row per cell, with the columns `CELL_COLUMNS`.
    *wide*: one row per report, with ``file``, ``agency``, ``year``,
    ``format_version`` and a column per key ``table/row/column`` that any of
    the reports prints, in printed order (a 2019 report has no 2021 cells, and
    they are missing). ``file`` is the path of a `FileResult`, missing
    otherwise; files that were refused or failed are left out.

    >>> to_dataframe(parse_files(["a.txt", "b.txt"]), wide=True)["requests/new/total"]  # doctest: +SKIP
    0    21
    1    <NA>
    Name: requests/new/total, dtype: Int64

    Raises ImportError naming the extra ``gia-report[pandas]`` when pandas is missing.

    .. versionadded:: 0.2
    """
    pandas = _pandas()
    if wide:
        return _wide(pandas, _reports(items))
    columns: dict[str, list[Any]] = {name: [] for name in CELL_COLUMNS}
    lists = list(columns.values())
    for file, report in _reports(items):
        for row in cell_rows(report, file):
            for column, value in zip(lists, row, strict=True):
                column.append(value)
    return pandas.DataFrame(
        {
            **{name: columns[name] for name in ("file", "agency")},
            "year": pandas.array(columns["year"], dtype="Int64"),
            **{name: columns[name] for name in ("format_version", "table", "row", "column")},
            "value": pandas.array(columns["value"], dtype="Int64"),
            "money": pandas.Series(columns["money"], dtype=object),
        }
    )


def _wide(pandas: Any, reports: Iterator[tuple[str | None, Report]]) -> pd.DataFrame:
    heads: dict[str, list[Any]] = {name: [] for name in REPORT_COLUMNS}
    cells: dict[str, list[Any]] = {}
    for index, (file, report) in enumerate(reports):
        for name, value in zip(
            REPORT_COLUMNS, (file, report.agency or None, report.year, report.format_version), strict=True
        ):
            heads[name].append(value)
        for record in to_records(report):
            key = f"{record['table']}/{record['row']}/{record['column']}"
            # A key first printed by a later report is missing in the reports before it.
            column = cells.setdefault(key, [None] * index)
            column.append(record["value"])
        for column in cells.values():
            if len(column) == index:
                column.append(None)
    order = _key_order()
    data: dict[str, Any] = {
        "file": heads["file"],
        "agency": heads["agency"],
        "year": pandas.array(heads["year"], dtype="Int64"),
        "format_version": heads["format_version"],
    }
    for key in sorted(cells, key=lambda key: order.get(key, (len(order), False))):
        money = order.get(key, (0, False))[1]
        data[key] = pandas.Series(cells[key], dtype=object) if money else pandas.array(cells[key], dtype="Int64")
    return pandas.DataFrame(data)
