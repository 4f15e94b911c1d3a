"""The shared corpus parsed cell-exact, as printed and with the quirks of reports in the wild.

Each quirk rewrites a corpus report the way reports in the wild differ, and
rewrites its gold cells by the same rule (a zero printed blank is ``None`` in
the gold), so expected values come from the gold files, never from the parser.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import gia_report
from tests.corpus import DELIMITED, corpus_params, gold, norm, read_text

Gold = dict[str, Any]
_TABLES = re.compile(r"(主动公开政府信息情况[^\n]*\n)(.*?)(\n[^\n]*存在的主要问题及改进情况)", re.S)
_VALUE = re.compile(r"(?P<sep>^|\t|\|)(?P<value>[ \u00a0]*\d+(?:\.\d+)?[ \u00a0]*)(?=\t|\||$)", re.M)


def _in_tables(text: str, change: Callable[[str], str]) -> str:
    """*text* with *change* applied to the part between table 二's heading and section 五."""
    found = _TABLES.search(text)
    assert found is not None, "the corpus report has no tables"
    return text[: found.start(2)] + change(found.group(2)) + text[found.end(2) :]


def _values(text: str, change: Callable[[str], str]) -> str:
    """*text* with *change* applied to every value cell of its tables, in any of the three layouts."""
    return _in_tables(text, lambda tables: _VALUE.sub(lambda m: m.group("sep") + change(m.group("value")), tables))


def _zeros(gold_cells: Gold, value: object) -> Gold:
    return {key: (value if cell is not None and norm(cell) == 0 else cell) for key, cell in gold_cells.items()}


def _full_width(text: str) -> str:
    return text.translate({ord(d): ord(d) + 0xFEE0 for d in "0123456789"})


def quirk_crlf(text: str, cells: Gold) -> tuple[str, Gold]:
    return text.replace("\n", "\r\n"), cells


def quirk_bom(text: str, cells: Gold) -> tuple[str, Gold]:
    return "\ufeff" + text, cells


def quirk_zeros_blank(text: str, cells: Gold) -> tuple[str, Gold]:
    return _values(text, lambda v: "" if v.strip() == "0" else v), _zeros(cells, None)


def quirk_placeholders(text: str, cells: Gold) -> tuple[str, Gold]:
    marks = iter(["/", "—", "-", "－", "无"] * 1000)
    return _values(text, lambda v: next(marks) if v.strip() == "0" else v), _zeros(cells, None)


def quirk_full_width_digits(text: str, cells: Gold) -> tuple[str, Gold]:
    return _values(text, _full_width), cells


def quirk_stray_spaces(text: str, cells: Gold) -> tuple[str, Gold]:
    spaces = iter([" {} ", "{} ", " {}", "{}\u00a0"] * 1000)
    return _values(text, lambda v: next(spaces).format(v.strip())), cells


def quirk_thousands(text: str, cells: Gold) -> tuple[str, Gold]:
    def bigger(value: str) -> str:
        number = value.strip()
        return f"{int(number) * 1000:,}" if number.isdigit() and number != "0" else value

    scaled = {
        key: (cell * 1000 if isinstance(cell, int) and cell and not key.startswith("active/fees") else cell)
        for key, cell in cells.items()
    }
    # Money keeps its value: only whole-number counts are scaled, and fees are printed as they were.
    fees = {k for k, v in cells.items() if k.startswith("active/fees") and v is not None}
    out = _values(text, bigger)
    for key in fees:
        old = str(cells[key])
        if old.isdigit() and old != "0":
            scaled[key] = str(int(old) * 1000)
    return out, scaled


def quirk_traditional_total(text: str, cells: Gold) -> tuple[str, Gold]:
    return text.replace("总计", "總計").replace("组织", "組織"), cells


def quirk_ascii_brackets(text: str, cells: Gold) -> tuple[str, Gold]:
    return _in_tables(text, lambda t: t.replace("（", "(").replace("）", ") ")), cells


def quirk_full_width_brackets(text: str, cells: Gold) -> tuple[str, Gold]:
    return _in_tables(text, lambda t: t.replace("(", "（").replace(")", "）")), cells


def quirk_quotes(text: str, cells: Gold) -> tuple[str, Gold]:
    return text.replace("“三安全一稳定”", '"三安全一稳定"'), cells


def quirk_no_quotes(text: str, cells: Gold) -> tuple[str, Gold]:
    return text.replace("“三安全一稳定”", "三安全一稳定"), cells


def quirk_numbering_comma(text: str, cells: Gold) -> tuple[str, Gold]:
    return _in_tables(text, lambda t: re.sub(r"(?<=[\t|\s])(\d)\.\s?(?=\S)", r"\1、", t)), cells


def quirk_numbering_full_stop(text: str, cells: Gold) -> tuple[str, Gold]:
    return _in_tables(text, lambda t: re.sub(r"(?<=[\t|\s])(\d)\.\s?(?=\S)", r"\1．", t)), cells


