"""Web pages read into the document: lines and grids, spans expanded, chrome left out, charsets honoured."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

import gia_report
from gia_report.model import DocumentCounts, RequestRow
from gia_report.parsing._document import Cell, Document, Grid
from gia_report.parsing._forms import read_document
from gia_report.parsing._read_html import declared_charset, read_html
from gia_report.parsing._source import Line
from tests.corpus import corpus_params, corpus_path, gold, norm

SAMPLE = Path(gia_report.__file__).parent / "data" / "sample.txt"


def _page(body: str, head: str = "<meta charset='utf-8'><title>页面</title>") -> str:
    return f"<!DOCTYPE html>\n<html><head>{head}</head><body>{body}</body></html>"


def _grids(document: Document) -> list[Grid]:
    return [block for block in document.blocks if isinstance(block, Grid)]


def _lines(document: Document) -> list[str]:
    return [block.text for block in document.blocks if isinstance(block, Line)]


def _texts(grid: Grid) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in grid.rows]


def _places(grid: Grid) -> list[list[tuple[int | None, int, bool]]]:
    return [[(cell.grid, cell.span, cell.below) for cell in row.cells] for row in grid.rows]


def _as_page(text: str) -> str:
    """A tab-layout report as a web page: its lines of cells as table rows, its other lines as paragraphs."""
    parts: list[str] = ["<div id='nav'><a href='/'>首页</a> <a>政府信息公开年报</a></div><div class='article'>"]
    table: list[str] = []
    for line in [*text.split("\n"), ""]:
        if "\t" in line:
            cells = "".join(f"<td>{html.escape(cell)}</td>" for cell in line.split("\t"))
            table.append(f"<tr>{cells}</tr>")
            continue
        if table:
            parts.append("<table>" + "".join(table) + "</table>")
            table = []
        if line.strip():
            parts.append(f"<p>{html.escape(line)}</p>")
    parts.append("</div><footer>版权所有 某某网站 <a>网站地图</a></footer>")
    return _page("".join(parts))


class TestGrid:
    """A data table is one grid whose cells stand at their grid columns, rows covered by rowspans included."""

    document = read_html(
        _page(
            "<p>二、主动公开政府信息情况</p>"
            "<table>"
            "<tr><td rowspan='2' colspan='2'>A</td><td colspan='2'>B</td></tr>"
            "<tr><td>c</td><td rowspan='2'>d</td></tr>"
            "<tr><td>e</td><td>f</td><td>g</td></tr>"
            "</table>"
        )
    )

    def test_one_grid_after_its_heading(self) -> None:
        """The heading paragraph is a line and the table the grid right after it."""
        assert isinstance(self.document.blocks[0], Line)
        assert self.document.blocks[0].text == "二、主动公开政府信息情况"
        assert [type(block) for block in self.document.blocks] == [Line, Grid]

    def test_cells_in_grid_order_with_below_cells(self) -> None:
        """Every grid position covered from above gets an empty below-cell: A covers (1, 0-1), d covers (2, 3)."""
        grid = _grids(self.document)[0]
        assert _places(grid) == [
            [(0, 2, False), (2, 2, False)],
            [(0, 2, True), (2, 1, False), (3, 1, False)],
            [(0, 1, False), (1, 1, False), (2, 1, False), (3, 1, True)],
        ]
        assert _texts(grid) == [["A", "B"], ["", "c", "d"], ["e", "f", "g", ""]]

    def test_columns_are_one_based_grid_columns(self) -> None:
        """Cell.column is the grid column plus one, and the geometry is grid."""
        grid = _grids(self.document)[0]
        assert all(cell.column == (cell.grid or 0) + 1 for row in grid.rows for cell in row.cells)
        assert (grid.geometry, str(grid.layout)) == ("grid", "html")


class TestCellText:
    """The text of a cell: its paragraphs and <br> joined without a space, blanks empty."""

    @staticmethod
    def _cell(inner: str) -> str:
        document = read_html(_page(f"<table><tr><td>x</td><td>{inner}</td></tr></table>"))
        return _grids(document)[0].rows[0].cells[1].text

    def test_br_and_paragraphs_join_without_space(self) -> None:
        """A label wrapped by <br> or by paragraphs reads as one label."""
        assert self._cell("本年新收政府<br>信息公开申请数量") == "本年新收政府信息公开申请数量"
        assert self._cell("<p>本年新收</p><p><span>政府信息</span>公开申请数量</p>") == "本年新收政府信息公开申请数量"

    def test_two_numbers_never_merge(self) -> None:
        """Two numbers on two lines of a cell keep a space between them, so that 12 and 3 never read 123."""
        assert self._cell("12<br>3") == "12 3"
        assert self._cell("<p>12</p><p>3</p>") == "12 3"

    def test_spans_inside_a_number_join(self) -> None:
        """Spans inside one line are one text: <span>1</span><span>2</span> is 12."""
        assert self._cell("<p><span>1</span><span>2</span></p>") == "12"

    def test_nbsp_is_blank(self) -> None:
        """A cell of &nbsp; (and whitespace) is empty; &nbsp; around a value is stripped."""
        assert self._cell("&nbsp;&nbsp; ") == ""
        assert self._cell("<p><font>&nbsp;</font><font>0</font></p>") == "0"

    def test_source_line_breaks_between_chinese_characters_vanish(self) -> None:
        """A line break in the page's source between two Chinese characters is no space (CSS segment breaks)."""
        assert self._cell("本年新收\n   政府信息") == "本年新收政府信息"
        assert self._cell("3\n 件") == "3 件"


