"""The command line: parse, summary, check, batch, standard input, the bundled sample, exit codes and output errors."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import gia_report
from gia_report.cli import main

DATA = Path(__file__).resolve().parent / "data"
REPORT_2019 = DATA / "pipe" / "report_2019.txt"
SAMPLE = Path(gia_report.__file__).parent / "data" / "sample.txt"


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def test_parse_prints_json() -> None:
    """parse FILE prints the report as JSON."""
    status, out, _ = _run("parse", str(REPORT_2019))
    assert status == 0
    data = json.loads(out)
    assert (data["agency"], data["year"], data["requests"]["new"]["total"]) == ("某县交通运输局", 2019, 12)


def test_parse_several_files_prints_an_array() -> None:
    """parse with several files prints [{file, report}, …] in order."""
    status, out, _ = _run("parse", str(REPORT_2019), "--sample")
    assert status == 0
    names = [item["file"] for item in json.loads(out)]
    assert names == ["<bundled sample.txt>", str(REPORT_2019)]


def test_summary_of_the_sample() -> None:
    """summary --sample names the agency, year, format, layout and totals."""
    status, out, _ = _run("summary", "--sample")
    assert status == 0
    assert "agency:   开封汴东先进制造业开发区" in out
    assert "year:     2023" in out
    assert "layout:   tab" in out
    assert "new 1096, carried over 17, handled 1097, carried forward 16" in out


def test_bad_file_exits_2_and_the_others_still_run(tmp_path: Path) -> None:
    """A file that is not a report is reported on stderr with exit status 2; the good file is still printed."""
    bad = tmp_path / "bad.txt"
    bad.write_text("hello", encoding="utf-8")
    status, out, err = _run("summary", str(bad), str(REPORT_2019))
    assert status == 2
    assert err.startswith(f"{bad}: expected the section 二、主动公开政府信息情况")
    assert "某县交通运输局" in out


def test_missing_file() -> None:
    """A file that does not exist: exit 2 and a message naming it."""
    status, _, err = _run("parse", "/no/such/report.txt")
    assert (status, err) == (2, "cannot read '/no/such/report.txt': No such file or directory\n")


@pytest.mark.parametrize("argv", [[], ["parse"], ["frobnicate"]])
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """Missing or unknown commands and arguments exit with status 2."""
    assert _run(*argv)[0] == 2


def test_module_reads_standard_input() -> None:
    """python -m gia_report summary - reads the report from standard input."""
    done = subprocess.run(
        [sys.executable, "-m", "gia_report", "summary", "-"],
        input=REPORT_2019.read_bytes(),
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0
    assert "某县交通运输局" in done.stdout.decode("utf-8")


def test_check_exit_status_and_lines(tmp_path: Path) -> None:
    """check prints file: table/row/column: severity: message, and exits 1 when a report has errors."""
    original = REPORT_2019.read_text(encoding="utf-8")
    text = original.replace("\n1 | 0 | 0 | 0 | 1 |", "\n1 | 0 | 0 | 0 | 2 |")  # 行政复议 总计 1 → 2
    assert text != original
    broken = tmp_path / "broken.txt"
    broken.write_text(text, encoding="utf-8")
    status, out, _ = _run("check", str(REPORT_2019), str(broken))
    assert status == 1
    assert out.splitlines() == [
        f"{broken}: appeals/review/total: error: "
        "行政复议/总计 is 2 but 结果维持 + 结果纠正 + 其他结果 + 尚未审结 add up to 1",
        f"{broken}: not compared across years: {REPORT_2019} is also 某县交通运输局's report for 2019",
        "2 reports, 1 errors, 0 warnings",
    ]


def test_check_clean_report_exits_0_and_json() -> None:
    """check of a consistent report exits 0; --format json prints the findings as a JSON array."""
    status, out, _ = _run("check", "--format", "json", str(REPORT_2019))
    assert (status, json.loads(out)) == (0, [])


def test_check_parse_error_exits_2(tmp_path: Path) -> None:
    """A file that cannot be parsed makes check exit 2."""
    bad = tmp_path / "bad.txt"
    bad.write_text("not a report", encoding="utf-8")
    assert _run("check", str(bad), str(REPORT_2019))[0] == 2


# --- Reading the library's own output back ----------------------------------------------------


def test_parse_notes_prints_layout_and_notes() -> None:
    """parse --notes prints {file, layout, evidence, notes, report}; the notes are those parse_with_notes gives."""
    status, out, _ = _run("parse", "--notes", str(REPORT_2019))
    result = gia_report.parse_with_notes(REPORT_2019.read_bytes())
    data = json.loads(out)
    assert status == 0
    assert sorted(data) == ["evidence", "file", "layout", "notes", "report"]
    assert (data["file"], data["layout"]) == (str(REPORT_2019), "pipe")
    assert data["notes"] == [{"code": n.code, "message": n.message, "line": n.line} for n in result.notes]
    assert data["evidence"] == {str(layout): count for layout, count in result.detection.evidence}
    assert gia_report.loads(json.dumps(data["report"]), "json") == result.report


def test_summary_of_parse_notes_output_is_the_summary_of_the_report(tmp_path: Path) -> None:
    """summary of what parse --notes printed says what summary of the report says, layout and notes included."""
    printed = tmp_path / "report.json"
    printed.write_text(_run("parse", "--notes", str(REPORT_2019))[1], encoding="utf-8")
    _, direct, _ = _run("summary", str(REPORT_2019))
    status, again, _ = _run("summary", str(printed))
    assert status == 0
    assert again.splitlines()[0] == f"{REPORT_2019} (in {printed})"
    assert again.splitlines()[1:] == direct.splitlines()[1:]


@pytest.mark.parametrize("form", ["json", "xml"])
def test_check_and_summary_read_json_and_xml(tmp_path: Path, form: str) -> None:
    """check and summary read a report written by convert --to json or xml, with the same findings as the text."""
    written = tmp_path / f"report.{form}"
    written.write_text(_run("convert", str(REPORT_2019), "--to", form)[1], encoding="utf-8")
    status, out, err = _run("check", str(written))
    assert (status, err) == (0, "")
    assert out == "1 reports, 0 errors, 0 warnings\n"
    status, out, _ = _run("summary", str(written))
    assert status == 0
    assert "agency:   某县交通运输局" in out
    assert "layout:   (not parsed: read as data)" in out


def test_check_reads_the_array_parse_prints(tmp_path: Path) -> None:
    """The [{file, report}, …] that parse prints for several files is read back as each report by its file."""
    printed = tmp_path / "all.json"
    printed.write_text(_run("parse", str(REPORT_2019), "--sample")[1], encoding="utf-8")
    status, out, _ = _run("check", str(printed))
    assert status == 0
    assert out.splitlines()[-1] == "2 reports, 0 errors, 1 warnings"
    assert out.startswith(f"<bundled sample.txt> (in {printed}): requests/new/total: warning:")


def test_json_that_is_not_a_report_exits_2(tmp_path: Path) -> None:
    """JSON that is not a report is an error naming what was expected, exit 2."""
    odd = tmp_path / "odd.json"
    odd.write_text('[{"files": 1}]', encoding="utf-8")
    status, _, err = _run("summary", str(odd))
    assert status == 2
    assert err == f"{odd}: item 0: expected a report or an object with a report, as gia-report parse prints\n"


# --- Output that cannot be written --------------------------------------------------------------


def test_a_full_disk_is_one_line_and_exit_2() -> None:
    """Writing to /dev/full gives exit 2 and one line on stderr, not a traceback."""
    with open("/dev/full", "w", encoding="utf-8") as full:
        out, err = full, io.StringIO()
        status = main(["parse", str(REPORT_2019)], out=out, err=err)
    assert status == 2
    assert err.getvalue() == "gia-report parse: cannot write the output: No space left on device\n"


@pytest.mark.parametrize("command", [["summary", "--sample"], ["batch", str(REPORT_2019), "--jobs", "1"]])
def test_a_full_disk_on_standard_output(command: list[str]) -> None:
    """gia-report … > /dev/full exits 2 with one line on stderr and no traceback."""
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "gia_report", *command],
            stdout=full,
            stderr=subprocess.PIPE,
            check=False,
        )
    assert done.returncode == 2
    assert done.stderr.decode("utf-8") == f"gia-report {command[0]}: cannot write the output: No space left on device\n"


def test_a_closed_pipe_is_one_line_and_exit_2() -> None:
    """gia-report parse … | (a reader that has gone) exits 2 with one line on stderr and no traceback."""
    with subprocess.Popen(
        [sys.executable, "-m", "gia_report", "parse", "--sample", str(REPORT_2019)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as child:
        assert child.stdout is not None and child.stderr is not None
        child.stdout.close()
        error = child.stderr.read().decode("utf-8")
        assert child.wait() == 2
    assert error == "gia-report parse: cannot write the output: Broken pipe\n"


def test_batch_table_on_a_full_disk(tmp_path: Path) -> None:
    """batch --out to a file on a full disk exits 2 with one line naming the file."""
    cells = tmp_path / "cells.csv"
    cells.symlink_to("/dev/full")
    status, _, err = _run("batch", str(REPORT_2019), "--jobs", "1", "--out", str(cells))
    assert status == 2
    assert err == f"gia-report batch: cannot write {cells}: No space left on device\n"


# --- batch ---------------------------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of two reports (2019 pipe and the 2021 sample), a text that is not a report and a hidden file."""
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    shutil.copy(REPORT_2019, root / "a_2019.txt")
    shutil.copy(SAMPLE, root / "sub" / "b_sample.txt")
    (root / "c_notes.txt").write_text("会议纪要\n", encoding="utf-8")
    (root / ".hidden.txt").write_text("hidden\n", encoding="utf-8")
    return root


