"""The report's words: title, agency and year, preamble, and the narrative sections.

The title is the run of short lines before the preamble, joined without the
line breaks and spaces that broke it (``开发区 2023 年政府信息公开`` /
``工作年度报告``). Without a title the agency and year are read from the
preamble (``现将…党政办公室(以下简称“办公室”)2024年度…报告如下``).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

from ..catalog import ESCAPE, MAX_SUBHEADING, SUBHEADING, compose_title, read_title
from ..model import Overview, Subsection
from ._result import Note
from ._sections import heading_of
from ._source import Line, drop_furniture

__all__ = ["Front", "read_front", "read_overview", "read_paragraphs", "reads_as_structure"]

_SPACE = regex.compile(r"\s+")
_TITLE_END = regex.compile(r"报告(?:[（(][^)）]*[)）])?$")
_PREAMBLE = regex.compile(
    r"现将(?P<agency>[^，。,；;]*?)(?:[(（]以下简称[^)）]*[)）])?\s*(?P<year>(?:19|20)\d{2})\s*年度?"
)
_PREAMBLE_START = regex.compile(r"^\s*(?:根据|依据|按照|本报告|为|现将|《)")
_MAX_TITLE_LINE = 60
_SUBHEADING = regex.compile(SUBHEADING)
_HEADING_END = regex.compile(r"[。：:]")


@attrs.frozen
class Front:
    """What stands before 一、总体情况: title, agency, year and preamble paragraphs."""

    title: str | None
    agency: str | None
    year: int | None
    preamble: tuple[str, ...]
    line: int | None


def _squeeze(text: str) -> str:
    return str(_SPACE.sub("", text))


def read_front(front: Sequence[Line], notes: list[Note]) -> Front:
    """Read the title (or the preamble's naming of the agency) from the lines before the first heading."""
    lines = [line for line in front if line.text.strip()]
    title_lines: list[Line] = []
    for line in lines[:6]:
        text = line.text.strip()
        if text.startswith(ESCAPE):
            break
        if read_title(_squeeze("".join(x.text for x in [*title_lines, line]))) is not None:
            title_lines.append(line)  # the title is complete with this line, however it starts
            break
        if _PREAMBLE_START.match(text) or len(text) > _MAX_TITLE_LINE:
            break
        title_lines.append(line)
        if _TITLE_END.search(_squeeze(line.text)):
            break
    title = _squeeze("".join(line.text for line in title_lines)) if title_lines else None
    rest = lines[len(title_lines) :]
    preamble = read_paragraphs(rest)
    named = read_title(title) if title else None
    if named is not None and title_lines:
        if len(title_lines) > 1:
            notes.append(
                Note(
                    code="title-wrapped",
                    message=f"title broken over {len(title_lines)} lines joined",
                    line=title_lines[0].number,
                )
            )
        return Front(title, named[0], named[1], preamble, title_lines[0].number)
    if title_lines:
        # Short lines that are not a title: keep them as preamble.
        preamble = read_paragraphs(title_lines) + preamble
        notes.append(
            Note(
                code="no-title",
                message=f"the first lines {title!r} are not a title of the national form",
                line=title_lines[0].number,
            )
        )
        title = None
    for line in rest or lines:
        if line.text.strip().startswith(ESCAPE):
            continue  # written as prose on purpose
        found = _PREAMBLE.search(_squeeze(line.text))
        if found is not None:
            agency, year = found.group("agency") or None, int(found.group("year"))
            title = compose_title(agency, year)
            notes.append(
                Note(
                    code="no-title",
                    message=f"no title: agency and year read from the preamble, title composed as {title}",
                    line=line.number,
                )
            )
            return Front(title, agency, year, preamble, line.number)
    notes.append(Note(code="no-title", message="no title and no preamble naming the agency and year", line=None))
    return Front(title, None, None, preamble, None)


def _paragraph(text: str) -> str:
    text = text.strip()
    return text[len(ESCAPE) :].strip() if text.startswith(ESCAPE) else text


def read_paragraphs(lines: Sequence[Line]) -> tuple[str, ...]:
    """The non-blank lines of a prose section, stripped, without the escape mark of a line written as prose."""
    return tuple(p for p in (_paragraph(line.text) for line in lines) if p)


def read_overview(lines: Sequence[Line]) -> Overview:
    """Section 一: paragraphs, then subsections opened by （一） … （五） or 一、 … 五、."""
    paragraphs: list[str] = []
    subsections: list[tuple[str, list[str]]] = []
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        opened = None if text.startswith(ESCAPE) else _SUBHEADING.match(text)
        if opened is None:
            text = _paragraph(text)
            if not text:
                continue
            (subsections[-1][1] if subsections else paragraphs).append(text)
            continue
        heading, body = _split_heading(text, opened.end())
        subsections.append((heading, [body] if body else []))
    return Overview(
        paragraphs=tuple(paragraphs),
        subsections=tuple(Subsection(heading=h, paragraphs=tuple(p)) for h, p in subsections),
    )


def _split_heading(text: str, marker_end: int) -> tuple[str, str]:
    """A sub-heading line into heading and the paragraph run into it: （一）主动公开。2023年…"""
    end = _HEADING_END.search(text, marker_end)
    if end is not None and end.start() <= MAX_SUBHEADING:
        return text[: end.start()].strip(), text[end.end() :].strip()
    if len(text) <= MAX_SUBHEADING:
        return text.strip(), ""
    return text[:marker_end].strip(), text[marker_end:].strip()


def reads_as_structure(text: str, where: str) -> bool:
    """Whether the paragraph *text*, printed as a line of section *where*, would be read as something else.

    *where* is ``preamble`` (of a report without a title), ``overview`` or
    ``prose`` (五, 六, or the preamble after a title). The writers escape such
    lines (`gia_report.catalog.ESCAPE`).
    """
    line = Line(0, text)
    if text.startswith(ESCAPE) or heading_of(line) is not None or drop_furniture([line])[0] != [line]:
        return True
    if where == "overview":
        return _SUBHEADING.match(text) is not None
    # Without a title, any preamble line might be taken for a title, or name the agency.
    return where == "preamble"
