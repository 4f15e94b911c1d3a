"""PDF files read through the pdf extra: as their extracted text reads, and refused by name when they cannot be."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

import pytest

import gia_report
from gia_report.parsing import _pdf
from tests.corpus import corpus_params, gold, norm

pypdf = pytest.importorskip("pypdf", reason="pypdf (the pdf extra) is not installed")


def _cells(report: gia_report.Report) -> dict[str, Any]:
    return {f"{r['table']}/{r['row']}/{r['column']}": r["value"] for r in gia_report.to_records(report)}


def _blank_pdf(pages: int = 1, password: str | None = None) -> bytes:
    writer = pypdf.PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=200, height=200)
    if password is not None:
        writer.encrypt(password, algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("path", corpus_params("real", suffixes=(".pdf",)))
def test_real_pdf_reads_as_its_extracted_text(path: Path) -> None:
    """parse_file of a real PDF gives, cell by cell, what its pypdf text gives, and the gold cells."""
    text = path.with_name(path.stem + ".pypdf.txt").read_text(encoding="utf-8")
    from_pdf = gia_report.parse_file(path)
    assert _cells(from_pdf) == _cells(gia_report.parse(text))
    assert (from_pdf.agency, from_pdf.year) == (gia_report.parse(text).agency, gia_report.parse(text).year)
    cells = _cells(from_pdf)
    expected = gold(path)["cells"]
    assert {key: cells.get(key) for key, value in expected.items() if norm(cells.get(key)) != norm(value)} == {}


@pytest.mark.parametrize("path", corpus_params("real", suffixes=(".pdf",)))
def test_pages_joined_by_line_breaks(path: Path) -> None:
    """The text read is the pages' extracted texts joined by line breaks, as the corpus's .pypdf.txt was made."""
    expected = path.with_name(path.stem + ".pypdf.txt").read_text(encoding="utf-8")
    assert _pdf.read_pdf(path.read_bytes()) == expected


def test_without_pypdf_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pypdf a PDF gets a ParseError that says how to install the extra."""
    monkeypatch.setitem(sys.modules, "pypdf", None)
    with pytest.raises(gia_report.ParseError) as caught:
        gia_report.parse(_blank_pdf())
    assert caught.value.msg == 'reading a PDF needs pypdf: pip install "gia-report[pdf]"'


def test_no_text_is_refused() -> None:
    """A PDF with no text (a scan) is refused with what to do."""
    with pytest.raises(gia_report.ParseError, match="holds no text"):
        gia_report.parse(_blank_pdf())


def test_password_is_refused() -> None:
    """A PDF that needs a password to open is refused by name."""
    with pytest.raises(gia_report.ParseError, match="password-protected"):
        gia_report.parse(_blank_pdf(password="secret"))


def test_too_many_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """More pages than MAX_PAGES are refused before any is extracted."""
    monkeypatch.setattr(_pdf, "MAX_PAGES", 2)
    with pytest.raises(gia_report.ParseError, match="3 pages, more than the 2 read"):
        gia_report.parse(_blank_pdf(pages=3))


@pytest.mark.parametrize("cut", [10, 100, 400])
def test_damaged_pdf(cut: int) -> None:
    """A truncated PDF is a ParseError, never pypdf's own exception."""
    with pytest.raises(gia_report.ParseError):
        gia_report.parse(_blank_pdf()[:cut])


def test_pdf_given_as_text() -> None:
    """A PDF read as text (its bytes decoded) is refused with a hint to pass the bytes."""
    with pytest.raises(gia_report.ParseError, match="pass its bytes"):
        gia_report.parse(_blank_pdf().decode("latin-1"))
