"""Findings: what the checks report, as values with a stable code, a location and the numbers.

Every code has a title, a description and a message template in `CODES`, the
single list the checks, the docs page ``docs/findings.md`` and the tests read.

.. versionadded:: 0.1
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any, Literal, overload

import attrs

__all__ = ["CODES", "Code", "Finding", "Findings", "Severity"]

Severity = Literal["error", "warning", "info"]


def _read_only(value: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(value))


@attrs.frozen(kw_only=True)
class Code:
    """One kind of finding: its stable kebab-case name, severity, title, description and message template.

    The template is filled with the finding's fields and ``blank`` (the blank
    cells, by label).
    """

    name: str
    severity: Severity
    title: str
    description: str
    template: str
    example: Mapping[str, Any] = attrs.field(converter=_read_only)


def _code(name: str, severity: Severity, title: str, description: str, template: str, **example: Any) -> Code:
    return Code(name=name, severity=severity, title=title, description=description, template=template, example=example)


_BLANK = " (blank: {blank})"

CODES: MappingProxyType[str, Code] = MappingProxyType(
    {
        code.name: code
        for code in (
            _code(
                "balance",
                "error",
                "the 勾稽 note does not hold",
                "In a column of table 三, 一 (new) + 二 (carried over) differs from （七）总计 + 四 (carried "
                "forward), the identity the table's header note prints.",
                "{where}: 本年新收 + 上年结转 = {actual} but （七）总计 + 结转下年度 = {expected}",
                where="三/自然人",
                actual=26,
                expected=20,
            ),
            _code(
                "outcomes-sum",
                "error",
                "（七）总计 is not the sum of the outcomes",
                "In a column of table 三, （七）总计 differs from the sum of every outcome row, （一） to （六）.",
                "{where} is {actual} but the outcome rows add up to {expected}",
                where="（七）总计/自然人",
                actual=20,
                expected=26,
            ),
            _code(
                "row-total",
                "error",
                "总计 is not the sum of the applicants",
                "In a row of table 三, 总计 differs from the sum of the six applicant columns.",
                "{where} is {actual} but the six applicant columns add up to {expected}",
                where="（一）予以公开/总计",
                actual=30,
                expected=31,
            ),
            _code(
                "appeals-total",
                "error",
                "an appeals 总计 is not the sum of its results",
                "In a group of table 四, 总计 differs from 结果维持 + 结果纠正 + 其他结果 + 尚未审结.",
                "{where} is {actual} but 结果维持 + 结果纠正 + 其他结果 + 尚未审结 add up to {expected}",
                where="行政复议/总计",
                actual=3,
                expected=4,
            ),
            _code(
                "negative-count",
                "error",
                "a count is negative or not a whole number",
                "A count must be a whole number ≥ 0 and money ≥ 0 (only the 2019 本年增/减 may be negative).",
                "{where} is {actual}, which a count cannot be",
                where="（一）予以公开/自然人",
                actual=-1,
                expected=None,
            ),
            _code(
                "blank-term",
                "warning",
                "an identity cannot be decided for blank cells",
                "An identity with blank cells among its terms does not hold with the blanks taken as 0, or its "
                "printed total is blank: the blanks may hide other numbers.",
                "{where}: {identity} cannot be decided: {actual} against {expected} with blanks as 0" + _BLANK,
                where="（七）总计/自然人",
                identity="outcomes-sum",
                actual=20,
                expected=18,
                blank="（三）不予公开 1.属于国家秘密/自然人",
            ),
            _code(
                "carry-over",
                "warning",
                "上年结转 differs from last year's 结转下年度",
                "For the same agency in consecutive years, this year's 二、上年结转 should equal last year's "
                "四、结转下年度继续办理, column by column.",
                "{where} is {actual} but the {year_before} report carried {expected} forward",
                where="二、上年结转/自然人",
                actual=3,
                expected=5,
                year_before=2022,
            ),
            _code(
                "stock-change",
                "warning",
                "现行有效件数 did not move by issued − repealed",
                "For the same agency in consecutive years (2021 format), this year's 现行有效件数 should be last "
                "year's plus 本年制发件数 minus 本年废止件数.",
                "{where} is {actual} but last year's {before} + {issued} issued − {repealed} repealed is {expected}",
                where="行政规范性文件/现行有效件数",
                actual=40,
                expected=42,
                before=41,
                issued=3,
                repealed=2,
            ),
            _code(
                "items-change",
                "warning",
                "上一年项目数量 did not move by last year's 本年增/减",
                "For the same agency in consecutive years (2019 format), this year's 上一年项目数量 should be last "
                "year's 上一年项目数量 plus last year's 本年增/减, the change during last year.",
                "{where} is {actual} but the {year_before} report's {before} + 本年增/减 {change} is {expected}",
                where="行政许可/上一年项目数量",
                actual=30,
                expected=32,
                before=35,
                change=-3,
                year_before=2019,
            ),
            _code(
                "narrative-no-requests",
                "warning",
                "the narrative says no application was received",
                "Section 一 says that no application was received while table 三 counts new applications.",
                "{where} is {actual} but section 一 says: {quote}",
                where="一、本年新收/总计",
                actual=21,
                expected=0,
                quote="2023年度，本局未收到政府信息公开申请。",
            ),
            _code(
                "narrative-count",
                "warning",
                "a count in the narrative differs from the table",
                "A count quoted in 一（二）依申请公开 (共收到…申请N件, 予以公开N件) differs from table 三.",
                "{where} is {actual} but section 一 says {expected}: {quote}",
                where="一、本年新收/总计",
                actual=21,
                expected=12,
                quote="全年共收到政府信息公开申请12件",
            ),
            _code(
                "fee-unit",
                "warning",
                "a fee probably written in 元",
                "本年收费金额 is in 万元; an amount this large was probably written in 元.",
                "{where} is {actual} 万元, over {expected} 万元: probably written in 元",
                where="行政事业性收费/本年收费金额",
                actual="250000000",
                expected="1000000",
            ),
            _code(
                "hierarchy-sum",
                "error",
                "a parent report's cell is not the sum of its children's",
                "`gia_report.check_hierarchy(parent, children)`: a cell of the parent report (a county's, the sum "
                "of its departments') differs from the sum of the same cell over the children. The terms are the "
                "parent's value and each child's (`children[i]`). A child that leaves the cell blank makes it a "
                "`blank-term` warning instead, unless the parent equals the sum of the children that print it.",
                "{where} is {actual} but the {count} reports below add up to {expected}",
                where="（一）予以公开/自然人",
                actual=30,
                expected=31,
                count=4,
            ),
            _code(
                "identity-spent",
                "info",
                "an identity was used to read the report",
                "Reading the report relied on this identity instance: it chose where values beside blank cells "
                "stand, or how a collapsed digit run splits (`ParseResult.spent`). It holds by construction, so "
                "it is no evidence that the report adds up. Given only when `check` is told what was spent.",
                "{where}: {identity} was used to read the printed digits; it holds by construction and is no "
                "evidence that the report adds up",
                where="（一）予以公开/总计",
                identity="row-total",
            ),
            _code(
                "check-failed",
                "error",
                "a check could not run",
                "A check raised an unexpected exception on this report: a bug in gia_report, not in the report "
                "(please report it). The finding names the check and the exception, at the place `*/*/*`; the "
                "other checks ran, and the findings the failed check gave before it stopped are kept.",
                "the {check} check could not run: {error} (a bug in gia_report)",
                check="narrative",
                error="ValueError: Exceeds the limit (4300 digits) for integer string conversion",
            ),
        )
    }
)


@attrs.frozen(kw_only=True)
class Finding:
    """A located finding: which identity or check, where to look, and the numbers.

    ``table``, ``row`` and ``column`` name the cell to look at (``row`` is
    ``None`` for a whole column, as for ``balance``); ``expected`` is what the
    identity wants there and ``actual`` what is printed; ``terms`` the cells of
    the identity with their values (``None`` for blank); ``year`` the report
    year, set by the checks across years.

    .. versionadded:: 0.1
    """

    code: str = attrs.field(validator=attrs.validators.in_(CODES))
    severity: Severity
    table: str
    row: str | None
    column: str | None
    expected: object
    actual: object
    message: str
    terms: tuple[tuple[str, object], ...] = ()
    identity: str | None = None
    year: int | None = None

    @property
    def key(self) -> str:
        """The location as ``table/row/column`` (``*`` for a whole row or column)."""
        return f"{self.table}/{self.row or '*'}/{self.column or '*'}"

    def __str__(self) -> str:
        return f"{self.key}: {self.message}"


@attrs.frozen
class Findings(Sequence[Finding]):
    """Every finding of a check, in table order, with helpers for filtering and tests.

    .. versionadded:: 0.1
    """

    items: tuple[Finding, ...] = ()

    @overload
    def __getitem__(self, index: int) -> Finding: ...
    @overload
    def __getitem__(self, index: slice) -> Findings: ...
    def __getitem__(self, index: int | slice) -> Finding | Findings:
        if isinstance(index, slice):
            return Findings(self.items[index])
        return self.items[index]

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.items)

    @property
    def errors(self) -> Findings:
        """The findings of severity ``error``."""
        return Findings(tuple(f for f in self.items if f.severity == "error"))

    @property
    def warnings(self) -> Findings:
        """The findings of severity ``warning``."""
        return Findings(tuple(f for f in self.items if f.severity == "warning"))

    @property
    def ok(self) -> bool:
        """Whether there is no error (warnings allowed)."""
        return not self.errors

    def by_code(self, code: str) -> Findings:
        """The findings with *code*."""
        return Findings(tuple(f for f in self.items if f.code == code))

    def flatten(self, *fields: str) -> list[tuple[object, ...]]:
        """One tuple per finding of the named *fields* (default: code, table, row, column)."""
        names = fields or ("code", "table", "row", "column")
        return [tuple(getattr(finding, name) for name in names) for finding in self.items]

    def _repr_html_(self) -> str:
        """The findings as a notebook shows them: a table of severity, cell, code and message.

        .. versionadded:: 0.2
        """
        from .._notebook import findings_html  # imported only when a notebook asks

        return findings_html(self)
