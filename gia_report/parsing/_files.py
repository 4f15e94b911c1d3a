"""Reading a report from a file: the bytes of *path*, bounded, for the reader of their form.

A report file is read whole, but never more than `MAX_FILE_SIZE` bytes: a
path that names something other than a regular file (a directory, a device
such as ``/dev/zero``, a FIFO, a socket) or a larger file is refused before it
is read, and a file that grows while it is read is cut at the bound and
refused. Every failure is a `ParseError` naming the path.

.. versionadded:: 0.2
"""

from __future__ import annotations

import os
import stat

from ..errors import ParseError

__all__ = ["MAX_FILE_SIZE", "read_file"]

#: The largest file read, in bytes: a web page with its scripts is some 400 KB, a PDF report some MB.
MAX_FILE_SIZE = 64 * 1024 * 1024


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def read_file(path: str | os.PathLike[str]) -> bytes:
    """The bytes of the file at *path*, or a `ParseError` naming the path and why it cannot be read."""
    if isinstance(path, (bytes, bytearray, memoryview)):
        raise ParseError(
            "expected the path of a report file (str or os.PathLike), not bytes: to read a report's bytes, "
            "use parse(data)",
            line=1,
        )
    if not isinstance(path, (str, os.PathLike)):
        raise ParseError(f"expected the path of a report file (str or os.PathLike), not {type(path).__name__}", line=1)
    try:
        name = os.fspath(path)
    except TypeError as error:
        raise ParseError(f"expected the path of a report file: {error}", line=1) from None
    if not isinstance(name, str):
        raise ParseError(f"expected the path of a report file as text, not {type(name).__name__}", line=1)
    if "\x00" in name:
        raise ParseError(f"the path {name!r} holds a NUL character: no file has such a name", line=1)
    try:
        # Look before opening: opening a FIFO would wait for a writer.
        mode = os.stat(name).st_mode
        if not stat.S_ISREG(mode):
            raise _refuse(name, f"it is {_kind(mode)}, not a report file")
        with open(name, "rb") as handle:
            found = os.fstat(handle.fileno())
            if not stat.S_ISREG(found.st_mode):
                raise _refuse(name, f"it is {_kind(found.st_mode)}, not a report file")
            if found.st_size > MAX_FILE_SIZE:
                raise _too_large(name, found.st_size)
            data = handle.read(MAX_FILE_SIZE + 1)
    except ParseError:
        raise
    except OSError as error:
        raise _refuse(name, error.strerror or str(error)) from None
    except (ValueError, OverflowError) as error:
        raise _refuse(name, str(error)) from None
    if len(data) > MAX_FILE_SIZE:
        raise _too_large(name, len(data))
    return data


def _refuse(name: str, why: str) -> ParseError:
    return ParseError(f"cannot read {name!r}: {why}", line=1)


def _too_large(name: str, size: int) -> ParseError:
    return _refuse(
        name, f"{size:,} bytes or more, larger than the {MAX_FILE_SIZE:,} bytes (64 MiB) a report file may be"
    )
