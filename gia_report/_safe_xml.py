"""Safe parsing of XML and HTML with lxml: no network, no DTD, no entities, bounded size and depth.

Every reader of markup goes through here (the HTML pages and Word documents
of `gia_report.parsing`, the XML of `gia_report.serializing`), so that what a
hostile document can do is decided in one place:

- nothing is loaded from outside the document (no network, no external DTD);
- a document type declaration with an internal subset (``<!DOCTYPE x [ … ]>``)
  or any ``<!ENTITY`` declaration is refused before parsing, so no entity is
  ever expanded (a plain ``<!DOCTYPE html>``, and the XHTML doctypes that name
  a DTD they never load, are fine in HTML);
- the size is bounded before parsing, and the depth by libxml2's own limit
  without ``huge_tree`` (256), which makes a deeper document an error instead
  of the silent truncation libxml2's HTML recovery would do.

lxml is imported here only, lazily by the callers: ``import gia_report`` does
not load it.

.. versionadded:: 0.2
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from .errors import ParseError

__all__ = ["MAX_DEPTH", "parse_html", "parse_xml", "refuse_declarations"]

#: The deepest nesting libxml2 builds without ``huge_tree``; a deeper document is refused.
MAX_DEPTH = 256

# At a "<!": a DOCTYPE with an internal subset, or an entity declaration (text and bytes alike).
_DECLARATIONS = re.compile(r"<!(?:DOCTYPE[^>\[]*\[|ENTITY)", re.IGNORECASE)
_DECLARATIONS_BYTES = re.compile(_DECLARATIONS.pattern.encode("ascii"), re.IGNORECASE)
_ANY_DOCTYPE = re.compile(r"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_ANY_DOCTYPE_BYTES = re.compile(_ANY_DOCTYPE.pattern.encode("ascii"), re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def _position(data: str | bytes, offset: int) -> tuple[int, int, str]:
    """The 1-based line and column of *offset* in *data*, and that line (shortened)."""
    newline: Any = "\n" if isinstance(data, str) else b"\n"
    line = data.count(newline, 0, offset) + 1
    start = data.rfind(newline, 0, offset) + 1
    end = data.find(newline, offset)
    text = data[start : end if end >= 0 else len(data)]
    shown = text if isinstance(text, str) else text.decode("utf-8", "replace")
    return line, offset - start + 1, shown


def _line_text(data: str | bytes, line: int) -> str:
    """Line *line* (1-based) of *data*, for an error to quote (ParseError shows a window of it)."""
    newline: Any = "\n" if isinstance(data, str) else b"\n"
    start = 0
    for _ in range(line - 1):
        start = data.find(newline, start) + 1
        if start == 0:
            return ""
    end = data.find(newline, start)
    text = data[start : end if end >= 0 else len(data)]
    return text if isinstance(text, str) else text.decode("utf-8", "replace")


def _declaration(data: str | bytes, *, any_doctype: bool) -> int:
    """Where the prolog of *data* declares entities or a DTD subset (any DOCTYPE with *any_doctype*), else -1.

    Only the prolog is looked at, the markup before the first element: a
    declaration anywhere else is an error to an XML parser and text to an
    HTML one, and never declares anything.
    """
    pattern: Any
    lt: Any
    ends: dict[str, Any]
    if isinstance(data, str):
        lt, pattern = "<", _ANY_DOCTYPE if any_doctype else _DECLARATIONS
        ends = {"?": "?>", "-": "-->", "!": ">"}
    else:
        lt, pattern = b"<", _ANY_DOCTYPE_BYTES if any_doctype else _DECLARATIONS_BYTES
        ends = {"?": b"?>", "-": b"-->", "!": b">"}
    at = data.find(lt)
    while at >= 0:
        following = data[at + 1 : at + 4]
        if isinstance(following, bytes):
            following = following.decode("latin-1")
        if following.startswith("!--"):
            end = data.find(ends["-"], at + 4)
        elif following.startswith("!"):
            if pattern.match(data, at) is not None:
                return at
            end = data.find(ends["!"], at)
        elif following.startswith("?"):
            end = data.find(ends["?"], at)
        else:
            return -1  # the first element: the prolog is over
        if end < 0:
            return -1
        at = data.find(lt, end)
    return -1


def refuse_declarations(data: str | bytes, what: str, *, any_doctype: bool = False) -> None:
    """Raise `ParseError` if *data* declares entities or a DTD subset (any DOCTYPE with *any_doctype*).

    *what* names the document in the message (``the web page``, ``word/document.xml``).
    """
    at = _declaration(data, any_doctype=any_doctype)
    if at < 0:
        return
    line, column, source = _position(data, at)
    declares = "a DTD or entities" if any_doctype else "entities or a DTD subset"
    raise ParseError(
        f"{what} declares {declares}, which a report never needs: refused unread",
        line=line,
        column=column,
        source_line=source,
    )


def _refuse_size(data: str | bytes, what: str, max_size: int) -> None:
    if len(data) > max_size:
        unit = "characters" if isinstance(data, str) else "bytes"
        raise ParseError(f"{what} is larger than {max_size:,} {unit}: refused unread", line=1)


def _check_log(log: Any, what: str) -> None:
    """Raise for a fatal error libxml2 recovered from by dropping the rest (depth or size limits)."""
    for entry in log.filter_from_level(etree.ErrorLevels.FATAL):
        message = entry.message.strip()
        if "depth" in message.lower():
            message = f"nests deeper than {MAX_DEPTH} elements"
        raise ParseError(f"{what} cannot be read safely: {message}", line=max(entry.line, 1))


def parse_html(data: bytes, *, what: str = "the web page", max_size: int, utf8_only: bool = False) -> Any:
    """The root element of the HTML page *data* (UTF-8 bytes), parsed safely; `ParseError` if it cannot be.

    Comments and processing instructions are dropped; named character
    references of HTML (``&nbsp;``) are read as their characters, and nothing
    else is expanded. With *utf8_only*, ``None`` if *data* is not valid UTF-8
    (libxml2 would have replaced its bytes), so that the caller decodes it.
    """
    _refuse_size(data, what, max_size)
    refuse_declarations(data, what)
    parser = etree.HTMLParser(  # type: ignore[call-arg]  # lxml-stubs lacks default_doctype
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        huge_tree=False,
        collect_ids=False,
        default_doctype=False,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:  # lxml raises it for a page with no element at all
        raise ParseError(f"{what} holds no HTML element: {error.msg}", line=1) from None
    if utf8_only and parser.error_log.filter_types(etree.ErrorTypes.ERR_INVALID_ENCODING):
        return None
    _check_log(parser.error_log, what)
    if root is None:
        raise ParseError(f"{what} holds no HTML element", line=1)
    return root


def parse_xml(data: str | bytes, *, what: str, max_size: int) -> Any:
    """The root element of the XML document *data*, parsed safely; `ParseError` if it cannot be.

    Any DOCTYPE is refused (a report's XML and the parts of a Word document
    never have one), comments and processing instructions are dropped.
    """
    _refuse_size(data, what, max_size)
    refuse_declarations(data, what, any_doctype=True)
    if isinstance(data, str):
        # A str is text already: its encoding declaration would mislead lxml (blanked, columns kept).
        text = _XML_DECLARATION.sub(lambda m: " " * len(m.group(0)), data, count=1)
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError as error:
            line, column, source = _position(text, error.start)
            raise ParseError(
                f"{what} holds a character that is no text (a lone surrogate)",
                line=line,
                column=column,
                source_line=source,
            ) from None
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
    )
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        line, column = error.position
        message = error.msg
        if "depth" in message.lower():
            message = f"nests deeper than {MAX_DEPTH} elements"
        line = line or 1
        raise ParseError(
            f"{what} is not well-formed XML: {message}",
            line=line,
            column=max(column, 1),
            source_line=_line_text(data, line),
        ) from None
    except ValueError as error:
        # lxml refuses some text before parsing it: an encoding declaration left (one not well formed).
        raise ParseError(f"{what} is not well-formed XML: {error}", line=1, source_line=_line_text(data, 1)) from None
