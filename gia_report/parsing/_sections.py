"""Splitting the text into title, preamble and the six sections.

A heading is a line that, after label normalization and without its
numbering (``一、`` ``1、`` ``四`` …) and trailing cell separators, is one of
the titles of `gia_report.catalog.SECTIONS`, compared without the connectors
and filler words that vary between reports (``、`` ``与`` ``和`` ``及`` ``的``
``因`` ``被`` ``提起`` ``工作`` ``主要``: ``四、政府信息公开行政复议与行政诉讼情况``,
``五、存在问题及改进情况``). A
numbered heading broken over two lines (``四、因政府信息公开工作被申请行政复议、``
/ ``提起行政诉讼情况``) is read joined.

Sections are taken in their national order: the longest run of headings in
that order wins, the earliest of equal runs. A heading with nothing under it
that is printed again later (a table of contents, or a caption repeating the
heading) is not a section's start.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate

import attrs

from ..catalog import ESCAPE, PRE_2019_MARKERS, SECTIONS, Section
from ..errors import ParseError
from ._document import Block, Grid, lines_of
from ._labels import normalize_label, strip_numbering
from ._source import Line

__all__ = ["Sections", "heading_of", "opens_heading", "split_sections"]

# Connectors and filler words that reports add to or drop from the section titles.
_FILLER = re.compile(r"[、,，;；与和及的因被]|提起|工作|主要")
_TITLE_END = re.compile(r"(?:况|況|事项|事項|措施)\s*[:：。]?\s*$")
# A heading line is short; a longer line that happens to end in a title is prose.
_MAX_HEADING = 40
# The first line of a heading broken in two: top-level numbering, and short.
_HEADING_START = re.compile(r"^\s*(?:[一二三四五六]\s*[、.．]|[1-6]\s*[、.．](?!\d))")
_MAX_HEADING_PART = 30


def _title_key(text: str) -> str:
    return _FILLER.sub("", text)


_TITLES = {_title_key(normalize_label(title)): section for section in SECTIONS for title in section.titles}


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
    # Every section title ends in 情况, 事项 or 措施: most lines are ruled out before normalizing.
    if not text or len(text) > _MAX_HEADING or not _TITLE_END.search(text):
        return None
    key = strip_numbering(normalize_label(text)).rstrip(":。")
    return _TITLES.get(_title_key(key))


@attrs.frozen
class _Heading:
    """A heading found: the index of its first block, how many blocks it takes, its section and line."""

    index: int
    size: int
    section: Section
    line: Line


# Whitespace (as str.strip and \s have it) and the pipe: what may follow a heading's title on its line.
_TRAILING = "".join(chr(code) for code in range(0x3001) if chr(code).isspace()) + "|"
# The last character of a title `_TITLE_END` accepts.
_TITLE_ENDS = frozenset("况況项項施:：。")


def _may_open(line: Line) -> bool:
    """Whether *line* may be a heading or the first half of a broken one: ruled out cheaply for most lines.

    `heading_of` accepts a line only when its title ends in `_TITLE_ENDS`, followed by nothing but
    whitespace and pipes, and is at most `_MAX_HEADING` long without them; `opens_heading` only when it
    opens with top-level numbering.
    """
    text = line.text.rstrip(_TRAILING)
    if text[-1:] in _TITLE_ENDS and len(text.lstrip(_TRAILING)) <= _MAX_HEADING:
        return True
    return _HEADING_START.match(line.text) is not None


# The lines `_may_open` accepts, and more, found in one search of the whole text (each line between line
# breaks): a title's last character with nothing but white space and pipes after it on its line, or
# top-level numbering opening a line.
_MAY_OPEN = re.compile(r"[况況项項施:：。](?:[^\S\n]|\|)*+(?=\n)|\n[^\S\n]*+[一二三四五六1-6][^\S\n]*+[、.．]")


def _screened(blocks: Sequence[Block]) -> set[int]:
    """The indices of the blocks that may open a heading: every grid, and the lines `_MAY_OPEN` finds."""
    indices = [index for index, block in enumerate(blocks) if isinstance(block, Line)]
    texts = [blocks[index].text for index in indices]  # type: ignore[union-attr]
    whole = "\n" + "\n".join(texts) + "\n"
    starts = list(accumulate((len(text) + 1 for text in texts), initial=1))
    found = {indices[bisect_right(starts, match.end() - 1) - 1] for match in _MAY_OPEN.finditer(whole)}
    if len(indices) < len(blocks):
        found.update(index for index, block in enumerate(blocks) if not isinstance(block, Line))
    return found


def _candidates(blocks: Sequence[Block]) -> list[_Heading]:
    """Every line (or two lines of a broken heading) that reads as a section heading, in order."""
    found: list[_Heading] = []
    after = 0  # the first block not yet taken by a heading broken over two lines
    for index in sorted(_screened(blocks)):
        block = blocks[index]
        if index < after or (isinstance(block, Line) and not _may_open(block)):
            continue
        section = heading_of(block)
        if section is not None:
            assert isinstance(block, Line)
            found.append(_Heading(index, 1, section, block))
        elif isinstance(block, Line) and index + 1 < len(blocks):
            joined = _broken_heading(block, blocks[index + 1])
            if joined is not None:
                found.append(_Heading(index, 2, *joined))
                after = index + 2
    return found


def opens_heading(text: str) -> bool:
    """Whether the line *text* may be the first half of a heading broken over two lines (``四、因政府…``)."""
    return len(text.strip()) <= _MAX_HEADING_PART and _HEADING_START.match(text) is not None


def _broken_heading(first: Line, second: Block) -> tuple[Section, Line] | None:
    """The section that *first* and *second* make as one heading broken over two lines, with the joined line."""
    if not isinstance(second, Line) or not opens_heading(first.text):
        return None
    tail = second.text.strip()
    if not tail or len(tail) > _MAX_HEADING_PART or tail.startswith(ESCAPE):
        return None
    joined = Line(first.number, first.text.rstrip() + tail)
    section = heading_of(joined)
    return None if section is None else (section, joined)


def _is_blank(block: Block) -> bool:
    return isinstance(block, Line) and not block.text.strip()


def _chosen(blocks: Sequence[Block], candidates: list[_Heading]) -> list[_Heading]:
    """The headings that open the sections: the longest run in national order, the earliest of equal runs.

    A heading with only blank lines before the next heading, whose section is
    printed again later, is left out first: a table of contents lists the
    headings before the report, and a table's caption may repeat its heading.
    """
    last = {heading.section.key: position for position, heading in enumerate(candidates)}
    kept: list[_Heading] = []
    for position, heading in enumerate(candidates):
        end = candidates[position + 1].index if position + 1 < len(candidates) else len(blocks)
        empty = all(_is_blank(block) for block in blocks[heading.index + heading.size : end])
        if empty and last[heading.section.key] > position:
            continue
        kept.append(heading)
    order = {section.key: rank for rank, section in enumerate(SECTIONS)}
    # best[rank]: the longest run found so far that ends in a heading of that rank (the first such run kept).
    best: dict[int, list[_Heading]] = {}
    for heading in kept:
        rank = order[heading.section.key]
        before = [best[r] for r in sorted(best) if r < rank]
        longest = max(before, key=len, default=[])
        run = [*longest, heading]
        if len(run) > len(best.get(rank, [])):
            best[rank] = run
    return max(best.values(), key=len, default=[])


def split_sections(blocks: Sequence[Block]) -> Sections:
    """Split *blocks* at the section headings; raise `ParseError` when a table section is missing."""
    found = _chosen(blocks, _candidates(blocks))
    keys = {heading.section.key for heading in found}
    missing = [section for section in SECTIONS if section.required and section.key not in keys]
    if missing:
        _refuse(blocks, missing[0], found)
    front_end = found[0].index if found else len(blocks)
    headings: dict[str, Line] = {}
    bodies: dict[str, tuple[Block, ...]] = {}
    for position, heading in enumerate(found):
        end = found[position + 1].index if position + 1 < len(found) else len(blocks)
        headings[heading.section.key] = heading.line
        bodies[heading.section.key] = tuple(blocks[heading.index + heading.size : end])
    return Sections(front=tuple(lines_of(blocks[:front_end])), headings=headings, bodies=bodies)


def _refuse(blocks: Sequence[Block], missing: Section, found: list[_Heading]) -> None:
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
        last = found[-1]
        where = last.line
        message = (
            f"expected the section {missing.heading} after {last.section.heading}, but it was not found: "
            "not a complete report"
        )
    else:
        where = next((line for line in lines if line.text.strip()), lines[0])
        message = f"expected the section {missing.heading}, but no section heading of a 2019 or 2021 report was found"
    raise ParseError(message, line=where.number, column=1, source_line=where.text)
