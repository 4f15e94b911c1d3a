"""Word documents read into the document: paragraphs and tables in order, spans and merges, controls and boxes."""

from __future__ import annotations

import io
import zipfile
from html import escape
from pathlib import Path
from typing import Any

import pytest

import gia_report
from gia_report.model import DocumentCounts
from gia_report.parsing._document import Document, Grid
from gia_report.parsing._forms import read_document
from gia_report.parsing._source import Line
from tests.corpus import corpus_params, gold, norm

SAMPLE = Path(gia_report.__file__).parent / "data" / "sample.txt"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="{target}"/></Relationships>'
)


def docx(body: str, *, part: str = "word/document.xml") -> bytes:
    """A minimal Word document whose body is *body* (WordprocessingML, prefix w)."""
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}" xmlns:mc="{MC}" '
        f'xmlns:wps="{WPS}"><w:body>{body}<w:sectPr/></w:body></w:document>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("_rels/.rels", _RELS.format(target=part))
        archive.writestr(part, document)
    return buffer.getvalue()


def p(*runs: str) -> str:
    """A paragraph of runs, each a text, or raw run content when it starts with '<'."""
    inner = "".join(
        run if run.startswith("<") else f'<w:r><w:t xml:space="preserve">{escape(run)}</w:t></w:r>' for run in runs
    )
    return f"<w:p>{inner}</w:p>"


def tc(text: str, *, span: int = 1, merge: str | None = None) -> str:
    """A table cell of one paragraph, spanning *span* grid columns, ``restart``/``continue`` for w:vMerge."""
    props = (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "") + (
        "" if merge is None else ("<w:vMerge/>" if merge == "continue" else f'<w:vMerge w:val="{merge}"/>')
    )
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{p(text) if text else '<w:p/>'}</w:tc>"


def tr(*cells: str, before: int = 0, after: int = 0) -> str:
    props = (f'<w:gridBefore w:val="{before}"/>' if before else "") + (
        f'<w:gridAfter w:val="{after}"/>' if after else ""
    )
    return f"<w:tr>{f'<w:trPr>{props}</w:trPr>' if props else ''}{''.join(cells)}</w:tr>"


def tbl(*rows: str, columns: int = 4) -> str:
    grid = "".join('<w:gridCol w:w="1000"/>' for _ in range(columns))
    return f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def _grids(document: Document) -> list[Grid]:
    return [block for block in document.blocks if isinstance(block, Grid)]


def _lines(document: Document) -> list[tuple[int, str]]:
    return [(block.number, block.text) for block in document.blocks if isinstance(block, Line)]


def _places(grid: Grid) -> list[list[tuple[str, int | None, int, bool]]]:
    return [[(cell.text, cell.grid, cell.span, cell.below) for cell in row.cells] for row in grid.rows]


def test_paragraphs_numbered_by_ordinal() -> None:
    """Each w:p is a line numbered by its ordinal; w:br splits it, w:tab is a tab, runs join."""
    document = read_document(
        docx(p("一、", "总体情况") + p("甲", "<w:r><w:br/></w:r>", "乙") + p("a", "<w:r><w:tab/></w:r>", "b"))
    )
    assert _lines(document) == [(1, "一、总体情况"), (2, "甲"), (2, "乙"), (3, "a\tb")]
    assert document.form == "docx"


def test_table_spans_and_merges() -> None:
    """w:gridSpan gives the span, w:vMerge continue a below-cell, w:gridBefore the first cell's column."""
    body = p("标题") + tbl(
        tr(tc("A", span=2, merge="restart"), tc("B", span=2)),
        tr(tc("", span=2, merge="continue"), tc("c"), tc("d")),
        tr(tc("e"), tc("f"), before=2),
    )
    document = read_document(docx(body))
    assert _lines(document) == [(1, "标题")]
    grid = _grids(document)[0]
    assert _places(grid) == [
        [("A", 0, 2, False), ("B", 2, 2, False)],
        [("", 0, 2, True), ("c", 2, 1, False), ("d", 3, 1, False)],
        [("e", 2, 1, False), ("f", 3, 1, False)],
    ]
    # Rows are numbered on from the paragraph before them.
    assert [row.line for row in grid.rows] == [2, 3, 4]
    assert (grid.geometry, str(grid.layout)) == ("grid", "docx")


