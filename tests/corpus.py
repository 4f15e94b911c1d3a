"""The shared corpus beside the project (``../shared/corpus``): its reports with their gold files."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
FOLDERS = ("seeds", "variants", "real")
#: The folders in the three delimited layouts, which the quirk tests rewrite cell by cell.
DELIMITED = ("seeds", "variants")


def corpus_files(*folders: str) -> list[Path]:
    """The report texts of *folders* that have a gold file, or a skipping placeholder when absent."""
    return [
        path
        for folder in folders or FOLDERS
        if (CORPUS / folder).is_dir()
        for path in sorted((CORPUS / folder).glob("*.txt"))
        if path.with_name(path.stem + ".gold.json").exists()
    ]


def corpus_params(*folders: str) -> list[Any]:
    """pytest parameters over the corpus files; one skipped parameter when the corpus is not there."""
    files = corpus_files(*folders)
    if not files:
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"no shared corpus at {CORPUS}"))]
    return [pytest.param(path, id=f"{path.parent.name}/{path.stem}") for path in files]


def read_text(path: Path) -> str:
    """The file's text exactly as written (CR LF and BOM kept)."""
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def gold(path: Path) -> dict[str, Any]:
    """The gold file of the report at *path*."""
    data: dict[str, Any] = json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))
    return data


def norm(value: object) -> object:
    """A gold or parsed value in comparable form: numbers as Decimal, None as None."""
    if value is None:
        return None
    return Decimal(str(value))
