"""Collapsed crawler text: re-lining at the catalog's anchors, tokenizing label and run, reading the table."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import gia_report
from gia_report._cells import equations
from gia_report.catalog import FORMATS
from gia_report.model import DocumentCounts
from gia_report.parsing._document import Grid
from gia_report.parsing._layout_collapsed import Piece, reline, tokenize
from gia_report.parsing._result import Layout, Note
from gia_report.parsing._runs import read_runs
from gia_report.parsing._source import Line, decode, drop_furniture, split_lines

from ..corpus import CORPUS, gold, norm, read_text

#: Every form of text that is not collapsed, which must read exactly as before.
OTHER_FOLDERS = ("seeds", "variants", "real", "published/pdf-text", "published/markdown")


def _texts_of(*folders: str) -> list[Path]:
    return [
        path
        for folder in folders
        if (CORPUS / folder).is_dir()
        for path in sorted((CORPUS / folder).iterdir())
        if path.suffix in (".txt", ".md")
    ]


def _lines(text: str) -> list[Line]:
    return drop_furniture(split_lines(decode(text)))[0]


@pytest.mark.parametrize("path", _texts_of(*OTHER_FOLDERS) or [None], ids=lambda p: p.name if p else "none")
def test_other_text_is_not_collapsed(path: Path | None) -> None:
    """Copied tables, PDF text and markdown are left alone: reline gives None, so they read as before."""
    if path is None:
        pytest.skip(f"no shared corpus at {CORPUS}")
    assert reline(_lines(read_text(path)), []) is None


COLLAPSED = _texts_of("published/collapsed")


@pytest.mark.parametrize("path", COLLAPSED or [None], ids=lambda p: p.name if p else "none")
def test_the_collapsed_corpus_reads_its_gold(path: Path | None) -> None:
    """Every scored cell of the crawler texts is read right, with their agency and year."""
    if path is None:
        pytest.skip(f"no shared corpus at {CORPUS}")
    expected = gold(path)
    result = gia_report.parse_with_notes(read_text(path))
    report = result.report
    assert (report.agency, report.year, report.format_version) == (
        expected["agency"],
        expected["year"],
        expected["format_version"],
    )
    cells = {f"{r['table']}/{r['row']}/{r['column']}": r["value"] for r in gia_report.to_records(report)}
    wrong = {key: (cells[key], value) for key, value in expected["cells"].items() if norm(cells[key]) != norm(value)}
    assert not wrong
    assert result.layout is Layout.COLLAPSED


@pytest.mark.parametrize("path", COLLAPSED or [None], ids=lambda p: p.name if p else "none")
def test_unsplit_runs_are_kept_in_the_result(path: Path | None) -> None:
    """Each row left blank because its run could not be split keeps its digits in ParseResult.unsplit."""
    if path is None:
        pytest.skip(f"no shared corpus at {CORPUS}")
    result = gia_report.parse_with_notes(read_text(path))
    for key, run in result.unsplit.items():
        table, row = key.split("/")
        assert any(ch.isdigit() for ch in run)
        cells = getattr(getattr(result.report, table), row)
        assert any(value is None for value in attrs.asdict(cells).values())
    unsplit_rows = {note for note in result.notes if note.code == "unsolved-run"}
    assert bool(unsplit_rows) == bool(result.unsplit)


TEXT = (
    "当前位置：首页 > 年报 某局2021年政府信息公开工作年度报告 来源：某局 时间：2022-01-01 --> 根据条例编制本报告。"
    "一、总体情况本年度共公开信息3条。二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数"
    "现行有效件数规章000行政规范性文件123三、收到和处理政府信息公开申请情况申请人情况自然人法人或其他组织总计"
    "商业企业科研机构社会公益组织法律服务机构其他一、本年新收政府信息公开申请数量1200000 12"
    "（四）无法提供1.本机关不掌握相关政府信息70000072.没有现成信息需要另行制作00000003.其他1000001"
    "四、政府信息公开行政复议、行政诉讼情况行政复议结果维持总计000000000000000五、存在的主要问题及改进情况无。 附件下载"
)


def _relined(text: str = TEXT) -> tuple[list[Line], list[Note]]:
    notes: list[Note] = []
    lines = reline(_lines(text), notes)
    assert lines is not None
    return lines, notes


class TestReline:
    """One physical line cut at the headings and labels, each piece keeping its line and column."""

    def test_headings_and_labels_become_pieces(self) -> None:
        """The section headings, group and row labels each start a piece; the header text stays one piece."""
        texts = [line.text for line in _relined()[0]]
        assert "二、主动公开政府信息情况" in texts
        assert "规章000" in texts
        assert "（四）无法提供" in texts
        assert "1.本机关不掌握相关政府信息7000007" in texts
        assert "四、政府信息公开行政复议、行政诉讼情况" in texts

    def test_the_enumerator_goes_with_its_label(self) -> None:
        """…70000072.没有现成…: the 2 and its dot start the next label's piece, not end the run before."""
        texts = [line.text for line in _relined()[0]]
        assert "2.没有现成信息需要另行制作0000000" in texts

    def test_a_short_label_needs_its_numbering(self) -> None:
        """其他 in the header is a caption; 3.其他 with its enumerator is the row."""
        texts = [line.text for line in _relined()[0]]
        assert "3.其他1000001" in texts
        assert any(text.endswith("法律服务机构其他") for text in texts)

    def test_pieces_keep_their_physical_line_and_column(self) -> None:
        """Every piece is on line 1, and its column points at its text in the line as given."""
        lines, _ = _relined()
        for line in lines:
            assert line.number == 1
            assert TEXT[line.column - 1 :].startswith(line.text)

    def test_page_chrome_is_dropped_with_a_note(self) -> None:
        """The breadcrumb, the metadata before the preamble and 附件下载 are no text of the report."""
        lines, notes = _relined()
        assert lines[0].text == "某局2021年政府信息公开工作年度报告"
        assert lines[1].text.startswith("根据条例")
        assert lines[-1].text == "无。"
        assert [note.code for note in notes] == ["site-chrome"] * 3

    def test_a_title_again_in_the_prose_is_not_a_heading(self) -> None:
        """The preamble may name the sections without their numbers: only numbered titles cut."""
        text = TEXT.replace("根据条例编制本报告。", "本报告包括总体情况、主动公开政府信息情况等部分。")
        texts = [line.text for line in _relined(text)[0]]
        assert texts[1] == "本报告包括总体情况、主动公开政府信息情况等部分。"

    def test_the_collapsed_text_reads_whole(self) -> None:
        """Parsed, the relined text gives its agency, year and cells; the layout says collapsed."""
        result = gia_report.parse_with_notes(TEXT)
        assert (result.report.agency, result.report.year) == ("某局", 2021)
        assert result.report.requests.new.natural_person == 12
        assert result.report.requests.unavailable_not_held.total == 7
        other = result.report.requests.other_other
        assert other is not None and other.natural_person == 1
        documents = result.report.active.normative_documents
        assert isinstance(documents, DocumentCounts) and documents.issued == 1  # 123 in three cells: 1|2|3
        assert any(note.code == "site-chrome" for note in result.notes)


