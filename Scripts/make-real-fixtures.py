#!/usr/bin/env python3
"""Rebuilds KPI tables that Japanese municipalities published as workbooks, with the records each must read as.

    python3 Scripts/make-real-fixtures.py     # rewrites Tests/KPIImportTests/Fixtures/real/*
                                              # (and real-errors/*: tables that must be refused)

Why: the layouts in shared/spec/input-layouts.md were drawn from a handful of sheets; the section
"What real sheets do, whatever their layout" lists what published tables do besides. Each fixture
here takes the figures of one table a municipality or prefecture published (効果検証シート,
KPI評価シート, 施策マネジメントシート, 事業実施結果報告, 総合戦略の進捗表), as the public text
of the document shows them, and draws them the way an officer keeps such a table in Excel:
title rows, a header block over two or three merged rows, 方眼紙 merges, spacer columns, wrapped
labels and notes under the table.

Every fixture is ONE data structure below (FIXTURES), with a comment naming its source (the
municipality, the document and the address the text was found at). A figure is written once, as
the pair (what the cell shows, what records.md reads it as); the drawing puts the first in the
workbook and the expected records take the second. Nothing here parses a cell the way a reader
will, and nothing is taken from kpisheet's output. The expected records leave out `source`
(the reader's test compares records with sources stripped).

Writers: openpyxl 3.1.5 for most, XlsxWriter 3.3.1 for the fixtures marked writer="xlsxwriter".
Files are deterministic: fixed document properties and times, fixed zip entry times.
Every expected file is validated against shared/spec/records.schema.json (jsonschema) when
jsonschema is installed, and every workbook is reopened with openpyxl and, when installed,
python-calamine (both must see the same non-empty cells).
"""

import datetime
import io
import json
import re
import sys
import zipfile
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import column_index_from_string, get_column_letter, range_boundaries

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests" / "KPIImportTests" / "Fixtures" / "real"
SCHEMA_CANDIDATES = [ROOT / "shared" / "spec" / "records.schema.json",
                     ROOT.parent / "shared" / "spec" / "records.schema.json",
                     ROOT / "Tests" / "Schema" / "records.schema.json"]

FIXED_TIME = datetime.datetime(2024, 4, 1, 0, 0, 0)
FIXED_ZIP_TIME = (2024, 4, 1, 9, 0, 0)
FIXED_STAMP = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
AUTHOR = "kpisheet Scripts/make-real-fixtures.py"
FONT_NAME = "ＭＳ 明朝"
HEADER_FILL = "DDEBF7"


# ---------------------------------------------------------------------------------------------
# A writer-independent grid: cells with a value, a number format and a few styles; merges.


class Grid:
    def __init__(self, name):
        self.name = name
        self.cells = {}      # (row, col) -> dict(value, fmt, bold, fill, h, wrap, border, size)
        self.merges = []     # (min_col, min_row, max_col, max_row)
        self.widths = {}     # column letter -> width
        self.heights = {}    # row -> height

    def put(self, ref, value, *, merge=None, fmt=None, bold=False, fill=False, h="left",
            wrap=True, border=True, size=10):
        """Writes value at ref; merges ref:merge; every cell of the range gets the style."""
        rng = f"{ref}:{merge}" if merge else ref
        c1, r1, c2, r2 = range_boundaries(rng)
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                self.cells[(r, c)] = dict(value=None, fmt=None, bold=bold, fill=fill, h=h,
                                          wrap=wrap, border=border, size=size)
        top = self.cells[(r1, c1)]
        top["value"] = value
        top["fmt"] = fmt
        if merge:
            self.merges.append((c1, r1, c2, r2))

    def head(self, ref, value, merge=None):
        """A header cell: bold, filled, centred, bordered."""
        self.put(ref, value, merge=merge, bold=True, fill=True, h="center")

    def title(self, ref, value, merge=None, size=14):
        self.put(ref, value, merge=merge, bold=True, border=False, wrap=False, size=size)

    def note(self, ref, value, merge=None):
        self.put(ref, value, merge=merge, border=False)

    def width(self, **cols):
        self.widths.update(cols)


def ref(col, row):
    """ref(3, 5) -> 'C5'; col may be a letter."""
    if isinstance(col, str):
        col = column_index_from_string(col)
    return f"{get_column_letter(col)}{row}"


def render_openpyxl(grids, path):
    wb = Workbook()
    wb.remove(wb.active)
    props = wb.properties
    props.creator = props.lastModifiedBy = AUTHOR
    props.created = props.modified = FIXED_TIME
    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    fill = PatternFill("solid", fgColor=HEADER_FILL)
    for g in grids:
        ws = wb.create_sheet(g.name)
        ws.sheet_view.showGridLines = False
        for col, width in g.widths.items():
            ws.column_dimensions[col].width = width
        for row, height in g.heights.items():
            ws.row_dimensions[row].height = height
        for (r, c), s in sorted(g.cells.items()):
            cell = ws.cell(row=r, column=c)
            cell.font = Font(name=FONT_NAME, size=s["size"], bold=s["bold"])
            cell.alignment = Alignment(horizontal=s["h"], vertical="center", wrap_text=s["wrap"])
            if s["border"]:
                cell.border = box
            if s["fill"]:
                cell.fill = fill
        for (c1, r1, c2, r2) in g.merges:
            ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
        for (r, c), s in sorted(g.cells.items()):
            if s["value"] is not None:
                cell = ws.cell(row=r, column=c)
                cell.value = s["value"]
                if s["fmt"]:
                    cell.number_format = s["fmt"]
    raw = io.BytesIO()
    wb.save(raw)
    restamp(raw.getvalue(), path)


def render_xlsxwriter(grids, path):
    import xlsxwriter
    raw = io.BytesIO()
    wb = xlsxwriter.Workbook(raw, {"in_memory": True})
    wb.set_properties({"author": AUTHOR, "created": FIXED_TIME})
    formats = {}

    def fmt_for(s):
        key = (s["fmt"], s["bold"], s["fill"], s["h"], s["wrap"], s["border"], s["size"])
        if key not in formats:
            spec = {"font_name": FONT_NAME, "font_size": s["size"], "bold": s["bold"],
                    "align": s["h"], "valign": "vcenter", "text_wrap": s["wrap"]}
            if s["border"]:
                spec["border"] = 1
            if s["fill"]:
                spec["bg_color"] = "#" + HEADER_FILL
                spec["pattern"] = 1
            if s["fmt"]:
                spec["num_format"] = s["fmt"]
            formats[key] = wb.add_format(spec)
        return formats[key]

    def write(ws, r, c, s):
        v, f = s["value"], fmt_for(s)
        if v is None:
            ws.write_blank(r, c, None, f)
        elif isinstance(v, (datetime.date, datetime.datetime)):
            ws.write_datetime(r, c, v, f)
        elif isinstance(v, str):
            ws.write_string(r, c, v, f)
        else:
            ws.write_number(r, c, v, f)

    for g in grids:
        ws = wb.add_worksheet(g.name)
        ws.hide_gridlines(2)
        for col, width in g.widths.items():
            i = column_index_from_string(col) - 1
            ws.set_column(i, i, width)
        for row, height in g.heights.items():
            ws.set_row(row - 1, height)
        covered = set()
        for (c1, r1, c2, r2) in g.merges:
            s = g.cells[(r1, c1)]
            if isinstance(s["value"], (int, float, datetime.date)):
                ws.merge_range(r1 - 1, c1 - 1, r2 - 1, c2 - 1, None, fmt_for(s))
                write(ws, r1 - 1, c1 - 1, s)
            else:
                ws.merge_range(r1 - 1, c1 - 1, r2 - 1, c2 - 1, s["value"] or "", fmt_for(s))
            covered.update((r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1))
        for (r, c), s in sorted(g.cells.items()):
            if (r, c) not in covered:
                write(ws, r - 1, c - 1, s)
    wb.close()
    restamp(raw.getvalue(), path)


