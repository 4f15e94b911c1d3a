"""The command line: ``gia-report parse|summary|check FILE…``, ``convert FILE --to FORM`` and ``batch PATH…``.

Also ``python -m gia_report``.

``parse``, ``summary`` and ``check`` read reports in any form the library
reads, and also the library's own JSON (a report, or what ``parse`` prints,
notes and all) and XML. Exit status: 0 when every file was read (and, for
``check``, no error was found), 1 when ``check`` found errors, 2 for a usage
error or a file that could not be parsed (the others are still processed).

``batch`` reads many files in worker processes and writes a table of cells
(``--out``) and one of files (``--files``) as it goes; exit 0 when every file
was read without error findings, 1 when some were not, 2 for a usage error.
Whatever the command, output that cannot be written (a closed pipe, a full
disk) is one line on standard error and exit 2.

.. versionadded:: 0.1
"""

from __future__ import annotations

import argparse
import contextlib
import glob
import itertools
import json
import os
import re
import sys
import time
from collections.abc import Iterator, Sequence
from functools import partial
from importlib import resources
from typing import Any, TextIO

import attrs

from . import __version__
from ._writers import Form, TableWriter, UnwritableValue, check_form, form_of, render
from .aggregate import check_hierarchy, sum_reports_with_notes
from .batch import cores, map_files, one_line
from .checking import Finding, Findings, check
from .checking._series import check_pairs, pair_years, series_cells, series_report
from .errors import AggregationError, GiaReportError, ParseError, SerializationError
from .frames import CELL_COLUMNS, cell_rows
from .model import Active2019, Active2021, Report
from .parsing import Detection, Layout, Note, ParseResult, parse_with_notes
from .parsing._files import MAX_FILE_SIZE, read_file
from .serializing import BINARY_FORMATS, FORMATS, dumps, loads
from .serializing._converter import converter

