"""What a parse gives besides the report: notes, the layout found, and the source map."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from enum import Enum
from typing import Any

import attrs

from .._cells import Equation
from ..model import Report
from .notes import NOTE_CODES

__all__ = ["HOWS", "CellSource", "Detection", "Layout", "Note", "ParseResult", "SourceFields", "shorten"]


class Layout(str, Enum):
    """The text layouts a report's tables are written in.

    ``space`` is the text PDF extractors give: cells separated by spaces, labels
    wrapped over lines. ``markdown`` is a pipe table with ``|---|`` rules;
    ``collapsed`` the text a crawler saved, cell separators lost; ``html`` and
    ``docx`` the tables of a web page or a Word document.

    .. versionadded:: 0.1
    """

    TAB = "tab"
    PIPE = "pipe"
    BLANK_LINE = "blank-line"
    SPACE = "space"
    MARKDOWN = "markdown"
    COLLAPSED = "collapsed"
    HTML = "html"
    DOCX = "docx"

    def __str__(self) -> str:
        return self.value


@attrs.frozen(kw_only=True)
class Detection:
    """The layout found, with the evidence for it: how many lines looked like each layout.

    .. versionadded:: 0.1
    """

    layout: Layout
    evidence: tuple[tuple[Layout, int], ...]

    def __str__(self) -> str:
        counts = ", ".join(f"{layout}: {count}" for layout, count in self.evidence)
        return f"{self.layout} (table lines per layout: {counts})"


def _keys(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _equations(value: Iterable[Equation]) -> tuple[Equation, ...]:
    return tuple(value)


def _registered(instance: Note, attribute: attrs.Attribute[str], code: str) -> None:
    if code not in NOTE_CODES:
        raise ValueError(f"note code {code!r} is not registered in gia_report.parsing.notes.NOTE_CODES")


def shorten(text: str, limit: int = 80) -> str:
    """*text* as a note quotes it: itself when at most *limit* characters, else its start and ``…``."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


@attrs.frozen(kw_only=True)
class Note:
    """A tolerated oddity or a cell that could not be placed with certainty.

    ``line`` is 1-based (``None`` for a note about the whole text); ``code`` is a
    stable kebab-case name registered in `gia_report.parsing.notes.NOTE_CODES`
    (``label-variant``, ``unplaced-cells`` …); ``cells`` are the keys
    (``table/row/column``) of the cells the note concerns, if any.

    .. versionadded:: 0.1
    .. versionchanged:: 0.2 ``cells``; codes are registered.
    """

    code: str = attrs.field(validator=_registered)
    message: str
    line: int | None = None
    cells: tuple[str, ...] = attrs.field(default=(), converter=_keys)

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line is not None else "text"
        return f"{where}: {self.message} [{self.code}]"


#: How a cell's value was placed in its column, the values of `CellSource.how`.
HOWS = {
    "exact": "the row printed one cell per column",
    "filled": "the row printed as many values as columns, beside empty structural cells",
    "shape": "placed where the table's complete rows hold their values",
    "short": "the row's last cells were not printed: the values are its first",
    "window": "the only run of cells that holds every printed value",
    "total": "the only placement under which the row's printed identity holds (see equations)",
    "grid": "the column the form states (HTML colspan, Word gridSpan), under the header's caption",
    "label": "the row printed with its own label (appeals)",
    "order": "the national order of the columns, for lack of labels or a header",
    "solved": "the split of a collapsed digit run that the table's identities fix (see equations)",
}


@attrs.frozen(kw_only=True)
class CellSource:
    """Where one cell's value came from: its 1-based line and column, the text printed, and how it was placed.

    ``how`` is one of `HOWS` (``exact``, ``shape``, ``grid``, ``total``,
    ``solved`` …); ``equations`` names the identity instances the placement
    relied on (``row-total at requests/new``), empty when the printed cells
    alone decided it: a cell placed by an identity is no evidence that the
    identity holds.

    .. versionadded:: 0.1
    .. versionchanged:: 0.2 ``how`` and ``equations``.
    """

    line: int
    column: int
    text: str
    how: str = "exact"
    equations: tuple[str, ...] = attrs.field(default=(), converter=_keys)


class _Frozen(Mapping[str, Any]):
    """A read-only mapping that pickles (a ``MappingProxyType`` does not)."""

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[str, Any]) -> None:
        self._data = dict(data)

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        return repr(self._data)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_Frozen, (self._data,))


def _frozen_mapping(value: Mapping[str, Any]) -> Mapping[str, Any]:
    return _Frozen(value)


#: A `CellSource` not yet made: its line, column, text, how and equations, in that order. A parse records
#: some 200 sources, most never looked at; `ParseResult.sources` makes each when it is first looked up.
SourceFields = tuple[int, int, str, str, tuple[str, ...]]


class _Sources(_Frozen):
    """The source map: a read-only mapping of cell keys to `CellSource`, each made at its first lookup."""

    __slots__ = ()

    def __getitem__(self, key: str) -> CellSource:
        source = self._data[key]
        if type(source) is tuple:
            line, column, text, how, equations = source
            source = self._data[key] = CellSource(line=line, column=column, text=text, how=how, equations=equations)
        return source  # type: ignore[no-any-return]

    def __repr__(self) -> str:
        return repr(dict(self.items()))

    def __reduce__(self) -> tuple[Any, ...]:
        return (_Sources, (self._data,))


def _sources(value: Mapping[str, CellSource | SourceFields]) -> Mapping[str, CellSource]:
    return _Sources(value)


@attrs.frozen(kw_only=True)
class ParseResult:
    """A parsed report with everything known about how it was read.

    ``sources`` maps each cell key (``table/row/column``) that was read from
    the text to its `CellSource`. ``spent`` lists the identity instances that
    reading relied on (to choose among placements of blank cells, or to split a
    collapsed digit run): they are no evidence that the report adds up.
    ``unsplit`` maps the key of each row whose collapsed digit run was left
    unsplit to the run as printed.

    .. versionadded:: 0.1
    .. versionchanged:: 0.2 ``spent`` and ``unsplit``; a result pickles.
    """

    report: Report
    notes: tuple[Note, ...]
    detection: Detection
    sources: Mapping[str, CellSource] = attrs.field(converter=_sources, eq=False)
    spent: tuple[Equation, ...] = attrs.field(default=(), converter=_equations, eq=False)
    unsplit: Mapping[str, str] = attrs.field(factory=dict, converter=_frozen_mapping, eq=False)

    @property
    def layout(self) -> Layout:
        """The layout the tables were written in."""
        return self.detection.layout

    def __repr__(self) -> str:
        # The attrs repr would list every source; the report's own short repr and the counts say enough.
        counts = f"{len(self.notes)} notes, {len(self.sources)} cells read"
        return f"<ParseResult {self.report!r}; layout {self.layout}; {counts}>"

    def _repr_html_(self) -> str:
        """The result as a notebook shows it: the report's tables, its notes, its layout and each cell's source.

        .. versionadded:: 0.2
        """
        from .._notebook import parse_result_html  # imported only when a notebook asks

        return parse_result_html(self)