def restamp(data, path):
    """Rewrites a workbook archive with fixed zip entry times and fixed document times."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            part = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                part = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)",
                              rb"\g<1>" + FIXED_STAMP.encode() + rb"\g<2>", part)
            if info.filename == "docProps/app.xml":
                part = re.sub(rb"<TotalTime>[^<]*</TotalTime>", b"<TotalTime>0</TotalTime>", part)
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, part)
    path.write_bytes(out.getvalue())


# ---------------------------------------------------------------------------------------------
# The data model every fixture is written in.
#
# A figure is a pair Q(shown, value): `shown` is what the cell holds (text, or a number whose
# number format is given by fmt), `value` what records.md reads it as (None for null).
# A KPI is a dict:
#   name    the KPI's name in the records; cell: the KPI cell as drawn when it differs (line breaks)
#   unit    the unit in the records (NFKC, multiplier applied), or None
#   values  {fiscalYear: (target Q, actual Q[, due text])}, drawn per fixture
#   baseline / final: Q, and final_year the final target's fiscal year (or None)
#   grade   a per-KPI grade as written
# A project is a dict: name, kpis, and optional no, department, grantType, cost {fy: Q}, unit_cost,
# evaluation {...} (records' own keys), period.


def Q(shown, value, fmt=None):
    return (shown, value, fmt)


DASH = Q("-", None)
BLANK = Q(None, None)


def put_q(g, at, q, **style):
    shown, _, fmt = q
    g.put(at, shown, fmt=fmt, **style)


def kpi_record(no, k):
    rec = {"no": no, "name": k["name"]}
    if k.get("unit") is not None:
        rec["unit"] = k["unit"]
    if k.get("baseline") is not None and k["baseline"][1] is not None:
        rec["baseline"] = k["baseline"][1]
    if k.get("final") is not None and (k["final"][1] is not None or k.get("final_blank")):
        # final_blank: a 目標（年度） column left empty still says the target's year.
        rec["finalTarget"] = {"fiscalYear": k.get("final_year"), "value": k["final"][1]}
    if k.get("grade") is not None:
        rec["grade"] = k["grade"]
    if k.get("direction") is not None:  # only where the sheet says so (ダウン)
        rec["direction"] = k["direction"]
    values = []
    for fy in sorted(k.get("values", {})):
        entry = k["values"][fy]
        v = {"fiscalYear": fy, "target": entry[0][1], "actual": entry[1][1]}
        if len(entry) > 2 and entry[2] is not None:
            v["due"] = entry[2]
        values.append(v)
    rec["values"] = values
    return rec


def project_record(p):
    rec = {}
    if p.get("no") is not None:
        rec["no"] = p["no"]
    rec["name"] = p["name"]
    for key in ("department", "grantType", "period", "overview"):
        if p.get(key) is not None:
            rec[key] = p[key]
    years = set()
    for k in p["kpis"]:
        years.update(k.get("values", {}).keys())
    costs = p.get("cost", {})
    years.update(fy for fy, q in costs.items() if q[1] is not None)
    rec["years"] = []
    for fy in sorted(years):
        y = {"fiscalYear": fy}
        if fy in costs and costs[fy][1] is not None:
            y["cost"] = {"value": costs[fy][1]}
            if p.get("cost_unit") is not None:  # 実績額 with no unit anywhere: none is made up
                y["cost"]["unit"] = p["cost_unit"]
        rec["years"].append(y)
    rec["kpis"] = [kpi_record(i + 1, k) for i, k in enumerate(p["kpis"])]
    if p.get("evaluation"):
        rec["evaluation"] = p["evaluation"]
    return rec


def expected(fx):
    d = {"format": "kpisheet-records", "version": 1}
    if fx.get("municipality"):
        d["municipality"] = fx["municipality"]
    if fx.get("grant"):
        d["grant"] = fx["grant"]
    d["projects"] = [project_record(p) for p in fx["projects"]]
    return d


# ---------------------------------------------------------------------------------------------
# Fixtures. Each: a data dict (figures written once) and a draw function taking it.

FIXTURES = []


def fixture(data):
    def wrap(draw):
        data["draw"] = draw
        FIXTURES.append(data)
        return draw
    return wrap


# 綾町（宮崎県）「綾町まち・ひと・しごと創生総合戦略 重点目標及びKPI（重要業績成果指標）等実績評価シート」
# (重点目標・KPI評価シート(綾町).pdf, 連携中枢都市圏構想 宮崎市)
# https://123deta.com/document/rz32mp7q-重点目標KPI評価シート綾町pdf連携中枢都市圏構想宮崎市.html
AYA = {
    "file": "aya-kpi-hyoka", "writer": "openpyxl", "sheet": "KPI評価",
    "projects": [{
        "name": "ブランド力の向上",
        "activities": "・韓国交流事業\n・日本で最も美しい村連合参加事業\n・綾町出身者ふるさと交流会事業",
        "department": "企画財政課",
        "issue": "綾出身者の交流会を東京・大阪とも3年毎開催としたが、高齢化が進行しており、開催期間のさらなる短縮を求められている。",
        "next": "高齢化により参加できない出身者も多くなっており、開催方法の検討と若い出身者の登録を推進する。",
        "kpis": [{
            "name": "観光入込客数", "unit": "人",
            "values": {
                2015: (Q("90万人", 900000), Q("96.8万人", 968000)),
                2016: (Q("92万人", 920000), Q("98.6万人", 986000)),
                2017: (Q("94万人", 940000), BLANK),
                2018: (Q("96万人", 960000), BLANK),
                2019: (Q("98万人", 980000), BLANK),
            },
        }],
    }],
}


@fixture(AYA)
def draw_aya(fx):
    g = Grid(fx["sheet"])
    g.width(A=2, B=5, C=16, D=18, E=6, F=9, G=9, H=9, I=9, J=9, K=2, L=28, M=12)
    g.title("B1", "綾町まち・ひと・しごと創生総合戦略　重点目標及びKPI（重要業績成果指標）等実績評価シート",
            merge="M1")
    # Two header rows: the year group over H27..H31; the other headers merged down over both.
    g.head("B3", "No", merge="B4")
    g.head("C3", "施策", merge="C4")
    g.head("D3", "KPI", merge="D4")
    g.head("E3", "区分", merge="E4")
    g.head("F3", "年度別の目標・実績", merge="J3")
    for i, label in enumerate(["H27", "H28", "H29", "H30", "H31"]):
        g.head(ref(6 + i, 4), label)
    g.head("L3", "関連事業", merge="L4")
    g.head("M3", "担当課", merge="M4")
    p = fx["projects"][0]
    k = p["kpis"][0]
    g.put("B5", 77, merge="B6", h="center")
    g.put("C5", p["name"], merge="C6")
    g.put("D5", k["name"], merge="D6")
    g.put("E5", "目標", h="center")
    g.put("E6", "実績", h="center")
    for i, fy in enumerate(sorted(k["values"])):
        t, a = k["values"][fy][:2]
        put_q(g, ref(6 + i, 5), t, h="right")
        put_q(g, ref(6 + i, 6), a, h="right")
    g.put("L5", p["activities"], merge="L6")
    g.put("M5", p["department"], merge="M6")
    g.heights.update({4: 18, 5: 30, 6: 30})
    g.note("B8", "課題：" + p["issue"], merge="M8")
    g.note("B9", "今後の対応：" + p["next"], merge="M9")
    return [g]


# 福島市（福島県）「福島市観光振興計画」第10章 評価指標（KPI）の設定と進行管理
# https://expydoc.com/doc/7802075/（kpi）の設定と進行管理
FUKUSHIMA = {
    "file": "fukushima-kanko-kpi", "writer": "xlsxwriter", "sheet": "評価指標",
    "projects": [{
        "name": "福島市観光振興計画",
        "kpis": [
            {"name": "観光客入込数（年間）", "unit": "人",
             "baseline": Q("635万人", 6350000), "final": Q("670万人", 6700000), "final_year": 2020,
             "about": "1年間に福島市を訪れる観光客の総数で、観光振興の状況をはかる指標です。"},
            {"name": "花をテーマにした観光客誘致（年間）", "unit": "人",
             "baseline": Q("33万人", 330000), "final": Q("45万人", 450000), "final_year": 2020,
             "about": "1年間に花観光を目的に福島市を訪れる観光客の総数で、観光振興の状況をはかる指標です。"},
            {"name": "市内温泉地宿泊客数（年間）", "unit": "人",
             "baseline": Q("95万9千人", 959000), "final": Q("108万人", 1080000), "final_year": 2020,
             "about": "1年間に福島市の3つの温泉地の宿泊客数で、観光振興の状況をはかる指標です。"},
        ],
    }],
}


@fixture(FUKUSHIMA)
def draw_fukushima(fx):
    g = Grid(fx["sheet"])
    g.width(A=2, B=30, C=14, D=14, E=2, F=50)
    g.title("B1", "第10章　評価指標（KPI）の設定と進行管理", merge="F1")
    g.note("B2", "1．評価指標（KPI）の設定", merge="F2")
    g.put("B4", "事業名", bold=True, fill=True)
    g.put("C4", fx["projects"][0]["name"], merge="D4")
    g.head("B6", "指標（KPI）")
    g.head("C6", "現状値（平成26年）")
    g.head("D6", "目標値（平成32年）")
    g.head("F6", "指標の説明")
    row = 7
    for k in fx["projects"][0]["kpis"]:
        g.put(ref("B", row), k["name"])
        put_q(g, ref("C", row), k["baseline"], h="right")
        put_q(g, ref("D", row), k["final"], h="right")
        g.put(ref("F", row), k["about"])
        g.heights[row] = 30
        row += 1
    g.note(ref("B", row + 1), "※本市の観光客入込数（年間）は、平成22年の662万人がピークでしたが、平成23年には543万人まで落ち込みました。",
           merge=ref("F", row + 1))
    g.note(ref("B", row + 2), "出典：福島市観光振興計画　第10章　評価指標（KPI）の設定と進行管理", merge=ref("F", row + 2))
    return [g]


# 松戸市（千葉県）「総合戦略における数値目標・重要業績評価指標の現状値」
# 第7回松戸市まち・ひと・しごと創生懇談会 資料4（H30.10.3）
# https://pdfslide.net/documents/cc-cfeeceoec-1-6eeefieeecoece.html
MATSUDO = {
    "file": "matsudo-suchi-mokuhyo", "writer": "xlsxwriter", "sheet": "基本目標Ⅰ",
    "projects": [{
        "name": "子育て・教育・文化を軸とした都市ブランドづくり",
        "kpis": [
            # year header, its second-line note, the cell
            {"name": "婚姻率", "unit": "‰",
             "columns": [("平成25年", "（基準値）", Q("5.5‰", 5.5)), ("平成27年", None, Q("5.4‰", 5.4)),
                         ("平成28年", None, Q("5.0‰", 5)), ("平成31年", "（目標値）", Q("5.9‰", 5.9))],
             "values": {2013: (BLANK, Q("5.5‰", 5.5)), 2015: (BLANK, Q("5.4‰", 5.4)),
                        2016: (BLANK, Q("5.0‰", 5)), 2019: (Q("5.9‰", 5.9), BLANK)},
             "baseline": Q("5.5‰", 5.5), "final": Q("5.9‰", 5.9), "final_year": 2019,
             "ref": "参考）婚姻率＝婚姻件数／人口（千人）　H26　5.3‰"},
            {"name": "出生数", "unit": "人",
             "columns": [("平成26年", "（基準値）", Q(3823, 3823, '#,##0"人"')),
                         ("平成27年", None, Q(3975, 3975, '#,##0"人"')),
                         ("平成28年", None, Q(3782, 3782, '#,##0"人"')),
                         ("平成29年", None, Q(3679, 3679, '#,##0"人"')),
                         ("平成31年", "（目標値）", Q(4107, 4107, '#,##0"人"'))],
             "values": {2014: (BLANK, Q(3823, 3823)), 2015: (BLANK, Q(3975, 3975)),
                        2016: (BLANK, Q(3782, 3782)), 2017: (BLANK, Q(3679, 3679)),
                        2019: (Q(4107, 4107), BLANK)},
             "baseline": Q(3823, 3823), "final": Q(4107, 4107), "final_year": 2019,
             "ref": "参考）平成25　4,016"},
        ],
    }],
}


@fixture(MATSUDO)
def draw_matsudo(fx):
    g = Grid(fx["sheet"])
    g.width(A=2, B=16, C=12, D=12, E=12, F=12, G=12, H=4)
    g.title("B1", "総合戦略における数値目標・重要業績評価指標の現状値", merge="H1")
    g.note("B2", "H30.10.3　第7回松戸市まち・ひと・しごと創生懇談会　資料4", merge="H2")
    g.put("B4", "施策名", bold=True, fill=True)
    g.put("C4", fx["projects"][0]["name"], merge="G4")
    g.note("B5", "（表中の数値右側に表示した矢印は、当該数値欄の左欄の数値と比べた上下の動きを表しています。）", merge="H5")
    row = 7
    for k in fx["projects"][0]["kpis"]:
        g.head(ref("B", row), "数値目標")
        for i, (year, note, _) in enumerate(k["columns"]):
            g.head(ref(3 + i, row), year + ("\n" + note if note else ""))
        g.heights[row] = 30
        g.put(ref("B", row + 1), k["name"])
        for i, (_, _, q) in enumerate(k["columns"]):
            put_q(g, ref(3 + i, row + 1), q, h="right")
        g.note(ref("B", row + 2), k["ref"], merge=ref("G", row + 2))
        row += 5
    return [g]


# 江田島市（広島県）「総合戦略の具体的施策 ①地域で暮らすためのしごとをつくる」資料4
# https://expydoc.com/doc/11208543/総合戦略の具体的施策-①地域で暮らすためのしごとをつくる
ETAJIMA = {
    "file": "etajima-shisaku-kpi", "writer": "openpyxl", "sheet": "具体的施策①",
    "projects": [
        {"name": "地域で暮らすためのしごとをつくる",
         "kpis": [{"name": "創業・起業の年間件数", "cell": "創業・起業の年間件数（件）", "unit": "件",
                   "baseline": Q(3, 3), "values": {2015: (BLANK, Q(9, 9))},
                   "change": "－", "grade_cell": "－", "final": Q(12, 12), "final_year": 2019}]},
        {"name": "農林業の振興",
         "kpis": [
             {"name": "有害鳥獣による農作物年間被害額", "cell": "有害鳥獣による農作物年間被害額（千円）",
              "unit": "千円", "baseline": Q(22585, 22585, "#,##0"),
              "values": {2015: (BLANK, Q(20563, 20563, "#,##0"))},
              "change": "○", "grade": "A", "final": Q(20000, 20000, "#,##0"), "final_year": 2019,
              "review": "防護柵の設置等による防除対策の普及により，減少した。今後も，侵入防止柵の設置，鳥獣を引き寄せない圃場への"
                        "環境改善を中心とした総合的な被害対策の取組強化及び加害個体の捕獲の推進について，生産者への啓発を行うなど，支援制度を維持する。"},
             {"name": "オリーブ栽培の面積", "cell": "オリーブ栽培の面積（ha）", "unit": "ha",
              "baseline": Q(22.6, 22.6, "0.0"), "values": {2015: (BLANK, Q(24.6, 24.6, "0.0"))},
              "change": "○", "grade": "B", "final": Q(35, 35, "0.0"), "final_year": 2019},
         ]},
    ],
}


@fixture(ETAJIMA)
def draw_etajima(fx):
    g = Grid(fx["sheet"])
    g.width(A=2, B=22, C=34, D=11, E=11, F=9, G=8, H=11)
    g.title("B1", "総合戦略の具体的施策　①地域で暮らすためのしごとをつくる", merge="H1")
    g.note("B2", "※目標値（H31）内の「延べ」は計画期間（5年間）の合計値", merge="H2")
    g.head("B4", "施策", merge="B5")
    g.head("C4", "指標名（単位）", merge="C5")
    g.head("D4", "現状値（H26）", merge="D5")
    g.head("E4", "H27", merge="G4")
    g.head("E5", "実績")
    g.head("F5", "改善・悪化")
    g.head("G5", "達成度")
    g.head("H4", "目標値（H31）", merge="H5")
    row = 6
    for p in fx["projects"]:
        n = len(p["kpis"])
        g.put(ref("B", row), p["name"], merge=ref("B", row + n - 1) if n > 1 else None)
        for k in p["kpis"]:
            g.put(ref("C", row), k["cell"])
            put_q(g, ref("D", row), k["baseline"], h="right")
            put_q(g, ref("E", row), k["values"][2015][1], h="right")
            g.put(ref("F", row), k["change"], h="center")
            g.put(ref("G", row), k.get("grade") or k.get("grade_cell"), h="center")
            put_q(g, ref("H", row), k["final"], h="right")
            row += 1
    row += 1
    g.note(ref("B", row), "改善・悪化：改善○，維持△，悪化×，未実施－　　達成度：順調A，要改善B，未実施－", merge=ref("H", row))
    for k in fx["projects"][1]["kpis"]:
        if "review" in k:
            row += 1
            g.note(ref("B", row), "≪成果と見直し≫ " + k["cell"] + "：" + k["review"], merge=ref("H", row))
            g.heights[row] = 30
    return [g]


# 出雲市（島根県）「出雲市まち・ひと・しごと創生総合戦略に係る平成28年度の進捗状況の評価・検証について」報告2
# https://123deta.com/document/z1d560vz-報告まちひとしご創生総合戦略平成年度進捗状況評価検証について.html
IZUMO = {
    "file": "izumo-h28-shinchoku", "writer": "openpyxl", "sheet": "H28進捗",
    "projects": [{
        "name": "出雲市まち・ひと・しごと創生総合戦略",
        "kpis": [
            {"name": "雇用創出数", "final": Q("1,000人", 1000), "final_year": 2019, "unit": "人",
             "values": {2016: (BLANK, Q("515人（255人）", 515))}},
            {"name": "社会増（転入－転出）", "unit": "人",
             "final": Q(1600, 1600, '#,##0"人";"▲"#,##0"人"'), "final_year": 2019,
             "values": {2016: (BLANK, Q("1,098人（221人）", 1098))}},
            {"name": "出生数", "final": Q("8,000人", 8000), "final_year": 2019, "unit": "人",
             "values": {2016: (BLANK, Q("3,170人（1,571人）", 3170))}},
        ],
    }],
}


@fixture(IZUMO)
def draw_izumo(fx):
    g = Grid(fx["sheet"])
    g.width(A=2, B=26, C=14, D=20)
    g.title("B1", "総合戦略の基本目標に係る平成28年度の進捗状況", merge="D1")
    g.put("B3", "取組名", bold=True, fill=True)
    g.put("C3", fx["projects"][0]["name"], merge="D3")
    g.head("B5", "数値目標", merge="B6")
    g.head("C5", "目標値（H31）", merge="C6")
    g.head("D5", "平成28年度")
    g.head("D6", "実績値（累計）")
    row = 7
    for k in fx["projects"][0]["kpis"]:
        g.put(ref("B", row), k["name"])
        put_q(g, ref("C", row), k["final"], h="right")
        put_q(g, ref("D", row), k["values"][2016][1], h="right")
        row += 1
    g.note(ref("B", row + 1), "※目標値は平成27年度～平成31年度の5年間の累計", merge=ref("D", row + 1))
    g.note(ref("B", row + 2), "※実績値の（　）内は平成28年度単年の数値", merge=ref("D", row + 2))
    return [g]


# 群馬県内の町（町名は取得した本文に無い）「施策マネジメントシート（平成27年度の振り返り、総括）」
# 施策23 移住定住の促進（総合戦略課）
# https://expydoc.com/doc/11400802/3.移住定住の促進
GUNMA_TOWN = {
    "file": "gunma-town-shisaku-management", "writer": "openpyxl", "sheet": "施策23",
    "projects": [{
        "name": "移住定住の促進",
        "kpis": [
            {"letter": "A", "name": "転入者数（窓口）", "unit": "人", "unit_cell": "人",
             "values": {
                 2011: (BLANK, Q(359, 359)), 2012: (Q(437, 437), Q(445, 445)),
                 2013: (Q(424, 424), Q(448, 448)), 2014: (Q(413, 413), Q(449, 449)),
                 2015: (Q(401, 401), Q(376, 376)), 2016: (Q(391, 391), BLANK),
                 2017: (Q(380, 380), BLANK)}},
            {"letter": "B", "name": "移住定住に関する相談件数", "unit": "件", "unit_cell": "件",
             "values": {
                 2011: (BLANK, BLANK), 2012: (Q(10, 10), Q(6, 6)), 2013: (Q(20, 20), Q(8, 8)),
                 2014: (Q(30, 30), Q(21, 21)), 2015: (Q(40, 40), Q(14, 14)),
                 2016: (Q(50, 50), BLANK), 2017: (Q(60, 60), BLANK)}},
        ],
    }],
}
GUNMA_YEARS = ["平成23年度", "平成24年度", "平成25年度", "平成26年度", "平成27年度", "平成28年度", "平成29年度"]


@fixture(GUNMA_TOWN)
def draw_gunma(fx):
    g = Grid(fx["sheet"])
    g.width(A=2, B=4, C=26, D=6, E=8, **{get_column_letter(6 + i): 10 for i in range(7)})
    g.title("B1", "施策マネジメントシート（平成27年度の振り返り、総括）", merge="L1")
    g.note("J2", "作成日　平成28年7月6日", merge="L2")
    g.put("B3", "基本目標", merge="C3", bold=True, fill=True)
    g.put("D3", "Ⅲ　交流による魅力と活力にあふれるまち", merge="H3")
    g.put("I3", "主管課", bold=True, fill=True)
    g.put("J3", "総合戦略課", merge="L3")
    g.put("B4", "施策名", merge="C4", bold=True, fill=True)
    g.put("D4", fx["projects"][0]["name"], merge="H4")
    g.put("I4", "関係課", bold=True, fill=True)
    g.put("J4", None, merge="L4")
    g.note("B6", "2．施策の成果指標", merge="L6")
    g.head("B7", "成果指標名", merge="C7")
    g.head("D7", "単位")
    g.head("E7", "区分")
    for i, y in enumerate(GUNMA_YEARS):
        g.head(ref(6 + i, 7), y)
    row = 8
    kpis = fx["projects"][0]["kpis"]
    for k in kpis:
        g.put(ref("B", row), k["letter"], merge=ref("B", row + 1), h="center")
        g.put(ref("C", row), k["name"], merge=ref("C", row + 1))
        g.put(ref("D", row), k["unit_cell"], merge=ref("D", row + 1), h="center")
        g.put(ref("E", row), "実績値", h="center")
        g.put(ref("E", row + 1), "目標値", h="center")
        for i, fy in enumerate(sorted(k["values"])):
            t, a = k["values"][fy][:2]
            put_q(g, ref(6 + i, row), a, h="right")
            put_q(g, ref(6 + i, row + 1), t, h="right")
        row += 2
    for letter in "CDEF":   # the form's empty indicator rows
        g.put(ref("B", row), letter, merge=ref("B", row + 1), h="center")
        g.put(ref("C", row), None, merge=ref("C", row + 1))
        g.put(ref("D", row), None, merge=ref("D", row + 1))
        g.put(ref("E", row), "実績値", h="center")
        g.put(ref("E", row + 1), "目標値", h="center")
        for i in range(7):
            g.put(ref(6 + i, row), None)
            g.put(ref(6 + i, row + 1), None)
        row += 2
    row += 1
    g.put(ref("B", row), "成果指標設定の考え方", merge=ref("C", row + 1), bold=True, fill=True)
    g.put(ref("D", row), "A)直接的な設問であり、数値が高まれば目的が達成されていると考えらるため成果指標とした。",
          merge=ref("L", row))
    g.put(ref("D", row + 1), "B)相談件数の増加により、町への移住を考える人が必要な情報発信をしていることが考えられるため成果指標とした。",
          merge=ref("L", row + 1))
    row += 2
    g.put(ref("B", row), "目標値設定の考え方", merge=ref("C", row), bold=True, fill=True)
    g.put(ref("D", row), "A)成り行きでは、平成21～24年度の実績から推測（過去4年間の平均値を基点（457+480+359+445）/4年=435人、"
          "△4.0%で推移すると仮定。）", merge=ref("L", row))
    g.heights[row] = 30
    return [g]


# 桜川市（茨城県）「桜川市行政評価システム 平成26年度 施策評価マネジメントシート（平成25年度の実績評価）」
# 施策No.503 観光の振興（商工観光課）
# https://paperzz.com/doc/6592955/26---桜川市
SAKURAGAWA_YEARS = list(range(2009, 2017))


def _sk(targets, actuals):
    """targets for 2010..2016, actuals for 2010..2013; 2009 is shown with both cells empty."""
    v = {2009: (BLANK, BLANK)}
    for i, fy in enumerate(range(2010, 2017)):
        t = Q(targets[i], targets[i], "#,##0")
        a = Q(actuals[i], actuals[i], "#,##0") if i < len(actuals) else BLANK
        v[fy] = (t, a)
    return v


SAKURAGAWA = {
    "file": "sakuragawa-shisaku-hyoka", "writer": "xlsxwriter", "sheet": "施策503",
    "projects": [{
        "name": "観光の振興",
        "kpis": [
            {"name": "観光客入り込み客数", "unit": "人",
             "values": _sk([380500, 620000, 625000, 400000, 405000, 410000, 415000],
                           [614800, 385500, 333600, 367100])},
            {"name": "上野沼やすらぎの里キャンプ場利用者数", "unit": "人",
             "values": _sk([12607, 6000, 10000, 11500, 12000, 12000, 12000],
                           [11842, 6716, 11573, 11605])},
            {"name": "真壁町並み（ひなまつり含む）客数", "unit": "人",
             "values": _sk([101567, 80000, 90000, 100000, 110000, 115000, 120000],
                           [111387, 100121, 111097, 81505])},
            {"name": "雨引観音客数", "unit": "人",
             "values": _sk([206394, 420000, 430000, 200000, 205000, 210000, 215000],
                           [415276, 139833, 145159, 181169])},
        ],
    }],
}


@fixture(SAKURAGAWA)
def draw_sakuragawa(fx):
    g = Grid(fx["sheet"])
    g.width(A=2, B=30, C=6, D=8, **{get_column_letter(5 + i): 10 for i in range(8)})
    g.title("B1", "桜川市行政評価システム　平成26年度　施策評価マネジメントシート（平成25年度の実績評価）", merge="L1")
    g.put("B3", "施策No.", bold=True, fill=True)
    g.put("C3", 503, merge="D3", h="center")
    g.put("E3", "政策名", bold=True, fill=True)
    g.put("F3", "魅力と活力のある産業社会づくり", merge="L3")
    g.put("B4", "施策名", bold=True, fill=True)
    g.put("C4", fx["projects"][0]["name"], merge="D4")
    g.put("E4", "主管課", bold=True, fill=True)
    g.put("F4", "商工観光課", merge="G4")
    g.put("H4", "関係課", bold=True, fill=True)
    g.put("I4", "農林課、文化財課、都市整備課、企画課", merge="L4")
    g.note("B6", "1．施策の目的と成果把握", merge="L6")
    g.put("B7", "施策の意図", bold=True, fill=True)
    g.put("C7", "四季を通じて観光客に訪れてもらう", merge="L7")
    g.head("B9", "成果指標名")
    g.head("C9", "単位")
    g.head("D9", "区分")
    for i, fy in enumerate(SAKURAGAWA_YEARS):
        g.head(ref(5 + i, 9), f"{fy}年度")
    row = 10
    for k in fx["projects"][0]["kpis"]:
        g.put(ref("B", row), k["name"], merge=ref("B", row + 1))
        g.put(ref("C", row), "人", merge=ref("C", row + 1), h="center")
        g.put(ref("D", row), "目標値", h="center")
        g.put(ref("D", row + 1), "実績値", h="center")
        for i, fy in enumerate(SAKURAGAWA_YEARS):
            t, a = k["values"][fy][:2]
            put_q(g, ref(5 + i, row), t, h="right")
            put_q(g, ref(5 + i, row + 1), a, h="right")
        row += 2
    row += 1
    g.put(ref("B", row), "成果指標設定の考え方", bold=True, fill=True)
    g.put(ref("C", row), "○四季を通じて観光客に訪れてもらうために、①観光客入り込み客数と、代表的な集客地②「やすらぎの里利用者数」"
          "③「真壁街並み（ひなまつり含む）客数」④「雨引観音客数」を指標とした。", merge=ref("L", row))
    g.heights[row] = 30
    g.put(ref("B", row + 1), "成果指標の把握方法と算定式等", bold=True, fill=True)
    g.put(ref("C", row + 1), "○対象の「1都、6県の人口」は、関東地区の人口。", merge=ref("L", row + 1))
    return [g]


# 兵庫県内の町と思われる（町名は取得した本文に無い）「まち・ひと・しごと創生総合戦略事業検証結果一覧（H30実績）」
# https://vdocuments.net/l-s-b-s-v-w-c-n-c-y.html
KENSHO = {
    "file": "town-kensho-h30", "writer": "openpyxl", "sheet": "検証結果一覧",
    "projects": [{
        "name": "雇用促進奨励金事業", "department": "まちづくり推進課",
        "purpose": "事業所や工場を新設または増築した企業（投資額1,000万円以上・雇用10名うち町内5名の企業立地促進奨励金該当企業）"
                   "に対し、町内居住者の雇用者数に応じて雇用奨励金を交付することで、町内への企業立地を促進し、町民雇用の創出・拡大を図る。",
        "content": "現在、町企業誘致促進奨励金の対象となっている企業がないため、企業誘致活動及び企業訪問の際、"
                   "トーカロ㈱、㈱ライト製作所、㈲髙木商店等に誘致促進奨励金制度及び雇用促進奨励金制度について説明した。",
        "budget": "予算額　0\n執行額　0",
        "progress": "平成31年3月31日現在、指定企業が0件のため、奨励金対象の町内新規雇用者も0人となっている。",
        "outlook": "現在、企業立地促進奨励金を活用している企業がなく、奨励制度を利用した町内在住者の雇用者の増加を見込むことはできない。",
        "kpis": [{"name": "奨励金対象の町内新規雇用者", "cell": "奨励金対象の町内新規雇用者\n平成31年度まで10人",
                  "unit": "人", "final": Q(None, 10), "final_year": 2019,
                  "values": {2018: (BLANK, Q("0人（0人）", 0))}, "rate": "0%"}],
        "evaluation": {"fiscalYear": 2018, "grade": "3",
                       "expertOpinion": "・農業法人が対象業種となっていないことから対象とするよう検討願う。併せて、雇用人数の基準についても緩和願う。"},
    }],
}


@fixture(KENSHO)
def draw_kensho(fx):
    g = Grid(fx["sheet"])
    g.width(A=2, B=4, C=16, D=12, E=30, F=30, G=12, H=18, I=11, J=10, K=24, L=24, M=6, N=30)
    g.title("B1", "まち・ひと・しごと創生総合戦略事業検証結果一覧（H30実績）", merge="L1")
    g.note("N1", "1 / 4")
    heads = ["No", "事業名", "担当課", "事業目的", "H30年度事業内容", "予算額・執行額\n（千円）",
             "重要業績評価指標（KPI）", "H30実績値（累計）", "達成率\n（H30/H31）", "目標の進捗状況",
             "今後の達成見込み", "評価", "委員意見"]
    for i, h in enumerate(heads):
        g.head(ref(2 + i, 3), h)
    g.heights[3] = 32
    p = fx["projects"][0]
    k = p["kpis"][0]
    row = 4
    g.put(ref("B", row), 1, h="center")
    g.put(ref("C", row), p["name"])
    g.put(ref("D", row), p["department"])
    g.put(ref("E", row), p["purpose"])
    g.put(ref("F", row), p["content"])
    g.put(ref("G", row), p["budget"])
    g.put(ref("H", row), k["cell"])
    put_q(g, ref("I", row), k["values"][2018][1], h="center")
    g.put(ref("J", row), k["rate"], h="center")
    g.put(ref("K", row), p["progress"])
    g.put(ref("L", row), p["outlook"])
    g.put(ref("M", row), p["evaluation"]["grade"], h="center")
    g.put(ref("N", row), p["evaluation"]["expertOpinion"])
    g.heights[row] = 150
    return [g]


# 四万十市（高知県）「地域活性化・地域住民生活等緊急支援交付金（地方創生先行型）の検証結果について」
# ぶしゅかんの産地化推進事業【基礎交付分】
# https://paperzz.com/doc/5805687/地方創生先行型交付金事業の検証結果.pdf
H28_3 = datetime.datetime(2016, 3, 31)
SHIMANTO = {
    "file": "shimanto-bushukan", "writer": "openpyxl", "sheet": "ぶしゅかん",
    "projects": [{
        "name": "ぶしゅかんの産地化推進事業", "grantType": "基礎交付分", "department": "四万十市農林水産課",
        "overview": "地域特産のぶしゅかんを産地形成し、農家の持続した農業経営の支援と、生産された農産物の加工のしくみを確立し雇用を創出する。"
                    "ぶしゅかんの販路拡大のために、首都圏の百貨店等でブランディングキャンペーンを実施する。",
        "kpis": [
            {"name": "H27新植面積", "unit": "ha", "table": 1,
             "values": {2015: (Q(2, 2), Q(2.14, 2.14), "2016-03-31")}},
            {"name": "ぶしゅかん新植面積", "unit": "ha", "table": 2,
             "baseline": Q("0.9ha", 0.9), "values": {2015: (BLANK, Q("3.04ha", 3.04))},
             "final": Q("12ha", 12), "final_year": 2019},
            {"name": "ぶしゅかん生産量", "unit": "t", "table": 2,
             "baseline": Q("13t", 13), "values": {2015: (BLANK, Q("19t", 19))},
             "final": Q("54t", 54), "final_year": 2019},
        ],
    }],
}


@fixture(SHIMANTO)
def draw_shimanto(fx):
    g = Grid(fx["sheet"])
    g.width(A=2, B=24, C=12, D=8, E=14, F=12, G=8, H=14)
    g.title("B1", "地域活性化・地域住民生活等緊急支援交付金（地方創生先行型）の検証結果", merge="H1")
    g.note("B2", "基本目標1　地産外商により安定した雇用を創出する　（1）地産を強化する　1）農業の振興　①戦略品目の生産拡大",
           merge="H2")
    p = fx["projects"][0]
    labels = [("事業名", p["name"]), ("交付金の種類", p["grantType"]), ("担当課", p["department"]),
              ("事業概要", p["overview"])]
    row = 4
    for label, value in labels:
        g.put(ref("B", row), label, bold=True, fill=True)
        g.put(ref("C", row), value, merge=ref("H", row))
        row += 1
    g.heights[7] = 45
    row += 1
    for i, h in enumerate(["重要業績評価指標（KPI）", "目標値", "（単位）", "目標年月", "実績値", "（単位）", "実績年月"]):
        g.head(ref(2 + i, row), h)
    k = p["kpis"][0]
    t, a, _ = k["values"][2015]
    g.put(ref("B", row + 1), k["name"])
    put_q(g, ref("C", row + 1), t, h="right")
    g.put(ref("D", row + 1), "ha", h="center")
    g.put(ref("E", row + 1), H28_3, fmt='[$-411]ggge"年"m"月"', h="center")
    put_q(g, ref("F", row + 1), a, h="right")
    g.put(ref("G", row + 1), "ha", h="center")
    g.put(ref("H", row + 1), H28_3, fmt='[$-411]ggge"年"m"月"', h="center")
    row += 3
    g.note(ref("B", row), "参考：総合戦略のKPI（目標（H31）とH27到達点）", merge=ref("H", row))
    row += 1
    for i, h in enumerate(["指標名称", "基準値（H26）", "実績値（H27）", "目標値（H31）"]):
        g.head(ref(2 + i, row), h)
    for k in p["kpis"][1:]:
        row += 1
        g.put(ref("B", row), k["name"])
        put_q(g, ref("C", row), k["baseline"], h="right")
        put_q(g, ref("D", row), k["values"][2015][1], h="right")
        put_q(g, ref("E", row), k["final"], h="right")
    row += 2
    g.put(ref("B", row), "H27年度の取り組み実績", bold=True, fill=True)
    g.put(ref("C", row), "○ぶしゅかん販売促進の取組\n◆首都圏での青玉キャンペーン（8月）\n◆枚方友好・交流都市物産展（11月）\n"
          "○産地化に向けた取組\n◆ぶしゅかん新規定植用苗木購入代補助（補助率1/2以内）\n補助実績　19件　1,069本　214a（ほ場20箇所）",
          merge=ref("H", row))
    g.heights[row] = 90
    return [g]


# 鯖江市（福井県）「鯖江市立地適正化計画」8章 目標値の設定
# https://expydoc.com/doc/11054390/8章-目標値の設定
SABAE = {
    "file": "sabae-ricchi-tekiseika", "writer": "openpyxl", "sheet": "8章目標値",
    "projects": [
        {"no": 2, "cell": "②子育て世代の居住誘導", "name": "子育て世代の居住誘導",
         "kpis": [{"name": "中心市街地周辺の人口", "unit": "人",
                   "baseline": Q("2,044人（2014年）", 2044), "final": Q("2,000人以上", 2000), "final_year": 2019}]},
        {"no": 3, "cell": "③地域間の移動性の確保", "name": "地域間の移動性の確保",
         "kpis": [{"name": "つつじバス年間利用者数", "unit": "人",
                   "baseline": Q("18.8万人（2014年）", 188000), "final": Q("20万人", 200000), "final_year": 2019},
                  {"name": "福武線市内駅年間利用者数", "unit": "人",
                   "baseline": Q("48.2万人（2014年）", 482000), "final": Q("52万人", 520000), "final_year": 2019}]},
        {"no": 4, "cell": "④安全で持続可能な地域づくり", "name": "安全で持続可能な地域づくり",
         "kpis": [{"name": "河川施設の整備率", "unit": "%",
                   "baseline": Q("59.5%（2014年）", 59.5), "final": Q("62.1%", 62.1), "final_year": 2019},
                  {"name": "雨水幹線等の整備率", "unit": "%",
                   "baseline": Q("44.6%（2014年）", 44.6), "final": Q("45.6%", 45.6), "final_year": 2019},
                  {"name": "上水道耐震管路の整備率", "unit": "%",
                   "baseline": Q("55.0%（2014年）", 55), "final": Q("61.9%", 61.9), "final_year": 2019},
                  {"name": "橋梁長寿命化に伴う修繕箇所数", "unit": "箇所",
                   "baseline": Q("2箇所（2014年）", 2), "final": Q("2箇所", 2), "final_year": 2019}]},
    ],
}


@fixture(SABAE)
def draw_sabae(fx):
    g = Grid(fx["sheet"])
    g.width(A=2, B=26, C=30, D=18, E=16)
    g.title("B1", "8章　目標値の設定", merge="E1")
    g.note("B2", "(1)目標値の設定", merge="E2")
    g.note("B3", "・鯖江市立地適正化計画の達成状況を判断するため、「まちづくりの方針（ターゲット）」で定めた4つの視点で目標となる指標を設定します。",
           merge="E3")
    g.head("B5", "施策")
    g.head("C5", "成果指標")
    g.head("D5", "現状値")
    g.head("E5", "目標値（2019年）")
    row = 6
    for p in fx["projects"]:
        n = len(p["kpis"])
        g.put(ref("B", row), p["cell"], merge=ref("B", row + n - 1) if n > 1 else None)
        for k in p["kpis"]:
            g.put(ref("C", row), k["name"])
            put_q(g, ref("D", row), k["baseline"], h="right")
            put_q(g, ref("E", row), k["final"], h="right")
            row += 1
    g.note(ref("B", row + 1), "・当面の目標は総合戦略での重要業績評価指標（KPI）との整合を図ります。", merge=ref("E", row + 1))
    g.note(ref("B", row + 2), "・その後の目標値については、達成状況の検証・課題の分析等を行った上で、改めて設定することとします。",
           merge=ref("E", row + 2))
    return [g]


# 長和町（長野県）「平成28年度における地方創生関連事業一覧」
# 【平成28年6月24日 第6回長和町地方創生推進協議会資料】
# https://expydoc.com/doc/10338944/28年度地方創生事業一覧（28.6.3現在）-pdf：139kb-
NAGAWA = {
    "file": "nagawa-h28-jigyo-ichiran", "writer": "openpyxl", "sheet": "H28事業一覧",
    "projects": [
        {"name": "公共交通事業", "section": "総務係", "cost": {2016: Q(99, 99)}, "cost_unit": "千円",
         "expense": "委員報酬：99", "content": "時代に対応した公共交通網の検討", "kpis": []},
        {"name": "国際交流事業", "section": "総務係", "cost": {2016: Q(418, 418)}, "cost_unit": "千円",
         "expense": "実行委員会報酬：218、事務用備品：200",
         "content": "イギリスブレックランド地方との国際交流事業の推進",
         "progress": "イギリスセットフォード町との姉妹都市提携に向けて、現在は双方の実行委員会の交流活動を活発に進めていく段階で、"
                     "28年度は、「長和青少年黒耀石大使」の派遣と「Brecks-Nagawa国際交流実行委員会来町」事業を行う。",
         "kpis": [{"name": "英国セットフォード町との交流人数（年間）", "unit": "人",
                   "baseline": DASH, "final": Q("20人（H31）", 20), "final_year": 2019}]},
        {"name": "空き家活用移住促進事業", "section": "まちづくり政策係", "cost": {2016: BLANK}, "cost_unit": "千円",
         "expense": None, "content": None,
         "kpis": [
             {"name": "地図情報システムを活用した空き家マッピング件数", "unit": "件",
              "baseline": DASH, "final": Q("450件", 450), "final_year": None},
             {"name": "空き家の整備による新たな価値の創出のための整備件数", "unit": "件",
              "baseline": DASH, "final": Q("1件", 1), "final_year": None},
             {"name": "空き家を利用した特産品等展示販売施設の利用者数", "unit": "人/年",
              "baseline": DASH, "final": Q("3,000人/年", 3000), "final_year": None},
             {"name": "空き家コーディネーター組織設立数", "unit": "団体",
              "baseline": DASH, "final": Q("1団体", 1), "final_year": None}]},
        {"name": "子どもたちの交通安全対策事業", "section": "生活環境係", "cost": {2016: BLANK}, "cost_unit": "千円",
         "expense": None, "content": None,
         "progress": "今年度事業は夏頃発注予定。和田地区（街道線）、長久保地区（町裏線）2箇所。平成30年度までに、要望路線の工事完了を目指す。",
         "kpis": [{"name": "交通事故発生件数（年間）", "unit": "件",
                   "baseline": Q("19件（H26）", 19), "final": Q("14件（H31）", 14), "final_year": 2019}]},
        {"name": "アートをテーマとした構想事業", "section": "まち・ひと・しごと創生係", "cost": {2016: Q(9474, 9474)},
         "cost_unit": "千円", "expense": "構想事業委託料：9,474", "content": "アートによるまちづくり事業の検討", "kpis": []},
        {"name": "FMとうみ放送委託事業", "section": "情報広報係", "cost": {2016: Q(789, 789)}, "cost_unit": "千円",
         "expense": "放送委託料：789", "content": "FMとうみによる情報発信", "kpis": []},
        {"name": "乳幼児家庭応援事業", "section": "子育て支援係", "cost": {2016: Q(300, 300)}, "cost_unit": "千円",
         "expense": "消耗品：300", "content": None, "kpis": []},
    ],
}


@fixture(NAGAWA)
def draw_nagawa(fx):
    g = Grid(fx["sheet"])
    g.width(A=2, B=5, C=24, D=14, E=10, F=22, G=28, H=36, I=36, J=12, K=12)
    g.title("B1", "平成28年度における地方創生関連事業一覧", merge="G1")
    g.note("H1", "【平成28年6月24日　第6回長和町地方創生推進協議会資料】", merge="K1")
    heads = ["番号", "事業名称", "担当係", "事業費（千円）", "主な経費（千円）", "事業内容", "現在の進捗状況と今後の見込",
             "KPI", "基準値", "最終目標"]
    for i, h in enumerate(heads):
        g.head(ref(2 + i, 3), h)
    row = 4
    for no, p in enumerate(fx["projects"], start=1):
        kpis = p["kpis"] or [None]
        n = len(kpis)
        last = row + n - 1
        span = (lambda col: ref(col, last) if n > 1 else None)
        g.put(ref("B", row), no, merge=span("B"), h="center")
        g.put(ref("C", row), p["name"], merge=span("C"))
        g.put(ref("D", row), p["section"], merge=span("D"))
        put_q(g, ref("E", row), p["cost"][2016], merge=span("E"), h="right")
        g.put(ref("F", row), p["expense"], merge=span("F"))
        g.put(ref("G", row), p["content"], merge=span("G"))
        g.put(ref("H", row), p.get("progress"), merge=span("H"))
        for k in kpis:
            if k is None:
                for col in "IJK":
                    g.put(ref(col, row), "-", h="center")
            else:
                g.put(ref("I", row), k["name"])
                put_q(g, ref("J", row), k["baseline"], h="center" if k["baseline"][0] == "-" else "right")
                put_q(g, ref("K", row), k["final"], h="right")
            row += 1
    return [g]


# 町（町名は取得した本文に無い）「地域活性化・地域住民生活等緊急支援交付金（地方創生先行型）に係る事業実施結果報告」
# 評価・検証結果（防災福祉マップづくり支援事業、特産品PR事業）
# https://expydoc.com/doc/11952498/評価・検証結果はこちら--pdfファイル／870kb-
BOUSAI = {
    "file": "town-senkogata-kensho", "writer": "openpyxl", "sheet": "事業実施結果報告",
    "projects": [
        {"name": "防災福祉マップづくり支援事業", "grantType": "基礎交付", "cost": {2015: Q(0, 0, "#,##0")},
         "cost_unit": "円",
         "kpis": [{"name": "研修会の参加者", "unit": "名", "values": {2015: (Q(120, 120), Q(0, 0), "H28.2")}},
                  {"name": "ワークショップの参加者", "unit": "名", "values": {2015: (Q(40, 40), Q(0, 0), "H28.2")}}],
         "effect_cell": "地方創生に効果がなかった",
         "evaluation": {"fiscalYear": 2015, "effect": "not-effective",
                        "assessment": "総合戦略のKPI達成に有効とは言えない",
                        "expertOpinion": "平成27年度は自主防災組織の育成を図っている段階であったことから実施を見送ったが、平成28年度に実施する予定である。",
                        "policy": "continue",
                        "policyReason": "自主防災組織の体制が整ったところから研修会の開催及び防災福祉マップづくりを実施する。"},
         "policy_cell": "事業の継続"},
        {"name": "特産品PR事業", "grantType": "基礎交付", "cost": {2015: Q(1113001, 1113001, "#,##0")},
         "cost_unit": "円",
         "kpis": [{"name": "町内の主要な観光物産店舗における売上の前年度比増加率", "unit": "%",
                   "values": {2015: (Q(1, 1), Q(5.93, 5.93), "H28.3")}},
                  {"name": "ブランド化に取組む農家・商店・企業数", "unit": "件",
                   "values": {2015: (Q(6, 6), Q(8, 8), "H28.3")}}],
         "effect_cell": "地方創生に非常に効果的であった",
         "evaluation": {"fiscalYear": 2015, "effect": "very-effective",
                        "assessment": "総合戦略のKPI達成に有効であった",
                        "expertOpinion": "今や社会現象とも言えるふるさと納税だが、関連用品のデザイン面の充実によるファンづくりは先進的と言える。"
                                         "寄付者からの評価も高いほか、他自治体の参考事例としても取り上げられ、効果が高かった。",
                        "policy": "continue", "policyReason": "大きな効果があったため。"},
         "policy_cell": "事業の継続"},
    ],
}

INDICATORS = ["指標①", "指標②", "指標③", "指標④", "指標⑤"]


def national_header(g, top, *, due=True, department=False, opinion="外部有識者からの意見",
                    grant=True, effect=True, due_word="目標年月", name_word="交付対象事業の名称"):
    """The 様式2 header over three rows (circled numbers, group headers, sub-headers).

    Returns the column letter of each field."""
    cols = {}
    c = 2
    def take(key, width=1):
        nonlocal c
        cols[key] = get_column_letter(c)
        c += width
    take("no")
    take("name")
    if department:
        take("department")
    if grant:
        take("grant")
    take("cost")
    take("label")
    take("kpi")
    take("target")
    take("unit")
    if due:
        take("due")
    take("actual")
    if effect:
        take("effect")
    take("assessment")
    take("opinion")
    take("policy")
    take("reason")
    r1, r2, r3 = top, top + 1, top + 2
    marks = {"no": "①", "name": "②", "cost": "③", "label": "④", "actual": "⑤", "assessment": "⑥", "policy": "⑦"}
    for key, mark in marks.items():
        g.note(ref(cols[key], r1), mark)
    g.head(ref(cols["no"], r2), "No", merge=ref(cols["no"], r3))
    g.head(ref(cols["name"], r2), name_word, merge=ref(cols["name"], r3))
    if department:
        g.head(ref(cols["department"], r2), "担当課", merge=ref(cols["department"], r3))
    if grant:
        g.head(ref(cols["grant"], r2), "交付金の種類", merge=ref(cols["grant"], r3))
    g.head(ref(cols["cost"], r2), "実績額（単位：円）", merge=ref(cols["cost"], r3))
    last_kpi = cols["due"] if due else cols["unit"]
    g.head(ref(cols["label"], r2), "本事業における重要業績評価指標（KPI）", merge=ref(last_kpi, r2))
    g.head(ref(cols["label"], r3), "指標", merge=ref(cols["kpi"], r3))
    g.head(ref(cols["target"], r3), "指標値")
    g.head(ref(cols["unit"], r3), "単位")
    if due:
        g.head(ref(cols["due"], r3), due_word)
    last_act = cols["effect"] if effect else cols["actual"]
    g.head(ref(cols["actual"], r2), "本事業終了後における実績値", merge=ref(last_act, r2) if effect else None)
    g.head(ref(cols["actual"], r3), "実績値")
    if effect:
        g.head(ref(cols["effect"], r3), "事業効果")
    g.head(ref(cols["assessment"], r2), "外部有識者からの評価", merge=ref(cols["opinion"], r2))
    g.head(ref(cols["assessment"], r3), "事業の評価")
    g.head(ref(cols["opinion"], r3), opinion)
    g.head(ref(cols["policy"], r2), "実績値を踏まえた事業の今後について", merge=ref(cols["reason"], r2))
    g.head(ref(cols["policy"], r3), "今後の方針")
    g.head(ref(cols["reason"], r3), "今後の方針の理由")
    g.heights[r2] = 30
    g.heights[r3] = 24
    widths = {"no": 4, "name": 22, "department": 12, "grant": 8, "cost": 13, "label": 7, "kpi": 30,
              "target": 9, "unit": 6, "due": 8, "actual": 9, "effect": 16, "assessment": 16, "opinion": 30,
              "policy": 12, "reason": 30}
    for key, col in cols.items():
        g.widths[col] = widths[key]
    return cols


def national_project(g, cols, row, no, p, *, rows=5, fy=None):
    """One project block of the national form: project cells merged down over its indicator rows."""
    last = row + rows - 1
    down = (lambda key: ref(cols[key], last))
    g.put(ref(cols["no"], row), no, merge=down("no"), h="center")
    g.put(ref(cols["name"], row), p["name"], merge=down("name"))
    if "department" in cols:
        g.put(ref(cols["department"], row), p.get("department"), merge=down("department"))
    if "grant" in cols:
        g.put(ref(cols["grant"], row), p.get("grantType"), merge=down("grant"))
    put_q(g, ref(cols["cost"], row), p["cost"][fy], merge=down("cost"), h="right")
    kpi_rows = p.get("kpi_rows") or list(range(len(p["kpis"])))
    by_row = dict(zip(kpi_rows, p["kpis"]))
    for i in range(rows):
        r = row + i
        g.put(ref(cols["label"], r), INDICATORS[i], h="center")
        k = by_row.get(i)
        if k is None and p.get("dash_row") == i:
            for key in ("kpi", "target", "unit", "due", "actual"):
                if key in cols:
                    g.put(ref(cols[key], r), "-", h="center")
            continue
        if k is None:
            for key in ("kpi", "target", "unit", "due", "actual"):
                if key in cols:
                    g.put(ref(cols[key], r), None)
            continue
        t, a, due = k["values"][fy]
        g.put(ref(cols["kpi"], r), k["name"])
        put_q(g, ref(cols["target"], r), t, h="right")
        g.put(ref(cols["unit"], r), k.get("unit_cell", k["unit"]), h="center")
        if "due" in cols:
            g.put(ref(cols["due"], r), due, h="center")
        put_q(g, ref(cols["actual"], r), a, h="right")
    ev = p.get("evaluation") or {}
    if "effect" in cols:
        g.put(ref(cols["effect"], row), p.get("effect_cell"), merge=down("effect"))
    g.put(ref(cols["assessment"], row), p.get("assessment_cell", ev.get("assessment")), merge=down("assessment"))
    g.put(ref(cols["opinion"], row), p.get("opinion_cell", ev.get("expertOpinion")), merge=down("opinion"))
    g.put(ref(cols["policy"], row), p.get("policy_cell"), merge=down("policy"))
    g.put(ref(cols["reason"], row), ev.get("policyReason"), merge=down("reason"))
    return last + 1


@fixture(BOUSAI)
def draw_bousai(fx):
    g = Grid(fx["sheet"])
    g.title("B1", "地域活性化・地域住民生活等緊急支援交付金（地方創生先行型）に係る事業実施結果報告", merge="L1")
    g.note("B2", "（各交付対象事業の重要業績評価指標（KPI）の実績値等）", merge="L2")
    cols = national_header(g, 4)
    row = 7
    for no, p in enumerate(fx["projects"], start=1):
        row = national_project(g, cols, row, no, p, fy=2015)
    g.note(ref("B", row + 1), "※事業効果：1.地方創生に非常に効果的であった　2.地方創生に相当程度効果があった　"
           "3.地方創生に効果があった　4.地方創生に対して効果がなかった", merge=ref("Q", row + 1))
    return [g]


# 市（市名は取得した本文に無い）「平成27年度 交付金（地方創生先行型交付金）を活用して実施した事業の効果検証」資料5
# ※国の基準による効果検証
# https://expydoc.com/doc/10750703/平成27年度-交付金（地方創生先行型交付金）を活用して実施
JOHO = {
    "file": "city-h27-senkogata-kouka-kensho", "writer": "openpyxl", "sheet": "資料5",
    "projects": [
        {"name": "情報発信力向上事業", "department": "総合政策課", "cost": {2015: Q(2357000, 2357000, "#,##0")},
         "cost_unit": "円",
         "kpis": [{"name": "動画コンテンツ公開数", "unit": "本", "values": {2015: (Q(50, 50), Q(79, 79), None)}}],
         "policy_cell": "事業の継続",
         "evaluation": {"fiscalYear": 2015, "policy": "continue",
                        "policyReason": "動画による自治体のPRや市報紙面を敬遠される市民への情報伝達が課題となっている中で、"
                                        "引き続き市の魅力や市政情報を動画化して情報発信力を高める必要があるため。"}},
        {"name": "低年齢児受入保育所保育士特別配置事業", "department": "子ども家庭課",
         "cost": {2015: Q(9200000, 9200000, "#,##0")}, "cost_unit": "円",
         "kpis": [{"name": "待機児童", "unit": "人", "values": {2015: (Q(0, 0), Q(0, 0), None)}}],
         "policy_cell": "事業の継続",
         "evaluation": {"fiscalYear": 2015, "policy": "continue",
                        "policyReason": "仕事と子育ての両立を図るため、保育施設での低年齢児の受入体制を強化し、安心安全な子育て環境の整備、支援が必要。"}},
        {"name": "保育サービス多様化促進事業", "department": "子ども家庭課",
         "cost": {2015: Q(9241000, 9241000, "#,##0")}, "cost_unit": "円",
         "kpis": [{"name": "待機児童", "unit": "人", "values": {2015: (Q(0, 0), Q(0, 0), None)}}],
         "policy_cell": "事業の継続",
         "evaluation": {"fiscalYear": 2015, "policy": "continue",
                        "policyReason": "乳児保育や障がい児の受入など、多様化する保育ニーズに対応する保育士の配置を行うことにより子育て環境の整備が必要。"}},
        {"name": "生涯にわたる健康づくり推進事業", "department": "保健センター",
         "cost": {2015: Q(2750000, 2750000, "#,##0")}, "cost_unit": "円",
         "kpis": [{"name": "検診受診率", "unit": "%", "values": {2015: (Q(20, 20), Q(17.8, 17.8), None)}}],
         "kpi_rows": [1],
         "effect_cell": "地方創生に効果があった",
         "evaluation": {"fiscalYear": 2015, "effect": "effective", "assessment": "総合戦略のKPI達成に有効であった",
                        "expertOpinion": "健診受診率の低さは、個人経営や小規模事業者など仕事の影響もあると考えられる。"}},
    ],
}


@fixture(JOHO)
def draw_joho(fx):
    g = Grid(fx["sheet"])
    g.title("B1", "資料5", size=11)
    g.title("B2", "平成27年度　交付金（地方創生先行型交付金）を活用して実施した事業の効果検証", merge="L2")
    g.note("M2", "※国の基準による効果検証", merge="Q2")
    cols = national_header(g, 4, due=False, department=True, grant=False, opinion="外部有識者会議の意見",
                           name_word="交付対象事業名")
    row = 7
    for no, p in enumerate(fx["projects"], start=1):
        row = national_project(g, cols, row, no, p, rows=2, fy=2015)
    return [g]


# 坂井市（福井県）「地域活性化・地域住民生活等緊急支援交付金（地方創生先行型）に係る事業実施結果報告」
# https://expydoc.com/doc/11828747/地域活性化・地域住民生活等緊急支援交付金（地方創生先行型
SAKAI = {
    "file": "sakai-senkogata-jisshi-kekka", "writer": "xlsxwriter", "sheet": "様式2",
    "municipality": {"name": "坂井市", "prefecture": "福井県", "code": "18210"},
    "projects": [
        {"name": "坂井市総合戦略策定事業", "grantType": "基礎交付", "cost": {2015: Q(9499000, 9499000, "#,##0")},
         "cost_unit": "円", "kpis": [], "dash_row": 0, "assessment_cell": "-", "opinion_cell": "-",
         "policy_cell": "事業の継続",
         "evaluation": {"fiscalYear": 2015, "policy": "continue",
                        "policyReason": "随時、総合戦略の見直しを行いながら各事業に取り組む。"}},
        {"name": "シティセールス事業", "grantType": "基礎交付", "cost": {2015: Q(1879000, 1879000, "#,##0")},
         "cost_unit": "円",
         "kpis": [{"name": "首都圏での坂井市の認知度", "unit": "%", "values": {2015: (Q(6, 6), Q(7.3, 7.3), "H28.3")}},
                  {"name": "情報連鎖が獲得できる番組誘致", "unit": "番組", "values": {2015: (Q(1, 1), Q(1, 1), "H28.3")}}]},
        {"name": "定住移住に向けた子育て支援事業", "grantType": "基礎交付",
         "cost": {2015: Q(43576000, 43576000, "#,##0")}, "cost_unit": "円",
         "kpis": [{"name": "県外から子どもがいる世帯が移住", "unit": "世帯", "values": {2015: (Q(5, 5), Q(7, 7), "H28.3")}},
                  {"name": "第3子以上の妊娠届出数", "unit": "件", "values": {2015: (Q(150, 150), Q(150, 150), "H28.3")}}]},
        {"name": "新規就農者定住促進支援事業", "grantType": "基礎交付", "cost": {2015: Q(525000, 525000, "#,##0")},
         "cost_unit": "円",
         "kpis": [{"name": "市内空き家を活用した新規就農者又は新規就農希望者", "unit": "件",
                   "values": {2015: (Q(2, 2), Q(4, 4), "H28.3")}}]},
        {"name": "B-1グランプリ開催事業", "grantType": "基礎交付", "cost": {2015: Q(7400000, 7400000, "#,##0")},
         "cost_unit": "円",
         "kpis": [{"name": "来場者数", "unit": "人",
                   "values": {2015: (Q(80000, 80000, '#,##0"人"'), Q(77000, 77000, '#,##0"人"'), "H28.3")}},
                  {"name": "地元経済効果", "unit": "千円",
                   "values": {2015: (Q(100000, 100000, "#,##0"), Q(96250, 96250, "#,##0"), "H28.3")}}]},
    ],
}


@fixture(SAKAI)
def draw_sakai(fx):
    g = Grid(fx["sheet"])
    g.note("B1", "様式2")
    g.title("B2", "平成27年度　地域活性化・地域住民生活等緊急支援交付金（地方創生先行型）に係る事業実施結果報告", merge="M2")
    m = fx["municipality"]
    g.head("B4", "都道府県名", merge="C4")
    g.head("D4", "市町村名", merge="E4")
    g.head("F4", "都道府県・市町村コード（5桁）", merge="H4")
    g.put("B5", m["prefecture"], merge="C5", h="center")
    g.put("D5", m["name"], merge="E5", h="center")
    g.put("F5", m["code"], merge="H5", h="center")
    cols = national_header(g, 7, effect=False, opinion="外部委員の意見", due_word="目標月")
    row = 10
    for no, p in enumerate(fx["projects"], start=1):
        row = national_project(g, cols, row, no, p, rows=2, fy=2015)
    return [g]


# つくば市（茨城県）「まち・ひと・しごと創生《交付金事業（基礎交付分）》実績評価シート【重要業績評価指標（KPI）】」
# 資料3-2 交付金事業に付随する重要業績評価指標（KPIの評価）（平成28年3月作成・11月確定）
# https://123deta.com/document/ky64pkoq-siryou32Hakutei資料32交付金事業に付随する重要業績評価指標KPIの評価.html
TSUKUBA = {
    "file": "tsukuba-jisseki-hyoka", "writer": "openpyxl", "sheet": "基礎交付分",
    "projects": [{
        "name": "つくばの資源（文化・芸術・スポーツ・科学技術等）をいかした地域活性化事業",
        "purpose": "つくば市が持つ資源，文化・芸術・スポーツ・科学技術等をいかし，より身近に感じられる取り組みやイベント等を実施し"
                   "地域活性化につなげるとともに，世界・全国的にもつくば市の資源を示していくことを目的とした事業を実施する。",
        "expenses": "①科学技術等のつくばの魅力・特性をいかしたプロモーションイベントの実施\n②つくばの魅力発信のためのプロモーション動画の作成\n"
                    "③科学技術と融合したメディアアートフェスティバルの実施\n④つくばならではのスポーツ環境づくりを目指したイベントの実施",
        "cost": {2015: Q("524,700 円", 524700)}, "cost_unit": "円",
        "kpis": [{"name": "イベント来場者数", "unit": "人",
                  "values": {2015: (Q(200, 200), Q(282, 282), "平成27年10月")}}],
        "evaluation": {"fiscalYear": 2015, "grade": "A", "assessment": "成果を維持して継続実施"},
    }],
}


@fixture(TSUKUBA)
def draw_tsukuba(fx):
    g = Grid(fx["sheet"])
    g.width(A=2, B=18, C=12, D=10, E=14, F=12, G=10, H=14, I=14)
    g.title("B1", "まち・ひと・しごと創生《交付金事業（基礎交付分）》実績評価シート【重要業績評価指標（KPI）】", merge="I1",
            size=12)
    g.note("H2", "平成28年3月作成・11月確定", merge="I2")
    p = fx["projects"][0]
    g.put("B3", "事業名", bold=True, fill=True)
    g.put("C3", p["name"], merge="I3")
    g.put("B4", "事業の概要・目的", bold=True, fill=True)
    g.put("C4", p["purpose"], merge="I4")
    g.heights[4] = 45
    g.put("B5", "交付金を充当する事業経費", bold=True, fill=True)
    g.put("C5", p["expenses"], merge="I5")
    g.heights[5] = 60
    g.put("B6", "予算額", bold=True, fill=True)
    g.put("C6", "550,000円", h="right")
    g.put("D6", "国費充当額", bold=True, fill=True)
    g.put("E6", "522,500 円", h="right")
    g.put("F6", "決算額", bold=True, fill=True)
    put_q(g, "G6", p["cost"][2015], h="right")
    g.put("H6", "不用額", bold=True, fill=True)
    g.put("I6", "無し", h="center")
    g.put("B7", "事業始期", bold=True, fill=True)
    g.put("C7", "平成27年4月", merge="D7")
    g.put("E7", "事業終期", bold=True, fill=True)
    g.put("F7", "平成27年10月", merge="G7")
    for i, h in enumerate(["重要業績評価指標（KPI）", "目標値", "（単位）", "目標年月", "実績値", "（単位）", "実績年月"]):
        g.head(ref(2 + i, 9), h)
    k = p["kpis"][0]
    t, a, due = k["values"][2015]
    g.put("B10", k["name"])
    put_q(g, "C10", t, h="right")
    g.put("D10", "人", h="center")
    g.put("E10", due, h="center")
    put_q(g, "F10", a, h="right")
    g.put("G10", "人", h="center")
    g.put("H10", due, h="center")
    g.head("B12", "評　価", merge="B13")
    g.head("C12", "有効性", merge="D12")
    g.head("E12", "効率性", merge="F12")
    g.head("G12", "総合評価", merge="I12")
    g.put("C13", "高：成果が向上（高水準を維持）している", merge="D13")
    g.put("E13", "中：適切な費用対効果が得られている", merge="F13")
    g.put("G13", "A：成果を維持して継続実施", merge="I13")
    g.heights[13] = 30
    g.put("B15", "実績値の計算方法", bold=True, fill=True)
    g.put("C15", "イベント来場者を受付時により計測。", merge="F15")
    g.put("G15", "H27数値確定の時期", bold=True, fill=True)
    g.put("H15", "確定", merge="I15", h="center")
    g.head("B17", "効果発現要因（総合所見）", merge="D17")
    g.head("E17", "課題", merge="F17")
    g.head("G17", "今後の取組", merge="I17")
    g.put("B18", None, merge="D18")
    g.put("E18", None, merge="F18")
    g.put("G18", None, merge="I18")
    g.heights[18] = 60
    return [g]


# 浦河町（北海道）「浦河町まち・ひと・しごと創生総合戦略」（最終案）の基本数値目標とKPI一覧
# 町議会総務常任委員会で示された最終案を委員（議員）が転載したもの
# https://mutotakuya-urakawa.blogspot.com/2016/02/urakawa-sousei.html
URAKAWA = {
    "file": "urakawa-sogo-senryaku-kpi", "writer": "xlsxwriter", "sheet": "KPI一覧",
    "projects": [
        {"name": "競争力のある産業振興による活力あるまちづくり",
         "kpis": [{"name": "いちご生産額", "unit": "円",
                   "baseline": Q("2億396万円", 203960000), "final": Q("4億3,000万円", 430000000)},
                  {"name": "新規雇用者数", "unit": "人", "baseline": Q("―", None), "final": Q("50人", 50)},
                  {"name": "新規創業件数", "unit": "件", "baseline": Q("―", None), "final": Q("10件", 10)}]},
        {"name": "新たな観光産業の振興",
         "kpis": [{"name": "地域DMOの設立", "unit": "件", "baseline": Q("0件", 0), "final": Q("1件", 1)},
                  {"name": "着地型・体験型観光による入込者数", "unit": "人/年",
                   "baseline": Q("41人/年", 41), "final": Q("60人/年", 60)}]},
        {"name": "潜在価値と魅力を活かした選ばれるまちづくり",
         "kpis": [{"name": "転入者数", "unit": "人", "baseline": Q("715人", 715), "final": Q("950人", 950)},
                  {"name": "交流人口数", "unit": "人", "baseline": Q("3,324人", 3324), "final": Q("5,000人", 5000)}]},
        {"name": "移住・二地域居住の促進",
         "kpis": [{"name": "移住者数", "unit": "人/年", "baseline": Q("11.4人/年", 11.4), "final": Q("17人/年", 17)}]},
    ],
}


for _p in URAKAWA["projects"]:
    for _k in _p["kpis"]:
        _k["final_year"] = 2019   # the header 目標値（H31）


@fixture(URAKAWA)
def draw_urakawa(fx):
    g = Grid(fx["sheet"])
    g.width(A=2, B=30, C=30, D=14, E=2, F=14)
    g.title("B1", "浦河町まち・ひと・しごと創生総合戦略　基本数値目標と重要業績評価指標（KPI）", merge="F1", size=12)
    g.head("B3", "施策")
    g.head("C3", "KPI項目")
    g.head("D3", "現状値")
    g.head("F3", "目標値（H31）")
    row = 4
    for p in fx["projects"]:
        n = len(p["kpis"])
        g.put(ref("B", row), p["name"], merge=ref("B", row + n - 1) if n > 1 else None)
        for k in p["kpis"]:
            g.put(ref("C", row), k["name"])
            put_q(g, ref("D", row), k["baseline"], h="right")
            g.put(ref("E", row), "→", border=False, h="center")
            put_q(g, ref("F", row), k["final"], h="right")
            row += 1
    g.note(ref("B", row + 1), "出典：浦河町まち・ひと・しごと創生総合戦略（最終案）　※個別事業の一覧は省略", merge=ref("F", row + 1))
    return [g]


# 花巻市（岩手県）「平成27年度 事務事業評価シート【事後評価】」広域観光推進事業
# https://expydoc.com/doc/10834297/広域観光推進事業
HANAMAKI = {
    "file": "hanamaki-jimu-jigyo-hyoka", "writer": "openpyxl", "sheet": "事務事業評価",
    "projects": [{
        "name": "広域観光推進事業",
        "overview": "○産業観光パンフレット印刷　近隣市町村と連携した広域的な産業観光（工場見学等）パンフレットを作製"
                    "○イーハトーブ周遊観光促進支援　花巻、遠野、平泉、釜石の観光素材を連携させた特典付きツアー「いわてクラシック街道」の実施への支援",
        "kpis": [{"name": "ツアー参加人数", "unit": "人",
                  "values": {2014: (Q(5000, 5000, "#,##0"), Q(6956, 6956, "#,##0"))}}],
    }],
}


@fixture(HANAMAKI)
def draw_hanamaki(fx):
    g = Grid(fx["sheet"])
    g.width(A=2, B=16, C=26, D=8, E=8, F=14, G=14, H=14)
    g.title("B1", "平成27年度　事務事業評価シート【事後評価】", merge="H1")
    p = fx["projects"][0]
    g.put("B3", "事業名", bold=True, fill=True)
    g.put("C3", p["name"], merge="E3")
    g.put("F3", "事業コード", bold=True, fill=True)
    g.put("G3", "0403", merge="H3", h="center")
    g.put("B4", "総合計画", bold=True, fill=True)
    g.put("C4", "分野　しごと　／　政策　1-4 観光の振興　／　施策　1 観光の魅力向上", merge="H4")
    g.put("B5", "目的", bold=True, fill=True)
    g.put("C5", "市内への誘客促進", merge="H5")
    g.put("B6", "対象", bold=True, fill=True)
    g.put("C6", "観光客", merge="H6")
    g.put("B7", "意図", bold=True, fill=True)
    g.put("C7", "花巻を訪れる機会が広がる", merge="H7")
    g.put("B8", "事業概要", bold=True, fill=True)
    g.put("C8", p["overview"], merge="H8")
    g.heights[8] = 60
    g.head("B10", "成果指標", merge="C10")
    g.head("D10", "単位")
    g.head("E10", "区分")
    g.head("F10", "平成26年度（実績）")
    k = p["kpis"][0]
    t, a = k["values"][2014]
    g.put("B11", k["name"], merge="C12")
    g.put("D11", "人", merge="D12", h="center")
    g.put("E11", "目標", h="center")
    g.put("E12", "実績", h="center")
    put_q(g, "F11", t, h="right")
    put_q(g, "F12", a, h="right")
    g.put("B14", "成果指標の達成度", bold=True, fill=True)
    g.put("C14", "目標値より高い", merge="H14")
    g.put("B15", "成果指標の達成度の要因分析", bold=True, fill=True)
    g.put("C15", "ツアー開催回数は目標値に近い結果となったが、ツアー1団体あたりの参加人数が縮小化の傾向があるため、目標値には届かなかった。",
          merge="H15")
    g.heights[15] = 30
    return [g]


# 名取市（宮城県）キッズ事業の地域再生計画（令和5年度デジタル田園都市国家構想交付金（地方創生推進タイプ））のKPI
# 実施計画書の数値目標を市民が転載したもの（「キッズ訴訟」全記録Ⅱ⑥デジ田交付金の申請）
# https://note.com./ryoyoshida1771/n/n7f1bceb3b419
NATORI = {
    "file": "natori-kids-chiiki-saisei", "writer": "xlsxwriter", "sheet": "KPI",
    "grant": "デジタル田園都市国家構想交付金（地方創生推進タイプ）",
    "projects": [{
        "name": "キッズ事業",
        "kpis": [
            {"name": "年少人口（15歳未満）", "unit": "人", "unit_cell": "人",
             "baseline": Q(11861, 11861, "#,##0"), "values": {2027: (Q(13220, 13220, "#,##0"), BLANK)},
             "total": Q(1339, None, "#,##0")},
            {"name": "子育て世帯の移住者の増", "unit": "世帯", "unit_cell": "世帯",
             "baseline": Q(2, 2), "values": {2027: (Q(7, 7), BLANK)}, "total": Q(5, None)},
            {"name": "Natori Cup参加者数", "unit": "人", "unit_cell": "人",
             "baseline": Q(0, 0), "values": {2027: (Q(230, 230), BLANK)}, "total": Q(230, None)},
        ],
    }],
}


@fixture(NATORI)
def draw_natori(fx):
    g = Grid(fx["sheet"])
    g.width(A=2, B=26, C=7, D=14, E=14, F=16)
    g.title("B1", "地域再生計画　5-2　重要業績評価指標（KPI）", merge="F1", size=12)
    g.note("B2", fx["grant"], merge="F2")
    p = fx["projects"][0]
    g.put("B4", "事業名", bold=True, fill=True)
    g.put("C4", p["name"], merge="F4")
    g.head("B6", "KPI", merge="B7")
    g.head("C6", "単位", merge="C7")
    g.head("D6", "事業開始前\n（現時点）", merge="D7")
    g.head("E6", "目標値")
    g.head("E7", "R9\n（5年目）")
    g.head("F6", "KPI増加分の累計", merge="F7")
    g.heights[7] = 30
    row = 8
    for k in p["kpis"]:
        g.put(ref("B", row), k["name"])
        g.put(ref("C", row), k["unit_cell"], h="center")
        put_q(g, ref("D", row), k["baseline"], h="right")
        put_q(g, ref("E", row), k["values"][2027][0], h="right")
        put_q(g, ref("F", row), k["total"], h="right")
        row += 1
    g.note(ref("B", row + 1), "※KPI増加分の累計は、事業開始前から5年目までの増加分の合計", merge=ref("F", row + 1))
    return [g]


# 長崎市（長崎県）政策評価 基本施策A4「観光交流で賑わいを創出します」（主管課：観光推進課）
# 成果指標 H23～H27 と基本施策の評価、審議会の意見
# https://expydoc.com/doc/11076139/page-1-基本施策a4-観光交流で賑わいを創出します-主管課：観光推進
def _ng(targets, actuals, rates):
    """(shown, value) pairs per year H23..H27; the 達成率 row is drawn but never read."""
    return {2011 + i: (targets[i], actuals[i], rates[i]) for i in range(5)}


NAGASAKI = {
    "file": "nagasaki-kihon-shisaku-a4", "writer": "openpyxl", "sheet": "基本施策A4",
    "projects": [{
        "name": "観光交流で賑わいを創出します",
        "evaluation": {"fiscalYear": 2015, "grade": "Ab",
                       "assessment": "目標を達成しており、目的達成に向けて概ね順調に進んでいる"},
        "kpis": [
            {"name": "観光客数[暦年]", "unit": "人", "unit_cell": "万人",
             "baseline": Q("558.7万人（21年）", 5587000),
             "rows": _ng([Q(570.0, 5700000, "#,##0.0"), Q(580.0, 5800000, "#,##0.0"), Q(600.0, 6000000, "#,##0.0"),
                          Q(620.0, 6200000, "#,##0.0"), Q(630.0, 6300000, "#,##0.0")],
                         [Q(594.5, 5945000, "#,##0.0"), Q(595.3, 5953000, "#,##0.0"), Q(607.8, 6078000, "#,##0.0"),
                          Q(630.6, 6306000, "#,##0.0"), Q(669.3, 6693000, "#,##0.0")],
                         ["104.3%", "102.6%", "101.3%", "101.7%", "106.2%"])},
            {"name": "観光消費額[暦年]", "unit": "円", "unit_cell": "億円",
             "baseline": Q("751億円（21年）", 75100000000),
             "rows": _ng([Q(1064.0, 106400000000, "#,##0.0"), Q(1086.0, 108600000000, "#,##0.0"),
                          Q(1134.0, 113400000000, "#,##0.0"), Q(1182.0, 118200000000, "#,##0.0"),
                          Q(1217.0, 121700000000, "#,##0.0")],
                         [Q(1097.7, 109770000000, "#,##0.0"), Q(1154.5, 115450000000, "#,##0.0"),
                          Q(1203.2, 120320000000, "#,##0.0"), Q(1243.2, 124320000000, "#,##0.0"),
                          Q(1368.3, 136830000000, "#,##0.0")],
                         ["103.2%", "106.3%", "106.1%", "105.2%", "112.4%"])},
        ],
    }],
}
for _k in NAGASAKI["projects"][0]["kpis"]:
    _k["values"] = {fy: (t, a) for fy, (t, a, _) in _k["rows"].items()}


@fixture(NAGASAKI)
def draw_nagasaki(fx):
    g = Grid(fx["sheet"])
    g.width(A=2, B=20, C=18, D=6, E=4, F=8, **{get_column_letter(7 + i): 10 for i in range(5)})
    g.title("B1", "基本施策A4　観光交流で賑わいを創出します", merge="K1")
    g.note("I2", "主管課：観光推進課", merge="K2")
    p = fx["projects"][0]
    g.put("B3", "施策名", bold=True, fill=True)
    g.put("C3", p["name"], merge="K3")
    g.put("B4", "施策の目的", bold=True, fill=True)
    g.put("C4", "まちが、より多くの観光客や市民で賑わっている", merge="K4")
    g.put("B5", "評価", bold=True, fill=True)
    ev = p["evaluation"]
    g.put("C5", ev["grade"] + "：" + ev["assessment"], merge="K5")
    g.note("B7", "ウ　成果指標（「⇧」は目標値を上回ることが望ましい指標、「⇩」は目標値を下回ることが望ましい指標）", merge="K7")
    g.head("B8", "指標名")
    g.head("C8", "基準値（時期）")
    g.head("D8", "単位")
    g.head("E8", None)
    g.head("F8", "区分")
    for i, y in enumerate(["H23", "H24", "H25", "H26", "H27"]):
        g.head(ref(7 + i, 8), y)
    row = 9
    for k in p["kpis"]:
        for col, q in (("B", k["name"]), ("D", k["unit_cell"]), ("E", "⇧")):
            g.put(ref(col, row), q, merge=ref(col, row + 2), h="center" if col != "B" else "left")
        put_q(g, ref("C", row), k["baseline"], merge=ref("C", row + 2), h="right")
        for j, label in enumerate(["目標値", "実績値", "達成率"]):
            g.put(ref("F", row + j), label, h="center")
        for i, fy in enumerate(sorted(k["rows"])):
            t, a, rate = k["rows"][fy]
            put_q(g, ref(7 + i, row), t, h="right")
            put_q(g, ref(7 + i, row + 1), a, h="right")
            g.put(ref(7 + i, row + 2), rate, h="right")
        row += 3
    row += 1
    g.put(ref("B", row), "評価結果の妥当性", bold=True, fill=True)
    g.put(ref("C", row), "基本施策の成果指標の達成状況から評価結果を「Ab」（目標を達成しており、目的達成に向けて概ね順調に進んでいる）と"
          "判断しているが、様々な取組みが進められているなかで不十分と自己評価しているものが多く、評価結果と取組みの整合性が感じられない。"
          "評価結果の補足として今後必要な取組みについて記載してはどうか。", merge=ref("K", row))
    g.heights[row] = 45
    g.put(ref("B", row + 1), "審議会における政策評価に関する意見", bold=True, fill=True)
    g.put(ref("C", row + 1), "○交流人口に関わるビッグデータは上から見た点（位置）と時間の情報を主なものとして解析を行う。"
          "実際に接客をしているホテル等から得られる情報や、観光客の年齢層や国の構成等を総合的に解析する必要がある。", merge=ref("K", row + 1))
    g.heights[row + 1] = 45
    return [g]


# ---------------------------------------------------------------------------------------------

# 喜界町（鹿児島県）「地域活性化・地域住民生活等緊急支援交付金（地方創生先行型）に係る事業実施結果報告」
# https://expydoc.com/doc/10606083/地域活性化・地域住民生活等緊急支援交付金（地方創生先行型
KIKAI = {
    "file": "kikai-senkogata-jisshi-kekka", "writer": "xlsxwriter", "sheet": "実施結果報告",
    "projects": [
        {"name": "喜界版総合戦略策定事業", "department": "企画観光課",
         "content": "○国の長期ビジョンと総合戦略を勘案して、近隣市町村と連携し、地域の特性を踏まえ、今後の展望を見据えた「喜界版総合戦略」を策定する。",
         "result": "【内容】\n○喜界町人口ビジョン及び喜界町まち・ひと・しごと創生総合戦略策定のため、各種会議の開催、人口分析業務委託等を行った。",
         "kpis": []},
        {"name": "オペレーター育成事業", "department": "企画観光課",
         "content": "○喜界町では、雇用創出のためコールセンターを誘致する。誘致には、経営資源となる人材育成・確保や求職者のスキルアップが必要となるため、企業内研修を委託する。",
         "result": "【内容】\n○現在、コールセンターの誘致に向け、条件等について交渉を行っている。",
         "kpis": [{"name": "雇用者数", "unit": "人", "target_cell": "20人\n（H29.3）",
                   "values": {2015: (BLANK, BLANK), 2016: (Q(None, 20), BLANK, "H29.3")}}]},
        {"name": "「あるもの再利用」による移住・定住促進事業", "department": None,
         "content": "○喜界町では、学校跡地施設を改修整備して、大学の研究施設を誘致する。研究施設の誘致により、交流人口拡大及び研究者等の定住促進を図る。",
         "result": "【内容】\n○平成27年8月、サンゴ礁科学研究所が旧早町小学校に開設した。開設に伴い、施設改修費等の補助を行った。\n"
                   "【効果】\n○研究員が1人定住\n○大学等の研究者が25人来島し、調査・研究活動を行った。\n○入込客52,674人（H26）→",
         "kpis": [{"name": "移住希望研究者", "unit": "人", "target_cell": "1人\n（H29.3）",
                   "values": {2015: (BLANK, Q("1人", 1)), 2016: (Q(None, 1), BLANK, "H29.3")}},
                  {"name": "入込客増加", "unit": "人", "target_cell": "500人\n（H29.3）",
                   "values": {2015: (BLANK, Q("2,807人", 2807)), 2016: (Q(None, 500), BLANK, "H29.3")}}]},
    ],
}


@fixture(KIKAI)
def draw_kikai(fx):
    g = Grid(fx["sheet"])
    g.width(A=2, B=4, C=24, D=40, E=16, F=12, G=12, H=12, I=36, J=24)
    g.title("B1", "地域活性化・地域住民生活等緊急支援交付金（地方創生先行型）に係る事業実施結果報告", merge="J1", size=12)
    g.head("B3", "No", merge="B4")
    g.head("C3", "交付対象事業名", merge="C4")
    g.head("D3", "事業内容", merge="D4")
    g.head("E3", "本事業における重要業績評価指標（KPI）", merge="G3")
    g.head("E4", "指標")
    g.head("F4", "指標値（目標年月）")
    g.head("G4", "実績値（H28.3現在）")
    g.head("H3", "担当課", merge="H4")
    g.head("I3", "事業実施内容・効果・今後の展開", merge="I4")
    g.head("J3", "外部有識者からの意見", merge="J4")
    g.heights[4] = 30
    row = 5
    for no, p in enumerate(fx["projects"], start=1):
        kpis = p["kpis"] or [None]
        n = len(kpis)
        last = row + n - 1
        span = (lambda col: ref(col, last) if n > 1 else None)
        g.put(ref("B", row), no, merge=span("B"), h="center")
        g.put(ref("C", row), p["name"], merge=span("C"))
        g.put(ref("D", row), p["content"], merge=span("D"))
        g.put(ref("H", row), p["department"], merge=span("H"))
        g.put(ref("I", row), p["result"], merge=span("I"))
        g.put(ref("J", row), None, merge=span("J"))
        for k in kpis:
            if k is None:
                for col in "EFG":
                    g.put(ref(col, row), None)
            else:
                g.put(ref("E", row), k["name"])
                g.put(ref("F", row), k["target_cell"], h="right")
                put_q(g, ref("G", row), k["values"][2015][1], h="right")
            g.heights[row] = 60
            row += 1
    return [g]



# =============================================================================================
# Second set (issues #15/#16): tables drawn differently from the first twenty.


# 名寄市（北海道）「令和2年度行政評価調書」番号171 農業振興センター事業（担当課室：農務課）
# https://vdocuments.net/-gtgtgt-gt0-0.html (city.nayoro.lg.jp)
NAYORO_YEARS = ["平成28年度", "平成29年度", "平成30年度", "令和元年度", "令和2年度"]
NAYORO = {
    "file": "nayoro-gyosei-hyoka-chosho", "writer": "openpyxl", "sheet": "行政評価調書",
    "projects": [{
        "name": "農業振興センター事業", "department": "農務課",
        "overview": "実証圃場における試験栽培による、栽培技術や新規品種・作物の地域適正などの検証。",
        "cost_unit": "千円",
        "budget": {  # row label -> five years (H28..R2), None = blank
            "国支出金": [None] * 5,
            "道支出金": [69, 69, 69, 119, 69],
            "地方債": [None] * 5,
            "その他": [8471, 8410, 7544, 8436, 7776],
            "一般財源": [7404, 6381, 4487, 6284, 6158],
            "事業費計": [15944, 14860, 12100, 14839, 14003],
        },
        "cost": {2016: Q(15795, 15795, "#,##0"), 2017: Q(14860, 14860, "#,##0"), 2018: Q(12069, 12069, "#,##0"),
                 2019: Q(14104, 14104, "#,##0"), 2020: Q("-", None)},
        "rate": ["99%", "100%", "100%", "95%", "-"],
        "kpis": [{"name": "試験栽培の実施品目数", "unit": "品目",
                  "values": {2016: (Q(6, 6), Q(6, 6)), 2017: (Q(6, 6), Q(6, 6)), 2018: (Q(6, 6), Q(8, 8)),
                             2019: (Q(7, 7), Q(7, 7)), 2020: (Q(8, 8), BLANK)},
                  "rates": ["100%", "100%", "133%", "100%", None]}],
    }],
}


@fixture(NAYORO)
def draw_nayoro(fx):
    g = Grid(fx["sheet"])
    g.width(A=2, B=14, C=10, D=8, **{get_column_letter(5 + i): 11 for i in range(5)})
    g.title("B1", "令和2年度行政評価調書", merge="I1")
    p = fx["projects"][0]
    g.put("B3", "番号", bold=True, fill=True)
    g.put("C3", 171, h="center")
    g.put("D3", "事業名", bold=True, fill=True)
    g.put("E3", p["name"], merge="G3")
    g.put("H3", "新規/継続", bold=True, fill=True)
    g.put("I3", "継続", h="center")
    g.put("B4", "担当課室", bold=True, fill=True)
    g.put("C4", p["department"], merge="D4")
    g.put("E4", "会計区分", bold=True, fill=True)
    g.put("F4", "一般会計", merge="G4")
    g.put("B5", "総合計画", bold=True, fill=True)
    g.put("C5", "基本目標　Ⅳ地域の特性を活かしたにぎわいと活力のあるまちづくり　主要施策　農業・農村の振興", merge="I5")
    g.put("B6", "事業の目的\n（目指す姿を簡潔に。3行程度以内）", bold=True, fill=True)
    g.put("C6", "新たな栽培技術や品目導入を目的とした試験・研究を実施し、農作物の収量増加や品質向上による収益拡大を目指す。"
          "省力化技術の導入などによる作業効率向上の検証に取り組み、農業者へ情報提供を行う。", merge="I6")
    g.put("B7", "事業概要", bold=True, fill=True)
    g.put("C7", p["overview"], merge="I7")
    g.heights.update({6: 45, 7: 30})
    # The budget across the years: funding lines, the total and the settled amount per year.
    g.head("B9", "予算額（千円）", merge="D9")
    for i, y in enumerate(NAYORO_YEARS):
        g.head(ref(5 + i, 9), y)
    row = 10
    for label, amounts in p["budget"].items():
        g.put(ref("B", row), label, merge=ref("D", row))
        for i, v in enumerate(amounts):
            g.put(ref(5 + i, row), v, fmt="#,##0", h="right")
        row += 1
    g.put(ref("B", row), "決算額", merge=ref("D", row))
    for i, fy in enumerate(sorted(p["cost"])):
        put_q(g, ref(5 + i, row), p["cost"][fy], h="right")
    row += 1
    g.put(ref("B", row), "執行率（%）", merge=ref("D", row))
    for i, v in enumerate(p["rate"]):
        g.put(ref(5 + i, row), v, h="right")
    row += 2
    # 成果目標及び成果実績（アウトカム）: 目標 / 実績 / 達成度 rows under the indicator.
    g.note(ref("B", row), "成果目標及び成果実績（アウトカム）", merge=ref("I", row))
    row += 1
    g.head(ref("B", row), "成果指標")
    g.head(ref("C", row), "単位")
    g.head(ref("D", row), "区分")
    for i, y in enumerate(NAYORO_YEARS):
        g.head(ref(5 + i, row), y)
    row += 1
    k = p["kpis"][0]
    g.put(ref("B", row), k["name"], merge=ref("B", row + 2))
    g.put(ref("C", row), k["unit"], merge=ref("C", row + 2), h="center")
    for j, label in enumerate(["目標", "実績", "達成度"]):
        g.put(ref("D", row + j), label, h="center")
    for i, fy in enumerate(sorted(k["values"])):
        t, a = k["values"][fy]
        put_q(g, ref(5 + i, row), t, h="right")
        put_q(g, ref(5 + i, row + 1), a, h="right")
        g.put(ref(5 + i, row + 2), k["rates"][i], h="right")
    row += 4
    g.note(ref("B", row), "※成果目標及び成果実績（アウトカム）欄について、達成度は実績÷目標で算出。", merge=ref("I", row))
    return [g]


# 真狩村（北海道）「地域活性化・地域住民生活等緊急支援交付金（地方創生先行型）の効果検証結果」
# https://expydoc.com/doc/10319035/地域活性化・地域住民生活等緊急支援交付金（地方創生先行型
MAKKARI = {
    "file": "makkari-senkogata-kensho", "writer": "xlsxwriter", "sheet": "効果検証結果",
    "fiscal_year_option": 2015,
    "projects": [
        {"name": "真狩村総合戦略策定業務", "grant_amount": 3000,
         "content": "○「真狩村総合戦略」の策定に係る各種調査の実施\n○外部有識者を含む「真狩村地方創生推進会議」の運営補助等",
         "kpis": []},
        {"name": "真狩村における食品加工業の振興による地域活性化方策検討業務", "grant_amount": 5400,
         "content": "○食品加工の試行的取組及び市場調査の実施\n○新たな食品加工業の創出に向けた事業計画の策定\n○協議会の運営補助等",
         "comment": "農産加工品の製品化に向けた商談・テスト販売を実施できたことから、十分に効果はあった。今後は民間事業者と積極的に協議を行い、開発を進める。",
         "kpis": [{"name": "事業立ち上げに向けた民間企業との商談件数", "unit": "件",
                   "values": {2015: (Q("3件", 3), Q("17件", 17))}},
                  {"name": "製品開発等の取組件数", "unit": "件",
                   "values": {2015: (Q("2件", 2), BLANK)}}]},
        {"name": "高校生パティシエによる村活性化プロジェクト事業", "grant_amount": 7833,
         "content": "○道の駅における高校生カフェの運営\n〇地場農産物を活用した野菜スィーツの試作・販売の実施",
         "kpis": [{"name": "道の駅観光客入込数増加", "unit": "人",
                   "values": {2015: (Q("7,946人", 7946), BLANK)}},
                  {"name": "カフェ売上げ", "unit": "円",
                   "values": {2015: (Q("200万円", 2000000), BLANK)}}]},
    ],
}


for _p in MAKKARI["projects"]:
    _p["overview"] = _p["content"].replace("\n", "")


@fixture(MAKKARI)
def draw_makkari(fx):
    g = Grid(fx["sheet"])
    g.width(A=2, B=4, C=26, D=36, E=10, F=30, G=12, H=12, I=36, J=14)
    g.title("B1", "地域活性化・地域住民生活等緊急支援交付金（地方創生先行型）の効果検証結果", merge="J1", size=12)
    g.head("B3", "No", merge="B4")
    g.head("C3", "交付対象事業の名称", merge="C4")
    g.head("D3", "事業概要", merge="D4")
    g.head("E3", "交付額\n（千円）", merge="E4")
    g.head("F3", "本事業における重要業績評価指標（KPI）", merge="H3")
    g.head("F4", "指標")
    g.head("G4", "指標値")
    g.head("H4", "実績値")
    g.head("I3", "評価及び今後の方針", merge="I4")
    g.head("J3", "推進会議\nの評価", merge="J4")
    row = 5
    for no, p in enumerate(fx["projects"], start=1):
        kpis = p["kpis"] or [None]
        last = row + len(kpis) - 1
        span = (lambda col: ref(col, last) if last > row else None)
        g.put(ref("B", row), no, merge=span("B"), h="center")
        g.put(ref("C", row), p["name"], merge=span("C"))
        g.put(ref("D", row), p["content"], merge=span("D"))
        g.put(ref("E", row), p["grant_amount"], merge=span("E"), fmt="#,##0", h="right")
        g.put(ref("I", row), p.get("comment"), merge=span("I"))
        g.put(ref("J", row), None, merge=span("J"))
        for i, k in enumerate(kpis):
            r = row + i
            if k is None:
                for col in "FGH":
                    g.put(ref(col, r), None)
            else:
                t, a = k["values"][2015]
                g.put(ref("F", r), k["name"])
                put_q(g, ref("G", r), t, h="right")
                put_q(g, ref("H", r), a, h="right")
            g.heights[r] = 45
        row = last + 1
    return [g]


# 養父市（兵庫県）「地域活性化・地域住民生活等緊急支援交付金（地方創生先行型）事業評価シート」
# https://paperzz.com/doc/6462240/先行型事業評価シート--pdfファイル-325kb-
YABU = {
    "file": "yabu-senkogata-hyoka", "writer": "openpyxl", "sheet": "事業評価シート",
    "fiscal_year_option": 2015,
    "projects": [
        {"name": "総合戦略策定事業", "plan": 7301000, "cost": {2015: Q(6509092, 6509092, "#,##0")}, "cost_unit": None,
         "content": "養父市版総合戦略の策定", "kpis": []},
        {"name": "やぶの空き家活用支援事業", "plan": 1500000, "cost": {2015: Q(1500000, 1500000, "#,##0")},
         "cost_unit": None,
         "content": "空き家の増加は、地域コミュニティの希薄化や地域活力の低下を招き、放置すれば周辺の生活環境や安全性を悪化させる。"
                    "このため、空き家活用支援事業に取り組むことにより、空き家解消に向けたストックの有効活用を図るとともに、移住定住の促進を図る。",
         "kpis": [{"name": "助成件数", "unit": "件", "cell": "助成件数　1件",
                   "values": {2015: (Q(None, 1), BLANK)}}]},
    ],
}


@fixture(YABU)
def draw_yabu(fx):
    g = Grid(fx["sheet"])
    g.width(A=2, B=4, C=4, D=24, E=44, F=12, G=12, H=18)
    g.title("B1", "地域活性化・地域住民生活等緊急支援交付金（地方創生先行型）事業評価シート", merge="H1", size=12)
    g.head("B3", "No", merge="B4")
    g.head("C3", "区分", merge="C4")
    g.head("D3", "交付対象事業の名称", merge="D4")
    g.head("E3", "事業の概要：目的", merge="E4")
    g.head("F3", "計画額", merge="F4")
    g.head("G3", "実績額", merge="G4")
    g.head("H3", "本事業における重要業績\n評価指標（KPI）")
    g.head("H4", "指標値")
    row = 5
    for no, p in enumerate(fx["projects"], start=1):
        g.put(ref("B", row), no, h="center")
        g.put(ref("C", row), "基\n礎\n交\n付", h="center")
        g.put(ref("D", row), p["name"])
        g.put(ref("E", row), p["content"])
        g.put(ref("F", row), p["plan"], fmt="#,##0", h="right")
        put_q(g, ref("G", row), p["cost"][2015], h="right")
        g.put(ref("H", row), p["kpis"][0]["cell"] if p["kpis"] else None)
        g.heights[row] = 60
        row += 1
    return [g]


# 玉東町（熊本県）「地域活性化・地域住民生活等緊急支援交付金（地方創生先行型）に係る事業実施結果報告」様式2
# https://expydoc.com/doc/10828530/（地方創生先行型）に係る事業実施結果報告
GYOKUTO = {
    "file": "gyokuto-senkogata-yoshiki2", "writer": "xlsxwriter", "sheet": "様式2",
    "municipality": {"name": "玉東町", "prefecture": "熊本県", "code": "43364", "contact": "0968-85-3111"},
    # 担当部局課名 of the header block: every project's department.
    "department": "総務課",
    "projects": [
        {"name": "玉東町総合戦略策定事業", "grantType": "基礎交付", "department": "総務課", "cost": {2015: Q(2673000, 2673000, "#,##0")},
         "cost_unit": "円", "kpis": [],
         "assessment_cell": "総合戦略のKPI達成に有効であった",
         "opinion_cell": "予定どおり総合戦略が策定されたため特に意見なし",
         "policy_cell": "予定通り事業終了",
         "evaluation": {"fiscalYear": 2015, "assessment": "総合戦略のKPI達成に有効であった",
                        "expertOpinion": "予定どおり総合戦略が策定されたため特に意見なし", "policy": "complete",
                        "policyReason": "本事業により総合戦略を策定し、当初の予定どおり事業を終了した。"}},
        {"name": "出生数増加に向けた子育て環境整備事業", "grantType": "基礎交付", "department": "総務課",
         "cost": {2015: BLANK},
         "kpis": [{"name": "出生数前年比増", "unit": "人", "values": {2015: (Q(3, 3), Q(11, 11), "H28.3")}},
                  {"name": "第3子以降の出生数前年比増", "unit": "世帯", "values": {2015: (Q(1, 1), Q(1, 1), "H28.3")}}],
         "effect_cell": "地方創生に非常に効果的であった",
         "opinion_cell": "事業実施により一定の成果が確認されたため特に意見なし",
         "policy_cell": "事業の継続",
         "evaluation": {"fiscalYear": 2015, "effect": "very-effective", "assessment": "総合戦略のKPI達成に有効であった",
                        "expertOpinion": "事業実施により一定の成果が確認されたため特に意見なし", "policy": "continue",
                        "policyReason": "継続して子どもたちが学びやすい環境、子育てしやすい環境を整備することにより安心して出産や移住定住につなげていく。"}},
    ],
}


@fixture(GYOKUTO)
def draw_gyokuto(fx):
    g = Grid(fx["sheet"])
    g.note("B1", "様式2")
    g.title("B2", "地域活性化・地域住民生活等緊急支援交付金（地方創生先行型）に係る事業実施結果報告", merge="Q2", size=12)
    g.note("B3", "（各交付対象事業の重要業績評価指標（KPI）の実績値等）", merge="Q3")
    m = fx["municipality"]
    g.head("B5", "都道府県名", merge="C5")
    g.put("D5", m["prefecture"], merge="E5", h="center")
    g.head("F5", "市町村名", merge="G5")
    g.put("H5", m["name"], merge="I5", h="center")
    g.head("J5", "都道府県・市町村コード（5桁）", merge="L5")
    g.put("M5", m["code"], merge="N5", h="center")
    g.head("B6", "担当部局課名", merge="C6")
    g.put("D6", fx["department"], merge="E6", h="center")
    g.head("F6", "連絡先", merge="G6")
    g.head("H6", "電話", merge="I6")
    g.put("J6", m["contact"], merge="L6", h="center")
    cols = national_header(g, 8)
    row = 11
    for no, p in enumerate(fx["projects"], start=1):
        row = national_project(g, cols, row, no, p, fy=2015)
    return [g]


# つくば市（茨城県）「まち・ひと・しごと創生事業 平成27年度実績評価シート【個別施策-重要業績評価指標（KPI）】」
# 資料2-7 個別施策に付随する重要業績評価指標（KPI）の評価シート（平成28年3月作成・11月確定）
# https://123deta.com/document/oz1w3oey-27Hakutei資料27個別施策に付随する重要業績評価指標KPIの評価シート.html
TSUKUBA_KOBETSU = {
    "file": "tsukuba-kobetsu-shisaku-kpi", "writer": "openpyxl", "sheet": "個別施策KPI",
    "projects": [{
        "no": 1, "name": "科学技術の振興によるまちづくり", "cell": "(1)科学技術の振興によるまちづくり",
        "evaluation": {"fiscalYear": 2015, "grade": "B", "assessment": "成果・費用対効果の向上に努めつつ継続実施"},
        "kpis": [{
            "name": "平成27年度から平成31年度までの国際戦略総合特区新規プロジェクトの創出数", "unit": "プロジェクト",
            "baseline": Q(8, 8), "final": Q(12, 12), "final_year": 2019,
            "values": {2015: (DASH, Q(8, 8)), 2016: (DASH, DASH), 2017: (DASH, DASH), 2018: (DASH, DASH),
                       2019: (Q(12, 12), DASH)},
        }],
    }],
}


@fixture(TSUKUBA_KOBETSU)
def draw_tsukuba_kobetsu(fx):
    g = Grid(fx["sheet"])
    g.width(A=2, B=12, C=8, D=11, E=9, **{get_column_letter(6 + i): 7 for i in range(5)}, K=8, L=11, M=9)
    g.title("B1", "②　まち・ひと・しごと創生事業　平成27年度実績評価シート【個別施策-重要業績評価指標（KPI）】", merge="J1", size=12)
    g.note("K1", "平成28年3月作成・11月確定", merge="M1")
    p = fx["projects"][0]
    k = p["kpis"][0]
    labels = [("基本目標", "Ⅰ　つくば市の特性をいかした産業競争力の強化でしごとをつくる"),
              ("基本施策", "1　筑波研究学園都市に集積する最先端の科学技術から新たな産業をつくる"),
              ("個別施策", p["cell"])]
    for i, (label, value) in enumerate(labels):
        g.put(ref("B", 3 + i), label, bold=True, fill=True)
        g.put(ref("C", 3 + i), value, merge=ref("M", 3 + i))
    g.put("B6", "KPI　その1", bold=True, fill=True)
    g.put("C6", k["name"], merge="H6")
    g.put("I6", "指標担当部課等", bold=True, fill=True, merge="J6")
    g.put("K6", "科学技術・特区推進課", merge="M6")
    g.heights[6] = 30
    # Years across; 従前値 before and 目標値 after them, each with its own （単位） and year.
    g.head("B8", "区分")
    g.head("C8", "従前値")
    g.head("D8", "（単位）")
    g.head("E8", "数値の\n基準年度")
    for i, y in enumerate(["H27", "H28", "H29", "H30", "H31"]):
        g.head(ref(6 + i, 8), y)
    g.head("K8", "目標値")
    g.head("L8", "（単位）")
    g.head("M8", "目標年度")
    g.heights[8] = 30
    g.put("B9", "目標値", h="center")
    g.put("B10", "実績値", h="center")
    put_q(g, "C9", k["baseline"], merge="C10", h="right")
    g.put("D9", k["unit"], merge="D10", h="center")
    g.put("E9", "H27年度", merge="E10", h="center")
    for i, fy in enumerate(sorted(k["values"])):
        t, a = k["values"][fy]
        put_q(g, ref(6 + i, 9), t, h="center")
        put_q(g, ref(6 + i, 10), a, h="center")
    put_q(g, "K9", k["final"], merge="K10", h="right")
    g.put("L9", k["unit"], merge="L10", h="center")
    g.put("M9", "H31年度", merge="M10", h="center")
    g.put("B12", "指標の方向性", bold=True, fill=True)
    g.put("C12", "向きをはかるもの", merge="E12")
    g.put("F12", "進捗状況", bold=True, fill=True, merge="G12")
    g.put("H12", "概ね順調", merge="J12")
    g.put("B13", "設定根拠", bold=True, fill=True)
    g.put("C13", "区申請時（平成23年）の新規プロジェクトの創出数は4件，現在（平成27年）は合計8プロジェクトが創出されているため，"
          "5プロジェクトを目指します。", merge="M13")
    g.heights[13] = 30
    g.put("B15", "評　価", bold=True, fill=True, merge="B17")
    ev = p["evaluation"]
    for i, (label, value) in enumerate([("有効性", "中：適切な成果が得られている"),
                                        ("効率性", "中：適切な費用対効果が得られている"),
                                        ("総合評価", ev["grade"] + "：" + ev["assessment"])]):
        g.put(ref("C", 15 + i), label, bold=True, fill=True, merge=ref("D", 15 + i))
        g.put(ref("E", 15 + i), value, merge=ref("M", 15 + i))
    g.put("B19", "実績値の計算方法", bold=True, fill=True, merge="C19")
    g.put("D19", "新規プロジェクトとして国に報告した件数のカウント", merge="J19")
    g.put("K19", "H27数値確定の時期", bold=True, fill=True, merge="L19")
    g.put("M19", "確定")
    g.put("B20", "効果発現要因（総合所見）", bold=True, fill=True, merge="E20")
    g.put("F20", "課題", bold=True, fill=True, merge="I20")
    g.put("J20", "今後の取組", bold=True, fill=True, merge="M20")
    g.put("B21", "TGI，県，市がそれぞれのネットワークを活かしながら，研究機関への訪問や各種研究会への参加を行った。", merge="E21")
    g.put("F21", None, merge="I21")
    g.put("J21", None, merge="M21")
    g.heights[21] = 45
    return [g]


# 美馬市（徳島県）総合計画「成果指標」（平成31年度末を目標年次とした成果指標）
# https://paperzz.com/doc/6402135/成果指標---美馬市
MIMA = {
    "file": "mima-sogo-keikaku-seika-shihyo", "writer": "xlsxwriter", "sheet": "成果指標",
    "projects": [
        {"no": 1, "name": "子育て・就学前教育", "heading": "①子育て・就学前教育",
         "kpis": [
             {"name": "待機児童", "unit": "人", "baseline": Q(0, 0), "final": Q(0, 0), "final_year": 2019,
              "about": "市では待機児童は存在しないが、今後も保育ニーズ量に対する受け皿を確保していく。"},
             {"name": "認定こども園", "unit": "カ所", "baseline": Q(1, 1), "final": Q(3, 3), "final_year": 2019,
              "about": "子ども・子育て支援新制度における認定子ども園を計画的に整備する。"},
             {"name": "母子・父子相談件数", "unit": "件", "baseline": Q(943, 943, "#,##0"),
              "final": Q(1000, 1000, "#,##0"), "final_year": 2019,
              "about": "多様化する相談内容に対し、細やかな対応を実施する。"}]},
        {"no": 5, "name": "生涯スポーツ", "heading": "⑤生涯スポーツ",
         "kpis": [
             {"name": "総合型スポーツクラブの加入者数", "unit": "人", "baseline": Q(1170, 1170, "#,##0"),
              "final": Q(1300, 1300, "#,##0"), "final_year": 2019, "about": None},
             {"name": "市体育協会会員数", "unit": "人", "baseline": Q(1624, 1624, "#,##0"),
              "final": Q(1800, 1800, "#,##0"), "final_year": 2019, "about": None},
             {"name": "市スポーツ少年団加入者数", "unit": "人", "baseline": Q(261, 261), "final": Q(280, 280),
              "final_year": 2019, "about": None}]},
        {"no": 7, "name": "地域づくり", "heading": "⑦地域づくり",
         "kpis": [{"name": "自治会数", "unit": "自治会", "baseline": Q(332, 332), "final": BLANK, "final_year": 2019,
                   "final_blank": True,
                   "about": None}]},
    ],
}


@fixture(MIMA)
def draw_mima(fx):
    g = Grid(fx["sheet"])
    g.width(A=2, B=30, C=8, D=10, E=14, F=40)
    g.title("B1", "成果指標", merge="F1")
    g.note("B2", "総合計画の達成度合いを判断するため、平成31年度末を目標年次とした成果指標（達成目標）を設定しました。", merge="F2")
    g.note("B4", "1章　市民の個性と能力が発揮できるまちづくり（教育・文化）", merge="F4")
    row = 6
    for p in fx["projects"]:
        g.put(ref("B", row), p["heading"], bold=True, border=False)
        row += 1
        g.head(ref("B", row), "目標（指標）名")
        g.head(ref("C", row), "単位")
        g.head(ref("D", row), "現状")
        g.head(ref("E", row), "目標（平成31年度）")
        g.head(ref("F", row), "目標（指標）の説明")
        row += 1
        for k in p["kpis"]:
            g.put(ref("B", row), k["name"])
            g.put(ref("C", row), k["unit"], h="center")
            put_q(g, ref("D", row), k["baseline"], h="right")
            put_q(g, ref("E", row), k["final"], h="right")
            g.put(ref("F", row), k["about"])
            row += 1
        row += 1
    return [g]


# 熊野市（三重県）「第1次総合計画基本計画 数値目標一覧」（主指標46 副指標150 合計196項目）基本施策1 農業
# https://paperzz.com/doc/6460259/基本計画数値目標一覧
def _km(name, page, now, mid, final, unit, how, when, measure):
    return {"name": name, "page": page, "unit": unit, "how": how, "when": when, "measure": measure,
            "baseline": now, "values": {2012: (mid, BLANK), 2017: (final, BLANK)}, "final": final, "final_year": 2017}


KUMANO = {
    "file": "kumano-kihon-keikaku-suchi-mokuhyo", "writer": "openpyxl", "sheet": "数値目標一覧",
    "projects": [
        {"name": "農業者の確保・育成対策", "no": 1, "cell": "(1) 農業者の確保・育成対策",
         "kpis": [_km("新規就農者数", 61, Q("1人", 1), Q("15人", 15), Q("30人", 30), "人", "関係機関等調査", "随時", "副")]},
        {"name": "組織的農業への支援（集落営農・企業の農業参入）", "no": 2,
         "cell": "(2) 組織的農業への支援（集落営農・企業の農業参入）",
         "kpis": [_km("農業経営体数", 62, Q("3経営体", 3), Q("5経営体", 5), Q("8経営体", 8), "経営体", "関係機関等調査",
                      "随時", "副")]},
        {"name": "市場競争力のある農産物・加工品による輸出力強化", "no": 3,
         "cell": "(3) 市場競争力のある農産物・加工品による輸出力強化",
         "kpis": [_km("新姫販売額", 64, Q("―", None), Q("60百万円", 60), Q("200百万円", 200), "百万円",
                      "育成者権保有期間中（H25まで）は市、その後は関係機関調査", "翌年11月頃", "副")]},
        {"name": "都市との交流をはじめとする第六次産業化の促進", "no": 4,
         "cell": "(4) 都市との交流をはじめとする第六次産業化の促進",
         "kpis": [_km("グリーンツーリズム体験者数", 65, Q("1,118人", 1118), Q("1,300人", 1300), Q("1,500人", 1500), "人",
                      "ふるさと公社等調査", "随時", "副")]},
        {"name": "農村環境の整備と農地の適正な管理", "no": 5, "cell": "(5) 農村環境の整備と農地の適正な管理",
         "kpis": [_km("農業基盤整備率", 66, Q("53%", 53), Q("56%", 56), Q("60%", 60), "%", "市（農業振興課）", "随時",
                      "副")]},
        {"name": "獣害対策", "no": 6, "cell": "(6) 獣害対策",
         "kpis": [_km("獣害対策取組件数", 67, Q("23件", 23), Q("40件", 40), Q("60件", 60), "件", "市（農業振興課）", "随時",
                      "副")]},
        {"name": "（財）紀和町ふるさと公社の役割", "no": 7, "cell": "(7) （財）紀和町ふるさと公社の役割",
         "kpis": [_km("（財）紀和町ふるさと公社の売上高", 68, Q("41百万円", 41), Q("200百万円", 200),
                      Q("500百万円", 500), "百万円", "（財）紀和町ふるさと公社決算報告書", "翌年度5月", "副")]},
    ],
}


@fixture(KUMANO)
def draw_kumano(fx):
    g = Grid(fx["sheet"])
    g.width(A=2, B=18, C=14, D=26, E=26, F=6, G=12, H=12, I=12, J=26, K=10)
    g.title("B1", "第1次総合計画基本計画　数値目標一覧", merge="H1")
    g.note("I1", "主指標 46　副指標150　合計196項目", merge="K1")
    g.note("B2", "計画期間：平成20年度～平成29年度", merge="E2")
    heads = ["基本目標", "基本施策", "施　策", "成果指標", "掲載頁", "現状値", "目標値\n24年度", "目標値\n29年度", "確認方法",
             "確認時期"]
    for i, h in enumerate(heads):
        g.head(ref(2 + i, 4), h)
    g.heights[4] = 30
    first = 5
    last = first + len(fx["projects"]) - 1
    g.put(ref("B", first), "1 地域資源を活かした、独創性のある産業が発展するまち\n（産業振興）", merge=ref("B", last))
    g.put(ref("C", first), "1 農林水産業の振興\n1 農業", merge=ref("C", last))
    row = first
    for p in fx["projects"]:
        k = p["kpis"][0]
        g.put(ref("D", row), p["cell"])
        g.put(ref("E", row), k["name"])
        g.put(ref("F", row), k["page"], h="center")
        put_q(g, ref("G", row), k["baseline"], h="right")
        put_q(g, ref("H", row), k["values"][2012][0], h="right")
        put_q(g, ref("I", row), k["final"], h="right")
        g.put(ref("J", row), k["how"])
        g.put(ref("K", row), k["when"], h="center")
        row += 1
    return [g]


# 小矢部市（富山県）「小矢部市総合計画成果指標」2 成果指標達成状況（生涯学習の促進、生涯スポーツの促進）
# https://www.city.oyabe.toyama.jp/shiseijyouhou/1001905/1001920/1001926/1001938/1001939.html
def _oy(code, name, unit, cells, values, final):
    return {"code": code, "name": name, "unit": unit, "cells": cells, "final": final, "final_year": None,
            "values": values}


OYABE = {
    "file": "oyabe-seika-shihyo-tassei", "writer": "openpyxl", "sheet": "成果指標達成状況",
    "projects": [
        {"name": "生涯学習の促進", "kpis": [
            _oy(11204, "IT講座修了者数", "人", ["なし", "1,007人", "448人", "196人", "279人"],
                {2000: (BLANK, Q("なし", None)), 2001: (BLANK, Q(None, 1007)), 2002: (BLANK, Q(None, 448)),
                 2003: (BLANK, Q(None, 196))}, Q("1,400人", 1400)),
            _oy(11302, "図書館入館者数", "人", ["102,521人", "105,757人", "117,857人", "65,016人", "120,000人"],
                {2000: (BLANK, Q(None, 102521)), 2001: (BLANK, Q(None, 105757)), 2002: (BLANK, Q(None, 117857)),
                 2003: (BLANK, Q(None, 65016))}, Q("105,000人", 105000)),
            _oy(11302, "市民一人当り図書資料貸出し数", "点", ["2.77点", "2.86点", "3点", "2点", "3点"],
                {2000: (BLANK, Q(None, 2.77)), 2001: (BLANK, Q(None, 2.86)), 2002: (BLANK, Q(None, 3)),
                 2003: (BLANK, Q(None, 2))}, Q("3点", 3)),
        ]},
        {"name": "生涯スポーツの促進", "kpis": [
            _oy(12102, "総合型地域スポーツクラブ加入者数", "人", ["277人", "778人", "967人", "1,039人", "1,050人"],
                {2000: (BLANK, Q(None, 277)), 2001: (BLANK, Q(None, 778)), 2002: (BLANK, Q(None, 967)),
                 2003: (BLANK, Q(None, 1039))}, Q("500人", 500)),
            _oy(12103, "高齢者レクリエーション教室参加者数", "人", ["40人", "40人", "60人", "100人", "100人"],
                {2000: (BLANK, Q(None, 40)), 2001: (BLANK, Q(None, 40)), 2002: (BLANK, Q(None, 60)),
                 2003: (BLANK, Q(None, 100))}, Q("90人", 90)),
            _oy(12104, "成人のスポーツ実施率(週1回以上)", "%", ["37%", "40%", "なし", "なし", "なし"],
                {2000: (BLANK, Q(None, 37)), 2001: (BLANK, Q(None, 40)), 2002: (BLANK, BLANK),
                 2003: (BLANK, BLANK)}, Q("44%", 44)),
            _oy(12104, "ニュースポーツ用具等利用回数/年", "回", ["51回", "60回", "166回", "80回", "150回"],
                {2000: (BLANK, Q(None, 51)), 2001: (BLANK, Q(None, 60)), 2002: (BLANK, Q(None, 166)),
                 2003: (BLANK, Q(None, 80))}, Q("100回", 100)),
        ]},
    ],
}


@fixture(OYABE)
def draw_oyabe(fx):
    g = Grid(fx["sheet"])
    g.width(A=2, B=10, C=34, D=6, E=11, F=11, G=11, H=13, I=11, J=10)
    g.title("B1", "2 成果指標達成状況", merge="J1")
    heads = ["主要施策コード", "成果指標", "区分", "平成12年", "平成13年実績", "平成14年実績", "平成15年9月30日現在",
             "平成15年末見込", "5ヵ年目標"]
    row = 3
    for p in fx["projects"]:
        g.put(ref("B", row), p["name"], bold=True, border=False)
        row += 1
        for i, h in enumerate(heads):
            g.head(ref(2 + i, row), h)
        g.heights[row] = 30
        row += 1
        for k in p["kpis"]:
            g.put(ref("B", row), k["code"], h="center")
            g.put(ref("C", row), k["name"])
            g.put(ref("D", row), "当初", h="center")
            for i, shown in enumerate(k["cells"]):
                g.put(ref(5 + i, row), shown, h="right")
            put_q(g, ref("J", row), k["final"], h="right")
            row += 1
        row += 1
    return [g]


# 安城市（愛知県）「第8次安城市総合計画」第9章 資料編 成果指標一覧（健康・環境・都市基盤の一部）
# https://www.city.anjo.aichi.jp/shisei/joreikeikaku/sogokeikaku/bookdata/pageindices/index87.html
def _an(field, item, name, about, now, mid, final, unit):
    return {"field": field, "item": item, "name": name, "about": about, "unit": unit, "baseline": now,
            "values": {2019: (mid, BLANK), 2023: (final, BLANK)}, "final": final, "final_year": 2023}


ANJO = {
    "file": "anjo-sogo-keikaku-seika-shihyo", "writer": "xlsxwriter", "sheet": "成果指標一覧",
    "projects": [{"name": "成果指標一覧", "kpis": [
        _an("健康", "健康・医療\nP35", "健康であると感じている人の割合",
            "自分の健康に関心を持ち、健康的な生活を送る人が増えます。",
            Q("70.7%\n(2012年度)", 70.7), Q("73%", 73), Q("75%", 75), "%"),
        _an("健康", "健康・医療\nP35", "1日に30分以上歩く人の割合",
            "日常生活における活動量が増え、生活習慣病の予防につながります。",
            Q("49.8%", 49.8), Q("52%", 52), Q("54%", 54), "%"),
        _an("健康", "健康・医療\nP35", "BMIが標準の人の割合",
            "自分の適正体重を意識し、食事量と栄養バランスに配慮している人が増えます。",
            Q("68.5%\n(2014年度)", 68.5), Q("71%", 71), Q("73%", 73), "%"),
        _an("健康", "スポーツ\nP37", "成人の週1回以上のスポーツ実施率", "スポーツをする習慣が身につきます。",
            Q("45.1%", 45.1), Q("48%", 48), Q("52%", 52), "%"),
        _an("健康", "スポーツ\nP37", "市主催スポーツ事業参加者数(単年度)",
            "参加を通じて各々の立場に応じてスポーツに親しみ関わるようになります。",
            Q("87,672人\n(2014年度)", 87672), Q("103,000人", 103000), Q("115,000人", 115000), "人"),
        _an("健康", "スポーツ\nP37", "市スポーツ施設利用者数(単年度)",
            "様々なレベルの市民が気軽に安心してスポーツに取り組む環境が整備されています。",
            Q("1,137,343人\n(2014年度)", 1137343), Q("1,330,000人", 1330000), Q("1,500,000人", 1500000), "人"),
        _an("環境", "環境\nP39", "一般廃棄物の再生利用率(リサイクル率)",
            "廃棄物の再資源化を図ることにより、資源の有効利用が進み最終処分量が減少します。",
            Q("24.2%\n(2013年度)", 24.2), Q("25%", 25), Q("26%", 26), "%"),
        _an("都市基盤\n(住環境)", "都市基盤\n(住環境)\nP41", "住環境に対する満足度",
            "市をはじめとする様々な主体の取組に対する総合的な評価が向上します。",
            Q("32%", 32), Q("36%", 36), Q("40%", 40), "%"),
    ]}],
}


@fixture(ANJO)
def draw_anjo(fx):
    g = Grid(fx["sheet"])
    g.width(A=2, B=10, C=12, D=30, E=40, F=14, G=12, H=12)
    g.title("B1", "第8次安城市総合計画　第9章　資料編", merge="H1", size=12)
    g.note("B2", "成果指標一覧", merge="H2")
    for i, h in enumerate(["分野", "項目", "指　標", "説　明", "策定時の値\n(2015年度)", "中間目標\n(2019年度)",
                           "目標値\n(2023年度)"]):
        g.head(ref(2 + i, 4), h)
    g.heights[4] = 30
    kpis = fx["projects"][0]["kpis"]
    row = 5
    i = 0
    while i < len(kpis):
        # 分野 and 項目 merged down over their indicators, as printed.
        j = i
        while j + 1 < len(kpis) and kpis[j + 1]["item"] == kpis[i]["item"]:
            j += 1
        g.put(ref("C", row), kpis[i]["item"], merge=ref("C", row + j - i) if j > i else None, h="center")
        for k in kpis[i:j + 1]:
            g.put(ref("D", row), k["name"])
            g.put(ref("E", row), k["about"])
            put_q(g, ref("F", row), k["baseline"], h="right")
            put_q(g, ref("G", row), k["values"][2019][0], h="right")
            put_q(g, ref("H", row), k["final"], h="right")
            g.heights[row] = 30
            row += 1
        i = j + 1
    # 分野 cells over their 項目 blocks.
    r = 5
    i = 0
    while i < len(kpis):
        j = i
        while j + 1 < len(kpis) and kpis[j + 1]["field"] == kpis[i]["field"]:
            j += 1
        g.put(ref("B", r), kpis[i]["field"], merge=ref("B", r + j - i) if j > i else None, h="center")
        r += j - i + 1
        i = j + 1
    return [g]


# 米子市（鳥取県）「平成27年度において国の交付金（地方創生先行型交付金）を活用して実施した事業の効果検証
# ～国の基準による効果検証～」
# https://expydoc.com/doc/10230551/平成27年度において国の交付金（地方創生先行型交付金）を
YONAGO = {
    "file": "yonago-senkogata-kouka-kensho", "writer": "openpyxl", "sheet": "効果検証",
    "projects": [
        {"no_cell": 1, "field": "Ⅱ-1-④", "name": "ふるさとで、はたらく。～家族で米子へUターン～",
         "department": "地方創生推進課", "grantType": "基礎交付",
         "overview": "民間企業等で勤務経験があり、米子市へのIターン・Jターン・Uターンを希望している県外在住者に対し、"
                     "社会人枠で職員採用試験を実施",
         "cost": {2015: Q(600000, 600000, "#,##0")}, "cost_unit": "円",
         "kpis": [{"name": "東京圏及び関西圏の若者への移住促進のためのセミナー及びツアー等の開催", "unit": "人",
                   "values": {2015: (Q(5, 5), BLANK, "H28.3")}}]},
        {"no_cell": 4, "field": "Ⅱ-1-②", "name": "ふるさとへUIJターン！応援します。", "department": "商工課",
         "grantType": "基礎交付",
         "overview": "・新たに大学等を卒業し、又は修了した者で、就労のために本市に転入した者に対し、その転入に伴う"
                     "引っ越しのために要した費用として、引越費用支援金を支給",
         "cost": {2015: BLANK}, "kpis": []},
    ],
}


@fixture(YONAGO)
def draw_yonago(fx):
    g = Grid(fx["sheet"])
    g.width(A=2, B=4, C=9, D=26, E=36, F=8, G=12, H=6, I=30, J=8, K=6, L=8, M=9)
    g.title("B1", "平成27年度において国の交付金（地方創生先行型交付金）を活用して実施した事業の効果検証", merge="M1", size=12)
    g.note("B2", "～国の基準による効果検証～", merge="F2")
    g.head("B4", "No", merge="B5")
    g.head("C4", "総合戦略\nにおける\n施策分野", merge="C5")
    g.head("D4", "交付対象事業の名称", merge="D5")
    g.head("E4", "事業概要", merge="E5")
    g.head("F4", "交付金の\n種類", merge="F5")
    g.head("G4", "実績額\n単位：円", merge="G5")
    g.head("H4", "本事業における重要業績評価指標（KPI）", merge="L4")
    g.head("H5", "指標", merge="I5")
    g.head("J5", "指標値")
    g.head("K5", "単位")
    g.head("L5", "目標年月")
    g.head("M4", "本事業終了後における実績値", merge="M5")
    g.heights.update({4: 30, 5: 30})
    row = 6
    for p in fx["projects"]:
        last = row + 1
        down = (lambda col: ref(col, last))
        g.put(ref("B", row), p["no_cell"], merge=down("B"), h="center")
        g.put(ref("C", row), p["field"], merge=down("C"), h="center")
        g.put(ref("D", row), p["name"] + "\n【" + p["department"] + "】", merge=down("D"))
        g.put(ref("E", row), p["overview"], merge=down("E"))
        g.put(ref("F", row), p["grantType"], merge=down("F"), h="center")
        put_q(g, ref("G", row), p["cost"][2015], merge=down("G"), h="right")
        for i in range(2):
            r = row + i
            g.put(ref("H", r), ["指標①", "指標②"][i], h="center")
            k = p["kpis"][i] if i < len(p["kpis"]) else None
            if k is None:
                for col in "IJKLM":
                    g.put(ref(col, r), None)
                continue
            t, a, due = k["values"][2015]
            g.put(ref("I", r), k["name"])
            put_q(g, ref("J", r), t, h="right")
            g.put(ref("K", r), k["unit"], h="center")
            g.put(ref("L", r), due, h="center")
            put_q(g, ref("M", r), a, h="right")
        g.heights[row] = 45
        row = last + 1
    return [g]


# ---------------------------------------------------------------------------------------------
# Round 3 (B): tables drawn differently (総合戦略 / 総合計画 progress tables).


# 吹田市（大阪府）「施策指標の一覧」大綱1 人権・市民自治 政策1 平和と人権を尊重するまちづくり
# https://www.city.suita.osaka.jp/shisei/1018811/1018812/1018813/1008623.html
SUITA = {
    "file": "suita-shisaku-shihyo-ichiran", "writer": "openpyxl", "sheet": "施策指標",
    "projects": [
        {"name": "111", "kpis": [
            {"seq": 1, "name": "平和祈念資料館の年間利用者数", "unit": "人",
             "baseline": Q("5万人\n(平成29年度)", 50000), "final": Q("6万人", 60000), "final_year": None,
             "why": "平和に対する市民意識の高揚を図るため、より多くの市民への啓発が重要であることから、啓発の中心的な場と"
                    "なっている平和祈念資料館の利用者数を指標として設定。",
             "how": "啓発イベントや展示などの充実、周知の対象の拡大による利用者の増加を見込む。", "src": "本市実績による"}]},
        {"name": "112", "kpis": [
            {"seq": 2, "name": "人権に関する啓発活動や講演会などへの年間参加者数", "unit": "人",
             "baseline": Q("6.1万人\n(平成29年度)", 61000), "final": Q("6.5万人", 65000), "final_year": None,
             "why": "人権意識の向上を図るため、より多くの市民への人権啓発や教育が重要であることから、指標として設定。",
             "how": "周知の対象の拡大などによる参加者の増加を見込む。", "src": "本市実績による"},
            {"seq": 3, "name": "人権をテーマにした標語やポスターなどの作品を市の事業へ応募した小・中学校の数", "unit": "校",
             "baseline": Q("36校\n(平成29年度)", 36), "final": Q("54校", 54), "final_year": None,
             "why": "人権意識の向上を図るため、より多くの児童・生徒が人権について理解を深める機会をもつことが重要であることから、"
                    "指標として設定。",
             "how": "すべての小・中学校の応募をめざす。", "src": "本市実績による"}]},
        {"name": "113", "kpis": [
            {"seq": 4, "name": "市職員の管理職(課長代理級以上)における女性の割合", "unit": "%",
             "baseline": Q("25.1%\n(平成30年度)", 25.1), "final": Q("30%", 30), "final_year": None,
             "why": "男女共同参画社会の実現のため、行政が率先して男女共同参画に取り組む必要があることから、指標として設定。",
             "how": "女性が働きやすい環境づくりや人材育成に取り組むことで、女性の管理職の増加を見込む。",
             "src": "本市実績による\n※算出式　女性の管理職の人数/管理職の人数×100"}]},
    ],
}


@fixture(SUITA)
def draw_suita(fx):
    g = Grid(fx["sheet"])
    g.width(A=2, B=5, C=7, D=34, E=13, F=10, G=36, H=30, I=22)
    g.title("B1", "施策指標の一覧", merge="I1")
    g.put("B3", "大綱1　人権・市民自治", bold=True, border=False, wrap=False)
    g.put("B4", "政策1　平和と人権を尊重するまちづくり", bold=True, border=False, wrap=False)
    for i, h in enumerate(["No", "施策", "指標名", "策定時", "目標", "指標として設定する理由", "目標値の考え方・積算など",
                           "指標の出典・定義など"]):
        g.head(ref(2 + i, 6), h)
    row = 7
    for p in fx["projects"]:
        for k in p["kpis"]:
            g.put(ref("B", row), k["seq"], h="center")
            g.put(ref("C", row), int(p["name"]), h="center")
            g.put(ref("D", row), k["name"])
            put_q(g, ref("E", row), k["baseline"], h="center")
            put_q(g, ref("F", row), k["final"], h="center")
            g.put(ref("G", row), k["why"])
            g.put(ref("H", row), k["how"])
            g.put(ref("I", row), k["src"])
            g.heights[row] = 60
            row += 1
    return [g]


# 京都府「京都府総合計画」詳細版 基本計画の数値目標（子育て）と山城地域振興計画の数値目標
# https://www-pref-kyoto-jp.cache.yimg.jp/shinsougoukeikaku/shousai/5.html
# https://www-pref-kyoto-jp.cache.yimg.jp/shinsougoukeikaku/shousai/8_3.html
def _ky(no, name, unit, now, final, how, src, ref_target, related):
    return {"no_cell": no, "name": name, "unit": unit, "baseline": now, "final": final, "final_year": 2023,
            "how": how, "src": src, "ref_target": ref_target, "related": related}


KYOTO = {
    "file": "kyoto-fu-sogo-keikaku-suchi-mokuhyo", "writer": "xlsxwriter",
    "projects": [
        {"name": "基本計画数値目標", "kpis": [
            _ky(1, "住んでいる地域が、子どもが育つのに良い環境だと思う人の割合", "%", Q("82.6\n(2019年度)", 82.6),
                Q("90.0\n(2023年度)", 90), "子育て環境の充実を進め、早期に90%をめざし、この数値を維持していく",
                "京都府民の意識調査(京都府)", "90.0\n(毎年度)", "1～28"),
            _ky(2, "子育てに喜びや楽しみを感じている親の割合", "%", Q("96.0\n(2019年度)", 96),
                Q("96.0以上\n(2023年度)", 96), "基準値が96.0%と既に高い割合となっているが、この数値の向上をめざす",
                "京都府民の意識調査(京都府)", "96.0以上\n(毎年度)", "1～28"),
            _ky(3, "子育て環境日本一に向けた職場づくり行動宣言を行った企業数(累計)", "社", DASH,
                Q("1,500\n(2023年度)", 1500),
                "「平成26年経済センサス-基礎調査」における就業規則届出義務のある労働者10人以上の事業所約2.4万社の1%強"
                "である300社(毎年度)をめざす", "京都府健康福祉部による実態把握",
                "2019年度:300\n2020年度:600\n2021年度:900\n2022年度:1,200", "3"),
            _ky(4, "「ライフデザインカレッジ」を受講して人生設計について自分の意識が変わった人の割合", "%",
                Q("67\n(2018年度)", 67), Q("80.0\n(2023年度)", 80),
                "2018年度の「ライフデザインワークショップ」受講者アンケート結果を参考に、講座の充実を図り、毎年度80%をめざす",
                "京都府健康福祉部による実態把握", "80.0\n(毎年度)", "5"),
        ]},
        {"name": "山城地域振興計画", "kpis": [
            _ky(1, "新名神の整備効果を山城管内に広める道路整備(累計)", "箇所", Q("0\n(2018年度)", 0),
                Q("6\n(2023年度)", 6), "新名神高速道路に関連する府事業の完了件数", None, None, None),
        ]},
    ],
}


@fixture(KYOTO)
def draw_kyoto(fx):
    grids = []
    intro = {"基本計画数値目標": "基本計画に掲げた取組について、その進捗を客観的に評価するため、以下のとおり計画の最終年度"
                                "(2023年度)における目標数値を設定します。",
             "山城地域振興計画": "地域振興計画に掲げた取組について、その進捗を客観的に評価するため、計画の最終年度(2023年度)"
                                "における目標数値を設定します。"}
    for p in fx["projects"]:
        g = Grid(p["name"])
        g.width(A=2, B=4, C=40, D=11, E=11, F=36, G=22, H=16, I=9)
        g.title("B1", "京都府総合計画　数値目標", merge="I1")
        g.note("B2", intro[p["name"]], merge="I2")
        for i, h in enumerate([None, "指標名称(単位)", "基準値", "目標数値", "目標設定の考え方", "出典", "参考年間目標",
                               "関連方策"]):
            g.head(ref(2 + i, 4), h)
        row = 5
        for k in p["kpis"]:
            g.put(ref("B", row), k["no_cell"], h="center")
            g.put(ref("C", row), f"{k['name']}({k['unit']})")
            put_q(g, ref("D", row), k["baseline"], h="center")
            put_q(g, ref("E", row), k["final"], h="center")
            g.put(ref("F", row), k["how"])
            g.put(ref("G", row), k["src"])
            g.put(ref("H", row), k["ref_target"], h="center")
            g.put(ref("I", row), k["related"], h="center")
            g.heights[row] = 60
            row += 1
        grids.append(g)
    return grids


# 富士市（静岡県）社会資本総合整備計画「快適で安全な魅力ある住環境の創出」計画の成果目標（定量的指標）
# https://www.city.fuji.shizuoka.jp/machi/c1502/rn2ola000000cq09.html
FUJI = {
    "file": "fuji-shakai-shihon-seika-mokuhyo", "writer": "openpyxl", "sheet": "成果目標",
    "projects": [{
        "name": "快適で安全な魅力ある住環境の創出",
        "kpis": [
            {"goal": "事業地内商業地域内への宿泊施設立地誘導と観光・ビジネス客を含む宿泊者数の増加",
             "name": "事業地内商業地域内への宿泊施設立地誘導予定戸数(客室数)における宿泊者数", "unit": "人/年",
             "how": "宿泊者数(人/年)=客室数(室)×稼働率(%)×365日\n※稼働率65%(市内の過年度実績)",
             "baseline": Q(0, 0, "#,##0"), "target": Q(154200, 154200, "#,##0"),
             "values": {2020: (Q(154200, 154200, "#,##0"), BLANK)}},
            {"goal": "神戸土地区画整理事業施行地区内における定住人口の増加",
             "name": "施行地区内の現在及び目標年度における定住人口", "unit": "人",
             "how": "施行地区内の現在及び目標年度における定住人口を測定する。",
             "baseline": Q(551, 551, "#,##0"), "target": Q(661, 661, "#,##0"),
             "values": {2020: (Q(661, 661, "#,##0"), BLANK)}},
        ],
    }],
}


@fixture(FUJI)
def draw_fuji(fx):
    g = Grid(fx["sheet"])
    g.width(A=2, B=30, C=34, D=34, E=8, F=12, G=12)
    g.title("B1", "社会資本総合整備計画　計画の成果目標（定量的指標）", merge="G1")
    p = fx["projects"][0]
    for r, (label, value) in enumerate([("計画の名称", p["name"]), ("計画の期間", "平成28年度～令和2年度（5年間）"),
                                        ("交付対象", "富士市")]):
        g.put(ref("B", 3 + r), label, bold=True, fill=True)
        g.put(ref("C", 3 + r), value, merge=ref("D", 3 + r))
    g.head("B7", "計画の目標")
    g.head("C7", "定量的指標")
    g.head("D7", "定量的指標の定義及び算定式")
    g.head("E7", "単位")
    g.head("F7", "当初現況値\n（H28年度）")
    g.head("G7", "目標値\n（R2年度）")
    g.heights[7] = 30
    row = 8
    for k in p["kpis"]:
        g.put(ref("B", row), k["goal"])
        g.put(ref("C", row), k["name"])
        g.put(ref("D", row), k["how"])
        g.put(ref("E", row), k["unit"], h="center")
        put_q(g, ref("F", row), k["baseline"], h="right")
        put_q(g, ref("G", row), k["target"], h="right")
        g.heights[row] = 48
        row += 1
    return [g]


# 佐野市（栃木県）「目標達成度評価の考え方」施策・基本事業評価の事例（平成27年度と令和3年度の実績）
# https://www.city.sano.lg.jp/kurashi_gyosei/shiseijoho_nyusatsu/kaikaku_kaizennimuketatorikumi/3/naiyou/6505.html
# http://www.city.sano.lg.jp/gyousei/hyouka/04-10.html
# https://www.city.sano.lg.jp/soshikiichiran/gyousei/gyoseikeieika/gyomuannai/3/naiyou/2871.html
SANO = {
    "file": "sano-kihon-jigyo-hyoka", "writer": "openpyxl",
    "projects": [
        {"name": "防災意識の高揚と地域防災力の向上", "policy": "消防・防災体制の強化", "sheet": "H27基本事業評価",
         "group": "平成27年度", "fy": 2015,
         "kpis": [{"name": "避難場所を知っている市民の割合", "unit": "%", "gap": "▲17.1",
                   "values": {2015: (Q(75.0, 75, "0.0"), Q(57.9, 57.9, "0.0"))}}]},
        {"name": "雇用機会の提供と就労支援", "policy": "活力ある商業・鉱工業の振興", "sheet": "R3基本事業評価",
         "group": "R3年度", "fy": 2021,
         "kpis": [{"name": "求人面接会等で採用となった人数", "unit": "人", "gap": "▲3",
                   "values": {2021: (Q(15, 15), Q(12, 12))}}]},
    ],
}


@fixture(SANO)
def draw_sano(fx):
    grids = []
    for p in fx["projects"]:
        g = Grid(p["sheet"])
        g.width(A=2, B=30, C=6, D=10, E=10, F=10)
        g.title("B1", "基本事業評価シート", merge="F1")
        g.put("B3", "施策名", bold=True, fill=True)
        g.put("C3", p["policy"], merge="F3")
        g.put("B4", "基本事業名", bold=True, fill=True)
        g.put("C4", p["name"], merge="F4")
        g.head("B6", "成果指標", merge="B7")
        g.head("C6", "単位", merge="C7")
        g.head("D6", p["group"], merge="F6")
        g.head("D7", "目標値")
        g.head("E7", "実績値")
        g.head("F7", "差")
        row = 8
        for k in p["kpis"]:
            t, a = k["values"][p["fy"]]
            g.put(ref("B", row), k["name"])
            g.put(ref("C", row), k["unit"], h="center")
            put_q(g, ref("D", row), t, h="right")
            put_q(g, ref("E", row), a, h="right")
            g.put(ref("F", row), k["gap"], h="right")
            row += 1
        g.note(ref("B", row + 1), "目標を達成するうえでの課題を把握し、次の目標設定や取組に反映させる。", merge=ref("F", row + 1))
        grids.append(g)
    return grids


# 船橋市（千葉県）市民環境経済委員会（令和2年9月18日）で報告された事業のKPI（令和元年度の目標と実績）
# https://chiholog.net/chibalog/search.html?meeting_text=%22%EF%BC%AB%EF%BC%B0%EF%BC%A9%E9%87%8D%E8%A6%81%E6%A5%AD%E7%B8%BE%22
FUNABASHI = {
    "file": "funabashi-kpi-nendo-betsu", "writer": "xlsxwriter", "sheet": "KPI実績",
    "projects": [{
        "name": "サイト閲覧件数・登録店舗数の拡大",
        "kpis": [
            {"name": "サイトの年間閲覧件数", "unit": "回",
             "values": {2019: (Q("1万2600回", 12600), Q("1万155回", 10155))}},
            {"name": "登録店舗数", "unit": "店舗", "values": {2019: (Q("100店舗", 100), Q("101店舗", 101))}},
        ],
    }],
}


@fixture(FUNABASHI)
def draw_funabashi(fx):
    g = Grid(fx["sheet"])
    g.width(A=2, B=10, C=12, D=12, E=12, F=12)
    p = fx["projects"][0]
    g.title("B1", "事業のKPI（重要業績評価指標）年度別の目標と実績", merge="F1", size=12)
    g.put("B3", "事業名", bold=True, fill=True)
    g.put("C3", p["name"], merge="F3")
    # Transposed: years down the rows, each KPI a pair of columns.
    g.head("B5", "年度", merge="B6")
    col = 3
    for k in p["kpis"]:
        g.head(ref(col, 5), k["name"], merge=ref(col + 1, 5))
        g.head(ref(col, 6), "目標")
        g.head(ref(col + 1, 6), "実績")
        col += 2
    g.put("B7", "令和元年度", h="center")
    col = 3
    for k in p["kpis"]:
        t, a = k["values"][2019]
        put_q(g, ref(col, 7), t, h="right")
        put_q(g, ref(col + 1, 7), a, h="right")
        col += 2
    g.note("B9", "※登録店舗数の目標は増加目標", merge="F9")
    return [g]


# 御所市（奈良県）第5次総合計画「13指標」進捗状況（住み続けたいまちづくり）
# http://www.city.gose.nara.jp/0000000456.html
def _gs(name, about, unit, now, way, final, actuals, rates, direction=None):
    return {"name": name, "about": about, "unit": unit, "baseline": now, "way": way, "final": final,
            "final_year": 2020, "rates": rates, "direction": direction,
            "values": {2011 + i: (BLANK, a) for i, a in enumerate(actuals)}}


GOSE = {
    "file": "gose-sogo-keikaku-13-shihyo", "writer": "openpyxl", "sheet": "13指標",
    "projects": [{"name": "住み続けたいまちづくり", "kpis": [
        _gs("自主防災組織率", "自主防災組織設立世帯数÷全世帯数", "%", Q("57.10%", 57.1), "アップ", Q(93, 93, "0.00"),
            [Q(62, 62, "0.00"), Q(66.6, 66.6, "0.00"), Q(69.5, 69.5, "0.00")], ["66.7", "71.6", "74.7"]),
        _gs("市民1人あたりの1日に出すごみの量", "ごみ処理量÷人口÷365日", "g/人", Q("611g/人", 611), "ダウン",
            Q(580, 580), [Q(581, 581), Q(593, 593), Q(586, 586)], ["100.2", "102.2", "101.0"], "decrease"),
        _gs("駅利用者数", "JR御所駅乗車券購入者数", "人/年", Q("21,754人/年", 21754), "アップ", Q(30000, 30000, "#,##0"),
            [Q(22582, 22582, "#,##0"), Q(22038, 22038, "#,##0"), Q(19975, 19975, "#,##0")], ["75.3", "73.5", "66.6"]),
    ]}],
}


@fixture(GOSE)
def draw_gose(fx):
    g = Grid(fx["sheet"])
    g.width(A=2, B=22, C=24, D=7, E=11, F=11, G=7, H=9, I=9, J=8, K=9, L=8, M=9, N=8, O=10)
    g.title("B1", "第5次総合計画「13指標」進捗状況", merge="O1")
    p = fx["projects"][0]
    g.put("B3", p["name"], bold=True, border=False, wrap=False)
    for col, h in zip("BCDEF", ["指標", "内容", "単位", "現状値", "年度"]):
        g.head(ref(col, 4), h, merge=ref(col, 5))
    g.head("G4", "目標", merge="H4")
    g.head("G5", None)
    g.head("H5", "平成32年")
    for i, y in enumerate(["23年度", "24年度", "25年度"]):
        g.head(ref(9 + 2 * i, 4), y, merge=ref(9 + 2 * i, 5))
        g.head(ref(10 + 2 * i, 4), "達成率(%)", merge=ref(10 + 2 * i, 5))
    g.head("O4", "備考", merge="O5")
    row = 6
    for k in p["kpis"]:
        g.put(ref("B", row), k["name"])
        g.put(ref("C", row), k["about"])
        g.put(ref("D", row), k["unit"], h="center")
        put_q(g, ref("E", row), k["baseline"], h="right")
        g.put(ref("F", row), "平成22年度", h="center")
        g.put(ref("G", row), k["way"], h="center")
        put_q(g, ref("H", row), k["final"], h="right")
        for i, fy in enumerate(sorted(k["values"])):
            put_q(g, ref(9 + 2 * i, row), k["values"][fy][1], h="right")
            g.put(ref(10 + 2 * i, row), float(k["rates"][i]), fmt="0.0", h="right")
        g.put(ref("O", row), None)
        g.heights[row] = 30
        row += 1
    return [g]


# A city (not named in the retrieved text)「第2次総合計画・基本計画の施策体系に基づく成果指標一覧表」【資料4】1 安全・安心
# https://fdocument.pub/document/c2cecfoeecccoeoeee.html
def _cs(name, unit, now, final, way, define, why, direction=None):
    return {"name": name, "unit": unit, "baseline": now, "final": final, "final_year": 2017, "way": way,
            "define": define, "why": why, "direction": direction}


CITY_SEIKA = {
    "file": "city-dai2ji-seika-shihyo-ichiran", "writer": "openpyxl", "sheet": "資料4",
    "projects": [{"no": 1, "name": "安全・安心～安全・安心に暮らせる人にやさしいまち～", "kpis": [
        _cs("自主防災組織数", "組織", Q(16, 16), Q(21, 21), "増加を目指す", "自主防災組織の結成数(累計)",
            "市民が地域で自主的に活動する組織づくりの成果を示す指標として、1か年1組織を目指す。"),
        _cs("防災資機材交付組織数", "組織", Q(14, 14), Q(16, 16), "増加を目指す", "自主防災組織に対する防災資機材の交付件数(累計)",
            "自主的な防災活動の環境整備の成果を示す指標として、2か年1組織を目指す。"),
        _cs("防災訓練への参加団体数", "団体", Q(16, 16), Q(21, 21), "増加を目指す", "市が毎年実施する防災訓練への参加団体",
            "新たに結成された自主防災組織の参加を促し、防災訓練への参加団体数の増加を目指す。"),
        _cs("火災発生件数", "件/年", Q(27, 27), Q(25, 25), "減少を目指す", "市内の年間の火災発生件数",
            "火災予防活動の成果として、10%削減を目指す。", "decrease"),
        _cs("消防団員数の条例定数に対する充足率", None, Q(95, 95), Q(96, 96), "増加を目指す",
            "消防団員数÷条例定数〔1,294人〕×100", "消防・救急体制の強化の取組みの成果として、消防団員の充足率の増加を目指す。"),
        _cs("交通事故発生件数", "件/年", Q(273, 273), Q(256, 256), "減少を目指す", "1月から12月までの1年間に市内で起きた交通事故の件数",
            "交通安全対策の取組みの成果として、H18～H23までの平均減少率約6%を目指す。", "decrease"),
        _cs("交通事故死傷者数", None, Q(357, 357), Q(334, 334), "減少を目指す",
            "1月から12月までの1年間に市内で起きた交通事故が原因で死亡、または傷害を負った人数",
            "交通安全対策の取組みの成果として、死傷者数の減少を目指す。", "decrease"),
    ]}],
}


@fixture(CITY_SEIKA)
def draw_city_seika(fx):
    g = Grid(fx["sheet"])
    g.width(A=2, B=30, C=8, D=12, E=12, F=12, G=34, H=40)
    g.title("B1", "第2次総合計画・基本計画の施策体系に基づく成果指標一覧表", merge="G1")
    g.note("H1", "【資料4】")
    p = fx["projects"][0]
    g.put("B3", "1 安全・安心 ～安全・安心に暮らせる人にやさしいまち～", bold=True, border=False, wrap=False)
    for i, h in enumerate(["めざす姿の成果指標名", "単位", "現状値(平成24年度)", "目標値(平成29年度)", "方向性",
                           "指標の定義・算出方法", "目標値設定の根拠・理由"]):
        g.head(ref(2 + i, 4), h)
    g.heights[4] = 30
    row = 5
    for k in p["kpis"]:
        g.put(ref("B", row), k["name"])
        g.put(ref("C", row), k["unit"], h="center")
        put_q(g, ref("D", row), k["baseline"], h="right")
        put_q(g, ref("E", row), k["final"], h="right")
        g.put(ref("F", row), k["way"], h="center")
        g.put(ref("G", row), k["define"])
        g.put(ref("H", row), k["why"])
        g.heights[row] = 36
        row += 1
    return [g]


# 能代市（秋田県）「能代市環境基本計画の中間見直しについて」重点環境施策1 指標目標の推移
# https://www.city.noshiro.lg.jp/section/kankyo-sangyo/kankyo-eisei/kankyo-eisei/keikaku/7174
NOSHIRO = {
    "file": "noshiro-kankyo-shihyo-mokuhyo-suii", "writer": "xlsxwriter", "sheet": "指標目標の推移",
    "projects": [{"no": 1, "name": "貴重な自然環境を継承するため、保全活動に取り組みます。", "kpis": [{
        "name": "☆米代川やきみまち阪、風の松原などの豊かな自然を他に誇れると思う市民の割合(市民意識調査)",
        "cell": "☆米代川やきみまち阪、風の松原などの豊かな自然を他に誇れると思う市民の割合\n(市民意識調査)",
        "unit": "%", "baseline": Q("71.7%\n(19年度)", 71.7), "final": Q("81.0%", 81), "final_year": 2012,
        "values": {2008: (BLANK, Q("72.7%\n(20年度)", 72.7)), 2009: (BLANK, Q("67.7%\n(21年度)", 67.7)),
                   2010: (BLANK, Q("67.4%\n(22年度)", 67.4)), 2011: (BLANK, Q("74.0%\n(23年度)", 74)),
                   2012: (Q("81.0%", 81), Q("68.0%\n(24年度)", 68))},
    }]}],
}


@fixture(NOSHIRO)
def draw_noshiro(fx):
    g = Grid(fx["sheet"])
    g.width(A=2, B=40, C=10, D=10, E=10, F=10, G=10, H=10, I=10)
    g.title("B1", "能代市環境基本計画の中間見直しについて", merge="I1", size=12)
    p = fx["projects"][0]
    g.put("B3", "1 " + p["name"], bold=True, border=False, wrap=False)
    g.note("B4", "◎指標目標の推移")
    g.head("B5", "指　標　目　標", merge="B6")
    g.head("C5", "計画策定")
    g.head("C6", "H19年度")
    for i, y in enumerate(["H20年度", "H21年度", "H22年度", "H23年度", "H24年度"]):
        g.head(ref(4 + i, 5), y, merge=ref(4 + i, 6))
    g.head("I5", "目標値")
    g.head("I6", "(H24年度)")
    k = p["kpis"][0]
    g.put("B7", k["cell"])
    put_q(g, "C7", k["baseline"], h="center")
    for i, fy in enumerate(sorted(k["values"])):
        put_q(g, ref(4 + i, 7), k["values"][fy][1], h="center")
    put_q(g, "I7", k["final"], h="center")
    g.heights[7] = 45
    return [g]


# 南砺市（富山県）「生まれてきて良かったと思うまちづくり」マニフェスト進捗状況 報告 1−1（行財政改革）
# https://paperzz.com/doc/6155674/生まれてきて良かったと思うまちづくり
def _nt(name, unit, shown_unit, h20, h23, change):
    return {"name": name, "unit": unit, "shown_unit": shown_unit, "change": change,
            "values": {2008: (BLANK, h20), 2011: (BLANK, h23)}}


NANTO = {
    "file": "nanto-manifesto-shinchoku", "writer": "openpyxl", "sheet": "マニフェスト進捗",
    "projects": [{"name": "財政と人材の構造計算をし、優先順位をつけて行財政改革を断行します。", "kpis": [
        _nt("起債残高(全体)", "円", "億円", Q(945, 94500000000), Q(865, 86500000000), "80億減"),
        _nt("起債残高(一般会計)", "円", "億円", Q(437, 43700000000), Q(416, 41600000000), "21億減"),
        _nt("実質公債費比率", "%", "%", Q(19.8, 19.8, "0.0"), Q(12.4, 12.4, "0.0"), "7.4%減"),
        _nt("財政調整基金残高", "円", "億円", Q(44, 4400000000), Q(64, 6400000000), "20億増"),
        _nt("減債基金残高", "円", "億円", Q(19, 1900000000), Q(54, 5400000000), "35億増"),
        _nt("職員数", "名", "名", Q(1156, 1156, "#,##0"), Q(1086, 1086, "#,##0"), "△70名"),
    ]}],
}


@fixture(NANTO)
def draw_nanto(fx):
    g = Grid(fx["sheet"])
    g.width(A=2, B=24, C=8, D=12, E=12, F=12)
    g.title("B1", "「生まれてきて良かったと思うまちづくり」− マニフェスト進捗状況 報告 −", merge="F1", size=12)
    p = fx["projects"][0]
    g.put("B3", "1−1 " + p["name"], bold=True, border=False, wrap=False)
    for col, h in zip("BCDEF", ["指標", "単位", "H20", "H23", "増減"]):
        g.head(ref(col, 4), h)
    row = 5
    for k in p["kpis"]:
        g.put(ref("B", row), k["name"])
        g.put(ref("C", row), k["shown_unit"], h="center")
        put_q(g, ref("D", row), k["values"][2008][1], h="right")
        put_q(g, ref("E", row), k["values"][2011][1], h="right")
        g.put(ref("F", row), k["change"], h="right")
        row += 1
    g.note(ref("B", row + 1), "*職員数は給与実態調査より（各年度4月1日現在）", merge=ref("F", row + 1))
    return [g]


# 千葉県「千葉県総合計画（新しい総合計画）」総合計画指標一覧 政策分野1-1 危機管理体制の構築
# https://www.pref.chiba.lg.jp/seisaku/sougou/ataratanakeikaku-text/shihyou.html
CHIBA = {
    "file": "chiba-ken-sogo-keikaku-shihyo", "writer": "openpyxl", "sheet": "総合計画指標一覧",
    "projects": [{"name": "危機管理体制の構築", "kpis": [
        {"name": "健康危機対策研修修了者数", "unit": "人", "baseline": Q("4,914人\n(令和2年度)", 4914),
         "final": Q("6,500人\n(令和6年度)", 6500), "final_year": 2024},
        {"name": "地域別消費総合指数", "unit": None, "baseline": Q("93.7\n(令和2年度平均)", 93.7),
         "final": Q("101.9\n(令和6年度平均)", 101.9), "final_year": 2024},
        {"name": "自主防災組織の活動カバー率", "unit": "%", "baseline": Q("68.9%\n(令和2年度)", 68.9),
         "final": Q("84.3%\n(令和6年度)", 84.3), "final_year": 2024},
        {"name": "市町村業務継続計画における重要6要素11項目の策定状況", "unit": "市町村",
         "baseline": Q("12市町村\n(令和2年度)", 12), "final": Q("54市町村\n(令和6年度)", 54), "final_year": 2024},
    ]}],
}


# 千葉県「千葉県総合計画 新 輝け!ちば元気プラン【平成25～28年度】」総合計画指標一覧 政策分野I-1
# https://www-pref-chiba-lg-jp.cache.yimg.jp/seisaku/sougou/jisedai-text/66.html
CHIBA_GENKI = {
    "file": "chiba-ken-genki-plan-shihyo", "writer": "xlsxwriter", "sheet": "指標一覧",
    "projects": [{"name": "自助・共助・公助が連携した防災先進県づくり", "kpis": [
        {"name": "自主防災組織の活動カバー率", "unit": "%", "baseline": Q("60.2%(平成28年度)", 60.2),
         "final": Q("81.0%(32年度)", 81), "final_year": 2020},
        {"name": "災害対策コーディネーターの登録者数", "unit": "人", "baseline": Q("974人(28年度)", 974),
         "final": Q("1,230人(32年度)", 1230), "final_year": 2020},
        {"name": "防災拠点となる公共施設等の耐震化率", "unit": "%", "baseline": Q("93.4%(27年度)", 93.4),
         "final": Q("100%(32年度)", 100), "final_year": 2020},
        {"name": "災害時の緊急輸送に資する高規格幹線道路の整備率", "unit": "%", "baseline": Q("89%(28年度)", 89),
         "final": Q("93%(32年度)", 93), "final_year": 2020},
        {"name": "市町村の業務継続計画策定率", "unit": "%", "baseline": Q("50%(28年度)", 50),
         "final": Q("100%(32年度)", 100), "final_year": 2020},
    ]}],
}


def _draw_chiba(fx, title, heading):
    g = Grid(fx["sheet"])
    g.width(A=2, B=46, C=16, D=16)
    g.title("B1", title, merge="D1", size=12)
    g.note("B2", "本計画の推進に当たって、具体的な数値目標を掲げました。", merge="D2")
    p = fx["projects"][0]
    g.put("B4", heading, bold=True, border=False, wrap=False)
    g.head("B5", "指標")
    g.head("C5", "現状")
    g.head("D5", "目標")
    row = 6
    for k in p["kpis"]:
        g.put(ref("B", row), k["name"])
        put_q(g, ref("C", row), k["baseline"], h="center")
        put_q(g, ref("D", row), k["final"], h="center")
        g.heights[row] = 30
        row += 1
    return [g]


@fixture(CHIBA)
def draw_chiba(fx):
    return _draw_chiba(fx, "千葉県総合計画　総合計画指標一覧", "政策分野1-1 危機管理体制の構築")


@fixture(CHIBA_GENKI)
def draw_chiba_genki(fx):
    return _draw_chiba(fx, "千葉県総合計画「新 輝け!ちば元気プラン」【平成25～28年度】　総合計画指標一覧",
                       "政策分野I-1 自助・共助・公助が連携した防災先進県づくり")


# 加古川市（兵庫県）「加古川市まち・ひと・しごと創生総合戦略」基本目標4 地域における安定した雇用を創出する
# https://www.city.kakogawa.lg.jp/section/ebook/contents/05_keikaku/007_machihito/pageindices/index31.html
KAKOGAWA = {
    "file": "kakogawa-sogo-senryaku-kihon-mokuhyo4", "writer": "openpyxl", "sheet": "基本目標4",
    "projects": [
        {"no": 4, "name": "地域における安定した雇用を創出する", "kpis": [
            {"name": "新規求人数", "unit": "件", "baseline": Q("13,182件(H26)", 13182),
             "final": Q("13,000件(H31)", 13000), "final_year": 2019},
            {"name": "就業者数", "unit": "人", "baseline": Q("118,972人(H22)", 118972),
             "final": Q("120,000人(H31)", 120000), "final_year": 2019},
        ]},
        {"no": 1, "name": "若者等の就労を支援する", "kpis": [
            {"name": "インターン先企業数", "unit": "社", "baseline": Q("3社(H26)", 3),
             "final": Q("10社(5年間)", 10), "final_year": None},
            {"name": "地元企業との連携による都市部での市主催就活イベントへの参加者数", "unit": "人",
             "baseline": Q("-(H26)", None), "final": Q("200人(H31)", 200), "final_year": 2019},
            {"name": "若者(19歳～34歳)の就業者数", "unit": "人", "baseline": Q("27,580人(H26)", 27580),
             "final": Q("28,000人(H31)", 28000), "final_year": 2019},
        ]},
    ],
}


@fixture(KAKOGAWA)
def draw_kakogawa(fx):
    g = Grid(fx["sheet"])
    g.width(A=2, B=50, C=16, D=16)
    goal, policy = fx["projects"]
    g.put("B2", "基本目標4 " + goal["name"], bold=True, border=False, wrap=False, size=12)
    row = 3
    for head, p in [("数値目標", goal), (None, policy)]:
        if head is None:
            g.note(ref("B", row), "1.基本的方向", merge=ref("D", row))
            g.note(ref("B", row + 1), "若者の市内就職の支援・促進を通じて、市外への流出の抑制や市外からの流入促進を図るなど、"
                   "若者が住み、働きやすいまちづくりを進めます。", merge=ref("D", row + 1))
            g.note(ref("B", row + 2), "2.具体的な施策と重要業績評価指標(KPI)", merge=ref("D", row + 2))
            g.put(ref("B", row + 3), "(1) " + p["name"], bold=True, border=False, wrap=False)
            g.note(ref("B", row + 4), "市内企業におけるインターンシップを促進することで、働く上で必要となるノウハウなどを習得する"
                   "機会を提供し、若者の市内就労を支援します。", merge=ref("D", row + 4))
            row += 5
            head = "重要業績評価指標(KPI)"
        g.head(ref("B", row), head)
        g.head(ref("C", row), "基準値")
        g.head(ref("D", row), "目標値")
        row += 1
        for k in p["kpis"]:
            g.put(ref("B", row), k["name"])
            put_q(g, ref("C", row), k["baseline"], h="center")
            put_q(g, ref("D", row), k["final"], h="center")
            row += 1
        row += 1
    g.note(ref("B", row), "【具体的な事業】", merge=ref("D", row))
    g.note(ref("B", row + 1), "①若者等の就労支援", merge=ref("D", row + 1))
    return [g]


# ---------------------------------------------------------------------------------------------
# Round 3 (A): the grant's own sheets
#
# Tables that come with the grant itself: a 地域再生計画's KPI table (the plan every
# 推進交付金 / 拠点整備交付金 project is filed under, with 事業開始前 and N年目 targets and a
# KPI増加分の累計 column), and a 加速化交付金 実績評価シート of a project run by six cities.


# 常総市（茨城県）地域再生計画「豊田城改革プロジェクト～市民が自慢できる「お城」を目指して～」
# 5-2 の重要業績評価指標（KPI）表（地方創生拠点整備交付金の地域再生計画）
# https://123deta.com/document/qmw5029z-地域交流センタ利用者数人人人人休日滞在人口率地域交流センタ利用者数平成年度年目平成年度年目増加分の累.html
JOSO = {
    "file": "joso-chiiki-saisei-kpi", "writer": "openpyxl", "sheet": "地域再生計画",
    "projects": [{
        "name": "豊田城改革プロジェクト～市民が自慢できる「お城」を目指して～",
        "kpis": [
            {"name": "地域交流センター利用者数", "unit": "人",
             "baseline": Q("57,000人", 57000),
             "values": {2017: (Q("4,000人", 4000), BLANK), 2018: (Q("4,000人", 4000), BLANK),
                        2019: (Q("4,000人", 4000), BLANK), 2020: (Q("4,000人", 4000), BLANK),
                        2021: (BLANK, BLANK)},
             "total": BLANK},
            {"name": "休日滞在人口率", "unit": "倍",
             "baseline": BLANK,
             "values": {2017: (BLANK, BLANK), 2018: (BLANK, BLANK), 2019: (BLANK, BLANK),
                        2020: (Q("0.11倍", 0.11), BLANK), 2021: (Q("0.11倍", 0.11), BLANK)},
             "total": Q("0.54倍", None)},
        ],
    }],
}

JOSO_YEARS = [(2017, "平成29年度\n（1年目）"), (2018, "平成30年度\n（2年目）"), (2019, "平成31年度\n（3年目）"),
              (2020, "平成32年度\n（4年目）"), (2021, "平成33年度\n（5年目）")]


@fixture(JOSO)
def draw_joso(fx):
    """The plan prints its KPI table in two blocks (years 1-3, then years 4-5 and the total),
    each with the KPI names again, as 地域再生計画 do when the table is wider than the page."""
    g = Grid(fx["sheet"])
    g.width(A=2, B=4, C=26, D=14, E=14, F=14, G=14)
    g.title("B1", "地域再生計画", merge="G1")
    p = fx["projects"][0]
    g.note("B3", "1")
    g.note("C3", "地域再生計画の名称")
    g.note("D3", p["name"], merge="G3")
    g.note("B4", "2")
    g.note("C4", "地域再生計画の作成主体の名称")
    g.note("D4", "常総市", merge="G4")
    g.note("B5", "3")
    g.note("C5", "地域再生計画の区域")
    g.note("D5", "常総市の全域", merge="G5")
    g.note("B7", "4-3　目標", merge="G7")
    g.note("B8", "【数値目標】", merge="G8")
    kpis = p["kpis"]
    # Block 1: 事業開始前 and years 1-3.
    g.head("C10", "KPI", merge="C11")
    g.head("D10", "事業開始前\n（現時点）", merge="D11")
    for i, (fy, label) in enumerate(JOSO_YEARS[:3]):
        g.head(ref(5 + i, 10), label, merge=ref(5 + i, 11))
    row = 12
    for k in kpis:
        g.put(ref("C", row), k["name"])
        put_q(g, ref("D", row), k["baseline"], h="right")
        for i, (fy, _) in enumerate(JOSO_YEARS[:3]):
            put_q(g, ref(5 + i, row), k["values"][fy][0], h="right")
        row += 1
    # Block 2: years 4-5 and the total (a sum of increases: never read).
    top = row + 1
    g.head(ref("C", top), "KPI", merge=ref("C", top + 1))
    for i, (fy, label) in enumerate(JOSO_YEARS[3:]):
        g.head(ref(4 + i, top), label, merge=ref(4 + i, top + 1))
    g.head(ref("F", top), "KPI増加分\nの累計", merge=ref("F", top + 1))
    row = top + 2
    for k in kpis:
        g.put(ref("C", row), k["name"])
        for i, (fy, _) in enumerate(JOSO_YEARS[3:]):
            put_q(g, ref(4 + i, row), k["values"][fy][0], h="right")
        put_q(g, ref("F", row), k["total"], h="right")
        row += 1
    g.heights.update({10: 18, 11: 18, top: 18, top + 1: 18})
    g.note(ref("B", row + 1), "※各年度の目標値は、事業開始前からの増加分を記載", merge=ref("G", row + 1))
    return [g]


# つくば市（茨城県）まち・ひと・しごと創生《地方創生加速化交付金》実績評価シート【重要業績評価指標（KPI）】
# 平成29年2月時点速報版（資料2-2 地方創生交付金事業の評価シート, つくば市まち・ひと・しごと創生有識者会議）
# https://123deta.com/document/oy82p2ry-資料交付金事評価シートつくば|つくばまちひとしご創生有識.html
TSUKUBA_KASOKU = {
    "file": "tsukuba-kasokuka-jisseki-hyoka", "writer": "xlsxwriter", "sheet": "加速化交付金",
    "projects": [{
        "name": "6市連携による広域観光推進事業",
        "purpose": "6市が連携して、観光客のニーズ分析に基づいた戦略的なマーケティングを進めるとともに、計画に基づいた"
                   "受入体制や情報発信等の強化、さらには、ジオパークを活用した新たな広域周遊ルートの開発により年間約900万人"
                   "いる観光客の周遊性を高め、各市への誘客と滞在時間の改善をはかる。",
        "expenses": "○プロモーション業務委託　40,000千円（6市合計）",
        "cost": {2016: Q("15,000,000 円", 15000000)}, "cost_unit": "円",
        "kpis": [{"name": "6市の観光客入込客数", "unit": "人",
                  "values": {2016: (Q(190, 1900000), Q("-", None), "平成29年3月")}}],
        "evaluation": {"fiscalYear": 2016, "grade": "B", "assessment": "成果・費用対効果の向上に努めつつ継続実施"},
    }],
}


@fixture(TSUKUBA_KASOKU)
def draw_tsukuba_kasoku(fx):
    """The 実績評価シート of つくば市 for a 加速化交付金 project: the KPI in 万人 given in the
    （単位） cells beside bare numbers, the actual not known yet ('-'), 連携自治体 in the form."""
    g = Grid(fx["sheet"])
    g.width(A=2, B=18, C=12, D=10, E=14, F=12, G=10, H=14, I=14)
    g.title("B1", "③　まち・ひと・しごと創生《地方創生加速化交付金》実績評価シート【重要業績評価指標（KPI）】",
            merge="I1", size=12)
    g.note("H2", "平成29年2月時点速報版", merge="I2")
    p = fx["projects"][0]
    g.put("B3", "事業名", bold=True, fill=True)
    g.put("C3", p["name"], merge="F3")
    g.put("G3", "連携自治体", bold=True, fill=True)
    g.put("H3", None, merge="I3")
    g.put("B4", "事業の概要・目的", bold=True, fill=True)
    g.put("C4", p["purpose"], merge="I4")
    g.heights[4] = 60
    g.put("B5", "交付金を充当する\n事業経費", bold=True, fill=True)
    g.put("C5", p["expenses"], merge="I5")
    g.put("B6", "予算額", bold=True, fill=True)
    g.put("C6", "15,000,000円", h="right")
    g.put("D6", "国費充当額", bold=True, fill=True)
    g.put("E6", "15,000,000円", h="right")
    g.put("F6", "決算額", bold=True, fill=True)
    put_q(g, "G6", p["cost"][2016], h="right")
    g.put("H6", "不用額", bold=True, fill=True)
    g.put("I6", "無し", h="center")
    g.put("B7", "事業始期", bold=True, fill=True)
    g.put("C7", "平成28年4月", merge="D7")
    g.put("E7", "事業終期", bold=True, fill=True)
    g.put("F7", "平成29年3月", merge="G7")
    for i, h in enumerate(["重要業績評価指標（KPI）", "目標値", "（単位）", "目標年月", "実績値", "（単位）", "実績年月"]):
        g.head(ref(2 + i, 9), h)
    k = p["kpis"][0]
    t, a, due = k["values"][2016]
    g.put("B10", k["name"])
    put_q(g, "C10", t, h="right")
    g.put("D10", "万人", h="center")
    g.put("E10", due, h="center")
    put_q(g, "F10", a, h="center")
    g.put("G10", "万人", h="center")
    g.put("H10", due, h="center")
    g.head("B12", "評　価", merge="B13")
    g.head("C12", "有効性", merge="D12")
    g.head("E12", "効率性", merge="F12")
    g.head("G12", "総合評価", merge="I12")
    g.put("C13", "中：適切な成果が得られている", merge="D13")
    g.put("E13", "中：適切な費用対効果が得られている", merge="F13")
    g.put("G13", "B：成果・費用対効果の向上に努めつつ継続実施", merge="I13")
    g.heights[13] = 30
    g.put("B15", "実績値の計算方法", bold=True, fill=True)
    g.put("C15", "茨城県が集計を行う観光客動態調査より集計。", merge="F15")
    g.put("G15", "フォローアップ\n（H28数値確定）の時期", bold=True, fill=True)
    g.put("H15", "H29.5", merge="I15", h="center")
    g.head("B17", "効果発現要因（成果）", merge="D17")
    g.head("E17", "課題", merge="F17")
    g.head("G17", "今後の取組（改善目標）", merge="I17")
    g.put("B18", None, merge="D18")
    g.put("E18", None, merge="F18")
    g.put("G18", None, merge="I18")
    g.heights[18] = 60
    return [g]


# A city (not named in the retrieved text) 「地域活性化・地域住民生活等緊急支援交付金（地方創生先行型）に係る
# 事業実施結果報告（各交付対象事業の重要業績評価指標（KPI）の実績値等）」: 産業用地分譲促進事業, こども医療費助成事業
# https://expydoc.com/doc/11417549/地域活性化・地域住民生活等緊急支援交付金（地方創生先行型）に係る
SANGYO = {
    "file": "city-sangyo-yochi-jisshi-kekka", "writer": "openpyxl", "sheet": "実施結果報告",
    "projects": [
        {"name": "産業用地分譲促進事業",
         "overview": "地域のしごとづくりに直結する産業団地への企業誘致や雇用創出、産業振興のため、市が指定する"
                     "産業団地に立地する企業に対し奨励金を交付する。",
         "cost": {2015: Q(6607500, 6607500, "#,##0")}, "cost_unit": "円",
         "kpis": [
             {"name": "本助成制度を通じた市内人材の雇用件数", "unit": "人",
              "values": {2015: (BLANK, Q(42, 42), "H28.3")}},
             {"name": "本制度を通じた新規学卒者の雇用件数", "unit": "人",
              "values": {2015: (Q(15, 15), Q(0, 0), "H28.3")}},
             {"name": "本助成制度を通じて整備された工場見学施設", "unit": "件",
              "values": {2015: (Q(3, 3), Q(2, 2), "H28.3")}},
         ],
         "effect_cell": "地方創生に相当程度効果があった",
         "evaluation": {"fiscalYear": 2015, "effect": "considerably-effective",
                        "assessment": "総合戦略のKPI達成に有効であった",
                        "expertOpinion": "各指標値の目標は達成できなかったが、上位指標となるKPI「企業誘致件数」は、目標を",
                        "policy": "continue",
                        "policyReason": "企業誘致件数は、目標を達成しているが、この各指標についても達成できるよう、"},
         "policy_cell": "事業の継続"},
        {"name": "こども医療費助成事業",
         "overview": "医療に係る保護者の負担をなくすことが本市の年少人口を維持・増加させるうえで有効な施策であることから、"
                     "こども（出生した日から15歳に達する最初の3月31日まで）の保護者に対し、こどもが医療機関を受診した際の"
                     "保険給付の一部負担金の額を現物給付等により助成する。",
         "cost": {2015: BLANK}, "cost_unit": "円",
         "kpis": [{"name": "医療費助成件数（中学生分）", "unit": "件",
                   "values": {2015: (Q(32000, 32000, "#,##0"), BLANK, "H28.3")}}]},
    ],
}


@fixture(SANGYO)
def draw_sangyo(fx):
    """The national form with a 事業概要 column between the name and the cost, no 交付金の種類,
    and the form's closing line 各事業の評価等を踏まえた地方版総合戦略の見直しの有無 under the table."""
    g = Grid(fx["sheet"])
    g.width(A=2, B=4, C=18, D=30, E=12, F=7, G=26, H=9, I=6, J=8, K=9, L=16, M=16, N=30, O=12, P=30)
    g.title("B1", "地域活性化・地域住民生活等緊急支援交付金（地方創生先行型）に係る事業実施結果報告", merge="P1", size=12)
    g.note("B2", "（各交付対象事業の重要業績評価指標（KPI）の実績値等）", merge="H2")
    g.head("B4", "No", merge="B5")
    g.head("C4", "交付対象事業の名称", merge="C5")
    g.head("D4", "事業概要", merge="D5")
    g.head("E4", "実績額\n単位：円", merge="E5")
    g.head("F4", "本事業における重要業績評価指標（KPI）", merge="J4")
    g.head("F5", "指標", merge="G5")
    g.head("H5", "指標値")
    g.head("I5", "単位")
    g.head("J5", "目標年月")
    g.head("K4", "本事業終了後における実績値", merge="L4")
    g.head("K5", "実績値")
    g.head("L5", "事業効果")
    g.head("M4", "外部有識者からの評価", merge="N4")
    g.head("M5", "事業の評価")
    g.head("N5", "外部有識者からの意見")
    g.head("O4", "実績値を踏まえた事業の今後について", merge="P4")
    g.head("O5", "今後の方針")
    g.head("P5", "今後の方針の理由")
    g.heights.update({4: 30, 5: 30})
    row = 6
    for no, p in enumerate(fx["projects"], start=1):
        last = row + 4
        down = (lambda col: ref(col, last))
        g.put(ref("B", row), no, merge=down("B"), h="center")
        g.put(ref("C", row), p["name"], merge=down("C"))
        g.put(ref("D", row), p["overview"], merge=down("D"))
        put_q(g, ref("E", row), p["cost"][2015], merge=down("E"), h="right")
        for i in range(5):
            r = row + i
            g.put(ref("F", r), INDICATORS[i], h="center")
            k = p["kpis"][i] if i < len(p["kpis"]) else None
            if k is None:
                for col in "GHIJK":
                    g.put(ref(col, r), None)
                continue
            t, a, due = k["values"][2015]
            g.put(ref("G", r), k["name"])
            put_q(g, ref("H", r), t, h="right")
            g.put(ref("I", r), k["unit"], h="center")
            g.put(ref("J", r), due, h="center")
            put_q(g, ref("K", r), a, h="right")
        ev = p.get("evaluation") or {}
        g.put(ref("L", row), p.get("effect_cell"), merge=down("L"))
        g.put(ref("M", row), ev.get("assessment"), merge=down("M"))
        g.put(ref("N", row), ev.get("expertOpinion"), merge=down("N"))
        g.put(ref("O", row), p.get("policy_cell"), merge=down("O"))
        g.put(ref("P", row), ev.get("policyReason"), merge=down("P"))
        row = last + 1
    g.put(ref("B", row + 1), "各事業の評価等を踏まえた地方版総合戦略の見直しの有無", merge=ref("G", row + 1), bold=True)
    g.put(ref("H", row + 1), None, merge=ref("K", row + 1))
    return [g]


