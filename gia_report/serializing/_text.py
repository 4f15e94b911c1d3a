"""Writing a report in the text layouts: a complete report in the national template's order and wording.

Each table is laid out the way that layout appears in the wild (the inverse
of the tokenizers in `gia_report.parsing`):

- ``tab``: one row per line, cells separated by tabs;
- ``pipe``: one row per line, cells separated by `` | `` and closed by ``|``;
- ``blank-line``: one cell per line, each line opened by a tab, rows
  separated by a blank line.

The labels, captions and headings are the catalog's canonical ones.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal

from ..catalog import ESCAPE, FORMATS, SECTIONS, Column, Table
from ..model import Report

# The writer escapes exactly what the parser would misread, so it asks the parser's own rule.
from ..parsing._narrative import reads_as_structure
from ..records import printed_rows

__all__ = ["WRITERS", "table_rows", "write_text"]

Cells = list[str]


def _value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _get(report: Report, table: str, row: str, column: str) -> str:
    return _value(getattr(getattr(getattr(report, table), row), column))


def _active_rows(report: Report, table: Table) -> list[Cells]:
    rows: list[Cells] = []
    block: str | None = None
    for row in table.rows:
        if row.block != block:
            block = row.block
            rows.append([block or ""])
            rows.append(["信息内容", *(column.label for column in row.columns)])
        rows.append([row.label, *(_get(report, table.key, row.key, c.key) for c in row.columns)])
    return rows


def _requests_rows(report: Report, table: Table) -> list[Cells]:
    columns: Sequence[Column] = table.rows[0].columns
    rows: list[Cells] = [
        ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", "申请人情况"],
        ["", "", "自然人", "法人或其他组织", "", "", "", "", "总计"],
        ["", "", "", *(column.label for column in columns[1:6]), ""],
    ]
    printed = printed_rows(report.format_version, other_as_one_row=report.requests.other_as_one_row)
    group: str | None = None
    for row in (row for printed_table, row in printed if printed_table.key == table.key):
        values = [_get(report, "requests", row.key, column.key) for column in columns]
        # Values follow the label directly, so a blank cell is never confused with structure.
        if row.key == "other_handling":
            rows.append([row.label, *values])
            group = row.label
        elif row.group is not None and row.group != group:
            group = row.group
            rows.append([row.group, row.label, *values])
        elif row.group is not None:
            rows.append(["", row.label, *values])
        else:
            group = None
            rows.append([row.label, *values])
    return rows


def _appeals_rows(report: Report, table: Table) -> list[Cells]:
    columns = [column.label for column in table.rows[0].columns]
    return [
        ["行政复议", "", "", "", "", "行政诉讼"],
        [*columns, "未经复议直接起诉", "", "", "", "", "复议后起诉"],
        ["", "", "", "", "", *columns, *columns],
        [_get(report, "appeals", row.key, column.key) for row in table.rows for column in row.columns],
    ]


def table_rows(report: Report) -> dict[str, list[Cells]]:
    """The printed rows of each table of *report*, as lists of cell texts."""
    spec = FORMATS[report.format_version]
    return {
        "active": _active_rows(report, spec.table("active")),
        "requests": _requests_rows(report, spec.table("requests")),
        "appeals": _appeals_rows(report, spec.table("appeals")),
    }


def _tab(rows: Iterable[Cells]) -> list[str]:
    return ["\t".join(row) for row in rows]


def _pipe(rows: Iterable[Cells]) -> list[str]:
    return [" | ".join(row) + " |" for row in rows]


def _blank_line(rows: Iterable[Cells]) -> list[str]:
    lines: list[str] = []
    for row in rows:
        lines.extend("\t" + cell for cell in row)
        lines.append("")
    return lines


WRITERS: dict[str, Callable[[Iterable[Cells]], list[str]]] = {
    "tab": _tab,
    "pipe": _pipe,
    "blank-line": _blank_line,
}


def _prose(paragraphs: Iterable[str], where: str) -> list[str]:
    """*paragraphs* as lines, each escaped where the parser would read it as structure."""
    return [ESCAPE + text if reads_as_structure(text, where) else text for text in paragraphs]


def _title_lines(title: str) -> list[str]:
    # A parser reads a title line of up to 60 characters; a longer title goes on over lines. One that fits is
    # not broken: a line after the first that starts like a preamble (《…) is no part of a title.
    if len(title) <= 60:
        return [title]
    return [title[start : start + 50] for start in range(0, len(title), 50)]


def write_text(report: Report, layout: str) -> str:
    """*report* as a complete report text whose tables are in *layout*.

    Narrative lines that would read as structure (a heading, a sub-heading,
    page furniture, a title) are escaped with `gia_report.catalog.ESCAPE`.
    """
    lay_out = WRITERS[layout]
    lines: list[str] = []
    if report.title is not None:
        lines.extend(_title_lines(report.title))
    lines.extend(_prose(report.preamble, "prose" if report.title is not None else "preamble"))
    headings = {section.key: section.heading for section in SECTIONS}
    lines.append(headings["overview"])
    lines.extend(_prose(report.overview.paragraphs, "overview"))
    for subsection in report.overview.subsections:
        lines.append(subsection.heading)
        lines.extend(_prose(subsection.paragraphs, "overview"))
    rows = table_rows(report)
    for key in ("active", "requests", "appeals"):
        lines.append(headings[key])
        lines.extend(lay_out(rows[key]))
    lines.append(headings["problems"])
    lines.extend(_prose(report.problems, "prose"))
    lines.append(headings["other_matters"])
    lines.extend(_prose(report.other_matters, "prose"))
    return "\n".join(lines) + "\n"