def _csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_batch_accounts_for_every_file(folder: Path, tmp_path: Path, jobs: str) -> None:
    """batch DIR writes a files row for every file (hidden ones left out) and one cells row per cell read."""
    cells, files = tmp_path / "cells.csv", tmp_path / "files.csv"
    status, out, err = _run("batch", str(folder), "--jobs", jobs, "--out", str(cells), "--files", str(files))
    assert (status, err) == (1, "")
    rows = _csv(files)
    assert [(Path(r["file"]).name, r["status"]) for r in rows] == [
        ("a_2019.txt", "read"),
        ("c_notes.txt", "refused"),
        ("b_sample.txt", "read"),
    ]
    assert rows[0]["form"] == "text" and rows[0]["layout"] == "pipe" and rows[0]["format_version"] == "2019"
    assert (rows[0]["agency"], rows[0]["year"], rows[0]["errors"]) == ("某县交通运输局", "2019", "0")
    assert rows[2]["warnings"] == "1" and rows[2]["message"].startswith("requests/new/total: ")
    assert rows[1]["message"].startswith("expected the section 二、主动公开政府信息情况")
    expected = len(gia_report.to_records(gia_report.parse(REPORT_2019.read_bytes()))) + len(
        gia_report.to_records(gia_report.parse(SAMPLE.read_bytes()))
    )
    assert len(_csv(cells)) == expected == 161 + 22 + 15 + 175 + 10 + 15
    assert out.splitlines()[0] == f"{folder / 'c_notes.txt'}: refused: {rows[1]['message']}"
    assert out.splitlines()[-1] == (
        "3 files: 2 read (0 with errors), 1 refused, 0 failed; across years: 0 pairs of years compared, 0 warnings"
    )


