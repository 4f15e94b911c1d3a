"""Import, web pages, check and XML, each as a ratio to its yardstick measured in the same run.

Run: ``python benchmarks/bench_io.py [--rounds N] [--only import,html,check,xml]``. Each figure is
the fastest of ``--rounds`` runs, the run measured and its yardstick alternating round by round, so
that a busy machine slows both alike; absolute times drift on shared machines, the ratios much less.

- **import**: fresh interpreters with compiled bytecode (written once beforehand to a cache of their
  own, ``PYTHONPYCACHEPREFIX``): ``import gia_report``, then with the text path (``parse`` and
  ``check``) and with every public name, as milliseconds over a bare interpreter (``python -c pass``)
  and as a multiple of it. The target: ``import gia_report`` under 60 ms.
- **html**: `read_document` of each page of the shared corpus (decoding, the safe parse, the content
  root, lines and grids) over ``lxml.html.fromstring`` of the same bytes. Target: within 2x.
- **check**: `gia_report.check` of each report of the shared corpus over its bare tokenization (as
  ``bench_ratio.py`` defines it: ``splitlines`` and a split of each line on its separator), by layout.
  Target: at most 2x.
- **xml**: `gia_report.dumps` of each report as XML over lxml's serializing of the same document (as
  dumps wrote it with lxml: pretty-printed, declared UTF-8), and `gia_report.loads` of it over lxml's
  parse of its bytes. Target: within 3x.

docs/performance.md quotes these figures and says how they are measured.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TypeVar

import lxml.html
from bench_ratio import _splitter, tokenize
from corpus_texts import texts_by_layout
from lxml import etree

import gia_report
from gia_report.parsing._forms import read_document

T = TypeVar("T")
ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT.parent / "shared" / "corpus" / "published" / "html"

#: What each fresh interpreter runs: the yardstick first.
IMPORTS = {
    "bare interpreter": "pass",
    "import gia_report": "import gia_report",
    "+ parse, check": "import gia_report; gia_report.parse; gia_report.check",
    "+ every name": "import gia_report; [getattr(gia_report, name) for name in gia_report.__all__]",
}


def _fastest(runs: dict[str, Callable[[], object]], rounds: int) -> dict[str, float]:
    """The fastest time of each of *runs*, run in turn *rounds* times."""
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(rounds):
        for name, run in runs.items():
            start = time.perf_counter()
            run()
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def bench_import(rounds: int) -> None:
    """Print the cost of importing gia_report in a fresh interpreter, over a bare one, with compiled bytecode."""
    with tempfile.TemporaryDirectory() as cache:
        env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache
        for code in IMPORTS.values():  # compiles the bytecode, then measured as it is
            subprocess.run([sys.executable, "-c", code], env=env, check=True)
        runs: dict[str, Callable[[], object]] = {
            name: partial(subprocess.run, [sys.executable, "-c", code], env=env, check=True)
            for name, code in IMPORTS.items()
        }
        best = _fastest(runs, rounds)
    bare = best["bare interpreter"]
    print(f"\n{'import (fresh interpreter)':<28} {'ms':>7} {'ms over bare':>13} {'x bare':>7}")
    for name, seconds in best.items():
        print(f"{name:<28} {seconds * 1e3:>7.1f} {(seconds - bare) * 1e3:>13.1f} {seconds / bare:>7.2f}")


def bench_html(rounds: int) -> None:
    """Print, per page, the time of lxml.html.fromstring and read_document of its bytes, and their ratio."""
    pages = sorted(PAGES.glob("*.htm*"))
    print(f"\n{'html page':<28} {'KB':>5} {'lxml ms':>8} {'read ms':>8} {'read/lxml':>10}")
    for path in pages:
        data = path.read_bytes()
        best = _fastest({"lxml": partial(lxml.html.fromstring, data), "read": partial(read_document, data)}, rounds)
        lxml_ms, read_ms = best["lxml"] * 1e3, best["read"] * 1e3
        print(f"{path.stem:<28} {len(data) // 1024:>5} {lxml_ms:>8.2f} {read_ms:>8.2f} {read_ms / lxml_ms:>9.2f}x")


def _each(function: Callable[[T], object], items: Sequence[T]) -> None:
    for item in items:
        function(item)


def bench_check(rounds: int) -> None:
    """Print, per layout, the time of bare tokenization and of check of the same reports, and their ratio."""
    print(f"\n{'check by layout':<28} {'reports':>7} {'tokenize µs':>12} {'check µs':>9} {'check/tok':>10}")
    for layout, texts in sorted(texts_by_layout(written=("tab",)).items()):
        split = _splitter(layout)
        reports = [gia_report.parse(text) for text in texts]

        def tokenize_all(texts: list[str] = texts, split: Callable[[str], list[str]] = split) -> None:
            for text in texts:
                tokenize(text, split)

        best = _fastest({"tokenize": tokenize_all, "check": partial(_each, gia_report.check, reports)}, rounds)
        count = len(texts)
        print(
            f"{layout:<28} {count:>7} {best['tokenize'] / count * 1e6:>12.0f} {best['check'] / count * 1e6:>9.0f} "
            f"{best['check'] / best['tokenize']:>9.2f}x"
        )


def bench_xml(rounds: int) -> None:
    """Print dumps and loads of XML against lxml's serializing and parsing of the same documents."""
    reports = [gia_report.parse(text) for texts in texts_by_layout(written=()).values() for text in texts]
    documents = [gia_report.dumps(report, "xml") for report in reports]
    data = [document.encode("utf-8") for document in documents]
    trees = [etree.fromstring(item) for item in data]

    def serialize() -> None:
        for tree in trees:
            etree.tostring(tree, encoding="UTF-8", xml_declaration=True, pretty_print=True)

    def parse() -> None:
        for item in data:
            etree.fromstring(item)

    def dumps() -> None:
        for report in reports:
            gia_report.dumps(report, "xml")

    def loads() -> None:
        for document in documents:
            gia_report.loads(document, "xml")

    best = _fastest({"serialize": serialize, "dumps": dumps, "parse": parse, "loads": loads}, rounds)
    count = len(reports)
    print(f"\n{'xml (' + str(count) + ' reports)':<28} {'lxml µs':>8} {'ours µs':>8} {'ours/lxml':>10}")
    for ours, theirs in (("dumps", "serialize"), ("loads", "parse")):
        print(
            f"{ours + ' / ' + theirs:<28} {best[theirs] / count * 1e6:>8.0f} {best[ours] / count * 1e6:>8.0f} "
            f"{best[ours] / best[theirs]:>9.2f}x"
        )


BENCHES = {"import": bench_import, "html": bench_html, "check": bench_check, "xml": bench_xml}


def main() -> None:
    """Run the benchmarks asked for and print their tables."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=20, help="rounds per measurement; the fastest is kept")
    parser.add_argument("--only", default=",".join(BENCHES), help="which, comma-separated (default: all)")
    arguments = parser.parse_args()
    for name in arguments.only.split(","):
        BENCHES[name.strip()](arguments.rounds)


if __name__ == "__main__":
    main()