class TestHeadingRows:
    """Section headings printed as rows of a table come out as lines, cutting the table into one grid per section."""

    document = read_html(
        _page(
            "<table>"
            "<tr><td colspan='3'>二、主动公开政府信息情况</td></tr>"
            "<tr><td>规章</td><td>1</td><td>2</td></tr>"
            "<tr><td colspan='3'>三、收到和处理政府信息公开申请情况</td></tr>"
            "<tr><td>一、本年新收政府信息公开申请数量</td><td>3</td><td>4</td></tr>"
            "<tr><td colspan='3'>五、存在的主要问题及改进情况</td></tr>"
            "<tr><td colspan='3'><p>问题一。</p><p>问题二。</p></td></tr>"
            "</table>"
        )
    )

    def test_blocks_in_order(self) -> None:
        """Line, grid, line, grid, then the prose section's heading and its paragraphs as lines."""
        kinds = [type(block).__name__ for block in self.document.blocks]
        assert kinds == ["Line", "Grid", "Line", "Grid", "Line", "Line", "Line"]
        assert _lines(self.document) == [
            "二、主动公开政府信息情况",
            "三、收到和处理政府信息公开申请情况",
            "五、存在的主要问题及改进情况",
            "问题一。",
            "问题二。",
        ]
        assert [_texts(grid) for grid in _grids(self.document)] == [
            [["规章", "1", "2"]],
            [["一、本年新收政府信息公开申请数量", "3", "4"]],
        ]


class TestLayout:
    """A table that lays out the page (holding tables, or whole sections in a cell) is walked into."""

    def test_table_holding_tables(self) -> None:
        """The outer table's cells become lines, the inner table a grid."""
        document = read_html(
            _page(
                "<table><tr><td><p>二、主动公开政府信息情况</p>"
                "<table><tr><td>规章</td><td>5</td></tr></table></td><td>侧栏</td></tr></table>"
            )
        )
        assert _lines(document) == ["二、主动公开政府信息情况", "侧栏"]
        assert [_texts(grid) for grid in _grids(document)] == [[["规章", "5"]]]

    def test_cell_holding_several_sections(self) -> None:
        """A two-cell layout row whose cell holds the sections' headings is read as paragraphs."""
        document = read_html(
            _page(
                "<table><tr><td>导航</td><td><p>五、存在的主要问题及改进情况</p><p>无。</p>"
                "<p>六、其他需要报告的事项</p><p>无。</p></td></tr></table>"
            )
        )
        assert _lines(document) == ["导航", "五、存在的主要问题及改进情况", "无。", "六、其他需要报告的事项", "无。"]
        assert _grids(document) == []