def test_batch_exits_0_when_every_file_reads_without_errors(tmp_path: Path) -> None:
    """Every file read, warnings only: exit 0."""
    status, out, _ = _run("batch", str(REPORT_2019), str(SAMPLE), "--jobs", "1")
    assert status == 0
    assert out.endswith(
        "2 files: 2 read (0 with errors), 0 refused, 0 failed; across years: 0 pairs of years compared, 0 warnings\n"
    )


def test_batch_exits_1_for_error_findings(tmp_path: Path) -> None:
    """A report with an error finding makes batch exit 1 and prints the file with its first error."""
    broken = tmp_path / "broken.txt"
    broken.write_text(
        REPORT_2019.read_text(encoding="utf-8").replace("\n1 | 0 | 0 | 0 | 1 |", "\n1 | 0 | 0 | 0 | 2 |"),
        encoding="utf-8",
    )
    status, out, _ = _run("batch", str(broken), "--jobs", "1")
    assert status == 1
    assert out.splitlines()[0] == (
        f"{broken}: 1 errors, the first appeals/review/total: "
        "行政复议/总计 is 2 but 结果维持 + 结果纠正 + 其他结果 + 尚未审结 add up to 1"
    )


def test_batch_globs(folder: Path, tmp_path: Path) -> None:
    """A glob, '**' included, names the files it matches."""
    files = tmp_path / "files.jsonl"
    status, _, _ = _run("batch", str(folder / "**" / "b_*.txt"), "--jobs", "1", "--files", str(files))
    assert status == 0
    rows = [json.loads(line) for line in files.read_text(encoding="utf-8").splitlines()]
    assert [Path(row["file"]).name for row in rows] == ["b_sample.txt"]
    assert rows[0]["year"] == 2023 and rows[0]["notes"] == 0


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["/no/such/dir"], "gia-report batch: /no/such/dir: no such file or directory, and no file matches it\n"),
        (["/no/such/*.txt"], "gia-report batch: /no/such/*.txt: no such file or directory, and no file matches it\n"),
        (
            [str(REPORT_2019), "--out", "cells.xlsx"],
            "gia-report batch: --out cells.xlsx: expected a file ending in "
            ".csv, .jsonl, .ndjson, .parquet, to say the form to write\n",
        ),
        ([str(REPORT_2019), "--jobs", "0"], "gia-report batch: --jobs must be at least 1, not 0\n"),
        (
            [str(REPORT_2019), "--out", "t.csv", "--files", "t.csv"],
            "gia-report batch: --out and --files name the same file\n",
        ),
    ],
)
def test_batch_usage_errors_exit_2(argv: list[str], message: str, tmp_path: Path) -> None:
    """Paths that name nothing, an unknown table suffix, --jobs 0 and one file for both tables exit 2 at once."""
    status, out, err = _run("batch", *argv)
    assert (status, out, err) == (2, "", message)


