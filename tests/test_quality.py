"""The code is kept clean: ruff and mypy --strict pass over the package and the tests.

They run as tests so that the one test command of the README checks them too.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


def _has_ruff() -> bool:
    # Through this interpreter, so that a venv's ruff is found without the venv being activated.
    return _run(sys.executable, "-m", "ruff", "--version").returncode == 0


needs_ruff = pytest.mark.skipif(not _has_ruff(), reason="ruff is not installed (pip install -e '.[test]')")


@needs_ruff
def test_ruff_check() -> None:
    """ruff finds nothing to complain about."""
    done = _run(sys.executable, "-m", "ruff", "check", "--no-cache", ".")
    assert done.returncode == 0, done.stdout + done.stderr


@needs_ruff
def test_ruff_format() -> None:
    """The code is formatted as ruff formats it."""
    done = _run(sys.executable, "-m", "ruff", "format", "--check", "--no-cache", ".")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_strict() -> None:
    """mypy --strict (configured in pyproject.toml) passes over package, tests, benchmarks and examples."""
    pytest.importorskip("mypy", reason="mypy is not installed (pip install -e '.[test]')")
    done = _run(sys.executable, "-m", "mypy", "--no-incremental")
    assert done.returncode == 0, done.stdout + done.stderr
