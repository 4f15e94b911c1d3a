"""Hostile and huge input: every entry point raises only its own located, bounded error, and check never raises.

The texts are the shared corpus (tests/corpus.py) changed the ways a fuzzer found trouble with: numbers of
thousands of digits, inserted code points, NUL bytes, deep nesting, truncation and random mutation.
"""

from __future__ import annotations

import pickle
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from types import FrameType
from typing import TypeVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gia_report
from gia_report.catalog import ESCAPE
from gia_report.errors import ParseError
from tests.corpus import corpus_files, read_text

CORPUS = corpus_files()
#: The corpus texts, read once.
TEXTS = [read_text(path) for path in CORPUS]
T = TypeVar("T")
E = TypeVar("E", bound=Exception)
needs_corpus = pytest.mark.skipif(not CORPUS, reason="no shared corpus")


def _corpus_text(index: int = 0) -> str:
    return read_text(CORPUS[index])


def _quiet_tab_report() -> str:
    """The first corpus report in the tab layout that parses without a note (so strict mode passes it)."""
    return next(
        text for text in map(read_text, CORPUS) if "予以公开\t" in text and not gia_report.parse_with_notes(text).notes
    )


def _lines(error: ParseError) -> list[str]:
    return str(error).split("\n")


# --- ParseError shows a window of a long line -------------------------------------------


class TestParseErrorWindow:
    """A ParseError on a huge line shows 120 characters of it, the caret under the right one."""

    def test_window_around_the_column(self) -> None:
        """Sixty characters before the column and sixty from it, '…' at both cuts, the caret under the character."""
        line = "a" * 1_000_000 + "X" + "b" * 1_000_000
        error = ParseError("bad", line=7, column=1_000_001, source_line=line)
        assert _lines(error) == [
            "bad (line 7, column 1000001)",
            "  …" + "a" * 60 + "X" + "b" * 59 + "…",
            "  " + " " * 61 + "^",
        ]

    def test_wide_characters_in_the_window(self) -> None:
        """Near the end the window reaches back to fill 120 characters; each CJK one takes two caret columns."""
        line = "中" * 5000 + "X" + "中" * 10
        error = ParseError("bad", line=1, column=5001, source_line=line)
        assert _lines(error)[1:] == ["  …" + "中" * 109 + "X" + "中" * 10, "  " + " " * (1 + 2 * 109) + "^"]

    def test_start_of_a_long_line(self) -> None:
        """At the start of a long line the first 120 characters are shown, cut after."""
        error = ParseError("bad", line=1, column=1, source_line="y" * 500)
        assert _lines(error)[1:] == ["  " + "y" * 120 + "…", "  ^"]

    def test_short_line_is_shown_whole(self) -> None:
        """A line shorter than the window is shown whole, with no '…', tabs expanded."""
        error = ParseError("bad", line=2, column=5, source_line="ab\tc中de")
        assert _lines(error)[1:] == ["  ab  c中de", "       ^"]

    def test_column_past_the_end(self) -> None:
        """A column past the end of a long line shows its last 120 characters, the caret just after them."""
        error = ParseError("bad", line=2, column=500, source_line="x" * 300)
        assert _lines(error)[1:] == ["  …" + "x" * 120, "  " + " " * 121 + "^"]

    def test_long_message_is_cut_in_the_middle(self) -> None:
        """A message of 2 MB shows its start and its end around '…', 1000 characters in all."""
        message = "s" * 1_000_000 + "e" * 1_000_000
        error = ParseError(message, line=1)
        assert _lines(error)[0] == "s" * 499 + "…" + "e" * 500 + " (line 1, column 1)"

    def test_pickles_with_the_whole_line(self) -> None:
        """A windowed ParseError pickles with its whole line and message, and renders the same."""
        error = ParseError("m" * 5000, line=3, column=70_000, source_line="中" * 100_000)
        again = pickle.loads(pickle.dumps(error))
        assert (again.source_line, again.msg, again.column, str(again)) == (
            "中" * 100_000,
            "m" * 5000,
            70_000,
            str(error),
        )

    @needs_corpus
    def test_strict_error_on_a_2_mb_cell_is_bounded(self) -> None:
        """Strict parsing of a row with a 2 MB number raises an unreadable-cell ParseError of bounded length."""
        text = _quiet_tab_report()
        row = next(line for line in text.split("\n") if "予以公开\t" in line)
        cells = row.split("\t")
        cells[3] = "9" * 2_000_000
        with pytest.raises(ParseError) as caught:
            gia_report.parse(text.replace(row, "\t".join(cells)), strict=True)
        assert "[unreadable-cell]" in str(caught.value)
        assert len(str(caught.value)) < 1000

    def test_binary_data_far_into_a_line(self) -> None:
        """A control character 100 000 characters into a line has the caret under it (shown as U+FFFD)."""
        with pytest.raises(ParseError) as caught:
            gia_report.parse("甲" * 100_000 + "\x01" + "乙" * 10)
        assert _lines(caught.value)[1:] == [
            "  …" + "甲" * 109 + "\N{REPLACEMENT CHARACTER}" + "乙" * 10,
            "  " + " " * (1 + 2 * 109) + "^",
        ]


