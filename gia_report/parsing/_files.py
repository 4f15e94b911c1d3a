"""Reading a report from a file: the bytes of *path*, bounded, handed to the reader of their form."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import ParseError

__all__ = ["read_file"]


def read_file(path: str | os.PathLike[str]) -> bytes:
    """The bytes of the file at *path*, or a `ParseError` naming the path and why it cannot be read."""
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise ParseError(f"cannot read {os.fspath(path)!r}: {error.strerror}", line=1) from error
