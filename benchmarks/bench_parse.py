"""Parsing speed per layout: reports per second and MB per second.

Run: ``python benchmarks/bench_parse.py [--rounds N]``. It parses every report
of the shared corpus (``../shared/corpus``) and, for layouts the corpus lacks,
the same reports rewritten by gia_report's writers, ``--rounds`` times each,
and prints one line per layout. The figures in docs/performance.md come from it.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from corpus_texts import texts_by_layout

import gia_report

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def main() -> None:
    """Time the parser over each layout's reports and print the rates."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20, help="times each report is parsed (default 20)")
    rounds = parser.parse_args().rounds
    print(f"{'layout':<22} {'reports':>8} {'reports/s':>10} {'MB/s':>7}")
    for layout, texts in sorted(texts_by_layout().items()):
        size = sum(len(text.encode("utf-8")) for text in texts)
        start = time.perf_counter()
        for _ in range(rounds):
            for text in texts:
                gia_report.parse(text)
        elapsed = time.perf_counter() - start
        count = len(texts) * rounds
        print(f"{layout:<22} {count:>8} {count / elapsed:>10.0f} {size * rounds / elapsed / 1e6:>7.2f}")


if __name__ == "__main__":
    main()
