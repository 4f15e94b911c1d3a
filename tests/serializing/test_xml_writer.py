"""The XML writer writes, byte for byte, what lxml writes of the same report, whatever its texts hold."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gia_report
from gia_report.serializing._xml import _dumps_lxml, _written_by_us, dumps_xml, loads_xml
from gia_report.strategies import reports

# Any character at all, the ones XML escapes or cannot hold among them more often than chance would draw.
_TEXTS = st.text(st.characters(codec=None) | st.sampled_from("&<>\"'\t\n\r\x00\x0b\ud800\ufffe\U0001f600"), max_size=12)


def _written(report: gia_report.Report) -> tuple[str, str]:
    """What lxml writes of *report*, or the type and message of the error it raises."""
    try:
        return "xml", _dumps_lxml(report)
    except Exception as error:  # the writer must raise whatever lxml raises
        return type(error).__name__, str(error)


def _ours(report: gia_report.Report) -> tuple[str, str]:
    try:
        return "xml", dumps_xml(report)
    except Exception as error:
        return type(error).__name__, str(error)


@settings(max_examples=100)
@given(reports(consistent=False) | reports())
def test_drawn_reports_are_written_as_lxml_writes_them(report: gia_report.Report) -> None:
    """A drawn report, blanks, amounts and narrative included, is written as lxml writes it."""
    assert dumps_xml(report) == _dumps_lxml(report)


@settings(max_examples=150)
@given(reports(), _TEXTS, _TEXTS, _TEXTS, _TEXTS, st.lists(_TEXTS, max_size=2))
def test_any_text_is_written_or_refused_as_lxml_does(
    report: gia_report.Report, agency: str, title: str, heading: str, paragraph: str, more: list[str]
) -> None:
    """Texts holding characters XML escapes or cannot hold are written, or refused, exactly as by lxml."""
    with attrs.validators.disabled():
        overview = gia_report.Overview(
            paragraphs=(paragraph, *more),
            subsections=(gia_report.Subsection(heading=heading, paragraphs=tuple(more)),),
        )
        changed = attrs.evolve(
            report, agency=agency, title=title, overview=overview, preamble=tuple(more), problems=(paragraph,)
        )
    assert _ours(changed) == _written(changed)


@pytest.mark.parametrize("text", ["a&b<c>d", 'say "x"', "tab\there", "line\nbreak", "cr\rhere", "\x00", "\ud800"])
def test_escaped_and_unwritable_characters(text: str) -> None:
    """Each character XML escapes, in an attribute and in text, and each it cannot hold, as lxml has it."""
    with attrs.validators.disabled():
        report = gia_report.Report(format_version="2021", agency=text, title=text, problems=(text,))
    assert _ours(report) == _written(report)


def _parsed(text: str) -> tuple[str, object]:
    """The report the XML parser reads from *text* (the document's text changed so it is not ours), or the error."""
    # A space before the declaration is no document dumps_xml writes: it is parsed and read element by element.
    try:
        return "report", loads_xml(" " + text)
    except Exception as error:
        return type(error).__name__, str(error).replace("line 1", "")


@settings(max_examples=100)
@given(reports(consistent=False) | reports())
def test_what_dumps_xml_writes_is_read_as_the_parser_reads_it(report: gia_report.Report) -> None:
    """A drawn report's XML is read from its text into the report the parser reads from it, the one written."""
    text = dumps_xml(report)
    found = _written_by_us(text)
    assert found is not None
    assert ("report", found) == _parsed(text)
    assert found == report


@settings(max_examples=150)
@given(reports(), _TEXTS, _TEXTS, _TEXTS, st.lists(_TEXTS, max_size=2))
def test_any_text_written_is_read_as_the_parser_reads_it(
    report: gia_report.Report, agency: str, title: str, heading: str, more: list[str]
) -> None:
    """Texts holding escaped characters are read back from our XML as by the parser; others are left to it."""
    with attrs.validators.disabled():
        overview = gia_report.Overview(subsections=(gia_report.Subsection(heading=heading, paragraphs=tuple(more)),))
        changed = attrs.evolve(report, agency=agency, title=title, overview=overview, problems=tuple(more))
    kind, text = _ours(changed)
    if kind == "xml":
        found = _written_by_us(text)
        if found is not None:
            assert ("report", found) == _parsed(text)


_AMOUNT = '<amount label="本年收费金额（单位：万元）"'


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('<natural_person label="自然人"/>', '<natural_person label="自然人"> </natural_person>'),
        (f"{_AMOUNT}/>", f"{_AMOUNT}>NaN</amount>"),
        (f"{_AMOUNT}/>", f"{_AMOUNT}>1{'0' * 30}</amount>"),
        ('<total label="总计"/>', '<total label="总计">-1</total>'),
        ('year="2023"', 'year="2023" year="2024"'),
        ("<problems", "<problems><!-- x -->"),
    ],
)
def test_a_document_not_as_written_is_parsed(old: str, new: str) -> None:
    """A change dumps_xml would not write (a space, an amount no report holds, a bad count) is left to the parser."""
    report = gia_report.Report(format_version="2021", agency="某局", year=2023)
    text = dumps_xml(report)
    assert old in text
    changed = text.replace(old, new, 1)
    assert _written_by_us(changed) is None
