"""XML: valid against the shipped XSD, read back equal, and hostile documents refused quickly."""

from __future__ import annotations

import re
import time
from decimal import Decimal
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from lxml import etree

import gia_report
from gia_report.strategies import reports

DATA = Path(__file__).resolve().parent.parent / "data"


def _schema() -> etree.XMLSchema:
    text = resources.files("gia_report").joinpath("data", "report.xsd").read_bytes()
    return etree.XMLSchema(etree.fromstring(text))


def test_shipped_xsd_is_the_generated_one() -> None:
    """The XSD in the package is what xml_schema() builds from the catalog today."""
    shipped = resources.files("gia_report").joinpath("data", "report.xsd").read_text(encoding="utf-8")
    assert shipped == gia_report.xml_schema()


@settings(max_examples=200)  # validity, not variety: fewer draws prove it
@given(reports())
def test_written_xml_is_valid(report: gia_report.Report) -> None:
    """Every report written as XML validates against the shipped XSD."""
    schema = _schema()
    document = etree.fromstring(gia_report.dumps(report, "xml").encode("utf-8"))
    assert schema.validate(document), schema.error_log


def test_vocabulary() -> None:
    """Element names are the public keys; labels ride along; a blank cell is an empty element."""
    report = gia_report.Report(
        format_version="2021", requests=gia_report.Requests(new=gia_report.RequestRow(natural_person=3))
    )
    document = etree.fromstring(gia_report.dumps(report, "xml").encode("utf-8"))
    ns = {"g": "urn:gia-report:report:1"}
    cell = document.find("g:requests/g:new/g:natural_person", ns)
    assert cell is not None
    assert (cell.text, cell.get("label")) == ("3", "自然人")
    blank = document.find("g:requests/g:new/g:total", ns)
    assert blank is not None
    assert blank.text is None
    assert document.find("g:requests/g:other_handling", ns) is None


def _error(text: str) -> str:
    with pytest.raises(gia_report.ParseError) as caught:
        gia_report.loads(text, "xml")
    return str(caught.value)


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<report xmlns="urn:gia-report:report:1" format_version="2021"><title>&lol9;</title></report>"""


def test_billion_laughs_is_refused_quickly() -> None:
    """An entity bomb is refused before it is parsed, in well under a second."""
    start = time.perf_counter()
    assert _error(BILLION_LAUGHS) == (
        "the XML document declares a DTD or entities, which a report never needs: refused unread "
        '(line 2, column 1)\n  <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 '
        '"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n  ^'
    )
    assert time.perf_counter() - start < 1.0


def test_external_entity_is_refused_and_nothing_is_read(tmp_path: Path) -> None:
    """An external entity naming a local file is refused; the file's text appears nowhere."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    text = (
        f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<report xmlns="urn:gia-report:report:1" format_version="2021" agency="&x;"/>'
    )
    message = _error(text)
    assert "DTD or entities" in message
    assert "TOP-SECRET-VALUE" not in message


def test_entity_reference_without_dtd_is_not_expanded() -> None:
    """An undeclared entity reference is malformed XML, not a file read."""
    assert _error('<report xmlns="urn:gia-report:report:1" format_version="2021" agency="&x;"/>').startswith(
        "the XML document is not well-formed XML"
    )


def test_too_deep_is_refused() -> None:
    """Nesting beyond the vocabulary's depth is refused."""
    deep = '<report xmlns="urn:gia-report:report:1" format_version="2021">' + "<p>" * 10 + "</p>" * 10 + "</report>"
    assert "nests deeper than 6 elements" in _error(deep)


