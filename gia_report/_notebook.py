"""The notebook view: a report, a parse result or findings as HTML that Jupyter shows.

`Report._repr_html_` and `Findings._repr_html_` call this module (imported
only then). The three tables are drawn as the national template draws them,
from the same geometry as the HTML and Word writers
(`gia_report.serializing._geometry`). A blank cell is visibly blank (grey,
hatched, "blank" on hover); a cell of an error finding is red, of a warning
amber, with the findings' messages on hover (the ``title`` attribute); the
findings and, for a parse result, the notes are listed below the tables.

Styles are in a ``<style>`` scoped to the ``gia-report`` class, and the
highlights are repeated inline so that a viewer which drops ``<style>`` still
shows them.

>>> from gia_report.model import Report
>>> "<table" in report_html(Report(format_version="2021"))
True

.. versionadded:: 0.2
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from .catalog import SECTIONS
from .checking import check
from .checking.findings import Finding, Findings
from .model import Report
from .serializing._geometry import GridCell, cell_text, report_grids, values_of
from .serializing._html import escape, table_html

if TYPE_CHECKING:
    from .parsing import ParseResult

__all__ = ["findings_html", "parse_result_html", "report_html"]

_ERROR = "background:#f8d7da;outline:2px solid #c0392b;outline-offset:-2px"
_WARNING = "background:#fff3cd;outline:2px solid #d39e00;outline-offset:-2px"
_BLANK = "background:repeating-linear-gradient(45deg,#f2f2f2,#f2f2f2 4px,#e2e2e2 4px,#e2e2e2 8px)"
_STYLE = (
    "<style>"
    ".gia-report{font-family:sans-serif;font-size:13px}"
    ".gia-report table{border-collapse:collapse;margin:.3em 0 1em}"
    ".gia-report td{border:1px solid #999;padding:2px 5px;text-align:center;vertical-align:middle}"
    ".gia-report td.caption{background:#e8eef7;font-weight:bold}"
    ".gia-report td.header{background:#f4f6fa;max-width:16em}"
    ".gia-report td.label{text-align:left}"
    ".gia-report td.value{font-family:monospace;text-align:right;min-width:2.5em}"
    ".gia-report h4{margin:.8em 0 .2em}"
    ".gia-report .error{color:#c0392b}.gia-report .warning{color:#9a7000}"
    "</style>"
)


def _where(finding: Finding) -> list[str]:
    """The cells a finding points at: its own cell, or the cells of its terms for a whole row or column."""
    if finding.row is not None and finding.column is not None:
        return [finding.key]
    return [key for key, _ in finding.terms if key.count("/") == 2]


def _marks(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    marks: dict[str, list[Finding]] = {}
    for finding in findings:
        for key in _where(finding):
            marks.setdefault(key, []).append(finding)
    return marks


class _Cells:
    """The attributes of each drawn cell: its kind as a class, and the marks of blanks, findings and sources."""

    def __init__(
        self,
        values: Mapping[str, object],
        marks: Mapping[str, Sequence[Finding]],
        sources: Mapping[str, str],
    ) -> None:
        self.values = values
        self.marks = marks
        self.sources = sources

    def __call__(self, cell: GridCell) -> dict[str, str]:
        attributes: dict[str, str] = {"class": cell.kind}
        if cell.key is None:
            return attributes
        found = self.marks.get(cell.key, ())
        hover = [f"{finding.severity}: {finding.message} [{finding.code}]" for finding in found]
        if self.values[cell.key] is None:
            hover.insert(0, "blank")
        if cell.key in self.sources:
            hover.append(self.sources[cell.key])
        hover.append(cell.key)
        attributes["title"] = "\n".join(hover)
        if any(finding.severity == "error" for finding in found):
            attributes["class"] += " error-cell"
            attributes["style"] = _ERROR
        elif found:
            attributes["class"] += " warning-cell"
            attributes["style"] = _WARNING
        elif self.values[cell.key] is None:
            attributes["class"] += " blank"
            attributes["style"] = _BLANK
        return attributes


def _total(value: object) -> str:
    return "blank" if value is None else cell_text(value)


def _summary(report: Report, findings: Findings) -> str:
    requests = report.requests
    parts = [
        escape(report.agency or "agency unknown"),
        escape(str(report.year) if report.year is not None else "year unknown"),
        f"format {report.format_version}",
        f"{len(findings.errors)} errors, {len(findings.warnings)} warnings",
    ]
    totals = (
        f"requests (总计): new {_total(requests.new.total)}, carried over {_total(requests.carried_over.total)}, "
        f"handled {_total(requests.outcomes_total.total)}, carried forward {_total(requests.carried_forward.total)}"
    )
    title = f"<b>{escape(report.title)}</b><br>" if report.title else ""
    return f"<p>{title}{' · '.join(parts)}<br>{escape(totals)}</p>"


def _list(items: Iterable[str], heading: str) -> list[str]:
    shown = list(items)
    if not shown:
        return []
    return [f"<h4>{escape(heading)} ({len(shown)})</h4>", "<ul>", *(f"<li>{item}</li>" for item in shown), "</ul>"]


def _finding_item(finding: Finding) -> str:
    return (
        f'<span class="{finding.severity}">{finding.severity}</span> '
        f"<code>{escape(finding.key)}</code> {escape(finding.message)} [<code>{escape(finding.code)}</code>]"
    )


def _narrative(report: Report) -> list[str]:
    headings = {section.key: section.heading for section in SECTIONS}
    parts: list[tuple[str, Sequence[str]]] = [("", report.preamble), (headings["overview"], report.overview.paragraphs)]
    parts += [(sub.heading, sub.paragraphs) for sub in report.overview.subsections]
    parts += [(headings["problems"], report.problems), (headings["other_matters"], report.other_matters)]
    count = sum(len(paragraphs) for _, paragraphs in parts)
    if not count:
        return []
    lines = [f"<details><summary>narrative ({count} paragraphs)</summary>"]
    for heading, paragraphs in parts:
        if paragraphs:
            lines.append(f"<p><b>{escape(heading)}</b></p>" if heading else "")
            lines.extend(f"<p>{escape(text)}</p>" for text in paragraphs)
    lines.append("</details>")
    return lines


def report_html(
    report: Report,
    *,
    findings: Findings | None = None,
    notes: Iterable[str] = (),
    sources: Mapping[str, str] | None = None,
    about: Iterable[str] = (),
) -> str:
    """*report* as HTML for a notebook: summary, the three tables with its *findings* marked, and the lists.

    *findings* default to `gia_report.check` of the report; *notes* are listed
    as given; *sources* map cell keys to where each value was read, shown on
    hover; *about* are lines of HTML shown under the summary.
    """
    found = check(report) if findings is None else findings
    values = values_of(report)
    attributes = _Cells(values, _marks(found), sources or {})
    lines = ['<div class="gia-report">', _STYLE, _summary(report, found), *about]
    for grid in report_grids(report):
        lines.append(f"<h4>{escape(grid.heading)}</h4>")
        lines.extend(table_html(grid, values, attributes=attributes, table_attributes={}))
    lines += _list((_finding_item(finding) for finding in found), "findings")
    lines += _list((escape(note) for note in notes), "notes")
    lines += _narrative(report)
    lines.append("</div>")
    return "\n".join(lines)


def parse_result_html(result: ParseResult) -> str:
    """A parse result as HTML: the report as `report_html` draws it, the notes, the layout, and each cell's source.

    >>> from gia_report import parse_with_notes  # doctest: +SKIP
    >>> parse_result_html(parse_with_notes(text))  # doctest: +SKIP
    """
    sources = {
        key: f"line {source.line}, column {source.column}: {source.text!r}" for key, source in result.sources.items()
    }
    layout = f'<p class="layout">tables read as {escape(str(result.detection))}</p>'
    return report_html(result.report, notes=[str(note) for note in result.notes], sources=sources, about=[layout])


def findings_html(findings: Findings) -> str:
    """*findings* as an HTML table: severity, cell, code and message, one row each."""
    if not findings:
        return '<div class="gia-report"><p>no findings</p></div>'
    rows = [
        "<tr>"
        f'<td class="{finding.severity}">{finding.severity}</td>'
        f"<td><code>{escape(finding.key)}</code></td>"
        f"<td><code>{escape(finding.code)}</code></td>"
        f'<td style="text-align:left">{escape(finding.message)}</td>'
        "</tr>"
        for finding in findings
    ]
    summary = f"{len(findings.errors)} errors, {len(findings.warnings)} warnings"
    header = "<tr><th>severity</th><th>cell</th><th>code</th><th>message</th></tr>"
    return "\n".join(
        ['<div class="gia-report">', _STYLE, f"<p>{summary}</p>", "<table>", header, *rows, "</table>", "</div>"]
    )
