"""The generated pages of docs/ are up to date with the code."""

from __future__ import annotations

import runpy
from collections.abc import Callable
from pathlib import Path
from typing import cast

import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs"
PAGES = cast("dict[str, Callable[[], str]]", runpy.run_path(str(DOCS / "generate.py"))["PAGES"])


@pytest.mark.parametrize("name", sorted(PAGES))
def test_generated_page_is_current(name: str) -> None:
    """docs/NAME is what `python docs/generate.py` writes today."""
    assert (DOCS / name).read_text(encoding="utf-8") == PAGES[name](), f"run python docs/generate.py ({name} is stale)"
