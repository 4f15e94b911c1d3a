"""Parse every report text in a folder and print one line per report: agency, year, layout and notes.

Run: ``python examples/validate_folder.py FOLDER``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import gia_report


def main(folder: str) -> int:
    """Print a line per report in *folder*; return 1 if any could not be read."""
    status = 0
    for path in sorted(Path(folder).glob("*.txt")):
        try:
            result = gia_report.parse_with_notes(path.read_bytes())
        except gia_report.ParseError as error:
            print(f"{path.name}: not read: {error.msg} (line {error.line})")
            status = 1
            continue
        report = result.report
        print(
            f"{path.name}: {report.agency} {report.year} {report.format_version} {result.layout}, "
            f"{len(result.notes)} notes"
        )
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))
