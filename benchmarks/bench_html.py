"""Reading web pages against lxml parsing them: milliseconds per page and the ratio, in the same run.

Run: ``python benchmarks/bench_html.py [--rounds N]``. For every page of the
shared corpus (``../shared/corpus/published/html``) it times, alternately and
``--rounds`` times each, ``lxml.html.fromstring`` of the page's bytes, the
page read into gia_report's document (decoding, safe parsing, the content
root, lines and grids: ``read``) and the whole `gia_report.parse` (``parse``),
and prints the fastest time of each and their ratios to lxml's. The fastest of
many alternating runs is the figure least disturbed by other work on the
machine. The target is ``read`` within 2× of lxml; docs/performance.md quotes it.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import lxml.html

import gia_report
from gia_report.parsing._forms import read_document

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT.parent / "shared" / "corpus" / "published" / "html"


def _fastest(run: Callable[[], object], best: float) -> float:
    start = time.perf_counter()
    run()
    return min(best, time.perf_counter() - start)


def main() -> None:
    """Time lxml, the page reader and the parser over each shared page and print the ratios."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=50, help="times each page is read (default 50)")
    rounds = parser.parse_args().rounds
    pages = sorted(PAGES.glob("*.htm*"))
    if not pages:
        raise SystemExit(f"no pages at {PAGES}")
    print(f"{'page':<28} {'KB':>5} {'lxml ms':>8} {'read ms':>8} {'parse ms':>9} {'parse/lxml':>11} {'read/lxml':>10}")
    ratios = []
    for path in pages:
        data = path.read_bytes()
        try:
            gia_report.parse(data)
            parses = True
        except gia_report.ParseError:
            parses = False  # read, but not (yet) a report the parser reads whole
        runs: dict[str, Callable[[], object]] = {
            "lxml": partial(lxml.html.fromstring, data),
            "read": partial(read_document, data),
            "parse": partial(gia_report.parse, data),
        }
        best = dict.fromkeys(runs, float("inf"))
        for _ in range(rounds):
            for name, run in runs.items():
                if name != "parse" or parses:
                    best[name] = _fastest(run, best[name])
        read = best["read"] / best["lxml"]
        ratios.append(read)
        parse = f"{best['parse'] * 1e3:>9.2f} {best['parse'] / best['lxml']:>10.2f}x"
        if not parses:
            parse = f"{'-':>9} {'-':>11}"
        print(
            f"{path.stem:<28} {len(data) // 1024:>5} {best['lxml'] * 1e3:>8.2f} {best['read'] * 1e3:>8.2f} {parse} "
            f"{read:>9.2f}x"
        )
    print(f"read/lxml: {min(ratios):.2f}x to {max(ratios):.2f}x (target: within 2x)")


if __name__ == "__main__":
    main()