# --- Titles and names with inserted code points -----------------------------------------


@needs_corpus
class TestInsertedCodePoints:
    """Code points a title cannot hold make the line not a title; they never trip the model's validator."""

    def _title_line(self, text: str) -> str:
        return next(line for line in text.splitlines() if "年" in line and line.strip())

    @pytest.mark.parametrize("inserted", ["\u200b", "\u200b\u200b", "\u3000", "\u2028", "\ufeff"])
    def test_in_the_title(self, inserted: str) -> None:
        """An escape mark, a separator or a BOM inside the title gives a report, with no escape mark in its title."""
        text = _corpus_text()
        line = self._title_line(text)
        report = gia_report.parse(text.replace(line, line[:2] + inserted + line[2:], 1))
        assert "\u200b" not in (report.title or "")

    def test_read_title_refuses_what_the_model_refuses(self) -> None:
        """read_title names nothing for a title with a space, a control character or the escape mark."""
        from gia_report.catalog import ESCAPE, read_title

        title = "某局2023年政府信息公开工作年度报告"
        assert read_title(title) == ("某局", 2023)
        for inserted in (ESCAPE, " ", "\x01", "\x7f", "\n"):
            assert read_title("某" + inserted + title[1:]) is None
            assert read_title(title + inserted) is None

    def test_in_the_agency_named_by_the_preamble(self) -> None:
        """A preamble naming an agency with the escape mark inside gives a report, not an internal error."""
        text = _corpus_text()
        body = text[text.index("\n", text.index("报告")) :]
        changed = "现将\u200b某局2023年度政府信息公开工作年度报告如下。\n" + body
        report = gia_report.parse(changed)
        assert report.title is None or "\u200b" not in report.title


@needs_corpus
@pytest.mark.parametrize("cut", ["。", "：", ":"])
def test_a_bare_numeral_before_a_full_stop(cut: str) -> None:
    """A section 一 line '二 。…' (its heading words deleted, as the mutation suite found) reads as a paragraph."""
    text = next(text for text in TEXTS if "\n二 依申请公开方面。" in text)
    report = gia_report.parse(text.replace("\n二 依申请公开方面。", f"\n二 {cut}", 1))
    assert all(subsection.heading != "二" for subsection in report.overview.subsections)


# --- A line of 64 KB of zeros --------------------------------------------------------------


class _TooSlow(BaseException):
    """Raised by the alarm: a BaseException, so that parse cannot take it for an error of its own."""


@contextmanager
def _hang_guard(seconds: float) -> Iterator[None]:
    """Stop the block after *seconds*: a guard against a hang (work that grows with the square of the
    input), not a timing; the block is expected to take a hundredth of that."""

    def stop(signum: int, frame: FrameType | None) -> None:
        raise _TooSlow

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _TooSlow:
        pytest.fail(f"still running after {seconds} s: the work grows faster than the input")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@needs_corpus
@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs SIGALRM")
class TestLongValueLines:
    """A table line of 64 KB of zeros is read in time linear in its length."""

    def _with_line(self, line: str) -> str:
        text = _quiet_tab_report()
        row = next(row for row in text.split("\n") if "予以公开\t" in row)
        return text.replace(row, row + "\n" + line, 1)

    def test_zeros_without_spaces(self) -> None:
        """A line of 65 536 zeros in table 三 parses (it is one unreadable number or an unplaced line)."""
        with _hang_guard(10):
            gia_report.parse_with_notes(self._with_line("0" * 65_536))

    def test_zeros_separated_by_spaces(self) -> None:
        """A line of 32 768 zeros separated by spaces and ending in a word parses in time linear in its length."""
        with _hang_guard(5):
            gia_report.parse_with_notes(self._with_line("0 " * 32_768 + "件"))


# --- Random mutation of the corpus --------------------------------------------------------

#: Examples per mutation test: the profile's number, at most 300 (a parse and a check cost milliseconds;
#: the huge insertions more), so the four tests stay well under a minute under the ci profile.
EXAMPLES = min(settings().max_examples, 300)

_NASTY = st.sampled_from(
    [
        "\x00",
        "\x01",
        "\x1c",
        "\x7f",
        ESCAPE,
        "\ufeff",
        "\u2028",
        "\u202e",
        "\u3000",
        "\u0301",
        "\ud800",
        "\U0001f600",
        "\t",
        "\n",
        "\r",
        "\v",
        "\f",
        " | ",
        "０",
        "9" * 19,
        "9" * 4301,
        "9" * 20_000,
        "1," * 3000 + "1",
        "（" * 5000,
        "[" * 5000 + "]" * 10,
        "{" * 2000,
        "<a>" * 2000,
        "中" * 20_000,
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "（一）予以公开",
        "总计",
        "2023年政府信息公开工作年度报告",
    ]
)


