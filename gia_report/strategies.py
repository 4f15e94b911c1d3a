"""Hypothesis strategies that draw realistic reports, for this library's tests and yours.

This is the only module that imports hypothesis (``pip install gia-report[test]``).
Reports are drawn bottom-up, so they shrink well: the parts first, then every
total computed from them, so a report drawn with ``consistent=True`` satisfies
every identity of FORMAT.md §3 (blanks count as 0).

>>> from hypothesis import given
>>> from gia_report.strategies import reports
>>> @given(reports(format_version="2021"))
... def test_something(report): ...

.. versionadded:: 0.1
"""

from __future__ import annotations

from functools import cache
from typing import Any

from hypothesis import strategies as st

from .catalog import ESCAPE, FORMATS, SECTIONS, Column, FormatVersion
from .model import Overview, Report, Subsection
from .records import cell_layout, printed_rows, report_from_cells

__all__ = ["cell_values", "narrative_texts", "reports"]

# Characters of real narrative text: CJK, CJK punctuation, digits, Latin letters, and the
# characters that the text layouts use as structure (tabs, pipes, brackets).
_ALPHABET = st.one_of(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5),
    st.sampled_from("，。、；：？！“”‘’（）《》〈〉【】〔〕—…·％（一）二三四五六七八九十"),
    st.sampled_from("0123456789 abcXYZ.,:;()|/-%\t"),
)


# Lines met in real narrative that look like something else: headings, sub-headings, table rows,
# page furniture, titles, the preamble's naming of the agency.
_LOOKALIKES = (
    *(section.heading for section in SECTIONS),
    "1、 总体情况",
    "（一）主动公开情况",
    "一 主动公开方面。全年主动公开信息32条。",
    "三、本年度办理结果",
    "规章\t0\t0\t0",
    "规章 | 0 | 0 | 0 |",
    "一、本年新收政府信息公开申请数量 21 0 0 0 0 0 21",
    "- 3 -",
    "第 2 页",
    "扫一扫在手机上查看当前页面",
    "[bookmark: _GoBack]2023年，本局认真落实条例。",
    "某局2023年政府信息公开工作年度报告",
    "现将某局(以下简称“本局”)2023年度政府信息公开工作报告如下。",
    "根据《中华人民共和国政府信息公开条例》要求，编制本报告。",
    ESCAPE + "以标记开头的一行",
)


def narrative_texts(*, min_size: int = 1, max_size: int = 60) -> st.SearchStrategy[str]:
    """One paragraph of narrative text: no line break, and not blank.

    Most are random text of CJK characters, punctuation, digits, Latin
    letters, tabs and pipes; some are lines of real reports that look like
    headings, sub-headings, table rows, page furniture or a title.

    .. versionadded:: 0.1
    """
    random = st.text(_ALPHABET, min_size=min_size, max_size=max_size).map(str.strip).filter(bool)
    lookalikes = [text for text in _LOOKALIKES if min_size <= len(text) <= max_size]
    return st.one_of(random, st.sampled_from(lookalikes)) if lookalikes else random


def cell_values(column: Column, *, blanks: bool = True, max_value: int = 10_000) -> st.SearchStrategy[Any]:
    """A value of a cell of *column*: an int, a Decimal for money, or None when *blanks*.

    .. versionadded:: 0.1
    """
    return _cell_values(column.kind, blanks, max_value)


# Strategies are immutable: build one per kind of cell, not one per cell drawn (validating a new
# strategy costs more than drawing from it).
@cache
def _cell_values(kind: str, blanks: bool, max_value: int) -> st.SearchStrategy[Any]:
    if kind == "money":
        values: st.SearchStrategy[Any] = st.decimals(
            min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False
        )
    elif kind == "signed":
        values = st.integers(min_value=-max_value, max_value=max_value)
    else:
        values = st.integers(min_value=0, max_value=max_value)
    return st.one_of(st.none(), values) if blanks else values


@st.composite
def _cells(draw: st.DrawFn, version: FormatVersion, one_row: bool, consistent: bool, blanks: bool) -> dict[str, Any]:
    spec = FORMATS[version]
    layout = list(cell_layout(version, other_as_one_row=one_row))
    cells: dict[str, Any] = {}
    for table, row, column in layout:
        cells[f"{table.key}/{row.key}/{column.key}"] = draw(cell_values(column, blanks=blanks, max_value=500))
    if consistent:
        _make_consistent(draw, spec.version, one_row, cells, blanks)
    return cells


def _value(cells: dict[str, Any], key: str) -> int:
    return int(cells.get(key) or 0)


