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
from ._sections import heading_of, opens_heading
from ._source import Line, drop_furniture, is_chrome

__all__ = ["Front", "read_front", "read_overview", "read_paragraphs", "reads_as_structure"]

_SPACE = regex.compile(r"\s+")
_TITLE_END = regex.compile(r"报告(?:[（(][^)）]*[)）])?$")
_PREAMBLE = regex.compile(
    r"现将(?P<agency>[^，。,；;]*?)(?:[(（]以下简称[^)）]*[)）])?\s*(?P<year>(?:19|20)\d{2})\s*年度?"
)
_PREAMBLE_START = regex.compile(r"^\s*(?:根据|依据|按照|本报告|为|现将|《)")
_MAX_TITLE_LINE = 60
_MAX_TITLE_LINES = 4
# A title naming the year before the agency: 2024年上海市科委政府信息公开工作年度报告.
_YEAR_FIRST = regex.compile(
    r"^(?P<year>(?:19|20)\d{2})年度?(?P<agency>[^\d\s，。,；;：:（()）]{2,}?)(?:政府)?信息公开(?:工作)?年度?报告"
    r"(?:[（(][^（()）]*[)）])?$"
)
# Words of a site's navigation and breadcrumb: on a line without a year, no part of a title.
_NAVIGATION = regex.compile(r"信息公开|首页|年报|位置|栏目|专栏|[>＞»]")
_YEAR = regex.compile(r"(?:19|20)\d{2}\s*年")
# Site chrome before a title is navigation: a few hundred lines at most are searched for the title.
_MAX_CHROME_LINES = 400
# Chrome has short sentences (您好，欢迎访问本网站！); a longer line ending in 。 is the report's text.
_MAX_SENTENCE_CHROME = 30
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
    """Read the title (or the preamble's naming of the agency) from the lines before the first heading.

    Site chrome that a web page prints before the title (navigation, a
    breadcrumb) is dropped, and so is what it prints between the title and the
    preamble (article metadata, page tools, the title printed again), each with
    a note.
    """
    lines = [line for line in front if line.text.strip()]
    found = _find_title(lines)
    if found is None:
        title_lines = _title_at_start(lines)
    else:
        start, size = found
        _drop_note(notes, lines[:start], "before the title")
        lines = lines[start:]
        title_lines = lines[:size]
    title = _squeeze("".join(line.text for line in title_lines)) if title_lines else None
    named = _reads_as_title(title) if title else None
    rest = lines[len(title_lines) :]
    if named is not None:
        rest = _without_chrome(rest, named, notes)
    preamble = read_paragraphs(rest)
    if named is not None and title_lines and title is not None and read_title(title) is None:
        printed, title = title, compose_title(*named)
        notes.append(
            Note(
                code="no-title",
                message=f"title {printed!r} names the year before the agency: title composed as {title}",
                line=title_lines[0].number,
            )
        )
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
        found_agency = _PREAMBLE.search(_squeeze(line.text))
        if found_agency is not None:
            agency, year = found_agency.group("agency") or None, int(found_agency.group("year"))
            if read_title(compose_title(agency, year)) != (agency, year):
                continue  # an agency the national title cannot carry (a space, a control character)
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


def _reads_as_title(text: str) -> tuple[str | None, int] | None:
    """The agency and year the title *text* (spaces removed) names, also with the year before the agency."""
    named = read_title(text)
    if named is not None:
        return named
    found = _YEAR_FIRST.match(text)
    if found is None or found.group("agency") in ("政府", "度") or ESCAPE in text:
        return None
    return found.group("agency"), int(found.group("year"))


def _title_at_start(lines: Sequence[Line]) -> list[Line]:
    """The short lines the front starts with, up to the one that completes a title or ends in 报告."""
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
    return title_lines


