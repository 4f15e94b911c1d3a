"""Generate the pages of docs/ that are read off the code, so that they cannot drift.

Run ``python docs/generate.py`` after changing the catalog; a test fails while a page is stale.
"""

from __future__ import annotations

from pathlib import Path

from gia_report.catalog import FORMATS, SECTIONS
from gia_report.checking import CODES
from gia_report.parsing._result import HOWS
from gia_report.parsing.notes import NOTE_CODES

DOCS = Path(__file__).resolve().parent


def catalog_page() -> str:
    """docs/catalog.md: every key with its label and variants, for both formats, and the identities."""
    lines = [
        "# The catalog",
        "",
        "Generated from `gia_report/catalog.py` by `python docs/generate.py`; do not edit by hand.",
        "",
        "## Sections",
        "",
        "| key | heading | titles accepted |",
        "|---|---|---|",
    ]
    lines += [f"| `{s.key}` | {s.heading} | {' / '.join(s.titles)} |" for s in SECTIONS]
    for version, spec in FORMATS.items():
        lines += ["", f"## Format {version}", "", spec.document, ""]
        for table in spec.tables:
            lines += [f"### Table `{table.key}` — {table.heading}", ""]
            lines += ["| key | label | variants | columns |", "|---|---|---|---|"]
            for row in table.rows:
                columns = ", ".join(f"`{c.key}` {c.label}" for c in row.columns)
                note = " (optional: stands in for " + ", ".join(row.replaces) + ")" if row.optional else ""
                variants = " / ".join(row.variants) or "—"
                lines.append(f"| `{table.key}/{row.key}`{note} | {row.label} | {variants} | {columns} |")
            lines.append("")
        lines += [
            f"### Identities of format {version}",
            "",
            "| code | table | holds | description |",
            "|---|---|---|---|",
        ]
        for rule in spec.identities:
            holds = f"in every {rule.axis}: {' + '.join(rule.total)} = {' + '.join(rule.parts)}"
            lines.append(f"| `{rule.code}` | {rule.table} | {holds} | {rule.description} |")
        lines += ["", f"Markers of format {version}: " + "、".join(spec.markers)]
    return "\n".join(lines) + "\n"


def notes_page() -> str:
    """docs/notes.md: every note code a parse can give, what it means, and how a cell's value can be placed."""
    lines = [
        "# Notes",
        "",
        "Generated from `gia_report/parsing/notes.py` by `python docs/generate.py`; do not edit by hand.",
        "",
        "`gia_report.parse_with_notes(text)` returns, beside the report, a `Note` for every tolerated oddity of",
        "the input and every cell that could not be read with certainty: its `code` (below), its `line`, a",
        "`message`, and the keys of the `cells` it concerns. `parse(text, strict=True)` refuses a report that",
        "needs any note. A cell is read right or left `None` with a note that names it: never another number.",
        "",
        "| code | title | cells left blank | meaning |",
        "|---|---|---|---|",
    ]
    for code in NOTE_CODES.values():
        blank = "yes" if code.blank else ""
        lines.append(f"| `{code.code}` | {code.title} | {blank} | {code.description} |")
    lines += [
        "",
        "## How a value was placed",
        "",
        "`ParseResult.sources[key].how` says how each value read was placed in its column, and",
        "`.equations` names the identity instances the placement relied on (those rows are then no evidence",
        "that the identity holds; `ParseResult.spent` lists them all):",
        "",
        "| how | meaning |",
        "|---|---|",
    ]
    lines += [f"| `{how}` | {meaning} |" for how, meaning in HOWS.items()]
    return "\n".join(lines) + "\n"


def findings_page() -> str:
    """docs/findings.md: every finding code with its severity, meaning, template and an example."""
    lines = [
        "# Findings",
        "",
        "Generated from `gia_report/checking/findings.py` by `python docs/generate.py`; do not edit by hand.",
        "",
        "`gia_report.check(report)` returns every finding of a report; `gia_report.check_series(reports)` the",
        "findings across years. Each finding has a stable `code`, a `severity`, the cell to look at",
        "(`table`, `row`, `column`; `row` is empty for a whole column), `expected`, `actual`, the identity's",
        "`terms` and a `message`. Blank cells are never taken for zeros: an identity with a blank term is at",
        "most a `blank-term` warning, and one whose every term is blank is not reported.",
        "",
    ]
    for code in CODES.values():
        lines += [
            f"## `{code.name}` ({code.severity})",
            "",
            f"**{code.title}.** {code.description}",
            "",
            f"Message: `{code.template}`",
            "",
            f"Example: {code.template.format(**code.example)}",
            "",
        ]
    return "\n".join(lines)


PAGES = {"catalog.md": catalog_page, "findings.md": findings_page, "notes.md": notes_page}


def main() -> None:
    """Write every generated page."""
    for name, page in PAGES.items():
        (DOCS / name).write_text(page(), encoding="utf-8")


if __name__ == "__main__":
    main()
