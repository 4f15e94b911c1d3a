"""The JSON Schema of the JSON form, built from the catalog so that it cannot drift.

The package ships the result as ``gia_report/data/report.schema.json``; a test
holds the shipped file equal to `json_schema()`.
"""

from __future__ import annotations

from typing import Any

import attrs

from ..catalog import FORMATS, Column, Row, Table
from ..model import Report, Requests

__all__ = ["SCHEMA_ID", "json_schema"]

SCHEMA_ID = "https://gia-report.invalid/schema/report.schema.json"


def _cell(column: Column) -> dict[str, Any]:
    if column.kind == "money":
        return {
            "type": ["string", "null"],
            "pattern": r"^[0-9]+(\.[0-9]+)?$",
            "description": f"{column.label}: a decimal amount in {column.unit}, or null for blank",
        }
    cell: dict[str, Any] = {"type": ["integer", "null"], "description": f"{column.label}, or null for blank"}
    if column.kind == "count":
        cell["minimum"] = 0
    return cell


def _row(row: Row, nullable: bool) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": ["object", "null"] if nullable else "object",
        "description": row.label,
        "properties": {column.key: _cell(column) for column in row.columns},
        "additionalProperties": False,
    }
    return schema


def _table(table: Table) -> dict[str, Any]:
    return {
        "type": "object",
        "description": table.heading,
        "properties": {row.key: _row(row, nullable=False) for row in table.rows},
        "additionalProperties": False,
    }


def _requests() -> dict[str, Any]:
    # Both formats share one Requests class: its optional rows are null where a format lacks them.
    rows: dict[str, Row] = {}
    for spec in FORMATS.values():
        for row in spec.table("requests").rows:
            rows.setdefault(row.key, row)
    optional = {"other_no_correction", "other_unpaid_fees", "other_other", "other_handling"}
    return {
        "type": "object",
        "description": FORMATS["2021"].table("requests").heading,
        "properties": {
            field.name: _row(rows[field.name], nullable=field.name in optional) for field in attrs.fields(Requests)
        },
        "additionalProperties": False,
    }


def _texts(description: str) -> dict[str, Any]:
    return {"type": "array", "items": {"type": "string"}, "description": description}


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of `gia_report.dumps(report, "json")`.

    .. versionadded:: 0.1
    """
    versions = list(FORMATS)
    properties: dict[str, Any] = {
        "format_version": {"enum": versions, "description": "the national format: 2019 or 2021"},
        "agency": {"type": ["string", "null"]},
        "year": {"type": ["integer", "null"], "minimum": 1900, "maximum": 2999},
        "title": {"type": ["string", "null"]},
        "preamble": _texts("paragraphs between the title and 一、总体情况"),
        "overview": {
            "type": "object",
            "description": "一、总体情况",
            "properties": {
                "paragraphs": _texts("paragraphs before the first sub-heading"),
                "subsections": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {"heading": {"type": "string"}, "paragraphs": _texts("the paragraphs")},
                        "required": ["heading", "paragraphs"],
                        "additionalProperties": False,
                    },
                },
            },
            "required": ["paragraphs", "subsections"],
            "additionalProperties": False,
        },
        "active": {"type": "object"},
        "requests": _requests(),
        "appeals": _table(FORMATS["2021"].table("appeals")),
        "problems": _texts("五、存在的主要问题及改进情况"),
        "other_matters": _texts("六、其他需要报告的事项"),
    }
    names = [field.name for field in attrs.fields(Report)]
    assert set(names) == set(properties), "the schema and the model name different fields"
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "gia_report Report",
        "description": "A government information-disclosure annual report, as gia_report writes it in JSON.",
        "type": "object",
        "properties": {name: properties[name] for name in names},
        "required": names,
        "additionalProperties": False,
        "allOf": [
            {
                "if": {"properties": {"format_version": {"const": version}}},
                "then": {"properties": {"active": _table(spec.table("active"))}},
            }
            for version, spec in FORMATS.items()
        ],
    }
