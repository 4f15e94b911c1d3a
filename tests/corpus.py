"""Real reports with their gold files: our own small corpus (``tests/data/corpus``) and the shared one.

The shared corpus (``../shared/corpus``, beside the project) is used when it is
there; our own copies of a few of its reports make the corpus tests run on a
fresh clone too. A report in both, byte for byte, is tested once.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

#: The shared corpus beside the project; it may be absent.
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
#: Our own corpus, always there: a few reports of each folder of the shared one, copied with their gold.
LOCAL = Path(__file__).resolve().parent / "data" / "corpus"
FOLDERS = ("seeds", "variants", "real")
#: The folders in the three delimited layouts, which the quirk tests rewrite cell by cell.
DELIMITED = ("seeds", "variants")


def _with_gold(root: Path, folder: str, suffixes: tuple[str, ...]) -> list[Path]:
    if not (root / folder).is_dir():
        return []
    return [
        path
        for path in sorted((root / folder).iterdir())
        if path.suffix in suffixes
        and not path.name.endswith(".gold.json")
        and path.with_name(path.stem + ".gold.json").exists()
    ]


def corpus_files(*folders: str, suffixes: tuple[str, ...] = (".txt",)) -> list[Path]:
    """The reports of *folders* (default: `FOLDERS`) that have a gold file: the shared ones, then our own.

    A folder may be nested, such as ``published/html``; *suffixes* are the file
    endings taken. Our own copy of a shared report is left out when the shared
    one is there.
    """
    found: list[Path] = []
    for folder in folders or FOLDERS:
        shared = _with_gold(CORPUS, folder, suffixes)
        names = {path.name: path for path in shared}
        found += shared
        found += [
            path
            for path in _with_gold(LOCAL, folder, suffixes)
            if path.name not in names or names[path.name].read_bytes() != path.read_bytes()
        ]
    return found


def corpus_path(relative: str) -> Path:
    """The corpus file at *relative* (``variants/003_v1_1.txt``): the shared one, else our own copy."""
    shared = CORPUS / relative
    return shared if shared.exists() else LOCAL / relative


def corpus_params(*folders: str, suffixes: tuple[str, ...] = (".txt",)) -> list[Any]:
    """pytest parameters over `corpus_files`, with ids ``folder/name`` (``local/folder/name`` for our own)."""
    files = corpus_files(*folders, suffixes=suffixes)
    if not files:
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"no corpus at {CORPUS} nor at {LOCAL}"))]
    return [pytest.param(path, id=_id(path)) for path in files]


def _id(path: Path) -> str:
    if path.is_relative_to(LOCAL):
        return "local/" + path.relative_to(LOCAL).with_suffix("").as_posix()
    return path.relative_to(CORPUS).with_suffix("").as_posix()


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
