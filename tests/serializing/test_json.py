"""JSON: written through the one converter, read back equal, valid against the shipped schema."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings

import gia_report
from gia_report.strategies import reports


def _shipped_schema() -> dict[str, Any]:
    text = resources.files("gia_report").joinpath("data", "report.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def test_shipped_schema_is_the_generated_one() -> None:
    """The schema file in the package is what json_schema() builds from the catalog today."""
    assert _shipped_schema() == gia_report.json_schema()


@given(reports())
def test_json_round_trip(report: gia_report.Report) -> None:
    """loads(dumps(r, "json"), "json") == r for reports of both formats."""
    assert gia_report.loads(gia_report.dumps(report, "json"), "json") == report


@settings(max_examples=200)  # validity, not variety: fewer draws prove it
@given(reports())
def test_json_is_valid_against_the_schema(report: gia_report.Report) -> None:
    """Every report written as JSON validates against the shipped schema."""
    jsonschema.validate(json.loads(gia_report.dumps(report, "json")), _shipped_schema())


def test_money_is_written_as_a_plain_decimal_string() -> None:
    """Money is a decimal string, never exponent notation, so no precision is lost."""
    from decimal import Decimal

    report = gia_report.Report(
        format_version="2021", active=gia_report.Active2021(fees=gia_report.FeeAmount(amount=Decimal("1E+3")))
    )
    assert json.loads(gia_report.dumps(report, "json"))["active"]["fees"]["amount"] == "1000"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(format_version="2018"), r"2018 .* @ report\.format_version"),
        (
            lambda d: d["requests"]["new"].update(total=1.5),
            r"expected a whole number, not 1\.5 @ report\.requests\.new\.total",
        ),
        (
            lambda d: d["requests"]["new"].update(total=-2),
            r"total is a count and cannot be negative: -2 @ report\.requests\.new",
        ),
        (lambda d: d.update(colour="red"), "unknown keys 'colour' in a report"),
        (
            lambda d: d["active"]["fees"].update(amount="12,5"),
            r"'12,5' is not a decimal number @ report\.active\.fees\.amount",
        ),
        (lambda d: d.update(year="x"), r"expected a whole number, not 'x' @ report\.year"),
    ],
)
def test_bad_json_is_refused_with_a_message(change: Any, message: str) -> None:
    """A JSON document that is not a valid report raises SerializationError saying what and where."""
    data = json.loads(gia_report.dumps(gia_report.Report(format_version="2021"), "json"))
    change(data)
    with pytest.raises(gia_report.SerializationError, match=message):
        gia_report.loads(json.dumps(data), "json")


def test_not_json() -> None:
    """Text that is not JSON raises SerializationError."""
    with pytest.raises(gia_report.SerializationError, match="not JSON"):
        gia_report.loads("{", "json")


def test_unknown_form() -> None:
    """An unknown form name is refused."""
    with pytest.raises(gia_report.SerializationError, match="unknown form 'yaml'"):
        gia_report.dumps(gia_report.Report(format_version="2021"), "yaml")
