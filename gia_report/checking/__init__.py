"""Checking: every identity of a report, and the soft checks, as located findings.

`check` never raises for a report's numbers: every violation is a `Finding`,
and all of them are returned, never only the first.

.. versionadded:: 0.1
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Report
from ._context import Cells, order
from ._identities import check_identities, check_values
from ._series import check_pairs, consecutive
from ._soft import check_fee, check_narrative
from .findings import CODES, Code, Finding, Findings

__all__ = ["CODES", "Code", "Finding", "Findings", "check", "check_series"]


def check(report: Report) -> Findings:
    """Every finding of *report*: the hard identities (errors) and the soft checks (warnings), in table order.

    >>> check(Report(format_version="2021")).ok
    True

    .. versionadded:: 0.1
    """
    cells = Cells(report)
    found = [
        *check_values(cells),
        *check_identities(cells),
        *check_fee(cells),
        *check_narrative(cells),
    ]
    return Findings(tuple(order(found)))


def check_series(reports: Iterable[Report]) -> Findings:
    """Warnings across years: for reports of the same agency in consecutive years, this year's
    上年结转 against last year's 结转下年度, and (2021 format) the stock of 现行有效件数.

    Each finding's ``year`` is the later report's year.

    .. versionadded:: 0.1
    """
    found = [finding for before, after in consecutive(reports) for finding in check_pairs(before, after)]
    return Findings(tuple(order(found)))
