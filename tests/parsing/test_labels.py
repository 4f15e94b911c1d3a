"""Label normalization and matching against the catalog, for every variant of FORMAT.md §5."""

from __future__ import annotations

import pytest

from gia_report.catalog import FORMATS
from gia_report.parsing._labels import TableLabels, normalize_label, strip_numbering

REQUESTS = TableLabels(FORMATS["2021"].table("requests"))
ACTIVE = TableLabels(FORMATS["2021"].table("active"))


@pytest.mark.parametrize(
    ("printed", "key"),
    [
        ("（一）予以公开", "granted"),
        ("(一)予以公开", "granted"),
        ("(一) 予以公开", "granted"),
        ("1.属于国家秘密", "withheld_state_secret"),
        ("1. 属于国家秘密", "withheld_state_secret"),
        ("1、属于国家秘密", "withheld_state_secret"),
        ("1．属于国家秘密", "withheld_state_secret"),
        ("3.危及“三安全一稳定”", "withheld_three_safeties"),
        ('3.危及"三安全一稳定"', "withheld_three_safeties"),
        ("3.危及三安全一稳定", "withheld_three_safeties"),
        ("（七）总计", "outcomes_total"),
        ("(七) 總計", "outcomes_total"),
        ("3.其他", "other_other"),
        ("四、结转下年度继续办理", "carried_forward"),
        ("（二）部分公开 (区分处理的, 只计这一情形, 不计其他情形)", "partially_granted"),
        ("（三）不予公开 1.属于国家秘密", "withheld_state_secret"),
        ("三、本年度办理结果（一）予以公开", "granted"),
        ("（六）其他处理", "other_handling"),
        ("１．属于国家秘密", "withheld_state_secret"),
    ],
)
def test_row_labels_match_after_normalization(printed: str, key: str) -> None:
    """Bracket, quote, numbering, width, spacing and traditional variants match with no note."""
    match = REQUESTS.row(printed)
    assert match is not None
    assert (match.key, match.how) == (key, "exact")


@pytest.mark.parametrize(
    ("printed", "key"),
    [
        ("5.属于三类内容事务信息", "withheld_internal_affairs"),
        ("（二）部分公开（区分处理的，只计这一情况，不计其他情况）", "partially_granted"),
        ("2.其他法律行政止公开", "withheld_prohibited_by_law"),
    ],
)
def test_known_typos_match_as_variants(printed: str, key: str) -> None:
    """The typos of FORMAT.md §5 match their row, flagged as a variant."""
    match = REQUESTS.row(printed)
    assert match is not None
    assert (match.key, match.how) == (key, "variant")


def test_normative_documents_without_prefix_is_a_variant_in_2021() -> None:
    """规范性文件 in a 2021 report is 行政规范性文件, flagged as a variant."""
    match = ACTIVE.row("规范性文件")
    assert match is not None
    assert (match.key, match.how) == ("normative_documents", "variant")


def test_unknown_typo_of_a_long_label_matches_by_similarity() -> None:
    """A long label with one wrong character is matched, and flagged as similar."""
    match = REQUESTS.row("5.要求行政机关确认或重新出据已获取信息")
    assert match is not None
    assert (match.key, match.how) == ("rejected_confirmation", "similar")


@pytest.mark.parametrize("printed", ["其它", "合计", "本年新收", "一是加强", ""])
def test_short_or_unrelated_labels_do_not_match(printed: str) -> None:
    """A short label is never matched by similarity: it could be any of several rows."""
    assert REQUESTS.row(printed) is None


def test_annotations_are_ignored_in_column_labels() -> None:
    """现行有效件数（历史累计） labels column in_force."""
    assert ACTIVE.column("现行有效件数（历史累计）", FORMATS["2021"].table("active").columns) == "in_force"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（三）不予公开", "不予公开"),
        ("三、本年度办理结果", "本年度办理结果"),
        ("12.属于", "属于"),
        ("2023年", "2023年"),
        ("一是", "一是"),
    ],
)
def test_strip_numbering(text: str, expected: str) -> None:
    """Leading numbering is stripped; a year or 一是 is not numbering."""
    assert strip_numbering(normalize_label(text)) == expected


def test_normalize_label_unifies_width_quotes_and_gouji() -> None:
    """NFKC, no whitespace, no quotes, 钩稽 as 勾稽."""
    assert normalize_label("（本列数据的钩稽关系为： “甲” ）") == "(本列数据的勾稽关系为:甲)"


@pytest.mark.parametrize(
    ("printed", "key"),
    [
        ("（一）予以公開", "granted"),
        ("1.屬於國家祕密", "withheld_state_secret"),
        ("4.保護第三方合法權益", "withheld_third_party"),
        ("2.沒有現成信息需要另行製作", "unavailable_needs_creation"),
        ("4.無正當理由大量反覆申請", "rejected_excessive"),
        ("5.要求行政機關確認或重新出具已獲取信息", "rejected_confirmation"),
        ("四、結轉下年度繼續辦理", "carried_forward"),
        ("一、本年新收政府信息公開申請數量", "new"),
        ("2.申請人逾期未按收費通知要求繳納費用、行政機關不再處理其政府信息公開申請", "other_unpaid_fees"),
    ],
)
def test_labels_in_traditional_characters(printed: str, key: str) -> None:
    """Whole labels written in traditional characters match exactly."""
    match = REQUESTS.row(printed)
    assert match is not None
    assert (match.key, match.how) == (key, "exact")


@pytest.mark.parametrize(
    ("printed", "key"),
    [("行政處罰", "penalty"), ("行政規範性文件", "normative_documents"), ("行政事業性收費", "fees")],
)
def test_active_labels_in_traditional_characters(printed: str, key: str) -> None:
    """Table 二's labels in traditional characters match exactly."""
    match = ACTIVE.row(printed)
    assert match is not None
    assert (match.key, match.how) == (key, "exact")
