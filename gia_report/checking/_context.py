"""What every check needs: the report's cells by key, their labels, finding construction and order."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from ..catalog import FORMATS, Row, Table
from ..model import Report
from ..records import printed_rows, to_records
from .findings import CODES, Finding

__all__ = ["Cells", "finding", "label_of", "order"]


class Cells:
    """The cells of one report by key ``table/row/column``, and the rows it prints."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.spec = FORMATS[report.format_version]
        self.values: dict[str, Any] = {f"{r['table']}/{r['row']}/{r['column']}": r["value"] for r in to_records(report)}
        self.rows: dict[str, list[Row]] = {}
        for table, row in printed_rows(report.format_version, other_as_one_row=report.requests.other_as_one_row):
            self.rows.setdefault(table.key, []).append(row)

    def printed(self, table: str) -> list[Row]:
        """The rows of *table* this report prints, in order."""
        return self.rows[table]


def label_of(spec_table: Table, row: str | None, column: str | None) -> str:
    """The printed labels of a place: ``（七）总计/自然人``, ``三/自然人`` for a whole column."""
    parts = []
    if row is not None:
        parts.append(spec_table.row(row).label)
    else:
        parts.append(spec_table.heading.split("、")[0])
    if column is not None:
        column_label = next(c.label for c in spec_table.columns if c.key == column)
        parts.append(column_label)
    return "/".join(parts)


def finding(code: str, table: Table, row: str | None, column: str | None, **fields: Any) -> Finding:
    """A finding of *code* at a place of *table*, its message rendered from the code's template."""
    spec = CODES[code]
    context = {"where": label_of(table, row, column), **fields}
    message = spec.template.format(**context)
    known = {"expected", "actual", "terms", "identity", "year"}
    return Finding(
        code=code,
        severity=spec.severity,
        table=table.key,
        row=row,
        column=column,
        message=message,
        expected=fields.get("expected"),
        actual=fields.get("actual"),
        **{key: value for key, value in fields.items() if key in known - {"expected", "actual"}},
    )


@cache
def _positions() -> dict[tuple[str, str], int]:
    """The printed position of every table, row and column; the catalog does not change, so built once."""
    # Positions of the current format first; the 2019 format adds its own rows after.
    positions: dict[tuple[str, str], int] = {}
    for spec in (FORMATS["2021"], FORMATS["2019"]):
        for t_index, table in enumerate(spec.tables):
            positions.setdefault(("table", table.key), t_index)
            for r_index, row in enumerate(table.rows):
                positions.setdefault((table.key, row.key), r_index)
            for c_index, column in enumerate(table.columns):
                positions.setdefault((table.key + "/", column.key), c_index)
    return positions


def order(findings: Iterable[Finding]) -> list[Finding]:
    """*findings* in table order: table, row, column as printed (a whole row or column first), then code."""
    positions = _positions()

    def key(item: Finding) -> tuple[int, int, int, int, str, str]:
        return (
            item.year or 0,
            positions.get(("table", item.table), 99),
            -1 if item.row is None else positions.get((item.table, item.row), 99),
            -1 if item.column is None else positions.get((item.table + "/", item.column), 99),
            item.code,
            item.message,
        )

    return sorted(findings, key=key)
