"""The command line: ``gia-report parse|summary|check FILE…`` and ``convert FILE --to FORM``.

Also ``python -m gia_report``.

Exit status: 0 when every file was read (and, for ``check``, no error was
found), 1 when ``check`` found errors, 2 for a usage error or a file that
could not be parsed (the others are still processed).

.. versionadded:: 0.1
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from importlib import resources
from typing import TextIO

from . import __version__
from .checking import Finding, check
from .checking._series import check_pairs, consecutive
from .errors import GiaReportError, ParseError
from .model import Active2019, Active2021, Report
from .parsing import ParseResult, parse_with_notes
from .serializing import FORMATS, dumps, loads
from .serializing._converter import converter

__all__ = ["main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
SAMPLE = "sample.txt"


def _read(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    with open(name, "rb") as handle:
        return handle.read()


def _sample() -> bytes:
    return resources.files("gia_report").joinpath("data", SAMPLE).read_bytes()


def _sources(args: argparse.Namespace) -> list[tuple[str, bytes | OSError]]:
    found: list[tuple[str, bytes | OSError]] = []
    if args.sample:
        found.append((f"<bundled {SAMPLE}>", _sample()))
    for name in args.files:
        try:
            found.append((name if name != "-" else "<stdin>", _read(name)))
        except OSError as error:
            found.append((name, error))
    return found


def _cell(value: object) -> str:
    return "blank" if value is None else str(value)


def summary(result: ParseResult, name: str) -> str:
    """A readable summary of one parsed report: metadata, layout, the main totals and the notes."""
    report = result.report
    requests = report.requests
    lines = [
        f"{name}",
        f"  agency:   {report.agency or '(not found)'}",
        f"  year:     {report.year or '(not found)'}",
        f"  format:   {report.format_version}",
        f"  layout:   {result.detection}",
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


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    status = EXIT_OK
    parsed: list[tuple[str, ParseResult]] = []
    for name, data in _sources(args):
        if isinstance(data, OSError):
            print(f"{name}: cannot read: {data.strerror}", file=err)
            status = EXIT_ERROR
            continue
        try:
            parsed.append((name, parse_with_notes(data, strict=args.strict)))
        except ParseError as error:
            print(f"{name}: {error}", file=err)
            status = EXIT_ERROR
    if args.command == "check":
        found = _check(parsed, args.format, out)
        return status or (EXIT_FINDINGS if found else EXIT_OK)
    if args.command == "parse":
        if len(parsed) == 1 and not args.always_list:
            out.write(dumps(parsed[0][1].report, "json"))
        elif parsed:
            documents = [{"file": name, "report": converter().unstructure(r.report)} for name, r in parsed]
            out.write(json.dumps(documents, ensure_ascii=False, indent=2) + "\n")
    else:
        out.write("\n\n".join(summary(result, name) for name, result in parsed) + ("\n" if parsed else ""))
    return status


def _check(parsed: list[tuple[str, ParseResult]], form: str, out: TextIO) -> bool:
    """Print the findings of each report and across years; return whether any is an error."""
    found: list[tuple[str, Finding]] = [(name, f) for name, result in parsed for f in check(result.report)]
    file_of = {id(result.report): name for name, result in parsed}
    reports = [result.report for _, result in parsed]
    for before, after in consecutive(reports):
        found.extend((file_of[id(after)], f) for f in check_pairs(before, after))
    if form == "json":
        unstructure = converter().unstructure
        documents = [{"file": name, **unstructure(f)} for name, f in found]
        out.write(json.dumps(documents, ensure_ascii=False, indent=2, default=str) + "\n")
    else:
        for name, f in found:
            out.write(f"{name}: {f.key}: {f.severity}: {f.message}\n")
        errors = sum(1 for _, f in found if f.severity == "error")
        out.write(f"{len(parsed)} reports, {errors} errors, {len(found) - errors} warnings\n")
    return any(f.severity == "error" for _, f in found)


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
    ):
        command = commands.add_parser(name, help=text, description=text)
        command.add_argument("files", nargs="*", metavar="FILE", help="report text files; - reads standard input")
        command.add_argument(
            "--sample", action="store_true", help="also read the sample report bundled with the package"
        )
        command.add_argument("--strict", action="store_true", help="refuse a report that needs any note")
        if name == "check":
            command.add_argument(
                "--format", choices=("text", "json"), default="text", help="text for people, json for machines"
            )
        if name == "parse":
            command.add_argument("--always-list", action="store_true", help="print a JSON array even for a single file")
    convert = commands.add_parser(
        "convert",
        help="write a report in another form: json, xml, tab, pipe or blank-line",
        description="Read a report (a text layout, JSON or XML, found by its look) and write it in another form.",
    )
    convert.add_argument("file", metavar="FILE", help="a report; - reads standard input")
    convert.add_argument("--to", required=True, choices=FORMATS, help="the form to write")
    convert.add_argument("--from", dest="source", choices=FORMATS, help="the form FILE is in (default: found)")
    return parser


def _convert(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        data = _read(args.file)
    except OSError as error:
        print(f"{args.file}: cannot read: {error.strerror}", file=err)
        return EXIT_ERROR
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("gb18030", errors="replace")
    try:
        out.write(dumps(loads(text, args.source), args.to))
    except GiaReportError as error:
        print(f"{args.file}: {error}", file=err)
        return EXIT_ERROR
    return EXIT_OK


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run ``gia-report`` with *argv*; return the exit status."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:
        return int(stop.code or 0) and EXIT_ERROR
    if args.command == "convert":
        return _convert(args, out, err)
    if not args.files and not args.sample:
        print(f"gia-report {args.command}: name at least one FILE, - for standard input, or --sample", file=err)
        return EXIT_ERROR
    return _run(args, out, err)
