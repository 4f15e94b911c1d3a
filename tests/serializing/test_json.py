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


def _report_json() -> str:
    """The JSON of an empty 2021 report."""
    return gia_report.dumps(gia_report.Report(format_version="2021"), "json")


def _with_total(value: str) -> str:
    """The JSON of an empty 2021 report whose requests/new/total is the literal JSON *value*."""
    data = json.loads(_report_json())
    data["requests"]["new"]["total"] = "@@"
    return json.dumps(data).replace('"@@"', value)


class TestHostile:
    """JSON that is hostile or huge raises SerializationError, located and bounded, never another exception."""

    @pytest.mark.parametrize("digits", [19, 4301, 100_000])
    def test_a_count_of_too_many_digits(self, digits: int) -> None:
        """A count of more than 18 digits is refused at its path, however long, without int() seeing it."""
        with pytest.raises(gia_report.SerializationError) as caught:
            gia_report.loads(_with_total("9" * digits), "json")
        message = str(caught.value)
        assert f"a number of {digits} digits is longer than a whole number may be (18 digits)" in message
        assert "@ report.requests.new.total" in message
        assert len(message) < 500

    def test_eighteen_digits_are_read(self) -> None:
        """A count of 18 digits, the most allowed, reads exactly."""
        report = gia_report.loads(_with_total("9" * 18), "json")
        assert report.requests.new.total == 10**18 - 1

    def test_a_huge_number_where_no_number_belongs(self) -> None:
        """A number of 5000 digits under an unknown key or as the title is refused, not a ValueError."""
        data = json.loads(_report_json())
        text = json.dumps(data).replace('"format_version"', '"x": ' + "9" * 5000 + ', "format_version"')
        with pytest.raises(gia_report.SerializationError, match="unknown keys 'x'"):
            gia_report.loads(text, "json")
        text = json.dumps({**data, "title": "@@"}).replace('"@@"', "-" + "9" * 5000)
        with pytest.raises(gia_report.SerializationError, match="a number of 5000 digits"):
            gia_report.loads(text, "json")

    @pytest.mark.parametrize(
        ("amount", "message"),
        [
            ("1" * 19, "'1111111111111111111' has more digits than an amount may have (18)"),
            ("1E+999999999", "'1E+999999999' has more digits than an amount may have (18)"),
            ("0.0000000000000000001", "'0.0000000000000000001' has more digits than an amount may have (18)"),
        ],
    )
    def test_an_amount_of_too_many_digits(self, amount: str, message: str) -> None:
        """An amount that would print with more than 18 digits (an exponent of a billion, say) is refused."""
        data = json.loads(_report_json())
        data["active"]["fees"]["amount"] = amount
        with pytest.raises(gia_report.SerializationError) as caught:
            gia_report.loads(json.dumps(data), "json")
        assert f"{message} @ report.active.fees.amount" in str(caught.value)

    def test_an_amount_of_eighteen_digits(self) -> None:
        """An amount of 18 digits on both sides of the point reads exactly."""
        data = json.loads(_report_json())
        data["active"]["fees"]["amount"] = "123456789012.345678"
        report = gia_report.loads(json.dumps(data), "json")
        assert isinstance(report.active, gia_report.Active2021)
        assert str(report.active.fees.amount) == "123456789012.345678"

    @pytest.mark.parametrize("opening", ["[", '{"a":', '[{"a": ['])
    def test_nested_a_million_deep(self, opening: str) -> None:
        """A document nested a million deep is refused, pointing where it passes 64 levels, not RecursionError."""
        closing = {"[": "]", '{"a":': "}", '[{"a": [': "]}]"}[opening]
        text = opening * 1_000_000 + "1" + closing * 1_000_000
        with pytest.raises(gia_report.SerializationError) as caught:
            gia_report.loads(text, "json")
        # The 65th bracket: an opening holds one ([ and {"a":) or three ([{"a": [, the 65th the { of the 22nd).
        column = {"[": 65, '{"a":': 5 * 64 + 1, '[{"a": [': 8 * 21 + 1 + 1}[opening]
        assert str(caught.value) == (
            "not a report: the document nests deeper than 64 arrays and objects at line 1, column "
            f"{column} (a report nests five deep)"
        )

    def test_nested_deep_inside_a_report(self) -> None:
        """A report whose title is an array nested 100 000 deep is refused, pointing at the line of the nesting."""
        data = json.loads(_report_json())
        text = json.dumps({**data, "title": "@@"}, indent=1).replace('"@@"', "[" * 100_000 + "]" * 100_000)
        line = next(n for n, row in enumerate(text.split("\n"), start=1) if '"title"' in row)
        with pytest.raises(gia_report.SerializationError, match=f"at line {line}, column "):
            gia_report.loads(text, "json")

    def test_a_2_mb_string_is_not_quoted_whole(self) -> None:
        """A 2 MB string where a number belongs gives a message that describes it rather than quoting it."""
        with pytest.raises(gia_report.SerializationError) as caught:
            gia_report.loads(_with_total(json.dumps("中" * 2_000_000)), "json")
        assert "expected a whole number, not a string of 2000000 characters" in str(caught.value)
        assert len(str(caught.value)) < 500

    def test_every_message_is_bounded(self) -> None:
        """Whatever a validator says about a 2 MB title, the message is at most 1000 characters."""
        data = json.loads(_report_json())
        with pytest.raises(gia_report.SerializationError) as caught:
            gia_report.loads(json.dumps({**data, "title": "某" * 2_000_000}), "json")
        assert len(str(caught.value)) <= 1000

    def test_not_text(self) -> None:
        """Something that is not text is refused with SerializationError naming its type."""
        with pytest.raises(gia_report.SerializationError, match="not JSON: expected the text of a document"):
            gia_report.loads(None, "json")  # type: ignore[arg-type]
