"""Site chrome before a report: what a web page (or a Word document saved from one) prints before the title.

Only the lines before the first section heading are looked at. The title is
the first of them that is a national-form title, alone or joined with the
line after it (a title broken in two); the lines before it are the site's
navigation, dropped. Lines of article metadata and page tools (``来源：…``,
``时间：…``, ``微信 微博 QQ空间``, ``【打印】``) are dropped wherever they stand
in the front. One note says what was dropped.

When the front holds no title, the title a page gives elsewhere (its heading
elements, its ``<title>``) may be put first, so that the agency and year are
read from it.

.. versionadded:: 0.2
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence

from ..catalog import read_title
from ._document import Block
from ._result import Note
from ._sections import heading_of
from ._source import Line

__all__ = ["drop_front_chrome", "is_title"]

# Lines of article metadata that sites print between the title and the text.
_METADATA = re.compile(
    r"^[【\[]?(?:来源|信息来源|文章来源|时间|发布时间|发布日期|日期|作者|编辑|责任编辑|浏览次数|浏览量|点击数|点击量|访问量|"
    r"阅读次数|阅读量|字号|字体|分享到|发布机构|发文机关|当前位置|您当前的位置|您现在的位置|所在位置)\s*[:：]"
)
# Words of page tools; a line made of nothing else is chrome.
_TOOLS = re.compile(
    r"扫一扫在手机上查看当前页面|打印本页|关闭窗口|返回顶部|相关链接|文件下载|全真版|文字版|QQ空间|微信|微博|"
    r"打印|关闭|分享|收藏|字号|[大中小]|[【】\[\]：:|/\s]"
)
_MAX_CHROME = 80
# A title ending within this many lines of the front is taken from its first line.
_TITLE_LINES = 3


def is_title(text: str) -> bool:
    """Whether *text* (spaces aside) is a national-form title: ``XX2023年政府信息公开工作年度报告``."""
    return _named(text) is not None


def _title_at(front: Sequence[tuple[int, Line]]) -> int | None:
    """The index of the block that starts the title among the *front* lines, or ``None``.

    A title on one line wins over a line joined to it (a breadcrumb such as
    政府信息公开年报 would otherwise join it), unless it names no agency and
    the line before names one (淮安市洪泽区人民政府 / 2023年政府信息公开工作年度报告).
    A title that ends within the first lines starts at the first line, as a
    title broken over three lines does.
    """
    start = end = None
    for position, (_, line) in enumerate(front):
        named = _named(line.text)
        if named is not None:
            start = end = position
            if named[0] is None and position > 0:
                joined = _named(front[position - 1][1].text + line.text)
                if joined is not None and joined[0] is not None:
                    start = position - 1
            break
    if start is None:
        pairs = enumerate(itertools.pairwise(front))
        start = next((p for p, ((_, line), (_, after)) in pairs if is_title(line.text + after.text)), None)
        end = None if start is None else start + 1
    if start is None or end is None:
        return None
    opening = "".join(line.text for _, line in front[: end + 1])
    if 0 < start <= _TITLE_LINES - 1 and end < _TITLE_LINES and is_title(opening):
        return front[0][0]
    return front[start][0]


def _named(text: str) -> tuple[str | None, int] | None:
    return read_title("".join(text.split()))


def _is_chrome(text: str) -> bool:
    if len(text) > _MAX_CHROME:
        return False
    return _METADATA.match(text) is not None or not _TOOLS.sub("", text)


def drop_front_chrome(blocks: Sequence[Block], notes: list[Note], titles: Iterable[tuple[int, str]]) -> list[Block]:
    """*blocks* without the site chrome before the report, with a note; a title from *titles* put first if none.

    *titles* are ``(line, text)`` candidates the form gives outside its
    content, tried in order when the front holds no title.
    """
    first = next((i for i, block in enumerate(blocks) if heading_of(block) is not None), len(blocks))
    front = [(i, block) for i, block in enumerate(blocks[:first]) if isinstance(block, Line) and block.text.strip()]
    title_at = _title_at(front)
    kept: list[Block] = []
    dropped: list[Line] = []
    for index, block in enumerate(blocks):
        if index < first and isinstance(block, Line) and block.text.strip():
            # Before the title everything is chrome; after it, the preamble is the report's own text.
            before_title = title_at is not None and index < title_at
            if before_title or (title_at is None and _is_chrome(block.text.strip())):
                dropped.append(block)
                continue
        kept.append(block)
    if dropped:
        shown = " / ".join(line.text.strip() for line in dropped[:3]) + (" / …" if len(dropped) > 3 else "")
        notes.append(
            Note(
                code="site-chrome",
                message=f"{len(dropped)} line(s) of site chrome before the report dropped: {shown!r}",
                line=dropped[0].number,
            )
        )
    if title_at is None:
        for number, text in titles:
            text = " ".join(text.split())
            if is_title(text):
                return [Line(number, text), *kept]
    return kept
