"""The entrance: decode, normalize line endings once, and drop page furniture.

Everything after this module sees a list of `Line` records whose numbers are
the 1-based line numbers of the text as given.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from typing import NamedTuple

from ..catalog import ESCAPE, read_title
from ..errors import ParseError
from ._result import Note

__all__ = ["Line", "decode", "drop_furniture", "is_chrome", "split_lines"]


class Line(NamedTuple):
    """One line of the text: its 1-based number and its text without the line break.

    ``column`` is the 1-based column of the physical line where the text starts: 1, but for a piece of a line
    of collapsed text that `gia_report.parsing._layout_collapsed` cut at a label.

    A named tuple rather than a frozen attrs class: as immutable, and made in a third of the time (a text is
    made of hundreds of lines).
    """

    number: int
    text: str
    column: int = 1


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
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # A word processor's manual line break (vertical tab) inside a paragraph reads as a space.
    text = text.replace("\v", " ")
    if not text.strip():
        raise ParseError("the text is empty: expected a report", line=1)
    # One search of the whole text: its first control character is the first of its first line holding one.
    found = _BINARY.search(text)
    if found:
        start = text.rfind("\n", 0, found.start()) + 1
        end = text.find("\n", found.start())
        raise ParseError(
            "binary data: expected the text of a report",
            line=text.count("\n", 0, start) + 1,
            column=found.start() - start + 1,
            source_line=_printable(text[start : end if end >= 0 else len(text)]),
        )
    new = tuple.__new__  # without the named tuple's Python-level __new__, which its default costs
    lines = [new(Line, (number, line, 1)) for number, line in enumerate(text.split("\n"), start=1)]
    return _parted_at_page_breaks(lines) if "\f" in text else lines


def _parted_at_page_breaks(lines: list[Line]) -> list[Line]:
    """*lines*, each parted at its form feeds (PDF text ends each page with one, before the next page's first
    line): the pieces are lines of their own, each keeping the physical line's number and its column there, so
    that a note names the line an editor shows (which counts line feeds only)."""
    parted: list[Line] = []
    for line in lines:
        if "\f" not in line.text:
            parted.append(line)
            continue
        column = 1
        for piece in line.text.split("\f"):
            parted.append(Line(line.number, piece, column))
            column += len(piece) + 1
    return parted


def _printable(text: str) -> str:
    return _BINARY.sub("\N{REPLACEMENT CHARACTER}", text)  # ParseError shows a window around the column


# Page furniture: page footers (- 3 -, 第 3 页, 第3页 共9页) and the lines a web page adds.
_FOOTER = re.compile(r"^\s*(?:[-－—–]\s*\d{1,3}\s*[-－—–]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?)\s*$")
_WEB_FURNITURE = ("扫一扫在手机上查看当前页面", "打印本页", "关闭窗口", "【打印】", "【关闭】")
# What a browser prints around each page of a web page: the page counter (1/5), the page's address
# with the counter, and the date and time with the page's title.
_PAGE_COUNTER = re.compile(r"^\s*\d{1,3}\s*/\s*\d{1,3}\s*$")
_ADDRESS = re.compile(r"^\s*(?:https?://|www\.)[!-~]+(?:\s+\d{1,3}\s*/\s*\d{1,3})?\s*$", re.IGNORECASE)
_PRINTED_AT = re.compile(r"^\s*\d{4}[/-]\d{1,2}[/-]\d{1,2}\s*(?:上午|下午)?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s.*)?$")
_MAX_PRINTED_AT = 100
# Word-processor residue that prefixes real text: keep the text, drop the residue.
_RESIDUE = re.compile(r"\[bookmark:[^\]]*\]")

# Site chrome of a web page: article metadata (来源：… 时间：…) and page tools (字号 大 中 小, 打印,
# 微信 微博 QQ空间). Icon fonts print as private-use characters (U+F0B7 before 首页): no text.
_ICONS = re.compile("[\ue000-\uf8ff]")
_METADATA = re.compile(
    r"^[【\[]?\s*(?:来源|信息来源|文章来源|发布时间|更新时间|发布日期|成文日期|时间|日期|作者|编辑|责任编辑|"
    r"浏览次数|浏览量|点击数|点击量|访问量|阅读次数|阅读量|字号|字体|分享到|发布机构|当前位置|"
    r"您当前的位置|您现在的位置|所在位置|索引号|主题分类|信息分类|组配分类|体裁分类|发文字号|文号|生成日期|"
    r"公开方式|公开范围|公开时限|有效性|所属机构|关键词)\s*[:：]"
)
_TOOL_WORDS = (
    "扫一扫在手机上查看当前页面|打印本页|关闭窗口|返回顶部|相关链接|相关文件|文件下载|附件下载|附件|全真版|文字版|"
    "分享到|微信|微博|QQ|空间|打印|关闭|分享|收藏|字号|字体|默认|大|中|小"
)
# A line of tools alone, in any order and with any separators between them.
_TOOLS = re.compile(rf"^(?:[\s【】\[\]()（）:：|/·•>＞-]*(?:{_TOOL_WORDS}))+[\s【】\[\]()（）:：|/·•>＞-]*$")
# Tools that are chrome on a line of their own wherever they stand (a lone 关闭 or 大 may be a cell).
_DISTINCT_TOOLS = re.compile(
    r"扫一扫在手机上查看当前页面|打印本页|关闭窗口|返回顶部|相关链接|文件下载|附件下载|全真版|文字版"
)
_MAX_CHROME = 80
# The site footer under a printed page: from a line of page tools down to these marks.
_SITE_FOOTER = re.compile(r"版权所有|ICP\s*备|网站标识码|公安备案号|主办单位|承办单位|技术支持|网站地图")
_MAX_FOOTER_LINE = 60
# A line that opens a section (一、 … 六、): the site footer never runs past one.
_SECTION_START = re.compile(r"^\s*[一二三四五六]\s*、")


def is_chrome(text: str) -> bool:
    """Whether the line *text* is a web page's article metadata or page tools (``来源：… 时间：…``, ``打印 关闭``)."""
    plain = _ICONS.sub("", text).strip()
    if not plain or len(plain) > _MAX_CHROME or plain.startswith(ESCAPE):
        return False
    return _METADATA.match(plain) is not None or _TOOLS.match(plain) is not None