class TestContent:
    """Only the content root is read: site navigation, scripts, footers and other articles are left out."""

    text = SAMPLE.read_text(encoding="utf-8")
    page = _as_page(text)

    def test_report_reads_as_its_text(self) -> None:
        """The sample report as a page with navigation and a footer parses equal to the sample text."""
        assert gia_report.parse(self.page) == gia_report.parse(self.text)

    def test_bytes_read_as_text(self) -> None:
        """parse of the page's bytes and of its text give the same report."""
        assert gia_report.parse(self.page.encode("utf-8")) == gia_report.parse(self.page)

    def test_no_chrome_in_the_lines(self) -> None:
        """Neither the navigation nor the footer is a line of the document."""
        lines = _lines(read_document(self.page))
        assert not any("首页" in line or "版权所有" in line for line in lines)

    def test_scripts_and_styles_are_no_text(self) -> None:
        """Text of scripts, styles and noscript never reaches a line, though in the content."""
        page = self.page.replace(
            "<div class='article'>",
            "<div class='article'><script>var a = '一、总体情况';</script>"
            "<style>p {}</style><noscript>请启用脚本</noscript>",
        )
        lines = _lines(read_document(page))
        assert not any("var a" in line or "请启用" in line or "p {}" in line for line in lines)
        assert gia_report.parse(page) == gia_report.parse(self.text)

    def test_title_from_the_page_when_the_content_has_none(self) -> None:
        """With no title in the content, the page's <title> (before its site name) gives agency and year."""
        title = self.text.strip().split("\n")[0].strip()
        body = self.page.split("<body>", 1)[1].replace(f"<p>{html.escape(title)}</p>", "")
        page = _page(body, head=f"<title>{html.escape(title)}_政府信息公开年报_某市人民政府</title>")
        expected = gia_report.parse(self.text)
        report = gia_report.parse(page)
        assert (report.agency, report.year, report.title) == (expected.agency, expected.year, expected.title)

    def test_chrome_before_the_title_is_dropped_with_a_note(self) -> None:
        """Lines of navigation inside the content before the title are dropped, and a note says so."""
        page = self.page.replace(
            "<div class='article'>",
            "<div class='article'><p>当前位置：首页 &gt; 年报</p><p>来源：某局 时间：2024-01-01</p>",
        )
        result = gia_report.parse_with_notes(page)
        assert result.report == gia_report.parse(self.text)
        assert "site-chrome" in {note.code for note in result.notes}


class TestCharset:
    """The charset a page declares is honoured; a page that is valid UTF-8 is UTF-8."""

    body = "<p>二、主动公开政府信息情况</p><table><tr><td>规章</td><td>7</td></tr></table>"

    @pytest.mark.parametrize(
        ("meta", "codec"),
        [
            ('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', "gb2312"),
            ("<meta charset=GBK>", "gbk"),
            ("<meta charset='gb18030'>", "gb18030"),
        ],
    )
    def test_gb_bytes(self, meta: str, codec: str) -> None:
        """A page in GB 2312, GBK or GB 18030 bytes, declared so, reads its Chinese right."""
        document = read_document(_page(self.body, head=meta).encode(codec))
        assert _lines(document) == ["二、主动公开政府信息情况"]
        assert _texts(_grids(document)[0]) == [["规章", "7"]]

    def test_gb_bytes_undeclared(self) -> None:
        """Undeclared bytes that are not UTF-8 are read as GB 18030."""
        document = read_document(_page(self.body, head="").encode("gb18030"))
        assert _lines(document) == ["二、主动公开政府信息情况"]

    def test_utf8_declared_gb2312(self) -> None:
        """A UTF-8 page that declares gb2312 is read as UTF-8, with a note."""
        document = read_document(_page(self.body, head="<meta charset='gb2312'>").encode("utf-8"))
        assert _lines(document) == ["二、主动公开政府信息情况"]
        assert [note.code for note in document.notes] == ["charset"]

    def test_bom(self) -> None:
        """A UTF-16 page with its byte order mark is read."""
        document = read_document(_page(self.body, head="").encode("utf-16"))
        assert _lines(document) == ["二、主动公开政府信息情况"]

    def test_declared_charset(self) -> None:
        """gb2312 and GBK are read as their superset GB 18030; an unknown name is no charset."""
        assert declared_charset(b"<meta charset='GB2312'>") == "gb18030"
        assert declared_charset(b'<?xml version="1.0" encoding="utf-8"?><html>') == "utf-8"
        assert declared_charset(b"<meta charset='no-such-charset'>") is None
        assert declared_charset(b"<html><head></head>") is None