def test_row_ending_early_has_empty_cells() -> None:
    """w:gridAfter gives the grid columns a row leaves out after its last cell as empty cells of the row."""
    grid = _grids(read_document(docx(tbl(tr(tc("a"), tc("b"), tc("c"), tc("d")), tr(tc("e"), tc("f"), after=2)))))[0]
    assert _places(grid)[1] == [("e", 0, 1, False), ("f", 1, 1, False), ("", 2, 1, False), ("", 3, 1, False)]


def test_cell_paragraphs_join_without_space_but_numbers_apart() -> None:
    """A cell's paragraphs join without a space, except between two numbers."""
    cell_a = f"<w:tc>{p('本年新收政府')}{p('信息公开申请数量')}</w:tc>"
    cell_b = f"<w:tc>{p('12')}{p('3')}</w:tc>"
    grid = _grids(read_document(docx(tbl(tr(cell_a, cell_b), columns=2))))[0]
    assert [cell.text for cell in grid.rows[0].cells] == ["本年新收政府信息公开申请数量", "12 3"]


def test_content_controls_are_descended() -> None:
    """Paragraphs, rows and cells inside w:sdt are read where they stand."""
    cell = f"<w:sdt><w:sdtContent>{tc('7')}</w:sdtContent></w:sdt>"
    row = f"<w:sdt><w:sdtContent>{tr(tc('x'), cell)}</w:sdtContent></w:sdt>"
    body = f"<w:sdt><w:sdtPr/><w:sdtContent>{p('控件段落')}</w:sdtContent></w:sdt>" + tbl(row, columns=2)
    document = read_document(docx(body))
    assert _lines(document) == [(1, "控件段落")]
    assert [[cell.text for cell in row.cells] for row in _grids(document)[0].rows] == [["x", "7"]]


def test_tracked_changes_read_as_accepted() -> None:
    """A cell whose 5 was changed to 6 and moved, with changes tracked: only the text the document now holds."""
    mark = 'w:id="{}" w:author="某" w:date="2024-01-02T00:00:00Z"'
    changed = (
        f"<w:del {mark.format(1)}><w:r><w:delText>5</w:delText></w:r></w:del>"
        f"<w:ins {mark.format(2)}><w:r><w:t>6</w:t></w:r></w:ins>"
    )
    moved_away = f"<w:moveFrom {mark.format(3)}><w:r><w:t>8</w:t></w:r></w:moveFrom>"
    moved_here = f"<w:moveTo {mark.format(4)}><w:r><w:t>8</w:t></w:r></w:moveTo>"
    row = tr(tc("规章"), f"<w:tc>{p(changed)}</w:tc>", f"<w:tc>{p(moved_away)}</w:tc>", f"<w:tc>{p(moved_here)}</w:tc>")
    grid = _grids(read_document(docx(tbl(row))))[0]
    assert [cell.text for cell in grid.rows[0].cells] == ["规章", "6", "", "8"]