def _furniture(text: str) -> str | None:
    """What the line *text* is, if it is page furniture wherever it stands, else ``None``."""
    stripped = _ICONS.sub("", text).strip()
    if _FOOTER.match(text):
        return f"page footer {stripped!r}"
    if stripped in _WEB_FURNITURE or (
        len(stripped) <= _MAX_CHROME and _DISTINCT_TOOLS.search(stripped) and _TOOLS.match(stripped)
    ):
        return f"page furniture {stripped!r}"
    if _PAGE_COUNTER.match(text) or _ADDRESS.match(text):
        return f"printed page's footer {stripped!r}"
    if len(stripped) <= _MAX_PRINTED_AT and _PRINTED_AT.match(text):
        return f"printed page's header {stripped!r}"
    return None


def drop_furniture(lines: list[Line]) -> tuple[list[Line], list[Note]]:
    """*lines* without page furniture and a printed web page's site footer, and a note for each drop.

    Page furniture is dropped wherever it stands: page footers, page tools,
    what a browser prints at the top and bottom of each page (the page's
    title printed again on a line of its own among them). The site footer
    under a printed web page (page tools, links, 版权所有 …) is dropped from its
    first line of page tools to the end, when a mark of a site footer follows
    within short lines.
    """
    kept: list[Line] = []
    notes: list[Note] = []
    title: str | None = None
    # One pass over the whole text finds the lines that may be anything but kept as they are: those holding
    # icons or page tools, those that open as furniture does (see `_may_be_furniture`), those naming a 报告
    # (a title, or a page header repeating it) and those holding residue. Only they are looked at, in order.
    whole = "\n" + "\n".join(line.text for line in lines)  # each line after a line break
    starts = list(accumulate((len(line.text) + 1 for line in lines), initial=1))
    flagged = _lines_holding(starts, whole, _ICONS, _DISTINCT_TOOLS)
    visited = sorted(flagged | _lines_holding(starts, whole, _OPENS_AS_FURNITURE, _REPORT, _RESIDUE_START))
    done = 0
    for index in visited:
        kept.extend(lines[done:index])
        done = index + 1
        line = lines[index]
        stripped = line.text.strip()
        if stripped.startswith(ESCAPE):
            kept.append(line)  # written as prose on purpose: never furniture
            continue
        what = _furniture(line.text) if index in flagged or _may_be_furniture(stripped) else None
        if what is None and len(stripped) <= _MAX_CHROME and "报告" in stripped:
            # A browser prints the page's title at the top of every page: the title again is a page header.
            squeezed = "".join(stripped.split())
            if squeezed == title:
                what = f"printed page's header {stripped!r}"
            elif title is None and read_title(squeezed) is not None:
                title = squeezed
        if what is not None:
            notes.append(Note(code="page-furniture", message=f"{what} dropped", line=line.number))
            continue
        if _RESIDUE.search(line.text):
            found = ", ".join(_RESIDUE.findall(line.text))
            notes.append(
                Note(
                    code="page-furniture",
                    message=f"word-processor residue {found} dropped",
                    line=line.number,
                )
            )
            line = Line(line.number, _RESIDUE.sub("", line.text))
        kept.append(line)
    kept.extend(lines[done:])
    if _DISTINCT_TOOLS.search(whole) is None:
        return kept, notes  # no line holds page tools: no site footer opens
    return _without_site_footer(lines, kept, notes), notes