def _make_consistent(
    draw: st.DrawFn, version: FormatVersion, one_row: bool, cells: dict[str, Any], blanks: bool
) -> None:
    """Compute every total of *cells* from its parts, so that each identity holds."""
    spec = FORMATS[version]
    requests = spec.table("requests")
    outcome_rule = next(rule for rule in spec.identities if rule.code == "outcomes-sum")
    outcomes = list(outcome_rule.parts)
    if one_row and version == "2021":
        replaced = requests.row("other_handling").replaces
        outcomes = [key for key in outcomes if key not in replaced] + ["other_handling"]
    applicants = next(rule for rule in spec.identities if rule.code == "row-total").parts
    for column in applicants:
        handled = sum(_value(cells, f"requests/{row}/{column}") for row in outcomes)
        cells[f"requests/outcomes_total/{column}"] = handled
        forward = _value(cells, f"requests/carried_forward/{column}")
        over = draw(st.integers(min_value=0, max_value=handled + forward))
        cells[f"requests/carried_over/{column}"] = over if over or not blanks else draw(st.sampled_from([0, None]))
        cells[f"requests/new/{column}"] = handled + forward - over
    printed = {row.key for table, row in printed_rows(version, other_as_one_row=one_row) if table.key == "requests"}
    for key in printed:
        cells[f"requests/{key}/total"] = sum(_value(cells, f"requests/{key}/{c}") for c in applicants)
    for row in spec.table("appeals").rows:
        parts = ("upheld", "corrected", "other", "pending")
        cells[f"appeals/{row.key}/total"] = sum(_value(cells, f"appeals/{row.key}/{c}") for c in parts)


_AGENCIES = ("某某市人民政府办公室", "某某区政务服务和大数据管理局", "某县人民政府", "某某开发区管委会")
_TITLES = (
    "{agency}{year}年政府信息公开工作年度报告",
    "{agency}{year}年度政府信息公开工作年度报告",
    "{agency}{year}年信息公开工作年度报告",
    "{agency}{year}年政府信息公开工作年度报告（{year}年1月1日至12月31日）",
)


def _agency_like(text: str) -> bool:
    # An agency name is one word of the title: no spaces, digits or brackets.
    return not any(ch.isspace() or ch.isdigit() or ch in "（）()" + ESCAPE for ch in text)


@st.composite
def _metadata(draw: st.DrawFn, version: FormatVersion) -> tuple[str | None, int | None, str | None]:
    """Agency, year and a title naming them, as reports print them; now and then none of the three."""
    if draw(st.integers(0, 9)) == 0:
        return None, None, None
    year = draw(st.integers(2019, 2020) if version == "2019" else st.integers(2021, 2030))
    names = st.one_of(st.none(), st.sampled_from(_AGENCIES), narrative_texts(max_size=20).filter(_agency_like))
    agency = draw(names)
    title = draw(st.sampled_from(_TITLES)).format(agency=agency or "", year=year)
    return agency, year, title


@st.composite
def _overview(draw: st.DrawFn) -> Overview:
    headings = [
        "（一）主动公开",
        "（二）依申请公开",
        "（三）政府信息管理",
        "（四）政府信息公开平台建设",
        "（五）监督保障",
    ]
    count = draw(st.integers(min_value=0, max_value=len(headings)))
    return Overview(
        paragraphs=tuple(draw(st.lists(narrative_texts(), max_size=2))),
        subsections=tuple(
            Subsection(heading=heading, paragraphs=tuple(draw(st.lists(narrative_texts(), max_size=2))))
            for heading in headings[:count]
        ),
    )


@st.composite
def reports(
    draw: st.DrawFn,
    format_version: FormatVersion | None = None,
    *,
    consistent: bool = True,
    blanks: bool = True,
    hybrid: bool | None = None,
) -> Report:
    """A valid `Report` of *format_version* (either format when ``None``).

    With *consistent* (the default) every identity holds, blanks counting as
    0; with *blanks*, cells are sometimes blank (``None``). *hybrid* draws a
    2021 report that prints （六）其他处理 as one row (``True``), one that does
    not (``False``), or either (``None``).

    .. versionadded:: 0.1
    """
    version: FormatVersion = format_version if format_version is not None else draw(st.sampled_from(tuple(FORMATS)))
    one_row = version == "2019" or (draw(st.booleans()) if hybrid is None else hybrid)
    cells = draw(_cells(version, one_row, consistent, blanks))
    agency, year, title = draw(_metadata(version))
    return report_from_cells(
        version,
        cells,
        other_as_one_row=one_row,
        agency=agency,
        year=year,
        title=title,
        preamble=tuple(draw(st.lists(narrative_texts(), max_size=2))),
        overview=draw(_overview()),
        problems=tuple(draw(st.lists(narrative_texts(), max_size=3))),
        other_matters=tuple(draw(st.lists(narrative_texts(), max_size=3))),
    )
