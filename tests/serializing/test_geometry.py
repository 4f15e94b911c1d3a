"""The shared table geometry: every grid tiles its rectangle and holds each cell of the report once."""

from __future__ import annotations

import pytest

from gia_report._cells import cell_layout
from gia_report.catalog import FORMAT_VERSIONS, FormatVersion
from gia_report.serializing._geometry import table_grid

TABLES = ("active", "requests", "appeals")


@pytest.mark.parametrize("one_row", [False, True])
@pytest.mark.parametrize("version", FORMAT_VERSIONS)
@pytest.mark.parametrize("table", TABLES)
def test_cells_tile_the_grid(table: str, version: FormatVersion, one_row: bool) -> None:
    """Every grid position is covered by exactly one cell, and slots cover each row's width."""
    grid = table_grid(version, table, other_as_one_row=one_row)
    covered: list[tuple[int, int]] = []
    for cell in grid.cells:
        covered += [(cell.row + r, cell.column + c) for r in range(cell.rowspan) for c in range(cell.colspan)]
    assert sorted(covered) == [(r, c) for r in range(grid.height) for c in range(grid.width)]
    for slots in grid.slots():
        assert sum(slot.cell.colspan for slot in slots) == grid.width


@pytest.mark.parametrize("one_row", [False, True])
@pytest.mark.parametrize("version", FORMAT_VERSIONS)
def test_value_cells_are_the_report_cells(version: FormatVersion, one_row: bool) -> None:
    """The value cells of the three grids are the report's cells, each once, in catalog order."""
    one_row = one_row or version == "2019"
    keys = [key for table in TABLES for key in table_grid(version, table, other_as_one_row=one_row).keys]
    expected = [f"{t.key}/{r.key}/{c.key}" for t, r, c in cell_layout(version, other_as_one_row=one_row)]
    assert keys == expected


def test_sizes_are_the_templates() -> None:
    """Widths and heights as the template prints them (counted by hand from the national forms)."""
    sizes = {
        (version, table, one_row): (grid.width, grid.height)
        for version in FORMAT_VERSIONS
        for table in TABLES
        for one_row in (False, True)
        for grid in [table_grid(version, table, other_as_one_row=one_row)]
    }
    # 2021 active: 4 blocks × (caption + header) + 6 rows; 2019: 5 blocks × 2 + 8 rows.
    assert sizes[("2021", "active", False)] == (4, 14)
    assert sizes[("2019", "active", False)] == (4, 18)
    # requests: 3 header rows + 25 rows (23 with （六）其他处理 as one row); 3 label + 7 value columns.
    assert sizes[("2021", "requests", False)] == (10, 28)
    assert sizes[("2021", "requests", True)] == (10, 26)
    assert sizes[("2019", "requests", False)] == (10, 26)
    # appeals: three header rows and one data row of 15.
    assert sizes[("2021", "appeals", False)] == sizes[("2019", "appeals", True)] == (15, 4)


def test_results_group_spans_the_outcomes() -> None:
    """三、本年度办理结果 spans （一） to （七）总计: 22 rows in 2021, 20 with the one-row （六）."""
    for one_row, rows in ((False, 22), (True, 20)):
        grid = table_grid("2021", "requests", other_as_one_row=one_row)
        (cell,) = [cell for cell in grid.cells if cell.text == "三、本年度办理结果"]
        assert (cell.row, cell.column, cell.rowspan, cell.colspan) == (5, 0, rows, 1)
