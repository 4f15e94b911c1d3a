"""The public surface: a sorted __all__ that is exactly the public names, and a light import."""

from __future__ import annotations

import subprocess
import sys
import types

import gia_report


def test_all_is_sorted_and_complete() -> None:
    """__all__ is sorted and names every public attribute of the package, and nothing else."""
    # Submodules become attributes once imported; they are reached by their module path, not __all__.
    public = {
        name
        for name, value in vars(gia_report).items()
        if (not name.startswith("_") or name == "__version__") and not isinstance(value, types.ModuleType)
    }
    assert gia_report.__all__ == sorted(gia_report.__all__)
    assert set(gia_report.__all__) == public


def test_import_pulls_in_neither_lxml_nor_hypothesis() -> None:
    """import gia_report works with attrs, cattrs and regex alone (the vendoring promise), and stays light."""
    heavy = ("lxml", "hypothesis", "pandas", "pyarrow", "pypdf", "concurrent.futures", "email", "http")
    code = f"import sys, gia_report; print(sorted(m for m in {heavy!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_version_is_a_literal() -> None:
    """__version__ is a plain string, readable without package metadata."""
    assert isinstance(gia_report.__version__, str)
    assert gia_report.__version__.count(".") == 2
