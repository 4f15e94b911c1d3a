"""Reading many files at once: `parse_files` reads them in worker processes and yields a `FileResult` each.

>>> for item in parse_files(["a.txt", "b.pdf"], jobs=2):  # doctest: +SKIP
...     print(item.path, item.status, item.report.agency if item.report else item.message)

Files are read in the order given and yielded in that order, a few at a time
per worker, with a bounded number in flight, so memory stays flat however many
files there are. A file that cannot be read is a `FileResult` with its error,
never the end of the run: a `ParseError` (the text is not a report, or the
file cannot be opened) is ``refused``, anything else ``failed``, and a worker
process that dies takes only the file it was reading with it.

Worker processes are started the platform's way (forked on Linux, spawned on
macOS and Windows): where they are spawned, call `parse_files` under
``if __name__ == "__main__":`` in a script.

.. versionadded:: 0.2
"""

from __future__ import annotations

import os
import pickle
import signal
from collections import deque
from collections.abc import Callable, Generator, Iterable, Sequence
from functools import partial
from itertools import islice
from typing import TYPE_CHECKING, Literal, TypeVar

import attrs

from .errors import ParseError
from .model import Report
from .parsing import ParseResult, parse_with_notes
from .parsing._files import read_file

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

__all__ = ["FileResult", "Status", "map_files", "parse_files"]

Status = Literal["read", "refused", "failed"]
T = TypeVar("T")

#: Files handed to a worker at once: enough to make the hand-over cheap, few enough to keep all workers busy.
CHUNK = 4
#: Chunks in flight per worker: enough that no worker waits while a slow file (a PDF) holds up the
#: next result in order, few enough to keep memory flat.
IN_FLIGHT = 4


