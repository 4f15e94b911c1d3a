"""The XML Schema of the XML form, built from the catalog so that it cannot drift.

The package ships the result as ``gia_report/data/report.xsd``; a test holds
the shipped file equal to `xml_schema()`. The two formats' ``active`` tables
hold different columns under the same row names, so ``active`` carries
``xsi:type="gia:Active2021"`` or ``"gia:Active2019"``, the XSD way of giving one
element two content models.
"""

from __future__ import annotations

from html import escape

from ..catalog import FORMATS, Column, Row, Table

__all__ = ["NAMESPACE", "xml_schema"]

NAMESPACE = "urn:gia-report:report:1"

_CELL = """  <xs:complexType name="{kind}Cell">
    <xs:simpleContent>
      <xs:extension base="gia:{kind}"><xs:attribute name="label" type="xs:string"/></xs:extension>
    </xs:simpleContent>
  </xs:complexType>
"""

_SIMPLE_TYPES = """
  <xs:simpleType name="blank">
    <xs:restriction base="xs:string"><xs:length value="0"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="count">
    <xs:annotation>
      <xs:documentation>A whole number ≥ 0, or empty for a cell printed blank.</xs:documentation>
    </xs:annotation>
    <xs:union memberTypes="xs:nonNegativeInteger gia:blank"/>
  </xs:simpleType>
  <xs:simpleType name="signed">
    <xs:annotation><xs:documentation>A whole number (2019 本年增/减), or empty.</xs:documentation></xs:annotation>
    <xs:union memberTypes="xs:integer gia:blank"/>
  </xs:simpleType>
  <xs:simpleType name="plainDecimal">
    <xs:restriction base="xs:decimal"><xs:pattern value="[0-9]+(\\.[0-9]+)?"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="money">
    <xs:annotation><xs:documentation>An amount ≥ 0 in the column's unit, or empty.</xs:documentation></xs:annotation>
    <xs:union memberTypes="gia:plainDecimal gia:blank"/>
  </xs:simpleType>
{cells}
  <xs:complexType name="paragraphs">
    <xs:sequence><xs:element name="p" type="xs:string" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
    <xs:attribute name="label" type="xs:string"/>
  </xs:complexType>
  <xs:complexType name="Active" abstract="true">
    <xs:attribute name="label" type="xs:string"/>
  </xs:complexType>""".replace(
    "{cells}", "".join(_CELL.format(kind=kind) for kind in ("count", "signed", "money")).rstrip("\n")
)


def _cell(column: Column) -> str:
    kind = {"count": "countCell", "signed": "signedCell", "money": "moneyCell"}[column.kind]
    return f'<xs:element name="{column.key}" type="gia:{kind}"/>'


def _row(row: Row, optional: bool = False) -> str:
    cells = "".join(_cell(column) for column in row.columns)
    occurs = ' minOccurs="0"' if optional else ""
    return (
        f'<xs:element name="{row.key}"{occurs}><xs:annotation><xs:documentation>{row.label}</xs:documentation>'
        f"</xs:annotation><xs:complexType><xs:sequence>{cells}</xs:sequence>"
        '<xs:attribute name="label" type="xs:string"/></xs:complexType></xs:element>'
    )


def _active(version: str, table: Table) -> str:
    rows = "\n          ".join(_row(row) for row in table.rows)
    return f"""
  <xs:complexType name="Active{version}">
    <xs:complexContent>
      <xs:extension base="gia:Active">
        <xs:sequence>
          {rows}
        </xs:sequence>
      </xs:extension>
    </xs:complexContent>
  </xs:complexType>"""


def _requests() -> str:
    table = FORMATS["2021"].table("requests")
    one_row = table.row("other_handling")
    parts: list[str] = []
    for row in table.rows:
        if row.key in one_row.replaces:
            if row.key == one_row.replaces[0]:
                three = "".join(_row(table.row(key)) for key in one_row.replaces)
                parts.append(f"<xs:choice><xs:sequence>{three}</xs:sequence>{_row(one_row)}</xs:choice>")
            continue
        if row is not one_row:
            parts.append(_row(row))
    rows = "\n        ".join(parts)
    return f"""
  <xs:complexType name="Requests">
    <xs:sequence>
        {rows}
    </xs:sequence>
    <xs:attribute name="label" type="xs:string"/>
  </xs:complexType>"""


def _appeals() -> str:
    rows = "".join(_row(row) for row in FORMATS["2021"].table("appeals").rows)
    return f"""
  <xs:complexType name="Appeals">
    <xs:sequence>{rows}</xs:sequence>
    <xs:attribute name="label" type="xs:string"/>
  </xs:complexType>"""


def xml_schema() -> str:
    """The XML Schema (XSD 1.0) of `gia_report.dumps(report, "xml")`.

    .. versionadded:: 0.1
    """
    actives = "".join(_active(version, spec.table("active")) for version, spec in FORMATS.items())
    # html.escape, not xml.sax.saxutils: that module pulls urllib, http and email into import gia_report.
    versions = "".join(f'<xs:enumeration value="{escape(version, quote=True)}"/>' for version in FORMATS)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated from gia_report/catalog.py by gia_report.serializing.xml_schema(); do not edit by hand. -->
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:gia="{NAMESPACE}"
           targetNamespace="{NAMESPACE}" elementFormDefault="qualified">
  <xs:annotation>
    <xs:documentation>A government information-disclosure annual report (政府信息公开工作年度报告), as gia_report
      writes it. Element names are the public keys table/row/column; the Chinese labels ride along as label
      attributes for people; an empty cell element is a cell printed blank.</xs:documentation>
  </xs:annotation>
{_SIMPLE_TYPES}{actives}{_requests()}{_appeals()}
  <xs:element name="report">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="title" type="xs:string" minOccurs="0"/>
        <xs:element name="preamble" type="gia:paragraphs"/>
        <xs:element name="overview">
          <xs:complexType>
            <xs:sequence>
              <xs:element name="p" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>
              <xs:element name="subsection" minOccurs="0" maxOccurs="unbounded">
                <xs:complexType>
                  <xs:sequence><xs:element name="p" type="xs:string" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
                  <xs:attribute name="heading" type="xs:string" use="required"/>
                </xs:complexType>
              </xs:element>
            </xs:sequence>
            <xs:attribute name="label" type="xs:string"/>
          </xs:complexType>
        </xs:element>
        <xs:element name="active" type="gia:Active"/>
        <xs:element name="requests" type="gia:Requests"/>
        <xs:element name="appeals" type="gia:Appeals"/>
        <xs:element name="problems" type="gia:paragraphs"/>
        <xs:element name="other_matters" type="gia:paragraphs"/>
      </xs:sequence>
      <xs:attribute name="format_version" use="required">
        <xs:simpleType><xs:restriction base="xs:string">{versions}</xs:restriction></xs:simpleType>
      </xs:attribute>
      <xs:attribute name="agency" type="xs:string"/>
      <xs:attribute name="year" type="xs:integer"/>
    </xs:complexType>
  </xs:element>
</xs:schema>
"""
