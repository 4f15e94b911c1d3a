"""gia_report.batch: many files read in worker processes, in order, each read, refused or failed, never the end."""

from __future__ import annotations

import os
import pickle
import threading
from pathlib import Path

import pytest

import gia_report
from gia_report.batch import FileResult, _portable, map_files, parse_files

DATA = Path(__file__).resolve().parent / "data"
REPORT_2019 = DATA / "pipe" / "report_2019.txt"
SAMPLE = Path(gia_report.__file__).parent / "data" / "sample.txt"


@pytest.fixture
def files(tmp_path: Path) -> list[str]:
    """A report, a text that is not one, the sample, a file that does not exist and the report again."""
    bad = tmp_path / "notes.txt"
    bad.write_text("会议纪要\n", encoding="utf-8")
    return [str(REPORT_2019), str(bad), str(SAMPLE), str(tmp_path / "gone.txt"), str(REPORT_2019)]


@pytest.mark.parametrize("jobs", [1, 2])
def test_every_file_is_accounted_for_in_order(files: list[str], jobs: int) -> None:
    """Each path gives one FileResult, in the order given: read ones with their report, the others refused."""
    found = list(parse_files(files, jobs=jobs))
    assert [item.path for item in found] == files
    assert [item.status for item in found] == ["read", "refused", "read", "refused", "read"]
    assert [item.report.agency if item.report else None for item in found] == [
        "某县交通运输局",
        None,
        "开封汴东先进制造业开发区",
        None,
        "某县交通运输局",
    ]
    assert files[3] in found[3].message and "No such file or directory" in found[3].message
    assert found[1].result is None and isinstance(found[1].error, gia_report.ParseError)


def test_workers_read_what_this_process_reads(files: list[str]) -> None:
    """The results from worker processes equal those read here: report, notes, layout and sources."""
    here = list(parse_files(files, jobs=1))
    there = list(parse_files(files, jobs=2))
    for mine, theirs in zip(here, there, strict=True):
        assert mine.status == theirs.status
        if mine.result is not None and theirs.result is not None:
            assert mine.result == theirs.result
            assert dict(mine.result.sources) == dict(theirs.result.sources)


def test_many_files_keep_their_order(tmp_path: Path) -> None:
    """Sixty files over two workers come back in order, each with the status its content calls for."""
    paths = []
    for index in range(60):
        path = tmp_path / f"{index:02}.txt"
        path.write_bytes(REPORT_2019.read_bytes() if index % 3 else b"not a report")
        paths.append(str(path))
    statuses = [item.status for item in parse_files(paths, jobs=2)]
    assert statuses == ["refused" if index % 3 == 0 else "read" for index in range(60)]


def _upper_or_die(path: str) -> str | Exception:
    """A worker function that kills its process on the path ``die``."""
    if path == "die":
        os._exit(3)
    return path.upper()


def test_a_worker_that_dies_takes_only_its_file() -> None:
    """A file that kills its worker process fails alone; every other file still gets its result, in order."""
    paths = [f"f{index}" for index in range(20)]
    paths[7] = "die"
    found = list(map_files(_upper_or_die, paths, jobs=2))
    assert [path for path, _ in found] == paths
    assert [value for path, value in found if path != "die"] == [path.upper() for path in paths if path != "die"]
    died = dict(found)["die"]
    assert isinstance(died, RuntimeError)
    assert str(died) == "the worker process reading this file died"


class Odd(Exception):
    """An exception that holds a lock, which does not pickle."""

    def __init__(self) -> None:
        super().__init__("odd\nmore")
        self.handle = threading.Lock()


def test_an_error_that_does_not_pickle_crosses_as_its_message() -> None:
    """An exception that cannot leave a worker process is replaced by a RuntimeError with its one-line message."""
    with pytest.raises(TypeError):
        pickle.dumps(Odd())
    stand_in = _portable(Odd())
    assert type(stand_in) is RuntimeError
    assert str(stand_in) == "Odd: odd"
    kept = ValueError("plain")
    assert _portable(kept) is kept


def test_a_failed_file_is_neither_read_nor_refused() -> None:
    """An error other than ParseError makes the status failed, with the exception's name in the message."""
    item = FileResult(path="x.pdf", error=MemoryError("out of memory"))
    assert (item.status, item.report, item.message) == ("failed", None, "MemoryError: out of memory")


def test_a_file_result_has_a_result_or_an_error() -> None:
    """Neither or both of result and error is refused."""
    result = gia_report.parse_with_notes(REPORT_2019.read_bytes())
    with pytest.raises(ValueError, match="either a result or an error"):
        FileResult(path="a")
    with pytest.raises(ValueError, match="either a result or an error"):
        FileResult(path="a", result=result, error=ValueError("x"))


def test_jobs_must_be_positive() -> None:
    """jobs=0 is a ValueError naming the number."""
    with pytest.raises(ValueError, match="jobs must be at least 1, not 0"):
        list(parse_files([str(REPORT_2019)], jobs=0))


def test_stopping_early_stops_the_workers(files: list[str]) -> None:
    """Closing the iterator after the first result shuts the workers down and returns."""
    items = parse_files(files * 20, jobs=2)
    first = next(items)
    items.close()
    assert first.status == "read"


def test_reports_pickle() -> None:
    """A report survives pickling equal, so it can be sent to Dask or Spark workers."""
    report = gia_report.parse(SAMPLE.read_bytes())
    assert pickle.loads(pickle.dumps(report)) == report


def test_parse_results_pickle() -> None:
    """A ParseResult survives pickling with its notes, layout and sources."""
    result = gia_report.parse_with_notes(SAMPLE.read_bytes())
    again = pickle.loads(pickle.dumps(result))
    assert again == result
    assert dict(again.sources) == dict(result.sources)


def test_file_results_pickle(files: list[str]) -> None:
    """Every FileResult, read or refused, survives pickling."""
    for item in parse_files(files, jobs=1):
        again = pickle.loads(pickle.dumps(item))
        assert (again.path, again.status, again.message, again.report) == (
            item.path,
            item.status,
            item.message,
            item.report,
        )
