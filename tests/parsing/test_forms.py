"""The form told by content: text, web pages, Word, PDF; the forms that cannot be read refused by name."""

from __future__ import annotations

import gzip
import io
import zipfile
from pathlib import Path

import pytest

import gia_report
from gia_report.parsing._files import read_file
from gia_report.parsing._forms import read_document, sniff
from tests.parsing.test_docx import docx, p

SAMPLE = Path(gia_report.__file__).parent / "data" / "sample.txt"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _zip(*names: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return buffer.getvalue()


def _message(data: str | bytes) -> str:
    with pytest.raises(gia_report.ParseError) as caught:
        read_document(data)
    return caught.value.msg


@pytest.mark.parametrize(
    ("data", "form"),
    [
        ("一、总体情况\n二、主动公开政府信息情况", "text"),
        ("一、总体情况".encode("gb18030"), "text"),
        ("| 规章 | 0 |\n|---|---|", "text"),
        ("<!DOCTYPE html><html><body></body></html>", "html"),
        ("\ufeff  <!-- saved -->\n<HTML lang=zh>", "html"),
        (b'<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "x.dtd"><html>', "html"),
        (b"<table><tr><td>1</td></tr></table>", "html"),
        ("<meta charset=gbk><p>报告</p>".encode("gbk"), "html"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "pdf"),
        (b"PK\x03\x04rest", "docx"),
    ],
)
def test_sniff(data: str | bytes, form: str) -> None:
    """Each form is told by the data's first bytes or first markup, whatever the file is called."""
    assert sniff(data) == form


@pytest.mark.parametrize(
    ("data", "named"),
    [
        (OLE + b"\x00" * 600 + "WordDocument".encode("utf-16-le"), "a Word 97-2003 .doc file: save it as .docx or PDF"),
        (OLE + b"\x00" * 600 + "Workbook".encode("utf-16-le"), "an Excel 97-2003 .xls workbook"),
        (OLE + b"\x00" * 600, "an Office 97-2003 (OLE) file"),
        (OLE + "EncryptedPackage".encode("utf-16-le"), "a password-protected Office document"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "a PNG image"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 20, "a JPEG image"),
        (b"GIF89a" + b"\x00" * 20, "a GIF image"),
        (gzip.compress(b"report"), "a gzip archive"),
        ("{\\rtf1\\ansi 报告}".encode("gb18030"), "an RTF document: save it as .docx or PDF"),
        (_zip("xl/workbook.xml"), "an Excel workbook (.xlsx)"),
        (_zip("ppt/presentation.xml"), "a PowerPoint presentation (.pptx)"),
        (_zip("OFD.xml"), "an OFD document"),
        (_zip("content.xml", "mimetype"), "an OpenDocument file (.odt)"),
        (_zip("report.txt"), "a zip archive, not a Word document"),
    ],
)
def test_unreadable_forms_are_named(data: bytes, named: str) -> None:
    """A form that cannot be read is refused with a message naming it and what to do."""
    message = _message(data)
    assert message.startswith("this is ")
    assert named in message


def test_utf16_without_bom_is_named() -> None:
    """UTF-16 text without a byte order mark is named, not read as binary garbage."""
    assert "UTF-16 text without a byte order mark" in _message("一、总体情况 report".encode("utf-16-le"))


def test_utf16_text_with_bom_reads() -> None:
    """A report saved as UTF-16 with its byte order mark reads as the same text."""
    text = SAMPLE.read_text(encoding="utf-8")
    assert gia_report.parse(text.encode("utf-16")) == gia_report.parse(text)


def test_text_path_unchanged() -> None:
    """Text reads through the text reader: a document of lines of form text."""
    document = read_document(SAMPLE.read_bytes())
    assert document.form == "text"
    assert all(type(block).__name__ == "Line" for block in document.blocks)


@pytest.mark.parametrize("suffix", [".txt", ".html", ".doc", ""])
def test_parse_file_by_content(tmp_path: Path, suffix: str) -> None:
    """A page and a Word document are read by content under any file name."""
    text = SAMPLE.read_text(encoding="utf-8")
    page = "<html><body>" + "".join(f"<p>{line}</p>" for line in text.split("\n") if "\t" not in line) + "</body>"
    path = tmp_path / f"page{suffix}"
    path.write_text(page, encoding="utf-8")
    assert read_document(path.read_bytes()).form == "html"
    path.write_bytes(docx(p("正文")))
    assert read_file(path) == path.read_bytes()
    assert read_document(path.read_bytes()).form == "docx"


def test_parse_reads_html_text_and_bytes() -> None:
    """parse recognises a page given as text and as bytes alike."""
    page = "<html><body><p>某局2023年政府信息公开工作年度报告</p><p>一、总体情况</p></body></html>"
    for data in (page, page.encode("utf-8")):
        assert read_document(data).form == "html"


@pytest.mark.parametrize(
    ("data", "what"),
    [
        ("<html><body><table><tr><td>规章</td></tr></table></body></html>", "a web page"),
        (docx(p("某局2023年政府信息公开工作年度报告")), "a Word document"),
    ],
)
def test_without_lxml_a_page_or_word_document_names_it(
    monkeypatch: pytest.MonkeyPatch, data: str | bytes, what: str
) -> None:
    """A copy of the library without lxml (vendored without its dependencies) says what a page or a Word file needs."""
    import sys

    monkeypatch.setitem(sys.modules, "lxml", None)
    for module in (
        "lxml.etree",
        "gia_report._safe_xml",
        "gia_report.parsing._read_html",
        "gia_report.parsing._read_docx",
    ):
        monkeypatch.delitem(sys.modules, module, raising=False)
    assert _message(data) == f"reading {what} needs lxml, which is not installed: pip install lxml"
