"""Assembly: the tables' readings, the front matter and the narrative put together into a `Report`."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from .._cells import printed_rows
from ..catalog import FormatVersion
from ..model import Report
from ..records import report_from_cells
from ._narrative import Front, read_overview, read_paragraphs
from ._result import CellSource, Note, SourceFields
from ._sections import Sections
from ._tables import TableReading

__all__ = ["assemble"]


def assemble(
    version: FormatVersion,
    readings: Mapping[str, TableReading],
    sections: Sections,
    front: Front,
    notes: list[Note],
) -> tuple[Report, dict[str, CellSource | SourceFields]]:
    """The report and its source map; a row that was not found is blank, with a note."""
    other_as_one_row = _other_as_one_row(version, readings["requests"], notes)
    cells: dict[str, object] = {}
    sources: dict[str, CellSource | SourceFields] = {}
    for reading in readings.values():
        notes.extend(reading.notes)
        sources.update(reading.sources)
    missing: list[tuple[str, str, tuple[str, ...]]] = []  # each row not found: its table, label and cells
    for table_key, row_key, label, keys in _printed_cells(version, other_as_one_row):
        reading = readings[table_key]
        if row_key not in reading.found:
            missing.append((table_key, label, keys))
        values = reading.values
        for key in keys:
            cells[key] = values.get(key)
    for table_key, label, keys in missing:
        notes.append(
            Note(
                code="missing-row",
                message=f"row {label} of table {table_key} not found: its cells are blank",
                line=sections.headings[table_key].number,
                cells=keys,
            )
        )
    sources = {key: source for key, source in sources.items() if key in cells}
    report = report_from_cells(
        version,
        cells,  # type: ignore[arg-type]
        other_as_one_row=other_as_one_row,
        agency=front.agency,
        year=front.year,
        title=front.title,
        preamble=front.preamble,
        overview=read_overview(sections.lines("overview")),
        problems=read_paragraphs(sections.lines("problems")),
        other_matters=read_paragraphs(sections.lines("other_matters")),
    )
    return report, sources


def _other_as_one_row(version: FormatVersion, requests: TableReading, notes: list[Note]) -> bool:
    """Whether a 2021 report prints （六）其他处理 as one row (the hybrid of FORMAT.md §2.3)."""
    if version == "2019":
        return True
    three = [key for key in ("other_no_correction", "other_unpaid_fees", "other_other") if key in requests.found]
    line = requests.found.get("other_handling")
    if line is None:
        return False
    one_row_values = [
        v for k, v in requests.values.items() if k.startswith("requests/other_handling/") and v is not None
    ]
    if three:
        if one_row_values:
            notes.append(
                Note(
                    code="unplaced-cells",
                    message="（六）其他处理 has values of its own beside its three rows: those values are not read",
                    line=line,
                )
            )
        return False
    notes.append(
        Note(
            code="other-as-one-row",
            message="（六）其他处理 printed as one row, as in the 2019 format: read as other_handling",
            line=line,
        )
    )
    return True


@cache
def _printed_cells(version: FormatVersion, other_as_one_row: bool) -> tuple[tuple[str, str, str, tuple[str, ...]], ...]:
    """Each row a report prints (`printed_rows`): its table's key, its key, its label and its cells' keys."""
    return tuple(
        (table.key, row.key, row.label, tuple(f"{table.key}/{row.key}/{column.key}" for column in row.columns))
        for table, row in printed_rows(version, other_as_one_row=other_as_one_row)
    )
