"""Splitting the text into title, preamble and the six sections.

A heading is a line that, after label normalization and without its
numbering (``一、`` ``1、`` ``四`` …) and trailing cell separators, is one of
the titles of `gia_report.catalog.SECTIONS`. Sections are taken in their
national order: the first heading of each kind after the previous one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from ..catalog import ESCAPE, PRE_2019_MARKERS, SECTIONS, Section
from ..errors import ParseError
from ._document import Block, Grid, lines_of
from ._labels import normalize_label, strip_numbering
from ._source import Line

__all__ = ["Sections", "split_sections"]

_TITLES = {normalize_label(title): section for section in SECTIONS for title in section.titles}
_TITLE_END = re.compile(r"(?:况|況|事项|事項)\s*[:：。]?\s*$")
# A heading line is short; a longer line that happens to end in a title is prose.
_MAX_HEADING = 40


@attrs.frozen
class Sections:
    """The lines before the first heading, and each section's heading and body blocks."""

    front: tuple[Line, ...]
    headings: dict[str, Line]
    bodies: dict[str, tuple[Block, ...]]

    def lines(self, key: str) -> tuple[Line, ...]:
        """The lines of section *key*'s body (none for a section not printed)."""
        return tuple(lines_of(self.bodies.get(key, ())))

    def grids(self, key: str) -> tuple[Grid, ...]:
        """The grids of section *key*'s body, as a web page or a Word document gives them."""
        return tuple(block for block in self.bodies.get(key, ()) if isinstance(block, Grid))


def heading_of(line: Block) -> Section | None:
    """The section *line* is the heading of, or ``None`` (also for a grid)."""
    if not isinstance(line, Line):
        return None
    text = line.text.strip().strip("|\t ").strip()
    # Escaped prose, and bracketed numbering, which opens sub-headings (（一）…), never top-level headings.
    if text.startswith((ESCAPE, "(", "（")):
        return None
    # Every section title ends in 情况 or 事项: most lines are ruled out before normalizing.
    if not text or len(text) > _MAX_HEADING or not _TITLE_END.search(text):
        return None
    key = strip_numbering(normalize_label(text)).rstrip(":。")
    return _TITLES.get(key)


def split_sections(blocks: Sequence[Block]) -> Sections:
    """Split *blocks* at the section headings; raise `ParseError` when a table section is missing."""
    found: list[tuple[int, Section]] = []
    order = [section.key for section in SECTIONS]
    for index, block in enumerate(blocks):
        section = heading_of(block)
        if section is None:
            continue
        last = order.index(found[-1][1].key) if found else -1
        if order.index(section.key) > last:
            found.append((index, section))
    keys = {section.key for _, section in found}
    missing = [section for section in SECTIONS if section.required and section.key not in keys]
    if missing:
        _refuse(blocks, missing[0], found)
    front_end = found[0][0] if found else len(blocks)
    headings: dict[str, Line] = {}
    bodies: dict[str, tuple[Block, ...]] = {}
    for position, (index, section) in enumerate(found):
        end = found[position + 1][0] if position + 1 < len(found) else len(blocks)
        heading = blocks[index]
        assert isinstance(heading, Line)
        headings[section.key] = heading
        bodies[section.key] = tuple(blocks[index + 1 : end])
    return Sections(front=tuple(lines_of(blocks[:front_end])), headings=headings, bodies=bodies)


def _refuse(blocks: Sequence[Block], missing: Section, found: list[tuple[int, Section]]) -> None:
    lines = lines_of(blocks) or [Line(1, "")]
    for line in lines:
        normalized = normalize_label(line.text)
        for marker in PRE_2019_MARKERS:
            if marker in normalized and len(normalized) <= _MAX_HEADING:
                raise ParseError(
                    f"this looks like a report from before 2019 ({marker!r}); only the 2019 and 2021 "
                    "national formats are supported",
                    line=line.number,
                    column=line.text.find(marker) + 1 if marker in line.text else 1,
                    source_line=line.text,
                )
    if found:
        index, section = found[-1]
        where = blocks[index]
        assert isinstance(where, Line)
        message = (
            f"expected the section {missing.heading} after {section.heading}, but it was not found: "
            "not a complete report"
        )
    else:
        where = next((line for line in lines if line.text.strip()), lines[0])
        message = f"expected the section {missing.heading}, but no section heading of a 2019 or 2021 report was found"
    raise ParseError(message, line=where.number, column=1, source_line=where.text)
