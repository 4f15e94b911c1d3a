"""Generate the pages of docs/ that are read off the code, so that they cannot drift.

Run ``python docs/generate.py`` after changing the catalog; a test fails while a page is stale.
"""

from __future__ import annotations

from pathlib import Path

from gia_report.catalog import FORMATS, SECTIONS

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


PAGES = {"catalog.md": catalog_page}


def main() -> None:
    """Write every generated page."""
    for name, page in PAGES.items():
        (DOCS / name).write_text(page(), encoding="utf-8")


if __name__ == "__main__":
    main()
