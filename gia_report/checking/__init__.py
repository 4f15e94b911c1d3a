"""Checking: every identity of a report, and the soft checks, as located findings.

`check` never raises for a report's numbers: every violation is a `Finding`,
and all of them are returned, never only the first. Nor does it raise for a
bug of its own: an unexpected exception inside one check becomes a
``check-failed`` finding naming that check, and the other checks still run.

.. versionadded:: 0.1
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial

from .._cells import Equation
from ..model import Report
from ._context import Cells, finding, order
from ._identities import check_identities, check_values
from ._series import check_pairs, consecutive
from ._soft import check_fee, check_narrative
from .findings import CODES, Code, Finding, Findings

__all__ = ["CODES", "Code", "Finding", "Findings", "check", "check_series"]


def check(report: Report, *, spent: Iterable[Equation] = ()) -> Findings:
    """Every finding of *report*: the hard identities (errors) and the soft checks (warnings), in table order.

    *spent* are the identity instances that reading the report relied on
    (`gia_report.ParseResult.spent`): each gives an ``identity-spent`` finding
    (severity ``info``) at its total, since a row read by an identity is no
    evidence for it. Never raises: a check that fails on an unexpected
    exception gives a ``check-failed`` finding instead.

    >>> check(Report(format_version="2021")).ok
    True

    .. versionadded:: 0.1
    .. versionchanged:: 0.2 *spent*.
    """
    try:
        cells = Cells(report)
    except Exception as error:
        return Findings((_failed("cells", error),))
    found: list[Finding] = list(_guarded("spent", partial(_spent, cells, spent)))
    # Named here, at each call, rather than in a module-level list: the module's functions as they are now.
    for name, run in (
        ("values", check_values),
        ("identities", check_identities),
        ("fee-unit", check_fee),
        ("narrative", check_narrative),
    ):
        found.extend(_guarded(name, partial(run, cells)))
    return Findings(tuple(order(found)))


def _spent(cells: Cells, spent: Iterable[Equation]) -> Iterable[Finding]:
    for equation in dict.fromkeys(spent):
        yield finding(
            "identity-spent",
            cells.spec.table(equation.table),
            equation.row,
            equation.column,
            actual=None,
            expected=None,
            identity=equation.code,
        )


def check_series(reports: Iterable[Report]) -> Findings:
    """Warnings across years: for reports of the same agency in consecutive years, this year's
    上年结转 against last year's 结转下年度, (2021 format) the stock of 现行有效件数, and (2019
    format) this year's 上一年项目数量 against last year's plus its 本年增/减 (``items-change``).

    An agency's years are paired by its name, also where a later report puts the places above it
    first (洪泽区人民政府 / 淮安市洪泽区人民政府). Each finding's ``year`` is the later report's year.

    .. versionadded:: 0.1
    .. versionchanged:: 0.2 ``items-change``; names paired across a prefix of places.
    """
    found: list[Finding] = []
    try:
        pairs = list(consecutive(reports))
    except Exception as error:
        return Findings((_failed("series", error),))
    for before, after in pairs:
        found.extend(_guarded("series", partial(check_pairs, before, after), after.year))
    return Findings(tuple(order(found)))


#: The most characters of an exception's own message that a ``check-failed`` finding quotes.
_ERROR_LENGTH = 200


def _guarded(name: str, run: Callable[[], Iterable[Finding]], year: int | None = None) -> list[Finding]:
    """The findings of one check; those it gave before an exception, and a ``check-failed`` finding for it."""
    found: list[Finding] = []
    try:
        for item in run():
            found.append(item)
    except Exception as error:
        found.append(_failed(name, error, year))
    return found


def _failed(name: str, error: Exception, year: int | None = None) -> Finding:
    """The ``check-failed`` finding for the check *name* that raised *error*."""
    try:
        text = str(error)
    except Exception:  # a message that cannot itself be rendered (an int of too many digits, say)
        text = "(its message cannot be shown)"
    if len(text) > _ERROR_LENGTH:
        text = text[: _ERROR_LENGTH - 1] + "…"
    described = f"{type(error).__name__}: {text}" if text else type(error).__name__
    code = CODES["check-failed"]
    return Finding(
        code=code.name,
        severity=code.severity,
        table="*",
        row=None,
        column=None,
        expected=None,
        actual=None,
        message=code.template.format(check=name, error=described),
        year=year,
    )
