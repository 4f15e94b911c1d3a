"""The corpus's own reports with printed cells made blank: every cell reads as its gold, or ``None`` with a note.

A blank is where a report's structure is least sure: the reader must infer
which column each value beside it stands in (`gia_report.parsing._placing`),
and a wrong inference moves numbers into other cells. The structural mutation
suite (``tests/property/test_mutations.py``) draws reports; these are the
corpus's real ones, each printed cell found by its source (line, column, text)
and cut out of the text, one at a time and several together.

A blank read ``None`` is right. Any other cell must read as its gold, or be
``None`` with a note naming it. Two cases are no fair test and are left out:

- collapsed crawler text prints no separators, so cutting digits out of a run
  prints other numbers rather than a blank;
- a row of zeros printed otherwise than its peers (one structural cell fewer)
  with a blank is the same text as one printed like them with another blank:
  moving the blank moves no number that an identity can see.

And in PDF text a blank prints nothing at all, so a line of values alone next
to a row that lost one is the same text as that row going on over two lines
(``tests.mutations.ambiguous``); there, only one cell at a time is cut.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import gia_report
from tests.corpus import corpus_params, gold, norm, read_text

_FOLDERS = ("seeds", "variants", "real", "published/pdf-text", "published/markdown")
#: How many sets of several blanks are cut from each report (besides every cell alone).
_SETS = 200
_MOST = 5

Spot = tuple[str, int, int, str]  # cell key, line, column, printed text


def _spots(text: str) -> list[Spot]:
    """The printed cells of *text*'s tables, by their sources."""
    sources = gia_report.parse_with_notes(text).sources
    return [(key, source.line, source.column, source.text) for key, source in sources.items() if source.text]


def _cut(text: str, spots: list[Spot]) -> str:
    """*text* with the printed text of each of *spots* cut out of its line (right to left within a line)."""
    lines = text.split("\n")
    for _, line, column, printed in sorted(spots, key=lambda spot: (spot[1], -spot[2])):
        start = column - 1
        assert lines[line - 1][start : start + len(printed)] == printed, (line, column, printed)
        lines[line - 1] = lines[line - 1][:start] + lines[line - 1][start + len(printed) :]
    return "\n".join(lines)


def _blank_moved_among_zeros(
    misread: dict[str, tuple[object, object]], cells: dict[str, object], blanked: set[str]
) -> bool:
    """Whether every misread cell is a 0 or a blank of a row of zeros with a blank cut: the blank moved in it."""
    rows = {key.rsplit("/", 1)[0] for key in blanked}
    zeros = {
        row for row in rows if all(norm(v) == 0 for k, v in cells.items() if k.startswith(row + "/") and v is not None)
    }
    return all(
        key.rsplit("/", 1)[0] in zeros and {norm(want), norm(read)} <= {None, 0}
        for key, (want, read) in misread.items()
    )


def _misread(text: str, cells: dict[str, object], blanked: set[str]) -> dict[str, tuple[object, object]]:
    """The cells of *text* that read otherwise than *cells* (the gold, but ``None`` where *blanked*) unnoted."""
    try:
        result = gia_report.parse_with_notes(text)
    except gia_report.ParseError as error:
        # A blank may leave a table unreadable, but no blank is a bug in the library.
        return {} if "internal error" not in error.msg else {"internal error": (None, error.msg)}
    got = {f"{r['table']}/{r['row']}/{r['column']}": r["value"] for r in gia_report.to_records(result.report)}
    noted = {key for note in result.notes for key in note.cells}
    misread: dict[str, tuple[object, object]] = {}
    for key, value in cells.items():
        want = None if key in blanked else value
        read = got.get(key)
        if norm(read) == norm(want) or (read is None and key in noted):
            continue
        misread[key] = (want, read)
    return misread


@pytest.mark.parametrize("path", corpus_params(*_FOLDERS, suffixes=(".txt", ".md")))
def test_blanks_cut_from_the_corpus_move_no_number(path: Path) -> None:
    text, cells = read_text(path), gold(path)["cells"]
    spots = _spots(text)
    assert spots, "no printed cell found"
    cases = [[spot] for spot in spots]
    if gia_report.parse_with_notes(text).layout is not gia_report.Layout.SPACE:
        draw = random.Random(path.name)  # the same sets on every run
        cases += [draw.sample(spots, draw.randint(2, min(_MOST, len(spots)))) for _ in range(_SETS)]
    for case in cases:
        blanked = {key for key, *_ in case}
        misread = _misread(_cut(text, case), cells, blanked)
        assert not misread or _blank_moved_among_zeros(misread, cells, blanked), (
            f"blank {sorted(blanked)}: (printed, read) {misread}"
        )