class TestLines:
    """Paragraphs are lines in document order, a <br> splitting one, numbered by their source line."""

    def test_br_splits_and_source_lines(self) -> None:
        """Two lines of one paragraph split at <br> keep the line the paragraph's text starts on."""
        document = read_html("<html><body>\n<p>第一行<br>第二行</p>\n<div>\n第三行</div></body></html>")
        assert [(block.number, block.text) for block in document.blocks if isinstance(block, Line)] == [
            (2, "第一行"),
            (2, "第二行"),
            (3, "第三行"),
        ]


def _cells(report: gia_report.Report) -> dict[str, Any]:
    return {f"{r['table']}/{r['row']}/{r['column']}": r["value"] for r in gia_report.to_records(report)}


@pytest.mark.parametrize("path", corpus_params("published/html", suffixes=(".html", ".htm")))
def test_corpus_pages(path: Path) -> None:
    """Every real page reads every gold cell, its agency and its year right."""
    expected = gold(path)
    report = gia_report.parse_file(path)
    cells = _cells(report)
    wrong = {key: cells.get(key) for key, value in expected["cells"].items() if norm(cells.get(key)) != norm(value)}
    assert wrong == {}
    assert (report.agency, report.year) == (expected["agency"], expected["year"])


def test_cell_is_the_document_cell() -> None:
    """The reader makes the document's own Cell, with no text of its own below a rowspan."""
    grid = _grids(read_html(_page("<table><tr><td rowspan=2>a</td><td>b</td></tr><tr><td>c</td></tr></table>")))[0]
    assert grid.rows[1].cells[0] == Cell("", grid.rows[1].line, 1, grid=0, span=1, below=True)


def test_preformatted_paragraph_keeps_its_tabs_and_spaces() -> None:
    """A paragraph in <pre> or under white-space:pre-wrap reads with its whitespace as written."""
    from gia_report.parsing._read_html import read_html

    page = (
        "<html><body><h1>某局2023年政府信息公开工作年度报告</h1>"
        '<p style="white-space:pre-wrap">规章\t0  0</p><p>规章\t0  0</p><pre>甲\t乙\n丙</pre></body></html>'
    )
    lines = [block.text for block in read_html(page.encode("utf-8")).blocks if hasattr(block, "text")]
    assert "规章\t0  0" in lines and "规章 0 0" in lines
    assert "甲\t乙" in lines and "丙" in lines


class TestTextBesideTables:
    """Text a page prints in a table's section beside its table is read as no cells, and never dropped unnamed."""

    page = TestContent.page
    problems = "五、存在的主要问题及改进情况"

    def test_a_heading_in_other_words_opens_its_section(self) -> None:
        """五、存在问题及改进情况 (主要 and 的 dropped) opens the problems section: its prose is read."""
        plain = gia_report.parse(self.page)
        variant = self.page.replace(self.problems, "五、存在问题及改进情况")
        assert variant != self.page and plain.problems
        assert gia_report.parse(variant) == plain

    def test_text_beside_a_table_is_named_in_a_note(self) -> None:
        """A heading the reader does not know, and the prose under it, stand in section 四: a note quotes them."""
        variant = self.page.replace(self.problems, "五、本机关的短板及下一步打算")
        assert variant != self.page
        result = gia_report.parse_with_notes(variant)
        unread = [note for note in result.notes if note.code == "unread-text"]
        assert len(unread) == 1 and "五、本机关的短板及下一步打算" in unread[0].message
        assert "四、政府信息公开行政复议、行政诉讼情况" in unread[0].message
        assert result.report.problems == ()
        # The tables read as before: the text is no cell.
        assert _cells(result.report) == _cells(gia_report.parse(self.page))

    def test_a_section_heading_in_the_tables_caption_opens_its_section(self) -> None:
        """A <caption> holding the heading 三、收到和处理政府信息公开申请情况 heads the section as a paragraph does."""
        heading = "<p>三、收到和处理政府信息公开申请情况</p><table>"
        assert heading in self.page
        variant = self.page.replace(heading, "<table><caption>三、收到和处理政府信息公开申请情况</caption>")
        assert gia_report.parse(variant) == gia_report.parse(self.page)

    def test_a_caption_of_other_text_is_named_in_a_note(self) -> None:
        """A table captioned 单位：件 reads as before, the caption quoted in a note."""
        variant = self.page.replace("<table>", "<table><caption>单位：件</caption>", 1)
        result = gia_report.parse_with_notes(variant)
        assert result.report == gia_report.parse(self.page)
        assert ["单位：件" in note.message for note in result.notes if note.code == "unread-text"] == [True]

    def test_a_page_printing_only_its_tables_has_no_such_note(self) -> None:
        """The sample page prints nothing beside its tables."""
        assert not [note for note in gia_report.parse_with_notes(self.page).notes if note.code == "unread-text"]


