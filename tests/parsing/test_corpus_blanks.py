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

A cell may be lost, too, with its separator (an editor's delete), and not
only its row's last: each cell of table 三 is deleted in turn from the
delimited texts whose totals add up. Only the identities can tell where the
cell was lost, so only where they run (table 三, whose rows all have them; a
report whose own totals do not add up leaves a rival reading as good) is the
test fair; and deleting a cell that only cells of the same text follow is the
same text as deleting the last. A web page's ``<td>`` dropped or a Word
table's ``w:tc`` removed is no such case: a grid row short of its header lost
a cell, whatever the row, so every number's cell of every table is dropped,
alone and in sets, and none may read another number.
"""

from __future__ import annotations

import io
import random
import re
import zipfile
from pathlib import Path
from typing import Any

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


def _misread(text: str | bytes, cells: dict[str, object], blanked: set[str]) -> dict[str, tuple[object, object]]:
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


_DELETED = ("seeds", "variants")
_NUMBER = re.compile(r"\s*\d+\s*")


def _deletions(text: str) -> list[tuple[str, str, set[str]]]:
    """For each printed cell of table 三 that a cell of another text follows: *text* without it, and the keys
    of the run of cells of its text it stands in (deleting any of them is the same text)."""
    result = gia_report.parse_with_notes(text)
    sources = result.sources
    lines = text.split("\n")
    found = []
    for key, source in sources.items():
        if not key.startswith("requests/") or not source.text:
            continue
        row = key.rsplit("/", 1)[0] + "/"
        keys = [other for other in sources if other.startswith(row)]
        at = keys.index(key)
        if len({sources[other].text for other in keys[at:]}) == 1:
            continue  # the same text as its row's last cell deleted
        run = {key}
        for step in (-1, 1):
            beside = at + step
            while 0 <= beside < len(keys) and sources[keys[beside]].text == source.text:
                run.add(keys[beside])
                beside += step
        line, start = lines[source.line - 1], source.column - 1
        end = start + len(source.text)
        if result.layout is gia_report.Layout.TAB:
            edited = [line[: start - 1] + line[end:]]  # the tab before it too
        elif result.layout is gia_report.Layout.PIPE:
            edited = [line[: line.rfind("|", 0, start)] + line[end:].lstrip(" ")]  # "| 5 " with it
        else:
            edited = []  # blank-line: the cell's line
        found.append((key, "\n".join([*lines[: source.line - 1], *edited, *lines[source.line :]]), run))
    return found


def _within(misread: dict[str, tuple[object, object]], run: set[str], text: str) -> bool:
    """Whether every misread cell is one of *run*, read blank or as *text*: the cell lost was another of them."""
    return all(key in run and {norm(want), norm(read)} <= {None, norm(text)} for key, (want, read) in misread.items())


def _consistent(path: Path | None) -> bool:
    return path is None or not gold(path).get("broken_totals")


@pytest.mark.parametrize("path", [p for p in corpus_params(*_DELETED) if _consistent(p.values[0])])
def test_a_cell_deleted_from_table_3_moves_no_number(path: Path) -> None:
    text, cells = read_text(path), gold(path)["cells"]
    deletions = _deletions(text)
    if not deletions:
        pytest.skip("every cell of table 三 is followed by cells of its text only (rows of zeros)")
    for key, edited, run in deletions:
        misread = _misread(edited, cells, {key})
        assert not misread or _within(misread, run, str(cells[key])), f"deleted {key}: {misread}"


#: How many sets of several cells are dropped from each web page and Word document (besides each alone).
_DROPPED_SETS = 100


def _drops(count: int, seed: str, most: int = 4) -> list[list[int]]:
    """Each of *count* cells alone, then `_DROPPED_SETS` fixed sets of 2 to *most* of them."""
    draw = random.Random(seed)
    return [[index] for index in range(count)] + [
        sorted(draw.sample(range(count), draw.randint(2, min(most, count)))) for _ in range(_DROPPED_SETS)
    ]


def _no_number_moved(data: str | bytes, cells: dict[str, object]) -> dict[str, tuple[object, object]]:
    """The cells of *data* that read another number than their gold: the cells dropped read blank, and so may
    others (a row that lost a cell, with a note), but none reads a number not printed there."""
    return {key: pair for key, pair in _misread(data, cells, set()).items() if pair[1] is not None}


@pytest.mark.parametrize("variant", ["as printed", "zeros blank", "padded", "padded, zeros blank"])
@pytest.mark.parametrize("path", corpus_params("published/html", suffixes=(".html",)))
def test_web_page_cells_dropped_move_no_number(path: Path, variant: str) -> None:
    """Every number's ``<td>`` of every table, dropped alone and in sets: a grid row cannot end early in HTML,
    so a row short of its header lost a cell, and which one only the identities can say (`_verifying`).

    Many agencies print table 三's zeros blank, where a blank cell may be the one lost, and fewer identities
    decide: the same page with them blank (its gold blank there too), each cell of its rows of values
    dropped, blank or not. And a page may pad each row with an empty cell after its last: a row that lost a
    cell before it then ends where its peers do, the padding under the last caption."""
    html = pytest.importorskip("lxml.html")
    zeros_blank = "zeros blank" in variant
    text, cells = path.read_bytes().decode("utf-8"), dict(gold(path)["cells"])
    page = html.fromstring(text)
    if "padded" in variant:
        for tr in page.iter("tr"):
            tr.append(page.makeelement("td", {}))
        text = html.tostring(page, encoding="unicode")
    tds = list(page.iter("td"))
    (table,) = [
        table for table in page.iter("table") if "本年新收" in table.text_content() and not table.find(".//table")
    ]
    in_rows = {id(td) for tr in table.iter("tr") if any(_NUMBER.fullmatch(td.text_content()) for td in tr) for td in tr}
    droppable = [
        at for at, td in enumerate(tds) if _NUMBER.fullmatch(td.text_content()) or (zeros_blank and id(td) in in_rows)
    ]
    if zeros_blank:
        for td in tds:
            if id(td) in in_rows and td.text_content().strip() == "0":
                for child in list(td):
                    td.remove(child)
                td.text = ""
        text = html.tostring(page, encoding="unicode")
        cells = {key: None if key.startswith("requests/") and value == 0 else value for key, value in cells.items()}
    assert len(droppable) > 100, "the tables' cells not found"
    # Padded, a row that lost a cell is told from its peers by where most of them end: not where most of them
    # lost one too (three rows 一、二、四 print alike), so there only pairs are dropped.
    for dropped in _drops(len(droppable), path.name, most=2 if "padded" in variant else 4):
        edited = html.fromstring(text)
        found = list(edited.iter("td"))
        for index in dropped:
            found[droppable[index]].drop_tree()
        moved = _no_number_moved(html.tostring(edited, encoding="unicode"), cells)
        assert not moved, f"cells {dropped} dropped: (printed, read) {moved}"


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.mark.parametrize("path", corpus_params("published/docx", suffixes=(".docx",)))
def test_word_cells_removed_move_no_number(path: Path) -> None:
    """Every number's ``w:tc`` of every table, removed alone and in sets: a Word row ends early only by
    ``w:gridAfter``, so one short of its header without it lost a cell (as a web page's row does)."""
    etree = pytest.importorskip("lxml.etree")
    cells = gold(path)["cells"]
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}

    def numbers(body: Any) -> list[Any]:
        return [tc for tc in body.iter(f"{_W}tc") if _NUMBER.fullmatch("".join(tc.itertext()))]

    count = len(numbers(etree.fromstring(parts["word/document.xml"])))
    assert count > 100, "the tables' cells not found"
    for removed in _drops(count, path.name):
        body = etree.fromstring(parts["word/document.xml"])
        found = numbers(body)
        for index in removed:
            found[index].getparent().remove(found[index])
        edited = io.BytesIO()
        with zipfile.ZipFile(edited, "w") as archive:
            for name, part in parts.items():
                archive.writestr(name, etree.tostring(body) if name == "word/document.xml" else part)
        moved = _no_number_moved(edited.getvalue(), cells)
        assert not moved, f"cells {removed} removed: (printed, read) {moved}"
