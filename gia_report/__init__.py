"""gia_report: exact, typed data from Chinese government information-disclosure annual reports.

>>> import gia_report
>>> report = gia_report.parse(text)                      # doctest: +SKIP
>>> report.requests.granted.natural_person               # doctest: +SKIP
1288
"""

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
