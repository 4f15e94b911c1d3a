"""The one-pass reading of a clean table (`clean_rows`) reads exactly what the full reader does, or declines."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from unittest import mock

from hypothesis import HealthCheck, given, settings

import gia_report
from gia_report.parsing import _tables
from gia_report.parsing._labels import labels_of
from gia_report.parsing._layout_tab import tokenize
from gia_report.parsing._rows import PrintedRow, clean_rows, read_rows
from gia_report.parsing._source import Line
from tests.mutations import MUTATIONS, lay_out, render
from tests.property.test_mutations import _cases

SAMPLE = Path(gia_report.__file__).parent / "data" / "sample.txt"
REQUESTS = gia_report.catalog.FORMATS["2021"].table("requests")


@contextmanager
def _full_reader_only() -> Iterator[None]:
    """Every table read by the full reader: the one-pass reading declines all."""
    with mock.patch.object(_tables, "clean_rows", return_value=None):
        yield


def _everything(text: str) -> tuple[object, ...]:
    """All a parse gives: the report, notes, sources (with how and the identities used), spent, runs, layout."""
    try:
        result = gia_report.parse_with_notes(text)
    except gia_report.ParseError as error:
        return ("refused", str(error))
    sources = {key: repr(source) for key, source in result.sources.items()}
    return (result.report, result.notes, sources, result.spent, result.unsplit, result.detection)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_cases(("tab", "pipe", "markdown", "blank-line"), tuple(sorted(MUTATIONS)), most=2, texts=2))
def test_a_parse_reads_the_same_without_the_one_pass_reading(case: object) -> None:
    """Drawn reports in the text layouts, plain and mutated: every output is the full reader's."""
    plain = [render(lay_out(case.report, layout)) for layout in ("tab", "pipe")]  # type: ignore[attr-defined]
    for text in [*plain, *(render(variant.printed) for variant in case.variants)]:  # type: ignore[attr-defined]
        fast = _everything(text)
        with _full_reader_only():
            full = _everything(text)
        assert fast == full


def _rows(*lines: str) -> list[Line]:
    return [Line(number, text) for number, text in enumerate(lines, start=1)]


def _read_both(*lines: str) -> tuple[list[PrintedRow] | None, tuple[list[PrintedRow], list[gia_report.Note]]]:
    rows = tokenize(_rows(*lines))
    labels = labels_of(REQUESTS)
    notes: list[gia_report.Note] = []
    full = read_rows(REQUESTS, labels, rows, notes)
    return clean_rows(REQUESTS, labels, rows), (full, notes)


_HEADER = ("自然人\t法人或其他组织\t\t\t\t\t总计", "\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他")


def test_a_clean_table_is_read_in_one_pass_as_the_full_reader_reads_it() -> None:
    """A header, a group label's line, a row of values and one printed blank: the same rows, no note."""
    clean, (full, notes) = _read_both(
        *_HEADER,
        "一、本年新收政府信息公开申请数量\t1\t2\t0\t0\t0\t0\t3",
        "（三）不予公开",
        "\t1.属于国家秘密\t\t\t\t\t\t\t",
    )
    assert notes == []
    assert clean == full
    assert [printed.row.key for printed in full] == ["new", "withheld_state_secret"]


def test_a_header_in_another_order_orders_the_columns_alike() -> None:
    """A header printing 总计 first: the one-pass reading takes the columns in the header's order."""
    clean, (full, _) = _read_both(
        "总计\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他",
        "一、本年新收政府信息公开申请数量\t3\t1\t2\t0\t0\t0\t0",
    )
    assert clean == full
    assert full[0].columns[0].key == "total" and full[0].after[0].text == "3"


def test_what_the_full_reader_notes_the_one_pass_reading_declines() -> None:
    """A label matched by similarity, a row printed twice, values without a label, a short row: the full reader's."""
    new = "一、本年新收政府信息公开申请数量\t1\t2\t0\t0\t0\t0\t3"
    for lines in (
        ("一、本年新收的政府信息公开申请数量\t1\t2\t0\t0\t0\t0\t3",),  # a label matched by similarity
        (new, new),  # printed twice
        (new, "\t1\t2\t0\t0\t0\t0\t3"),  # values without a label
        ("一、本年新收政府信息公开申请数量\t1\t2\t0\t3",),  # fewer values than columns
        ("一、本年新收政府信息公开申请数量3\t2\t0\t0\t0\t0\t5",),  # a value glued to the label
        ("一、本年新收政府信息公开申请数量",),  # a label with no cell after it
    ):
        assert _read_both(*lines)[0] is None, lines


def test_the_librarys_own_tab_text_is_read_in_one_pass() -> None:
    """The sample written as tab text: tables 二 and 三 are read by the one-pass reading (appeals has its own)."""
    text = gia_report.dumps(gia_report.parse(SAMPLE.read_text(encoding="utf-8")), "tab")
    assert isinstance(text, str)
    taken: list[bool] = []

    def spy(*args: Any) -> list[PrintedRow] | None:
        found = clean_rows(*args)
        taken.append(found is not None)
        return found

    with mock.patch.object(_tables, "clean_rows", spy):
        gia_report.parse(text)
    assert taken == [True, True]


def test_every_variant_of_a_label_reads_as_the_full_reader_reads_it() -> None:
    """The sample as tab text with each row's label replaced by each of the catalog's variants of it."""
    report = gia_report.parse(SAMPLE.read_text(encoding="utf-8"))
    text = gia_report.dumps(report, "tab")
    assert isinstance(text, str)
    tried = 0
    for table in gia_report.catalog.FORMATS[report.format_version].tables:
        for row in table.rows:
            for variant in row.labels[1:]:
                if f"{row.label}\t" not in text:
                    continue
                mutated = text.replace(f"{row.label}\t", f"{variant}\t", 1)
                with _full_reader_only():
                    full = _everything(mutated)
                assert _everything(mutated) == full, variant
                tried += 1
    assert tried >= 3
