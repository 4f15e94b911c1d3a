"""Soft checks, as warnings: a fee probably in 元, and the narrative of section 一 against table 三.

The narrative checks are conservative: a phrase is used only where it is
unambiguous, and the finding quotes the sentence it came from (a long one
around the phrase only). A number of more than 18 digits is no count quoted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from ..model import Active2021, Report
from ._context import Cells, finding
from .findings import Finding

__all__ = ["FEE_LIMIT", "check_fee", "check_narrative"]

#: 本年收费金额 above this many 万元 (10 billion 元, more than a whole province's agencies collect
#: in administrative fees) was almost certainly written in 元.
FEE_LIMIT = Decimal(1_000_000)

_SENTENCE = re.compile(r"[^。；;！!？?\n]+[。；;！!？?]?")
_NONE_RECEIVED = re.compile(
    r"(?:未|没有)(?:收到|受理|接到)(?:过)?(?:任何)?(?:有关)?(?:政府信息公开申请|依申请公开(?:申请|事项|内容)?)"
    r"|无依申请公开(?:事项|申请|情况)"
    r"|依申请公开(?:申请)?(?:数量)?为0件?"
)
# At most 18 digits, as in a table cell: a longer run is no count, and int() of thousands of digits raises.
_RECEIVED = re.compile(r"(?:共|全年|累计)?(?:收到|受理|接到|新收)[^。；;，,]{0,12}?申请\s*(\d{1,18})\s*件")
_GRANTED = re.compile(r"予以公开\s*(\d{1,18})\s*件")
#: A sentence longer than this is quoted as the phrase with this many characters either side.
_QUOTE_CONTEXT = 60


def check_fee(cells: Cells) -> Iterator[Finding]:
    """A warning for a 2021 fee in 万元 so large that it was probably written in 元."""
    active = cells.report.active
    if isinstance(active, Active2021) and active.fees.amount is not None and active.fees.amount > FEE_LIMIT:
        table = cells.spec.table("active")
        yield finding("fee-unit", table, "fees", "amount", actual=active.fees.amount, expected=FEE_LIMIT)


def _requests_text(report: Report) -> list[str]:
    """The paragraphs about applications: subsection 依申请公开 of section 一, else all of section 一."""
    overview = report.overview
    about = [s for s in overview.subsections if "依申请" in s.heading]
    if about:
        return [p for s in about for p in (s.heading, *s.paragraphs)]
    return [*overview.paragraphs, *(p for s in overview.subsections for p in (s.heading, *s.paragraphs))]


def _sentences(paragraphs: list[str]) -> list[str]:
    return [m.group(0).strip() for p in paragraphs for m in _SENTENCE.finditer(p) if m.group(0).strip()]


def _quote(sentence: str, found: re.Match[str]) -> str:
    """*sentence*, or for a long one the phrase *found* in it with some context, '…' where cut."""
    if len(sentence) <= 2 * _QUOTE_CONTEXT + len(found.group(0)):
        return sentence
    start, end = max(found.start() - _QUOTE_CONTEXT, 0), found.end() + _QUOTE_CONTEXT
    return ("…" if start else "") + sentence[start:end] + ("…" if end < len(sentence) else "")


def check_narrative(cells: Cells) -> Iterator[Finding]:
    """Warnings where section 一 says something about applications that table 三 contradicts."""
    report = cells.report
    requests = report.requests
    table = cells.spec.table("requests")
    # Every pattern below holds 申请 or 予以公开, and matches inside one sentence of one paragraph: a
    # paragraph with neither has no sentence to look at.
    sentences = _sentences([p for p in _requests_text(report) if "申请" in p or "予以公开" in p])
    new = requests.new.total
    if new is not None and new > 0:
        for sentence in sentences:
            said = _NONE_RECEIVED.search(sentence)
            if said:
                quote = _quote(sentence, said)
                yield finding("narrative-no-requests", table, "new", "total", actual=new, expected=0, quote=quote)
                break
    # 受理 may count last year's carried-over applications too: either total is accepted.
    yield from _quoted_count(sentences, _RECEIVED, "new", {new, _sum(new, requests.carried_over.total)}, cells)
    yield from _quoted_count(sentences, _GRANTED, "granted", {requests.granted.total}, cells)


def _sum(one: int | None, two: int | None) -> int | None:
    return None if one is None or two is None else one + two


def _quoted_count(
    sentences: list[str], pattern: re.Pattern[str], row: str, allowed: set[int | None], cells: Cells
) -> Iterator[Finding]:
    found = [(int(m.group(1)), _quote(sentence, m)) for sentence in sentences for m in pattern.finditer(sentence)]
    numbers = {number for number, _ in found}
    actual = cells.value(f"requests/{row}/total")
    allowed.discard(None)
    # Only one distinct number quoted, and a printed total to compare with: anything else is ambiguous.
    if len(numbers) != 1 or actual is None or not allowed:
        return
    number, sentence = found[0]
    if number not in allowed:
        table = cells.spec.table("requests")
        yield finding("narrative-count", table, row, "total", actual=actual, expected=number, quote=sentence)
