"""The registry of note codes: every code a parse can note, what it means and what to do about it.

A `Note` is a tolerated oddity of the input, or a cell that could not be read
with certainty; its ``code`` is one of `NOTE_CODES`, and ``docs/notes.md`` is
generated from this registry.

>>> NOTE_CODES["unplaced-cells"].blank
True

.. versionadded:: 0.2
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import attrs

__all__ = ["NOTE_CODES", "NoteCode"]


@attrs.frozen(kw_only=True)
class NoteCode:
    """One note code: its title, what it means, and whether cells it names were left blank by it.

    ``blank`` is true for the codes whose cells are ``None`` because the reader
    could not place or read them (not because they were printed blank).

    .. versionadded:: 0.2
    """

    code: str
    title: str
    description: str
    blank: bool = False


def _codes(*codes: NoteCode) -> Mapping[str, NoteCode]:
    return MappingProxyType({code.code: code for code in codes})


NOTE_CODES: Mapping[str, NoteCode] = _codes(
    # What the reader dropped or joined: nothing of the report is lost.
    NoteCode(
        code="page-furniture",
        title="page furniture dropped",
        description="A page footer, a line of web-page furniture or word-processor residue was dropped.",
    ),
    NoteCode(
        code="site-chrome",
        title="site chrome dropped",
        description="Navigation, footers, scripts or other articles' links of a web page were left out.",
    ),
    NoteCode(
        code="charset",
        title="charset not as declared",
        description="A page's bytes were not in the charset it declares, or held bytes no charset reads "
        "(replaced by U+FFFD): the text was read as the note says.",
    ),
    NoteCode(
        code="title-wrapped",
        title="title broken over lines",
        description="The title was printed over several lines and read joined.",
    ),
    NoteCode(
        code="no-title",
        title="no title",
        description="No title of the national form was found; the agency or year may come from the preamble.",
    ),
    NoteCode(
        code="wrapped-label",
        title="label broken over lines",
        description="A row label begun on one line was read on with the next.",
    ),
    NoteCode(
        code="joined-row",
        title="row continued",
        description="Values on a line without a label continue the row before them (a page or line break).",
    ),
    # How a label was matched.
    NoteCode(
        code="value-in-label",
        title="value printed in the label's cell",
        description="A row's label cell held its first value too (公开申请数量3, 行政许可 97), a cell separator "
        "lost: the number is read as the row's first value.",
    ),
    NoteCode(
        code="label-variant",
        title="known variant of a label",
        description="A row label was printed in a known variant (a typo or an older wording) of the catalog.",
    ),
    NoteCode(
        code="label-similar",
        title="label matched by similarity",
        description="A row label matched no label or variant exactly and was read as the most similar one; "
        "a similar label whose printed enumerator or group names another row is refused.",
    ),
    NoteCode(
        code="other-as-one-row",
        title="（六）其他处理 as one row",
        description="A 2021-format report printed （六）其他处理 as one row, as in 2019: read as other_handling.",
    ),
    # How values were placed beside blank cells.
    NoteCode(
        code="blank-cells-placed",
        title="values placed beside blank cells",
        description="A row had fewer values than columns; where each value stands was decided by the table's "
        "complete rows, the header, or the only placement under which the row's printed identity holds (the "
        "source of each cell says which, and names the identity).",
    ),
    NoteCode(
        code="appeals-by-order",
        title="appeals read in national order",
        description="The appeals values carried neither row labels nor a header naming their groups: they were "
        "taken in the national order 行政复议, 未经复议直接起诉, 复议后起诉.",
    ),
    NoteCode(
        code="number-format",
        title="number in an unusual format",
        description="A number was printed with full-width digits, separators, a unit or stray spaces, and read.",
    ),
    # Cells left blank by the reader.
    NoteCode(
        code="unplaced-cells",
        title="values that could not be placed",
        description="Values could not be placed in their columns with certainty: the cells named are blank.",
        blank=True,
    ),
    NoteCode(
        code="unreadable-cell",
        title="cell that could not be read",
        description="A cell held text that is not a number of its kind: the cell is blank.",
        blank=True,
    ),
    NoteCode(
        code="unprinted-cells",
        title="cells a blank row does not print",
        description="A row printed no value and fewer cells than its columns: the cells it does not print "
        "(lost, or blanks whose separators an editor stripped) are blank.",
        blank=True,
    ),
    NoteCode(
        code="missing-row",
        title="row not found",
        description="A row of the table was not found: its cells are blank.",
        blank=True,
    ),
    NoteCode(
        code="duplicate-row",
        title="row printed twice",
        description="A row label was printed again; the values of the second are not read.",
    ),
    NoteCode(
        code="conflicting-row",
        title="row printed twice with other values",
        description="A row label was printed again with values that differ from the first printing's: "
        "which is right is not known, and the cells where they differ are blank.",
        blank=True,
    ),
    NoteCode(
        code="unknown-row",
        title="row matching no label",
        description="A table row whose label matches no row of the table was not read.",
    ),
    NoteCode(
        code="unread-text",
        title="text beside a table not read",
        description="A web page or a Word document printed text in a table's section beside the table (a "
        "caption, a remark, or the heading of the next section in words the reader does not know): it is "
        "read as no cells and no narrative. The note quotes it.",
    ),
    NoteCode(
        code="unsolved-run",
        title="digit run not split",
        description="Collapsed text: the digits of a row could be split in more than one way consistent with "
        "the table's identities, or in none: the cells named are blank and the run is kept.",
        blank=True,
    ),
    NoteCode(
        code="solved-run",
        title="digit run split by identities",
        description="Collapsed text: the digits of a row were split by the table's identities, which are then "
        "no evidence that the row adds up.",
    ),
)
