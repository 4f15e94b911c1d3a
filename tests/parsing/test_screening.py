"""The cheap screens of furniture and headings never rule out a line the full tests would accept."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gia_report.catalog import ESCAPE, SECTIONS, read_title
from gia_report.parsing._result import Note
from gia_report.parsing._sections import _may_open, _screened, heading_of, opens_heading
from gia_report.parsing._source import (
    _MAX_CHROME,
    _RESIDUE,
    Line,
    _furniture,
    _may_be_furniture,
    _without_site_footer,
    drop_furniture,
)

# Characters furniture and headings are made of, and some that are neither: spaces of every kind, digits of
# other scripts, dashes, slashes, pipes, icons (private use) and the words of page tools.
_PIECES = st.one_of(
    st.sampled_from(list(" \t\u3000\u00a0|-－—–/第页hHwW:：。况项1234567890١٢３一二三四五六、.．（）【】")),
    st.sampled_from(
        [
            "[bookmark: _GoBack]",
            "某局2023年政府信息公开工作年度报告",
            ESCAPE,
            "版权所有",
            "扫一扫在手机上查看当前页面",
            "打印本页",
            "关闭窗口",
            "【打印】",
            "【关闭】",
            "打印",
            "关闭",
            "http://",
            "www.",
            "2024-01-02 10:30",
            "3/5",
            "- 3 -",
            "第 2 页",
            "共 9 页",
            "\ue000",
        ]
    ),
    st.sampled_from(
        [section.heading for section in SECTIONS]
        + ["总体情况", "其他需要报告的事项", "情况", "一、总体情况：", "总体情况：", "六、其他需要报告的事项。 |"]
    ),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x4E20),
)
_TEXTS = st.lists(_PIECES, max_size=8).map("".join)


@settings(max_examples=300)
@given(_TEXTS)
def test_furniture_screen_keeps_every_furniture_line(text: str) -> None:
    """A line without icons or page tools that `_furniture` would drop passes `_may_be_furniture`."""
    plain = not any("\ue000" <= char <= "\uf8ff" for char in text)
    tools = any(word in text for word in ("扫一扫在手机上查看当前页面", "打印本页", "关闭窗口"))
    if plain and not tools and _furniture(text) is not None:
        assert _may_be_furniture(text.strip())


def _dropped_line_by_line(lines: list[Line]) -> tuple[list[Line], list[Note]]:
    """Furniture dropped as before the screening: every line tested in full."""
    kept: list[Line] = []
    notes: list[Note] = []
    title: str | None = None
    for line in lines:
        stripped = line.text.strip()
        if stripped.startswith(ESCAPE):
            kept.append(line)
            continue
        what = _furniture(line.text)
        if what is None and len(stripped) <= _MAX_CHROME and "报告" in stripped:
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
                Note(code="page-furniture", message=f"word-processor residue {found} dropped", line=line.number)
            )
            line = Line(line.number, _RESIDUE.sub("", line.text))
        kept.append(line)
    return _without_site_footer(lines, kept, notes), notes


@settings(max_examples=300)
@given(st.lists(_TEXTS, max_size=8))
def test_screened_drop_is_the_full_drop(texts: list[str]) -> None:
    """Dropping furniture keeps and notes exactly the lines that testing every line in full does."""
    lines = [Line(number, text) for number, text in enumerate(texts, start=1)]
    assert drop_furniture(lines) == _dropped_line_by_line(lines)


@settings(max_examples=300)
@given(_TEXTS)
def test_heading_screen_keeps_every_heading(text: str) -> None:
    """A line that is a heading, or may open a broken one, passes `_may_open`."""
    line = Line(1, text)
    if heading_of(line) is not None or opens_heading(text):
        assert _may_open(line)


@settings(max_examples=300)
@given(st.lists(_TEXTS, min_size=1, max_size=6))
def test_whole_text_heading_screen_keeps_every_line_may_open_accepts(texts: list[str]) -> None:
    """Each line `_may_open` accepts is among those the one search of the whole text finds."""
    lines = [Line(number, text) for number, text in enumerate(texts, start=1)]
    screened = _screened(lines)
    assert {index for index, line in enumerate(lines) if _may_open(line)} <= screened


def test_label_end_is_the_class_it_spells_out() -> None:
    """The one class of a label's end is the alternation it replaced, over every code point."""
    import re

    from gia_report.parsing._layout_collapsed import LABEL_END

    spelt, alternation = re.compile(LABEL_END), re.compile(r"""(?:[^\x00-\x7f\s]|[)\]"'])""")
    differ = [
        hex(code)
        for code in range(0x110000)
        if (spelt.fullmatch(chr(code)) is None) != (alternation.fullmatch(chr(code)) is None)
    ]
    assert differ == []


_COLLAPSED_PIECES = st.one_of(
    st.sampled_from(list(" \t\u3000\u00a0\"'“”)]）|-－—–−─/／0123456789０１９.,，、名称件a")),
    st.sampled_from(["行政许可", "本年新收政府信息公开申请数量", "1096", "0000000", "—", "\ue000"]),
)


@settings(max_examples=500)
@given(st.lists(_COLLAPSED_PIECES, max_size=24).map("".join))
def test_collapsed_screen_keeps_every_line_the_full_test_would(text: str) -> None:
    """The screens in front of the collapsed-text tests count at least their matches and find every glued run."""
    from gia_report.parsing import _layout_collapsed as collapsed

    screened = collapsed._MAY_LABEL_THEN_VALUE.findall(text)
    assert len(screened) >= len(collapsed._LABEL_THEN_VALUE.findall(text))
    if collapsed._GLUED_RUN.search(text):
        assert collapsed._MAY_GLUED_RUN.search(text)


_LABEL_PIECES = st.one_of(
    _COLLAPSED_PIECES,
    st.sampled_from(
        ["重复申请", "不予公开", "國家秘密", "属于国家", "秘密", "“三安全一稳定”", "三 安全", "（一）", "1."]
    ),
    st.text(max_size=3),
)


@settings(max_examples=500)
@given(st.lists(_LABEL_PIECES, max_size=24).map("".join))
def test_collapsed_label_screen_keeps_every_line_with_a_label(text: str) -> None:
    """The one-search screen for a label of table requests finds one wherever the label-by-label search does, and
    the fold by translation is the fold character by character."""
    from gia_report.parsing import _layout_collapsed as collapsed

    folded = collapsed._fold(text)[0]
    assert collapsed._folded(text) == folded
    if list(collapsed._occurrences(folded, collapsed._evidence_bodies())):
        assert collapsed._any_body().search(folded)


def test_collapsed_label_screen_finds_each_label() -> None:
    """Each label body alone, and inside other text, passes the screen (a screen that found none would pass)."""
    from gia_report.parsing import _layout_collapsed as collapsed

    for body in collapsed._evidence_bodies():
        assert collapsed._any_body().search(f"某{body}12")
    assert collapsed._any_body().search("主动公开政府信息12条") is None