# 茅ヶ崎市（神奈川県）「地域活性化・地域住民生活等緊急支援交付金（地方創生先行型）に係る事業実施結果報告
# （各交付対象事業の重要業績評価指標（KPI）の実績値等）」
# https://expydoc.com/doc/10817041/（地方創生先行型）に係る事業実施結果報告-（各
CHIGASAKI = {
    "file": "chigasaki-senkogata-jisshi-kekka", "writer": "xlsxwriter", "sheet": "実施結果報告",
    "projects": [
        {"name": "茅ヶ崎市総合戦略策定事業", "grantType": "基礎交付",
         "cost": {2015: Q(9322870, 9322870, "#,##0")}, "cost_unit": "円", "kpis": []},
        {"name": "豊かな長寿社会推進事業", "grantType": "基礎交付",
         "cost": {2015: BLANK}, "cost_unit": "円",
         "kpis": [{"name": "高齢者と活躍の場のマッチング数", "unit": "件",
                   "values": {2015: (Q(20, 20), BLANK, "平成28年3月")}}],
         "effect_cell": "地方創生に相当程度効果があった",
         "evaluation": {"fiscalYear": 2015, "effect": "considerably-effective",
                        "assessment": "総合戦略のKPI達成に有効であった",
                        "expertOpinion": "高齢者と企業等のニーズに合った的確なマッチングは非常に有効である。"
                                         "企業・団体のニーズの掘り起こし・連携を強化するとともに、インターネットを積極的に"
                                         "使ったPRを行って高齢層の周知拡大につとめ、継続的に事業を推進してもらいたい。"}},
    ],
}


