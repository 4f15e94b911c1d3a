"""The entrance: decode, normalize line endings once, and drop page furniture.

Everything after this module sees a list of `Line` records whose numbers are
the 1-based line numbers of the text as given.
"""

from __future__ import annotations

import re

import attrs

from ..catalog import ESCAPE
from ..errors import ParseError
from ._result import Note

__all__ = ["Line", "decode", "drop_furniture", "split_lines"]


@attrs.frozen
class Line:
    """One line of the text: its 1-based number and its text without the line break."""

    number: int
    text: str


def decode(data: str | bytes) -> str:
    """The text of *data*: bytes are read as UTF-8 (with or without BOM), else GB 18030."""
    if isinstance(data, str):
        return data
    if isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(data)
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                continue
        raise ParseError("the bytes are neither UTF-8 nor GB 18030 text", line=1)
    raise ParseError(f"expected the text of a report (str or bytes), not {type(data).__name__}", line=1)


# Control characters other than tab, line breaks and form feed do not occur in text files.
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def split_lines(text: str) -> list[Line]:
    """Split *text* into numbered lines, after dropping a BOM and unifying CR LF and CR."""
    if text.startswith("\ufeff"):
        text = text[1:]
    # Normalize line endings once, here, so every later stage sees "\n" only.
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    # A word processor's manual line break (vertical tab) inside a paragraph reads as a space.
    text = text.replace("\v", " ")
    lines = [Line(number, line) for number, line in enumerate(text.split("\n"), start=1)]
    if not text.strip():
        raise ParseError("the text is empty: expected a report", line=1)
    for line in lines:
        found = _BINARY.search(line.text)
        if found:
            raise ParseError(
                "binary data: expected the text of a report",
                line=line.number,
                column=found.start() + 1,
                source_line=_printable(line.text),
            )
    return lines


def _printable(text: str) -> str:
    return _BINARY.sub("\N{REPLACEMENT CHARACTER}", text)[:200]


# Page furniture: page footers (- 3 -, 第 3 页, 第3页 共9页) and the lines a web page adds.
_FOOTER = re.compile(r"^\s*(?:[-－—–]\s*\d{1,3}\s*[-－—–]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?)\s*$")
_WEB_FURNITURE = ("扫一扫在手机上查看当前页面", "打印本页", "关闭窗口", "【打印】", "【关闭】")
# Word-processor residue that prefixes real text: keep the text, drop the residue.
_RESIDUE = re.compile(r"\[bookmark:[^\]]*\]")


def drop_furniture(lines: list[Line]) -> tuple[list[Line], list[Note]]:
    """*lines* without page footers and web-page furniture, and a note for each line dropped."""
    kept: list[Line] = []
    notes: list[Note] = []
    for line in lines:
        stripped = line.text.strip()
        if stripped.startswith(ESCAPE):
            kept.append(line)  # written as prose on purpose: never furniture
            continue
        if _FOOTER.match(line.text):
            notes.append(Note(code="page-furniture", message=f"page footer {stripped!r} dropped", line=line.number))
            continue
        if stripped in _WEB_FURNITURE:
            notes.append(Note(code="page-furniture", message=f"page furniture {stripped!r} dropped", line=line.number))
            continue
        if _RESIDUE.search(line.text):
            residue = ", ".join(_RESIDUE.findall(line.text))
            notes.append(
                Note(
                    code="page-furniture",
                    message=f"word-processor residue {residue} dropped",
                    line=line.number,
                )
            )
            line = Line(line.number, _RESIDUE.sub("", line.text))
        kept.append(line)
    return kept, notes