class TestTokenize:
    """A piece of a table section as label, run, and any text after."""

    def test_label_and_run(self) -> None:
        """规章000: the label, then the run with its column."""
        [row] = tokenize([Piece(3, "规章 000", 11)])
        assert [(cell.text, cell.line, cell.column) for cell in row.cells] == [("规章", 3, 11), ("000", 3, 14)]

    def test_placeholders_and_signs_are_part_of_the_run(self) -> None:
        """行政处罚2648-18538 and 规章--- are runs: a sign or a placeholder is a cell's text."""
        rows = tokenize([Line(1, "行政处罚2648-18538"), Line(2, "规章---")])
        assert [[cell.text for cell in row.cells] for row in rows] == [["行政处罚", "2648-18538"], ["规章", "---"]]

    def test_text_glued_after_the_last_run_is_a_third_cell(self) -> None:
        """…20000022025年，我局: the prose is kept apart, glued to the run's end."""
        [row] = tokenize([Line(1, "四、结转下年度继续办理20000022025年，我局")])
        assert [cell.text for cell in row.cells] == ["四、结转下年度继续办理", "20000022025", "年，我局"]

    def test_an_enumerator_before_more_text_is_that_texts(self) -> None:
        """00000005.属于三类内容事物信息1000001: the 5. numbers the label after it."""
        rows = tokenize([Line(1, "4.保护第三方合法权益00000005.属于三类内容事物信息1000001")])
        assert [[cell.text for cell in row.cells] for row in rows] == [
            ["4.保护第三方合法权益", "0000000"],
            ["5.属于三类内容事物信息", "1000001"],
        ]