def test_text_box_read_once_after_its_paragraph() -> None:
    """A text box given twice (mc:Choice and mc:Fallback) is read once, after the paragraph holding it."""
    box = f"<w:txbxContent>{p('框中文字')}</w:txbxContent>"
    run = (
        "<w:r><mc:AlternateContent>"
        f"<mc:Choice Requires='wps'><w:drawing><wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict>{box}</w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )
    document = read_document(docx(p("前", run, "后") + p("下一段")))
    assert [text for _, text in _lines(document)] == ["前后", "框中文字", "下一段"]


def test_table_of_tables_is_layout() -> None:
    """A table holding a table is walked into: its cells' paragraphs are lines, the inner table a grid."""
    inner = tbl(tr(tc("规章"), tc("5")), columns=2)
    body = tbl(tr(f"<w:tc>{p('二、主动公开政府信息情况')}{inner}<w:p/></w:tc>", tc("侧栏")), columns=2)
    document = read_document(docx(body))
    assert [text for _, text in _lines(document) if text] == ["二、主动公开政府信息情况", "侧栏"]
    assert [[cell.text for cell in row.cells] for row in _grids(document)[0].rows] == [["规章", "5"]]


def test_heading_row_is_a_line() -> None:
    """A row that is one cell holding a section heading is a line before the rest of the table."""
    body = tbl(tr(tc("二、主动公开政府信息情况", span=3)), tr(tc("规章"), tc("1"), tc("2")), columns=3)
    document = read_document(docx(body))
    assert [type(block).__name__ for block in document.blocks] == ["Line", "Grid"]
    assert _lines(document) == [(1, "二、主动公开政府信息情况")]


def test_main_part_named_by_the_relationships() -> None:
    """A body stored under another name is found through _rels/.rels."""
    document = read_document(docx(p("正文"), part="word/document2.xml"))
    assert _lines(document) == [(1, "正文")]


def test_strict_namespace() -> None:
    """A document in the ISO strict namespace reads the same."""
    data = docx(p("正文")).replace(W.encode(), b"http://purl.oclc.org/ooxml/wordprocessingml/main")
    assert _lines(read_document(data)) == [(1, "正文")]


def _as_docx(text: str, replaced: dict[str, str] | None = None) -> bytes:
    """A tab-layout report as a Word document: lines of cells as table rows, other lines as paragraphs.

    *replaced* maps table rows (``w:tr`` markup) to the rows printed instead.
    """
    body: list[str] = [p("首页 > 政府信息公开 > 年报")]
    rows: list[str] = []
    for line in [*text.split("\n"), ""]:
        if "\t" in line:
            rows.append(tr(*(tc(cell) for cell in line.split("\t"))))
            continue
        if rows:
            body.append(tbl(*rows))
            rows = []
        if line.strip():
            body.append(p(line))
    markup = "".join(body)
    for row, replacement in (replaced or {}).items():
        assert markup.count(row) == 1, row
        markup = markup.replace(row, replacement)
    return docx(markup)


def test_row_ending_early_reads_its_cells_and_one_short_lost_a_cell() -> None:
    """A row of table 二 that ends early by w:gridAfter prints blanks there; one that ends early without it lost a
    cell, and which is not known: 规章 11 | 58 is then not placed (as a web page's row is not)."""
    text = SAMPLE.read_text(encoding="utf-8")
    complete = tr(tc("规章"), tc("11"), tc("0"), tc("58"))
    ending = gia_report.parse(_as_docx(text, {complete: tr(tc("规章"), tc("11"), tc("0"), after=1)}))
    assert ending.active.regulations == DocumentCounts(issued=11, repealed=0, in_force=None)
    short = gia_report.parse_with_notes(_as_docx(text, {complete: tr(tc("规章"), tc("11"), tc("58"))}))
    assert short.report.active.regulations == DocumentCounts()
    assert "active/regulations/issued" in {key for note in short.notes for key in note.cells}


def test_report_reads_as_its_text() -> None:
    """The sample report as a Word document (with a breadcrumb before its title) parses equal to its text."""
    text = SAMPLE.read_text(encoding="utf-8")
    assert gia_report.parse(_as_docx(text)) == gia_report.parse(text)


def test_parse_file_reads_by_content(tmp_path: Path) -> None:
    """A Word document saved under another extension is read by its content."""
    text = SAMPLE.read_text(encoding="utf-8")
    path = tmp_path / "report.bin"
    path.write_bytes(_as_docx(text))
    assert gia_report.parse_file(path) == gia_report.parse(text)


def _cells(report: gia_report.Report) -> dict[str, Any]:
    return {f"{r['table']}/{r['row']}/{r['column']}": r["value"] for r in gia_report.to_records(report)}


@pytest.mark.parametrize("path", corpus_params("published/docx", suffixes=(".docx",)))
def test_corpus_documents(path: Path) -> None:
    """Every real Word document reads every gold cell, its agency and its year right."""
    expected = gold(path)
    report = gia_report.parse_file(path)
    cells = _cells(report)
    wrong = {key: cells.get(key) for key, value in expected["cells"].items() if norm(cells.get(key)) != norm(value)}
    assert wrong == {}
    assert (report.agency, report.year) == (expected["agency"], expected["year"])
