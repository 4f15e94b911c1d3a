"""The identities judged by their sums all at once find what judging each instance on its own finds."""

from __future__ import annotations

from typing import Any

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import gia_report
from gia_report._cells import equations
from gia_report.checking._context import Cells
from gia_report.checking._identities import _judge, check_identities, check_values
from gia_report.records import report_from_cells, to_records
from gia_report.strategies import reports


def _one_by_one(report: gia_report.Report) -> list[gia_report.Finding]:
    cells = Cells(report)
    found = equations(report.format_version, other_as_one_row=report.requests.other_as_one_row)
    return [item for equation in found for item in _judge(cells, equation)]


def _cells(report: gia_report.Report) -> dict[str, Any]:
    return {f"{r['table']}/{r['row']}/{r['column']}": r["value"] for r in to_records(report)}


@settings(max_examples=100)
@given(reports(consistent=False) | reports())
def test_sums_find_what_each_instance_finds(report: gia_report.Report) -> None:
    """For drawn reports, consistent or not and with blanks, the findings are those of each instance in turn."""
    assert list(check_identities(Cells(report))) == _one_by_one(report)


@settings(max_examples=30)
@given(reports(blanks=False), st.data())
def test_a_value_no_validator_lets_through(report: gia_report.Report, data: st.DataObject) -> None:
    """A bool or a negative count in a report built without validation gets the findings of each instance."""
    cells = _cells(report)
    counts = [key for key in cells if key.rsplit("/", 1)[1] not in {"amount", "change"}]
    key = data.draw(st.sampled_from(counts))
    value = data.draw(st.sampled_from([True, -1, -7]))
    with attrs.validators.disabled():
        cells[key] = value
        broken = report_from_cells(report.format_version, cells, other_as_one_row=report.requests.other_as_one_row)
    assert list(check_identities(Cells(broken))) == _one_by_one(broken)
    wrong = [item.key for item in check_values(Cells(broken))]
    assert wrong == [key]


def test_a_blank_total_over_parts_of_nought() -> None:
    """A blank total over printed parts of 0 is a blank-term warning, though both sides sum to 0 alike."""
    row = gia_report.RequestRow(
        natural_person=0, commercial=0, research=0, social_welfare=0, legal_services=0, other_org=0, total=None
    )
    report = gia_report.Report(format_version="2021", requests=gia_report.Requests(new=row))
    found = list(check_identities(Cells(report)))
    assert found == _one_by_one(report)
    assert ("blank-term", "requests/new/total") in [(item.code, item.key) for item in found]
