#!/usr/bin/env python3
"""Generate the second red-team round's hostile fixtures (issue #16, item 6).

Usage:  python3 Scripts/make-hostile-fixtures.py

Writes small files (workbooks built with zipfile, in the same raw style and with the same
helpers as Scripts/make-fixtures.py, and YAML files written as text) into
Tests/XLSXReaderTests/Fixtures/bad/ when the reader itself must refuse them (every file there
is refused: JapaneseMessageTests checks so), else into Tests/XLSXReaderTests/Fixtures/hostile/
(mapping files, profiles, and workbooks the reader reads but kpisheet must judge).
Deterministic, so running it twice leaves `git status` clean. Large cases (over a megabyte,
or many entries) are made by the tests themselves, in a scratch folder.

Each case: the file, what it attacks, what kpisheet must do. The tests are
Tests/XLSXReaderTests/HostileInputTests.swift and
Tests/KPISheetCLITests/HostileInputCommandTests.swift.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("make_fixtures", ROOT / "Scripts" / "make-fixtures.py")
mf = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(mf)

BAD = mf.BAD
HOSTILE = mf.FIX / "hostile"
CASES: list[tuple[Path, str, str]] = []


def case(name: str, attacks: str, expect: str, refused_by_reader: bool = False) -> Path:
    path = (BAD if refused_by_reader else HOSTILE) / name
    CASES.append((path, attacks, expect))
    return path


def inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{mf.esc(text)}</t></is></c>'


def number(ref: str, value) -> str:
    return f'<c r="{ref}"><v>{value}</v></c>'


def kpi_sheet(replace: dict[str, str] | None = None) -> str:
    """A wide KPI table (layout D: one row per KPI, three fiscal years of 目標 / 実績 /
    事業費 side by side) with two projects and three KPIs; `replace` swaps a cell's XML by
    its reference."""
    rows: dict[int, list[str]] = {
        2: [inline("B2", "地域再生計画に係る重要業績評価指標（ＫＰＩ）の達成状況")],
        4: [inline("B4", "事業名"), inline("C4", "指標名"), inline("D4", "単位"),
            inline("E4", "事業開始前（現時点）"), inline("F4", "令和3年度"), inline("I4", "令和4年度"),
            inline("L4", "令和5年度"), inline("O4", "累計")],
        5: [inline(f"{c}5", t) for c, t in zip("FGHIJKLMN", ["目標", "実績", "事業費（単位：千円）"] * 3)],
        6: [inline("B6", "関係人口創出・移住定住促進事業"), inline("C6", "移住相談件数"), inline("D6", "件")]
           + [number(f"{c}6", v) for c, v in zip("EFGHIJKLMNO", [48, 60, 65, 6314, 70, 72, 7020, 80, 91, 6880, 228])],
        7: [inline("C7", "市外からの転入超過数"), inline("D7", "人")]
           + [number(f"{c}7", v) for c, v in zip("EFGIJLMO", [-35, 0, -12, 10, 4, 20, -3, -11])],
        8: [inline("B8", "観光ＤＸによる周遊促進事業"), inline("C8", "観光消費額"), inline("D8", "千円")]
           + [number(f"{c}8", v) for c, v in zip(
               "EFGHIJKLMNO", [1250000, 1300000, 1180500, 12500, 1350000, 1362800, 15800, 1400000,
                               1415300, 14200, 3958600])],
    }
    replace = replace or {}
    body = ""
    for r, cells in rows.items():
        out = []
        for cell in cells:
            ref = cell.split('"')[1]
            out.append(replace.get(ref, cell))
        body += f'<row r="{r}">{"".join(out)}</row>'
    merges = '<mergeCells count="3"><mergeCell ref="F4:H4"/><mergeCell ref="I4:K4"/><mergeCell ref="L4:N4"/></mergeCells>'
    return mf.sheet_xml(body, after=merges)


def kpi_book(sheet: str, name="地域再生計画KPI", styles=None) -> list:
    sheets = [dict(name=name, target="worksheets/sheet1.xml", part="xl/worksheets/sheet1.xml", xml=sheet)]
    return mf.raw_package(sheets, None, styles if styles is not None else mf.styles_xml())


def make_workbooks() -> None:
    body = '<row r="1"><c r="A1"><v>1</v></c></row>'

    p = case("hostile-sheets-share-part.xlsx",
             "two sheets, KPI and コピー, whose relationships both name xl/worksheets/sheet1.xml",
             "error naming xl/workbook.xml and both sheets (reading the part twice would count its KPIs twice)",
             refused_by_reader=True)
    sheets = [dict(name="KPI", target="worksheets/sheet1.xml", part="xl/worksheets/sheet1.xml",
                   xml=mf.sheet_xml(body)),
              dict(name="コピー", target="worksheets/sheet1.xml", part="xl/worksheets/sheet1.xml", xml=None)]
    mf.write_zip(p, mf.raw_package(sheets, None, mf.styles_xml()))

    p = case("hostile-docx-renamed.xlsx", "a Word document (word/document.xml, its own relationships) named .xlsx",
             "error: this is a Word document (.docx), not an Excel workbook (it was: the workbook's "
             "relationships part is missing)", refused_by_reader=True)
    rt = mf.TRANSITIONAL["rt"]
    mf.write_zip(p, [
        ("[Content_Types].xml", mf.content_types_xml([])),
        ("_rels/.rels", mf.rels_xml([("rId1", rt + "officeDocument", "word/document.xml")])),
        ("word/document.xml", '<w:document xmlns:w="http://schemas.openxmlformats.org/'
                              'wordprocessingml/2006/main"><w:body/></w:document>'),
    ])

    p = case("hostile-ampersand-attributes.xlsx",
             "& in attribute values: the sheet name R&amp;D &amp;#38; and a number format "
             "0&quot;&amp;&quot; (libxml2 hands each & of an attribute over as &#38;)",
             "the sheet is named \"R&D &#38;\"; A1 number 5 fmt=0\"&\"")
    styles = (f'<styleSheet xmlns="{mf.TRANSITIONAL["main"]}"><numFmts count="1">'
              '<numFmt numFmtId="164" formatCode="0&quot;&amp;&quot;"/></numFmts>'
              '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>')
    sheets = [dict(name="R&D &#38;", target="worksheets/sheet1.xml", part="xl/worksheets/sheet1.xml",
                   xml=mf.sheet_xml('<row r="1"><c r="A1" s="1"><v>5</v></c></row>'))]
    mf.write_zip(p, mf.raw_package(sheets, None, styles))

    p = case("hostile-kpi-base.xlsx", "the valid wide KPI table the other hostile-kpi-* files change",
             "extract: 2 projects, 3 KPIs; 移住相談件数 FY2021 target 60 actual 65")
    mf.write_zip(p, kpi_book(kpi_sheet()))

    p = case("hostile-kpi-ampersand.xlsx", "hostile-kpi-base.xlsx with its sheet named R&D *1",
             "read through hostile-mapping-ampersand.yaml: 3 KPIs")
    mf.write_zip(p, kpi_book(kpi_sheet(), name="R&D *1"))

    p = case("hostile-kpi-cell-values.xlsx",
             "KPI value cells holding what is no number: G6 the error #DIV/0! (t=\"e\"), I6 the boolean "
             "TRUE (t=\"b\"), J6 a date (serial 44286 with format yyyy/m/d)",
             "extract exits 65 and names each cell with its stored value; never read as empty or 0")
    styles = mf.styles_xml(xf_fmt_ids=(0, 14))
    mf.write_zip(p, kpi_book(kpi_sheet({
        "G6": '<c r="G6" t="e"><v>#DIV/0!</v></c>',
        "I6": '<c r="I6" t="b"><v>1</v></c>',
        "J6": '<c r="J6" s="1"><v>44286</v></c>',
    }), styles=styles))

    p = case("hostile-kpi-error-names.xlsx",
             "names and units that are Excel error values, as a failed =VLOOKUP leaves them: the "
             "project name B6 #N/A (t=\"e\"), the KPI name C7 #REF! (t=\"e\"), the unit D8 "
             "#VALUE! typed as text",
             "extract exits 65 naming each cell (they were read as the names \"#N/A\" and "
             "\"#REF!\" and the unit \"#VALUE!\", in silence)")
    mf.write_zip(p, kpi_book(kpi_sheet({
        "B6": '<c r="B6" t="e"><v>#N/A</v></c>',
        "C7": '<c r="C7" t="e"><v>#REF!</v></c>',
        "D8": inline("D8", "#VALUE!"),
    })))

    p = case("hostile-kpi-escapes.xlsx",
             "an actual value holding ESC ] 0 ; … BEL and ESC [ 31 m (a terminal title and colour, "
             "written as _x001B_ / _x0007_ escapes) and a 200,000-character value",
             "one line per error, control characters shown as \\x1B / \\x07, the long value cut in "
             "the middle; the place and the reason stay")
    mf.write_zip(p, kpi_book(kpi_sheet({
        "G6": inline("G6", "_x001B_]0;PWNED_x0007__x001B_[31m12,O00_x001B_[0m"),
        "J6": inline("J6", "9" * 100_000 + "人人" + "9" * 100_000),
    })))


# A mapping file a user would write for hostile-kpi-base.xlsx, before the hostile lines.
MAPPING_HEAD = """sheet: 地域再生計画KPI
layout: wide
header-row: 4
"""


def laughs(key: str, depth: int = 9) -> str:
    """Nested aliases: each level lists the one below ten times (10^depth leaves)."""
    lines = [f"{key}:", "  - &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, depth + 1):
        lines.append(f"  - &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    return "\n".join(lines) + "\n"


def make_yaml() -> None:
    def write(name: str, attacks: str, expect: str, data: str | bytes) -> None:
        p = case(name, attacks, expect)
        p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)

    write("hostile-mapping-laughs.yaml", "a mapping file whose years list nests aliases 9 deep "
          "(10^9 values once expanded; the key check walked them all)",
          "exit 65 at once naming line 5: anchors and aliases are not accepted",
          "sheet: 地域再生計画KPI\nlayout: rows\nheader-row: 4\n" + laughs("years"))
    write("hostile-mapping-alias-key.yaml", "aliases used as mapping keys (Yams hashes each key "
          "to find duplicates, walking the whole aliased tree)",
          "exit 65 naming line 2 (the anchor), before Yams composes anything",
          "x:\n  - &a0 [x, x, x]\ny: {*a0 : 1}\n")
    write("hostile-mapping-not-utf8.yaml", "a mapping file saved as Shift_JIS (the sheet name)",
          "exit 65: line 1 is not UTF-8 (never a sheet name with U+FFFD in it)",
          "sheet: 地域再生計画KPI\nlayout: wide\nheader-row: 4\n".encode("shift_jis"))
    write("hostile-mapping-list.yaml", "a mapping file that is a YAML list",
          "exit 65: not a mapping of keys to values (a list)", "- sheet: KPI\n- layout: wide\n")
    write("hostile-mapping-duplicate-key.yaml", "the key sheet given twice",
          "exit 65: the key sheet is given twice, one line", MAPPING_HEAD + "sheet: Other\n")
    write("hostile-mapping-ampersand.yaml", "& and * inside a quoted value, a plain value and "
          "comments, none of them an anchor or alias; it maps hostile-kpi-ampersand.xlsx",
          "reads the sheet \"R&D *1\": 3 KPIs", """sheet: "R&D *1"   # & and * in a comment
