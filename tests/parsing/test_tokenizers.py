"""One tokenizer per layout: lines into rows of cells with their positions."""

from __future__ import annotations

from gia_report.parsing import _layout_blank, _layout_pipe, _layout_space, _layout_tab
from gia_report.parsing._document import TableRow
from gia_report.parsing._source import Line


def _lines(text: str) -> list[Line]:
    return [Line(number, line) for number, line in enumerate(text.split("\n"), start=1)]


def _texts(rows: list[TableRow]) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in rows]


class TestTab:
    """The tab layout: one row per line."""

    def test_cells_split_at_tabs_with_empty_cells_kept(self) -> None:
        """Leading, inner and trailing empty cells stay, so shifted rows can be recognised later."""
        rows = _layout_tab.tokenize(_lines("\t(三) 不予公开\t1.属于国家秘密\t0\t\n3.其他\t\t5\t"))
        assert _texts(rows) == [["", "(三) 不予公开", "1.属于国家秘密", "0", ""], ["3.其他", "", "5", ""]]

    def test_blank_lines_carry_nothing_and_columns_are_one_based(self) -> None:
        """Blank lines yield no row; a cell's column is where its text starts."""
        rows = _layout_tab.tokenize(_lines("\n规章\t 11\t0"))
        assert len(rows) == 1
        assert rows[0].line == 2
        assert [(c.text, c.column) for c in rows[0].cells] == [("规章", 1), ("11", 5), ("0", 8)]


class TestPipe:
    """The pipe layout: cells between | on one line, padding at the end."""

    def test_trailing_padding_gives_empty_cells(self) -> None:
        """`| 0 | ||` ends in empty cells; cells are stripped of their spaces."""
        rows = _layout_pipe.tokenize(_lines("行政许可 | 0 | ||"))
        assert _texts(rows) == [["行政许可", "0", "", "", ""]]

    def test_wrapped_header_words_stay_in_their_cell(self) -> None:
        """A header cell broken by a space (`商业 企业`) is one cell."""
        rows = _layout_pipe.tokenize(_lines("商业 企业 | 科研 机构 |"))
        assert _texts(rows) == [["商业 企业", "科研 机构", ""]]


class TestBlankLine:
    """The blank-line layout: one cell per tab-indented line, rows between blank lines."""

    def test_rows_split_at_blank_lines(self) -> None:
        """Each run of lines is a row; a line holding only a tab is an empty cell."""
        rows = _layout_blank.tokenize(_lines("\t规章\n\t0\n\t\n\n\t行政许可\n\t3"))
        assert _texts(rows) == [["规章", "0", ""], ["行政许可", "3"]]
        assert [row.line for row in rows] == [1, 5]

    def test_wrapped_cell_joins_the_next_line(self) -> None:
        """A line without a leading tab continues the cell above it: 商业 / 企业."""
        rows = _layout_blank.tokenize(_lines("\t\n\t商业\n企业\n\t科研\n机构\n\t其他"))
        assert _texts(rows) == [["", "商业企业", "科研机构", "其他"]]

    def test_a_line_with_only_spaces_separates_rows(self) -> None:
        """Spaces alone (no tab) are a blank line, not a cell."""
        rows = _layout_blank.tokenize(_lines("\t规章\n   \n\t0"))
        assert _texts(rows) == [["规章"], ["0"]]


class TestSpace:
    """The space layout of PDF text: label lines gather until a line ends in values."""

    def test_values_end_the_row_and_label_lines_lead_it(self) -> None:
        """A wrapped label's lines become leading cells of the row its values close."""
        text = "（二）部分公开（区分处理的，只计这一情\n形，不计其他情形） 447 7 0 0 0 0 454\n规章 1 0 11"
        rows = _layout_space.tokenize(_lines(text))
        assert _texts(rows) == [
            ["（二）部分公开（区分处理的，只计这一情", "形，不计其他情形）", "447", "7", "0", "0", "0", "0", "454"],
            ["规章", "1", "0", "11"],
        ]
        assert [row.line for row in rows] == [2, 3]

    def test_two_spaces_part_cells_and_one_does_not(self) -> None:
        """pdftotext -layout: runs of spaces part cells; a single space stays inside a label."""
        rows = _layout_space.tokenize(_lines("    （四）无法提供   1.本机关不掌握相关政府信息   31    0     95"))
        assert _texts(rows) == [["（四）无法提供", "1.本机关不掌握相关政府信息", "31", "0", "95"]]
        assert [cell.column for cell in rows[0].cells][:2] == [5, 15]

    def test_a_line_of_values_alone(self) -> None:
        """The appeals data row: values only, after header lines."""
        rows = _layout_space.tokenize(_lines("结果\n维持\n10 1 0"))
        assert _texts(rows) == [["结果", "维持", "10", "1", "0"]]
