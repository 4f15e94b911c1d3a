"""The pipe and markdown layouts: the '|' closing and opening a row, rule lines, and markdown tables broken apart."""

from __future__ import annotations

import gia_report
from gia_report import Active2021, AppealRow, Appeals, Report, RequestRow, Requests
from gia_report.parsing import _layout_pipe
from gia_report.parsing._document import TableRow
from gia_report.parsing._source import Line


def _lines(text: str) -> list[Line]:
    return [Line(number, line) for number, line in enumerate(text.split("\n"), start=1)]


def _texts(rows: list[TableRow]) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in rows]


def _markdown(text: str) -> str:
    """*text* written by ``dumps(…, "pipe")`` as markdown: each row opened by '|', a rule under a table's first."""
    lines = []
    previous_was_row = False
    for line in text.split("\n"):
        if line.endswith(" |"):
            lines.append("| " + line.lstrip() if not line.startswith(" ") else "|" + line)
            if not previous_was_row:
                lines.append("|---|---|")
            previous_was_row = True
        else:
            lines.append(line)
            previous_was_row = False
    return "\n".join(lines)


class TestClosingPipe:
    """The '|' that closes a pipe row is no cell."""

    def test_a_closed_row_ends_at_its_last_cell(self) -> None:
        """`规章 | 0 | 0 | 0 |` is four cells, the label and three values."""
        assert _texts(_layout_pipe.tokenize(_lines("规章 | 0 | 0 | 0 |"))) == [["规章", "0", "0", "0"]]

    def test_a_blank_last_value_stays_a_cell(self) -> None:
        """`dumps` writes a blank last value as `… | 1 |  |`: the blank is a cell, the closing '|' is not."""
        assert _texts(_layout_pipe.tokenize(_lines("规章 | 1 |  |"))) == [["规章", "1", ""]]

    def test_a_label_line_closed_by_a_pipe_is_the_label_alone(self) -> None:
        """`规章 |` on a line of its own holds only the label."""
        assert _texts(_layout_pipe.tokenize(_lines("规章 |"))) == [["规章"]]

    def test_padding_before_the_closing_pipe_is_empty_cells(self) -> None:
        """`行政许可 | 0 | ||`: the padding pipes stand for empty cells, the last one closes the row."""
        assert _texts(_layout_pipe.tokenize(_lines("行政许可 | 0 | ||"))) == [["行政许可", "0", "", ""]]

    def test_an_open_row_keeps_every_cell(self) -> None:
        """A row not closed by '|' (`规章 | 1 | 2`) is its cells between the pipes."""
        assert _texts(_layout_pipe.tokenize(_lines("规章 | 1 | 2"))) == [["规章", "1", "2"]]

    def test_a_pipe_row_opening_with_a_pipe_opens_with_an_empty_cell(self) -> None:
        """Outside markdown, `| （二）… | 1 |` (dumps' ` | ` with its space stripped) opens with an empty cell."""
        rows = _layout_pipe.tokenize(
            _lines("（三）不予公开 | 1.属于国家秘密 | 0 |\n| 2.其他法律行政法规禁止公开 | 1 |")
        )
        assert _texts(rows) == [["（三）不予公开", "1.属于国家秘密", "0"], ["", "2.其他法律行政法规禁止公开", "1"]]

    def test_label_line_closed_then_values_below_read_in_place(self) -> None:
        """A pipe label line `规章 |` with `1 | 2 |  |` below reads issued 1, repealed 2, in_force blank."""
        text = gia_report.dumps(Report(format_version="2021", agency="某局", year=2023), "pipe")
        assert "规章 |  |  |  |\n" in text
        report = gia_report.parse(text.replace("规章 |  |  |  |\n", "规章 |\n1 | 2 |  |\n"))
        assert isinstance(report.active, Active2021)
        regulations = report.active.regulations
        assert (regulations.issued, regulations.repealed, regulations.in_force) == (1, 2, None)

    def test_dumps_pipe_round_trips_with_blank_last_cells(self) -> None:
        """A report whose rows end in blank cells reads back equal from the pipe layout."""
        new = RequestRow(natural_person=3, commercial=None, research=None, social_welfare=None, legal_services=None)
        appeals = Appeals(litigation_after_review=AppealRow(upheld=1, corrected=None, other=None, pending=None))
        report = Report(format_version="2021", agency="某局", year=2023, requests=Requests(new=new), appeals=appeals)
        text = gia_report.dumps(report, "pipe")
        assert isinstance(text, str)
        assert gia_report.parse(text) == report