def quirk_numbering_space(text: str, cells: Gold) -> tuple[str, Gold]:
    return _in_tables(text, lambda t: re.sub(r"(?<=[\t|\s])(\d)\.\s?(?=\S)", r"\1. ", t)), cells


def quirk_gouji(text: str, cells: Gold) -> tuple[str, Gold]:
    return text.replace("勾稽", "钩稽"), cells


def quirk_page_footer(text: str, cells: Gold) -> tuple[str, Gold]:
    """A page footer between two rows of table 三."""
    for anchor in ("\t4.保护第三方合法权益", "4.保护第三方合法权益", "4. 保护第三方合法权益"):
        at = text.find(anchor)
        if at >= 0:
            break
    assert at >= 0
    line_start = text.rfind("\n", 0, at) + 1
    if text[line_start:at].strip("\t") == "" and text[line_start:at]:
        # Blank-line layout: the row starts at the last blank line before the anchor.
        line_start = text.rfind("\n\n", 0, at) + 1
        return text[:line_start] + "\n- 3 -\n" + text[line_start:], cells
    return text[:line_start] + "- 3 -\n" + text[line_start:], cells


def quirk_page_footer_inside_row(text: str, cells: Gold) -> tuple[str, Gold]:
    """A page footer that breaks a row of table 三 between two of its values."""
    found = re.search(r"4\.\s?保护第三方合法权益", text)
    assert found is not None
    line_end = text.find("\n", found.start())
    for _ in range(3):  # past the label and two values (or, on one line, past the row)
        line_end = text.find("\n", line_end + 1)
    separator = "\n\n- 4 -\n\n" if text[line_end + 1 : line_end + 2] == "\t" else "\n- 4 -\n"
    return text[:line_end] + separator + text[line_end + 1 :], cells


def quirk_all_at_once(text: str, cells: Gold) -> tuple[str, Gold]:
    """Blank zeros, full-width digits, 總計, ASCII brackets, CR LF and a BOM together."""
    for quirk in (quirk_zeros_blank, quirk_full_width_digits, quirk_traditional_total, quirk_ascii_brackets):
        text, cells = quirk(text, cells)
    return quirk_bom(*quirk_crlf(text, cells))


def quirk_wrapped_label(text: str, cells: Gold) -> tuple[str, Gold]:
    """A label cell with a line break in it: the row's label is split over two lines."""
    wrapped = _in_tables(text, lambda t: re.sub(r"(只计这一情形[，,])\s*(不计其他情形)", "\\1\n\\2", t))
    assert wrapped != text
    return wrapped, cells


def quirk_web_furniture(text: str, cells: Gold) -> tuple[str, Gold]:
    return _in_tables(text, lambda t: "扫一扫在手机上查看当前页面\n" + t), cells


QUIRKS = [value for name, value in sorted(globals().items()) if name.startswith("quirk_")]


def _check(path: Path, text: str, cells: Gold) -> None:
    report = gia_report.parse(text)
    got = {f"{r['table']}/{r['row']}/{r['column']}": r["value"] for r in gia_report.to_records(report)}
    wrong = {key: (want, got.get(key, "<missing>")) for key, want in cells.items() if norm(got.get(key)) != norm(want)}
    assert not wrong, f"{path.name}: {len(wrong)} cells wrong, e.g. {dict(list(wrong.items())[:5])}"
    expected = gold(path)
    assert not [key for key in cells if key not in got], "cells of the gold file missing from the records"
    assert report.agency == expected["agency"]
    assert report.year == expected["year"]
    assert report.format_version == expected["format_version"]


@pytest.mark.parametrize("path", corpus_params())
def test_corpus_cell_exact(path: Path) -> None:
    """Every corpus report parses to exactly its gold cells, agency, year and format."""
    _check(path, read_text(path), gold(path)["cells"])


@pytest.mark.parametrize("quirk", QUIRKS, ids=lambda q: q.__name__.removeprefix("quirk_"))
@pytest.mark.parametrize("path", corpus_params(*DELIMITED))
def test_corpus_with_quirk(path: Path, quirk: Callable[[str, Gold], tuple[str, Gold]]) -> None:
    """A corpus report rewritten with one quirk of the wild still parses to its (rewritten) gold."""
    text, cells = quirk(read_text(path), gold(path)["cells"])
    _check(path, text, cells)


@pytest.mark.parametrize("path", corpus_params())
def test_corpus_layout_detected(path: Path) -> None:
    """The layout detected is the one the gold file names."""
    # The real reports are text extracted from PDF files, which gia_report reads as the space layout.
    expected = gold(path).get("layout", "space" if path.parent.name == "real" else None)
    assert expected is not None, "the gold file names no layout"
    assert str(gia_report.parse_with_notes(read_text(path)).layout) == expected