def cores() -> int:
    """The cores this process may run on (its CPU affinity where the platform tells it)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS and Windows have no affinity
        return os.cpu_count() or 1


def one_line(error: BaseException) -> str:
    """*error* in one line: a ParseError's message with its line and column, another's type and first line."""
    if isinstance(error, ParseError):
        return f"{error.msg} (line {error.line}, column {error.column})"
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0]}" if text else type(error).__name__


@attrs.frozen(kw_only=True)
class FileResult:
    """One file of a batch: its ``path``, and the ``result`` of parsing it or the ``error`` that stopped it.

    ``status`` is ``read`` (``result`` is the `ParseResult`), ``refused`` (``error``
    is the `ParseError`: not a report, or not readable) or ``failed`` (``error`` is
    any other exception, such as a worker process that died).

    >>> item = FileResult(path="a.txt", error=ParseError("not a report", line=1))
    >>> item.status, item.message
    ('refused', 'not a report (line 1, column 1)')

    .. versionadded:: 0.2
    """

    path: str
    result: ParseResult | None = None
    error: Exception | None = None

    def __attrs_post_init__(self) -> None:
        if (self.result is None) == (self.error is None):
            raise ValueError("a FileResult has either a result or an error")

    @property
    def status(self) -> Status:
        """``read``, ``refused`` or ``failed``."""
        if self.result is not None:
            return "read"
        return "refused" if isinstance(self.error, ParseError) else "failed"

    @property
    def report(self) -> Report | None:
        """The report read, or ``None`` when the file was refused or failed."""
        return self.result.report if self.result is not None else None

    @property
    def message(self) -> str:
        """The error in one line, or ``""`` when the file was read."""
        return one_line(self.error) if self.error is not None else ""


def _portable(error: Exception) -> Exception:
    """*error* itself if it pickles, else a RuntimeError saying what it was, so it can leave a worker."""
    try:
        pickle.dumps(error)
    except Exception:
        return RuntimeError(one_line(error))
    return error


def read_with_notes(path: str, *, strict: bool = False) -> ParseResult:
    """The parse result of the file at *path*, read as `gia_report.parse_file` reads it, with notes."""
    return parse_with_notes(read_file(path), strict=strict)


def _parse_one(path: str, strict: bool) -> ParseResult | Exception:
    try:
        return read_with_notes(path, strict=strict)
    except Exception as error:
        return _portable(error)


def _file_result(path: str, outcome: ParseResult | Exception) -> FileResult:
    if isinstance(outcome, Exception):
        return FileResult(path=path, error=outcome)
    return FileResult(path=path, result=outcome)


def parse_files(
    paths: Iterable[str | os.PathLike[str]], *, jobs: int | None = None, strict: bool = False
) -> Generator[FileResult, None, None]:
    """A `FileResult` for each of *paths*, in order, read by *jobs* worker processes (default: every core).

    ``jobs=1`` reads in this process. *strict* is `gia_report.parse`'s.

    >>> [item.status for item in parse_files(["report.txt", "photo.jpg"])]  # doctest: +SKIP
    ['read', 'refused']

    .. versionadded:: 0.2
    """
    names = (os.fspath(path) for path in paths)
    for path, outcome in map_files(partial(_parse_one, strict=strict), names, jobs=jobs):
        yield _file_result(path, outcome)


def _ignore_interrupts() -> None:
    # Ctrl-C is the main process's to handle; workers stop when it shuts the pool down.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _work_chunk(function: Callable[[str], T], paths: Sequence[str]) -> list[T]:
    return [function(path) for path in paths]


def map_files(
    function: Callable[[str], T | Exception], paths: Iterable[str], *, jobs: int | None = None
) -> Generator[tuple[str, T | Exception], None, None]:
    """``(path, function(path))`` for each of *paths*, in order, computed by *jobs* worker processes.

    *function* must be picklable (a module-level function or a `functools.partial`
    of one) and should return its errors rather than raise them. A worker that
    dies is replaced; the files it may have been reading are read again one at a
    time, and the one that kills a worker again gets a `RuntimeError`.
    `parse_files` is ``map_files`` over a function that parses one file.

    >>> list(map_files(len, ["a.txt", "bb.txt"], jobs=1))
    [('a.txt', 5), ('bb.txt', 6)]

    .. versionadded:: 0.2
    """
    jobs = cores() if jobs is None else jobs
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    if jobs == 1:
        for path in paths:
            yield path, function(path)
        return
    # Imported here: multiprocessing is not needed to import gia_report, nor for jobs=1.
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    chunk = CHUNK
    if isinstance(paths, Sequence):
        # A short list is spread over every worker rather than handed to the first.
        chunk = max(1, min(CHUNK, len(paths) // (jobs * 2)))
    given = iter(paths)
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_interrupts)
    pending: deque[tuple[list[str], Future[list[T | Exception]]]] = deque()
    try:
        while True:
            while len(pending) < jobs * IN_FLIGHT:
                paths_now = list(islice(given, chunk))
                if not paths_now:
                    break
                pending.append((paths_now, pool.submit(_work_chunk, function, paths_now)))
            if not pending:
                return
            paths_now, future = pending.popleft()
            try:
                outcomes = future.result()
            except BrokenProcessPool:
                lost = [path for paths_lost, _ in [(paths_now, future), *pending] for path in paths_lost]
                pending.clear()
                pool.shutdown(wait=True, cancel_futures=True)
                pool, recovered = _one_by_one(function, lost, jobs)
                yield from recovered
                continue
            yield from zip(paths_now, outcomes, strict=True)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _one_by_one(
    function: Callable[[str], T | Exception], paths: list[str], jobs: int
) -> tuple[ProcessPoolExecutor, list[tuple[str, T | Exception]]]:
    """Read *paths* one at a time in fresh workers after a worker died; return the last pool and the outcomes."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    done: list[tuple[str, T | Exception]] = []
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_interrupts)
    for path in paths:
        try:
            done.append((path, pool.submit(function, path).result()))
        except BrokenProcessPool:
            pool.shutdown(wait=True, cancel_futures=True)
            done.append((path, RuntimeError("the worker process reading this file died")))
            pool = ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_interrupts)
    return pool, done
