"""Parsing time on nasty inputs, relative to ``str.splitlines`` of the same text.

Run: ``python benchmarks/bench_hostile.py [--case NAME …] [--timeout S] [--profile]``.

Each case is a real report of the shared corpus (``../shared/corpus``; else the sample shipped
in ``gia_report/data``) with something nasty put into it, about 2 MB (the repeated tables 20 MB):

- ``wide-row``: one 11 KB table row of 500 text cells that match no label;
- ``repeated-tables``: the rows of table 三 repeated to 20 MB;
- ``zeros``: a table line of 64 KB of zeros, ``0`` after ``0``;
- ``spaced-zeros``: a table line of 64 KB of zeros separated by spaces, ending in a word;
- ``chinese-line``: one 2 MB line of Chinese text in table 三;
- ``chinese-paragraph``: one 2 MB line of Chinese text in the narrative of section 一;
- ``unmatched-rows``: 2 MB of table rows (some 50 000) whose labels match nothing;
- ``digits``: a table cell of 2 MB of digits.

For every case it prints the size, the time of ``gia_report.parse_with_notes`` and of
``str.splitlines``, and their ratio; a parse that raises `ParseError` counts (it is the answer for
text that is no report), any other exception is printed. A case slower than ``--timeout`` seconds
(default 60) is stopped and shown as such. With ``--profile`` each case runs under cProfile (its
times then inflated) and its most expensive functions are printed with file and line, with the
callers of the first three, to tell where the time goes. Caches are warm only from the one report
parsed before the cases, as for a first parse of the input.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import signal
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from types import FrameType

import gia_report

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
MB = 1_000_000


def _tab_report() -> str:
    """A tab-layout report of the corpus (or the shipped sample when the corpus is absent)."""
    for path in sorted(CORPUS.glob("*/*.txt")):
        text = path.read_text(encoding="utf-8")
        if "予以公开\t" in text:
            return text
    return (ROOT / "gia_report" / "data" / "sample.txt").read_text(encoding="utf-8")


def _insert_after(text: str, marker: str, block: str) -> str:
    """*text* with the lines of *block* put after the first line holding *marker*."""
    lines = text.split("\n")
    at = next(n for n, line in enumerate(lines) if marker in line)
    return "\n".join([*lines[: at + 1], block, *lines[at + 1 :]])


def _utf8(text: str) -> int:
    return len(text.encode("utf-8"))


def _repeat(unit: str, size: int) -> str:
    """*unit* repeated to about *size* bytes of UTF-8."""
    return unit * max(size // _utf8(unit), 1)


def _requests_rows(text: str) -> list[str]:
    lines = text.split("\n")
    start = next(n for n, line in enumerate(lines) if line.startswith("三、") and "申请" in line)
    end = next(n for n, line in enumerate(lines) if line.startswith("四、"))
    return lines[start + 1 : end]


def cases() -> dict[str, Callable[[], str]]:
    """The nasty inputs by name, each built when asked for."""
    base = _tab_report()
    granted = "予以公开"

    def wide_row() -> str:
        cells = "\t".join(f"第{n:03d}项情况说明" for n in range(500))
        return _insert_after(base, granted, "某某情况\t" + cells)

    def repeated_tables() -> str:
        rows = "\n".join(_requests_rows(base)) + "\n"
        return _insert_after(base, granted, _repeat(rows, 20 * MB).rstrip("\n"))

    def zeros() -> str:
        return _insert_after(base, granted, "0" * 65_536)

    def spaced_zeros() -> str:
        return _insert_after(base, granted, "0 " * 32_768 + "件")

    def chinese_line() -> str:
        return _insert_after(base, granted, _repeat("政府信息公开", 2 * MB))

    def chinese_paragraph() -> str:
        return _insert_after(base, "一、总体情况", _repeat("政府信息公开", 2 * MB))

    def unmatched_rows() -> str:
        row = "某某某某某某事项{n}\t1\t2\t3\t4\t5\t6\t21"
        block = "\n".join(row.format(n=n) for n in range(2 * MB // _utf8(row.format(n=10_000))))
        return _insert_after(base, granted, block)

    def digits() -> str:
        line = next(line for line in base.split("\n") if granted + "\t" in line)
        cells = line.split("\t")
        cells[-2] = "9" * (2 * MB)
        return base.replace(line, "\t".join(cells))

    return {
        "wide-row": wide_row,
        "repeated-tables": repeated_tables,
        "zeros": zeros,
        "spaced-zeros": spaced_zeros,
        "chinese-line": chinese_line,
        "chinese-paragraph": chinese_paragraph,
        "unmatched-rows": unmatched_rows,
        "digits": digits,
    }


class _Timeout(BaseException):  # not an Exception: parse must not take it for an error of its own
    pass


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise _Timeout


def _parse(text: str) -> str:
    try:
        result = gia_report.parse_with_notes(text)
    except gia_report.ParseError as error:
        return f"ParseError: {error.msg[:60]}"
    return f"{len(result.notes)} notes"


def _timed(run: Callable[[], object], timeout: float) -> tuple[float | None, str]:
    signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    start = time.perf_counter()
    try:
        outcome = str(run())
    except _Timeout:
        return None, f"stopped after {timeout:.0f} s"
    except Exception as error:  # a bug: show it rather than stop the benchmark
        outcome = f"{type(error).__name__}: {str(error)[:80]}"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return time.perf_counter() - start, outcome


def _where(function: tuple[str, int, str]) -> str:
    filename, line, name = function
    if filename == "~":
        return name
    return f"{Path(filename).relative_to(ROOT) if filename.startswith(str(ROOT)) else filename}:{line}({name})"


def _report(profiler: cProfile.Profile, top: int = 12, callers: int = 3) -> str:
    """The *top* functions by own time, and who called the first *callers* of them, with file and line."""
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    entries = sorted(stats.stats.items(), key=lambda item: item[1][2], reverse=True)  # type: ignore[attr-defined]
    lines = [f"    {'own s':>8} {'total s':>8} {'calls':>9}  function"]
    for function, (_, calls, own, total, _) in entries[:top]:
        lines.append(f"    {own:>8.3f} {total:>8.3f} {calls:>9}  {_where(function)}")
    for function, (*_, by) in entries[:callers]:
        lines.append(f"    {_where(function)} called by:")
        for caller, timing in sorted(by.items(), key=lambda item: item[1][3], reverse=True)[:3]:
            lines.append(f"        {timing[3]:>8.3f} s  {_where(caller)}")
    return "\n".join(lines)


def main() -> None:
    """Build each case, time it against str.splitlines, and print the table (and profiles)."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--case", action="append", help="run only this case (repeatable)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before a case is stopped")
    parser.add_argument("--profile", action="store_true", help="print the top functions of each case")
    options = parser.parse_args()
    built = cases()
    names = options.case or list(built)
    _parse(_tab_report())  # compile the patterns and fill the caches once, outside the timings
    print(f"{'case':<18} {'MB':>7} {'parse s':>9} {'lines s':>8} {'ratio':>8}  outcome")
    for name in names:
        text = built[name]()
        start = time.perf_counter()
        text.splitlines()
        lines = max(time.perf_counter() - start, 1e-6)
        profiler = cProfile.Profile() if options.profile else None
        if profiler is not None:
            profiler.enable()
        elapsed, outcome = _timed(partial(_parse, text), options.timeout)
        if profiler is not None:
            profiler.disable()
        shown = (
            f"{elapsed:>9.2f} {lines:>8.4f} {elapsed / lines:>8.0f}"
            if elapsed is not None
            else f"{'—':>9} {lines:>8.4f} {'—':>8}"
        )
        print(f"{name:<18} {_utf8(text) / MB:>7.2f} {shown}  {outcome}", flush=True)
        if profiler is not None:
            print(_report(profiler), flush=True)


if __name__ == "__main__":
    main()
