"""XML: valid against the shipped XSD, read back equal, and hostile documents refused quickly."""

from __future__ import annotations

import time
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
        "not well-formed XML"
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
