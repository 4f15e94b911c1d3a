"""Parse + check as a multiple of bare tokenization, measured in the same run.

Run: ``python benchmarks/bench_ratio.py [--rounds N]``. For each layout of the
shared corpus (and the library's own tab output), it times the bare
tokenization of a report — ``splitlines`` and a split of each line on its
separator, the least any reader must do — and then ``parse_with_notes`` +
``check`` of the same texts, interleaved round by round so that a busy machine
slows both alike, and prints the ratio. Absolute times drift on shared
machines; the ratio is the figure docs/performance.md holds. ``--calls``
prints instead the Python function calls a parse + check makes per report
(cProfile's count): the same on every run and machine, a measure of the work
to compare two trees by where the machine is too noisy for their times.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import re
import time
from collections.abc import Callable
from pathlib import Path

from corpus_texts import texts_by_layout

import gia_report

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
_SPACES = re.compile(r"\s{2,}| (?=\d)")


def _splitter(layout: str) -> Callable[[str], list[str]]:
    if layout.startswith("pipe"):
        return lambda line: line.split(" | ")
    if layout.startswith("space"):
        return _SPACES.split
    return lambda line: line.split("\t")


def tokenize(text: str, split: Callable[[str], list[str]]) -> int:
    """The bare tokenization of a report: its lines, each split into cells; the number of cells."""
    return sum(len(split(line)) for line in text.splitlines())


def _time(function: Callable[[], object], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    """Print, per layout, the time of tokenization and of parse + check, and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=15, help="rounds per measurement; the best is kept")
    parser.add_argument("--calls", action="store_true", help="print the function calls per report instead")
    arguments = parser.parse_args()
    if arguments.calls:
        _calls()
        return
    rounds = arguments.rounds
    print(f"{'layout':<16} {'reports':>7} {'tokenize µs':>12} {'parse µs':>10} {'parse+check µs':>15} {'ratio':>6}")
    for layout, texts in sorted(texts_by_layout(written=("tab",)).items()):
        split = _splitter(layout)

        def tokenize_all(texts: list[str] = texts, split: Callable[[str], list[str]] = split) -> None:
            for text in texts:
                tokenize(text, split)

        def parse_all(texts: list[str] = texts) -> None:
            for text in texts:
                gia_report.parse_with_notes(text)

        def parse_and_check(texts: list[str] = texts) -> None:
            for text in texts:
                gia_report.check(gia_report.parse_with_notes(text).report)

        bare = parsed = both = float("inf")
        for _ in range(rounds):
            bare = min(bare, _time(tokenize_all, 1))
            parsed = min(parsed, _time(parse_all, 1))
            both = min(both, _time(parse_and_check, 1))
        count = len(texts)
        print(
            f"{layout:<16} {count:>7} {bare / count * 1e6:>12.0f} {parsed / count * 1e6:>10.0f} "
            f"{both / count * 1e6:>15.0f} {both / bare:>6.1f}"
        )


def _calls() -> None:
    """Print, per layout, the Python function calls of parse + check per report (deterministic)."""
    print(f"{'layout':<16} {'reports':>7} {'calls per report':>17}")
    for layout, texts in sorted(texts_by_layout(written=("tab",)).items()):
        for text in texts:  # once before counting: the memos fill as in any long run
            gia_report.check(gia_report.parse_with_notes(text).report)
        profile = cProfile.Profile()
        profile.enable()
        for text in texts:
            gia_report.check(gia_report.parse_with_notes(text).report)
        profile.disable()
        calls = pstats.Stats(profile).total_calls  # type: ignore[attr-defined]
        print(f"{layout:<16} {len(texts):>7} {calls / len(texts):>17.0f}")


if __name__ == "__main__":
    main()
