"""Hostile pages, Word documents and files: entities, DTDs, deep nesting, huge input, zip bombs, damaged archives.

Each is a ParseError, and nothing else, before anything large is built: sizes
are checked before parsing and inflating, depth by the parser's own limit.
"""

from __future__ import annotations

import contextlib
import io
import os
import struct
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gia_report
from gia_report.parsing._files import MAX_FILE_SIZE, read_file
from gia_report.parsing._forms import read_document
from gia_report.parsing._read_docx import MAX_MEMBERS, MAX_PART
from gia_report.parsing._read_html import MAX_PAGE
from tests.parsing.test_docx import MC, WPS, W, docx, p

_LAUGHS = (
    '<!DOCTYPE html [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
)


def _error(data: str | bytes) -> str:
    with pytest.raises(gia_report.ParseError) as caught:
        read_document(data)
    return caught.value.msg


def _document_xml(inner: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{inner}<w:document xmlns:w="{W}" xmlns:mc="{MC}" xmlns:wps="{WPS}">'
        f"<w:body>{p('正文')}</w:body></w:document>"
    ).encode()


def _archive(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _claim(data: bytes, size: int) -> bytes:
    """*data* (a zip of one member) with the member's inflated size in the directory set to *size*."""
    at = data.rfind(b"PK\x01\x02")
    return data[: at + 24] + struct.pack("<I", size) + data[at + 28 :]


class TestPages:
    """Web pages that try to expand entities, load DTDs, nest deeply or be huge."""

    def test_entity_declarations_refused(self) -> None:
        """A DOCTYPE with an internal subset (billion laughs) is refused unread."""
        page = _LAUGHS + "<html><body><p>&c;</p></body></html>"
        assert (
            _error(page) == "the web page declares entities or a DTD subset, which a report never needs: refused unread"
        )
        assert _error(page.encode()).startswith("the web page declares entities")

    def test_external_dtd_not_loaded(self) -> None:
        """An XHTML doctype naming a DTD on the network is fine: it is never fetched, an undeclared entity is text."""
        page = (
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://127.0.0.1:9/x.dtd">'
            "<html><body><p>a &ext; b</p></body></html>"
        )
        blocks = read_document(page).blocks
        assert [getattr(block, "text", None) for block in blocks] == ["a &ext; b"]

    @pytest.mark.parametrize("tag", ["div", "span", "table"])
    def test_deep_nesting(self, tag: str) -> None:
        """100,000 nested elements are refused, not silently cut at libxml2's depth limit."""
        page = "<html><body>" + f"<{tag}>" * 100_000 + "一、总体情况" + f"</{tag}>" * 100_000 + "</body></html>"
        assert "nests deeper than 256 elements" in _error(page)

    def test_huge_page(self) -> None:
        """A 50 MB page is refused by its size before it is parsed, as bytes and as text."""
        page = "<html><body><p>" + "a" * 50_000_000 + "</p></body></html>"
        assert _error(page) == f"the web page is larger than {MAX_PAGE:,} characters: refused unread"
        assert _error(page.encode()) == f"the web page is larger than {MAX_PAGE:,} bytes: refused unread"

    def test_huge_text_node_is_not_truncated(self) -> None:
        """A text node past libxml2's 10 MB limit inside the size bound is an error, never a silent cut."""
        page = "<html><body><p>" + "a" * 11_000_000 + "</p></body></html>"
        assert "cannot be read safely" in _error(page)


class TestWord:
    """Word documents that are bombs, damaged, or whose XML is hostile."""

    def test_doctype_in_the_body_refused(self) -> None:
        """An entity declaration in word/document.xml is refused unread."""
        data = _archive({"word/document.xml": _document_xml('<!DOCTYPE x [<!ENTITY a "b">]>')})
        expected = "word/document.xml declares a DTD or entities, which a report never needs: refused unread"
        assert _error(data) == expected

    def test_deep_nesting_in_the_body(self) -> None:
        """Deep nesting in the body is a ParseError from the parser's depth limit."""
        body = b"<w:p>" * 100_000
        data = _archive({"word/document.xml": _document_xml("").replace(b"<w:body>", b"<w:body>" + body)})
        assert "nests deeper than 256 elements" in _error(data)

    def test_ratio_bomb_refused_from_the_directory(self) -> None:
        """A body that inflates a thousandfold is refused from the directory, before it is inflated."""
        data = _archive({"word/document.xml": b" " * 8_000_000})
        assert "times its size (a zip bomb?)" in _error(data)

    def test_size_bomb_refused_from_the_directory(self) -> None:
        """A body that claims gigabytes is refused from the directory."""
        data = _claim(_archive({"word/document.xml": _document_xml("")}), 3_000_000_000)
        assert _error(data) == (
            f"word/document.xml of the Word document inflates to 3,000,000,000 bytes, more than the {MAX_PART:,} "
            "read: refused unread"
        )

    def test_body_lying_about_its_size(self) -> None:
        """A body that claims fewer bytes than it inflates to is cut at its claim and refused as damaged."""
        data = _claim(_archive({"word/document.xml": _document_xml("") + b" " * 100_000}), 100)
        assert _error(data).startswith("the Word document is damaged or truncated")

    def test_too_many_members(self) -> None:
        """An archive whose directory lists more than MAX_MEMBERS members is refused before it is listed."""
        data = bytearray(docx(p("正文")))
        end = data.rfind(b"PK\x05\x06")
        data[end + 8 : end + 12] = struct.pack("<HH", MAX_MEMBERS + 1, MAX_MEMBERS + 1)
        assert _error(bytes(data)) == f"the archive lists more than {MAX_MEMBERS:,} members: refused unread"

    @pytest.mark.parametrize("keep", [0.1, 0.5, 0.9, 0.99])
    def test_truncated(self, keep: float) -> None:
        """A Word document cut short is a ParseError."""
        data = docx(p("正文") * 200)
        _error(data[: int(len(data) * keep)])

    def test_encrypted_member(self) -> None:
        """A member flagged as encrypted is refused as unreadable."""
        data = bytearray(_archive({"word/document.xml": _document_xml("")}))
        at = data.rfind(b"PK\x01\x02")
        data[at + 8] |= 1  # the general purpose flag's encryption bit, in the directory
        assert _error(bytes(data)).startswith("the Word document cannot be opened")


_PREFIXES = [
    b"",
    b"%PDF-1.4\n",
    b"PK\x03\x04",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    b"<html>",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
]


@settings(max_examples=200)
@given(st.sampled_from(_PREFIXES), st.binary(max_size=300))
def test_random_bytes_raise_only_parse_error(prefix: bytes, rest: bytes) -> None:
    """Any bytes, behind any form's magic, give a report or a ParseError, and no other exception."""
    with contextlib.suppress(gia_report.ParseError):
        gia_report.parse(prefix + rest)


@settings(max_examples=50)
@given(st.data())
def test_mutated_word_documents_raise_only_parse_error(data: st.DataObject) -> None:
    """A real Word document with bytes changed anywhere gives a report or a ParseError, and nothing else."""
    original = docx(p("一、总体情况") + p("正文"))
    at = data.draw(st.integers(0, len(original) - 1))
    mutated = original[:at] + data.draw(st.binary(min_size=1, max_size=8)) + original[at + 1 :]
    with contextlib.suppress(gia_report.ParseError):
        gia_report.parse(mutated)


class TestFiles:
    """read_file reads a bounded regular file, and refuses everything else with a ParseError naming why."""

    @pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
    def test_devices(self, device: str) -> None:
        """Endless devices are refused before they are read."""
        if not os.path.exists(device):
            pytest.skip(f"no {device}")
        with pytest.raises(gia_report.ParseError, match="it is a device, not a report file"):
            read_file(device)

    def test_fifo(self, tmp_path: Path) -> None:
        """A FIFO is refused without being opened (opening it would wait for a writer)."""
        fifo = tmp_path / "pipe"
        os.mkfifo(fifo)
        with pytest.raises(gia_report.ParseError, match="it is a FIFO, not a report file"):
            gia_report.parse_file(fifo)

    def test_directory(self, tmp_path: Path) -> None:
        """A directory is named as one."""
        with pytest.raises(gia_report.ParseError, match="it is a directory"):
            read_file(tmp_path)

    def test_multi_gigabyte_file(self, tmp_path: Path) -> None:
        """A (sparse) 5 GB file is refused by its size, naming the limit, without being read."""
        big = tmp_path / "big.html"
        with open(big, "wb") as handle:
            handle.truncate(5 * 1024**3)
        with pytest.raises(gia_report.ParseError) as caught:
            read_file(big)
        assert caught.value.msg.endswith(f"larger than the {MAX_FILE_SIZE:,} bytes (64 MiB) a report file may be")

    def test_missing_file(self, tmp_path: Path) -> None:
        """A file that is not there: the path and the system's reason."""
        missing = tmp_path / "none.txt"
        with pytest.raises(gia_report.ParseError) as caught:
            read_file(missing)
        assert caught.value.msg == f"cannot read {str(missing)!r}: No such file or directory"

    @pytest.mark.parametrize(
        ("path", "message"),
        [
            ("a\x00b.txt", "holds a NUL character"),
            (b"report.txt", "not bytes"),
            (3, "not int"),
            (None, "not NoneType"),
        ],
    )
    def test_not_a_path(self, path: object, message: str) -> None:
        """A NUL byte or an argument that is no path is a ParseError, not a ValueError or TypeError."""
        with pytest.raises(gia_report.ParseError, match=message):
            gia_report.parse_file(path)  # type: ignore[arg-type]