@fixture(CHIGASAKI)
def draw_chigasaki(fx):
    """The national form with its 目標年月 written out as 平成28年3月 (not H28.3), the year given
    by no title: the months the rows share give it."""
    g = Grid(fx["sheet"])
    g.title("B1", "地域活性化・地域住民生活等緊急支援交付金（地方創生先行型）に係る事業実施結果報告", merge="L1")
    g.note("B2", "（各交付対象事業の重要業績評価指標（KPI）の実績値等）", merge="L2")
    cols = national_header(g, 4)
    g.widths[cols["due"]] = 12
    row = 7
    for no, p in enumerate(fx["projects"], start=1):
        row = national_project(g, cols, row, no, p, fy=2015)
    return [g]


# 貝塚市（大阪府）「地域活性化・地域住民生活等緊急支援交付金（地方創生先行型交付金）事業の効果検証」平成28年8月
# 事業一覧（NO. / 事業の名称 / 担当部課名 / ページ）と事業ごとの様式（1 貝塚市総合戦略策定事業）
# https://expydoc.com/doc/10815034/地方創生先行型交付金事業の効果検証（pdf：348kb）
KAIZUKA_LIST = [
    ("貝塚市総合戦略策定事業", "都市政策部政策推進課", 1), ("シティセールス推進事業", "都市政策部政策推進課", 1),
    ("観光振興事業", "都市整備部商工観光課", 2), ("商店街地域活性化事業", "都市整備部商工観光課", 2),
    ("地域公共交通活性化事業", "都市政策部政策推進課\n都市整備部道路交通課", 3), ("小中一貫教育事業", "教育部学校教育課", 4),
    ("学校相談員事業", "教育部学校教育課", 4), ("学校司書配置事業", "教育部学校教育課", 5),
    ("貝塚学の創造事業", "教育部学校教育課", 5), ("子育て支援事業", "健康福祉部子育て支援課\n健康福祉部健康推進課", 6),
    ("観光振興事業", "都市整備部商工観光課", 7),
]
KAIZUKA = {
    "file": "kaizuka-senkogata-kouka-kensho", "writer": "openpyxl", "sheet": "事業一覧",
    "projects": [{
        "name": "貝塚市総合戦略策定事業", "grantType": "基礎交付",
        "content": "大都市圏内にありながら、海から山まで自然や文化遺産に恵まれた特性を生かし、良好な住環境、子育て環境と"
                   "雇用の創造並びに来訪者、定住促進を図るべく総合戦略を策定する。",
        "cost": {2015: Q("6,000,000円", 6000000)}, "cost_unit": "円", "kpis": [],
    }],
}