def test_too_large_is_refused() -> None:
    """A document over the size bound is refused without being parsed."""
    assert "larger than" in _error("<report>" + " " * 10_000_001 + "</report>")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('<natural_person label="自然人"/>', '<natural_person label="自然人">x</natural_person>'), "holds 'x'"),
        (("regulations", "regulation"), "unexpected element <regulation> in <active>"),
        (('format_version="2021"', 'format_version="2018"'), "format_version is '2018'"),
    ],
)
def test_invalid_documents_name_the_line(change: tuple[str, str], message: str) -> None:
    """A document outside the vocabulary is refused with ParseError naming what and where."""
    text = gia_report.dumps(gia_report.Report(format_version="2021"), "xml")
    changed = text.replace(*change)
    assert changed != text
    assert message in _error(changed)


def _with_cell(element: str, text: str) -> str:
    """The XML of a 2021 report with zeros for every count, the first <*element*> cell holding *text*."""
    report = gia_report.Report(
        format_version="2021",
        active=gia_report.Active2021(
            regulations=gia_report.DocumentCounts(issued=0, repealed=0, in_force=0),
            fees=gia_report.FeeAmount(amount=Decimal(0)),
        ),
    )
    xml = gia_report.dumps(report, "xml")
    changed = re.sub(
        rf"(<{element}\b[^>]*>)[^<]*(</{element}>)", lambda m: m.group(1) + text + m.group(2), xml, count=1
    )
    assert changed != xml
    return changed


class TestHostile:
    """XML with huge numbers, huge cells or no text at all raises ParseError, located and bounded."""

    @pytest.mark.parametrize("digits", [19, 4000, 5000, 100_000])
    def test_a_count_of_too_many_digits(self, digits: int) -> None:
        """A count of more than 18 digits (below or above Python's int-string limit) is refused at its line."""
        message = _error(_with_cell("issued", "9" * digits))
        assert f"cell <issued> holds a number of {digits} digits: a number has at most 18 (line " in message
        assert len(message) < 1000

    def test_eighteen_digits_are_read(self) -> None:
        """A count of 18 digits is read exactly."""
        report = gia_report.loads(_with_cell("issued", "9" * 18), "xml")
        assert isinstance(report.active, gia_report.Active2021)
        assert report.active.regulations.issued == 10**18 - 1

    @pytest.mark.parametrize("amount", ["1E+999999999", "1" * 19, "0." + "0" * 30 + "1"])
    def test_an_amount_of_too_many_digits(self, amount: str) -> None:
        """An amount that would print with more than 18 digits is refused, an exponent of a billion too."""
        message = _error(_with_cell("amount", amount))
        assert "cell <amount> holds " in message
        assert ": a number has at most 18 digits (line " in message

    def test_a_2_mb_cell_is_not_quoted_whole(self) -> None:
        """A 2 MB cell is described by its length, and the whole message stays short."""
        message = _error(_with_cell("issued", "x" * 2_000_000))
        assert "cell <issued> holds a string of 2000000 characters: expected a count (line " in message
        assert len(message) < 1000

    def test_an_error_far_into_a_long_line(self) -> None:
        """An error two million characters into a line has the caret under it, the line shown windowed."""
        message = _error("<report " + "x" * 2_000_000 + ">")
        shown, caret = message.split("\n")[1:]
        assert len(shown) < 200
        assert len(caret) <= len(shown)  # the caret stands under a character shown, not past the window
        assert shown[len(caret) - 1] in "x>"

    def test_not_text(self) -> None:
        """Something that is not text is refused with ParseError naming its type."""
        with pytest.raises(gia_report.ParseError, match="expected the text of an XML document"):
            gia_report.loads(None, "xml")  # type: ignore[arg-type]

    def test_a_broken_declaration(self) -> None:
        """A declaration with an encoding but no closing ?> (lxml refuses such text with ValueError) is a ParseError."""
        text = gia_report.dumps(gia_report.Report(format_version="2021"), "xml")
        assert text.startswith("<?xml version='1.0' encoding='UTF-8'?>")
        message = _error(text.replace("'UTF-8'?>", "'UTF-8'0>", 1))
        assert message.startswith("the XML document is not well-formed XML")
        assert "(line 1, column" in message