def _title_ending(lines: Sequence[Line], end: int) -> list[int]:
    """How many lines ending with line *end* make a title: every count that does, fewest first.

    A title broken over lines is read joined, but a line of navigation or page
    tools before it (``政府信息公开年报``, ``首页``, ``打印``) is no part of it,
    though the two would read as a title naming the navigation as the agency.
    """
    # A title ends in 报告, or in a note in brackets after it: a line ending in neither ends none (most do not).
    last = _squeeze(lines[end].text)
    if last and "告" not in last and not last.endswith(("）", ")")):
        return []
    joined = ""
    found: list[int] = []
    for size in range(1, _MAX_TITLE_LINES + 1):
        if end - size + 1 < 0:
            break
        text = lines[end - size + 1].text.strip()
        if text.startswith(ESCAPE) or len(text) > _MAX_TITLE_LINE:
            break
        navigation = _NAVIGATION.search(text) and not _YEAR.search(text)
        if size > 1 and (_PREAMBLE_START.match(text) or navigation or is_chrome(text)):
            break
        joined = _squeeze(text) + joined
        if "报告" in joined and _reads_as_title(joined) is not None:
            found.append(size)
    return found


def _find_title(lines: Sequence[Line]) -> tuple[int, int] | None:
    """Where the title stands, after any site chrome a web page prints first, and how many lines it takes.

    ``None`` when no title is found, or when the preamble or a sentence stands
    before it: such text is no navigation, and is kept.
    """
    for end, line in enumerate(lines[:_MAX_CHROME_LINES]):
        sizes = _title_ending(lines, end)
        if sizes and (end + 1 == sizes[-1] or not _PREAMBLE_START.match(lines[end - sizes[-1] + 1].text.strip())):
            return end - sizes[-1] + 1, sizes[-1]
        text = line.text.strip()
        if _PREAMBLE_START.match(text) or (text.endswith("。") and len(text) > _MAX_SENTENCE_CHROME):
            return None
    return None


def _without_chrome(lines: Sequence[Line], title: tuple[str | None, int], notes: list[Note]) -> list[Line]:
    """*lines* (after the title) without article metadata, page tools and the title printed again."""
    kept: list[int] = []
    dropped: list[int] = []
    for end, line in enumerate(lines):
        size = next(
            (
                size
                for size in _title_ending(lines, end)
                if _reads_as_title(_squeeze("".join(x.text for x in lines[end - size + 1 : end + 1]))) == title
            ),
            0,
        )
        if size:
            # The title printed again (a page's title, then the document's): its first lines were kept.
            again = range(end - size + 1, end + 1)
            kept = [index for index in kept if index not in again]
            dropped.extend(index for index in again if index not in dropped)
            continue
        (dropped if is_chrome(line.text) else kept).append(end)
    _drop_note(notes, [lines[index] for index in sorted(dropped)], "between the title and the text")
    return [lines[index] for index in kept]


def _drop_note(notes: list[Note], dropped: Sequence[Line], where: str) -> None:
    if not dropped:
        return
    texts = [line.text.strip() for line in dropped[:3]]
    shown = " / ".join(texts) + (" / …" if len(dropped) > 3 else "")
    notes.append(
        Note(
            code="site-chrome",
            message=f"{len(dropped)} line(s) of site chrome {where} dropped: {shown!r}",
            line=dropped[0].number,
        )
    )


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
        if _SUBHEADING.match(heading) is None:
            # Numbering and nothing of a heading after it (二 。…): the model takes no such heading; prose.
            (subsections[-1][1] if subsections else paragraphs).append(text)
            continue
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
    stripped = text.strip()
    # The last line of a title (read joined with the lines before it, or as the title printed again),
    # and the first half of a heading broken over two lines.
    if opens_heading(stripped) or (len(stripped) <= _MAX_TITLE_LINE and _TITLE_END.search(_squeeze(stripped))):
        return True
    if where != "overview" and is_chrome(text):
        return True  # dropped as site chrome between the title and the preamble
    if where == "overview":
        return _SUBHEADING.match(text) is not None
    # Without a title, any preamble line might be taken for a title, or name the agency.
    return where == "preamble"
