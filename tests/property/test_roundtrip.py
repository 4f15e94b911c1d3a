"""Round trips: every drawn report, written in every form and read back, is equal to itself.

The CI profile (tests/conftest.py) draws 1,000 reports per format and form.
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given

import gia_report
from gia_report.catalog import FORMAT_VERSIONS, FormatVersion
from gia_report.strategies import reports

FORMS = ["json", "xml", "tab", "pipe", "blank-line"]


def _same(again: gia_report.Report, report: gia_report.Report) -> None:
    """Equal reports; on a difference, name the fields and show the values, for a readable failure."""
    fields = [name for name in attrs.fields_dict(gia_report.Report) if getattr(again, name) != getattr(report, name)]
    assert not fields, {name: (getattr(report, name), getattr(again, name)) for name in fields}
    assert again == report


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("version", FORMAT_VERSIONS)
def test_round_trip(version: FormatVersion, form: str) -> None:
    """loads(dumps(r, form), form) == r: blanks, decimals, large numbers and any narrative survive."""

    @given(reports(version, consistent=False))
    def round_trip(report: gia_report.Report) -> None:
        _same(gia_report.loads(gia_report.dumps(report, form), form), report)

    round_trip()


@pytest.mark.parametrize("form", FORMS)
def test_form_is_found_without_being_named(form: str) -> None:
    """loads(text) without a form reads what dumps wrote in any form."""

    @given(reports())
    def found(report: gia_report.Report) -> None:
        _same(gia_report.loads(gia_report.dumps(report, form)), report)

    found()