@fixture(KAIZUKA)
def draw_kaizuka(fx):
    """A list of the projects on the first sheet (no KPI columns: not a table to read) and one
    form per project after it; the form's KPI rows are '-' throughout, its year only in the
    project's 事業開始 / 事業終期 months (the list's 平成28年8月 is the date of the document)."""
    g = Grid(fx["sheet"])
    g.width(A=2, B=6, C=30, D=26, E=8)
    g.title("B1", "地域活性化・地域住民生活等緊急支援交付金\n（地方創生先行型交付金）事業の効果検証", merge="E1", size=12)
    g.heights[1] = 36
    g.note("D2", "平成28年8月", merge="E2")
    g.note("B4", "○地域活性化・地域住民生活等緊急支援交付金（地方創生先行型交付金）事業一覧", merge="E4")
    g.head("B5", "NO.")
    g.head("C5", "事業の名称")
    g.head("D5", "担当部課名")
    g.head("E5", "ページ")
    for i, (name, section, page) in enumerate(KAIZUKA_LIST):
        r = 6 + i
        g.put(ref("B", r), i + 1, h="center")
        g.put(ref("C", r), name)
        g.put(ref("D", r), section)
        g.put(ref("E", r), page, h="center")
    g.note(ref("B", 6 + len(KAIZUKA_LIST)), "※平成27年度の担当部課名を掲載しています。", merge=ref("E", 6 + len(KAIZUKA_LIST)))
    f = Grid("1")
    p = fx["projects"][0]
    f.width(A=2, B=14, C=12, D=12, E=8, F=10, G=12, H=14, I=14)
    f.put("B2", "交付対象事業名称", bold=True, fill=True)
    f.put("C2", p["name"], merge="G2")
    f.put("H2", "NO.", bold=True, fill=True, h="center")
    f.put("I2", 1, h="center")
    f.put("B3", "事業内容", bold=True, fill=True, merge="B4")
    f.put("C3", p["content"], merge="G4")
    f.put("H3", "事業開始", bold=True, fill=True)
    f.put("I3", "平成27年4月", h="center")
    f.put("H4", "事業終期", bold=True, fill=True)
    f.put("I4", "平成27年10月", h="center")
    f.heights.update({3: 30, 4: 30})
    f.put("B5", "交付金の種類", bold=True, fill=True)
    f.put("C5", p["grantType"], h="center")
    f.put("D5", "実績額", bold=True, fill=True)
    put_q(f, "E5", p["cost"][2015], merge="F5", h="right")
    f.put("G5", "総合戦略の位置付け", bold=True, fill=True)
    f.put("H5", "-", merge="I5", h="center")
    f.put("B6", "主な支出", bold=True, fill=True)
    f.put("C6", "非常勤嘱託報酬　1,080,000円\n策定アドバイザー報酬等　195,000円\n委託料　4,725,000円", merge="I6")
    f.heights[6] = 45
    f.head("B8", "本事業における重要業績評価指数（KPI）", merge="G8")
    f.head("H8", "本事業終了後における実績値", merge="H9")
    f.head("B9", "指標", merge="D9")
    f.head("E9", "指標値")
    f.head("F9", "単位")
    f.head("G9", "目標年月")
    for i in range(3):
        r = 10 + i
        f.put(ref("B", r), INDICATORS[i], h="center")
        f.put(ref("C", r), "-", merge=ref("D", r), h="center")
        for col in "EFGH":
            f.put(ref(col, r), "-", h="center")
    f.head("B14", "外部有識者からの評価", merge="C14")
    f.head("D14", "実績値を踏まえた事業の今後について", merge="I14")
    f.head("B15", "事業効果", merge="C15")
    f.head("D15", "評価")
    f.head("E15", "意見", merge="F15")
    f.head("G15", "今後の方針")
    f.head("H15", "今後の方針の理由", merge="I15")
    f.put("B16", "-", merge="C16", h="center")
    f.put("D16", "-", h="center")
    f.put("E16", "-", merge="F16", h="center")
    f.put("G16", "-", h="center")
    f.put("H16", "-", merge="I16", h="center")
    return [g, f]


