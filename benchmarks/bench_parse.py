"""Parsing speed per layout: reports per second and MB per second.

Run: ``python benchmarks/bench_parse.py [--rounds N]``. It parses every report
of the shared corpus (``../shared/corpus``) and, for layouts the corpus lacks,
the same reports rewritten by gia_report's writers, ``--rounds`` times each,
and prints one line per layout. The figures in docs/performance.md come from it.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

import gia_report

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def _texts() -> dict[str, list[str]]:
    texts: dict[str, list[str]] = defaultdict(list)
    files = [path for folder in ("seeds", "variants", "real") for path in sorted(CORPUS.glob(f"{folder}/*.txt"))]
    if not files:
        files = [ROOT / "gia_report" / "data" / "sample.txt"]
    for path in files:
        text = path.read_text(encoding="utf-8")
        texts[str(gia_report.parse_with_notes(text).layout)].append(text)
        report = gia_report.parse(text)
        for layout in ("tab", "pipe", "blank-line"):
            texts[f"{layout} (written)"].append(gia_report.dumps(report, layout))
    return texts


def main() -> None:
    """Time the parser over each layout's reports and print the rates."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20, help="times each report is parsed (default 20)")
    rounds = parser.parse_args().rounds
    print(f"{'layout':<22} {'reports':>8} {'reports/s':>10} {'MB/s':>7}")
    for layout, texts in sorted(_texts().items()):
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
