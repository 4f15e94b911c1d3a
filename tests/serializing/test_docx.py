"""The Word writer: a minimal valid package whose tables merge their cells as the national template does."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from lxml import etree

import gia_report
from gia_report.catalog import FORMAT_VERSIONS, FormatVersion
from gia_report.strategies import reports

from ..property.test_roundtrip import _same

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _report(version: FormatVersion = "2021", **fields: Any) -> gia_report.Report:
    return gia_report.Report(format_version=version, agency="某局", year=2023 if version == "2021" else 2020, **fields)


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _body(report: gia_report.Report) -> Any:
    document = etree.fromstring(_members(gia_report.dumps(report, "docx"))["word/document.xml"])
    return document.find(f"{W}body")


def _text(element: Any) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


def _val(element: Any, path: str) -> str | None:
    found = element.find(path)
    return None if found is None else found.get(f"{W}val", "")


def test_package_is_complete_and_well_formed() -> None:
    """The package has its content types, relationships, document, styles and core properties, all well-formed."""
    members = _members(gia_report.dumps(_report(), "docx"))
    assert list(members) == [
        "[Content_Types].xml",
        "_rels/.rels",
        "docProps/core.xml",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
    ]
    for data in members.values():
        etree.fromstring(data)  # raises on anything not well-formed
    types = members["[Content_Types].xml"].decode()
    assert 'PartName="/word/document.xml"' in types and "wordprocessingml.document.main+xml" in types
    assert b'Target="word/document.xml"' in members["_rels/.rels"]
    assert "某局2023年政府信息公开工作年度报告".encode() in members["docProps/core.xml"]


def test_bytes_are_reproducible() -> None:
    """The same report gives the same bytes, and dumps returns bytes for docx."""
    first = gia_report.dumps(_report(), "docx")
    assert isinstance(first, bytes)
    assert first == gia_report.dumps(_report(), "docx")


def test_template_order_with_captions() -> None:
    """Title, then the six headings in order, each table right after its heading and captioned with it."""
    body = _body(_report())
    order = []
    for child in body:
        if child.tag == f"{W}p":
            style = _val(child, f"{W}pPr/{W}pStyle")
            if style in ("Title", "Heading1"):
                order.append((style, _text(child)))
        elif child.tag == f"{W}tbl":
            order.append(("table", _val(child, f"{W}tblPr/{W}tblCaption") or ""))
    assert order == [
        ("Title", "某局2023年政府信息公开工作年度报告"),
        ("Heading1", "一、总体情况"),
        ("Heading1", "二、主动公开政府信息情况"),
        ("table", "二、主动公开政府信息情况"),
        ("Heading1", "三、收到和处理政府信息公开申请情况"),
        ("table", "三、收到和处理政府信息公开申请情况"),
        ("Heading1", "四、政府信息公开行政复议、行政诉讼情况"),
        ("table", "四、政府信息公开行政复议、行政诉讼情况"),
        ("Heading1", "五、存在的主要问题及改进情况"),
        ("Heading1", "六、其他需要报告的事项"),
    ]


def _rows(table: Any) -> list[list[tuple[int, str | None, str]]]:
    """Each row's cells as (gridSpan, vMerge — None, "restart" or "" for continue — and text)."""
    rows = []
    for tr in table.iter(f"{W}tr"):
        cells = []
        for tc in tr.iter(f"{W}tc"):
            span = int(_val(tc, f"{W}tcPr/{W}gridSpan") or 1)
            cells.append((span, _val(tc, f"{W}tcPr/{W}vMerge"), _text(tc)))
        rows.append(cells)
    return rows


@pytest.mark.parametrize(("version", "widths"), [("2021", [4, 10, 15]), ("2019", [4, 10, 15])])
def test_every_row_fills_the_grid(version: FormatVersion, widths: list[int]) -> None:
    """Each table declares its grid columns, and the cells of every row (spans counted) fill them."""
    tables = _body(_report(version)).findall(f"{W}tbl")
    assert [len(table.findall(f"{W}tblGrid/{W}gridCol")) for table in tables] == widths
    for table, width in zip(tables, widths, strict=True):
        assert {sum(span for span, _, _ in row) for row in _rows(table)} == {width}


def test_requests_merges() -> None:
    """Table 三 merges as printed: 8 cells span rows (note, 自然人, 总计, 三 and its four groups), 40 continuations."""
    rows = _rows(_body(_report()).findall(f"{W}tbl")[1])
    merged = [cell for row in rows for cell in row if cell[1] is not None]
    assert sorted(text for _, merge, text in merged if merge == "restart") == sorted(
        [
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
            "自然人",
            "总计",
            "三、本年度办理结果",
            "（三）不予公开",
            "（四）无法提供",
            "（五）不予处理",
            "（六）其他处理",
        ]
    )
    # Continuations, counted by hand: the note 2, 自然人 1, 总计 1, 三 21, （三） 7, （四） 2, （五） 4, （六） 2.
    assert sum(1 for _, merge, _ in merged if merge == "") == 40
    assert all(text == "" for _, merge, text in merged if merge == "")
    assert rows[0][:2] == [(3, "restart", rows[0][0][2]), (7, None, "申请人情况")]
    assert rows[5][:2] == [(1, "restart", "三、本年度办理结果"), (2, None, "（一）予以公开")]
    assert rows[6][0] == (1, "", "")
    assert rows[26][:2] == [(1, "", ""), (2, None, "（七）总计")]
    assert rows[27][0] == (3, None, "四、结转下年度继续办理")


