"""Write the cells of one or more reports as CSV rows: file, agency, year, table, row, column, value.

Run: ``python examples/to_csv.py REPORT.txt … > cells.csv``. The columns
table/row/column are the public keys of FORMAT.md, ready to join on.
"""

from __future__ import annotations

import csv
import sys

import gia_report


def main(paths: list[str]) -> None:
    """Print the cells of the reports at *paths* as CSV on standard output."""
    writer = csv.writer(sys.stdout)
    writer.writerow(["file", "agency", "year", "table", "row", "column", "value"])
    for path in paths:
        report = gia_report.parse_file(path)
        for record in gia_report.to_records(report):
            value = "" if record["value"] is None else str(record["value"])
            writer.writerow([path, report.agency, report.year, record["table"], record["row"], record["column"], value])


if __name__ == "__main__":
    main(sys.argv[1:])
