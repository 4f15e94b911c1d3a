"""The public surface: a sorted __all__ that is exactly the public names, and a light import."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
import types
from pathlib import Path

import pytest

import gia_report


def test_all_is_sorted_and_complete() -> None:
    """__all__ is sorted and names every public attribute of the package, those imported at first use too."""
    # Submodules become attributes once imported; they are reached by their module path, not __all__.
    public = {
        name
        for name in dir(gia_report)
        if (not name.startswith("_") or name == "__version__")
        and not isinstance(getattr(gia_report, name), types.ModuleType)
    }
    assert gia_report.__all__ == sorted(gia_report.__all__)
    assert set(gia_report.__all__) == public


def test_names_imported_at_first_use_are_those_the_type_checker_sees() -> None:
    """Each public name is imported at first use from the module that the facade's TYPE_CHECKING imports name."""
    tree = ast.parse(Path(gia_report.__file__).read_text(encoding="utf-8"))
    declared = {
        alias.name: node.module
        for block in tree.body
        if isinstance(block, ast.If) and ast.unparse(block.test) == "_typing.TYPE_CHECKING"
        for node in block.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert declared == gia_report._HOMES
    for name, home in declared.items():
        assert getattr(gia_report, name) is getattr(importlib.import_module(f"gia_report.{home}"), name)


def test_unknown_names_raise_attribute_error() -> None:
    """A name the package does not have raises AttributeError naming it, as for any module."""
    name = "parse_everything"
    with pytest.raises(AttributeError, match="has no attribute 'parse_everything'"):
        getattr(gia_report, name)


def test_public_modules_are_attributes_of_the_package() -> None:
    """After import gia_report alone, its public modules are reached as its attributes, imported then."""
    code = "import gia_report; print(gia_report.serializing.FORMATS[0], gia_report.catalog.__name__)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["json", "gia_report.catalog"]


def test_import_imports_none_of_the_package() -> None:
    """import gia_report imports none of its modules (nor attrs): each is imported when a name needs it."""
    code = "import sys, gia_report; print(sorted(m for m in sys.modules if m.startswith(('gia_report.', 'attr'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_import_pulls_in_neither_lxml_nor_hypothesis() -> None:
    """Every public name works with attrs, cattrs and regex alone (the vendoring promise), and stays light."""
    heavy = ("lxml", "hypothesis", "pandas", "pyarrow", "pypdf", "concurrent.futures", "email", "http", "urllib")
    # Measured against what the interpreter had imported before (site may import pathlib, and so urllib).
    code = (
        "import sys; before = set(sys.modules); import gia_report; "
        "[getattr(gia_report, name) for name in gia_report.__all__]; "
        f"print(sorted(m for m in {heavy!r} if m in sys.modules and m not in before))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_version_is_a_literal() -> None:
    """__version__ is a plain string, readable without package metadata."""
    assert isinstance(gia_report.__version__, str)
    assert gia_report.__version__.count(".") == 2