# 南九州市（鹿児島県）「H27地域活性化・地域住民生活等緊急支援交付金（地方創生先行型）の効果検証結果」
# https://expydoc.com/doc/11465637/の効果検証結果
MINAMIKYUSHU = {
    "file": "minamikyushu-senkogata-kouka-kensho", "writer": "xlsxwriter", "sheet": "効果検証結果",
    "projects": [
        {"name": "南九州市総合戦略策定事業",
         "overview": "国の長期ビジョンと総合戦略を勘案するとともに県と連携し，人口ビジョンの策定や今後5ヶ年の目標や"
                     "具体的な施策等をまとめた「地方版総合戦略」を策定する。",
         "cost": {2015: Q(6161000, 6161000, "#,##0")}, "cost_unit": "円", "kpis": []},
        {"name": "6次産業化等による持続可能な地域活性化事業",
         "overview": "少子高齢化が進み地域が疲弊していく中，現在の集落機能を維持していく地域活性化の取り組みが必要と"
                     "なっている。このため，収穫用機械の整備による労力の省力化と地元で採れた農産物の加工・販売に"
                     "取り組むことで，これからの高齢農家のやりがい・いきがい農業の一端を担うことに繋がる。",
         "cost": {2015: Q(19465000, 19465000, "#,##0")}, "cost_unit": "円", "kpis": []},
    ],
}

