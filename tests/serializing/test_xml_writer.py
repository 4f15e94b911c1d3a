"""The XML writer writes, byte for byte, what lxml writes of the same report, whatever its texts hold."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gia_report
from gia_report.serializing._xml import _dumps_lxml, dumps_xml
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
