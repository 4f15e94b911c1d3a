"""The entrance of every form: the bytes or text given, read into a `Document`.

Text (copied tables, PDF text, markdown, crawler text) becomes a document of
lines (`_source`); a table section's lines are tokenized later, once its
layout is known.

.. versionadded:: 0.2
"""

from __future__ import annotations

from ._document import Document
from ._layout_collapsed import reline
from ._result import Layout
from ._source import decode, drop_furniture, split_lines

__all__ = ["read_document"]


def read_document(data: str | bytes) -> Document:
    """The `Document` of *data*, whatever form it is in."""
    lines, notes = drop_furniture(split_lines(decode(data)))
    relined = reline(lines, notes)
    if relined is not None:
        return Document(blocks=tuple(relined), form="text", notes=tuple(notes), layout=Layout.COLLAPSED)
    return Document(blocks=tuple(lines), form="text", notes=tuple(notes))