def test_appeals_header_and_row() -> None:
    """Table 四: 行政复议 over 5 and 行政诉讼 over 10; the five results over two rows; one row of 15 values."""
    report = _report(appeals=gia_report.Appeals(review=gia_report.AppealRow(upheld=1, total=1)))
    rows = _rows(_body(report).findall(f"{W}tbl")[2])
    assert rows[0] == [(5, None, "行政复议"), (10, None, "行政诉讼")]
    assert rows[1][:5] == [(1, "restart", label) for label in ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")]
    assert rows[1][5:] == [(5, None, "未经复议直接起诉"), (5, None, "复议后起诉")]
    assert rows[2][:5] == [(1, "", "")] * 5
    assert [text for _, _, text in rows[3]] == ["1", "", "", "", "1", *[""] * 10]


def test_values_and_narrative_text() -> None:
    """Money in plain decimals, a stretched fee cell over 3 columns, markup-like text kept, tabs as w:tab."""
    report = _report(
        active=gia_report.Active2021(fees=gia_report.FeeAmount(amount=Decimal("2.50"))),
        problems=("甲\t<乙> & 丙",),
    )
    body = _body(report)
    fee_row = _rows(body.findall(f"{W}tbl")[0])[-1]
    assert fee_row == [(1, None, "行政事业性收费"), (3, None, "2.50")]
    paragraph = next(p for p in body.iter(f"{W}p") if "丙" in _text(p))
    pieces = ["\t" if child.tag == f"{W}tab" else child.text for child in paragraph.iter(f"{W}t", f"{W}tab")]
    assert "".join(pieces) == "甲\t<乙> & 丙"


def test_a_long_title_breaks_over_lines() -> None:
    """A title over 50 characters is one Title paragraph broken by w:br, as the text layouts break it."""
    agency = "某" * 45
    body = _body(gia_report.Report(format_version="2021", agency=agency, year=2023))
    title = body.find(f"{W}p")
    assert len(title.findall(f".//{W}br")) == 1
    assert _text(title) == agency + "2023年政府信息公开工作年度报告"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_it_to_pdf(tmp_path: Path) -> None:
    """LibreOffice opens the written document and converts it to a PDF that carries the tables' text."""
    report = gia_report.parse((Path(gia_report.__file__).parent / "data" / "sample.txt").read_bytes())
    source = tmp_path / "report.docx"
    source.write_bytes(gia_report.dumps(report, "docx"))
    profile = (tmp_path / "profile").as_uri()
    command = ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
    done = subprocess.run(
        [*command, "--outdir", str(tmp_path), str(source)],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    pdf = tmp_path / "report.pdf"
    assert done.returncode == 0 and pdf.exists(), done.stdout + done.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    pypdf = pytest.importorskip("pypdf", reason="pypdf is not installed: the PDF's text is not checked")
    text = "".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    # Text in narrow cells wraps: compare without the line breaks.
    text = re.sub(r"\s", "", text)
    assert "申请人情况" in text and "三、本年度办理结果" in text and "未经复议直接起诉" in text


_UNSUPPORTED = re.compile(
    r"(?:docx|Word).*(?:not (?:yet )?supported|unsupported)|(?:not (?:yet )?supported|unsupported).*(?:docx|Word)",
    re.I,
)


def _require_reader(path: Path) -> None:
    """Skip when the parser says it does not read Word yet; fail at once, unshrunk, when it misreads a plain file."""
    report = _report()
    path.write_bytes(gia_report.dumps(report, "docx"))
    try:
        again = gia_report.parse_file(path)
    except gia_report.ParseError as error:
        if _UNSUPPORTED.search(error.msg):
            pytest.skip(f"the Word reader is not there yet: parse_file says {error.msg!r}")
        raise
    _same(again, report)


@pytest.mark.parametrize("version", FORMAT_VERSIONS)
def test_parse_file_reads_it_back(version: FormatVersion, tmp_path: Path) -> None:
    """parse_file of dumps(r, "docx") == r: merged cells, blanks, decimals, the hybrid row and any narrative."""
    path = tmp_path / "report.docx"
    _require_reader(path)

    # A drawn report costs some 0.15 s to draw, write and read back: at most 150 examples, even in CI.
    @settings(max_examples=min(150, settings().max_examples))
    @given(reports(version, consistent=False))
    def round_trip(report: gia_report.Report) -> None:
        path.write_bytes(gia_report.dumps(report, "docx"))
        _same(gia_report.parse_file(path), report)

    round_trip()
