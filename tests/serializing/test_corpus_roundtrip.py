"""Every corpus report, parsed, written in each form and read back, equals the parse of the original."""

from __future__ import annotations

from pathlib import Path

import pytest

import gia_report
from tests.corpus import corpus_params, read_text


@pytest.mark.parametrize("form", ["json", "xml", "tab", "pipe", "blank-line"])
@pytest.mark.parametrize("path", corpus_params())
def test_corpus_round_trip(path: Path, form: str) -> None:
    """parse → dumps(form) → loads(form) gives the same report."""
    report = gia_report.parse(read_text(path))
    assert gia_report.loads(gia_report.dumps(report, form), form) == report