def _lines_holding(starts: list[int], whole: str, *patterns: re.Pattern[str]) -> set[int]:
    """The indices of the lines (each after a line break in *whole*, starting at *starts*) where one of
    *patterns* is found: where its match ends (a match may open with the line break before its line, and no
    match goes on past its line).
    """
    found: set[int] = set()
    for pattern in patterns:
        for match in pattern.finditer(whole):
            found.add(bisect_right(starts, match.end() - 1) - 1)
    return found


# What a line of furniture opens with, stripped: a footer's dash (then a number and a dash), a footer's 第 (then
# 页), an address's h or w (re.IGNORECASE folds no other character to these); a page counter or a printing
# date opens with a digit (any decimal digit, as \d) and holds a slash or a dash.
_DASHES = frozenset("-－—–")
_ADDRESS_OPENERS = frozenset("hHwW")
# The lines `_may_be_furniture` may accept, and more (web furniture holds page tools, but 【打印】 and 【关闭】).
# After the line break before the line: a search skips from one line break to the next.
_OPENS_AS_FURNITURE = re.compile(r"\n[^\S\n]*+(?:\d[^\n]*[/-]|[-－—–][^\n]{2}|第[^\n]*页|[hHwW]|【(?:打印|关闭)】)")
_REPORT = re.compile("报告")
_RESIDUE_START = re.compile(re.escape("[bookmark:"))


def _may_be_furniture(stripped: str) -> bool:
    """Whether a line, *stripped*, may be furniture when it holds no icons and no page tools (else it is not).

    Without icons, `_furniture` strips nothing more; without page tools, only web furniture itself or a line
    opening as a footer, a page counter, an address or a printing date can be furniture.
    """
    first = stripped[:1]
    if first.isdecimal():
        return "/" in stripped or "-" in stripped
    if first in _DASHES:
        return len(stripped) > 2
    if first == "第":
        return "页" in stripped
    return first in _ADDRESS_OPENERS or stripped in _WEB_FURNITURE


def _without_site_footer(lines: list[Line], kept: list[Line], notes: list[Note]) -> list[Line]:
    """*kept* without the site footer under a printed web page, if *lines* end in one (with a note)."""
    start = None
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        if start is None:
            if not text.startswith(ESCAPE) and _DISTINCT_TOOLS.search(text) and _furniture(line.text) is not None:
                start = line.number
            continue
        if _SITE_FOOTER.search(text):
            break
        if text.startswith(ESCAPE) or len(text) > _MAX_FOOTER_LINE or "。" in text or _SECTION_START.match(text):
            start = None  # report text after the tools: they were no site footer's
    else:
        return kept
    tail = [line for line in kept if line.number >= start]
    if tail:
        texts = [text for text in (_ICONS.sub("", line.text).strip() for line in tail) if text]
        shown = " / ".join(texts[:3])
        notes.append(
            Note(
                code="site-chrome",
                message=f"site footer of {len(tail)} line(s) under the report dropped: {shown!r} …",
                line=tail[0].number,
            )
        )
    return [line for line in kept if line.number < start]