MINAMIKYUSHU_EFFECT_LEGEND = ("（選択肢）\n1.地方創生に非常に効果的であった\n2.地方創生に相当程度効果があった\n"
                              "3.地方創生に効果があった\n4.地方創生に効果がなかった")
MINAMIKYUSHU_POLICY_LEGEND = ("（選択肢）\n1.追加等更に発展させる\n2.事業内容の見直し（改善）\n3.事業の継続\n"
                              "4.事業の中止\n5.予定通り事業終了")


@fixture(MINAMIKYUSHU)
def draw_minamikyushu(fx):
    """A one-year form variant (計画時の成果目標値（KPI）, 実績額（交付金充当額）, no 目標年月: the year
    is the title's H27) whose officer printed the option legends of 事業効果 and 今後の方針 in the
    first project's cells, where no choice was made."""
    g = Grid(fx["sheet"])
    g.width(A=2, B=4, C=22, D=13, E=36, F=7, G=24, H=9, I=6, J=9, K=16, L=16, M=26)
    g.title("B1", "H27地域活性化・地域住民生活等緊急支援交付金（地方創生先行型）の効果検証結果", merge="M1", size=12)
    marks = {"B": "No", "C": "①", "D": "②", "E": "③", "F": "④", "J": "⑤", "L": "⑥"}
    for col, mark in marks.items():
        if mark != "No":
            g.note(ref(col, 3), mark)
    g.head("B4", "No", merge="B5")
    g.head("C4", "交付対象事業の名称", merge="C5")
    g.head("D4", "実績額\n（交付金充当額）")
    g.head("D5", "単位：円")
    g.head("E4", "事業概要", merge="E5")
    g.head("F4", "計画時の成果目標値（KPI）", merge="I4")
    g.head("F5", "指標", merge="G5")
    g.head("H5", "指標値")
    g.head("I5", "単位")
    g.head("J4", "事業終了後における実績値", merge="K4")
    g.head("J5", "実績値")
    g.head("K5", "事業効果")
    g.head("L4", "実績値を踏まえた事業の今後について", merge="M4")
    g.head("L5", "今後の方針")
    g.head("M5", "今後の方針の理由")
    g.heights.update({4: 30, 5: 24})
    row = 6
    for no, p in enumerate(fx["projects"], start=1):
        last = row + 4
        down = (lambda col: ref(col, last))
        g.put(ref("B", row), no, merge=down("B"), h="center")
        g.put(ref("C", row), p["name"], merge=down("C"))
        put_q(g, ref("D", row), p["cost"][2015], merge=down("D"), h="right")
        g.put(ref("E", row), p["overview"], merge=down("E"))
        for i in range(5):
            r = row + i
            g.put(ref("F", r), INDICATORS[i], h="center")
            for col in "GHIJ":
                g.put(ref(col, r), None)
        g.put(ref("K", row), MINAMIKYUSHU_EFFECT_LEGEND if no == 1 else None, merge=down("K"))
        g.put(ref("L", row), MINAMIKYUSHU_POLICY_LEGEND if no == 1 else None, merge=down("L"))
        g.put(ref("M", row), None, merge=down("M"))
        for i in range(5):
            g.heights[row + i] = 24
        row = last + 1
    return [g]