layout: wide
header-row: 5
last-row: 8
columns: {project: B, kpi: C, unit: D, baseline: E}   # *E is no alias here
years:
  - {year: 令和3年度, target: F, actual: G}
  - {year: 令和4年度, target: I, actual: J}
  - {year: 令和5年度, target: L, actual: M}
""")
    write("hostile-profile-laughs.yaml", "a profile of nested aliases under unknown keys",
          "exit 65 naming line 3 (the first anchor): anchors and aliases are not accepted",
          "municipality: 宇部市\n" + laughs("a"))
    write("hostile-profile-control.yaml", "a municipality name with ESC [ 2 J (clear the screen)",
          "exit 65 naming the profile and the key: contains the control character U+1B",
          'municipality: "宇部\\e[2J市"\n')
    write("hostile-profile-typo.yaml", "the key municipality misspelt (municipalty)",
          "exit 65: unknown key municipalty, with the keys there are (it was ignored, and the report "
          "went out without the name)", "municipalty: 宇部市\nprefecture: 山口県\n")
    write("hostile-profile-not-utf8.yaml", "a profile saved as Shift_JIS",
          "exit 65: line 1 is not UTF-8 (the name was read with U+FFFD in it, and the report "
          "written)", "municipality: 宇部市\nprefecture: 山口県\n".encode("shift_jis"))


def main() -> int:
    HOSTILE.mkdir(parents=True, exist_ok=True)
    make_workbooks()
    make_yaml()
    for path, attacks, expect in CASES:
        size = path.stat().st_size
        assert size < 100_000, (path, size)
        print(f"{path.relative_to(mf.FIX)}: {attacks} — {expect}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