class TestMarkdown:
    """Markdown tables: the '|' opening a row is no cell, a rule line no row."""

    def test_opening_pipe_and_rule_line(self) -> None:
        """`| 信息内容 | 本年制发件数 |`, `|---|---|`, `| 规章 | 12 |`: two rows of two cells, at their columns."""
        rows = _layout_pipe.tokenize(_lines("| 信息内容 | 本年制发件数 |\n|---|:---:|\n| 规章 | 12 |"))
        assert _texts(rows) == [["信息内容", "本年制发件数"], ["规章", "12"]]
        assert [row.line for row in rows] == [1, 3]
        assert [(cell.text, cell.column) for cell in rows[1].cells] == [("规章", 3), ("12", 8)]

    def test_empty_first_cell_of_a_markdown_row_is_kept(self) -> None:
        """`|  | 1.属于国家秘密 | 0 |` in markdown opens with an empty cell (the merged group label's)."""
        rows = _layout_pipe.tokenize(_lines("| a | b | c |\n|---|---|---|\n|  | 1.属于国家秘密 | 0 |"))
        assert _texts(rows)[1] == ["", "1.属于国家秘密", "0"]

    def test_every_line_opening_with_a_pipe_is_markdown_without_a_rule(self) -> None:
        """Rows that all open with '|' are markdown rows even where the rule line was lost."""
        rows = _layout_pipe.tokenize(_lines("| 规章 | 1 | 2 | 3 |\n| 行政规范性文件 | 4 | 5 | 6 |"))
        assert _texts(rows) == [["规章", "1", "2", "3"], ["行政规范性文件", "4", "5", "6"]]

    def test_a_data_row_of_dashes_is_not_a_rule(self) -> None:
        """`| - | - |` (placeholders for blank values) is a row: a rule has three dashes or more."""
        rows = _layout_pipe.tokenize(_lines("| a | b |\n|---|---|\n| - | - |"))
        assert _texts(rows) == [["a", "b"], ["-", "-"]]

    def test_markdown_appeals_row_reads_in_its_columns(self) -> None:
        """A markdown appeals row `| 1 |  | 2 |  | 3 | …` reads review as upheld 1, other 2, total 3."""
        review = AppealRow(upheld=1, corrected=None, other=2, pending=None, total=3)
        direct = AppealRow(upheld=0, corrected=4, other=0, pending=0, total=4)
        report = Report(
            format_version="2021", agency="某局", year=2023, appeals=Appeals(review=review, litigation_direct=direct)
        )
        text = gia_report.dumps(report, "pipe")
        assert isinstance(text, str)
        markdown = _markdown(text)
        assert "\n| 1 |  | 2 |  | 3 | 0 | 4 | 0 | 0 | 4 |" in markdown
        read = gia_report.parse(markdown).appeals
        assert read.review == review and read.litigation_direct == direct


def test_markdown_headings_are_the_report_s_headings_and_title() -> None:
    """`# title` and `## 二、…` headings of a markdown report are its title and sections, without their '#'."""
    report = Report(format_version="2021", agency="某局", year=2023)
    text = _markdown(gia_report.dumps(report, "pipe")).replace("| 规章 |  |  |  |", "| 规章 | 1 | 2 | 3 |")
    headings = ("一、", "二、", "三、", "四、", "五、", "六、")
    marked = "# " + "\n".join("## " + line if line.startswith(headings) else line for line in text.split("\n"))
    assert "\n## 三、收到和处理政府信息公开申请情况\n" in marked
    read = gia_report.parse(marked)
    assert (read.agency, read.year) == ("某局", 2023)
    assert isinstance(read.active, Active2021)
    assert read.active.regulations.in_force == 3


def test_a_hash_outside_markdown_is_text() -> None:
    """Without a markdown table, a line's '#' is its text: the headings of a pipe report are read as before."""
    text = gia_report.dumps(Report(format_version="2021", agency="某局", year=2023), "pipe")
    assert gia_report.parse(text.replace("规章 |  |  |  |", "规章 | 1 | 2 | 3 |")).agency == "某局"