__all__ = ["main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
SAMPLE = "sample.txt"

#: The columns of ``batch --files``: one row per input file.
FILE_COLUMNS = (
    "file",
    "status",
    "form",
    "layout",
    "agency",
    "year",
    "format_version",
    "notes",
    "errors",
    "warnings",
    "message",
)


def _read(name: str) -> bytes:
    """The bytes of *name* (``-``: standard input), bounded as `gia_report.parse_file` bounds them."""
    if name == "-":
        data = sys.stdin.buffer.read(MAX_FILE_SIZE + 1)
        if len(data) > MAX_FILE_SIZE:
            raise ParseError(f"standard input holds more than {MAX_FILE_SIZE:,} bytes: refused", line=1)
        return data
    return read_file(name)


def _sample() -> bytes:
    return resources.files("gia_report").joinpath("data", SAMPLE).read_bytes()


def _sources(args: argparse.Namespace) -> list[tuple[str, bytes | ParseError]]:
    found: list[tuple[str, bytes | ParseError]] = []
    if args.sample:
        found.append((f"<bundled {SAMPLE}>", _sample()))
    for name in args.files:
        try:
            found.append((name if name != "-" else "<stdin>", _read(name)))
        except ParseError as error:
            found.append((name, error))
    return found


# --- Reading the library's own output back ---------------------------------------------------

_XML_REPORT = re.compile(rb"(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<(?:[\w.-]+:)?report[\s>/]", re.S)


@attrs.frozen(kw_only=True)
class Loaded:
    """One report given to ``parse``, ``summary`` or ``check``: its name, and the parse result when it was parsed."""

    name: str
    report: Report
    result: ParseResult | None = None
    form: str = "text"


def own_form(data: bytes) -> str | None:
    """``json`` or ``xml`` when *data* is the library's own JSON or XML output, else ``None`` (a report to parse)."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1] in (b"{", b"["):
        return "json"
    if _XML_REPORT.match(head):
        return "xml"
    return None


def _document(name: str, item: object, where: str) -> Loaded:
    """A report given as ``parse`` prints it: ``{file, report}``, with ``layout``, ``evidence`` and ``notes``."""
    if not isinstance(item, dict) or "report" not in item:
        raise SerializationError(f"{where}: expected a report or an object with a report, as gia-report parse prints")
    report = loads(json.dumps(item["report"]), "json")
    inner = item.get("file")
    label = f"{inner} (in {name})" if isinstance(inner, str) and inner != name else name
    if item.get("layout") is None:
        return Loaded(name=label, report=report, form="json")
    try:
        evidence = tuple((Layout(layout), int(count)) for layout, count in item.get("evidence", {}).items())
        detection = Detection(layout=Layout(item["layout"]), evidence=evidence)
        notes = tuple(Note(code=n["code"], message=n["message"], line=n.get("line")) for n in item.get("notes", ()))
    except (AttributeError, KeyError, TypeError, ValueError) as error:
        raise SerializationError(
            f"{where}: the layout, evidence or notes are not as gia-report parse prints them: {error}"
        ) from None
    result = ParseResult(report=report, notes=notes, detection=detection, sources={})
    return Loaded(name=label, report=report, result=result, form="json")


def load(name: str, data: bytes, *, strict: bool = False) -> list[Loaded]:
    """The reports in *data*: parsed from any form the library reads, or loaded from its own JSON or XML.

    Raises `GiaReportError` (`ParseError` or `SerializationError`) when *data* holds no report.
    """
    form = own_form(data)
    if form is None:
        return [Loaded(name=name, report=(result := parse_with_notes(data, strict=strict)).report, result=result)]
    text = data.decode("utf-8-sig", errors="replace")
    if form == "xml":
        return [Loaded(name=name, report=loads(text, "xml"), form="xml")]
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise SerializationError(f"not JSON: {error}") from None
    if isinstance(document, list):
        return [_document(name, item, f"item {index}") for index, item in enumerate(document)]
    if isinstance(document, dict) and "report" in document:
        return [_document(name, document, "the document")]
    return [Loaded(name=name, report=loads(text, "json"), form="json")]


# --- parse, summary and check ------------------------------------------------------------------


def _cell(value: object) -> str:
    return "blank" if value is None else str(value)


def summary(result: ParseResult | Report, name: str) -> str:
    """A readable summary of one report: metadata, layout, the main totals and the notes."""
    report = result.report if isinstance(result, ParseResult) else result
    requests = report.requests
    lines = [
        f"{name}",
        f"  agency:   {report.agency or '(not found)'}",
        f"  year:     {report.year or '(not found)'}",
        f"  format:   {report.format_version}",
        f"  layout:   {result.detection if isinstance(result, ParseResult) else '(not parsed: read as data)'}",
        "  requests (总计 column):",
        f"    new {_cell(requests.new.total)}, "
        f"carried over {_cell(requests.carried_over.total)}, "
        f"handled {_cell(requests.outcomes_total.total)}, "
        f"carried forward {_cell(requests.carried_forward.total)}",
        f"    granted {_cell(requests.granted.total)}, partially granted {_cell(requests.partially_granted.total)}",
        "  appeals (总计):",
        f"    review {_cell(report.appeals.review.total)}, "
        f"litigation without review {_cell(report.appeals.litigation_direct.total)}, "
        f"litigation after review {_cell(report.appeals.litigation_after_review.total)}",
    ]
    lines.extend(_active_lines(report))
    if isinstance(result, ParseResult):
        lines.append(f"  notes: {len(result.notes)}")
        lines.extend(f"    {note}" for note in result.notes)
    return "\n".join(lines)


def _active_lines(report: Report) -> list[str]:
    active = report.active
    if isinstance(active, Active2021):
        return [
            "  active disclosure:",
            f"    规章 in force {_cell(active.regulations.in_force)}, "
            f"行政规范性文件 in force {_cell(active.normative_documents.in_force)}, "
            f"fees {_cell(active.fees.amount)} 万元",
        ]
    assert isinstance(active, Active2019)
    return [
        "  active disclosure:",
        f"    规章 public {_cell(active.regulations.total_public)}, "
        f"规范性文件 public {_cell(active.normative_documents.total_public)}, "
        f"procurement {_cell(active.procurement.amount)} 元",
    ]


def _with_notes(item: Loaded) -> dict[str, Any]:
    """What ``parse --notes`` prints for one report: the file, layout with its evidence, notes and report."""
    result = item.result
    return {
        "file": item.name,
        "layout": str(result.layout) if result else None,
        "evidence": {str(layout): count for layout, count in result.detection.evidence} if result else {},
        "notes": [{"code": n.code, "message": n.message, "line": n.line} for n in result.notes] if result else [],
        "report": converter().unstructure(item.report),
    }


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    status = EXIT_OK
    parsed: list[Loaded] = []
    for name, data in _sources(args):
        if isinstance(data, ParseError):
            print(data.msg, file=err)  # it names the file, and has no line of a report to show
            status = EXIT_ERROR
            continue
        try:
            parsed.extend(load(name, data, strict=args.strict))
        except GiaReportError as error:
            print(f"{name}: {error}", file=err)
            status = EXIT_ERROR
    if args.command == "check":
        if args.parent is not None:
            return _check_parent(args, parsed, out, err) or status
        found = _check(parsed, args.format, out)
        return status or (EXIT_FINDINGS if found else EXIT_OK)
    if args.command == "sum":
        return _sum(args, parsed, out, err) or status
    if args.command == "parse":
        if len(parsed) == 1 and not args.always_list:
            if args.notes:
                out.write(json.dumps(_with_notes(parsed[0]), ensure_ascii=False, indent=2) + "\n")
            else:
                out.write(dumps(parsed[0].report, "json"))
        elif parsed:
            unstructure = converter().unstructure
            documents = [
                _with_notes(item) if args.notes else {"file": item.name, "report": unstructure(item.report)}
                for item in parsed
            ]
            out.write(json.dumps(documents, ensure_ascii=False, indent=2) + "\n")
    else:
        shown = [summary(item.result or item.report, item.name) for item in parsed]
        out.write("\n\n".join(shown) + ("\n" if parsed else ""))
    return status


def _check(parsed: list[Loaded], form: str, out: TextIO) -> bool:
    """Print the findings of each report and across years; return whether any is an error."""
    found: list[tuple[str, Finding]] = [
        (item.name, f) for item in parsed for f in check(item.report, spent=item.result.spent if item.result else ())
    ]
    pairing = pair_years([(item.report.agency, item.report.year, item.name) for item in parsed])
    for before, after in pairing.pairs:
        found.extend((parsed[after].name, f) for f in check_pairs(parsed[before].report, parsed[after].report))
    _print_findings(found, len(parsed), form, out, [str(note) for _, note in pairing.notes])
    return any(f.severity == "error" for _, f in found)


def _print_findings(
    found: Sequence[tuple[str, Finding]], reports: int, form: str, out: TextIO, notes: Sequence[str] = ()
) -> None:
    """Print *found* as JSON, or one line each and a count of errors, warnings and infos."""
    if form == "json":
        unstructure = converter().unstructure
        documents = [{"file": name, **unstructure(f)} for name, f in found]
        out.write(json.dumps(documents, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    for name, f in found:
        out.write(f"{name}: {f.key}: {f.severity}: {f.message}\n")
    for note in notes:
        out.write(f"{note}\n")
    counts = {severity: sum(1 for _, f in found if f.severity == severity) for severity in ("error", "warning", "info")}
    infos = f", {counts['info']} infos" if counts["info"] else ""
    out.write(f"{reports} reports, {counts['error']} errors, {counts['warning']} warnings{infos}\n")


def _check_parent(args: argparse.Namespace, parsed: list[Loaded], out: TextIO, err: TextIO) -> int:
    """``check --parent FILE CHILDREN…``: where the parent is not the sum of its children."""
    parents = [item for item in parsed if item.name == _shown(args.parent)]
    children = [item for item in parsed if item.name != _shown(args.parent)]
    if len(parents) != 1 or not children:
        print("gia-report check --parent: the parent and at least one child must read", file=err)
        return EXIT_ERROR
    try:
        findings = check_hierarchy(parents[0].report, [item.report for item in children])
    except AggregationError as error:
        print(f"gia-report check --parent: {error}", file=err)
        return EXIT_ERROR
    _print_findings([(parents[0].name, f) for f in findings], len(parsed), args.format, out)
    return EXIT_FINDINGS if findings.errors else EXIT_OK


def _sum(args: argparse.Namespace, parsed: list[Loaded], out: TextIO, err: TextIO) -> int:
    """``sum FILES… --to FORM``: the cell-wise sum of the reports, written in FORM; its notes on stderr."""
    try:
        summed = sum_reports_with_notes([item.report for item in parsed], agency=args.agency, year=args.year)
    except AggregationError as error:
        print(f"gia-report sum: {error}", file=err)
        return EXIT_ERROR
    for note in summed.notes:
        print(f"gia-report sum: {note}", file=err)
    _emit(dumps(summed.report, args.to), args.output, out)
    return EXIT_OK


def _shown(name: str) -> str:
    return "<stdin>" if name == "-" else name


def _emit(written: str | bytes, output: str | None, out: TextIO) -> None:
    """Write *written* to the file *output*, or to *out* (bytes to its binary buffer)."""
    if output is not None:
        try:
            if isinstance(written, bytes):
                with open(output, "wb") as binary:
                    binary.write(written)
            else:
                with open(output, "w", encoding="utf-8") as text:
                    text.write(written)
        except OSError as error:
            raise _CannotWrite(f"cannot write {output!r}: {error.strerror or error}") from None
        return
    if isinstance(written, bytes):
        out.flush()
        buffer = getattr(out, "buffer", None)
        if buffer is None:
            raise _CannotWrite("a Word document is bytes: name a file to write it to with -o")
        buffer.write(written)
        buffer.flush()
        return
    out.write(written)


def _convert(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        data = _read(args.file)
        report = loads(data, args.source)
        _emit(dumps(report, args.to), args.output, out)
    except GiaReportError as error:
        print(f"{args.file}: {error}", file=err)
        return EXIT_ERROR
    return EXIT_OK


# --- batch -------------------------------------------------------------------------------------

_GLOB = re.compile(r"[*?\[]")


def _walk(path: str) -> Iterator[str]:
    """Every file under the directory *path*, depth first in name order, hidden ones left out."""
    for root, folders, files in os.walk(path):
        folders[:] = sorted(folder for folder in folders if not folder.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield os.path.join(root, name)


def _expand(arguments: Sequence[str]) -> Iterator[str]:
    """The files the PATH arguments name: files as given, directories walked, globs matched (``**`` too)."""
    for argument in arguments:
        if os.path.isdir(argument):
            yield from _walk(argument)
        elif os.path.exists(argument) or not _GLOB.search(argument):
            yield argument
        else:
            for match in sorted(glob.iglob(argument, recursive=True)):
                yield from _walk(match) if os.path.isdir(match) else (match,)


def _missing(arguments: Sequence[str]) -> list[str]:
    """The PATH arguments that name nothing: no such file, or a glob that matches none."""
    return [
        argument
        for argument in arguments
        if not os.path.exists(argument)
        and not (_GLOB.search(argument) and next(glob.iglob(argument, recursive=True), None) is not None)
    ]


_FORMS = (
    (b"%PDF", "pdf"),
    (b"PK\x03\x04", "zip"),
    (b"\xd0\xcf\x11\xe0", "ole"),
    (b"\x89PNG", "image"),
    (b"\xff\xd8\xff", "image"),
    (b"GIF8", "image"),
)


def sniff_form(data: bytes) -> str:
    """The form of a file by its first bytes: pdf, docx, doc (or another OLE file), html, xml, image, binary or text."""
    for magic, form in _FORMS:
        if data.startswith(magic):
            if form == "zip":
                return "docx" if b"word/" in data else "zip"
            return "doc" if form == "ole" else form
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<"):
        return "html" if re.search(rb"<(?:!doctype html|html|body|table|div|p)[\s>]", head) else "xml"
    if b"\x00" in data[:2048]:
        return "binary"
    return "text"


@attrs.frozen(kw_only=True)
class _Done:
    """What a worker sends back for one file: its row of ``--files``, its cells ready to write, its series part."""

    row: tuple[object, ...]
    cells: Any = None
    series: tuple[Any, ...] | None = None


def _first_message(error: BaseException | None, findings: Findings, notes: Sequence[Note]) -> str:
    if error is not None:
        return one_line(error)
    for finding in (*findings.errors, *findings.warnings):
        return f"{finding.key}: {finding.message}"
    return str(notes[0]) if notes else ""


def read_for_batch(path: str, *, strict: bool, cells: Form | None) -> _Done:
    """Read, parse and check one file in a worker; its files row, rendered cells and series part."""
    form = "unknown"
    try:
        data = read_file(path)
        form = sniff_form(data)
        result = parse_with_notes(data, strict=strict)
    except Exception as error:
        status = "refused" if isinstance(error, ParseError) else "failed"
        message = _first_message(error, Findings(), ())
        return _Done(row=(path, status, form, None, None, None, None, None, None, None, message))
    report = result.report
    findings = check(report)
    row = (
        path,
        "read",
        form,
        str(result.layout),
        report.agency or None,
        report.year,
        report.format_version,
        len(result.notes),
        len(findings.errors),
        len(findings.warnings),
        _first_message(None, findings, result.notes),
    )
    rendered = None
    if cells is not None:
        try:
            rendered = render(cells, CELL_COLUMNS, list(cell_rows(report, path)))
        except UnwritableValue as error:
            return _Done(row=(*row[:1], "failed", *row[2:-1], str(error)))
    series = (report.agency, report.year, report.format_version, report.requests.other_as_one_row, series_cells(report))
    return _Done(row=row, cells=rendered, series=series)


def _failed(path: str, error: Exception) -> _Done:
    message = _first_message(error, Findings(), ())
    return _Done(row=(path, "failed", "unknown", None, None, None, None, None, None, None, message))


def _guarded_read(path: str, *, strict: bool, cells: Form | None) -> _Done:
    # A bug of ours in one file's rows must not end the run: the file is failed with its reason.
    try:
        return read_for_batch(path, strict=strict, cells=cells)
    except Exception as error:
        return _failed(path, error)


class _Progress:
    """A one-line progress bar on a terminal: files done of the total, the refused and failed, files per second."""

    def __init__(self, err: TextIO, total: int | None) -> None:
        self.err = err
        self.total = total
        self.started = self.shown = time.monotonic()

    def update(self, done: int, counts: dict[str, int], *, last: bool = False) -> None:
        now = time.monotonic()
        if not last and now - self.shown < 0.2:
            return
        self.shown = now
        rate = done / max(now - self.started, 1e-9)
        if self.total:
            filled = int(30 * done / self.total)
            bar = f"[{'#' * filled}{'.' * (30 - filled)}] {done}/{self.total}"
        else:
            bar = f"{done} files"
        tail = f"{counts['refused']} refused, {counts['failed']} failed, {rate:.0f} files/s"
        self.err.write(f"\r{bar} {tail}\x1b[K")
        if last:
            self.err.write("\n")
        self.err.flush()


class _CannotWrite(Exception):
    """An output file could not be opened or written: the command says so in one line and exits 2."""


def _open_table(path: str, columns: Sequence[str]) -> TableWriter:
    try:
        return TableWriter(path, form_of(path), columns)
    except OSError as error:
        raise _CannotWrite(f"cannot write {path}: {error.strerror or error}") from error


def _write(table: TableWriter | None, payload: Any) -> None:
    if table is None or payload is None:
        return
    try:
        table.write(payload)
    except OSError as error:
        raise _CannotWrite(f"cannot write {table.path}: {error.strerror or error}") from error


def _close(tables: list[TableWriter], *, quietly: bool = False) -> None:
    while tables:
        table = tables.pop()
        try:
            table.close()
        except OSError as error:
            if not quietly:
                raise _CannotWrite(f"cannot write {table.path}: {error.strerror or error}") from error


def _batch(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    usage = _batch_usage(args)
    if usage:
        for line in usage:
            print(f"gia-report batch: {line}", file=err)
        return EXIT_ERROR
    cells_form = form_of(args.out) if args.out else None
    progress = _Progress(err, sum(1 for _ in _expand(args.paths))) if err.isatty() else None
    tables: list[TableWriter] = []
    counts = {"read": 0, "refused": 0, "failed": 0, "errors": 0}
    work = partial(_guarded_read, strict=args.strict, cells=cells_form)
    results = map_files(work, _expand(args.paths), jobs=args.jobs)
    # The first result starts the workers: they start before the writers import pyarrow, and do not inherit it.
    first = list(itertools.islice(results, 1))
    try:
        cells_table = _open_table(args.out, CELL_COLUMNS) if args.out else None
        tables += [cells_table] if cells_table else []
        files_table = _open_table(args.files, FILE_COLUMNS) if args.files else None
        tables += [files_table] if files_table else []
        series: list[tuple[str, tuple[Any, ...]]] = []
        for path, outcome in itertools.chain(first, results):
            item = outcome if isinstance(outcome, _Done) else _failed(path, outcome)
            status, errors, message = str(item.row[1]), item.row[8] or 0, item.row[-1]
            counts[status] += 1
            if status != "read":
                out.write(f"{path}: {status}: {message}\n")
            elif errors:
                counts["errors"] += 1
                out.write(f"{path}: {errors} errors, the first {message}\n")
            _write(cells_table, item.cells)
            _write(files_table, render(files_table.form, FILE_COLUMNS, [item.row]) if files_table else None)
            if item.series is not None:
                series.append((path, item.series))
            if progress:
                progress.update(counts["read"] + counts["refused"] + counts["failed"], counts)
        total = counts["read"] + counts["refused"] + counts["failed"]
        if progress:
            progress.update(total, counts, last=True)
        across = _across_years(series, out)
        _close(tables)
    finally:
        results.close()
        _close(tables, quietly=True)
    out.write(
        f"{total} files: {counts['read']} read ({counts['errors']} with errors), {counts['refused']} refused, "
        f"{counts['failed']} failed; across years: {across}\n"
    )
    return EXIT_OK if counts["read"] == total and not counts["errors"] else EXIT_FINDINGS


def _batch_usage(args: argparse.Namespace) -> list[str]:
    """What is wrong with the batch arguments, one line each; empty when they can run."""
    problems = [f"{path}: no such file or directory, and no file matches it" for path in _missing(args.paths)]
    if args.jobs is not None and args.jobs < 1:
        problems.append(f"--jobs must be at least 1, not {args.jobs}")
    for option, path in (("--out", args.out), ("--files", args.files)):
        if path is None:
            continue
        try:
            check_form(form_of(path))
        except (ValueError, ImportError) as error:
            problems.append(f"{option} {error}")
    if args.out and args.files and os.path.abspath(args.out) == os.path.abspath(args.files):
        problems.append("--out and --files name the same file")
    return problems


def _across_years(series: list[tuple[str, tuple[Any, ...]]], out: TextIO) -> str:
    """Check the pairs of consecutive years among the files read; print the findings and pairing notes."""
    pairing = pair_years([(part[0], part[1], path) for path, part in series])
    warnings = 0
    for before, after in pairing.pairs:
        for f in check_pairs(series_report(*series[before][1]), series_report(*series[after][1])):
            warnings += 1
            out.write(f"{series[after][0]}: {f.key}: {f.severity}: {f.message}\n")
    for _, note in pairing.notes:
        out.write(f"{note}\n")
    pairs = len(pairing.pairs)
    return f"{pairs} {'pair' if pairs == 1 else 'pairs'} of years compared, {warnings} warnings"


# --- The parser and main -----------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``gia-report``."""
    parser = argparse.ArgumentParser(
        prog="gia-report",
        description="Read Chinese government information-disclosure annual reports (政府信息公开工作年度报告).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, text in (
        ("parse", "print each report as JSON (an array of {file, report} for several files)"),
        ("summary", "print a readable summary: agency, year, layout, the main totals and the notes"),
        ("check", "check every identity and the soft checks; exit 1 when a report has errors"),
        ("sum", "write the cell-wise sum of the reports (a county's of its departments') in another form"),
    ):
        command = commands.add_parser(name, help=text, description=text)
        command.add_argument(
            "files", nargs="*", metavar="FILE", help="reports, or gia-report's own JSON or XML; - reads standard input"
        )
        command.add_argument(
            "--sample", action="store_true", help="also read the sample report bundled with the package"
        )
        command.add_argument("--strict", action="store_true", help="refuse a report that needs any note")
        if name == "check":
            command.add_argument(
                "--format", choices=("text", "json"), default="text", help="text for people, json for machines"
            )
            command.add_argument(
                "--parent",
                metavar="FILE",
                help="check that the report FILE is the cell-wise sum of the FILEs given, its children",
            )
        if name == "sum":
            command.add_argument("--to", required=True, choices=(*FORMATS, *BINARY_FORMATS), help="the form to write")
            command.add_argument("--agency", help="the agency the sum is the report of (default: none)")
            command.add_argument("--year", type=int, help="its year (default: the reports' year)")
            command.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of standard output")
        if name == "parse":
            command.add_argument("--always-list", action="store_true", help="print a JSON array even for a single file")
            command.add_argument(
                "--notes", action="store_true", help="print {file, layout, evidence, notes, report} for each file"
            )
    convert = commands.add_parser(
        "convert",
        help="write a report in another form: json, xml, html, docx, tab, pipe or blank-line",
        description="Read a report (a text layout, JSON or XML, found by its look) and write it in another form.",
    )
    convert.add_argument("file", metavar="FILE", help="a report; - reads standard input")
    convert.add_argument("--to", required=True, choices=(*FORMATS, *BINARY_FORMATS), help="the form to write")
    convert.add_argument(
        "--from", dest="source", choices=(*FORMATS, *BINARY_FORMATS), help="the form FILE is in (default: found)"
    )
    convert.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of standard output (docx: bytes)")
    batch = commands.add_parser(
        "batch",
        help="read many files in worker processes into a table of cells and a table of files",
        description="Read every file named, in any form gia-report reads, in worker processes. Print one line per "
        "file that was not read cleanly, the checks across years and a summary; write the tables as they go.",
    )
    batch.add_argument("paths", nargs="+", metavar="PATH", help="files, directories (walked) and globs ('**' too)")
    batch.add_argument(
        "--jobs", type=int, default=None, metavar="N", help=f"worker processes (default: {cores()}, the cores)"
    )
    batch.add_argument(
        "--out", metavar="CELLS", help="write one row per cell to CELLS: .parquet, .csv or .jsonl (by the suffix)"
    )
    batch.add_argument(
        "--files", metavar="FILES", help="write one row per input file to FILES: .parquet, .csv or .jsonl"
    )
    batch.add_argument("--strict", action="store_true", help="refuse a report that needs any note")
    return parser


def _quiet_stdout() -> None:
    # The interpreter flushes stdout again on exit; point it at /dev/null so that flush cannot fail too.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # pragma: no cover - stdout without a file descriptor
        pass


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run ``gia-report`` with *argv*; return the exit status."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:
        return int(stop.code or 0) and EXIT_ERROR
    try:
        if args.command == "convert":
            status = _convert(args, out, err)
        elif args.command == "batch":
            status = _batch(args, out, err)
        elif args.command == "check" and args.parent is not None:
            args.files = [args.parent, *(name for name in args.files if name != args.parent)]
            status = _run(args, out, err)
        elif not args.files and not args.sample:
            print(f"gia-report {args.command}: name at least one FILE, - for standard input, or --sample", file=err)
            status = EXIT_ERROR
        else:
            status = _run(args, out, err)
        out.flush()
    except (_CannotWrite, OSError) as error:
        message = (
            str(error) if isinstance(error, _CannotWrite) else f"cannot write the output: {error.strerror or error}"
        )
        if out is sys.stdout:
            _quiet_stdout()
        with contextlib.suppress(OSError):  # standard error may be gone too
            print(f"gia-report {args.command}: {message}", file=err)
        return EXIT_ERROR
    return status