# 石巻市（宮城県）「地域活性化・地域住民生活等緊急支援交付金（地方創生先行型）に係る事業実施結果報告」
# https://expydoc.com/doc/11556701/地域活性化・地域住民生活等緊急支援交付金（地方創生先行型）
ISHINOMAKI = {
    "file": "ishinomaki-senkogata-jisshi-kekka", "writer": "openpyxl", "sheet": "実施結果報告",
    "projects": [
        {"name": "石巻市総合戦略策定事業", "grantType": "基礎交付",
         "cost": {2015: Q(9099427, 9099427, "#,##0")}, "cost_unit": "円", "kpis": [], "dash": True},
        {"name": "創業支援・育成事業", "grantType": "基礎交付",
         "cost": {2015: Q(16362485, 16362485, "#,##0")}, "cost_unit": "円",
         "kpis": [{"name": "創業数", "unit": "件", "values": {2015: (Q(5, 5), Q(7, 7))}},
                  {"name": "新規事業補助採択数", "unit": "件", "values": {2015: (Q(9, 9), Q(4, 4))}},
                  {"name": "創業件数", "unit": "件", "values": {2015: (Q(14, 14), Q(36, 36))}}],
         "evaluation": {"fiscalYear": 2015,
                        "assessment": "創業だけでなく、会社として、10年、20年と居続けていてもらえるように、"
                                         "追跡調査のようなものをしてほしい。"},
         "next": "5カ年間は事業実績報告書をもらい、経営相談を行いながら、創業者のカルテを作り、創業支援事業者連携会議で"
                 "共有していく。"},
        {"name": "6次産業化・地産地消推進事業", "grantType": "基礎交付",
         "cost": {2015: Q(17370711, 17370711, "#,##0")}, "cost_unit": "円",
         "kpis": [{"name": "新商品開発数", "unit": "件", "values": {2015: (Q(1, 1), Q(1, 1))}},
                  {"name": "販路開拓件数", "unit": "件", "values": {2015: (Q(2, 2), Q(3, 3))}},
                  {"name": "施設整備件数", "unit": "件", "values": {2015: (Q(1, 1), Q(6, 6))}}],
         "evaluation": {"fiscalYear": 2015,
                        "assessment": "新商品を開発したけれども、販路の拡大につながったとか、つながらないというような"
                                         "フォローアップを行ってほしい。"},
         "next": "6次産業化・地産地消推進センターを通して、助成した後も引き続き、販路や商品改良などの適切な"
                 "フォローアップを実施していく。"},
        {"name": "漁船誘致及び原魚等確保助成事業", "grantType": "基礎交付",
         "cost": {2015: Q(10000000, 10000000, "#,##0")}, "cost_unit": "円",
         "kpis": [{"name": "水揚げ量（旋網一艘分）増", "unit": "トン",
                   "values": {2015: (Q(100, 100), Q(2998, 2998, "#,##0"))}}],
         "evaluation": {"fiscalYear": 2015, "assessment": "「水産都市石巻」においては、必要な事業である。"},
         "next": "トップセールスによる誘致活動を継続するとともに、PR用パンフレットの改訂を行い、誘致活動を支援していく。"},
    ],
}


@fixture(ISHINOMAKI)
def draw_ishinomaki(fx):
    """A local variant of the national form: no 目標年月 and no 事業効果, the external
    committee's comment under 外部委員からの評価 (one column) and the department's answer under
    外部委員評価を踏まえた事業の今後について; rows of '―' for the strategy project."""
    g = Grid(fx["sheet"])
    g.width(A=2, B=4, C=24, D=8, E=13, F=7, G=24, H=8, I=6, J=10, K=34, L=34)
    g.title("B1", "地域活性化・地域住民生活等緊急支援交付金（地方創生先行型）に係る事業実施結果報告", merge="L1", size=12)
    g.note("B2", "（平成27年度実施事業）", merge="E2")
    g.head("B4", "No", merge="B5")
    g.head("C4", "交付対象事業の名称", merge="C5")
    g.head("D4", "交付金の\n種類", merge="D5")
    g.head("E4", "実績額\n単位：円", merge="E5")
    g.head("F4", "本事業における重要業績評価指標（KPI）", merge="I4")
    g.head("F5", "指標", merge="G5")
    g.head("H5", "指標値")
    g.head("I5", "単位")
    g.head("J4", "本事業終了後\nにおける実績値", merge="J5")
    g.head("K4", "外部委員からの評価", merge="K5")
    g.head("L4", "外部委員評価を踏まえた\n事業の今後について", merge="L5")
    g.heights.update({4: 30, 5: 24})
    row = 6
    for no, p in enumerate(fx["projects"], start=1):
        n = 1 if p.get("dash") else len(p["kpis"])
        last = row + n - 1
        down = (lambda col: ref(col, last))
        g.put(ref("B", row), no, merge=down("B") if n > 1 else None, h="center")
        g.put(ref("C", row), p["name"], merge=down("C") if n > 1 else None)
        g.put(ref("D", row), p["grantType"], merge=down("D") if n > 1 else None, h="center")
        put_q(g, ref("E", row), p["cost"][2015], merge=down("E") if n > 1 else None, h="right")
        for i in range(n):
            r = row + i
            g.put(ref("F", r), INDICATORS[i], h="center")
            if p.get("dash"):
                for col in "GHIJ":
                    g.put(ref(col, r), "―", h="center")
                continue
            k = p["kpis"][i]
            t, a = k["values"][2015]
            g.put(ref("G", r), k["name"])
            put_q(g, ref("H", r), t, h="right")
            g.put(ref("I", r), k["unit"], h="center")
            put_q(g, ref("J", r), a, h="right")
        ev = p.get("evaluation") or {}
        g.put(ref("K", row), ev.get("assessment", "―"), merge=down("K") if n > 1 else None)
        g.put(ref("L", row), p.get("next", "―"), merge=down("L") if n > 1 else None)
        row = last + 1
    return [g]


# 井手町（京都府）「井手町の地域活性化・地域住民生活等緊急支援交付金（地方創生先行型）に係る事業の効果検証」
# https://expydoc.com/doc/10932989/地方創生先行型
# The published table cannot be read without a person's help: its cost cell carries a breakdown
# (内訳) under the amount and its first KPI is written as changes in words (前年比25,000人増加,
# 前年比24,763人減少 with three years' counts under it). records.md does not say how to read
# either, so the reader must stop with an error naming each cell (written to real-errors/ with
# the errors expected, not records).
IDE = {
    "file": "ide-senkogata-kouka-kensho", "writer": "openpyxl", "sheet": "効果検証",
    "folder": "real-errors",
    "errors": [("two-values", "E6"), ("not-a-number", "I6"), ("not-a-number", "K6")],
    "projects": [
        {"name": "地域資源を活用した観光振興事業",
         "content": "(1)観光案内サインの改修（英語表記追加）\n(2)新たな観光パンフレットの作成（4か国語対応）\n"
                    "(3)JR玉水駅駅舎デザイン等の構想づくりのためのワークショップの開催等を行った。",
         "cost_cell": "16,310,160円\n内訳\n(1)7,661,840円\n(2)4,594,320円\n(3)4,104,000円",
         "kpis": [("交流人口", "前年比\n25,000人増加", "前年比24,763人減少\nH25:329,370人\nH26:352,021人\nH27:327,258人"),
                  ("交流人口に占める外国人数", "10人", None),
                  ("まちづくりワークショップ参加者数", "10人", None)],
         "check": "平成27年度は本町の観光の核となるさくらまつりが悪天候であったため、指標①は目標達成できなかったが、"
                  "本事業により、来町者の利便性向上と",
         "reason": "今後は、井手町地域創生計画に掲げられた平成32年度までに交流人口50万人の達成に向け、"
                   "観光パンフレットの配布等によるPR強化、"},
        {"name": "空家実態調査事業",
         "content": "町内の空き家を調査した上で、空家台帳を新たに整備し、空家台帳のデータベース化を行った。",
         "cost_cell": "3,000,000円", "kpis": [("空き家の活用件数", "1件", None)]},
        {"name": "地域防災の充実強化事業",
         "content": "消防団の装備の基準等の一部改正に伴い、消防団員の安全確保及び消防団活動の充実強化を図るため、"
                    "安全安心に活動できる新基準の装備品の整備を行った。",
         "cost_cell": "7,000,000円", "kpis": [("町内在住消防団員数", "210人", None)]},
    ],
}


@fixture(IDE)
def draw_ide(fx):
    """A local form: 事業内容 beside the name, 目標年月 under the KPI group, 本事業終了後における
    実績値（H28.3時点）, a 本町における効果検証 text column, 今後の方針 | 方針の理由 under a group."""
    g = Grid(fx["sheet"])
    g.width(A=2, B=4, C=16, D=30, E=16, F=7, G=20, H=2, I=12, J=8, K=20, L=34, M=10, N=34)
    g.title("B1", "井手町の地域活性化・地域住民生活等緊急支援交付金（地方創生先行型）に係る事業の効果検証",
            merge="N1", size=12)
    g.head("B3", "No", merge="B5")
    g.head("C3", "交付対象\n事業の名称", merge="C5")
    g.head("D3", "事業内容", merge="D5")
    g.head("E3", "実績額", merge="E5")
    g.head("F3", "本事業における\n重要業績評価指標（KPI）", merge="J4")
    g.head("F5", "指標", merge="G5")
    g.head("I5", "指標値")
    g.head("J5", "目標\n年月")
    g.head("K3", "本事業終了後にお\nける実績値\n（H28.3時点）", merge="K5")
    g.head("L3", "本町における効果検証", merge="L5")
    g.head("M3", "実績値を踏まえた事業の\n今後について", merge="N4")
    g.head("M5", "今後の\n方針")
    g.head("N5", "方針の理由")
    g.heights.update({3: 24, 4: 24, 5: 30})
    row = 6
    for no, p in enumerate(fx["projects"], start=1):
        n = len(p["kpis"])
        last = row + n - 1
        down = (lambda col: ref(col, last) if n > 1 else None)
        g.put(ref("B", row), no, merge=down("B"), h="center")
        g.put(ref("C", row), p["name"], merge=down("C"))
        g.put(ref("D", row), p["content"], merge=down("D"))
        g.put(ref("E", row), p["cost_cell"], merge=down("E"), h="right")
        for i, (name, target, actual) in enumerate(p["kpis"]):
            r = row + i
            g.put(ref("F", r), INDICATORS[i], h="center")
            g.put(ref("G", r), name, merge=ref("H", r))
            g.put(ref("I", r), target, h="right")
            g.put(ref("J", r), "H28.3", h="center")
            g.put(ref("K", r), actual, h="right")
            g.heights[r] = 45
        g.put(ref("L", row), p.get("check"), merge=down("L"))
        g.put(ref("M", row), None, merge=down("M"))
        g.put(ref("N", row), p.get("reason"), merge=down("N"))
        row = last + 1
    return [g]


def validate(doc, name):
    try:
        import jsonschema
    except ImportError:
        print("  (jsonschema not installed: schema check skipped)", file=sys.stderr)
        return
    for candidate in SCHEMA_CANDIDATES:
        if candidate.exists():
            schema = json.loads(candidate.read_text())
            jsonschema.validate(doc, schema)
            return
    print("  (records.schema.json not found: schema check skipped)", file=sys.stderr)


def reopen(path):
    """Opens the workbook with openpyxl and, when installed, python-calamine: both must see the same cells."""
    wb = load_workbook(path)
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:
        return
    cal = CalamineWorkbook.from_path(str(path))
    for ws in wb.worksheets:
        rows = cal.get_sheet_by_name(ws.title).to_python()
        seen = sum(1 for r in rows for v in r if v not in ("", None))
        cells = sum(1 for r in ws.iter_rows() for c in r if c.value is not None)
        assert seen == cells, f"{path.name} {ws.title}: calamine sees {seen} cells, openpyxl {cells}"


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    names = set()
    for fx in FIXTURES:
        name = fx["file"]
        assert name not in names, name
        names.add(name)
        grids = fx["draw"](fx)
        folder = OUT.parent / fx["folder"] if fx.get("folder") else OUT
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}.xlsx"
        if fx["writer"] == "xlsxwriter":
            render_xlsxwriter(grids, path)
        else:
            render_openpyxl(grids, path)
        reopen(path)
        if fx.get("errors") is not None:
            # A table the reader must refuse: the errors (code, cell) it must report, no records.
            errors = [{"code": code, "cell": cell} for code, cell in fx["errors"]]
            (folder / f"{name}.expected-errors.json").write_text(
                json.dumps({"errors": errors}, ensure_ascii=False, indent=2) + "\n")
            print(f"{path.relative_to(ROOT)}  ({fx['writer']}, {len(errors)} errors expected)")
            continue
        doc = expected(fx)
        validate(doc, name)
        (OUT / f"{name}.expected.json").write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        print(f"{path.relative_to(ROOT)}  ({fx['writer']}, {len(doc['projects'])} projects, "
              f"{sum(len(p['kpis']) for p in doc['projects'])} KPIs)")


if __name__ == "__main__":
    main()
