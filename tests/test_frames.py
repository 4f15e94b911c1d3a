"""gia_report.to_dataframe: long and wide frames, blanks missing in nullable integers, money exact."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import gia_report
from gia_report.batch import parse_files
from gia_report.frames import CELL_COLUMNS
from tests.corpus import corpus_files, corpus_params, gold, read_text

pd = pytest.importorskip("pandas", reason="pandas is not installed (pip install -e '.[test]')")

DATA = Path(__file__).resolve().parent / "data"
REPORT_2019 = DATA / "pipe" / "report_2019.txt"


@pytest.mark.parametrize("path", corpus_params())
def test_wide_frame_of_a_corpus_report_is_its_gold(path: Path) -> None:
    """Each gold cell is in the wide frame: missing where blank, an Int64 count, or an exact Decimal."""
    frame = gia_report.to_dataframe([gia_report.parse(read_text(path))], wide=True)
    expected = gold(path)
    assert len(frame) == 1
    assert (frame.loc[0, "agency"], frame.loc[0, "year"]) == (expected["agency"], expected["year"])
    for key, cell in expected["cells"].items():
        value = frame.loc[0, key]
        if cell is None:
            assert pd.isna(value), key
        elif isinstance(cell, str):
            assert frame[key].dtype == object, key
            assert type(value) is Decimal and value == Decimal(cell), key
        else:
            assert frame[key].dtype == "Int64", key
            assert value == cell, key


def test_long_frame_of_the_corpus_has_one_row_per_cell() -> None:
    """The long frame of every corpus report has a row per record, counts in Int64 and money in Decimal."""
    paths = corpus_files()
    assert paths, "the local corpus is always there"
    reports = [gia_report.parse(read_text(path)) for path in paths]
    frame = gia_report.to_dataframe(reports)
    assert list(frame.columns) == list(CELL_COLUMNS)
    assert len(frame) == sum(len(gia_report.to_records(report)) for report in reports)
    assert frame["value"].dtype == "Int64"
    assert frame["year"].dtype == "Int64"
    assert frame["money"].dtype == object
    money = frame[frame["money"].notna()]
    assert set(money["column"]) <= {"amount"}
    assert all(type(value) is Decimal for value in money["money"])
    assert money["value"].isna().all()


def test_blank_cells_are_missing_never_zero() -> None:
    """A report with every cell blank gives missing counts and money, never 0 or NaN floats."""
    frame = gia_report.to_dataframe(gia_report.Report(format_version="2021", agency="某局", year=2023))
    assert frame["value"].isna().all() and frame["money"].isna().all()
    assert frame["value"].dtype == "Int64"
    assert len(frame) == 200
    wide = gia_report.to_dataframe(gia_report.Report(format_version="2021"), wide=True)
    assert wide["requests/new/total"].dtype == "Int64"
    assert pd.isna(wide.loc[0, "requests/new/total"]) and pd.isna(wide.loc[0, "agency"])


def test_money_stays_exact() -> None:
    """96171.6 万元 comes back as Decimal('96171.6'), not a float near it."""
    report = gia_report.Report(
        format_version="2021", active=gia_report.Active2021(fees=gia_report.FeeAmount(amount=Decimal("96171.6")))
    )
    frame = gia_report.to_dataframe(report)
    amount = frame[(frame["row"] == "fees") & (frame["column"] == "amount")]["money"].tolist()
    assert amount == [Decimal("96171.6")] and type(amount[0]) is Decimal
    wide = gia_report.to_dataframe(report, wide=True)
    assert wide.loc[0, "active/fees/amount"] == Decimal("96171.6")


def test_wide_frame_of_both_formats(tmp_path: Path) -> None:
    """A 2019 and a 2021 report in one wide frame: each misses the other's keys; refused files are left out."""
    bad = tmp_path / "bad.txt"
    bad.write_text("not a report", encoding="utf-8")
    sample = Path(gia_report.__file__).parent / "data" / "sample.txt"
    frame = gia_report.to_dataframe(parse_files([REPORT_2019, bad, sample], jobs=1), wide=True)
    assert frame["file"].tolist() == [str(REPORT_2019), str(sample)]
    assert frame["format_version"].tolist() == ["2019", "2021"]
    assert pd.isna(frame.loc[1, "active/licensing/items_last_year"])
    assert pd.isna(frame.loc[0, "active/regulations/in_force"])
    assert frame.loc[0, "requests/new/total"] == 12
    assert frame.loc[1, "requests/new/total"] == 1096
    keys = [column for column in frame.columns if "/" in column]
    # Printed order: table active, then requests, then appeals.
    tables = [key.split("/")[0] for key in keys]
    assert tables == sorted(tables, key=["active", "requests", "appeals"].index)


def test_results_and_file_results_are_taken() -> None:
    """A ParseResult gives the same rows as its report; a FileResult adds its path as the file."""
    result = gia_report.parse_with_notes(REPORT_2019.read_bytes())
    from_result = gia_report.to_dataframe([result])
    from_report = gia_report.to_dataframe([result.report])
    assert from_result.equals(from_report)
    from_file = gia_report.to_dataframe(parse_files([REPORT_2019], jobs=1))
    assert set(from_file["file"]) == {str(REPORT_2019)}


def test_other_objects_are_refused() -> None:
    """Something that is not a report nor a result is a TypeError naming its type."""
    with pytest.raises(TypeError, match="expected a Report, a ParseResult or a FileResult, not str"):
        gia_report.to_dataframe(["report.txt"])  # type: ignore[list-item]


def test_without_pandas_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pandas, to_dataframe raises ImportError saying to install gia-report[pandas]."""
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install 'gia-report\[pandas\]'"):
        gia_report.to_dataframe([])


def test_import_pulls_in_neither_pandas_nor_pyarrow() -> None:
    """import gia_report leaves pandas, pyarrow and the process pool unimported until they are used."""
    code = (
        "import sys, gia_report; "
        "print(sorted(m for m in ('pandas', 'pyarrow', 'concurrent.futures.process') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
