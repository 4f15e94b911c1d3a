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
        """`| 0 | ||` ends in empty cells, the last '|' closing the row; cells are stripped of their spaces."""
        rows = _layout_pipe.tokenize(_lines("行政许可 | 0 | ||"))
        assert _texts(rows) == [["行政许可", "0", "", ""]]

    def test_wrapped_header_words_stay_in_their_cell(self) -> None:
        """A header cell broken by a space (`商业 企业`) is one cell."""
        rows = _layout_pipe.tokenize(_lines("商业 企业 | 科研 机构 |"))
        assert _texts(rows) == [["商业 企业", "科研 机构"]]


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
        """A wrapped numbered label is put together in one cell before the values its row's line closes."""
        text = "（二）部分公开（区分处理的，只计这一情\n形，不计其他情形） 447 7 0 0 0 0 454\n规章 1 0 11"
        rows = _layout_space.tokenize(_lines(text))
        assert _texts(rows) == [
            ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "447", "7", "0", "0", "0", "0", "454"],
            ["规章", "1", "0", "11"],
        ]
        assert [row.line for row in rows] == [2, 3]
        assert (rows[0].cells[0].line, rows[0].cells[0].column) == (1, 1)

    def test_a_label_not_of_the_catalog_keeps_its_cells_in_order(self) -> None:
        """Lines of a label that does not come out whole (a typo) stay cells of their own, as printed."""
        rows = _layout_space.tokenize(_lines("2.其他法律行政法规\n禁止公布 0 0 0"))
        assert _texts(rows) == [["2.其他法律行政法规", "禁止公布", "0", "0", "0"]]

    def test_two_spaces_part_cells_and_one_does_not(self) -> None:
        """pdftotext -layout: runs of spaces part cells; a single space stays inside a label."""
        rows = _layout_space.tokenize(_lines("    （四）无法提供   1.本机关不掌握相关政府信息   31    0     95"))
        assert _texts(rows) == [["（四）无法提供", "1.本机关不掌握相关政府信息", "31", "0", "95"]]
        assert [cell.column for cell in rows[0].cells][:2] == [5, 15]

    def test_a_line_of_values_alone(self) -> None:
        """The appeals data row: values only, after header lines."""
        rows = _layout_space.tokenize(_lines("结果\n维持\n10 1 0"))
        assert _texts(rows) == [["结果", "维持", "10", "1", "0"]]

    def test_a_number_glued_to_its_label(self) -> None:
        """2.重复申请0 0 0: the first value follows the label without a space."""
        rows = _layout_space.tokenize(_lines("2.重复申请0 0 1\n3.危及“三安全一稳定”5 0 5\n行政许可2293"))
        assert _texts(rows) == [
            ["2.重复申请", "0", "0", "1"],
            ["3.危及“三安全一稳定”", "5", "0", "5"],
            ["行政许可", "2293"],
        ]

    def test_a_row_ending_in_a_placeholder_is_a_row(self) -> None:
        """… 0 0 -: a placeholder ends the values as a number does (READING R4, second half)."""
        rows = _layout_space.tokenize(_lines("4.保护第三方合法权益 1 0 -\n5.属于三类内部事务信息 — 2 /"))
        assert _texts(rows) == [["4.保护第三方合法权益", "1", "0", "-"], ["5.属于三类内部事务信息", "—", "2", "/"]]

    def test_a_unit_after_an_amount_stays_with_it(self) -> None:
        """政府集中采购 135 75394432.52 元: the unit is part of the amount's cell."""
        rows = _layout_space.tokenize(_lines("政府集中采购       135         75394432.52 元"))
        assert _texts(rows) == [["政府集中采购", "135", "75394432.52 元"]]

    def test_a_lone_character_of_a_label_is_no_placeholder(self) -> None:
        """无 alone on a line (无法提供 printed one character per line) is text, not a blank value."""
        rows = _layout_space.tokenize(_lines("（四）\n无\n法\n1.本机关不掌握相关政府信息 3 0 3"))
        assert _texts(rows)[0][-4:] == ["1.本机关不掌握相关政府信息", "3", "0", "3"]
        assert len(rows) == 1

    def test_a_label_centred_around_its_values(self) -> None:
        """pdftotext -layout prints a label's lines above and below its values: both halves are the label's."""
        text = "\n".join(
            [
                "一、本年新收政府信息",
                "      64   0   0",
                "公开申请数量",
                "  二、上年结转政府信",
                "      0   0   0",
                "息公开申请数量",
            ]
        )
        rows = _layout_space.tokenize(_lines(text))
        assert _texts(rows) == [
            ["一、本年新收政府信息公开申请数量", "64", "0", "0"],
            ["二、上年结转政府信息公开申请数量", "0", "0", "0"],
        ]

    def test_group_labels_between_the_lines_of_a_label_are_moved_before_it(self) -> None:
        """（三）不予公开 printed a character pair per line between a row's lines stands before its label."""
        lines = ["     （三", "        4.保护第三", "     ）不        0   0   0", "        方合法权益", "     予公"]
        lines += ["        5.属于三类", "     开", "        内部事务信 1    0   1", "        息"]
        text = "\n".join(lines)
        rows = _layout_space.tokenize(_lines(text))
        assert _texts(rows) == [
            ["（三", "）不", "4.保护第三方合法权益", "0", "0", "0"],
            ["予公", "开", "5.属于三类内部事务信息", "1", "0", "1"],
        ]

    def test_a_group_label_on_the_label_line_is_parted_at_one_space(self) -> None:
        """（四 1.本机关不 / ）无 掌握相关政 / 法提 府信息: the group label's characters are cells of their own."""
        text = "     （四 1.本机关不\n     ）无 掌握相关政 22   0   25\n     法提 府信息\n     供 2.没有现成 0    0   0"
        rows = _layout_space.tokenize(_lines(text))
        assert _texts(rows) == [
            ["（四", "）无", "1.本机关不掌握相关政府信息", "22", "0", "25"],
            ["法提", "供", "2.没有现成", "0", "0", "0"],
        ]

    def test_label_cells_are_taken_only_where_they_continue_the_label(self) -> None:
        """Group label cells interleaved with a label's (PDF text in stream order) are no part of it."""
        text = "（五） 1.  信访举报投  0 0 0\n不予处\n理\n诉类申请\n2.  重复申请  3 0 3"
        rows = _layout_space.tokenize(_lines(text))
        assert _texts(rows) == [
            ["（五）", "1.信访举报投诉类申请", "0", "0", "0"],
            ["不予处", "理", "2.重复申请", "3", "0", "3"],
        ]

    def test_a_value_raised_above_its_row_joins_it_in_column_order(self) -> None:
        """A value printed on the line above its label joins the row when the two make a row as wide as the next."""
        text = (
            "             0\n规章                       7            9\n规范性文件        89          89           89"
        )
        rows = _layout_space.tokenize(_lines(text))
        assert _texts(rows) == [["规章", "0", "7", "9"], ["规范性文件", "89", "89", "89"]]

    def test_a_complete_row_of_values_alone_is_not_joined_to_the_next(self) -> None:
        """A line of values that is a whole row (its label printed before) does not join the labelled line under it."""
        text = "2.没有现成信息需要另行制作\n0 0 0\n3.补正后申请内容仍不明确 1 0 1"
        rows = _layout_space.tokenize(_lines(text))
        assert _texts(rows) == [
            ["2.没有现成信息需要另行制作", "0", "0", "0"],
            ["3.补正后申请内容仍不明确", "1", "0", "1"],
        ]

    def test_two_labels_then_their_two_rows_of_values(self) -> None:
        """Two whole labels before two full lines of values: each label gets the line in its order (READING R4)."""
        text = "1.属于国家秘密 0 0 0\n3.危及“三安全一稳定”\n4.保护第三方合法权益\n1 0 1\n0 0 0"
        rows = _layout_space.tokenize(_lines(text))
        assert _texts(rows) == [
            ["1.属于国家秘密", "0", "0", "0"],
            ["3.危及“三安全一稳定”", "1", "0", "1"],
            ["4.保护第三方合法权益", "0", "0", "0"],
        ]

    def test_two_labels_before_short_lines_of_values_are_not_paired(self) -> None:
        """Lines of fewer values than the table's rows may be one row wrapped: the labels are not paired with them."""
        text = "1.属于国家秘密 0 0 0\n3.危及“三安全一稳定”\n4.保护第三方合法权益\n1 0\n1"
        rows = _layout_space.tokenize(_lines(text))
        assert _texts(rows)[1] == ["3.危及“三安全一稳定”", "4.保护第三方合法权益", "1", "0"]
        assert _texts(rows)[2] == ["1"]

    def test_long_lines_read_in_linear_time(self) -> None:
        """A 64 KB line of zeros, with and without a label after it, tokenizes (the old pattern backtracked)."""
        zeros = "0 " * 32_768
        assert len(_layout_space.tokenize(_lines(zeros))[0].cells) == 32_768
        assert _texts(_layout_space.tokenize(_lines(zeros + "x"))) == [[zeros.strip() + " x"]]

    def test_a_row_run_into_the_next_keeps_its_printed_order(self) -> None:
        """Values or another row's label between a label's cells (two lines run together): nothing is moved."""
        text = "（六）其他处理  0  0  0（七）总计   21   0   21"
        rows = _layout_space.tokenize(_lines(text))
        assert _texts(rows) == [["（六）其他处理", "0", "0", "0（七）总计", "21", "0", "21"]]

    def test_a_bracketed_numbering_glued_to_a_group_label_opens_the_label(self) -> None:
        """果（一） / 予以公开: the group label's last characters and the row label part; 第（一）项 stays whole."""
        text = "三、本年\n度办理结\n果（一）  5    1    6\n予以公开\n第二十条第（一）项"
        rows = _layout_space.tokenize(_lines(text))
        assert _texts(rows) == [["三、本年", "度办理结", "果", "（一）予以公开", "5", "1", "6"], ["第二十条第（一）项"]]
