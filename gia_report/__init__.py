"""gia_report: exact, typed data from Chinese government information-disclosure annual reports.

>>> import gia_report
>>> report = gia_report.parse(text)                      # doctest: +SKIP
>>> report.requests.granted.natural_person               # doctest: +SKIP
1288
"""

import typing as _typing
from importlib import import_module as _import_module

if _typing.TYPE_CHECKING:
    from .aggregate import SumNote, SumResult, check_hierarchy, sum_reports, sum_reports_with_notes
    from .batch import FileResult, parse_files
    from .checking import Finding, Findings, check, check_series
    from .errors import AggregationError, GiaReportError, ParseError, SerializationError
    from .frames import to_dataframe
    from .model import (
        Active2019,
        Active2021,
        AppealRow,
        Appeals,
        DecisionCount,
        DocumentCounts,
        DocumentCounts2019,
        FeeAmount,
        FeeItemCounts,
        ItemCounts,
        Overview,
        Procurement,
        Report,
        RequestRow,
        Requests,
        Subsection,
    )
    from .parsing import CellSource, Detection, Layout, Note, ParseResult, parse, parse_file, parse_with_notes
    from .records import Record, from_records, to_records
    from .serializing import dumps, json_schema, loads, xml_schema

__version__ = "0.1.0"

__all__ = [
    "Active2019",
    "Active2021",
    "AggregationError",
    "AppealRow",
    "Appeals",
    "CellSource",
    "DecisionCount",
    "Detection",
    "DocumentCounts",
    "DocumentCounts2019",
    "FeeAmount",
    "FeeItemCounts",
    "FileResult",
    "Finding",
    "Findings",
    "GiaReportError",
    "ItemCounts",
    "Layout",
    "Note",
    "Overview",
    "ParseError",
    "ParseResult",
    "Procurement",
    "Record",
    "Report",
    "RequestRow",
    "Requests",
    "SerializationError",
    "Subsection",
    "SumNote",
    "SumResult",
    "__version__",
    "check",
    "check_hierarchy",
    "check_series",
    "dumps",
    "from_records",
    "json_schema",
    "loads",
    "parse",
    "parse_file",
    "parse_files",
    "parse_with_notes",
    "sum_reports",
    "sum_reports_with_notes",
    "to_dataframe",
    "to_records",
    "xml_schema",
]

# Importing the package imports none of its parts: each public name is imported from its home module at its
# first use, so that `import gia_report` costs next to nothing and a program pays only for the parts it uses.
_HOMES = {
    "Active2019": "model",
    "Active2021": "model",
    "AggregationError": "errors",
    "AppealRow": "model",
    "Appeals": "model",
    "CellSource": "parsing",
    "DecisionCount": "model",
    "Detection": "parsing",
    "DocumentCounts": "model",
    "DocumentCounts2019": "model",
    "FeeAmount": "model",
    "FeeItemCounts": "model",
    "FileResult": "batch",
    "Finding": "checking",
    "Findings": "checking",
    "GiaReportError": "errors",
    "ItemCounts": "model",
    "Layout": "parsing",
    "Note": "parsing",
    "Overview": "model",
    "ParseError": "errors",
    "ParseResult": "parsing",
    "Procurement": "model",
    "Record": "records",
    "Report": "model",
    "RequestRow": "model",
    "Requests": "model",
    "SerializationError": "errors",
    "Subsection": "model",
    "SumNote": "aggregate",
    "SumResult": "aggregate",
    "check": "checking",
    "check_hierarchy": "aggregate",
    "check_series": "checking",
    "dumps": "serializing",
    "from_records": "records",
    "json_schema": "serializing",
    "loads": "serializing",
    "parse": "parsing",
    "parse_file": "parsing",
    "parse_files": "batch",
    "parse_with_notes": "parsing",
    "sum_reports": "aggregate",
    "sum_reports_with_notes": "aggregate",
    "to_dataframe": "frames",
    "to_records": "records",
    "xml_schema": "serializing",
}

#: The public modules that importing the package used to import, reached as its attributes as before.
_MODULES = frozenset(
    {"aggregate", "batch", "catalog", "checking", "errors", "frames", "model", "parsing", "records", "serializing"}
)

if not _typing.TYPE_CHECKING:  # for mypy, the imports above declare every name and what it is

    def __getattr__(name: str) -> object:
        if name in _MODULES:
            return _import_module(f".{name}", __name__)  # which sets the attribute itself
        home = _HOMES.get(name)
        if home is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(_import_module(f".{home}", __name__), name)
        globals()[name] = value  # the next access finds it without this function
        return value

    def __dir__() -> list[str]:
        return sorted({*globals(), *_HOMES, *_MODULES})