def test_batch_without_pyarrow_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """--out cells.parquet without pyarrow is a usage error naming gia-report[parquet]."""
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    status, _, err = _run("batch", str(REPORT_2019), "--out", "cells.parquet")
    assert status == 2
    assert err == (
        "gia-report batch: --out writing Parquet needs pyarrow, which is not installed: "
        "pip install 'gia-report[parquet]'\n"
    )


def test_batch_jsonl_cells_are_exact(tmp_path: Path) -> None:
    """JSON Lines cells: counts as numbers, blanks null, money a decimal string in its own column."""
    report = gia_report.Report(
        format_version="2021",
        agency="某局",
        year=2023,
        active=gia_report.Active2021(fees=gia_report.FeeAmount(amount=Decimal("96171.6"))),
        requests=gia_report.Requests(new=gia_report.RequestRow(natural_person=3, total=3)),
    )
    source = tmp_path / "r.txt"
    source.write_text(gia_report.dumps(report, "tab"), encoding="utf-8")
    cells = tmp_path / "cells.jsonl"
    _run("batch", str(source), "--jobs", "1", "--out", str(cells))
    rows = {f"{r['table']}/{r['row']}/{r['column']}": r for r in map(json.loads, cells.read_text("utf-8").splitlines())}
    assert len(rows) == 200
    assert rows["active/fees/amount"]["money"] == "96171.6" and rows["active/fees/amount"]["value"] is None
    assert rows["requests/new/natural_person"]["value"] == 3
    assert rows["requests/new/commercial"]["value"] is None
    assert set(rows["requests/new/total"]) == {
        "file",
        "agency",
        "year",
        "format_version",
        "table",
        "row",
        "column",
        "value",
        "money",
    }