@st.composite
def _mutated(draw: st.DrawFn, text: str) -> str:
    """*text* with one to four random edits: code points put in or replaced, spans cut, lines doubled, an end cut."""
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "nasty", "replace", "delete", "line", "truncate"]))
        if kind == "insert":
            text = text[:at] + draw(st.text(max_size=8)) + text[at:]
        elif kind == "nasty":
            text = text[:at] + draw(_NASTY) + text[at:]
        elif kind == "replace":
            text = text[:at] + draw(st.characters()) + text[at + 1 :]
        elif kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 200)) :]
        elif kind == "line":
            lines = text.split("\n")
            line = lines[at % len(lines)]
            lines.insert(draw(st.integers(0, len(lines))), line)
            text = "\n".join(lines)
        else:
            text = text[:at]
    return text


@st.composite
def _mutated_bytes(draw: st.DrawFn, data: bytes) -> bytes:
    """*data* with one to four random byte edits: bytes flipped, NUL put in, spans cut, the end cut."""
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["flip", "nul", "insert", "delete", "truncate"]))
        if kind == "flip":
            data = data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1 :]
        elif kind == "nul":
            data = data[:at] + b"\x00" + data[at:]
        elif kind == "insert":
            data = data[:at] + draw(st.binary(max_size=8)) + data[at:]
        elif kind == "delete":
            data = data[:at] + data[at + draw(st.integers(1, 200)) :]
        else:
            data = data[:at]
    return data


@cache
def _written(index: int, fmt: str) -> str:
    """Corpus report *index* parsed and written as *fmt* (once: the tests draw the same ones again)."""
    written = gia_report.dumps(gia_report.parse(TEXTS[index]), fmt)
    assert isinstance(written, str)
    return written


def _checked(report: gia_report.Report) -> None:
    """check on *report* returns findings, none of them a failed check (which would be a bug)."""
    found = gia_report.check(report)
    assert isinstance(found, gia_report.Findings)
    assert found.by_code("check-failed").flatten("message") == []


def _attempt(run: Callable[[], T], error: type[E]) -> T | E:
    """What *run* returns, or the *error* it raises (any other exception goes on, failing the test)."""
    try:
        return run()
    except error as caught:
        return caught


def _parsed(text: str | bytes, *, strict: bool = False) -> gia_report.ParseResult | None:
    """parse_with_notes of *text*, or None when it raises a bounded ParseError that is not an internal error."""
    outcome = _attempt(lambda: gia_report.parse_with_notes(text, strict=strict), ParseError)
    if isinstance(outcome, ParseError):
        assert "internal error" not in outcome.msg, outcome.msg
        assert len(str(outcome)) <= 2000
        return None
    return outcome


@needs_corpus
@settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_mutated_text_raises_only_parse_error(data: st.DataObject) -> None:
    """A corpus text mutated at random parses or raises a bounded ParseError, and check never raises on the report."""
    text = data.draw(_mutated(data.draw(st.sampled_from(TEXTS))))
    result = _parsed(text, strict=data.draw(st.booleans()))
    if result is not None:
        _checked(result.report)


@needs_corpus
@settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_mutated_bytes_raise_only_parse_error(data: st.DataObject) -> None:
    """A corpus text as UTF-8 or GB 18030 bytes, mutated at random, parses or raises ParseError only."""
    encoding = data.draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]))
    raw = data.draw(_mutated_bytes(data.draw(st.sampled_from(TEXTS)).encode(encoding)))
    result = _parsed(raw)
    if result is not None:
        _checked(result.report)


@needs_corpus
@settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_mutated_json_raises_only_serialization_error(data: st.DataObject) -> None:
    """The JSON of a corpus report, mutated at random, reads or raises a bounded SerializationError only."""
    text = data.draw(_mutated(_written(data.draw(st.sampled_from(range(len(TEXTS)))), "json")))
    outcome = _attempt(lambda: gia_report.loads(text, "json"), gia_report.SerializationError)
    if isinstance(outcome, gia_report.SerializationError):
        assert len(str(outcome)) <= 1000
    else:
        _checked(outcome)


@needs_corpus
@settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_mutated_xml_raises_only_parse_error(data: st.DataObject) -> None:
    """The XML of a corpus report, mutated at random, reads or raises a bounded ParseError only."""
    text = data.draw(_mutated(_written(data.draw(st.sampled_from(range(len(TEXTS)))), "xml")))
    outcome = _attempt(lambda: gia_report.loads(text, "xml"), ParseError)
    if isinstance(outcome, ParseError):
        assert len(str(outcome)) <= 2000
    else:
        _checked(outcome)


@needs_corpus
@pytest.mark.parametrize(
    ("fmt", "error"), [("json", gia_report.SerializationError), ("xml", ParseError)], ids=["json", "xml"]
)
@pytest.mark.parametrize("depth", [1000, 1_000_000])
def test_deep_nesting_in_a_document(fmt: str, error: type[Exception], depth: int) -> None:
    """A document with nesting a million deep put inside raises the reader's own error, not RecursionError."""
    report = gia_report.parse(TEXTS[0])
    text = gia_report.dumps(report, fmt)
    assert isinstance(text, str)
    opening, closing = ("[", "]") if fmt == "json" else ("<p>", "</p>")
    at = text.index("\n", len(text) // 2)
    with pytest.raises(error):
        gia_report.loads(text[:at] + opening * depth + closing * depth + text[at:], fmt)
