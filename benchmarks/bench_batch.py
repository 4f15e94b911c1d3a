"""Batch reading: wall time against one process, and peak memory per process for two file counts.

Run: ``python benchmarks/bench_batch.py [--files 1000 5000] [--jobs 2]``. It makes a folder of N
files by linking to the reports of the corpus (the shared one beside the project when it is there,
else ``tests/data/corpus``) in turn, every form it has — text layouts, PDF text, web pages, Word
documents, PDF files — plus files that cannot be read (a cut report, binary noise, a gold file), and
for each N:

1. parses every file in this process (read, `parse_with_notes`), and again with `check`: the
   single-process time T1;
2. runs ``gia-report batch DIR --jobs J --out cells.parquet --files files.csv`` as a command and
   times it (Tj), sampling the peak resident memory (VmHWM) of the command and each worker;
3. checks that every file is accounted for in files.csv and that the cells in cells.parquet are
   the sum over the files read;

and prints Tj / (T1 / J) — the Done-when of issue 10 wants it ≤ 1.3 —, the CPU time of the batch over
that of one process (which, unlike wall time, other load on a shared machine does not change), and the
peak memory of the main process and of the largest worker. Flat memory shows as the same peaks for both file counts.
Linux only (it reads /proc); the figures in docs/batch.md come from it.
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import gia_report
from gia_report.parsing._files import read_file

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
LOCAL = ROOT / "tests" / "data" / "corpus"


def _sources() -> list[Path]:
    corpus = SHARED if SHARED.is_dir() else LOCAL
    return sorted(
        path
        for path in corpus.rglob("*")
        if path.is_file() and not path.name.endswith(".gold.json") and path.suffix != ".md"
    )


def _folder(count: int, into: Path) -> list[Path]:
    """*count* files in *into*: links to the corpus reports in turn, every 50th one unreadable."""
    sources = _sources()
    text = (ROOT / "gia_report" / "data" / "sample.txt").read_text(encoding="utf-8")
    broken = {
        "cut.txt": text[: len(text) // 3].encode("utf-8"),
        "noise.bin": bytes(range(256)) * 64,
        "notes.txt": "会议纪要：本次会议讨论了年度报告的编写。\n".encode(),
    }
    made = into.parent / "unreadable"
    made.mkdir(exist_ok=True)
    for name, data in broken.items():
        (made / name).write_bytes(data)
    files: list[Path] = []
    for index in range(count):
        path = into / f"{index:06}_{sources[index % len(sources)].name}"
        if index % 50 == 49:
            target = made / list(broken)[index // 50 % len(broken)]
            path = into / f"{index:06}_{target.name}"
        else:
            target = sources[index % len(sources)]
        path.symlink_to(target)
        files.append(path)
    return files


def _one_process(files: list[Path], *, checks: bool) -> tuple[float, float]:
    """Wall and CPU seconds to read and parse (and check) every file here."""
    start, cpu = time.perf_counter(), time.process_time()
    for path in files:
        try:
            result = gia_report.parse_with_notes(read_file(path))
        except gia_report.ParseError:
            continue
        if checks:
            gia_report.check(result.report)
    return time.perf_counter() - start, time.process_time() - cpu


def _descendants(pid: int) -> set[int]:
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _peak_kib(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _cpu_seconds(pid: int) -> float | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _run_batch(folder: Path, out: Path, jobs: int) -> tuple[float, float, float, int, int, int]:
    """Run the command: wall and CPU seconds (its workers' included), the main process's own CPU seconds,
    exit status, and the peak KiB of the main process and of the largest worker."""
    command = [sys.executable, "-m", "gia_report", "batch", str(folder), "--jobs", str(jobs)]
    command += ["--out", str(out / "cells.parquet"), "--files", str(out / "files.csv")]
    peaks: dict[int, int] = {}
    own = [0.0]
    cpu = _children_cpu()
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL)

    def sample() -> None:
        while child.poll() is None:
            own[0] = _cpu_seconds(child.pid) or own[0]
            for pid in {child.pid} | _descendants(child.pid):
                peak = _peak_kib(pid)
                if peak is not None:
                    peaks[pid] = max(peaks.get(pid, 0), peak)
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    status = child.wait()
    elapsed = time.perf_counter() - start
    sampler.join()
    main_peak = peaks.pop(child.pid, 0)
    return elapsed, _children_cpu() - cpu, own[0], status, main_peak, max(peaks.values(), default=0)


def _verify(files: list[Path], out: Path) -> tuple[int, int]:
    """Every file is a row of files.csv; the cells written are the sum over the files read. (read, refused)."""
    import pyarrow.parquet

    with open(out / "files.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(row["file"] for row in rows) == sorted(str(path) for path in files), "a file is not accounted for"
    read = [row for row in rows if row["status"] == "read"]
    cells = pyarrow.parquet.ParquetFile(out / "cells.parquet").metadata.num_rows
    # The files are links to a few reports: count each report's cells once.
    counted: dict[Path, int] = {}
    for row in read:
        target = Path(row["file"]).resolve()
        if target not in counted:
            counted[target] = len(gia_report.to_records(gia_report.parse(read_file(target))))
    expected = sum(counted[Path(row["file"]).resolve()] for row in read)
    assert cells == expected, f"{cells} cells written, {expected} in the files read"
    return len(read), len(rows) - len(read)


def main() -> None:
    """Measure each file count and print one line per count."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, nargs="+", default=[1000, 5000], help="file counts (default 1000 5000)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    options = parser.parse_args()
    jobs = options.jobs
    print(f"{len(_sources())} corpus files, {os.cpu_count()} cores, {jobs} jobs")
    print(
        f"{'files':>6} {'read':>5} {'refused':>7} {'T1 parse':>9} {'T1 +check':>9} {'batch':>7} {'wall ratio':>10} "
        f"{'CPU ratio':>9} {'cores got':>9} {'main CPU':>8} {'main MiB':>8} {'worker MiB':>10}"
    )
    for count in options.files:
        with tempfile.TemporaryDirectory() as temporary:
            folder, out = Path(temporary) / "in", Path(temporary) / "out"
            folder.mkdir()
            out.mkdir()
            files = _folder(count, folder)
            _one_process(files[:50], checks=True)  # warm the caches as the workers warm theirs
            parse_only, _ = _one_process(files, checks=False)
            with_checks, single_cpu = _one_process(files, checks=True)
            elapsed, cpu, own, status, main_peak, worker_peak = _run_batch(folder, out, jobs)
            assert status in (0, 1), f"gia-report batch exited {status}"
            read, refused = _verify(files, out)
            print(
                f"{count:>6} {read:>5} {refused:>7} {parse_only:>8.2f}s {with_checks:>8.2f}s {elapsed:>6.2f}s "
                f"{elapsed / (parse_only / jobs):>10.2f} {cpu / single_cpu:>9.2f} {cpu / elapsed:>9.2f} "
                f"{own / cpu:>8.0%} "
                f"{main_peak / 1024:>8.1f} {worker_peak / 1024:>10.1f}"
            )
    print(
        "wall ratio: batch wall time / (T1 parse / jobs), the issue's bound is 1.3; CPU ratio: the CPU time of the "
        "batch and its workers / that of one process parsing and checking (what it costs beyond the work itself)"
    )


if __name__ == "__main__":
    main()
