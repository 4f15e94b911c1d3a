"""The notebook view: the tables as the template draws them, broken cells marked, blanks blank; a short repr."""

from __future__ import annotations

import copy
import subprocess
import sys
from typing import Any

import attrs
from lxml import html

import gia_report
from gia_report._notebook import findings_html, parse_result_html, report_html


def _sample() -> gia_report.ParseResult:
    from importlib import resources

    return gia_report.parse_with_notes(resources.files("gia_report").joinpath("data", "sample.txt").read_bytes())


def _broken() -> gia_report.Report:
    """The sample with 予以公开/总计 printed as 999 (the applicants add up to 151), and row 1.属于国家秘密 blank."""
    report = _sample().report
    requests = attrs.evolve(
        report.requests,
        granted=attrs.evolve(report.requests.granted, total=999),
        withheld_state_secret=gia_report.RequestRow(),
    )
    return attrs.evolve(report, requests=requests)


def _cell(view: Any, key: str) -> Any:
    """The drawn cell whose hover names *key* (each value cell's title ends with its key)."""
    (cell,) = [td for td in view.iter("td") if (td.get("title") or "").split("\n")[-1] == key]
    return cell


def test_broken_total_is_marked_with_its_message() -> None:
    """The cell of a row-total error is red and says the error on hover; its text is the printed 999."""
    view = html.fragment_fromstring(_broken()._repr_html_())
    cell = _cell(view, "requests/granted/total")
    assert cell.text_content() == "999"
    assert "error-cell" in cell.get("class").split()
    assert "error: （一）予以公开/总计 is 999 but the six applicant columns add up to 151 [row-total]" in cell.get(
        "title"
    )
    assert "#f8d7da" in cell.get("style")  # shown even where <style> is dropped
    errors = [td for td in view.iter("td") if "error-cell" in (td.get("class") or "").split()]
    assert errors == [cell]


def test_blanks_are_visibly_blank() -> None:
    """A blank cell is empty, hatched and says "blank" on hover; a printed 0 is not marked."""
    view = html.fragment_fromstring(_broken()._repr_html_())
    blank = _cell(view, "requests/withheld_state_secret/commercial")
    assert blank.text_content() == ""
    assert "blank" in blank.get("class").split()
    assert blank.get("title").startswith("blank\n")
    zero = _cell(view, "requests/withheld_prohibited_by_law/commercial")
    assert zero.text_content() == "0" and zero.get("class") == "value" and zero.get("style") is None


def test_warnings_are_marked_and_findings_listed() -> None:
    """Warnings mark their cells amber; every finding is listed under the tables with its key and code."""
    report = _broken()
    findings = gia_report.check(report)
    view = html.fragment_fromstring(report._repr_html_())
    warned = [td for td in view.iter("td") if "warning-cell" in (td.get("class") or "").split()]
    assert warned and all("warning:" in td.get("title") for td in warned)
    items = [li.text_content() for li in view.iter("li")]
    assert len(items) == len(findings) > 1
    assert any("requests/granted/total" in item and "[row-total]" in item for item in items)


def test_tables_have_the_writer_geometry() -> None:
    """The notebook draws the same spans as dumps(report, "html") does, table by table."""
    report = _broken()

    def spans(fragment: Any) -> list[list[tuple[str, str]]]:
        return [
            [(td.get("rowspan", "1"), td.get("colspan", "1")) for td in tr]
            for table in fragment.iter("table")
            for tr in table.iter("tr")
        ]

    page = html.document_fromstring(gia_report.dumps(report, "html"))
    assert spans(html.fragment_fromstring(report._repr_html_())) == spans(page)


def test_text_is_escaped() -> None:
    """An agency name with markup is shown as text."""
    report = gia_report.Report(format_version="2021", agency="<script>x</script>", year=2023)
    view = html.fragment_fromstring(report._repr_html_())
    assert view.find(".//script") is None
    assert "<script>x</script>" in view.text_content()


def test_parse_result_view_lists_notes_and_sources() -> None:
    """A parse result shows its notes and the layout, and each read cell's line and printed text on hover."""
    from importlib import resources

    text = resources.files("gia_report").joinpath("data", "sample.txt").read_text(encoding="utf-8")
    varied = text.replace("只计这一情形，不计其他情形", "只计这一情况，不计其他情况")
    assert varied != text
    result = gia_report.parse_with_notes(varied)
    assert result.notes
    view = html.fragment_fromstring(parse_result_html(result))
    items = [li.text_content() for li in view.iter("li")]
    assert [item for item in items if item.startswith("line ")] == [str(note) for note in result.notes]
    assert f"tables read as {result.detection}" in view.text_content()
    source = result.sources["requests/new/total"]
    assert f"line {source.line}, column {source.column}: {source.text!r}" in _cell(view, "requests/new/total").get(
        "title"
    )


def test_findings_view() -> None:
    """Findings are one table row each with severity, cell, code and message; none says so."""
    findings = gia_report.check(_broken())
    view = html.fragment_fromstring(findings._repr_html_())
    rows = [[td.text_content() for td in tr] for tr in view.iter("tr")][1:]
    assert rows == [[f.severity, f.key, f.code, f.message] for f in findings]
    assert "no findings" in findings_html(gia_report.Findings())


def test_repr_is_short_and_names_the_report() -> None:
    """The repr names format, agency, year and the main totals in a line, not 6,500 characters."""
    report = _sample().report
    text = repr(report)
    assert len(text) < 300
    assert text == (
        "<Report format 2021, agency '开封汴东先进制造业开发区', year 2023; "
        "requests total: new=1096 carried_over=17 outcomes_total=1097 carried_forward=16; "
        "appeals total: review=10 litigation_direct=74 litigation_after_review=2>"
    )
    assert repr(gia_report.Report(format_version="2019")).startswith("<Report format 2019, agency None, year None;")


def test_repr_leaves_equality_and_hash_alone() -> None:
    """Reports still compare and hash by value: a copy is equal with the same hash, a changed cell is not equal."""
    report = _sample().report
    twin = copy.deepcopy(report)
    assert twin == report and hash(twin) == hash(report)
    assert attrs.evolve(report, appeals=gia_report.Appeals()) != report


def test_view_is_imported_only_when_asked() -> None:
    """import gia_report does not import the notebook view; drawing a report does."""
    code = (
        "import sys, gia_report; print('gia_report._notebook' in sys.modules); "
        "gia_report.Report(format_version='2021')._repr_html_(); print('gia_report._notebook' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True"]


def test_report_html_takes_given_findings() -> None:
    """report_html marks the findings it is given, not only those of check."""
    report = gia_report.Report(format_version="2021")
    assert "error-cell" not in report_html(report)
    finding = gia_report.check(_broken()).by_code("row-total")
    assert "error-cell" in report_html(report, findings=finding)
