"""The command line: parse, summary, standard input, the bundled sample and exit codes."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from gia_report.cli import main

DATA = Path(__file__).resolve().parent / "data"
REPORT_2019 = DATA / "pipe" / "report_2019.txt"


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
    assert (status, err) == (2, "/no/such/report.txt: cannot read: No such file or directory\n")


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