def test_batch_parquet_tables(folder: Path, tmp_path: Path) -> None:
    """Parquet cells have int64 counts with nulls and decimal money; the files table one row per file."""
    parquet = pytest.importorskip("pyarrow.parquet")
    cells, files = tmp_path / "cells.parquet", tmp_path / "files.parquet"
    _run("batch", str(folder), "--jobs", "2", "--out", str(cells), "--files", str(files))
    table = parquet.read_table(cells)
    assert str(table.schema.field("value").type) == "int64"
    assert str(table.schema.field("money").type) == "decimal128(38, 6)"
    assert table.num_rows == 161 + 22 + 15 + 175 + 10 + 15
    rows = table.to_pylist()
    fees = [r for r in rows if r["row"] == "fees" and r["column"] == "amount"]
    sample_fee = gia_report.parse(SAMPLE.read_bytes()).active.fees
    assert isinstance(sample_fee, gia_report.FeeAmount)
    assert [r["money"] for r in fees] == [sample_fee.amount]
    blank = [r for r in rows if r["value"] is None and r["money"] is None]
    assert blank, "the 2019 report has blank cells"
    assert [r["status"] for r in parquet.read_table(files).to_pylist()] == ["read", "refused", "read"]


def _tab(agency: str, year: int, over: int, forward: int) -> str:
    report = gia_report.Report(
        format_version="2021",
        agency=agency,
        year=year,
        requests=gia_report.Requests(
            carried_over=gia_report.RequestRow(natural_person=over, total=over),
            carried_forward=gia_report.RequestRow(natural_person=forward, total=forward),
        ),
    )
    return gia_report.dumps(report, "tab")


def test_batch_checks_across_years_with_a_city_prefix(tmp_path: Path) -> None:
    """洪泽区人民政府 2023 and 淮安市洪泽区人民政府 2024 are compared, said so, and 上年结转 is checked."""
    (tmp_path / "2023.txt").write_text(_tab("洪泽区人民政府", 2023, 0, 5), encoding="utf-8")
    (tmp_path / "2024.txt").write_text(_tab("淮安市洪泽区人民政府", 2024, 3, 0), encoding="utf-8")
    (tmp_path / "2022.txt").write_text(_tab("某局", 2022, 0, 0), encoding="utf-8")
    (tmp_path / "2024b.txt").write_text(_tab("某局", 2024, 0, 0), encoding="utf-8")
    status, out, _ = _run("batch", str(tmp_path), "--jobs", "2")
    first, second = tmp_path / "2023.txt", tmp_path / "2024.txt"
    lines = out.splitlines()
    assert status == 0
    assert lines == [
        f"{second}: requests/carried_over/natural_person: warning: "
        "二、上年结转政府信息公开申请数量/自然人 is 3 but the 2023 report carried 5 forward",
        f"{second}: requests/carried_over/total: warning: "
        "二、上年结转政府信息公开申请数量/总计 is 3 but the 2023 report carried 5 forward",
        f"{second}: compared with {first}, 淮安市洪泽区人民政府 taken for 淮安市 洪泽区人民政府",
        f"{tmp_path / '2024b.txt'}: not compared with the year before: "
        "no report of 某局 for 2023 (the nearest is 2022)",
        "4 files: 4 read (0 with errors), 0 refused, 0 failed; across years: 1 pair of years compared, 2 warnings",
    ]


