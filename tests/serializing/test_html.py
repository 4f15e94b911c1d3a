"""The HTML writer: a complete page whose tables have the spans the national template prints."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from lxml import html

import gia_report
from gia_report.catalog import ESCAPE, FormatVersion

from ..corpus import CORPUS

PUBLISHED = CORPUS / "published" / "html"


def _report(version: FormatVersion = "2021", **fields: Any) -> gia_report.Report:
    return gia_report.Report(format_version=version, agency="某局", year=2023 if version == "2021" else 2020, **fields)


def _page(report: gia_report.Report) -> Any:
    return html.document_fromstring(gia_report.dumps(report, "html"))


def _text(element: Any) -> str:
    return re.sub(r"\s+", "", element.text_content())


def _shape(table: Any) -> list[list[tuple[int, int, str | None]]]:
    """Each row's cells as (rowspan, colspan, label text), the text None for a cell holding a number or nothing."""
    rows = []
    for tr in table.iter("tr"):
        cells = []
        for td in tr:
            text = _text(td).replace("\xa0", "")
            label = None if re.fullmatch(r"[0-9.元]*", text) else text
            cells.append((int(td.get("rowspan", "1")), int(td.get("colspan", "1")), label))
        rows.append(cells)
    return rows


def _real_tables(name: str) -> list[Any]:
    path = PUBLISHED / name
    if not path.exists():
        pytest.skip(f"no published page at {path}")
    page = html.document_fromstring(path.read_bytes())
    return [table for table in page.iter("table") if len(table.findall(".//tr")) >= 3]


def _spans(shape: list[list[tuple[int, int, str | None]]]) -> list[list[tuple[int, int]]]:
    return [[(rowspan, colspan) for rowspan, colspan, _ in row] for row in shape]


def test_page_is_a_utf8_document_with_the_title() -> None:
    """The page declares its charset, names the report in <title> and <h1>, and has the six headings in order."""
    text = gia_report.dumps(_report(), "html")
    assert text.startswith("<!DOCTYPE html>\n")
    assert '<meta charset="utf-8">' in text
    page = html.document_fromstring(text)
    assert page.findtext(".//title") == "某局2023年政府信息公开工作年度报告"
    assert _text(page.find(".//h1")) == "某局2023年政府信息公开工作年度报告"
    assert [_text(h2) for h2 in page.iter("h2")] == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]
    tables = page.findall(".//table")
    assert len(tables) == 3
    assert all(table.get("border") == "1" for table in tables)


def test_tables_follow_their_headings() -> None:
    """Each table stands right after its section heading, in document order."""
    body = _page(_report()).find("body")
    order = [(child.tag, _text(child)[:2]) for child in body if child.tag in ("h2", "table")]
    assert order == [
        ("h2", "一、"),
        ("h2", "二、"),
        ("table", "第二"),
        ("h2", "三、"),
        ("table", "（本"),
        ("h2", "四、"),
        ("table", "行政"),
        ("h2", "五、"),
        ("h2", "六、"),
    ]


def test_2021_tables_have_the_spans_of_a_real_template_page() -> None:
    """The three tables' rowspans and colspans match a real agency page printed from the 2021 template."""
    real = _real_tables("101_ptzhsyqhzs_2024.html")
    written = _page(_report()).findall(".//table")
    for ours, theirs in zip(written, real, strict=True):
        assert _spans(_shape(ours)) == _spans(_shape(theirs))


def test_2019_active_and_appeals_have_the_spans_of_a_real_page() -> None:
    """The 2019 table 二 (5 blocks, the two-column rows stretched) and table 四 match a real 2019 page."""
    real = _real_tables("003_pingtan_2019.html")
    written = _page(_report("2019")).findall(".//table")
    assert _spans(_shape(written[0])) == _spans(_shape(real[0]))
    assert _spans(_shape(written[2])) == _spans(_shape(real[2]))


