"""Detecting the layout of the table lines and the format of the report, with evidence.

Layouts are told apart by how a table line separates its cells:

- ``pipe``: `` | `` between cells, often ``||||`` at the end;
- ``tab``: a tab between two cells on one line;
- ``blank-line``: one cell per line, each line starting with a tab and
  holding no other tab, rows separated by blank lines;
- ``space``: no tab and no pipe, the line ending in values (numbers or
  placeholders, the first after a space or glued to its label: the text of
  a PDF).

Every table line votes for one layout; the layout with the most votes wins,
and the counts are the evidence. Pipes are counted first because a pipe row
may contain tabs, tab rows before blank-line rows because a tab row that
starts with an empty cell also starts with a tab, and space rows last because
any row of the other layouts may end in a number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..catalog import FORMATS, FormatVersion
from ._labels import normalize_label
from ._layout_space import ends_in_values
from ._result import Detection, Layout
from ._source import Line

__all__ = ["TEXT_LAYOUTS", "combine", "detect_format", "detect_layout"]

#: The layouts a line of text can vote for, in the order their counts are shown.
TEXT_LAYOUTS = (Layout.TAB, Layout.PIPE, Layout.BLANK_LINE, Layout.SPACE)
_PIPE = re.compile(r"\S\s*\|\s*\S|\|\s*$|^\s*\|")
_INNER_TAB = re.compile(r"[^\t]\t|\t\t")
_ONE_CELL = re.compile(r"^\t[^\t]*$")


def vote(text: str) -> Layout | None:
    """The layout a single table line looks like, or ``None`` for a line with no cell separator."""
    if "|" in text and _PIPE.search(text):
        return Layout.PIPE
    if "\t" in text:
        if _INNER_TAB.search(text.rstrip("\n")):
            return Layout.TAB
        if _ONE_CELL.match(text):
            return Layout.BLANK_LINE
    if ends_in_values(text):
        return Layout.SPACE
    return None


def detect_layout(lines: Iterable[Line]) -> Detection | None:
    """The layout most of the table *lines* are written in, or ``None`` when none is."""
    counts = dict.fromkeys(TEXT_LAYOUTS, 0)
    for line in lines:
        layout = vote(line.text)
        if layout is not None:
            counts[layout] += 1
    if not any(counts.values()):
        return None
    best = max(TEXT_LAYOUTS, key=lambda layout: counts[layout])
    return Detection(layout=best, evidence=tuple(counts.items()))


def combine(detections: Iterable[Detection | None]) -> Detection | None:
    """One detection from several (one per table): the evidence added up."""
    counts = dict.fromkeys(TEXT_LAYOUTS, 0)
    for detection in detections:
        for layout, count in detection.evidence if detection is not None else ():
            counts[layout] = counts.get(layout, 0) + count
    if not any(counts.values()):
        return None
    return Detection(layout=max(TEXT_LAYOUTS, key=lambda layout: counts[layout]), evidence=tuple(counts.items()))


def detect_format(lines: Iterable[Line], year: int | None) -> tuple[FormatVersion, dict[FormatVersion, int]]:
    """The format whose markers the *lines* print most; the year breaks a tie.

    Returns the version and the marker count per version, the evidence.
    """
    text = "".join(normalize_label(line.text) for line in lines)
    counts = {
        version: sum(1 for marker in spec.markers if normalize_label(marker) in text)
        for version, spec in FORMATS.items()
    }
    if counts["2019"] != counts["2021"]:
        return ("2019" if counts["2019"] > counts["2021"] else "2021"), counts
    if year is not None and year <= 2020:
        return "2019", counts
    return "2021", counts