def test_batch_checks_across_the_real_hongze_reports() -> None:
    """The real 洪泽区 reports of 2023 and 2024 (our own corpus) are paired across the city prefix."""
    real = DATA / "corpus" / "real"
    status, out, _ = _run("batch", str(real / "hongze_2023.pypdf.txt"), str(real / "hongze_2024.pypdf.txt"))
    assert status == 1  # the 2023 report prints two wrong appeals totals
    assert (
        f"{real / 'hongze_2024.pypdf.txt'}: compared with {real / 'hongze_2023.pypdf.txt'}, "
        "淮安市洪泽区人民政府 taken for 淮安市 洪泽区人民政府"
    ) in out.splitlines()
    assert "across years: 1 pair of years compared" in out.splitlines()[-1]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_batch_progress_only_on_a_terminal(folder: Path) -> None:
    """The progress bar goes to stderr when it is a terminal, ending in a newline; otherwise stderr stays empty."""
    terminal = _Terminal()
    assert main(["batch", str(folder), "--jobs", "1"], out=io.StringIO(), err=terminal) == 1
    shown = terminal.getvalue()
    assert shown.startswith("\r[") and shown.endswith("\n")
    assert "] 3/3 1 refused, 0 failed" in shown
    plain = io.StringIO()
    main(["batch", str(folder), "--jobs", "1"], out=io.StringIO(), err=plain)
    assert plain.getvalue() == ""


def test_convert_to_word_writes_bytes_that_read_back(tmp_path: Path) -> None:
    """convert --to docx -o OUT writes the Word document, which summary and parse read back as the report."""
    out_file = tmp_path / "report.docx"
    status, out, err = _run("convert", str(REPORT_2019), "--to", "docx", "-o", str(out_file))
    assert (status, out, err) == (0, "", "")
    assert out_file.read_bytes()[:2] == b"PK"
    assert gia_report.parse_file(out_file) == gia_report.parse_file(REPORT_2019)


def test_convert_to_word_on_a_text_stream_asks_for_a_file() -> None:
    """A Word document is bytes: without -o on a text-only stream it is one line and exit 2."""
    status, _, err = _run("convert", str(REPORT_2019), "--to", "docx")
    assert status == 2 and "-o" in err and len(err.splitlines()) == 1


def test_sum_and_check_parent(tmp_path: Path) -> None:
    """sum writes the cell-wise sum; check --parent finds nothing in it, and exactly the cell changed after."""
    summed = tmp_path / "sum.txt"
    status, _, err = _run(
        "sum", str(REPORT_2019), str(REPORT_2019), "--to", "tab", "--agency", "某县", "-o", str(summed)
    )
    assert (status, err) == (0, "")
    one = gia_report.parse_file(REPORT_2019)
    total = gia_report.parse_file(summed)
    assert total.agency == "某县" and total.requests.new.total == 2 * (one.requests.new.total or 0)
    status, out, _ = _run("check", "--parent", str(summed), str(REPORT_2019), str(REPORT_2019))
    assert status == 0 and out.endswith("3 reports, 0 errors, 0 warnings\n")
    changed = tmp_path / "changed.txt"
    text = summed.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("一、本年新收"))
    cells = line.split("\t")
    cells[-1] = str(int(cells[-1]) + 1)
    changed.write_text(text.replace(line, "\t".join(cells)), encoding="utf-8")
    status, out, _ = _run("check", "--parent", str(changed), str(REPORT_2019), str(REPORT_2019))
    assert status == 1
    assert [line.split(": ")[1] for line in out.splitlines()[:-1]] == ["requests/new/total"]


def test_check_says_which_identities_reading_relied_on(tmp_path: Path) -> None:
    """check names, as info, each identity the reader used to place values: no evidence for the report."""
    text = gia_report.dumps(gia_report.Report(format_version="2021", agency="某局", year=2023), "tab")
    line = next(line for line in text.splitlines() if line.startswith("一、本年新收"))
    path = tmp_path / "report.txt"
    path.write_text(text.replace(line, "一、本年新收政府信息公开申请数量\t\t\t5\t\t\t\t\t5\t"), encoding="utf-8")
    status, out, _ = _run("check", str(path))
    assert status == 0
    assert f"{path}: requests/new/total: info: " in out
    # The blank cells of 一 leave its column's balance undecided (two warnings); the row total is the info.
    assert out.endswith("1 reports, 0 errors, 2 warnings, 1 infos\n")


def test_a_device_is_refused_with_exit_2() -> None:
    """A device such as /dev/zero is refused at once by name, never read."""
    status, _, err = _run("summary", "/dev/zero")
    assert status == 2 and "device" in err