class TestLostCells:
    """A row of fewer cells than its header's columns lost one: HTML has no way to end a row early.

    Which cell was lost is not known; the row's values are placed only where
    the identities through it prove one placement and contradict every other.
    """

    page = _as_page(SAMPLE.read_text(encoding="utf-8"))

    def _dropped(self, row: str, dropped: str) -> gia_report.ParseResult:
        """The sample page with *row* (its ``<td>`` cells, tab-separated) printed as *dropped*."""

        def tds(cells: str) -> str:
            return "".join(f"<td>{cell}</td>" for cell in cells.split("\t"))

        assert self.page.count(tds(row)) == 1, row
        return gia_report.parse_with_notes(self.page.replace(tds(row), tds(dropped)))

    @staticmethod
    def _corpus_page(edit: Callable[[Any], None]) -> gia_report.ParseResult:
        """Corpus page 005 after *edit* (of its lxml tree)."""
        lxml_html = pytest.importorskip("lxml.html")
        page = lxml_html.fromstring(corpus_path("published/html/005_pingtan_2021.html").read_bytes())
        edit(page)
        return gia_report.parse_with_notes(lxml_html.tostring(page, encoding="unicode"))

    @staticmethod
    def _row(page: Any, label: str) -> Any:
        (row,) = [tr for tr in page.iter("tr") if tr[0].text_content().strip() == label]
        return row

    def _corpus_page_without(self, label: str, index: int) -> gia_report.ParseResult:
        """Corpus page 005 with the *index*-th ``<td>`` of the row labelled *label* dropped."""
        return self._corpus_page(lambda page: self._row(page, label)[index].drop_tree())

    def _misread(self, result: gia_report.ParseResult) -> dict[str, tuple[object, object]]:
        """The cells of *result* that read a number other than page 005's gold."""
        cells = gold(corpus_path("published/html/005_pingtan_2021.html"))["cells"]
        got = {f"{r['table']}/{r['row']}/{r['column']}": r["value"] for r in gia_report.to_records(result.report)}
        return {k: (v, got.get(k)) for k, v in cells.items() if got.get(k) is not None and norm(got[k]) != norm(v)}

    @staticmethod
    def _zeros_blank(page: Any) -> None:
        """Table 三 of *page* with its zeros printed blank, as many agencies print them."""
        (table,) = [table for table in page.iter("table") if "申请人情况" in table.text_content()]
        for td in table.iter("td"):
            if td.text_content().strip() == "0":
                for child in list(td):
                    td.remove(child)
                td.text = ""

    def test_header_wider_than_its_rows_loses_nothing(self) -> None:
        """申请人情况 and 总计 spanning a grid column more than the cells under them: each row still starts into
        each of its columns, and reads as printed (only a row ending before a column starts lost a cell)."""

        def widen(page: Any) -> None:
            self._zeros_blank(page)
            for td in page.iter("td"):
                if td.text_content().strip() in ("申请人情况", "总计"):
                    td.set("colspan", str(int(td.get("colspan", "1")) + 1))

        result = self._corpus_page(widen)
        assert self._misread(result) == {}
        assert result.report == self._corpus_page(self._zeros_blank).report
        assert result.report.requests.new.natural_person == 64

    def test_one_row_wider_than_its_peers_costs_them_nothing(self) -> None:
        """An empty ``<td>`` after 二、上年结转's 总计: the rows printed like it end where most of them end."""

        def pad(page: Any) -> None:
            self._zeros_blank(page)
            self._row(page, "二、上年结转政府信息公开申请数量").append(page.makeelement("td", {}))

        result = self._corpus_page(pad)
        assert result.report == self._corpus_page(self._zeros_blank).report
        assert result.report.requests.new.natural_person == 64

    def test_row_of_zeros_and_blanks_that_lost_a_blank(self) -> None:
        """0 | '' | '' | '' | 0 | 0 | 0 losing the blank under 科研机构: its four zeros fit 35 placements and refute
        none, so none is placed (a 0 read under 社会公益组织, printed blank, would be a number in the wrong cell)."""

        def edit(page: Any) -> None:
            row = self._row(page, "2.其他法律行政法规禁止公开")
            for td in row[2:5]:
                for child in list(td):
                    td.remove(child)
                td.text = ""
            row[3].drop_tree()

        result = self._corpus_page(edit)
        assert result.report.requests.withheld_prohibited_by_law == RequestRow()
        assert self._misread(result) == {}

    def test_row_without_identities_is_not_placed(self) -> None:
        """规章 11 | 0 | 58 with its 0 dropped is not 11 and 58 under the first two captions: none is placed."""
        result = self._dropped("规章\t11\t0\t58", "规章\t11\t58")
        assert result.report.active.regulations == DocumentCounts()
        keys = {f"active/regulations/{column}" for column in ("issued", "repealed", "in_force")}
        assert any(keys <= set(note.cells) and note.code == "unplaced-cells" for note in result.notes)
        assert result.report.active.normative_documents == DocumentCounts(issued=5, repealed=0, in_force=42)

    def test_row_proven_by_the_column_sums(self) -> None:
        """一、 64 0 0 2 0 4 70 with its 2 dropped: only a blank there keeps every column's balance, as printed."""
        result = self._corpus_page_without("一、本年新收政府信息公开申请数量", 4)
        assert result.report.requests.new == RequestRow(
            natural_person=64, commercial=0, research=0, social_welfare=None, legal_services=0, other_org=4, total=70
        )
        source = result.sources["requests/new/natural_person"]
        assert source.how == "total"
        assert "balance at requests/natural_person" in {str(equation) for equation in source.equations}

    def test_row_whose_padding_moved_under_the_header(self) -> None:
        """二、上年结转 prints a padding cell after 总计; with its 10 dropped, the padding stands under 总计 and the
        header's map would read 7 and 17 a column left. It ends before its peer 一、 does: it lost a cell, and only
        a blank in 科研机构 keeps every column's balance."""
        result = self._dropped("0\t0\t10\t0\t0\t7\t17\t", "0\t0\t0\t0\t7\t17\t")
        assert result.report.requests.carried_over == RequestRow(
            natural_person=0, commercial=0, research=None, social_welfare=0, legal_services=0, other_org=7, total=17
        )
        assert result.sources["requests/carried_over/total"].how == "total"

    def test_row_of_zeros_is_not_placed(self) -> None:
        """A row of zeros that lost a cell reads the same whichever it lost: none is placed, with a note."""
        result = self._corpus_page_without("2.其他法律行政法规禁止公开", 3)
        assert result.report.requests.withheld_prohibited_by_law == RequestRow()
        noted = {key for note in result.notes for key in note.cells}
        assert {f"requests/withheld_prohibited_by_law/{column}" for column in ("natural_person", "total")} <= noted

    def test_appeals_row_that_lost_a_cell(self) -> None:
        """Page 101's 15 appeals values (its 行政复议 1 0 0 0 0 does not add up) with the 1 dropped: none is placed.

        Read in order, 行政复议 would be 0 0 0 0 0 and contradict nothing: the
        report's own error leaves no identity to say which cell was lost.
        """
        lxml_html = pytest.importorskip("lxml.html")
        page = lxml_html.fromstring(corpus_path("published/html/101_ptzhsyqhzs_2024.html").read_bytes())
        (row,) = [tr for tr in page.iter("tr") if len(tr) == 15 and all(td.text_content().isdigit() for td in tr)]
        assert [td.text_content() for td in row][:5] == ["1", "0", "0", "0", "0"]
        row[0].drop_tree()
        result = gia_report.parse_with_notes(lxml_html.tostring(page, encoding="unicode"))
        groups = attrs.astuple(result.report.appeals, recurse=False)
        assert [value for group in groups for value in attrs.astuple(group)] == [None] * 15
        assert any(note.code == "unplaced-cells" and len(note.cells) == 15 for note in result.notes)
