"""The report texts the benchmarks read: the shared corpus by layout, and the same reports as gia_report writes them.

Imported by the benchmarks beside it (run as scripts, their folder is on the path).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import gia_report

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def texts_by_layout(written: tuple[str, ...] = ("tab", "pipe", "blank-line")) -> dict[str, list[str]]:
    """The texts of seeds, variants and real by the layout they are in, and each rewritten in *written* layouts.

    Without the shared corpus, the sample bundled with the package stands in.
    """
    texts: dict[str, list[str]] = defaultdict(list)
    files = [path for folder in ("seeds", "variants", "real") for path in sorted(CORPUS.glob(f"{folder}/*.txt"))]
    if not files:
        files = [ROOT / "gia_report" / "data" / "sample.txt"]
    for path in files:
        text = path.read_text(encoding="utf-8")
        result = gia_report.parse_with_notes(text)
        texts[str(result.layout)].append(text)
        for layout in written:
            dumped = gia_report.dumps(result.report, layout)
            assert isinstance(dumped, str), "the text layouts are written as text"
            texts[f"{layout} (written)"].append(dumped)
    return texts
