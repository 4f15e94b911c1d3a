"""Records: one mapping per cell with the public keys, in catalog order, and back."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given

import gia_report
from gia_report.strategies import reports


def test_records_of_a_blank_2021_report() -> None:
    """200 records, the first and last in printed order, all blank."""
    records = gia_report.to_records(gia_report.Report(format_version="2021"))
    assert len(records) == 200
    assert records[0] == {"table": "active", "row": "regulations", "column": "issued", "value": None}
    assert records[-1] == {"table": "appeals", "row": "litigation_after_review", "column": "total", "value": None}
    assert [r["column"] for r in records[10:17]] == [
        "natural_person",
        "commercial",
        "research",
        "social_welfare",
        "legal_services",
        "other_org",
        "total",
    ]


def test_records_carry_values() -> None:
    """A value set in the model is the value of its record."""
    report = gia_report.Report(
        format_version="2021",
        active=gia_report.Active2021(fees=gia_report.FeeAmount(amount=Decimal("96171.6"))),
        requests=gia_report.Requests(granted=gia_report.RequestRow(natural_person=1288)),
    )
    found = {(r["table"], r["row"], r["column"]): r["value"] for r in gia_report.to_records(report)}
    assert found[("active", "fees", "amount")] == Decimal("96171.6")
    assert found[("requests", "granted", "natural_person")] == 1288


@given(reports())
def test_from_records_inverts_to_records(report: gia_report.Report) -> None:
    """from_records(to_records(r)) has the cells of r (metadata and narrative are left empty)."""
    again = gia_report.from_records(gia_report.to_records(report), format_version=report.format_version)
    assert (again.active, again.requests, again.appeals) == (report.active, report.requests, report.appeals)


@pytest.mark.parametrize(
    ("records", "message"),
    [
        ([{"table": "requests", "row": "nope", "column": "total", "value": 1}], "requests/nope/total is not a cell"),
        ([{"table": "requests", "row": "new", "column": "total", "value": 1.5}], "expected a whole number"),
        ([{"table": "requests", "row": "new", "column": "total", "value": -1}], "cannot be negative"),
        ([{"row": "new"}], "expected a mapping with table, row, column and value"),
        (
            [{"table": "requests", "row": "new", "column": "total", "value": 1}] * 2,
            "requests/new/total is given twice",
        ),
        (
            [{"table": "active", "row": "fees", "column": "amount", "value": "abc"}],
            "active/fees/amount: 'abc' is not a decimal number",
        ),
    ],
)
def test_from_records_refuses_bad_records(records: list[dict[str, object]], message: str) -> None:
    """Bad records raise SerializationError naming the key and what was expected."""
    with pytest.raises(gia_report.SerializationError, match=message):
        gia_report.from_records(records, format_version="2021")


def test_from_records_accepts_money_as_text() -> None:
    """Money given as a decimal string becomes a Decimal."""
    report = gia_report.from_records(
        [{"table": "active", "row": "fees", "column": "amount", "value": "12.5"}], format_version="2021"
    )
    assert report.active.fees == gia_report.FeeAmount(amount=Decimal("12.5"))