def test_requests_header_and_groups() -> None:
    """Table 三 opens with the 勾稽 note over 3×3, 申请人情况 over 7, and draws its groups as rowspans."""
    shape = _shape(_page(_report()).findall(".//table")[1])
    assert shape[0] == [
        (3, 3, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"),
        (1, 7, "申请人情况"),
    ]
    assert shape[1] == [(2, 1, "自然人"), (1, 5, "法人或其他组织"), (2, 1, "总计")]
    assert shape[2] == [(1, 1, label) for label in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")]
    assert shape[3][0] == (1, 3, "一、本年新收政府信息公开申请数量")
    assert shape[5][:2] == [(22, 1, "三、本年度办理结果"), (1, 2, "（一）予以公开")]
    assert shape[7][:2] == [(8, 1, "（三）不予公开"), (1, 1, "1.属于国家秘密")]
    assert shape[15][:2] == [(3, 1, "（四）无法提供"), (1, 1, "1.本机关不掌握相关政府信息")]
    assert shape[18][:2] == [(5, 1, "（五）不予处理"), (1, 1, "1.信访举报投诉类申请")]
    assert shape[23][0] == (3, 1, "（六）其他处理")
    assert shape[26][0] == (1, 2, "（七）总计")
    assert shape[27][0] == (1, 3, "四、结转下年度继续办理")
    assert all(len(row) == 1 + 7 for row in shape[3:5] + shape[26:])


def test_one_row_other_handling() -> None:
    """With （六）其他处理 as one row (2019, and the 2021 hybrid), it is a label over two columns in the outcomes."""
    for report in (_report("2019"), gia_report.loads(gia_report.dumps(_hybrid(), "json"))):
        shape = _shape(_page(report).findall(".//table")[1])
        assert shape[5][0] == (20, 1, "三、本年度办理结果")
        assert shape[23][0] == (1, 2, "（六）其他处理")
        assert len(shape) == 26


def _hybrid() -> gia_report.Report:
    requests = gia_report.Requests(
        other_no_correction=None,
        other_unpaid_fees=None,
        other_other=None,
        other_handling=gia_report.RequestRow(natural_person=4, total=4),
    )
    return _report(requests=requests)


def test_values_stand_in_their_cells() -> None:
    """Numbers sit in the cell of their key: money in plain decimals, a blank cell empty, appeals in one row."""
    report = _report(
        active=gia_report.Active2021(fees=gia_report.FeeAmount(amount=Decimal("1E+2"))),
        requests=gia_report.Requests(granted=gia_report.RequestRow(natural_person=7, total=7)),
        appeals=gia_report.Appeals(litigation_after_review=gia_report.AppealRow(total=9)),
    )
    active, requests, appeals = _page(report).findall(".//table")
    fee_row = active.findall(".//tr")[-1]
    assert [_text(td) for td in fee_row] == ["行政事业性收费", "100"]
    granted = requests.findall(".//tr")[5]
    assert [_text(td) for td in granted][2:] == ["7", "", "", "", "", "", "7"]
    last = appeals.findall(".//tr")[-1]
    assert [_text(td) for td in last] == [""] * 14 + ["9"]


def test_text_is_escaped() -> None:
    """Markup-like narrative is text on the page, never markup, and reads back as written."""
    nasty = "<script>alert(\"x\")</script> & <b>粗</b> '引'"
    page = _page(_report(problems=(nasty,)))
    assert page.find(".//script") is None and page.find(".//b") is None
    problems = [p.text_content() for p in page.iter("p")]
    assert nasty in problems


def test_spacing_that_html_collapses_is_kept() -> None:
    """A paragraph with a tab or two spaces asks the browser to keep its spacing; others do not."""
    page = _page(_report(problems=("甲\t乙  丙", "平常的一段")))
    styles = {p.text_content(): p.get("style") for p in page.iter("p")}
    assert styles == {"甲\t乙  丙": "white-space:pre-wrap", "平常的一段": None}


def test_structure_like_prose_is_escaped() -> None:
    """A paragraph that reads as a section heading is written after the escape mark, as in the text layouts."""
    page = _page(_report(problems=("二、主动公开政府信息情况",)))
    assert ESCAPE + "二、主动公开政府信息情况" in [p.text_content() for p in page.iter("p")]


def test_loads_finds_html() -> None:
    """A page opening with <!DOCTYPE html> or <html> is HTML; our XML and other markup stay XML."""
    from gia_report.serializing import detect_form

    assert detect_form(gia_report.dumps(_report(), "html")) == "html"
    assert detect_form('<?xml version="1.0"?>\n<!-- saved -->\n<html><body></body></html>') == "html"
    assert detect_form(gia_report.dumps(_report(), "xml")) == "xml"
    assert detect_form("<!DOCTYPE report [<!ENTITY x 'y'>]><report/>") == "xml"
    assert detect_form(gia_report.dumps(_report(), "docx")) == "docx"


def test_writer_imports_nothing_heavy() -> None:
    """Writing HTML imports no module beyond what import gia_report did: no lxml, no xml.sax, urllib or email."""
    import subprocess
    import sys

    code = (
        "import sys, gia_report; before = set(sys.modules); "
        "gia_report.dumps(gia_report.Report(format_version='2021'), 'html'); "
        "print(sorted(m for m in set(sys.modules) - before if m.split('.')[0] in ('lxml', 'xml', 'urllib', 'email')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    lines = (Path(gia_report.__file__).parent / "serializing" / "_html.py").read_text(encoding="utf-8").splitlines()
    assert not [line for line in lines if re.match(r"\s*(?:from|import) (?:xml|lxml)\b", line)]


def test_real_page_oracle_is_what_we_think() -> None:
    """The oracle page is the 2021 template: table 三 has 28 rows and 三、本年度办理结果 spans 22 of them."""
    real = _real_tables("101_ptzhsyqhzs_2024.html")
    shape = _shape(real[1])
    assert len(shape) == 28
    assert shape[5][0][:2] == (22, 1)
