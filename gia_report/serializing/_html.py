"""Writing a report as an HTML page: the narrative and the three tables as the national template draws them.

The page is ordinary HTML of the kind agencies publish, so a reader of real
pages reads it: a UTF-8 document with ``<meta charset="utf-8">``, the title in
``<h1>``, the section headings in ``<h2>``, the sub-headings of 一、总体情况 in
``<h3>``, each paragraph in a ``<p>``, and each table a
``<table border="1">`` of ``<tr>``/``<td>`` with the ``rowspan`` and
``colspan`` of the template (`gia_report.serializing._geometry`). A blank cell
is an empty ``<td>``. A paragraph whose spacing HTML would collapse (a tab,
two spaces) carries ``style="white-space:pre-wrap"``; narrative lines that
would read as structure are escaped with `gia_report.catalog.ESCAPE`, as in
the text layouts.

>>> from gia_report.model import Report
>>> page = dumps_html(Report(format_version="2021", agency="某局", year=2023))
>>> page.startswith("<!DOCTYPE html>"), "<h1>某局2023年政府信息公开工作年度报告</h1>" in page
(True, True)
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Mapping

from ..catalog import ESCAPE, SECTIONS
from ..model import Report

# The writer escapes exactly what the parser would misread, so it asks the parser's own rule.
from ..parsing._narrative import reads_as_structure
from ._geometry import Grid, GridCell, cell_text, report_grids, values_of

__all__ = ["CellAttributes", "dumps_html", "escape", "table_html"]

#: Extra attributes of a drawn cell (the notebook view adds a class and a title).
CellAttributes = Callable[[GridCell], Mapping[str, str]]

_STYLE = (
    "body{font-family:serif;max-width:60em;margin:auto}"
    "table{border-collapse:collapse;margin:1em 0}"
    "td{border:1px solid #000;padding:2px 4px;text-align:center}"
)
_COLLAPSED = re.compile(r"\t|\s\s")


def escape(text: str) -> str:
    """*text* safe inside an element or a double-quoted attribute value."""
    return html.escape(text, quote=True)


def _attributes(attributes: Mapping[str, str]) -> str:
    return "".join(f' {name}="{escape(value)}"' for name, value in attributes.items())


def table_html(
    grid: Grid,
    values: Mapping[str, object],
    *,
    attributes: CellAttributes | None = None,
    table_attributes: Mapping[str, str] | None = None,
) -> list[str]:
    """The lines of *grid* as an HTML table, value cells filled from *values* (by key)."""
    given_table = {"border": "1", "cellspacing": "0"} if table_attributes is None else table_attributes
    lines = [f"<table{_attributes(given_table)}>"]
    for row in grid.rows():
        cells = []
        for cell in row:
            given: dict[str, str] = {}
            if cell.rowspan > 1:
                given["rowspan"] = str(cell.rowspan)
            if cell.colspan > 1:
                given["colspan"] = str(cell.colspan)
            if attributes is not None:
                given.update(attributes(cell))
            text = cell.text if cell.key is None else cell_text(values[cell.key])
            cells.append(f"<td{_attributes(given)}>{escape(text)}</td>")
        lines.append("<tr>" + "".join(cells) + "</tr>")
    lines.append("</table>")
    return lines


def _paragraph(text: str, tag: str = "p") -> str:
    style = ' style="white-space:pre-wrap"' if _COLLAPSED.search(text) else ""
    return f"<{tag}{style}>{escape(text)}</{tag}>"


def _prose(paragraphs: Iterable[str], where: str) -> list[str]:
    return [_paragraph(ESCAPE + text if reads_as_structure(text, where) else text) for text in paragraphs]


def _title(title: str) -> str:
    # A reader takes a title line of up to 60 characters; a longer title goes on over lines, as in the text layouts.
    return "<br>".join(escape(title[start : start + 50]) for start in range(0, len(title), 50))


def dumps_html(report: Report) -> str:
    """*report* as a complete HTML page (see the module docstring)."""
    headings = {section.key: section.heading for section in SECTIONS}
    name = report.title or "政府信息公开工作年度报告"
    lines = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{escape(name)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
    ]
    if report.title is not None:
        lines.append(f"<h1>{_title(report.title)}</h1>")
    lines.extend(_prose(report.preamble, "prose" if report.title is not None else "preamble"))
    lines.append(f"<h2>{escape(headings['overview'])}</h2>")
    lines.extend(_prose(report.overview.paragraphs, "overview"))
    for subsection in report.overview.subsections:
        lines.append(_paragraph(subsection.heading, "h3"))
        lines.extend(_prose(subsection.paragraphs, "overview"))
    values = values_of(report)
    for grid in report_grids(report):
        lines.append(f"<h2>{escape(headings[grid.table])}</h2>")
        lines.extend(table_html(grid, values))
    lines.append(f"<h2>{escape(headings['problems'])}</h2>")
    lines.extend(_prose(report.problems, "prose"))
    lines.append(f"<h2>{escape(headings['other_matters'])}</h2>")
    lines.extend(_prose(report.other_matters, "prose"))
    lines += ["</body>", "</html>"]
    return "\n".join(lines) + "\n"
