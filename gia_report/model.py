"""The canonical, typed model of a report: frozen attrs classes, no I/O.

The model is the *meaning* of a report. Counts are ``int``, money is
``Decimal``, and a cell printed blank or with a placeholder is ``None`` (never
0). Two reports are equal when they mean the same, whatever layout they came
from; where each value came from lives beside the report, in
`gia_report.ParseResult`.

Field names are the public keys of FORMAT.md §2 (``table/row/column``), so
``report.requests.granted.natural_person`` is the cell
``requests/granted/natural_person``. A test holds these classes and
`gia_report.catalog` together.

>>> RequestRow(natural_person=3, total=3).total
3

.. versionadded:: 0.1
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, Literal

import attrs

from .catalog import ESCAPE, FORMAT_VERSIONS, MAX_SUBHEADING, SUBHEADING, compose_title, read_title

__all__ = [
    "Active",
    "Active2019",
    "Active2021",
    "AppealRow",
    "Appeals",
    "DecisionCount",
    "DocumentCounts",
    "DocumentCounts2019",
    "FeeAmount",
    "FeeItemCounts",
    "ItemCounts",
    "Overview",
    "Procurement",
    "Report",
    "RequestRow",
    "Requests",
    "Subsection",
]


def _check_count(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if type(value) is not int:
        raise TypeError(f"{attribute.name} must be an int or None, not {type(value).__name__}: {value!r}")
    if value < 0:
        raise ValueError(f"{attribute.name} is a count and cannot be negative: {value!r}")


def _check_signed(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and type(value) is not int:
        raise TypeError(f"{attribute.name} must be an int or None, not {type(value).__name__}: {value!r}")


def _check_money(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, Decimal):
        raise TypeError(f"{attribute.name} must be a Decimal or None, not {type(value).__name__}: {value!r}")
    if not value.is_finite() or value < 0:
        raise ValueError(f"{attribute.name} is an amount of money and must be finite and ≥ 0: {value!r}")


def _count() -> Any:
    return attrs.field(default=None, validator=_check_count)


def _signed() -> Any:
    return attrs.field(default=None, validator=_check_signed)


def _money() -> Any:
    return attrs.field(default=None, validator=_check_money)


def _tuple_of(kind: type, member: Any = None) -> Any:
    check: Any = attrs.validators.instance_of(kind)
    return attrs.field(
        default=(),
        converter=tuple,
        validator=attrs.validators.deep_iterable(check if member is None else attrs.validators.and_(check, member)),
    )


_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


def _check_paragraph(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    # A paragraph is one printed line: what a parser reads back from any layout.
    if not value or value != value.strip() or _CONTROL.search(value):
        raise ValueError(
            f"a paragraph of {attribute.name} is one non-empty line without surrounding spaces or control "
            f"characters: {value!r}"
        )


def _check_heading(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise TypeError(f"a sub-heading is a str, not {type(value).__name__}")
    opened = re.match(SUBHEADING, value)
    if (
        opened is None
        or value != value.strip()
        or len(value) > MAX_SUBHEADING
        or re.search(r"[。：:]", value)
        or _CONTROL.search(value)
    ):
        raise ValueError(
            f"a sub-heading opens with （一）, 一、 or the like, is at most {MAX_SUBHEADING} characters and "
            f"holds no 。 or ：: {value!r}"
        )


def _texts() -> Any:
    return _tuple_of(str, _check_paragraph)


# --- Table active, format 2021 ----------------------------------------------------------


@attrs.frozen(kw_only=True)
class DocumentCounts:
    """规章 or 行政规范性文件 in a 2021 report: 本年制发件数, 本年废止件数, 现行有效件数.

    .. versionadded:: 0.1
    """

    issued: int | None = _count()
    repealed: int | None = _count()
    in_force: int | None = _count()


@attrs.frozen(kw_only=True)
class DecisionCount:
    """行政许可, 行政处罚 or 行政强制 in a 2021 report: 本年处理决定数量.

    .. versionadded:: 0.1
    """

    decisions: int | None = _count()


@attrs.frozen(kw_only=True)
class FeeAmount:
    """行政事业性收费 in a 2021 report: 本年收费金额, in 万元.

    .. versionadded:: 0.1
    """

    amount: Decimal | None = _money()


@attrs.frozen(kw_only=True)
class Active2021:
    """Table 二、主动公开政府信息情况 of a 2021-format report (10 cells).

    .. versionadded:: 0.1
    """

    regulations: DocumentCounts = attrs.field(factory=DocumentCounts)
    normative_documents: DocumentCounts = attrs.field(factory=DocumentCounts)
    licensing: DecisionCount = attrs.field(factory=DecisionCount)
    penalty: DecisionCount = attrs.field(factory=DecisionCount)
    coercion: DecisionCount = attrs.field(factory=DecisionCount)
    fees: FeeAmount = attrs.field(factory=FeeAmount)


# --- Table active, format 2019 ----------------------------------------------------------


@attrs.frozen(kw_only=True)
class DocumentCounts2019:
    """规章 or 规范性文件 in a 2019 report: 本年新制作数量, 本年新公开数量, 对外公开总数量.

    .. versionadded:: 0.1
    """

    made: int | None = _count()
    published: int | None = _count()
    total_public: int | None = _count()


@attrs.frozen(kw_only=True)
class ItemCounts:
    """A licensing-type row of a 2019 report: 上一年项目数量, 本年增/减 (signed), 处理决定数量.

    .. versionadded:: 0.1
    """

    items_last_year: int | None = _count()
    change: int | None = _signed()
    decisions: int | None = _count()


@attrs.frozen(kw_only=True)
class FeeItemCounts:
    """行政事业性收费 in a 2019 report: 上一年项目数量 and 本年增/减 (item counts, not money).

    .. versionadded:: 0.1
    """

    items_last_year: int | None = _count()
    change: int | None = _signed()


@attrs.frozen(kw_only=True)
class Procurement:
    """政府集中采购 in a 2019 report: 采购项目数量 and 采购总金额, in 元.

    .. versionadded:: 0.1
    """

    projects: int | None = _count()
    amount: Decimal | None = _money()


@attrs.frozen(kw_only=True)
class Active2019:
    """Table 二、主动公开政府信息情况 of a 2019-format report (22 cells).

    .. versionadded:: 0.1
    """

    regulations: DocumentCounts2019 = attrs.field(factory=DocumentCounts2019)
    normative_documents: DocumentCounts2019 = attrs.field(factory=DocumentCounts2019)
    licensing: ItemCounts = attrs.field(factory=ItemCounts)
    other_services: ItemCounts = attrs.field(factory=ItemCounts)
    penalty: ItemCounts = attrs.field(factory=ItemCounts)
    coercion: ItemCounts = attrs.field(factory=ItemCounts)
    fees: FeeItemCounts = attrs.field(factory=FeeItemCounts)
    procurement: Procurement = attrs.field(factory=Procurement)


Active = Active2021 | Active2019

# --- Table requests -------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class RequestRow:
    """One row of table 三: the six applicant columns and 总计.

    .. versionadded:: 0.1
    """

    natural_person: int | None = _count()
    commercial: int | None = _count()
    research: int | None = _count()
    social_welfare: int | None = _count()
    legal_services: int | None = _count()
    other_org: int | None = _count()
    total: int | None = _count()


def _row() -> Any:
    return attrs.field(factory=RequestRow, validator=attrs.validators.instance_of(RequestRow))


def _optional_row(default: bool) -> Any:
    return attrs.field(
        factory=RequestRow if default else lambda: None,
        validator=attrs.validators.optional(attrs.validators.instance_of(RequestRow)),
    )


_OTHER_ROWS = ("other_no_correction", "other_unpaid_fees", "other_other")


@attrs.frozen(kw_only=True)
class Requests:
    """Table 三、收到和处理政府信息公开申请情况, for both formats.

    A 2021 report has the three ``other_*`` rows and ``other_handling`` is
    ``None``; a 2019 report, and a hybrid 2021 report that prints
    （六）其他处理 as one row, have ``other_handling`` and the three ``other_*``
    rows are ``None``. The defaults are those of a 2021 report.

    .. versionadded:: 0.1
    """

    new: RequestRow = _row()
    carried_over: RequestRow = _row()
    granted: RequestRow = _row()
    partially_granted: RequestRow = _row()
    withheld_state_secret: RequestRow = _row()
    withheld_prohibited_by_law: RequestRow = _row()
    withheld_three_safeties: RequestRow = _row()
    withheld_third_party: RequestRow = _row()
    withheld_internal_affairs: RequestRow = _row()
    withheld_process_info: RequestRow = _row()
    withheld_enforcement_files: RequestRow = _row()
    withheld_query_matters: RequestRow = _row()
    unavailable_not_held: RequestRow = _row()
    unavailable_needs_creation: RequestRow = _row()
    unavailable_unclear: RequestRow = _row()
    rejected_petition: RequestRow = _row()
    rejected_repeated: RequestRow = _row()
    rejected_publications: RequestRow = _row()
    rejected_excessive: RequestRow = _row()
    rejected_confirmation: RequestRow = _row()
    other_no_correction: RequestRow | None = _optional_row(True)
    other_unpaid_fees: RequestRow | None = _optional_row(True)
    other_other: RequestRow | None = _optional_row(True)
    other_handling: RequestRow | None = _optional_row(False)
    outcomes_total: RequestRow = _row()
    carried_forward: RequestRow = _row()

    def __attrs_post_init__(self) -> None:
        present = [getattr(self, key) is not None for key in _OTHER_ROWS]
        if any(present) and not all(present):
            raise ValueError("the rows other_no_correction, other_unpaid_fees and other_other go together")
        if all(present) == (self.other_handling is not None):
            raise ValueError(
                "（六）其他处理 is either the three rows other_no_correction, other_unpaid_fees and "
                "other_other, or the one row other_handling"
            )

    @property
    def other_as_one_row(self) -> bool:
        """Whether （六）其他处理 is printed as the one row ``other_handling``."""
        return self.other_handling is not None


# --- Table appeals -------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class AppealRow:
    """One group of table 四: 结果维持, 结果纠正, 其他结果, 尚未审结, 总计.

    .. versionadded:: 0.1
    """

    upheld: int | None = _count()
    corrected: int | None = _count()
    other: int | None = _count()
    pending: int | None = _count()
    total: int | None = _count()


@attrs.frozen(kw_only=True)
class Appeals:
    """Table 四: 行政复议, and 行政诉讼 未经复议直接起诉 / 复议后起诉.

    .. versionadded:: 0.1
    """

    review: AppealRow = attrs.field(factory=AppealRow)
    litigation_direct: AppealRow = attrs.field(factory=AppealRow)
    litigation_after_review: AppealRow = attrs.field(factory=AppealRow)


# --- Narrative ---------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Subsection:
    """A sub-headed part of 一、总体情况, such as （一）主动公开, with its paragraphs.

    .. versionadded:: 0.1
    """

    heading: str = attrs.field(validator=_check_heading)
    paragraphs: tuple[str, ...] = _texts()


@attrs.frozen(kw_only=True)
class Overview:
    """一、总体情况: paragraphs before the first sub-heading, then the subsections.

    .. versionadded:: 0.1
    """

    paragraphs: tuple[str, ...] = _texts()
    subsections: tuple[Subsection, ...] = _tuple_of(Subsection)


# --- The report ----------------------------------------------------------------------


def _check_year(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if type(value) is not int or not 1900 <= value <= 2999:
        raise ValueError(f"year must be an int between 1900 and 2999 or None: {value!r}")


def _default_title(report: Any) -> str | None:
    return None if report.year is None else compose_title(report.agency, report.year)


def _default_active(report: Any) -> Active:
    return Active2019() if report.format_version == "2019" else Active2021()


def _default_requests(report: Any) -> Requests:
    if report.format_version == "2019":
        return Requests(other_no_correction=None, other_unpaid_fees=None, other_other=None, other_handling=RequestRow())
    return Requests()


@attrs.frozen(kw_only=True)
class Report:
    """A government information-disclosure annual report of either national format.

    ``format_version`` is ``"2019"`` or ``"2021"``; ``active`` is then an
    `Active2019` or an `Active2021`. ``title`` is the title as printed, with
    the line breaks and spaces inside it removed; it names the ``agency`` and
    ``year`` (which must agree with it), and by default is the national
    form's title composed from them, as for a report that prints no title but
    names them in its preamble. It is ``None`` only when the year is unknown.
    ``preamble`` holds the paragraphs between the title and 一、总体情况; every
    paragraph is one line of text. ``overview``, ``problems`` (五) and
    ``other_matters`` (六) hold the narrative. Every table defaults to all
    cells blank.

    >>> Report(format_version="2021").requests.new.total is None
    True

    .. versionadded:: 0.1
    """

    format_version: Literal["2019", "2021"] = attrs.field(validator=attrs.validators.in_(FORMAT_VERSIONS))
    agency: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(str))
    )
    year: int | None = attrs.field(default=None, validator=_check_year)
    title: str | None = attrs.field(default=attrs.Factory(_default_title, takes_self=True))
    preamble: tuple[str, ...] = _texts()
    overview: Overview = attrs.field(factory=Overview, validator=attrs.validators.instance_of(Overview))
    active: Active = attrs.field(default=attrs.Factory(_default_active, takes_self=True))
    requests: Requests = attrs.field(
        default=attrs.Factory(_default_requests, takes_self=True),
        validator=attrs.validators.instance_of(Requests),
    )
    appeals: Appeals = attrs.field(factory=Appeals, validator=attrs.validators.instance_of(Appeals))
    problems: tuple[str, ...] = _texts()
    other_matters: tuple[str, ...] = _texts()

    @title.validator
    def _check_title(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None:
            if self.agency is not None or self.year is not None:
                raise ValueError("a report that names its agency needs its year, to compose its title")
            return
        if not isinstance(value, str):
            raise TypeError(f"title must be a str or None, not {type(value).__name__}")
        named = read_title(value)
        if named is None or re.search(r"\s", value) or _CONTROL.search(value) or ESCAPE in value:
            raise ValueError(
                f"title {value!r} is not a title of the national form "
                "({agency}{YYYY}年政府信息公开工作年度报告, without spaces)"
            )
        if named != (self.agency, self.year):
            raise ValueError(
                f"title {value!r} names agency {named[0]!r} and year {named[1]}, "
                f"not agency {self.agency!r} and year {self.year}"
            )

    @active.validator
    def _check_active(self, attribute: attrs.Attribute[Any], value: object) -> None:
        expected = Active2019 if self.format_version == "2019" else Active2021
        if not isinstance(value, expected):
            raise TypeError(
                f"a {self.format_version}-format report has an active table of type {expected.__name__}, "
                f"not {type(value).__name__}"
            )

    @requests.validator
    def _check_requests_format(self, attribute: attrs.Attribute[Any], value: Requests) -> None:
        if self.format_version == "2019" and not value.other_as_one_row:
            raise ValueError("a 2019-format report prints （六）其他处理 as the one row other_handling")

    def __repr__(self) -> str:
        # attrs would list every cell (some 6,500 characters); name the report and its main totals instead.
        # Equality and hashing stay attrs' own: only the repr is written here.
        requests = ("new", "carried_over", "outcomes_total", "carried_forward")
        appeals = ("review", "litigation_direct", "litigation_after_review")
        asked = " ".join(f"{key}={getattr(self.requests, key).total}" for key in requests)
        appealed = " ".join(f"{key}={getattr(self.appeals, key).total}" for key in appeals)
        return (
            f"<Report format {self.format_version}, agency {self.agency!r}, year {self.year}; "
            f"requests total: {asked}; appeals total: {appealed}>"
        )

    def _repr_html_(self) -> str:
        """The report as a notebook shows it: the three tables as the template draws them, findings marked.

        .. versionadded:: 0.2
        """
        from ._notebook import report_html  # imported only when a notebook asks

        return report_html(self)
