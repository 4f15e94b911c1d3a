"""Every note code the readers can give is registered, documented, and named in the notes of its cells."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import gia_report
from gia_report.parsing.notes import NOTE_CODES

PARSING = Path(gia_report.__file__).resolve().parent / "parsing"
_CODE = re.compile(r"""code=["']([a-z-]+)["']""")


def test_every_code_written_in_the_readers_is_registered() -> None:
    """Each ``code="…"`` a reader module writes is a key of NOTE_CODES."""
    written = {code for path in PARSING.glob("*.py") for code in _CODE.findall(path.read_text(encoding="utf-8"))}
    assert written, "no note code found in the reader modules"
    assert written <= set(NOTE_CODES), sorted(written - set(NOTE_CODES))


def test_an_unregistered_code_is_refused() -> None:
    """A note whose code is not registered cannot be made."""
    with pytest.raises(ValueError, match="not registered"):
        gia_report.Note(code="no-such-code", message="x")


def test_registry_keys_are_the_codes_and_kebab_case() -> None:
    """Each entry is filed under its own code, a stable kebab-case name with a title and a description."""
    for key, code in NOTE_CODES.items():
        assert key == code.code
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", key)
        assert code.title and code.description.endswith(".")


def test_unplaced_notes_name_their_cells() -> None:
    """A row that cannot be placed gives a note naming every one of its cells, all left blank."""
    text = gia_report.dumps(gia_report.Report(format_version="2021", agency="某局", year=2023), "tab")
    line = next(line for line in text.splitlines() if line.startswith("一、本年新收"))
    # Nine cells and two values: three windows hold them, and no total decides.
    result = gia_report.parse_with_notes(text.replace(line, "一、本年新收政府信息公开申请数量\t\t\t5\t\t\t\t\t\t\t"))
    unplaced = [note for note in result.notes if note.code == "unplaced-cells"]
    assert len(unplaced) == 1
    columns = ("natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org", "total")
    assert unplaced[0].cells == tuple(f"requests/new/{column}" for column in columns)
    assert all(getattr(result.report.requests.new, column) is None for column in columns)