def reline_table(text: str) -> list[Line]:
    """The pieces of a collapsed requests section standing alone (its heading first)."""
    lines, _ = _relined(f"某局2021年政府信息公开工作年度报告一、总体情况无。{text}")
    return lines


class TestReadRuns:
    """The table read from its runs: values, sources, notes, and the runs left unsplit."""

    def _requests(self, rows: str) -> object:
        text = (
            "二、主动公开政府信息情况规章000三、收到和处理政府信息公开申请情况"
            f"{rows}4.无正当理由大量反复申请00000005.要求行政机关确认或重新出具已获取信息0000000"
            "四、结转下年度继续办理0000000四、政府信息公开行政复议、行政诉讼情况000000000000000"
        )
        lines = reline_table(text)
        start = next(i for i, line in enumerate(lines) if line.text.startswith("三、"))
        end = next(i for i, line in enumerate(lines) if line.text.startswith("四、政府"))
        grid = Grid(tuple(tokenize(lines[start + 1 : end])), "run", Layout.COLLAPSED, 1)
        return read_runs(FORMATS["2021"].table("requests"), grid, equations("2021"))

    def test_a_solved_row_names_its_identity(self) -> None:
        """640020470 is split by its row total: the sources say solved, and which identity; it is spent."""
        reading = self._requests("一、本年新收政府信息公开申请数量640020470")
        assert reading.values["requests/new/natural_person"] == 64  # type: ignore[attr-defined]
        source = reading.sources["requests/new/total"]  # type: ignore[attr-defined]
        assert (source.how, source.equations) == ("solved", ("row-total at requests/new/total",))
        assert [str(e) for e in reading.spent] == ["row-total at requests/new/total"]  # type: ignore[attr-defined]
        assert "solved-run" in {note.code for note in reading.notes}  # type: ignore[attr-defined]

    def test_digits_alone_spend_nothing(self) -> None:
        """Seven digits in seven cells: solved by the digits, no identity named or spent."""
        reading = self._requests("二、上年结转政府信息公开申请数量0000000")
        assert reading.sources["requests/carried_over/total"].equations == ()  # type: ignore[attr-defined]
        assert reading.spent == []  # type: ignore[attr-defined]

    def test_a_row_no_reading_satisfies_is_left_blank_and_kept(self) -> None:
        """1240 in seven cells cannot be, nor 12400013 with its total: blank, a note, the run kept unsplit."""
        reading = self._requests("（一）予以公开12400013")
        values = reading.values  # type: ignore[attr-defined]
        assert all(values[f"requests/granted/{c}"] is None for c in ("natural_person", "total"))
        assert reading.unsplit == {"requests/granted": "12400013"}  # type: ignore[attr-defined]
        [note] = [n for n in reading.notes if n.code == "unsolved-run"]  # type: ignore[attr-defined]
        assert "requests/granted/total" in note.cells

    def test_an_ambiguous_row_lists_its_readings(self) -> None:
        """110000011 with its total reads 1|10|0|0|0|0|11 and 11|0|0|0|0|0|11: only the agreed cells are read."""
        reading = self._requests("（一）予以公开110000011")
        values = reading.values  # type: ignore[attr-defined]
        assert values["requests/granted/total"] == 11
        assert values["requests/granted/natural_person"] is None
        assert values["requests/granted/commercial"] is None
        assert values["requests/granted/research"] == 0
        notes = [n for n in reading.notes if n.code == "unsolved-run"]  # type: ignore[attr-defined]
        assert notes and "ways" in notes[0].message
        assert "requests/granted" in reading.unsplit  # type: ignore[attr-defined]

    def test_an_unknown_label_is_noted_not_read(self) -> None:
        """A label of no row: its digits are not read, and a note says so."""
        reading = self._requests("一、本年新收政府信息公开申请数量0000000某某事项1234")
        assert "unknown-row" in {note.code for note in reading.notes}  # type: ignore[attr-defined]


def test_anchor_spans_refuse_overlaps_by_their_neighbours() -> None:
    """A span overlapping one taken is refused, found by its neighbours (a megabyte line stays linear)."""
    from gia_report.parsing._layout_collapsed import _Spans

    spans = _Spans()
    assert spans.take(10, 20) and spans.take(0, 10) and spans.take(20, 25)
    assert not spans.take(5, 12) and not spans.take(19, 21) and not spans.take(0, 30)
    assert spans.starts == [0, 10, 20] and spans.ends == [10, 20, 25]
