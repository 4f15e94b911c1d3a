"""The label catalog: every key, canonical label, known variant and identity.

This module is the single source of truth for the two national formats
(``../shared/spec/FORMAT.md``). Parsers match labels against it, the model's
field names are its keys (a test holds them together), the checks read its
identities, and the writers and strategies print and draw from it. Adding a
variant seen in the wild is a one-line change here.

>>> FORMATS["2021"].table("requests").row("granted").label
'（一）予以公开'

.. versionadded:: 0.1
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal

import attrs

__all__ = [
    "ESCAPE",
    "FORMATS",
    "FORMAT_VERSIONS",
    "MAX_SUBHEADING",
    "PRE_2019_MARKERS",
    "SECTIONS",
    "SUBHEADING",
    "TITLE",
    "TRADITIONAL",
    "Column",
    "Format",
    "FormatVersion",
    "Identity",
    "Row",
    "Section",
    "Table",
    "compose_title",
    "read_title",
]

FormatVersion = Literal["2019", "2021"]
FORMAT_VERSIONS: tuple[FormatVersion, ...] = ("2019", "2021")

CellKind = Literal["count", "signed", "money"]


@attrs.frozen(kw_only=True, cache_hash=True)
class Column:
    """One column of a row: its public key, printed label and how to read its cells.

    ``kind`` is ``count`` (an integer ≥ 0), ``signed`` (an integer that may be
    negative, the 2019 ``change``) or ``money`` (a ``Decimal`` ≥ 0 in ``unit``).
    """

    key: str
    label: str
    variants: tuple[str, ...] = ()
    kind: CellKind = "count"
    unit: str | None = None

    @property
    def labels(self) -> tuple[str, ...]:
        """The canonical label followed by its variants."""
        return (self.label, *self.variants)


@attrs.frozen(kw_only=True, cache_hash=True)
class Row:
    """One row of a table: its public key, printed label, variants and columns.

    ``block`` is the caption the row stands under in table ``active``
    (第二十条第（一）项 …); ``group`` the group label printed before it in
    table ``requests`` (（三）不予公开 …). ``replaces`` names the rows that this
    one stands in for when a report prints it instead of them (the one-row
    （六）其他处理 of a hybrid 2021 report); ``optional`` rows are absent from a
    report that prints the rows they replace.
    """

    key: str
    label: str
    columns: tuple[Column, ...]
    variants: tuple[str, ...] = ()
    block: str | None = None
    group: str | None = None
    optional: bool = False
    replaces: tuple[str, ...] = ()

    @property
    def labels(self) -> tuple[str, ...]:
        """The canonical label followed by its variants."""
        return (self.label, *self.variants)

    def column(self, key: str) -> Column:
        """The column with *key*; ``KeyError`` for an unknown key."""
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(f"row {self.key!r} has no column {key!r}")


@attrs.frozen(kw_only=True, cache_hash=True)
class Table:
    """One of the three tables, with its rows in printed order.

    ``header_words`` are the texts of header cells that carry no data (the
    column captions, the 勾稽 note, the spanning headers); a row made only of
    them is a header row.
    """

    key: str
    heading: str
    rows: tuple[Row, ...]
    header_words: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()

    def row(self, key: str) -> Row:
        """The row with *key*; ``KeyError`` for an unknown key."""
        for row in self.rows:
            if row.key == key:
                return row
        raise KeyError(f"table {self.key!r} has no row {key!r}")

    @property
    def columns(self) -> tuple[Column, ...]:
        """Every distinct column of the table, in printed order (built once per table)."""
        # Memoized by identity beside the class, not with functools.cached_property: on a slotted class attrs
        # gives that a __getattr__, which keeps CPython from specializing any attribute access on a table.
        found = _COLUMNS.get(id(self))
        if found is None or found[0] is not self:
            seen: dict[str, Column] = {}
            for row in self.rows:
                for column in row.columns:
                    seen.setdefault(column.key, column)
            found = _COLUMNS[id(self)] = (self, tuple(seen.values()))
        return found[1]


_COLUMNS: dict[int, tuple[Table, tuple[Column, ...]]] = {}


@attrs.frozen(kw_only=True, cache_hash=True)
class Identity:
    """A printed identity between cells, as data.

    ``axis == "column"``: in every column of ``columns`` (all of the table's
    when empty), the sum of rows ``total`` equals the sum of rows ``parts``.
    ``axis == "row"``: in every row of ``rows`` (all of the table's when empty),
    the sum of columns ``total`` equals the sum of columns ``parts``.
    The first term of ``total`` is the printed total cell a finding points at;
    ``code`` is the stable kebab-case identity id of FORMAT.md §3.
    """

    code: str
    table: str
    axis: Literal["row", "column"]
    total: tuple[str, ...]
    parts: tuple[str, ...]
    rows: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()
    description: str = ""


@attrs.frozen(kw_only=True, cache_hash=True)
class Section:
    """A top-level section heading: its key, canonical text and accepted titles.

    ``titles`` are the heading texts without their numbering (一、, 1、 …),
    compared after label normalization.
    """

    key: str
    heading: str
    titles: tuple[str, ...]
    table: bool = False
    required: bool = False


@attrs.frozen(kw_only=True, cache_hash=True)
class Format:
    """One national format: its tables, identities and detection markers."""

    version: FormatVersion
    document: str
    tables: tuple[Table, ...]
    identities: tuple[Identity, ...]
    markers: tuple[str, ...]

    def table(self, key: str) -> Table:
        """The table with *key*; ``KeyError`` for an unknown key."""
        for table in self.tables:
            if table.key == key:
                return table
        raise KeyError(f"format {self.version} has no table {key!r}")


# --- Sections (both formats) -------------------------------------------------

SECTIONS: tuple[Section, ...] = (
    Section(key="overview", heading="一、总体情况", titles=("总体情况",)),
    Section(
        key="active",
        heading="二、主动公开政府信息情况",
        titles=("主动公开政府信息情况",),
        table=True,
        required=True,
    ),
    Section(
        key="requests",
        heading="三、收到和处理政府信息公开申请情况",
        titles=("收到和处理政府信息公开申请情况",),
        table=True,
        required=True,
    ),
    Section(
        key="appeals",
        heading="四、政府信息公开行政复议、行政诉讼情况",
        titles=(
            "政府信息公开行政复议、行政诉讼情况",
            "政府信息公开行政复议行政诉讼情况",
            "因政府信息公开工作被申请行政复议、提起行政诉讼情况",
            "因政府信息公开工作被申请行政复议提起行政诉讼情况",
        ),
        table=True,
        required=True,
    ),
    Section(
        key="problems",
        heading="五、存在的主要问题及改进情况",
        titles=(
            "存在的主要问题及改进情况",
            "政府信息公开工作存在的主要问题及改进情况",
            "存在的主要问题及改进措施",
        ),
    ),
    Section(key="other_matters", heading="六、其他需要报告的事项", titles=("其他需要报告的事项",)),
)

# --- Table active ---------------------------------------------------------------

_ISSUED = Column(key="issued", label="本年制发件数")
_REPEALED = Column(key="repealed", label="本年废止件数")
_IN_FORCE = Column(key="in_force", label="现行有效件数", variants=("现行有效件数(历史累计)",))
_DECISIONS_2021 = Column(key="decisions", label="本年处理决定数量")
_FEE_AMOUNT = Column(key="amount", label="本年收费金额（单位：万元）", kind="money", unit="万元")

_MADE = Column(key="made", label="本年新制作数量")
_PUBLISHED = Column(key="published", label="本年新公开数量")
_TOTAL_PUBLIC = Column(key="total_public", label="对外公开总数量")
_ITEMS_LAST_YEAR = Column(key="items_last_year", label="上一年项目数量")
_CHANGE = Column(key="change", label="本年增/减", variants=("本年增减",), kind="signed")
_DECISIONS_2019 = Column(key="decisions", label="处理决定数量")
_PROJECTS = Column(key="projects", label="采购项目数量")
_PROCUREMENT_AMOUNT = Column(key="amount", label="采购总金额", kind="money", unit="元")

_BLOCK_1 = "第二十条第（一）项"
_BLOCK_5 = "第二十条第（五）项"
_BLOCK_6 = "第二十条第（六）项"
_BLOCK_8 = "第二十条第（八）项"
_BLOCK_9 = "第二十条第（九）项"
_ACTIVE_HEADER = ("信息内容",)

_ACTIVE_2021 = Table(
    key="active",
    heading="二、主动公开政府信息情况",
    header_words=_ACTIVE_HEADER,
    rows=(
        Row(key="regulations", label="规章", block=_BLOCK_1, columns=(_ISSUED, _REPEALED, _IN_FORCE)),
        Row(
            key="normative_documents",
            label="行政规范性文件",
            variants=("规范性文件",),
            block=_BLOCK_1,
            columns=(_ISSUED, _REPEALED, _IN_FORCE),
        ),
        Row(key="licensing", label="行政许可", block=_BLOCK_5, columns=(_DECISIONS_2021,)),
        Row(key="penalty", label="行政处罚", block=_BLOCK_6, columns=(_DECISIONS_2021,)),
        Row(key="coercion", label="行政强制", block=_BLOCK_6, columns=(_DECISIONS_2021,)),
        Row(key="fees", label="行政事业性收费", block=_BLOCK_8, columns=(_FEE_AMOUNT,)),
    ),
)

_ITEM_COLUMNS = (_ITEMS_LAST_YEAR, _CHANGE, _DECISIONS_2019)

_ACTIVE_2019 = Table(
    key="active",
    heading="二、主动公开政府信息情况",
    header_words=_ACTIVE_HEADER,
    rows=(
        Row(key="regulations", label="规章", block=_BLOCK_1, columns=(_MADE, _PUBLISHED, _TOTAL_PUBLIC)),
        Row(
            key="normative_documents",
            label="规范性文件",
            block=_BLOCK_1,
            columns=(_MADE, _PUBLISHED, _TOTAL_PUBLIC),
        ),
        Row(key="licensing", label="行政许可", block=_BLOCK_5, columns=_ITEM_COLUMNS),
        Row(key="other_services", label="其他对外管理服务事项", block=_BLOCK_5, columns=_ITEM_COLUMNS),
        Row(key="penalty", label="行政处罚", block=_BLOCK_6, columns=_ITEM_COLUMNS),
        Row(key="coercion", label="行政强制", block=_BLOCK_6, columns=_ITEM_COLUMNS),
        Row(key="fees", label="行政事业性收费", block=_BLOCK_8, columns=(_ITEMS_LAST_YEAR, _CHANGE)),
        Row(
            key="procurement",
            label="政府集中采购",
            block=_BLOCK_9,
            columns=(_PROJECTS, _PROCUREMENT_AMOUNT),
        ),
    ),
)

# --- Table requests ---------------------------------------------------------------

_APPLICANT_COLUMNS = (
    Column(key="natural_person", label="自然人"),
    Column(key="commercial", label="商业企业"),
    Column(key="research", label="科研机构"),
    Column(key="social_welfare", label="社会公益组织"),
    Column(key="legal_services", label="法律服务机构"),
    Column(key="other_org", label="其他"),
)
_REQUEST_COLUMNS = (*_APPLICANT_COLUMNS, Column(key="total", label="总计"))
_APPLICANT_KEYS = tuple(column.key for column in _APPLICANT_COLUMNS)

_RESULTS = "三、本年度办理结果"
_WITHHELD = "（三）不予公开"
_UNAVAILABLE = "（四）无法提供"
_REJECTED = "（五）不予处理"
_OTHER = "（六）其他处理"
_OTHER_ROWS = ("other_no_correction", "other_unpaid_fees", "other_other")


def _request_row(
    key: str,
    label: str,
    *variants: str,
    group: str | None = None,
    optional: bool = False,
    replaces: tuple[str, ...] = (),
) -> Row:
    return Row(
        key=key,
        label=label,
        variants=variants,
        group=group,
        columns=_REQUEST_COLUMNS,
        optional=optional,
        replaces=replaces,
    )


_REQUEST_ROWS_HEAD = (
    _request_row("new", "一、本年新收政府信息公开申请数量"),
    _request_row("carried_over", "二、上年结转政府信息公开申请数量"),
    _request_row("granted", "（一）予以公开", group=_RESULTS),
    _request_row(
        "partially_granted",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "（二）部分公开（区分处理的，只计这一情况，不计其他情况）",
        "（二）部分公开（区分处理的，只计这一情况，不计其他情形）",
        "（二）部分公开",
        group=_RESULTS,
    ),
    _request_row("withheld_state_secret", "1.属于国家秘密", group=_WITHHELD),
    _request_row(
        "withheld_prohibited_by_law",
        "2.其他法律行政法规禁止公开",
        "2.其他法律行政止公开",
        "2.其他法律法规禁止公开",
        group=_WITHHELD,
    ),
    _request_row("withheld_three_safeties", "3.危及“三安全一稳定”", group=_WITHHELD),
    _request_row("withheld_third_party", "4.保护第三方合法权益", group=_WITHHELD),
    _request_row("withheld_internal_affairs", "5.属于三类内部事务信息", "5.属于三类内容事务信息", group=_WITHHELD),
    _request_row("withheld_process_info", "6.属于四类过程性信息", group=_WITHHELD),
    _request_row("withheld_enforcement_files", "7.属于行政执法案卷", group=_WITHHELD),
    _request_row("withheld_query_matters", "8.属于行政查询事项", group=_WITHHELD),
    _request_row("unavailable_not_held", "1.本机关不掌握相关政府信息", group=_UNAVAILABLE),
    _request_row("unavailable_needs_creation", "2.没有现成信息需要另行制作", group=_UNAVAILABLE),
    _request_row("unavailable_unclear", "3.补正后申请内容仍不明确", group=_UNAVAILABLE),
    _request_row("rejected_petition", "1.信访举报投诉类申请", group=_REJECTED),
    _request_row("rejected_repeated", "2.重复申请", group=_REJECTED),
    _request_row("rejected_publications", "3.要求提供公开出版物", group=_REJECTED),
    _request_row("rejected_excessive", "4.无正当理由大量反复申请", group=_REJECTED),
    _request_row("rejected_confirmation", "5.要求行政机关确认或重新出具已获取信息", group=_REJECTED),
)
_REQUEST_ROWS_TAIL = (
    _request_row("outcomes_total", "（七）总计"),
    _request_row("carried_forward", "四、结转下年度继续办理"),
)
_REQUEST_HEADER = (
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    "（本列数据的钩稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    "申请人情况",
    "法人或其他组织",
    *(column.label for column in _REQUEST_COLUMNS),
)
_REQUEST_GROUPS = (_RESULTS, _WITHHELD, _UNAVAILABLE, _REJECTED, _OTHER)

_REQUESTS_2021 = Table(
    key="requests",
    heading="三、收到和处理政府信息公开申请情况",
    header_words=_REQUEST_HEADER,
    groups=_REQUEST_GROUPS,
    rows=(
        *_REQUEST_ROWS_HEAD,
        _request_row(
            "other_no_correction",
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            group=_OTHER,
        ),
        _request_row(
            "other_unpaid_fees",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            group=_OTHER,
        ),
        _request_row("other_other", "3.其他", group=_OTHER),
        # The hybrid seen in real 2021 reports: （六）其他处理 printed as one row.
        _request_row("other_handling", _OTHER, optional=True, replaces=_OTHER_ROWS),
        *_REQUEST_ROWS_TAIL,
    ),
)

_REQUESTS_2019 = Table(
    key="requests",
    heading="三、收到和处理政府信息公开申请情况",
    header_words=_REQUEST_HEADER,
    groups=_REQUEST_GROUPS,
    rows=(*_REQUEST_ROWS_HEAD, _request_row("other_handling", _OTHER), *_REQUEST_ROWS_TAIL),
)

# --- Table appeals (both formats) --------------------------------------------------

_APPEAL_COLUMNS = (
    Column(key="upheld", label="结果维持"),
    Column(key="corrected", label="结果纠正"),
    Column(key="other", label="其他结果"),
    Column(key="pending", label="尚未审结"),
    Column(key="total", label="总计"),
)

_APPEALS = Table(
    key="appeals",
    heading="四、政府信息公开行政复议、行政诉讼情况",
    header_words=(
        "行政复议",
        "行政诉讼",
        "未经复议直接起诉",
        "复议后起诉",
        *(c.label for c in _APPEAL_COLUMNS),
    ),
    rows=(
        Row(key="review", label="行政复议", columns=_APPEAL_COLUMNS),
        Row(key="litigation_direct", label="未经复议直接起诉", columns=_APPEAL_COLUMNS),
        Row(key="litigation_after_review", label="复议后起诉", columns=_APPEAL_COLUMNS),
    ),
)

# --- Identities (FORMAT.md §3) ---------------------------------------------------------


def _identities(outcome_rows: tuple[str, ...]) -> tuple[Identity, ...]:
    return (
        Identity(
            code="balance",
            table="requests",
            axis="column",
            total=("new", "carried_over"),
            parts=("outcomes_total", "carried_forward"),
            description="第一项加第二项之和，等于第三项加第四项之和: new + carried_over == "
            "outcomes_total + carried_forward, in every column",
        ),
        Identity(
            code="outcomes-sum",
            table="requests",
            axis="column",
            total=("outcomes_total",),
            parts=outcome_rows,
            description="（七）总计 equals the sum of every outcome row, in every column",
        ),
        Identity(
            code="row-total",
            table="requests",
            axis="row",
            total=("total",),
            parts=_APPLICANT_KEYS,
            description="总计 equals the sum of the six applicant columns, in every row",
        ),
        Identity(
            code="appeals-total",
            table="appeals",
            axis="row",
            total=("total",),
            parts=("upheld", "corrected", "other", "pending"),
            description="总计 equals 结果维持 + 结果纠正 + 其他结果 + 尚未审结, in each group",
        ),
    )


def _outcome_rows(table: Table) -> tuple[str, ...]:
    keys = [row.key for row in table.rows]
    return tuple(keys[keys.index("granted") : keys.index("outcomes_total")])


FORMATS: Mapping[FormatVersion, Format] = MappingProxyType(
    {
        "2019": Format(
            version="2019",
            document="《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）",
            tables=(_ACTIVE_2019, _REQUESTS_2019, _APPEALS),
            identities=_identities(_outcome_rows(_REQUESTS_2019)),
            markers=(
                "本年新制作数量",
                "本年新公开数量",
                "对外公开总数量",
                "上一年项目数量",
                "本年增/减",
                "其他对外管理服务事项",
                "第二十条第（九）项",
                "政府集中采购",
                "国办公开办函〔2019〕60号",
            ),
        ),
        "2021": Format(
            version="2021",
            document="《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）",
            tables=(_ACTIVE_2021, _REQUESTS_2021, _APPEALS),
            # other_handling stands in for the three other_* rows when a hybrid report prints it;
            # the checks substitute it through Row.replaces.
            identities=_identities(tuple(k for k in _outcome_rows(_REQUESTS_2021) if k != "other_handling")),
            markers=(
                "本年制发件数",
                "本年废止件数",
                "现行有效件数",
                "本年收费金额（单位：万元）",
                "行政规范性文件",
                "逾期未按收费通知要求缴纳费用",
                "国办公开办函〔2021〕30号",
            ),
        ),
    }
)

#: The national form's title, spaces removed: {机关名称}{YYYY}年政府信息公开工作年度报告, with the
#: spellings met in the wild (年度, without 政府 or 工作, a bracketed note after 报告).
TITLE = (
    r"^(?P<agency>.*?)(?P<year>(?:19|20)\d{2})年度?(?:政府)?信息公开(?:工作)?年度?报告"
    r"(?:[（(][^（()）]*[)）])?$"
)
_TITLE = re.compile(TITLE)
# A title as the model holds it has no spaces, no control characters and no escape mark (`ESCAPE`).
_NOT_IN_TITLE = re.compile(r"[\s\x00-\x1f\x7f]")


def read_title(title: str) -> tuple[str | None, int] | None:
    """The agency (``None`` when the title names none) and year a national-form *title* names, or ``None``.

    A title with a space, a control character or the escape mark in it names nothing.
    """
    found = _TITLE.match(title)
    if found is None or _NOT_IN_TITLE.search(title) or ESCAPE in title:
        return None
    return found.group("agency") or None, int(found.group("year"))


def compose_title(agency: str | None, year: int) -> str:
    """The national form's title for *agency* and *year*."""
    return f"{agency or ''}{year}年政府信息公开工作年度报告"


#: How a sub-heading of 一、总体情况 opens: （一）, (一), 一、 or 一 followed by a space.
SUBHEADING = (
    r"^\s*(?:[（(]\s*[一二三四五六七八九十]{1,2}\s*[)）]"
    r"|[一二三四五六七八九十]{1,2}\s*[、.．]"
    r"|[一二三四五六七八九十](?=\s+\S))"
)
#: A sub-heading is at most this long; it ends at the first 。 or ： (the paragraph may run on after it).
MAX_SUBHEADING = 30
#: Written before a narrative line that would otherwise be read as structure (a heading, a
#: sub-heading, page furniture, a title); the parser drops it and takes the line as prose.
ESCAPE = "\u200b"

#: Headings and captions of the pre-2019 reports, which are refused.
PRE_2019_MARKERS: tuple[str, ...] = ("概述", "依申请公开政府信息情况", "收费及减免", "指标名称", "计量单位")

#: Traditional characters met in the labels, mapped to their simplified forms.
TRADITIONAL: Mapping[str, str] = MappingProxyType(
    dict(
        zip(
            "總計組織開發請數結轉處決規範許強製廢現項條費額單萬內資國護權務類過執應無關補確訪報舉訴複復議維"
            "糾審經據證錄產業機構會與預購採況門個為對辦當聯區號網頁屬險穩際繳納難說實時間義體戶檔劃詢問題進"
            "後於從將樣讀環節點導鈎勾協調統這種項屆級轄歷舊來現齊愛徵紅藥禁營稅價傳務廣"
            "獲繼續罰訟係沒覆祕縣鎮鄉廳專醫療財認記設識論誤錯顯",
            "总计组织开发请数结转处决规范许强制废现项条费额单万内资国护权务类过执应无关补确访报举诉复复议维"
            "纠审经据证录产业机构会与预购采况门个为对办当联区号网页属险稳际缴纳难说实时间义体户档划询问题进"
            "后于从将样读环节点导钩勾协调统这种项届级辖历旧来现齐爱征红药禁营税价传务广"
            "获继续罚讼系没复秘县镇乡厅专医疗财认记设识论误错显",
            strict=True,
        )
    )
)
