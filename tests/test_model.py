"""The model: validators, equality by meaning, and agreement with the catalog."""

from __future__ import annotations

import typing
from decimal import Decimal

import attrs
import pytest

import gia_report
from gia_report.catalog import FORMATS, FormatVersion
from gia_report.records import cell_layout


class TestValidators:
    """Validators reject impossible values at construction."""

    @pytest.mark.parametrize("value", [-1, 1.0, "3", True, Decimal(3)])
    def test_counts_are_non_negative_ints(self, value: object) -> None:
        """A count is an int ≥ 0 or None; floats, strings, bools and Decimals are refused."""
        with pytest.raises((TypeError, ValueError)):
            gia_report.RequestRow(total=value)  # type: ignore[arg-type]

    def test_signed_change_may_be_negative(self) -> None:
        """The 2019 本年增/减 may be negative."""
        assert gia_report.ItemCounts(change=-3).change == -3

    @pytest.mark.parametrize("value", [Decimal(-1), Decimal("NaN"), 12.5, "12.5"])
    def test_money_is_a_finite_non_negative_decimal(self, value: object) -> None:
        """Money is a Decimal ≥ 0 or None."""
        with pytest.raises((TypeError, ValueError)):
            gia_report.FeeAmount(amount=value)  # type: ignore[arg-type]

    def test_active_table_matches_the_format(self) -> None:
        """A 2019 report needs a 2019 active table."""
        with pytest.raises(TypeError):
            gia_report.Report(format_version="2019", active=gia_report.Active2021())

    def test_other_rows_are_three_or_one(self) -> None:
        """（六）其他处理 is either the three 2021 rows or the one row, never both or neither."""
        with pytest.raises(ValueError, match="either"):
            gia_report.Requests(other_handling=gia_report.RequestRow())
        with pytest.raises(ValueError, match="go together"):
            gia_report.Requests(other_other=None)

    def test_2019_report_has_the_one_row(self) -> None:
        """A 2019 report's requests table prints （六）其他处理 as one row."""
        with pytest.raises(ValueError, match="2019"):
            gia_report.Report(format_version="2019", requests=gia_report.Requests())
        assert gia_report.Report(format_version="2019").requests.other_handling == gia_report.RequestRow()

    def test_year_range(self) -> None:
        """A year is a plausible int."""
        with pytest.raises(ValueError, match="year"):
            gia_report.Report(format_version="2021", year=23)


def test_equality_is_by_meaning() -> None:
    """Money equal in value is equal, whatever its printed precision; reports are hashable values."""
    one = gia_report.Report(
        format_version="2021", active=gia_report.Active2021(fees=gia_report.FeeAmount(amount=Decimal("12.50")))
    )
    two = gia_report.Report(
        format_version="2021", active=gia_report.Active2021(fees=gia_report.FeeAmount(amount=Decimal("12.5")))
    )
    assert one == two
    assert hash(one) == hash(two)


def test_frozen() -> None:
    """Reports cannot be changed in place."""
    report = gia_report.Report(format_version="2021")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        report.year = 2024  # type: ignore[misc]


@pytest.mark.parametrize("version", list(FORMATS))
def test_model_fields_are_the_catalog_keys(version: FormatVersion) -> None:
    """Every catalog key is a model attribute path, and every cell of the model has a catalog key."""
    report = gia_report.Report(format_version=version)
    catalog = {
        (t.key, r.key, c.key) for one_row in (False, True) for t, r, c in cell_layout(version, other_as_one_row=one_row)
    }
    model = set()
    for table in ("active", "requests", "appeals"):
        table_class = type(getattr(report, table))
        hints = typing.get_type_hints(table_class)
        for row, hint in hints.items():
            row_class = next(a for a in (typing.get_args(hint) or (hint,)) if attrs.has(a))
            model |= {(table, row, field.name) for field in attrs.fields(row_class)}
    if version == "2019":
        model = {key for key in model if key[1] not in ("other_no_correction", "other_unpaid_fees", "other_other")}
    assert model == catalog


def test_catalog_cell_counts_match_format_md() -> None:
    """FORMAT.md §2: 10 + 175 + 15 cells in 2021, 22 + 161 + 15 in 2019."""
    counts = {version: len(list(cell_layout(version))) for version in FORMATS}
    assert counts == {"2021": 10 + 175 + 15, "2019": 22 + 161 + 15}
