"""gia_report.check: every identity as located findings, blanks never errors, and the soft checks."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import gia_report
from gia_report import RequestRow
from gia_report.catalog import FORMATS
from gia_report.checking import CODES
from gia_report.records import report_from_cells
from gia_report.strategies import reports

APPLICANTS = ("natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org")


def _cells(report: gia_report.Report) -> dict[str, Any]:
    return {f"{r['table']}/{r['row']}/{r['column']}": r["value"] for r in gia_report.to_records(report)}


def _with(report: gia_report.Report, key: str, value: object) -> gia_report.Report:
    cells = _cells(report)
    cells[key] = value
    return report_from_cells(report.format_version, cells, other_as_one_row=report.requests.other_as_one_row)


def _identities_of(report: gia_report.Report, key: str) -> set[tuple[str, str, str | None, str | None]]:
    """The (code, table, row, column) of every identity instance that cell *key* is a term of, from the catalog."""
    table, row, column = key.split("/")
    spec = FORMATS[report.format_version]
    one_row = report.requests.other_as_one_row
    found: set[tuple[str, str, str | None, str | None]] = set()
    for rule in spec.identities:
        if rule.table != table:
            continue
        if rule.axis == "column":
            rows = list(rule.total) + list(rule.parts)
            if rule.code == "outcomes-sum" and one_row and report.format_version == "2021":
                rows = [r for r in rows if not r.startswith("other_")] + ["other_handling"]
            if row in rows:
                found.add((rule.code, table, rule.total[0] if len(rule.total) == 1 else None, column))
        elif column in (*rule.total, *rule.parts):
            found.add((rule.code, table, row, rule.total[0]))
    return found


@given(reports())
def test_consistent_reports_have_no_error(report: gia_report.Report) -> None:
    """A report drawn consistent by construction has no error finding, blanks or not."""
    assert gia_report.check(report).errors.flatten() == []


@given(reports(blanks=False), st.data())
def test_one_changed_cell_gives_exactly_its_identities(report: gia_report.Report, data: st.DataObject) -> None:
    """Changing one cell of a complete consistent report yields the findings of its identities, and only those."""
    records = [r for r in gia_report.to_records(report) if r["table"] != "active"]
    record = data.draw(st.sampled_from(records))
    key = f"{record['table']}/{record['row']}/{record['column']}"
    value = record["value"]
    assert isinstance(value, int)
    changed = _with(report, key, value + data.draw(st.integers(min_value=1, max_value=50)))
    found = set(gia_report.check(changed).errors.flatten("code", "table", "row", "column"))
    assert found == _identities_of(report, key)


@given(reports(blanks=False), st.data())
def test_active_cells_take_part_in_no_identity(report: gia_report.Report, data: st.DataObject) -> None:
    """There is no identity across the blocks of table active: changing one of its counts finds nothing."""
    records = [r for r in gia_report.to_records(report) if r["table"] == "active" and isinstance(r["value"], int)]
    record = data.draw(st.sampled_from(records))
    value = record["value"]
    assert isinstance(value, int)
    changed = _with(report, f"active/{record['row']}/{record['column']}", abs(value) + 1)
    assert gia_report.check(changed).errors.flatten() == []


@given(reports(blanks=False), st.data())
def test_blanks_never_produce_errors(report: gia_report.Report, data: st.DataObject) -> None:
    """Blanking any cells of a changed report turns the findings of their identities into warnings, never errors."""
    records = gia_report.to_records(report)
    keys = data.draw(st.sets(st.sampled_from([f"{r['table']}/{r['row']}/{r['column']}" for r in records]), min_size=1))
    blanked = report
    for key in keys:
        blanked = _with(blanked, key, None)
    errors = gia_report.check(blanked).errors
    touched = set().union(*(_identities_of(report, key) for key in keys))
    assert not set(errors.flatten("code", "table", "row", "column")) & touched


def test_all_blank_report_has_no_finding() -> None:
    """A report printed entirely with blank zeros has no error and no warning."""
    assert gia_report.check(gia_report.Report(format_version="2021")).flatten() == []
    assert gia_report.check(gia_report.Report(format_version="2019")).flatten() == []


def _row(*values: int | None) -> RequestRow:
    return RequestRow(**dict(zip((*APPLICANTS, "total"), values, strict=True)))


ZERO = _row(0, 0, 0, 0, 0, 0, 0)


def _requests(**rows: RequestRow) -> gia_report.Report:
    """A 2021 report whose table 三 is all zeros but for *rows*."""
    zeros = {field.name: ZERO for field in attrs.fields(gia_report.Requests) if field.name != "other_handling"}
    requests = gia_report.Requests(**{**zeros, **rows})
    return gia_report.Report(format_version="2021", requests=requests)


class TestExamples:
    """One example per identity code, with its whole message."""

    def test_row_total(self) -> None:
        """总计 of a row that is not the sum of its six applicant columns."""
        report = _requests(
            granted=_row(1, 2, 0, 0, 0, 0, 4), outcomes_total=_row(1, 2, 0, 0, 0, 0, 3), new=_row(1, 2, 0, 0, 0, 0, 3)
        )
        found = gia_report.check(report).errors
        assert found.flatten() == [
            ("row-total", "requests", "granted", "total"),
            ("outcomes-sum", "requests", "outcomes_total", "total"),
        ]
        assert found[0].message == "（一）予以公开/总计 is 4 but the six applicant columns add up to 3"
        assert (found[0].expected, found[0].actual) == (3, 4)

    def test_outcomes_sum(self) -> None:
        """（七）总计 that is not the sum of the outcome rows, with the message of the issue."""
        report = _requests(
            granted=_row(20, 0, 0, 0, 0, 0, 20), withheld_state_secret=_row(6, 0, 0, 0, 0, 0, 6),
            outcomes_total=_row(20, 0, 0, 0, 0, 0, 20), new=_row(20, 0, 0, 0, 0, 0, 20),
        )  # fmt: skip
        found = gia_report.check(report).errors
        assert found.flatten() == [
            ("outcomes-sum", "requests", "outcomes_total", "natural_person"),
            ("outcomes-sum", "requests", "outcomes_total", "total"),
        ]
        assert found[0].message == "（七）总计/自然人 is 20 but the outcome rows add up to 26"

    def test_balance(self) -> None:
        """一 + 二 that differs from （七）总计 + 四, located at the column."""
        report = _requests(
            new=_row(5, 0, 0, 0, 0, 0, 5), granted=_row(4, 0, 0, 0, 0, 0, 4), outcomes_total=_row(4, 0, 0, 0, 0, 0, 4)
        )
        found = gia_report.check(report).errors
        assert found.flatten() == [
            ("balance", "requests", None, "natural_person"),
            ("balance", "requests", None, "total"),
        ]
        assert found[0].message == "三/自然人: 本年新收 + 上年结转 = 5 but （七）总计 + 结转下年度 = 4"

    def test_appeals_total(self) -> None:
        """An appeals 总计 that is not the sum of its four results."""
        report = gia_report.Report(
            format_version="2021",
            appeals=gia_report.Appeals(review=gia_report.AppealRow(upheld=1, corrected=2, other=0, pending=0, total=4)),
        )
        found = gia_report.check(report).errors
        assert found.flatten("code", "key", "expected", "actual") == [("appeals-total", "appeals/review/total", 3, 4)]
        assert found[0].message == "行政复议/总计 is 4 but 结果维持 + 结果纠正 + 其他结果 + 尚未审结 add up to 3"

    def test_blank_term_warning_names_the_blanks(self) -> None:
        """A total that does not add up with a blank part is a warning naming the blank cell."""
        report = _requests(
            granted=_row(1, None, 0, 0, 0, 0, 3),
            new=_row(1, None, 0, 0, 0, 0, 3),
            outcomes_total=_row(1, None, 0, 0, 0, 0, 3),
        )
        found = gia_report.check(report)
        assert found.errors.flatten() == []
        granted = [f for f in found if f.row == "granted"]
        assert [(f.code, f.severity, f.identity) for f in granted] == [("blank-term", "warning", "row-total")]
        assert granted[0].message == (
            "（一）予以公开/总计: row-total cannot be decided: 3 against 1 with blanks as 0 "
            "(blank: （一）予以公开/商业企业)"
        )

    def test_blank_that_adds_up_is_silent(self) -> None:
        """In a report printed with blank zeros, totals that add up with blanks as 0 give no finding."""
        three = _row(3, None, None, None, None, None, 3)
        requests = gia_report.Requests(new=three, granted=three, outcomes_total=three)
        assert gia_report.check(gia_report.Report(format_version="2021", requests=requests)).flatten() == []

    def test_hybrid_uses_the_one_row(self) -> None:
        """In a hybrid 2021 report, other_handling stands in the outcomes sum for the three rows."""
        two = _row(2, 0, 0, 0, 0, 0, 2)
        report = _requests(new=two, outcomes_total=two)
        requests = attrs.evolve(
            report.requests, other_handling=two, other_no_correction=None, other_unpaid_fees=None, other_other=None
        )
        assert gia_report.check(attrs.evolve(report, requests=requests)).flatten() == []

    def test_negative_count_in_a_report_built_without_validation(self) -> None:
        """A negative count (possible only with validators off) is an error at its cell."""
        with attrs.validators.disabled():
            row = RequestRow(natural_person=-1)
        report = _requests(granted=row)
        found = gia_report.check(report).by_code("negative-count")
        assert found.flatten("key", "actual") == [("requests/granted/natural_person", -1)]


class TestSoft:
    """The soft checks: warnings only."""

    def _overview(self, sentence: str) -> gia_report.Overview:
        return gia_report.Overview(
            subsections=(gia_report.Subsection(heading="（二）依申请公开", paragraphs=(sentence,)),)
        )

    def test_narrative_says_none_received(self) -> None:
        """未收到政府信息公开申请 while new/total > 0 is a warning quoting the sentence."""
        report = attrs.evolve(
            _requests(
                new=_row(3, 0, 0, 0, 0, 0, 3),
                granted=_row(3, 0, 0, 0, 0, 0, 3),
                outcomes_total=_row(3, 0, 0, 0, 0, 0, 3),
            ),
            overview=self._overview("2023年，本局未收到政府信息公开申请。其他工作正常。"),
        )
        found = gia_report.check(report)
        assert found.flatten("code", "severity", "key") == [("narrative-no-requests", "warning", "requests/new/total")]
        assert found[0].message.endswith("section 一 says: 2023年，本局未收到政府信息公开申请。")

    @pytest.mark.parametrize(
        ("sentence", "expected"),
        [
            ("全年共收到政府信息公开申请12件，均按时答复。", [("narrative-count", 12)]),
            ("全年共收到政府信息公开申请3件。", []),
            ("共收到申请3件，其中1件、另收到申请2件", []),
        ],
    )
    def test_narrative_count(self, sentence: str, expected: list[tuple[str, int]]) -> None:
        """A single count quoted in 一（二） that differs from the table is a warning; an ambiguous one is not."""
        report = attrs.evolve(
            _requests(
                new=_row(3, 0, 0, 0, 0, 0, 3),
                granted=_row(3, 0, 0, 0, 0, 0, 3),
                outcomes_total=_row(3, 0, 0, 0, 0, 0, 3),
            ),
            overview=self._overview(sentence),
        )
        assert gia_report.check(report).flatten("code", "expected") == expected

    def test_fee_written_in_yuan(self) -> None:
        """A fee of 250000000 万元 was probably written in 元."""
        report = gia_report.Report(
            format_version="2021", active=gia_report.Active2021(fees=gia_report.FeeAmount(amount=Decimal(250000000)))
        )
        assert gia_report.check(report).flatten("code", "severity", "key") == [
            ("fee-unit", "warning", "active/fees/amount")
        ]


class TestSeries:
    """check_series: consecutive years of one agency."""

    def _report(
        self, year: int, over: int | None, forward: int | None, in_force: int, issued: int, repealed: int
    ) -> gia_report.Report:
        regulations = gia_report.DocumentCounts(issued=issued, repealed=repealed, in_force=in_force)
        requests = gia_report.Requests(
            carried_over=RequestRow(natural_person=over), carried_forward=RequestRow(natural_person=forward)
        )
        return gia_report.Report(
            format_version="2021",
            agency="某局",
            year=year,
            requests=requests,
            active=gia_report.Active2021(regulations=regulations),
        )

    def test_carry_over_and_stock(self) -> None:
        """This year's 上年结转 against last year's 结转下年度, and 现行有效件数 moved by issued − repealed."""
        found = gia_report.check_series([self._report(2024, 3, 0, 12, 4, 1), self._report(2023, 0, 5, 10, 2, 0)])
        assert found.flatten("code", "key", "expected", "actual", "year") == [
            ("stock-change", "active/regulations/in_force", 13, 12, 2024),
            ("carry-over", "requests/carried_over/natural_person", 5, 3, 2024),
        ]

    def test_gaps_and_other_agencies_are_not_compared(self) -> None:
        """Years that are not consecutive, or other agencies, are not compared."""
        other = attrs.evolve(
            self._report(2024, 3, 0, 12, 4, 1), agency="另一局", title="另一局2024年政府信息公开工作年度报告"
        )
        assert (
            gia_report.check_series(
                [self._report(2022, 0, 5, 10, 2, 0), self._report(2024, 3, 0, 12, 4, 1), other]
            ).flatten()
            == []
        )


def test_every_code_has_a_template_and_description() -> None:
    """Every code can render its own example and says what it means."""
    for code in CODES.values():
        assert code.title and code.description
        assert code.template.format(**code.example)


class TestNeverRaises:
    """check and check_series never raise: a failing check is a check-failed finding naming it."""

    def test_a_number_of_thousands_of_digits_in_the_narrative(self) -> None:
        """A quoted count of 5000 digits is no count: no narrative finding, and no ValueError."""
        report = attrs.evolve(
            _requests(new=_row(3, 0, 0, 0, 0, 0, 3), granted=_row(3, 0, 0, 0, 0, 0, 3), outcomes_total=ZERO),
            overview=TestSoft()._overview(
                "全年共收到政府信息公开申请" + "9" * 5000 + "件，予以公开" + "9" * 19 + "件。"
            ),
        )
        assert gia_report.check(report).by_code("narrative-count").flatten() == []
        assert gia_report.check(report).by_code("check-failed").flatten() == []

    def test_a_long_sentence_is_quoted_around_its_phrase(self) -> None:
        """A narrative finding on a 1 MB sentence quotes the phrase with sixty characters either side."""
        sentence = "甲" * 500_000 + "全年共收到政府信息公开申请12件" + "乙" * 500_000 + "。"
        report = attrs.evolve(
            _requests(
                new=_row(3, 0, 0, 0, 0, 0, 3),
                granted=_row(3, 0, 0, 0, 0, 0, 3),
                outcomes_total=_row(3, 0, 0, 0, 0, 0, 3),
            ),
            overview=TestSoft()._overview(sentence),
        )
        (found,) = gia_report.check(report).by_code("narrative-count")
        assert found.message == (
            "一、本年新收政府信息公开申请数量/总计 is 3 but section 一 says 12: …"
            + "甲" * 58  # the phrase starts at 共: 全年 stands in the sixty characters before it
            + "全年共收到政府信息公开申请12件"
            + "乙" * 60
            + "…"
        )

    def test_a_count_too_long_to_print(self) -> None:
        """A count of 5000 digits (the model allows it) makes the identities check fail as a finding, not raise."""
        report = _requests(new=_row(10**5000, 0, 0, 0, 0, 0, 3))
        found = gia_report.check(report)
        failed = found.by_code("check-failed")
        assert failed.flatten("code", "severity", "key") == [("check-failed", "error", "*/*/*")]
        assert failed[0].message.startswith("the identities check could not run: ValueError: Exceeds the limit")
        assert failed[0].message.endswith("(a bug in gia_report)")
        assert len(failed[0].message) < 300

    def test_a_failing_check_keeps_the_others(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A check that raises after one finding keeps that finding, adds check-failed, and the others still run."""
        from gia_report.checking._soft import check_fee

        def failing(cells: Any) -> Any:
            yield from check_fee(cells)
            raise RuntimeError("boom")

        monkeypatch.setattr("gia_report.checking.check_fee", failing)
        report = attrs.evolve(
            _requests(granted=_row(1, 2, 0, 0, 0, 0, 4)),
            active=gia_report.Active2021(fees=gia_report.FeeAmount(amount=Decimal(250000000))),
        )
        found = gia_report.check(report)
        assert ("fee-unit", "active/fees/amount") in found.flatten("code", "key")
        assert ("row-total", "requests/granted/total") in found.flatten("code", "key")
        assert [f.message for f in found.by_code("check-failed")] == [
            "the fee-unit check could not run: RuntimeError: boom (a bug in gia_report)"
        ]

    def test_a_report_whose_cells_cannot_be_read(self) -> None:
        """A report built without validation, of an unknown format, gives one check-failed finding."""
        with attrs.validators.disabled():
            report = gia_report.Report(format_version="2018")  # type: ignore[arg-type]
        found = gia_report.check(report)
        assert found.flatten("code") == [("check-failed",)]
        assert found[0].message.startswith("the cells check could not run: KeyError")

    def test_a_failing_series_check(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """check_series turns an exception of one pair's check into a check-failed finding of the later year."""

        def failing(before: Any, after: Any) -> Any:
            raise ValueError("x" * 10_000)

        monkeypatch.setattr("gia_report.checking.check_pairs", failing)
        reports = [TestSeries()._report(2023, 0, 5, 10, 2, 0), TestSeries()._report(2024, 3, 0, 12, 4, 1)]
        found = gia_report.check_series(reports)
        assert found.flatten("code", "year") == [("check-failed", 2024)]
        assert found[0].message == f"the series check could not run: ValueError: {'x' * 199}… (a bug in gia_report)"


def test_identities_spent_in_reading_are_said_to_be_no_evidence() -> None:
    """An identity the parser used to place a row gives an info finding at its total, and no error."""
    text = gia_report.dumps(gia_report.Report(format_version="2021", agency="某局", year=2023), "tab")
    line = next(line for line in text.splitlines() if line.startswith("一、本年新收"))
    # Two windows hold the two values; only one of them adds up, so the row total chose it.
    result = gia_report.parse_with_notes(text.replace(line, "一、本年新收政府信息公开申请数量\t\t\t5\t\t\t\t\t5\t"))
    assert [str(equation) for equation in result.spent] == ["row-total at requests/new/total"]
    plain = gia_report.check(result.report)
    told = gia_report.check(result.report, spent=result.spent)
    assert "identity-spent" not in {f.code for f in plain}
    spent = told.by_code("identity-spent")
    assert spent.flatten("severity", "key", "identity") == [("info", "requests/new/total", "row-total")]
    assert told.ok and len(told) == len(plain) + 1
