#!/usr/bin/env python3
"""Builds varied departmental workbooks for each input layout, and the records each must read as.

    python3 Scripts/make-layout-fixtures.py     # rewrites Tests/KPIImportTests/Fixtures/*

Why: a layout counts as supported only when a person's differently-drawn sheet of that kind reads
right (docs/layouts.md). The samples (Scripts/make-samples.py) give one sheet per
layout; these fixtures draw the same layouts again with the quirks real sheets have: shifted
tables, spacer columns, other year labels, numbers whose formats carry the unit, furigana, a
LibreOffice re-save, hidden sheets, full-width text values, reordered columns, blank "same as
above" cells, the 1904 date system, combined and relative year headers, one project per sheet
and the national form 様式2.

Each NAME.xlsx comes with NAME.expected.json: the records (docs/records.md) that
`kpisheet extract NAME.xlsx` must print, with the cells each target and actual came from. The
expected records are written from this script's own tables, where every number stands next to
the cell text or value it is drawn from; nothing here parses a cell the way the reader will,
and nothing is taken from kpisheet's output. Every expected file is validated against
docs/records.schema.json, and every workbook is opened with openpyxl and python-calamine.

Writers: openpyxl 3.1.5, XlsxWriter 3.3.1, LibreOffice (soffice --headless) for
a-libreoffice.xlsx; zipfile post-processing for furigana. Files are deterministic (fixed
document times and zip entry times); the LibreOffice file may change bytes between LibreOffice
versions or runs but must stay equivalent (same cells, formats and merges).

Sheet drawing goes through a small grid model (Grid below) that either writer renders, so one
drawing function serves openpyxl and XlsxWriter fixtures alike.
"""

import datetime
from itertools import takewhile
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import column_index_from_string, get_column_letter, range_boundaries

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests" / "KPIImportTests" / "Fixtures"
SCHEMA_CANDIDATES = [ROOT / "docs" / "records.schema.json"]

FIXED_TIME = datetime.datetime(2024, 4, 1, 0, 0, 0)
FIXED_ZIP_TIME = (2024, 4, 1, 9, 0, 0)
FIXED_STAMP = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
AUTHOR = "kpisheet Scripts/make-layout-fixtures.py"
FONT_NAME = "ＭＳ Ｐゴシック"
HEADER_FILL = "D9D9D9"


# ---------------------------------------------------------------------------------------------
# A writer-independent grid: cells with a value, a number format and a few styles; merges.


class Grid:
    def __init__(self, name, hidden=False):
        self.name = name
        self.hidden = hidden
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

    def ref(self, ref):
        """`Sheet!A1`, the form records use in `source`."""
        return f"{self.name}!{ref}"


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
        if g.hidden:
            ws.sheet_state = "hidden"
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
        for (r, c), s in g.cells.items():
            if s["value"] is not None:
                cell = ws.cell(row=r, column=c)
                cell.value = s["value"]
                if s["fmt"]:
                    cell.number_format = s["fmt"]
    raw = io.BytesIO()
    wb.save(raw)
    restamp(raw.getvalue(), path)


def render_xlsxwriter(grids, path, options=None):
    import xlsxwriter
    raw = io.BytesIO()
    opts = {"in_memory": True}
    opts.update(options or {})
    wb = xlsxwriter.Workbook(raw, opts)
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
        if g.hidden:
            ws.hide()
        for col, width in g.widths.items():
            i = column_index_from_string(col) - 1
            ws.set_column(i, i, width)
        for row, height in g.heights.items():
            ws.set_row(row - 1, height)
        covered = set()
        for (c1, r1, c2, r2) in g.merges:
            s = g.cells[(r1, c1)]
            if isinstance(s["value"], (int, float)) or isinstance(s["value"], datetime.date):
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


def restamp(data, path, edit=None):
    """Rewrites a workbook archive with fixed zip entry times and fixed document times.

    edit(name, bytes) -> bytes may change a part on the way (furigana injection)."""
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
            if edit is not None:
                part = edit(info.filename, part)
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, part)
    path.write_bytes(out.getvalue())


# ---------------------------------------------------------------------------------------------
# Expected records helpers


def doc(projects, municipality=None):
    d = {"format": "kpisheet-records", "version": 1}
    if municipality:
        d["municipality"] = municipality
    d["projects"] = projects
    return d


def value(fy, target, actual, g, tref, aref, due=None):
    v = {"fiscalYear": fy, "target": target, "actual": actual}
    if due is not None:
        v["due"] = due
    v["source"] = {"target": g.ref(tref), "actual": g.ref(aref)}
    return v


def kpi(no, name, unit, values, baseline=None):
    k = {"no": no, "name": name}
    if unit is not None:
        k["unit"] = unit
    if baseline is not None:
        k["baseline"] = baseline
    k["values"] = values
    return k


def check_digit(code5):
    """全国地方公共団体コード check digit (shared/domain/national-format.md)."""
    rem = sum(int(d) * w for d, w in zip(code5, (6, 5, 4, 3, 2))) % 11
    return str((11 - rem) % 10)


# ---------------------------------------------------------------------------------------------
# Layout A: the block drawing. Cells of a KPI are given as (cell, expected) pairs; a cell is a
# value or (value, number format).

BLANK = (None, None)
DASH = ("-", None)
YEARS_REL = ["初\n年\n度", "2\n年\n目", "３\n年\n目"]


def cell_of(spec):
    return spec if isinstance(spec, tuple) else (spec, None)


def draw_block(g, top, left, p, *, spacer=False):
    """Draws one layout-A project from row `top`, label column `left`.

    Rows: top heading; top+1 事業概要 label and paragraph; top+3..top+5 table header (corner and
    事業概要 merged down, 重要業績評価指標（KPI） over the KPIs, KPI names, 目標値 | 実績値); then one
    row per year. With spacer=True a blank, unbordered column sits between the label column and
    the activities column. Returns (expected project record, table header range)."""
    lab = column_index_from_string(left)
    act = lab + (2 if spacer else 1)
    k0 = act + 1
    kpis = p["kpis"]
    last = k0 + 2 * len(kpis) - 1 if kpis else act + 2
    L = get_column_letter
    g.widths.setdefault(L(lab), 4.5)
    if spacer:
        g.widths.setdefault(L(lab + 1), 1.5)
    g.widths.setdefault(L(act), 40)
    for c in range(k0, last + 1):
        g.widths.setdefault(L(c), 12)

    row = top
    g.put(f"{L(lab)}{row}", p["heading"], merge=f"{L(last)}{row}", size=11, bold=True,
          border=False)
    g.heights[row] = 17 * (p["heading"].count("\n") + 1)
    row += 1
    g.put(f"{L(lab)}{row}", "事業概要", h="center", fill=True)
    g.put(f"{L(lab + 1)}{row}", p["overview"], merge=f"{L(last)}{row}")
    g.heights[row] = 45
    row += 2
    header_top = row
    g.put(f"{L(lab)}{row}", None, merge=f"{L(lab)}{row + 2}", fill=True)
    g.put(f"{L(act)}{row}", "事業概要", merge=f"{L(act)}{row + 2}", h="center", fill=True)
    if kpis:
        g.put(f"{L(k0)}{row}", "重要業績評価指標（KPI）", merge=f"{L(last)}{row}", h="center",
              fill=True)
        for i, k in enumerate(kpis):
            t, a = L(k0 + 2 * i), L(k0 + 2 * i + 1)
            g.put(f"{t}{row + 1}", k["cell"], merge=f"{a}{row + 1}", h="center", fill=True)
            g.put(f"{t}{row + 2}", "目標値", h="center", fill=True)
            g.put(f"{a}{row + 2}", "実績値", h="center", fill=True)
        g.heights[row + 1] = 30
    row += 3

    records = [kpi(i + 1, k["name"], k.get("unit"), [], k.get("baseline"))
               for i, k in enumerate(kpis)]
    years = []
    for y, (label, fy) in enumerate(zip(p["labels"], p["years"])):
        r = row + y
        g.put(f"{L(lab)}{r}", label, h="center")
        acts = p["activities"][y]
        g.put(f"{L(act)}{r}", acts[0])
        g.heights[r] = 15 * max(3, acts[0].count("\n") + 1) + 4
        entry = {"fiscalYear": fy}
        if acts[1]:
            entry["activities"] = acts[1]
        years.append(entry)
        for i, (k, rec) in enumerate(zip(kpis, records)):
            t, a = L(k0 + 2 * i), L(k0 + 2 * i + 1)
            (tcell, tval), (acell, aval) = k["cells"][y]
            for col, spec in ((t, tcell), (a, acell)):
                v, f = cell_of(spec)
                g.put(f"{col}{r}", v, fmt=f, h="right")
            rec["values"].append(value(fy, tval, aval, g, f"{t}{r}", f"{a}{r}"))
    project = {}
    if p.get("no") is not None:
        project["no"] = p["no"]
    project["name"] = p["name"]
    if p.get("scope"):
        project["scope"] = p["scope"]
    project["period"] = {"start": p["years"][0], "end": p["years"][-1]}
    project["overview"] = p["overview"]
    project["years"] = years
    project["kpis"] = records
    rng = f"{L(lab)}{header_top}:{L(last)}{row + len(p['years']) - 1}"
    return project, rng


# ---------------------------------------------------------------------------------------------
# The fixtures. Each builder returns (workbook writer call, expected document, README line).

FIXTURES = []


def fixture(fn):
    FIXTURES.append(fn)
    return fn


@fixture
def a_shifted(path):
    g = Grid("進捗状況")
    g.widths["A"] = 2
    g.put("F2", "令和５年度　地方創生関連事業の進捗状況", merge="M2", size=14, bold=True,
          border=False)
    g.put("F3", "（令和６年３月31日現在　企画政策課）", merge="M3", border=False)
    g.put("F15", "●単町で実施事業", border=False, wrap=False, size=11, bold=True)
    p = {
        "no": 1, "scope": "single",
        "heading": "①　道の駅を核とした地域産業振興事業（令和３年度～令和５年度）",
        "name": "道の駅を核とした地域産業振興事業",
        "years": [2021, 2022, 2023], "labels": YEARS_REL,
        "overview": "道の駅を町の産業の拠点とし、農産物や加工品の販売を通じて生産者の所得向上と交流人口の拡大を図る。",
        "activities": [
            ("・出荷者組合の設立\n・加工品開発の検討会", ["出荷者組合の設立", "加工品開発の検討会"]),
            ("・新商品３品の開発・販売\n・ＳＮＳによる情報発信", ["新商品３品の開発・販売", "ＳＮＳによる情報発信"]),
            ("・道の駅リニューアル\n（休憩スペースの拡充）", ["道の駅リニューアル（休憩スペースの拡充）"]),
        ],
        "kpis": [
            {"cell": "道の駅の売上額", "name": "道の駅の売上額", "unit": "千円", "cells": [
                (("80,000千円", 80000), ("76,540千円", 76540)),
                (("85,000千円", 85000), ("88,210千円", 88210)),
                (("90,000千円", 90000), ("93,005千円", 93005))]},
            {"cell": "道の駅\n来場者数", "name": "道の駅来場者数", "unit": "人", "cells": [
                (("150,000人", 150000), ("142,300人", 142300)),
                (("160,000人", 160000), ("171,020人", 171020)),
                (("170,000人", 170000), ("168,450人", 168450))]},
        ],
    }
    project, rng = draw_block(g, 17, "F", p, spacer=True)
    assert rng.startswith("F20:"), rng
    render_openpyxl([g], path)
    return doc([project]), (
        "A", "the table starts at F20 (not B12): two title rows F2/F3, a section row 「●単町で実施事業」 "
        "(→ scope single), heading F17, overview F18; a blank unbordered spacer column G between the "
        "label column F and the activities column H; sheet 進捗状況; values typed with units",
        f"進捗状況!{rng}")


@fixture
def a_absolute_years(path):
    g = Grid("KPI")
    g.widths["A"] = 2
    g.put("B2", "地方創生推進事業　重要業績評価指標の達成状況", merge="H2", size=13, bold=True,
          border=False)
    p1 = {
        "heading": "地域資源を活かした特産品開発事業\n（令和３年度～令和５年度）",
        "name": "地域資源を活かした特産品開発事業",
        "years": [2021, 2022, 2023], "labels": ["令和3年度", "令和4年度", "令和5年度"],
        "overview": "柑橘や海産物などの地域資源を活かした特産品を開発し、市外への販路を開拓する。",
        "activities": [
            ("・特産品開発ワークショップ（4回）", ["特産品開発ワークショップ（4回）"]),
            ("・試作品の開発\n・首都圏でのテスト販売", ["試作品の開発", "首都圏でのテスト販売"]),
            ("・本格販売の開始", ["本格販売の開始"]),
        ],
        "kpis": [
            {"cell": "開発した特産品数", "name": "開発した特産品数", "unit": "品目", "cells": [
                (("2品目", 2), ("2品目", 2)), (("4品目", 4), ("5品目", 5)),
                (("6品目", 6), ("6品目", 6))]},
            {"cell": "特産品の\n販売額", "name": "特産品の販売額", "unit": "円", "cells": [
                (DASH, DASH), (("3,000,000円", 3000000), ("2,480,000円", 2480000)),
                (("6,000,000円", 6000000), ("6,312,500円", 6312500))]},
        ],
    }
    p2 = {
        "heading": "空き家活用による移住促進事業\n（令和４年度～令和６年度）",
        "name": "空き家活用による移住促進事業",
        "years": [2022, 2023, 2024], "labels": ["令和\n４年度", "令和\n５年度", "令和\n６年度"],
        "overview": "空き家バンクの登録物件を改修し、お試し住宅として移住希望者に提供する。",
        "activities": [
            ("・空き家実態調査", ["空き家実態調査"]),
            ("・お試し住宅２棟の改修", ["お試し住宅２棟の改修"]),
            ("・移住相談会の開催", ["移住相談会の開催"]),
        ],
        "kpis": [
            {"cell": "空き家バンク成約件数", "name": "空き家バンク成約件数", "unit": "件", "cells": [
                (("5件", 5), ("7件", 7)), (("8件", 8), ("6件", 6)), (("10件", 10), DASH)]},
        ],
    }
    proj1, rng1 = draw_block(g, 4, "B", p1)
    proj2, rng2 = draw_block(g, 16, "B", p2)
    render_openpyxl([g], path)
    return doc([proj1, proj2]), (
        "A", "year rows labelled 令和3年度 / 令和4年度 / 令和5年度 (and 「令和\\n４年度」…) instead of 初年度…; "
        "headings without a ①-marker (→ no project `no`) and the period on a second line of the heading; "
        "a '-' actual in the last year of the second project",
        f"KPI!{rng1} and KPI!{rng2}")


@fixture
def a_numeric(path):
    g = Grid("事業進捗")
    g.widths["A"] = 2
    g.put("B2", "重要業績評価指標（ＫＰＩ）の達成状況", merge="F2", size=13, bold=True,
          border=False)
    hito, pct, ken, tri = '#,##0"人"', "0.0%", '#,##0"件"', '#,##0;"▲"#,##0'
    p1 = {
        "no": 1,
        "heading": "①　観光交流拠点整備事業（令和２年度～令和４年度）",
        "name": "観光交流拠点整備事業",
        "years": [2020, 2021, 2022], "labels": YEARS_REL,
        "overview": "駅前に観光交流拠点を整備し、観光客の回遊と市内での就職につなげる。",
        "activities": [
            ("・拠点施設の基本設計", ["拠点施設の基本設計"]),
            ("・拠点施設の整備工事", ["拠点施設の整備工事"]),
            ("・拠点施設の供用開始\n・インターンシップの受入れ", ["拠点施設の供用開始", "インターンシップの受入れ"]),
        ],
        "kpis": [
            {"cell": "観光交流施設の利用者数", "name": "観光交流施設の利用者数", "unit": "人", "cells": [
                (((10000, hito), 10000), ((8016, hito), 8016)),
                (((12000, hito), 12000), ((13482, hito), 13482)),
                (((15000, hito), 15000), ((16210, hito), 16210))]},
            {"cell": "市内就職率", "name": "市内就職率", "unit": "%", "cells": [
                (((0.1, pct), 10), ((0.054, pct), 5.4)),
                (((0.1, pct), 10), ((0.091, pct), 9.1)),
                (((0.1, pct), 10), ((0.052, pct), 5.2))]},
        ],
    }
    p2 = {
        "no": 2,
        "heading": "②　移住定住促進事業（令和３年度～令和５年度）",
        "name": "移住定住促進事業",
        "years": [2021, 2022, 2023], "labels": YEARS_REL,
        "overview": "移住相談窓口を設け、若い世代の転入を促す。",
        "activities": [
            ("・移住相談窓口の開設", ["移住相談窓口の開設"]),
            ("・移住フェアへの出展", ["移住フェアへの出展"]),
            ("・移住フェアへの出展", ["移住フェアへの出展"]),
        ],
        "kpis": [
            {"cell": "移住相談件数", "name": "移住相談件数", "unit": "件", "cells": [
                (((60, ken), 60), ((65, ken), 65)),
                (((70, ken), 70), ((72, ken), 72)),
                (((80, ken), 80), ((None, ken), None))]},
            # The ▲ format carries no unit: the KPI has none.
            {"cell": "20～39歳の社会動態数", "name": "20～39歳の社会動態数", "cells": [
                (((0, tri), 0), ((-339, tri), -339)),
                (((0, tri), 0), ((-173, tri), -173)),
                (((0, tri), 0), ((None, tri), None))]},
        ],
    }
    proj1, rng1 = draw_block(g, 4, "B", p1)
    proj2, rng2 = draw_block(g, 16, "B", p2)
    render_openpyxl([g], path)
    return doc([proj1, proj2]), (
        "A", "values are numeric cells whose formats carry the unit: #,##0\"人\", 0.0% (0.054 → 5.4 %, "
        "0.1 → 10), #,##0\"件\"; true negatives -339/-173 under #,##0;\"▲\"#,##0 (no unit; never "
        "negated twice); the last year's actuals of ② are empty (formatted, no value → null)",
        f"事業進捗!{rng1} and 事業進捗!{rng2}")


FURIGANA = {
    # text -> [(start, end, reading)]
    "目標値": [(0, 3, "モクヒョウチ")],
    "実績値": [(0, 3, "ジッセキチ")],
    "事業概要": [(0, 2, "ジギョウ"), (2, 4, "ガイヨウ")],
    "重要業績評価指標（KPI）": [(0, 8, "ジュウヨウギョウセキヒョウカシヒョウ")],
    "観光客数": [(0, 2, "カンコウ"), (2, 4, "キャクスウ")],
    "移住相談件数": [(0, 2, "イジュウ"), (2, 4, "ソウダン"), (4, 6, "ケンスウ")],
    "①　観光振興事業（令和３年度～令和５年度）": [(2, 8, "カンコウシンコウジギョウ")],
}


def inject_furigana(name, data):
    if name != "xl/sharedStrings.xml":
        return data
    text = data.decode("utf-8")
    for base, runs in FURIGANA.items():
        plain = f"<si><t>{base}</t></si>"
        assert text.count(plain) == 1, f"furigana: {base} not found once in sharedStrings.xml"
        rph = "".join(f'<rPh sb="{s}" eb="{e}"><t>{r}</t></rPh>' for s, e, r in runs)
        text = text.replace(plain, f'<si><t>{base}</t>{rph}<phoneticPr fontId="0" type="noConversion"/></si>')
    return text.encode("utf-8")


@fixture
def a_furigana(path):
    g = Grid("KPI")
    g.widths["A"] = 2
    p = {
        "no": 1,
        "heading": "①　観光振興事業（令和３年度～令和５年度）",
        "name": "観光振興事業",
        "years": [2021, 2022, 2023], "labels": YEARS_REL,
        "overview": "観光資源を磨き上げ、周遊観光と移住の入口をつくる。",
        "activities": [
            ("・観光資源の調査", ["観光資源の調査"]),
            ("・周遊ルートの造成", ["周遊ルートの造成"]),
            ("・移住体験ツアーの実施", ["移住体験ツアーの実施"]),
        ],
        "kpis": [
            {"cell": "観光客数", "name": "観光客数", "unit": "人", "cells": [
                (("100,000人", 100000), ("95,120人", 95120)),
                (("110,000人", 110000), ("112,400人", 112400)),
                (("120,000人", 120000), ("118,900人", 118900))]},
            {"cell": "移住相談件数", "name": "移住相談件数", "unit": "件", "cells": [
                (("30件", 30), ("28件", 28)), (("40件", 40), ("44件", 44)),
                (("50件", 50), ("51件", 51))]},
        ],
    }
    project, rng = draw_block(g, 2, "B", p)
    raw = path.with_suffix(".tmp.xlsx")
    render_xlsxwriter([g], raw)
    restamp(raw.read_bytes(), path, edit=inject_furigana)
    raw.unlink()
    return doc([project]), (
        "A", "XlsxWriter shared strings with furigana <rPh> runs injected into the headers 目標値 "
        "(モクヒョウチ), 実績値, 事業概要, 重要業績評価指標（KPI）, the KPI names 観光客数 / 移住相談件数 and "
        "the heading's project name: the readings are never part of any text",
        f"KPI!{rng}")


@fixture
def a_libreoffice(path):
    g = Grid("進捗")
    g.widths["A"] = 2
    tri_setai = '#,##0"世帯";"▲"#,##0"世帯"'
    p = {
        "no": 1,
        "heading": "①　ＩＣＴを活用した子育て支援事業（令和２年度～令和４年度）",
        "name": "ＩＣＴを活用した子育て支援事業",
        "years": [2020, 2021, 2022], "labels": YEARS_REL,
        "overview": "子育てアプリで手続きと相談をオンライン化し、子育て世帯の負担を減らす。",
        "activities": [
            ("・子育てアプリの設計\n・利用者アンケート", ["子育てアプリの設計", "利用者アンケート"]),
            ("・アプリの運用開始", ["アプリの運用開始"]),
            ("・オンライン相談の開始\n（平日夜間）", ["オンライン相談の開始（平日夜間）"]),
        ],
        "kpis": [
            {"cell": "子育てアプリ\n登録者数", "name": "子育てアプリ登録者数", "unit": "人", "cells": [
                (DASH, DASH),
                (((1500, '#,##0"人"'), 1500), ((1712, '#,##0"人"'), 1712)),
                (((3000, '#,##0"人"'), 3000), ((2874, '#,##0"人"'), 2874))]},
            {"cell": "保育所待機児童数", "name": "保育所待機児童数", "unit": "人", "cells": [
                (("10人", 10), ("12人", 12)), (("5人", 5), ("4人", 4)), (("0人", 0), ("0人", 0))]},
            {"cell": "子育て世帯の\n転入超過数", "name": "子育て世帯の転入超過数", "unit": "世帯", "cells": [
                (((0, tri_setai), 0), ((-5, tri_setai), -5)),
                (((5, tri_setai), 5), ((3, tri_setai), 3)),
                (((10, tri_setai), 10), ((-2, tri_setai), -2))]},
        ],
    }
    project, rng = draw_block(g, 2, "B", p)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        src = tmp / "src" / "a-libreoffice.xlsx"
        src.parent.mkdir()
        render_openpyxl([g], src)
        cmd = ["soffice", f"-env:UserInstallation=file://{tmp / 'profile'}", "--headless",
               "--norestore", "--convert-to", "xlsx", "--outdir", str(tmp / "out"), str(src)]
        subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=180, check=True)
        restamp((tmp / "out" / "a-libreoffice.xlsx").read_bytes(), path)
    return doc([project]), (
        "A", "drawn by openpyxl, re-saved by LibreOffice (its own shared strings and styles; formats "
        "rewritten, e.g. #,##0\\人 and #,##0\"世帯\";\\▲#,##0\"世帯\"): numeric cells with unit formats, "
        "a two-section ▲ format with the unit in both sections (-5 → -5 世帯), text values, '-'",
        f"進捗!{rng}")


@fixture
def a_two_sheets(path):
    notes = Grid("メモ", hidden=True)
    notes.widths["A"] = 60
    for i, line in enumerate(["作成上の注意", "・数字は半角で入力すること。",
                              "・３月末時点の数字を記入し、企画課へ提出すること。",
                              "更新履歴：令和６年４月５日　様式を更新"], 1):
        notes.put(f"A{i}", line, border=False)
    g = Grid("KPI達成状況")
    g.widths["A"] = 2
    g.put("B2", "●広域で実施事業", border=False, wrap=False, size=11, bold=True)
    p = {
        "no": 1, "scope": "wide-area",
        "heading": "①　広域観光周遊促進事業（令和３年度～令和５年度）",
        "name": "広域観光周遊促進事業",
        "years": [2021, 2022, 2023], "labels": YEARS_REL,
        "overview": "近隣市町と連携し、周遊パスと共通ウェブサイトで広域の観光周遊を促す。",
        "activities": [
            ("・周遊パスの企画\n・共通ウェブサイトの構築", ["周遊パスの企画", "共通ウェブサイトの構築"]),
            ("・周遊パスの販売開始", ["周遊パスの販売開始"]),
            ("・周遊パスの対象施設の拡大", ["周遊パスの対象施設の拡大"]),
        ],
        "kpis": [
            {"cell": "周遊パス販売枚数", "name": "周遊パス販売枚数", "unit": "枚", "cells": [
                (DASH, DASH), (("2,000枚", 2000), ("1,845枚", 1845)),
                (("3,000枚", 3000), ("3,210枚", 3210))]},
            {"cell": "圏域の宿泊者数", "name": "圏域の宿泊者数", "unit": "人", "cells": [
                (("250,000人", 250000), ("231,400人", 231400)),
                (("260,000人", 260000), ("262,050人", 262050)),
                (("270,000人", 270000), ("275,880人", 275880))]},
        ],
    }
    project, rng = draw_block(g, 4, "B", p)
    render_openpyxl([notes, g], path)
    return doc([project]), (
        "A", "two sheets: the first, メモ, is hidden and holds only notes (nothing recognisable: skipped, "
        "validate says it was hidden); the second holds the table; section 「●広域で実施事業」 → scope "
        "wide-area",
        f"KPI達成状況!{rng}")


@fixture
def a_percent_text(path):
    g = Grid("達成状況")
    g.widths["A"] = 2
    p1 = {
        "no": 1,
        "heading": "①　若者定住促進事業（令和２年度～令和４年度）",
        "name": "若者定住促進事業",
        "years": [2020, 2021, 2022], "labels": YEARS_REL,
        "overview": "市内企業への就職と空き家の活用で、若者の定住を促す。",
        "activities": [
            ("・就職説明会の開催", ["就職説明会の開催"]),
            ("・就職説明会の開催\n・空き家改修補助", ["就職説明会の開催", "空き家改修補助"]),
            ("・空き家改修補助", ["空き家改修補助"]),
        ],
        "kpis": [
            {"cell": "市内就職率", "name": "市内就職率", "unit": "%", "cells": [
                (("１０．０％", 10), ("５．４％", 5.4)),
                (("１０．０％", 10), ("９．１％", 9.1)),
                (("１０．０％", 10), ("５．２％", 5.2))]},
            {"cell": "20～39歳の社会\n動態数", "name": "20～39歳の社会動態数", "unit": "人", "cells": [
                (("０人", 0), ("▲３３９人", -339)),
                (("０人", 0), ("△１７３人", -173)),
                (("０人", 0), ("－１６人", -16))]},
            # No unit anywhere in this KPI's cells.
            {"cell": "空き家バンク登録\n件数の増減", "name": "空き家バンク登録件数の増減", "cells": [
                (("＋５", 5), ("（１２）", -12)),
                (("＋５", 5), ("±０", 0)),
                (("＋５", 5), ("＋８", 8))]},
        ],
    }
    p2 = {
        "no": 2,
        "heading": "②　まちなかにぎわい創出事業（令和２年度～令和４年度）",
        "name": "まちなかにぎわい創出事業",
        "years": [2020, 2021, 2022], "labels": YEARS_REL,
        "overview": "商店街でのイベントと空き店舗への出店支援で、まちなかのにぎわいを取り戻す。",
        "activities": [
            ("・商店街イベントの開催", ["商店街イベントの開催"]),
            ("・商店街イベントの開催\n・出店支援補助", ["商店街イベントの開催", "出店支援補助"]),
            ("・出店支援補助", ["出店支援補助"]),
        ],
        "kpis": [
            {"cell": "イベント来場者数", "name": "イベント来場者数", "unit": "人", "cells": [
                (("5,000人", 5000), ("4,120人", 4120)),
                (("6,000人", 6000), ("約5,000人", 5000)),   # the number, with a warning (約)
                (("7,000人", 7000), ("－", None))]},
            {"cell": "空き店舗への出店数", "name": "空き店舗への出店数", "unit": "件", "cells": [
                (("－", None), ("－", None)), (("３件", 3), ("４件", 4)),
                (("５件", 5), ("６件", 6))]},
        ],
    }
    proj1, rng1 = draw_block(g, 2, "B", p1)
    proj2, rng2 = draw_block(g, 14, "B", p2)
    render_openpyxl([g], path)
    return doc([proj1, proj2]), (
        "A", "full-width text values: 「１０．０％」「５．４％」 (→ %), 「▲３３９人」「△１７３人」「－１６人」 (→ negative), "
        "「（１２）」 (→ -12), 「＋５」「±０」, 「約5,000人」 (→ 5000 with a warning naming 約), 「－」 (→ null)",
        f"達成状況!{rng1} and 達成状況!{rng2}")


# ---------------------------------------------------------------------------------------------
# Layout C


@fixture
def c_reordered(path):
    g = Grid("一覧")
    g.widths.update({"A": 2, "B": 12, "C": 11, "D": 7, "E": 26, "F": 11, "G": 24})
    g.put("B2", "令和５年度　重要業績評価指標（ＫＰＩ）実績一覧", merge="G3", size=14, bold=True,
          h="center", border=False)
    g.put("F4", "企画政策課", merge="G4", h="right", border=False)
    header = ["年度", "実績値", "単位", "事業名", "目標値", "KPI名"]
    for col, text in zip("BCDEFG", header):
        g.put(f"{col}6", text, h="center", fill=True)
    # rows: (year text, fy, KPI, unit cell, unit, target cell/value, actual cell/value)
    p1 = ("中心市街地活性化事業", [
        ("令和3年度", 2021, "歩行者通行量", "人", "人", 3000, 2890),
        ("令和4年度", 2022, "歩行者通行量", "人", "人", 3200, 3310),
        ("令和5年度", 2023, "歩行者通行量", "人", "人", 3400, 3502),
        ("令和3年度", 2021, "空き店舗率", "％", "%", 12.0, 12.5),
        ("令和4年度", 2022, "空き店舗率", "％", "%", 11.0, 10.8),
        ("令和5年度", 2023, "空き店舗率", "％", "%", 10.0, 9.6),
    ])
    # The second project's rows go year by year (KPIs interleaved).
    p2 = ("農産物ブランド化推進事業", [
        ("令和4年度", 2022, "認定ブランド品目数", "品目", "品目", 3, 4),
        ("令和4年度", 2022, "直売所販売額", "千円", "千円", 45000, 47210),
        ("令和5年度", 2023, "認定ブランド品目数", "品目", "品目", 5, "－"),
        ("令和5年度", 2023, "直売所販売額", "千円", "千円", 50000, 52388),
    ])
    projects = []
    row = 7
    for name, rows in (p1, p2):
        first = row
        kpis = {}
        for year, fy, kname, ucell, unit, t, a in rows:
            g.put(f"B{row}", year, h="center")
            g.put(f"C{row}", a, h="right", fmt=None if isinstance(a, str) else "#,##0.0" if unit == "%" else "#,##0")
            g.put(f"D{row}", ucell, h="center")
            g.put(f"F{row}", t, h="right", fmt="#,##0.0" if unit == "%" else "#,##0")
            g.put(f"G{row}", kname)
            if kname not in kpis:
                kpis[kname] = kpi(len(kpis) + 1, kname, unit, [])
            kpis[kname]["values"].append(value(fy, t, None if a == "－" else a, g, f"F{row}", f"C{row}"))
            row += 1
        g.put(f"E{first}", name, merge=f"E{row - 1}")
        for k in kpis.values():
            k["values"].sort(key=lambda v: v["fiscalYear"])
        fys = sorted({v["fiscalYear"] for k in kpis.values() for v in k["values"]})
        projects.append({"name": name, "years": [{"fiscalYear": y} for y in fys],
                         "kpis": list(kpis.values())})
    last = row - 1
    row += 1
    g.put(f"B{row}", "備考", h="center", fill=True)
    g.put(f"C{row}", "※実績値は各年度末（３月31日）時点。「－」は集計中。", merge=f"G{row}")
    g.put(f"C{row + 1}", "※空き店舗率は中心市街地の商店街区域内の値。", merge=f"G{row + 1}")
    render_xlsxwriter([g], path)
    return doc(projects), (
        "C", "XlsxWriter; columns in the order 年度 | 実績値 | 単位 | 事業名 | 目標値 | KPI名 (header row 6; "
        "KPI名 is not yet in the spec's header words); a title merged over B2:G3 above, a 備考 row "
        "with notes below; project cells merged down (E7:E12, E13:E16); the second project's rows "
        "go year by year with its KPIs interleaved; unit ％ in the unit column; a '－' actual",
        f"一覧!B6:G{last}")


@fixture
def c_blank_project(path):
    g = Grid("KPI一覧")
    g.widths.update({"A": 2, "B": 26, "C": 22, "D": 11, "E": 15, "F": 15})
    g.put("B2", "ＫＰＩ実績（産業振興課）", merge="F2", size=13, bold=True, border=False)
    for col, text in zip("BCDEF", ["事業名", "指標名", "年度", "目標値（単位：千円）", "実績値（単位：千円）"]):
        g.put(f"{col}4", text, h="center", fill=True)
    p1 = ("ふるさと納税推進事業", [
        ("寄附額", [(2021, 2021, 50000, 48230), (2022, 2022, 60000, 71560), (2023, 2023, 70000, 65010)]),
        ("返礼品取扱額", [(2021, 2021, 15000, 14470), (2022, 2022, 18000, 21468), (2023, 2023, 21000, 19503)]),
    ])
    p2 = ("地元産品販路開拓事業", [
        ("商談成約額", [("令和3年度", 2021, 8000, 9120), ("令和4年度", 2022, 10000, 8775)]),
        ("ＥＣサイト売上高", [("令和3年度", 2021, 3000, 2410), ("令和4年度", 2022, 4500, 4980)]),
    ])
    projects = []
    row = 5
    for name, kpis in (p1, p2):
        records = []
        first = row
        for kname, rows in kpis:
            values = []
            for ycell, fy, t, a in rows:
                g.put(f"B{row}", name if row == first else None)
                g.put(f"C{row}", kname)
                g.put(f"D{row}", ycell, h="center")
                g.put(f"E{row}", t, fmt="#,##0", h="right")
                g.put(f"F{row}", a, fmt="#,##0", h="right")
                values.append(value(fy, t, a, g, f"E{row}", f"F{row}"))
                row += 1
            records.append(kpi(len(records) + 1, kname, "千円", values))
        fys = sorted({v["fiscalYear"] for k in records for v in k["values"]})
        projects.append({"name": name, "years": [{"fiscalYear": y} for y in fys], "kpis": records})
    last = row - 1
    g.put(f"B{row + 1}", "※年度は会計年度。", border=False, wrap=False)
    render_openpyxl([g], path)
    return doc(projects), (
        "C", "the project name only on the first row of each project (blank, bordered cells below = "
        "same as above); 年度 as numbers 2021/2022/2023 (first project) and as text 令和3年度 (second); no "
        "unit column: the unit comes from （単位：千円） on the 目標値/実績値 headers",
        f"KPI一覧!B4:F{last}")


@fixture
def c_1904(path):
    g = Grid("目標管理")
    g.widths.update({"A": 2, "B": 26, "C": 24, "D": 8, "E": 12, "F": 11, "G": 11})
    g.put("B1", "デジタル化推進ＫＰＩ管理表", merge="G1", size=13, bold=True, border=False)
    for col, text in zip("BCDEFG", ["事業名", "KPI", "単位", "目標年月", "目標値", "実績値"]):
        g.put(f"{col}3", text, h="center", fill=True)
    D = datetime.datetime
    ym_kanji, era, slash = 'yyyy"年"m"月"', "[$-411]ge.m", "yyyy/m"
    # (project, merged?, [(KPI, unit, [(date, format, fiscal year, target, actual)])])
    data = [
        ("デジタル窓口推進事業", True, [
            ("オンライン申請件数", "件", [
                (D(2022, 3, 31), ym_kanji, 2021, 500, 432),
                (D(2023, 3, 31), ym_kanji, 2022, 800, 915),
                (D(2024, 3, 31), ym_kanji, 2023, 1200, 1306)]),
            ("窓口平均待ち時間", "分", [
                (D(2021, 12, 1), era, 2021, 20, 24),
                (D(2022, 12, 1), era, 2022, 15, 14),
                (D(2023, 12, 1), era, 2023, 10, 11)]),
        ]),
        ("キャッシュレス決済推進事業", False, [
            ("決済端末導入店舗数", "店舗", [
                (D(2022, 9, 30), slash, 2022, 100, 87),
                (D(2023, 9, 30), slash, 2023, 150, 162)]),
        ]),
    ]
    projects = []
    row = 4
    for name, merged, kpis in data:
        first = row
        records = []
        for kname, unit, rows in kpis:
            values = []
            for when, fmt, fy, t, a in rows:
                if not merged:
                    g.put(f"B{row}", name if row == first else None)
                g.put(f"C{row}", kname)
                g.put(f"D{row}", unit, h="center")
                g.put(f"E{row}", when, fmt=fmt, h="center")
                g.put(f"F{row}", t, fmt="#,##0", h="right")
                g.put(f"G{row}", a, fmt="#,##0", h="right")
                # A date cell's `due` is the date in ISO form: its displayed text depends on
                # rendering the format (2022年3月, R3.12, 2022/9), which kpisheet does not do.
                values.append(value(fy, t, a, g, f"F{row}", f"G{row}", due=when.strftime("%Y-%m-%d")))
                row += 1
            records.append(kpi(len(records) + 1, kname, unit, values))
        if merged:
            g.put(f"B{first}", name, merge=f"B{row - 1}")
        fys = sorted({v["fiscalYear"] for k in records for v in k["values"]})
        projects.append({"name": name, "years": [{"fiscalYear": y} for y in fys], "kpis": records})
    render_xlsxwriter([g], path, {"date_1904": True})
    return doc(projects), (
        "C", "XlsxWriter with the 1904 date system (<workbookPr date1904=\"1\"/>); no 年度 column: the "
        "year of each row is its 目標年月 date cell (formats yyyy\"年\"m\"月\", [$-411]ge.m, yyyy/m), the "
        "fiscal year containing that month (2022-03-31 → 2021, 2021-12-01 → 2021, 2022-09-30 → 2022); "
        "`due` the ISO date of the cell; first project merged down, second "
        "typed once",
        f"目標管理!B3:G{row - 1}")


# ---------------------------------------------------------------------------------------------
# Layout D



@fixture
def c_note_inside(path):
    g = Grid("KPI一覧")
    g.widths.update({"A": 2, "B": 24, "C": 22, "D": 12, "E": 12, "F": 12, "G": 8, "H": 20})
    for col, text in zip("BCDEFGH", ["事業名", "KPI", "年度", "目標値", "実績値", "単位", "備考"]):
        g.put(f"{col}4", text, h="center", fill=True)
    # (project, KPI, year cell, fiscal year, target cell, target, actual cell, actual); a
    # 1-tuple is a note merged across the row. A note in the 備考 column keeps its row.
    rows = [
        ("観光振興事業", "観光客数", "令和元年度", 2019, 1000, 1000, 1100, 1100),
        (None, "観光客数", "令和2年度", 2020, 1000, 1000, "980※", 980),
        ("※印の値は速報値",),
        (None, "イベント参加者数", "令和元年度", 2019, 500, 500, 520, 520),
        (None, "イベント参加者数", "令和2年度", 2020, 500, 500, "－", None),
        ("※令和2年度はコロナの影響により中止",),
        (None, "イベント参加者数", "令和3年度", 2021, 500, 500, "※480", 480),
        ("移住促進事業", "移住者数", "令和元年度", 2019, 20, 20, 25, 25),
    ]
    projects = []
    row = 5
    for cells in rows:
        if len(cells) == 1:
            g.put(f"B{row}", cells[0], merge=f"G{row}")
            row += 1
            continue
        project, name, ycell, fy, tcell, t, acell, a = cells
        if project:
            projects.append({"name": project, "kpis": []})
        g.put(f"B{row}", project)
        g.put(f"C{row}", name)
        g.put(f"D{row}", ycell, h="center")
        g.put(f"E{row}", tcell, h="right")
        g.put(f"F{row}", acell, h="right")
        g.put(f"G{row}", "人", h="center")
        if acell == "－":
            g.put(f"H{row}", "※コロナの影響により中止")
        kpis = projects[-1]["kpis"]
        if not kpis or kpis[-1]["name"] != name:
            kpis.append(kpi(len(kpis) + 1, name, "人", []))
        kpis[-1]["values"].append(value(fy, t, a, g, f"E{row}", f"F{row}"))
        row += 1
    last = row - 1
    g.put(f"B{row + 1}", "※本市の観光客入込数は平成22年の662万人がピークでした。", merge=f"G{row + 1}",
          border=False)
    g.put(f"B{row + 2}", "出典：市観光統計（令和3年）", merge=f"G{row + 2}", border=False)
    for p in projects:
        fys = sorted({v["fiscalYear"] for k in p["kpis"] for v in k["values"]})
        p["years"] = [{"fiscalYear": y} for y in fys]
        p["kpis"] = p.pop("kpis")
    render_openpyxl([g], path)
    return doc(projects), (
        "C", "※ notes between KPI rows (merged across the row) do not end the table: the rows after "
        "them are read; values with a note mark (980※, ※480) or a ※ note in the 備考 column keep "
        "the value; notes under the table with figures in their text (662万人) are not read",
        f"KPI一覧!B4:G{last}")

@fixture
def d_combined_headers(path):
    g = Grid("観光KPI")
    g.widths.update({"A": 2, "B": 24, "C": 8})
    g.put("B2", "①　観光振興事業（令和３年度～令和５年度）", merge="I2", size=12, bold=True,
          border=False)
    years = [("R3", 2021), ("R4", 2022), ("R5", 2023)]
    heads = ["指標名", "単位"] + [f"{y}{w}" for y, _ in years for w in ("目標", "実績")]
    for i, text in enumerate(heads):
        col = get_column_letter(2 + i)
        g.put(f"{col}4", text, h="center", fill=True)
        if i >= 2:
            g.widths[col] = 11
    data = [
        ("観光入込客数", "人", [(500000, 468210), (520000, 531400), (540000, 552980)]),
        ("観光消費額", "百万円", [(4200, 3985), (4400, 4510), (4600, 4702)]),
        ("外国人宿泊者数", "人", [("－", "－"), (3000, 2150), (5000, 5630)]),
    ]
    kpis = []
    row = 5
    for kname, unit, pairs in data:
        g.put(f"B{row}", kname)
        g.put(f"C{row}", unit, h="center")
        values = []
        for i, ((_, fy), (t, a)) in enumerate(zip(years, pairs)):
            tc, ac = get_column_letter(4 + 2 * i), get_column_letter(5 + 2 * i)
            g.put(f"{tc}{row}", t, fmt=None if isinstance(t, str) else "#,##0", h="right")
            g.put(f"{ac}{row}", a, fmt=None if isinstance(a, str) else "#,##0", h="right")
            values.append(value(fy, None if t == "－" else t, None if a == "－" else a, g,
                                f"{tc}{row}", f"{ac}{row}"))
        kpis.append(kpi(len(kpis) + 1, kname, unit, values))
        row += 1
    render_openpyxl([g], path)
    project = {"no": 1, "name": "観光振興事業", "period": {"start": 2021, "end": 2023},
               "years": [{"fiscalYear": fy} for _, fy in years], "kpis": kpis}
    return doc([project]), (
        "D", "one header row 指標名 | 単位 | R3目標 | R3実績 | R4目標 | R4実績 | R5目標 | R5実績; no project "
        "column: the heading 「①　観光振興事業（令和３年度～令和５年度）」 in B2 names the one project; "
        "numeric values, one year of '－'",
        f"観光KPI!B4:I{row - 1}")


def dated_kpi(no, name, unit, baseline, final, actual, g, aref, tref=None):
    """A KPI of a progress table whose measures carry their years in cells: `final` is
    (year, value) of the target; when `tref` is given the target is that year's (its year is
    the actual's), else the KPI's final target."""
    k = {"no": no, "name": name}
    if unit is not None:
        k["unit"] = unit
    k["baseline"] = baseline
    fy, value_ = actual
    source = {"actual": g.ref(aref)}
    entry = {"fiscalYear": fy, "target": None, "actual": value_}
    if tref is not None:
        entry["target"] = final[1]
        source = {"target": g.ref(tref), "actual": g.ref(aref)}
    else:
        k["finalTarget"] = {"fiscalYear": final[0], "value": final[1]}
    entry["source"] = source
    k["values"] = [entry]
    return k


@fixture
def c_year_columns(path):
    # 総合戦略の進捗表 as many cities keep it: each measure with its year in the next column.
    g = Grid("KPI進捗")
    g.widths.update({"A": 2, "B": 18, "C": 26, "D": 10, "E": 8, "F": 10, "G": 8, "H": 10,
                     "I": 8, "J": 8})
    g.put("B2", "令和５年度　総合戦略　重要業績評価指標（KPI）の進捗状況", merge="J2", size=12,
          bold=True, border=False)
    heads = ["施策", "重要業績評価指標（KPI）", "基準値", "基準年度", "目標値", "目標年度",
             "実績値", "実績年度", "達成状況"]
    for i, text in enumerate(heads):
        g.put(f"{get_column_letter(2 + i)}4", text, h="center", fill=True)
    # (施策, KPI, 基準値, 基準年度, 目標値, 目標年度, 実績値, 実績年度, 達成状況, unit,
    #  baseline, (target year, target), (actual year, actual), target is the year's)
    rows = [
        ("(1) 創業支援", "創業件数", "12件", "R1", "20件", "R7", "18件", "R5", "B", "件", 12,
         (2025, 20), (2023, 18), False),
        ("", "新規雇用者数", "35人", "令和元年度", "50人", "令和7年度", "41人", "令和5年度", "B", "人",
         35, (2025, 50), (2023, 41), False),
        ("(2) 農業振興", "新規就農者数", ("3", "0\"人\""), "H30", ("5", "0\"人\""), "R5",
         ("6", "0\"人\""), "R5", "A", "人", 3, (2023, 5), (2023, 6), True),
        ("", "耕作放棄地の面積", "120ha", "R1", "100ha", "R7", "▲ 0ha", "R5", "C", "ha", 120,
         (2025, 100), (2023, 0), False),
    ]
    projects = []
    row = 5
    for index, (measure_name, kname, base, base_y, target, target_y, actual, actual_y, grade,
                unit, baseline, final, actual_pair, year_target) in enumerate(rows):
        if measure_name:
            # The 施策 cell is merged down over its KPI rows.
            span = 1 + len(list(takewhile(lambda r: not r[0], rows[index + 1:])))
            g.put(f"B{row}", measure_name, merge=f"B{row + span - 1}" if span > 1 else None)
            proj = {"no": int(measure_name[1]), "name": measure_name.split(" ", 1)[1],
                    "years": [{"fiscalYear": 2023}], "kpis": []}
            projects.append(proj)
        g.put(f"C{row}", kname)
        for col, cell in (("D", base), ("F", target), ("H", actual)):
            if isinstance(cell, tuple):
                g.put(f"{col}{row}", int(cell[0]), fmt=cell[1], h="right")
            else:
                g.put(f"{col}{row}", cell, h="right")
        for col, text in (("E", base_y), ("G", target_y), ("I", actual_y), ("J", grade)):
            g.put(f"{col}{row}", text, h="center")
        k = dated_kpi(len(proj["kpis"]) + 1, kname, unit, baseline, final, actual_pair, g,
                      f"H{row}", f"F{row}" if year_target else None)
        k["grade"] = grade
        proj["kpis"].append(k)
        row += 1
    g.put(f"B{row + 1}", "※ 実績値は各年度末時点。", merge=f"J{row + 1}", border=False)
    render_openpyxl([g], path)
    return doc(projects), (
        "C", "施策 | KPI | 基準値 | 基準年度 | 目標値 | 目標年度 | 実績値 | 実績年度 | 達成状況: each measure "
        "with its year in the next column (R1, 令和元年度, H30); figures typed with units (12件, 120ha, "
        "▲ 0ha) or numeric with #,##0\"人\"; a target whose year is the actual's (R5) is that year's "
        "target, a later one (R7) the final target",
        f"KPI進捗!B4:J{row - 1}")


@fixture
def d_measure_time_columns(path):
    # The same table drawn with a two-row header: 基準値 › 数値 | 時点, 目標値 › 数値 | 時点.
    g = Grid("進捗状況")
    g.widths.update({"A": 2, "B": 18, "C": 24, "D": 9, "E": 7, "F": 9, "G": 7, "H": 12,
                     "I": 8})
    g.put("B2", "まち・ひと・しごと創生総合戦略　KPI進捗状況（令和５年度末）", merge="I2",
          size=12, bold=True, border=False)
    for col, text in (("B", "施策"), ("C", "KPI"), ("H", "実績値\n（R5）"), ("I", "評価")):
        g.put(f"{col}4", text, merge=f"{col}5", h="center", fill=True)
    g.put("D4", "基準値", merge="E4", h="center", fill=True)
    g.put("F4", "目標値", merge="G4", h="center", fill=True)
    for col, text in (("D", "数値"), ("E", "時点"), ("F", "数値"), ("G", "時点")):
        g.put(f"{col}5", text, h="center", fill=True)
    data = [
        ("①", "観光交流の推進", [
            ("観光入込客数", "人", "452,000人", "H30", 452000, "500,000人", "R6", (2024, 500000),
             "389,512人", 389512, "C"),
            ("宿泊者数", "人", "61,200人", "H30", 61200, "70,000人", "R6", (2024, 70000),
             "58,004人", 58004, "B"),
        ]),
        ("②", "移住・定住の促進", [
            ("移住相談件数", "件", "84件", "R1", 84, "120件", "R6", (2024, 120), "131件", 131, "A"),
        ]),
    ]
    projects = []
    row = 6
    for mark, pname, kpis in data:
        g.put(f"B{row}", f"{mark}{pname}",
              merge=f"B{row + len(kpis) - 1}" if len(kpis) > 1 else None)
        proj = {"no": "①②".index(mark) + 1, "name": pname, "years": [{"fiscalYear": 2023}],
                "kpis": []}
        for kname, unit, base, base_y, baseline, target, target_y, final, actual, actual_v, grade \
                in kpis:
            for col, text in (("C", kname), ("D", base), ("E", base_y), ("F", target),
                              ("G", target_y), ("H", actual), ("I", grade)):
                g.put(f"{col}{row}", text, h="left" if col == "C" else "right")
            k = dated_kpi(len(proj["kpis"]) + 1, kname, unit, baseline, final, (2023, actual_v),
                          g, f"H{row}")
            k["grade"] = grade
            proj["kpis"].append(k)
            row += 1
        projects.append(proj)
    render_xlsxwriter([g], path)
    return doc(projects), (
        "D", "XlsxWriter; a header over two rows: 基準値 and 目標値 merged over 数値 | 時点 sub-headers "
        "(the year of each measure in its own column: H30, R1, R6), 実績値（R5） and 評価 merged down; "
        "施策 with ①② merged down over its KPIs",
        f"進捗状況!B4:I{row - 1}")


@fixture
def d_total_rows(path):
    # Departments add up their KPIs: a 計 row under a project's KPIs and a 合計 row under all
    # projects. Neither is a KPI or a project; their figures must not reach the report.
    g = Grid("KPI一覧")
    g.widths.update({"A": 2, "B": 20, "C": 20, "D": 6})
    heads = ["事業名", "KPI", "単位", "R4目標", "R4実績", "R5目標", "R5実績"]
    for i, text in enumerate(heads):
        g.put(f"{get_column_letter(2 + i)}3", text, h="center", fill=True)
    data = [
        ("観光振興事業", [("観光客数", (1000, 950), (1100, 1200)),
                          ("宿泊者数", (300, 280), (320, 330))]),
        ("移住促進事業", [("移住者数", (50, 40), (60, 65))]),
    ]
    projects = []
    row = 4
    for pname, kpis in data:
        # The 計 row under the first project's KPIs belongs to its merge.
        rows = len(kpis) + (1 if len(kpis) > 1 else 0)
        g.put(f"B{row}", pname, merge=f"B{row + rows - 1}" if rows > 1 else None)
        proj = {"name": pname, "years": [{"fiscalYear": 2022}, {"fiscalYear": 2023}], "kpis": []}
        for kname, r4, r5 in kpis:
            g.put(f"C{row}", kname)
            g.put(f"D{row}", "人", h="center")
            values = []
            for (fy, (t, a)), (tc, ac) in zip(((2022, r4), (2023, r5)), (("E", "F"), ("G", "H"))):
                g.put(f"{tc}{row}", t, fmt="#,##0", h="right")
                g.put(f"{ac}{row}", a, fmt="#,##0", h="right")
                values.append(value(fy, t, a, g, f"{tc}{row}", f"{ac}{row}"))
            proj["kpis"].append(kpi(len(proj["kpis"]) + 1, kname, "人", values))
            row += 1
        if len(kpis) > 1:
            g.put(f"C{row}", "計", h="center")
            g.put(f"D{row}", "人", h="center")
            for i, col in enumerate("EFGH"):
                g.put(f"{col}{row}", sum((k[1] + k[2])[i] for k in kpis), fmt="#,##0", h="right")
            row += 1
        projects.append(proj)
    g.put(f"B{row}", "合　計", merge=f"D{row}", h="center")
    for i, col in enumerate("EFGH"):
        g.put(f"{col}{row}", sum((k[1] + k[2])[i] for _, ks in data for k in ks), fmt="#,##0",
              h="right")
    render_openpyxl([g], path)
    return doc(projects), (
        "D", "a 計 row under a project's KPIs (in the KPI column, inside the project's merge) and a "
        "合　計 row under all projects (merged over the name columns): totals, not KPIs or projects, "
        "each left out with a row-not-read warning",
        f"KPI一覧!B3:H{row}")


@fixture
def b_kpis_side_by_side(path):
    # A one-year 効果検証 list with each project's KPIs side by side on its row: KPI① and KPI②
    # group headers over 指標名 | 目標値 | 実績値, the project's columns before and after them.
    g = Grid("効果検証")
    g.widths.update({"A": 2, "B": 22, "C": 12, "D": 18, "E": 9, "F": 9, "G": 18, "H": 9,
                     "I": 9, "J": 22})
    g.put("B2", "令和５年度　地方創生推進交付金事業　効果検証", merge="J2", size=12, bold=True,
          border=False)
    for col, text in (("B", "事業名"), ("C", "担当課"), ("J", "事業効果")):
        g.put(f"{col}4", text, merge=f"{col}5", h="center", fill=True)
    g.put("D4", "KPI①", merge="F4", h="center", fill=True)
    g.put("G4", "KPI②", merge="I4", h="center", fill=True)
    for col, text in zip("DEFGHI", ["指標名", "目標値", "実績値"] * 2):
        g.put(f"{col}5", text, h="center", fill=True)
    data = [
        ("観光DX推進事業", "商工観光課", [("観光客数", "人", 120000, 131500),
                                         ("観光消費額", "千円", 540000, 502300)],
         ("地方創生に相当程度効果があった", "considerably-effective")),
        ("移住定住促進事業", "企画課", [("移住者数", "人", 60, 65), ("移住相談件数", "件", 110, 98)],
         ("地方創生に非常に効果的であった", "very-effective")),
        ("地域商社育成事業", "農林課", [("地場産品の販売額", "千円", 150000, 162340), None],
         ("地方創生に効果があった", "effective")),
    ]
    projects = []
    row = 6
    for pname, dept, kpis, (effect_text, effect) in data:
        g.put(f"B{row}", pname)
        g.put(f"C{row}", dept)
        g.put(f"J{row}", effect_text)
        proj = {"name": pname, "department": dept, "years": [{"fiscalYear": 2023}], "kpis": [],
                "evaluation": {"fiscalYear": 2023, "effect": effect}}
        for (ncol, tcol, acol), k in zip((("D", "E", "F"), ("G", "H", "I")), kpis):
            if k is None:
                for col in (ncol, tcol, acol):
                    g.put(f"{col}{row}", "－", h="center")
                continue
            kname, unit, t, a = k
            g.put(f"{ncol}{row}", kname)
            g.put(f"{tcol}{row}", t, fmt=f'#,##0"{unit}"', h="right")
            g.put(f"{acol}{row}", a, fmt=f'#,##0"{unit}"', h="right")
            proj["kpis"].append(kpi(len(proj["kpis"]) + 1, kname, unit,
                                    [value(2023, t, a, g, f"{tcol}{row}", f"{acol}{row}")]))
        projects.append(proj)
        row += 1
    render_xlsxwriter([g], path)
    document = doc(projects)
    # The title names the grant.
    document = {"format": document["format"], "version": document["version"],
                "grant": "地方創生推進交付金", "projects": projects}
    return document, (
        "B", "XlsxWriter; each project's KPIs side by side on its row: KPI① and KPI② merged over "
        "指標名 | 目標値 | 実績値 each, 事業名 / 担当課 before them and 事業効果 after them merged down "
        "over both header rows; units from #,##0\"人\" formats; a project with KPI② all '－'; "
        "the year from the title 令和５年度",
        f"効果検証!B4:J{row - 1}")


@fixture
def d_tables_side_by_side(path):
    # Two projects' tables drawn side by side on one sheet, each under its own ① heading.
    g = Grid("KPI")
    g.widths.update({"A": 2, "H": 3})
    tables = [("B", "①観光振興事業", [("観光客数", (1000, 950), (1100, 1200)),
                                    ("宿泊者数", (300, 280), (320, 330))]),
              ("I", "②移住促進事業", [("移住者数", (50, 40), (60, 65)),
                                    ("移住相談件数", (100, 120), (110, 98))])]
    projects = []
    for left, heading, kpis in tables:
        first = column_index_from_string(left)
        col = lambda i: get_column_letter(first + i)
        g.widths[col(0)] = 18
        g.put(f"{left}2", heading, merge=f"{col(5)}2", bold=True, border=False)
        for i, text in enumerate(["指標", "単位", "R4目標", "R4実績", "R5目標", "R5実績"]):
            g.put(f"{col(i)}4", text, h="center", fill=True)
        mark, name = heading[0], heading[1:]
        proj = {"no": "①②".index(mark) + 1, "name": name,
                "years": [{"fiscalYear": 2022}, {"fiscalYear": 2023}], "kpis": []}
        for r, (kname, r4, r5) in enumerate(kpis, start=5):
            g.put(f"{col(0)}{r}", kname)
            g.put(f"{col(1)}{r}", "人" if "件数" not in kname else "件", h="center")
            values = []
            for i, (fy, (t, a)) in enumerate(((2022, r4), (2023, r5))):
                tc, ac = col(2 + 2 * i), col(3 + 2 * i)
                g.put(f"{tc}{r}", t, fmt="#,##0", h="right")
                g.put(f"{ac}{r}", a, fmt="#,##0", h="right")
                values.append(value(fy, t, a, g, f"{tc}{r}", f"{ac}{r}"))
            proj["kpis"].append(kpi(len(proj["kpis"]) + 1, kname,
                                    "人" if "件数" not in kname else "件", values))
        projects.append(proj)
    render_openpyxl([g], path)
    return doc(projects), (
        "D", "two projects' tables side by side on one sheet (B:G and I:N, a narrow spacer column "
        "between), each under its own ①/② heading merged over its columns; one header row "
        "指標 | 単位 | R4目標 | R4実績 | R5目標 | R5実績 each",
        "KPI!B4:N6")


@fixture
def d_decorated_headers(path):
    # Header words as officers decorate them (【】, ■, ※1), 計画値 for the target, and each
    # year's target and actual dated in their own brackets (目標値（R4） | 実績値（R4））.
    g = Grid("実績")
    g.widths.update({"A": 2, "B": 20, "C": 22, "D": 6})
    g.put("B2", "地域活性化事業　成果指標の実績", merge="I2", size=12, bold=True, border=False)
    heads = ["■事業名", "【成果指標】", "単位", "計画値（R4）※1", "実績値（R4）※2", "計画値（R5）※1",
             "実績値（R5）※2"]
    for i, text in enumerate(heads):
        g.put(f"{get_column_letter(2 + i)}4", text, h="center", fill=True)
    data = [
        ("商店街にぎわい創出事業", [("空き店舗への出店数", "店", (3, 2), (4, 5)),
                                   ("イベント来場者数", "人", (8000, 7420), (9000, 9310))]),
        ("農産物ブランド化事業", [("ブランド認証品目数", "品目", (5, 5), (7, "集計中"))]),
    ]
    projects = []
    row = 5
    for pname, kpis in data:
        g.put(f"B{row}", pname, merge=f"B{row + len(kpis) - 1}" if len(kpis) > 1 else None)
        proj = {"name": pname, "years": [{"fiscalYear": 2022}, {"fiscalYear": 2023}],
                "kpis": []}
        for kname, unit, r4, r5 in kpis:
            g.put(f"C{row}", kname)
            g.put(f"D{row}", unit, h="center")
            values = []
            for (fy, (t, a)), (tc, ac) in zip(((2022, r4), (2023, r5)), (("E", "F"), ("G", "H"))):
                g.put(f"{tc}{row}", t, fmt="#,##0", h="right")
                g.put(f"{ac}{row}", a, fmt=None if isinstance(a, str) else "#,##0", h="right")
                values.append(value(fy, t, None if isinstance(a, str) else a, g, f"{tc}{row}",
                                    f"{ac}{row}"))
            proj["kpis"].append(kpi(len(proj["kpis"]) + 1, kname, unit, values))
            row += 1
        projects.append(proj)
    g.put(f"B{row}", "※1 当初計画の値　※2 各年度末時点の値", merge=f"H{row}", border=False)
    render_openpyxl([g], path)
    return doc(projects), (
        "D", "decorated header words 「■事業名」「【成果指標】」「計画値（R4）※1」「実績値（R4）※2」: "
        "計画値 is the target, a note mark after a header and brackets or a bullet around it are "
        "not part of it; each year's target dated in its bracket beside an actual of the same "
        "year is that year's target (not a final target); a 集計中 actual (null, a warning)",
        f"実績!B4:H{row - 1}")


@fixture
def d_grade_rows(path):
    # Measures as rows with derived rows under them (達成率, 前年比) and a 評価 row grading the
    # KPI year by year, all inside the KPI's cells merged down: the last KPI's rows must not end
    # the table, and its 評価 row is not the project's evaluation.
    g = Grid("KPI")
    g.widths.update({"A": 2, "B": 18, "C": 6, "D": 8})
    g.put("B2", "①観光振興事業（令和4年度～令和6年度）", merge="H2", bold=True, border=False)
    for col, text in zip("BCDEFGH", ["KPI", "単位", "区分", "R4", "R5", "R6", "最終目標"]):
        g.put(f"{col}4", text, h="center", fill=True)
    data = [
        ("観光客数", "人", (1000, 1100, 1200), (950, 1150, None), ("95%", "105%", None),
         ("B", "A", None)),
        ("宿泊者数", "人", (300, 320, 340), (280, 330, None), ("93%", "103%", None),
         ("C", "B", None)),
    ]
    kpis = []
    row = 5
    for kname, unit, targets, actuals, rates, grades in data:
        g.put(f"B{row}", kname, merge=f"B{row + 4}")
        g.put(f"C{row}", unit, merge=f"C{row + 4}", h="center")
        values = []
        rows = [("目標値", targets), ("実績値", actuals), ("達成率", rates),
                ("前年比", (None, "121%" if kname == "観光客数" else "118%", None)), ("評価", grades)]
        for offset, (label, cells) in enumerate(rows):
            g.put(f"D{row + offset}", label, h="center")
            for col, cell in zip("EFG", cells):
                g.put(f"{col}{row + offset}", cell, fmt="#,##0" if isinstance(cell, int) else None,
                      h="right")
        g.put(f"H{row}", targets[-1], fmt="#,##0", h="right")
        for col, fy, t, a in zip("EFG", (2022, 2023, 2024), targets, actuals):
            values.append(value(fy, t, a, g, f"{col}{row}", f"{col}{row + 1}"))
        k = kpi(len(kpis) + 1, kname, unit, values)
        k["finalTarget"] = {"fiscalYear": None, "value": targets[-1]}
        k["grade"] = grades[1]
        kpis.append(k)
        row += 5
    render_openpyxl([g], path)
    project = {"no": 1, "name": "観光振興事業", "period": {"start": 2022, "end": 2024},
               "years": [{"fiscalYear": fy} for fy in (2022, 2023, 2024)], "kpis": kpis}
    return doc([project]), (
        "D", "measures as rows (区分 目標値 / 実績値) with derived 達成率 and 前年比 rows and a 評価 row "
        "(B, A by year) under each KPI, all inside the KPI's name and unit cells merged down over "
        "five rows; 最終目標 beside the years: the latest grade is the KPI's, never the project's "
        "evaluation",
        f"KPI!B4:H{row - 1}")


@fixture
def d_relative_years(path):
    g = Grid("KPI推移")
    g.widths.update({"A": 2, "B": 26, "C": 14, "J": 10})
    g.put("B2", "子育て世代の移住・定住促進計画（令和４年度～令和６年度）", merge="J2", size=12,
          bold=True, border=False)
    g.put("B4", "指標名", merge="B5", h="center", fill=True)
    g.put("C4", "事業開始前（令和３年度末）", merge="C5", h="center", fill=True)
    years = [("1年目", 2022), ("2年目", 2023), ("3年目", 2024)]
    for i, (label, _) in enumerate(years):
        t, a = get_column_letter(4 + 2 * i), get_column_letter(5 + 2 * i)
        g.widths[t] = g.widths[a] = 10
        g.put(f"{t}4", label, merge=f"{a}4", h="center", fill=True)
        g.put(f"{t}5", "目標値", h="center", fill=True)
        g.put(f"{a}5", "実績値", h="center", fill=True)
    g.put("J4", "累計", merge="J5", h="center", fill=True)
    # KPI, unit, (baseline cell, value), [(target cell, value), (actual cell, value)], 累計 cell
    data = [
        ("転入した子育て世帯数", "世帯", ("45世帯", 45),
         [(("10世帯", 10), ("12世帯", 12)), (("10世帯", 10), ("8世帯", 8)), (("15世帯", 15), ("－", None))],
         "20世帯"),
        ("保育所待機児童の減少数", "人", ("15人", 15),
         [(("5人", 5), ("6人", 6)), (("5人", 5), ("4人", 4)), (("5人", 5), ("－", None))],
         "10人"),
        ("子育て支援アプリ登録率", "%", ("0%", 0),
         [(("20%", 20), ("18.5%", 18.5)), (("20%", 20), ("22.0%", 22)), (("20%", 20), ("－", None))],
         "40.5%"),
    ]
    kpis = []
    row = 6
    for kname, unit, (bcell, bval), pairs, total in data:
        g.put(f"B{row}", kname)
        g.put(f"C{row}", bcell, h="right")
        values = []
        for i, ((_, fy), ((tc, tv), (ac, av))) in enumerate(zip(years, pairs)):
            t, a = get_column_letter(4 + 2 * i), get_column_letter(5 + 2 * i)
            g.put(f"{t}{row}", tc, h="right")
            g.put(f"{a}{row}", ac, h="right")
            values.append(value(fy, tv, av, g, f"{t}{row}", f"{a}{row}"))
        g.put(f"J{row}", total, h="right")
        kpis.append(kpi(len(kpis) + 1, kname, unit, values, baseline=bval))
        row += 1
    g.put(f"B{row + 1}", "※各年度の値は前年度からの増加分。累計は実績値の合計。", border=False, wrap=False)
    render_xlsxwriter([g], path)
    project = {"name": "子育て世代の移住・定住促進計画", "period": {"start": 2022, "end": 2024},
               "years": [{"fiscalYear": fy} for _, fy in years], "kpis": kpis}
    return doc([project]), (
        "D", "XlsxWriter; merged year headers 1年目 / 2年目 / 3年目 over 目標値 | 実績値, resolved by the "
        "heading's period （令和４年度～令和６年度） (no ①-marker: no project `no`); a 事業開始前（令和３年度末） "
        "baseline column; a 累計 column (not a year, ignored); text values with units in every cell",
        f"KPI推移!B4:J{row - 1}")


# ---------------------------------------------------------------------------------------------
# Layout E


@fixture
def e_per_sheet(path):
    code = "08220" + check_digit("08220")
    assert code == "082201", code  # つくば市
    cover = Grid("表紙")
    cover.widths.update({"A": 2, "B": 22, "C": 24})
    cover.put("B2", "令和５年度　地方創生関連事業　効果検証シート", merge="C2", size=14, bold=True,
              border=False)
    for i, (label, val) in enumerate([("都道府県名", "茨城県"), ("市町村名", "つくば市"),
                                      ("地方公共団体コード", code)]):
        cover.put(f"B{4 + i}", label, h="center", fill=True)
        cover.put(f"C{4 + i}", val, h="center")
    cover.put("B8", "※事業ごとにシートを分けて記載", merge="C8", border=False)
    s1 = Grid("01観光")
    s1.widths["A"] = 2
    p1 = {
        "no": 1,
        "heading": "①　サイクルツーリズム推進事業（令和３年度～令和５年度）",
        "name": "サイクルツーリズム推進事業",
        "years": [2021, 2022, 2023], "labels": YEARS_REL,
        "overview": "自転車で巡る観光ルートを整備し、サイクリストの来訪と滞在を増やす。",
        "activities": [
            ("・サイクリングルートの設定", ["サイクリングルートの設定"]),
            ("・レンタサイクルの導入\n・案内サインの設置", ["レンタサイクルの導入", "案内サインの設置"]),
            ("・サイクルイベントの開催", ["サイクルイベントの開催"]),
        ],
        "kpis": [
            {"cell": "レンタサイクル\n利用者数", "name": "レンタサイクル利用者数", "unit": "人", "cells": [
                (DASH, DASH), (("3,000人", 3000), ("2,640人", 2640)),
                (("5,000人", 5000), ("5,318人", 5318))]},
            {"cell": "サイクルイベント参加者数", "name": "サイクルイベント参加者数", "unit": "人", "cells": [
                (("300人", 300), ("280人", 280)), (("400人", 400), ("452人", 452)),
                (("500人", 500), ("511人", 511))]},
        ],
    }
    s2 = Grid("02移住")
    s2.widths["A"] = 2
    p2 = {
        "no": 2,
        "heading": "②　スマートシティ推進による移住促進事業（令和４年度～令和６年度）",
        "name": "スマートシティ推進による移住促進事業",
        "years": [2022, 2023, 2024], "labels": YEARS_REL,
        "overview": "研究学園都市の先端技術を生活サービスに活かし、移住先としての魅力を発信する。",
        "activities": [
            ("・移住ポータルサイトの開設", ["移住ポータルサイトの開設"]),
            ("・オンライン移住相談\n（毎月）", ["オンライン移住相談（毎月）"]),
            ("・移住体験ツアー", ["移住体験ツアー"]),
        ],
        "kpis": [
            {"cell": "移住相談件数", "name": "移住相談件数", "unit": "件", "cells": [
                (("100件", 100), ("124件", 124)), (("120件", 120), ("131件", 131)),
                (("140件", 140), ("－", None))]},
            {"cell": "移住者数", "name": "移住者数", "unit": "人", "cells": [
                (("20人", 20), ("18人", 18)), (("25人", 25), ("27人", 27)),
                (("30人", 30), ("－", None))]},
        ],
    }
    proj1, rng1 = draw_block(s1, 2, "B", p1)
    proj2, rng2 = draw_block(s2, 2, "B", p2)
    render_openpyxl([cover, s1, s2], path)
    return doc([proj1, proj2], {"name": "つくば市", "prefecture": "茨城県", "code": code}), (
        "E", "a cover sheet 表紙 (都道府県名 / 市町村名 / 地方公共団体コード 082201, check digit computed) and "
        "one layout-A project per sheet, each with its own ①/② heading (invented projects)",
        f"表紙!B4:C6, 01観光!{rng1}, 02移住!{rng2}")


# ---------------------------------------------------------------------------------------------
# Layout B


EFFECT_LEGEND = ("事業効果\n1.地方創生に非常に効果的であった\n2.地方創生に相当程度効果があった\n"
                 "3.地方創生に効果があった\n4.地方創生に対して効果がなかった")
POLICY_LEGEND = ("今後の方針\n1.追加等更に発展させる\n2.事業内容の見直し（改善）\n3.事業の継続\n"
                 "4.事業の中止\n5.予定通り事業終了")


@fixture
def b_national_form(path):
    g = Grid("様式2")
    g.widths.update({"A": 2, "B": 5, "C": 24, "D": 16, "E": 14, "F": 6, "G": 22, "H": 11,
                     "I": 6, "J": 9, "K": 11, "L": 24, "M": 26, "N": 26, "O": 20, "P": 26})
    g.put("B1", "地方創生関連事業の効果検証に関する調査票（様式２）", merge="P1", size=13,
          bold=True, border=False)
    for col, end, label, val in (("B", "C", "都道府県名", "山口県"), ("D", "E", "市町村名", "山陽小野田市"),
                                 ("F", "H", "都道府県・市町村コード（5桁）", "35216")):
        g.put(f"{col}3", label, merge=f"{end}3", h="center", fill=True)
        g.put(f"{col}4", val, merge=f"{end}4", h="center")
    # Two header rows: group headers on row 6, sub-headers on row 7.
    for col, text in (("B", "No"), ("C", "交付対象事業の名称"), ("D", "交付金の種類"), ("E", "実績額（円）")):
        g.put(f"{col}6", text, merge=f"{col}7", h="center", fill=True)
    g.put("F6", "重要業績評価指標（KPI）", merge="J6", h="center", fill=True)
    g.put("K6", "本事業終了後における実績値", merge="L6", h="center", fill=True)
    g.put("M6", "外部有識者からの評価", merge="N6", h="center", fill=True)
    g.put("O6", "実績値を踏まえた事業の今後について", merge="P6", h="center", fill=True)
    g.put("F7", "指標", merge="G7", h="center", fill=True)
    for col, text in (("H", "指標値"), ("I", "単位"), ("J", "目標年月"), ("K", "実績値"),
                      ("L", EFFECT_LEGEND), ("M", "事業の評価"), ("N", "外部有識者からの意見"),
                      ("O", POLICY_LEGEND), ("P", "今後の方針の理由")):
        g.put(f"{col}7", text, h="center" if "\n" not in text else "left", fill=True)
    g.heights[7] = 80

    projects_data = [
        {"no": 1, "name": "地域商社設立による地場産品販路拡大事業", "grant": "地方創生推進交付金",
         "cost": 12345678, "fy": 2022,
         "kpis": [("地場産品の販売額", 150000, "千円", "R5.3", 162340),
                  ("新規取引事業者数", 20, "社", "R5.3", 23),
                  ("地域商社の雇用者数", 5, "人", "R5.3", 4)],
         "effect": ("地方創生に相当程度効果があった", "considerably-effective"),
         "assessment": "３つのＫＰＩのうち２つで目標値を上回っており、事業は有効であった。",
         "opinion": "販路開拓の成果が出ている。今後は海外への販路も検討されたい。",
         "policy": ("事業の継続", "continue"),
         "reason": "地域商社の自立に向けて、引き続き販路の拡大に取り組む必要があるため。"},
        {"no": 2, "name": "観光ＤＭＯによる着地型観光推進事業", "grant": "地方創生推進交付金",
         "cost": 8765000, "fy": 2018,
         "kpis": [("着地型旅行商品の造成数", 10, "件", "H31.3", 12),
                  ("ＤＭＯ会員数", 50, "者", "H31.3", 41)],
         "effect": ("地方創生に非常に効果的であった", "very-effective"),
         "assessment": "旅行商品の造成数が目標を上回り、観光客の滞在時間も延びた。",
         "opinion": "ＤＭＯの会員拡大に向けて、事業者への働きかけを強められたい。",
         "policy": ("予定通り事業終了", "complete"),
         "reason": "計画期間が終了し、ＤＭＯが自主財源で事業を継続するため。"},
    ]
    circled = "①②③④⑤"
    projects = []
    row = 8
    for p in projects_data:
        first, last = row, row + len(p["kpis"]) - 1
        g.put(f"B{first}", p["no"], merge=f"B{last}", h="center")
        g.put(f"C{first}", p["name"], merge=f"C{last}")
        g.put(f"D{first}", p["grant"], merge=f"D{last}")
        g.put(f"E{first}", p["cost"], merge=f"E{last}", fmt="#,##0", h="right")
        g.put(f"L{first}", p["effect"][0], merge=f"L{last}")
        g.put(f"M{first}", p["assessment"], merge=f"M{last}")
        g.put(f"N{first}", p["opinion"], merge=f"N{last}")
        g.put(f"O{first}", p["policy"][0], merge=f"O{last}")
        g.put(f"P{first}", p["reason"], merge=f"P{last}")
        records = []
        for i, (kname, target, unit, due, actual) in enumerate(p["kpis"]):
            r = row + i
            g.put(f"F{r}", "指標" + circled[i], h="center")
            g.put(f"G{r}", kname)
            g.put(f"H{r}", target, fmt="#,##0", h="right")
            g.put(f"I{r}", unit, h="center")
            g.put(f"J{r}", due, h="center")
            g.put(f"K{r}", actual, fmt="#,##0", h="right")
            g.heights[r] = 30
            records.append(kpi(i + 1, kname, unit,
                               [value(p["fy"], target, actual, g, f"H{r}", f"K{r}", due=due)]))
        projects.append({
            "name": p["name"],
            "grantType": p["grant"],
            "years": [{"fiscalYear": p["fy"], "cost": {"value": p["cost"], "unit": "円"}}],
            "kpis": records,
            "evaluation": {"fiscalYear": p["fy"], "effect": p["effect"][1],
                           "assessment": p["assessment"], "expertOpinion": p["opinion"],
                           "policy": p["policy"][1], "policyReason": p["reason"]},
        })
        row = last + 1
    render_openpyxl([g], path)
    return doc(projects, {"name": "山陽小野田市", "prefecture": "山口県", "code": "35216"}), (
        "B", "national form 様式2: header block 都道府県名 / 市町村名 / 都道府県・市町村コード（5桁） 35216 "
        "(labels B3:H3, values B4:H4); two header rows (group headers on row 6, 事業効果 and 今後の方針 "
        "print their category legends on extra lines of the header cell); 指標①… in a narrow column F "
        "left of the KPI name G (header 指標 merged over F7:G7); project cells merged down over 3 and 2 "
        "KPI rows; 目標年月 as text R5.3 (→ 2022) and H31.3 (→ 2018); 実績額（円） → years[].cost in 円; "
        "the No column (1, 2) gives no project `no`",
        f"様式2!B3:H4 and 様式2!B6:P{row - 1}")


# ---------------------------------------------------------------------------------------------
# Checks and main


def load_schema():
    for p in SCHEMA_CANDIDATES:
        if p.exists():
            return json.loads(p.read_text(encoding="utf-8"))
    sys.exit("make-layout-fixtures: docs/records.schema.json not found")


def verify(path, expected):
    """Opens the workbook with openpyxl and python-calamine; checks that every `source` cell
    exists on its sheet, is not covered by a merge, and that numeric cells hold the expected
    number up to the format's scaling (a light check that the drawing and the records agree)."""
    from python_calamine import CalamineWorkbook
    wb = load_workbook(path)
    cal = CalamineWorkbook.from_path(str(path))
    assert cal.sheet_names == wb.sheetnames, (cal.sheet_names, wb.sheetnames)
    for name in cal.sheet_names:
        cal.get_sheet_by_name(name).to_python()
    for project in expected["projects"]:
        for k in project["kpis"]:
            for v in k["values"]:
                for side in ("target", "actual"):
                    # A value with no cell of its own (a final target's year) has no source.
                    if side not in v["source"]:
                        assert v[side] is None, (path.name, v)
                        continue
                    sheet, ref = v["source"][side].split("!")
                    ws = wb[sheet]
                    for m in ws.merged_cells.ranges:
                        assert ref not in m or ref == m.start_cell.coordinate, (path.name, ref)
                    cell = ws[ref]
                    raw, want = cell.value, v[side]
                    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
                        fmt = cell.number_format
                        seen = raw * 100 if "%" in fmt else raw / 1000 if ',"' in fmt else raw
                        assert want is not None and abs(round(seen, 9) - want) < 1e-9, \
                            (path.name, ref, raw, fmt, want)
                    elif raw is None:
                        assert want is None, (path.name, ref, want)


def tidy_numbers(node):
    """Integral floats (12.0 typed in the tables) as integers, as records print them (10.0 → 10)."""
    if isinstance(node, dict):
        return {k: tidy_numbers(v) for k, v in node.items()}
    if isinstance(node, list):
        return [tidy_numbers(v) for v in node]
    if isinstance(node, float) and node.is_integer():
        return int(node)
    return node



# ---------------------------------------------------------------------------------------------
# Problem fixtures: sheets with cells `extract` must refuse or warn about. Each writes
# NAME.xlsx and NAME.expected-problems.json (severity, code, sheet, cell per problem).

PROBLEM_FIXTURES = []


def problem_fixture(fn):
    PROBLEM_FIXTURES.append(fn)
    return fn


@problem_fixture
def problems_flat(path):
    """A flat list with every kind of bad value a person types, and a header block."""
    g = Grid("KPI")
    g.widths.update({"A": 2, "B": 24, "C": 22, "D": 12, "E": 14, "F": 14, "G": 8})
    g.put("B1", "市町村名", border=False)
    g.put("C1", "山陽小野田市", border=False)
    g.put("B2", "地方公共団体コード", border=False)
    g.put("C2", "352162", border=False)  # wrong check digit: 35216 → 352161
    for col, text in zip("BCDEFG", ["事業名", "KPI", "年度", "目標値", "実績値", "単位"]):
        g.put(f"{col}4", text, h="center", fill=True)
    rows = [
        ("観光振興事業", "観光客数", "令和3年度", "12,000人", "12,O00人", "人"),   # F5 letter O
        (None, "観光客数", "来年度", "13,000人", "13,500人", "人"),               # D6 unknown year
        (None, "宿泊者数", "令和3年度", "200・4,000", "3,900人", "人"),           # E7 two values
        (None, "宿泊者数", "令和4年度", "約5,000人", "5,100人", "人"),            # E8 qualifier
        (None, "観光消費額", "令和3年度", "1,000千円", "950円", None),            # F9 mixed units
        (None, "観光消費額", "令和4年度", "1,200千円", "1,300千円", None),
        (None, "イベント数", "令和3年度", "－", "5件", "件"),                     # F11 actual without target
    ]
    for offset, cells in enumerate(rows):
        row = 5 + offset
        for col, text in zip("BCDEFG", cells):
            if text is not None:
                g.put(f"{col}{row}", text)
    render_openpyxl([g], path)
    return [
        {"severity": "error", "code": "not-a-number", "sheet": "KPI", "cell": "F5"},
        {"severity": "error", "code": "unknown-year", "sheet": "KPI", "cell": "D6"},
        {"severity": "error", "code": "two-values", "sheet": "KPI", "cell": "E7"},
        {"severity": "warning", "code": "qualifier", "sheet": "KPI", "cell": "E8"},
        {"severity": "error", "code": "mixed-units", "sheet": "KPI", "cell": "F9"},
        {"severity": "warning", "code": "actual-without-target", "sheet": "KPI", "cell": "F11"},
        {"severity": "warning", "code": "check-digit", "sheet": "KPI", "cell": "C2"},
    ]


@problem_fixture
def problems_data_checks(path):
    """Wrong data that must not pass silently (records.md "Keys and repeats", units, nulls):
    a blank first project name, a formula openpyxl saves without a result, 未集計, a 千人 row
    among 人 rows, one year given twice with other values and once more with the same, and a
    project whose KPI cells are all dashes."""
    g = Grid("KPI")
    g.widths.update({"A": 2, "B": 24, "C": 22, "D": 12, "E": 14, "F": 14, "G": 8})
    for col, text in zip("BCDEFG", ["事業名", "KPI", "年度", "目標値", "実績値", "単位"]):
        g.put(f"{col}4", text, h="center", fill=True)
    rows = [
        (None, "相談件数", "令和3年度", 10, 12, "件"),                           # B5 blank project
        ("移住促進事業", "移住者数", "令和3年度", 20, "=10+15", "人"),            # F6 formula, no result
        (None, "移住者数", "令和4年度", 25, "未集計", "人"),                       # F7 not known yet
        (None, "来訪者数", "令和3年度", 1000, 1100, "人"),
        (None, "来訪者数", "令和4年度", 1.2, 1.3, "千人"),                         # G9 千人 among 人
        (None, "体験者数", "令和3年度", 50, 40, "人"),
        (None, "体験者数", "令和3年度", 50, 45, "人"),                             # E11 other values
        (None, "体験者数", "令和4年度", 60, 61, "人"),
        (None, "体験者数", "令和4年度", 60, 61, "人"),                             # E13 same values
        ("基盤整備事業", "－", "令和3年度", "－", "－", "－"),                      # B14 no KPI
    ]
    for offset, cells in enumerate(rows):
        row = 5 + offset
        for col, text in zip("BCDEFG", cells):
            if text is not None:
                g.put(f"{col}{row}", text)
    render_openpyxl([g], path)
    return [
        {"severity": "error", "code": "blank-project-name", "sheet": "KPI", "cell": "B5"},
        {"severity": "error", "code": "formula-without-value", "sheet": "KPI", "cell": "F6"},
        {"severity": "warning", "code": "not-yet-known", "sheet": "KPI", "cell": "F7"},
        {"severity": "error", "code": "mixed-units", "sheet": "KPI", "cell": "G9"},
        {"severity": "error", "code": "conflicting-repeat", "sheet": "KPI", "cell": "E11"},
        {"severity": "warning", "code": "repeated-value", "sheet": "KPI", "cell": "E13"},
        {"severity": "warning", "code": "kpi-not-set", "sheet": "KPI", "cell": "B14"},
    ]


@problem_fixture
def problems_kpi_names(path):
    """Rows with values whose KPI or project name cannot be read as one (red-team round 3):
    a KPI number typed into the name column (12 as a number, 1 as text) and '-' as a KPI or
    project name. Each is named at its cell; a bare mark on an empty row (an empty indicator
    row of a template) is not a problem. (A note row, ※…, ends the table before the reader
    sees it: TableFinder's rule, not tried here.)"""
    g = Grid("KPI")
    g.widths.update({"A": 2, "B": 24, "C": 22, "D": 12, "E": 14, "F": 14, "G": 8})
    for col, text in zip("BCDEFG", ["事業名", "KPI", "年度", "目標値", "実績値", "単位"]):
        g.put(f"{col}4", text, h="center", fill=True)
    rows = [
        ("観光振興事業", "観光客数", "令和3年度", 1000, 1100, "人"),
        (None, 12, "令和3年度", 50, 55, "件"),                                  # C6 a number
        (None, "1", "令和3年度", 5, 6, "件"),                                    # C7 text "1"
        (None, "A", None, None, None, None),                                     # empty indicator row
        (None, "－", "令和4年度", 30, 31, "人"),                                 # C9 '-' as KPI name
        ("－", "宿泊者数", "令和3年度", 10, 11, "人"),                           # B10 '-' as project
    ]
    for offset, cells in enumerate(rows):
        row = 5 + offset
        for col, text in zip("BCDEFG", cells):
            if text is not None:
                g.put(f"{col}{row}", text)
    render_openpyxl([g], path)
    return [
        {"severity": "error", "code": "kpi-name-is-marker", "sheet": "KPI", "cell": "C6"},
        {"severity": "error", "code": "kpi-name-is-marker", "sheet": "KPI", "cell": "C7"},
        {"severity": "warning", "code": "row-not-read", "sheet": "KPI", "cell": "C9"},
        {"severity": "warning", "code": "row-not-read", "sheet": "KPI", "cell": "B10"},
    ]


@problem_fixture
def problems_kpi_names_rows(path):
    """The same mistake in a table with 目標/実績 as rows: a KPI number (12) merged down over
    its two measure rows, where the name belongs. Its values must not join the KPI above."""
    g = Grid("KPI")
    g.widths.update({"A": 2, "B": 24, "C": 22, "D": 8, "E": 12, "F": 12})
    for col, text in zip("BCDEF", ["事業名", "KPI", "区分", "令和3年度", "令和4年度"]):
        g.put(f"{col}4", text, h="center", fill=True)
    g.put("B5", "観光振興事業", merge="B8")
    g.put("C5", "観光客数（人）", merge="C6")
    g.put("C7", 12, merge="C8")                                                  # C7 a number
    for row, (measure, r3, r4) in enumerate(
            [("目標", 1000, 1200), ("実績", 1100, 1150), ("目標", 50, 60), ("実績", 55, 70)], start=5):
        g.put(f"D{row}", measure)
        g.put(f"E{row}", r3)
        g.put(f"F{row}", r4)
    render_openpyxl([g], path)
    return [
        {"severity": "error", "code": "kpi-name-is-marker", "sheet": "KPI", "cell": "C7"},
    ]



@problem_fixture
def problems_silent(path):
    """Figures inside a table that no reader takes must be named, never dropped (issue #16):
    one case per way a figure was lost without a word. Notes inside a table (※ between KPI
    rows) do not end it; a note mark with a value (1150※) keeps the value; notes under a
    table with figures in their text (662万人) and derived rows (達成率) stay unread and
    unnamed."""
    flat = Grid("一覧")
    flat.widths.update({"A": 2, "B": 20, "C": 22, "D": 12, "E": 12, "F": 8, "G": 12, "H": 8,
                        "I": 8})
    # F4 is left without a header: a figure under it is in a column no header reads.
    for col, text in zip("BCDEGH", ["事業名", "KPI", "年度", "目標値", "実績値", "単位"]):
        flat.put(f"{col}4", text, h="center", fill=True)
    rows = [
        ("観光振興事業", "観光客数", "令和3年度", 1000, 5, 1100, "人"),      # F5 no header
        (None, "観光客数", "令和4年度", 1200, None, "1150※", "人"),        # G6 note mark: read
        ("※令和2年度はコロナの影響により中止",),                          # B7 note inside
        (None, "宿泊者数", "令和3年度", 50, None, 60, "人"),               # read after the note
        (None, "設置数", "令和3年度", "設置", None, "全員取得", None),      # E9, G9 text values
        (None, "※R4は集計方法を変更", "令和4年度", 55, None, 58, "人"),    # C10 note as name
        ("移住促進事業", None, "令和3年度", 10, None, 12, "人"),            # C11 no KPI name
        ("※速報値",),                                                      # B12 note
        (None, None, "令和4年度", 15, None, 14, "人"),                      # E13, G13 under it
    ]
    for offset, cells in enumerate(rows):
        row = 5 + offset
        if len(cells) == 1:
            flat.put(f"B{row}", cells[0], merge=f"H{row}")
            continue
        for col, text in zip("BCDEFGH", cells):
            if text is not None:
                flat.put(f"{col}{row}", text)
    flat.put("I5", 99, border=False)                                        # I5 right of header
    flat.put("B15", "※本市の観光客入込数は平成22年の662万人がピーク", merge="H15", border=False)

    rows_grid = Grid("推移")
    rows_grid.widths.update({"A": 2, "B": 22, "C": 8, "D": 12, "E": 12, "F": 12})
    rows_grid.put("B3", "観光振興事業", border=False)
    for col, text in zip("BCDEF", ["指標名", "区分", "令和3年度", "令和4年度", "令和5年度速報"]):
        rows_grid.put(f"{col}4", text, h="center", fill=True)
    rows_grid.put("B5", "観光客数（人）", merge="B6")
    rows_grid.put("B8", "宿泊者数（人）", merge="B11")
    measures = [
        (5, "目標", 100, 110, None), (6, "実績", 95, 120, None),
        (8, "目標", 50, 60, None), (9, "実績", 45, 66, 70),                 # F9 header not a year
        (10, "達成率", "90%", "110%", None),                                 # derived: not named
        (11, None, 7, 8, None),                                              # D11, E11 no 区分
    ]
    for row, measure, r3, r4, r5 in measures:
        if measure:
            rows_grid.put(f"C{row}", measure)
        rows_grid.put(f"D{row}", r3)
        rows_grid.put(f"E{row}", r4)
        if r5 is not None:
            rows_grid.put(f"F{row}", r5)
    rows_grid.put("B7", "※令和4年度はイベント中止", merge="F7")               # note inside
    rows_grid.put("B12", "※県平均")                                          # B12 note as name
    rows_grid.put("C12", "実績")
    rows_grid.put("D12", 80)
    rows_grid.put("E12", 85)

    # Layout A: a 目標値 column with no 実績値 beside it (F), and a row between the year
    # labels with figures (row 11, no label).
    block = Grid("事業")
    block.widths.update({"A": 2, "B": 10, "C": 30, "D": 10, "E": 10, "F": 10, "G": 4})
    block.put("B2", "①　観光振興事業（令和３年度～令和５年度）", merge="F2", bold=True, border=False)
    block.put("B3", "事業概要", h="center", fill=True)
    block.put("C3", "観光客を呼び込む。", merge="F3")
    block.put("B5", None, merge="B7", fill=True)
    block.put("C5", "事業概要", merge="C7", h="center", fill=True)
    block.put("D5", "重要業績評価指標（KPI）", merge="F5", h="center", fill=True)
    block.put("D6", "観光客数（人）", merge="E6", h="center", fill=True)
    block.put("F6", "宿泊者数（人）", h="center", fill=True)
    block.put("D7", "目標値", h="center", fill=True)
    block.put("E7", "実績値", h="center", fill=True)
    block.put("F7", "目標値", h="center", fill=True)
    for row, label, act, t, a, f in [
        (8, "令和3年度", "・PR動画の制作", 100, 90, 40),        # F8 no partner
        (9, "令和4年度", "・イベントの開催", 110, 115, None),
        (10, None, None, 5, None, None),                        # D10 no year label
        (11, "令和5年度", "・ツアーの造成", 120, 118, None),
    ]:
        if label:
            block.put(f"B{row}", label, h="center")
        if act:
            block.put(f"C{row}", act)
        block.put(f"D{row}", t)
        if a is not None:
            block.put(f"E{row}", a)
        if f is not None:
            block.put(f"F{row}", f)

    # Two cost columns filled with different figures: the first is the project's cost.
    costs = Grid("事業費")
    costs.widths.update({"A": 2, "B": 20, "C": 16, "D": 12, "E": 10, "F": 10, "G": 14, "H": 14})
    for col, text in zip("BCDEFGH", ["事業名", "KPI", "年度", "目標値", "実績値", "事業費（千円）",
                                      "決算額（千円）"]):
        costs.put(f"{col}4", text, h="center", fill=True)
    for col, text in zip("BCDEFGH", ["観光振興事業", "観光客数", "令和3年度", 10, 12, 1000, 950]):
        costs.put(f"{col}5", text)                                          # H5 second cost
    costs.put("B6", "※参考：前年度の事業費")                                # a note row set aside,
    costs.put("G6", 900)                                                    # G6 its figure named
    for col, text in zip("CDEF", ["宿泊者数", "令和3年度", 5, 6]):
        costs.put(f"{col}7", text)                                          # read after the note

    render_openpyxl([flat, rows_grid, block, costs], path)
    warn = "warning"
    return [
        {"severity": warn, "code": "value-not-read", "sheet": "一覧", "cell": "F5"},
        {"severity": warn, "code": "value-not-read", "sheet": "一覧", "cell": "I5"},
        {"severity": "error", "code": "not-a-number", "sheet": "一覧", "cell": "E9"},
        {"severity": "error", "code": "not-a-number", "sheet": "一覧", "cell": "G9"},
        {"severity": warn, "code": "row-not-read", "sheet": "一覧", "cell": "C10"},
        {"severity": warn, "code": "row-not-read", "sheet": "一覧", "cell": "C11"},
        {"severity": warn, "code": "value-not-read", "sheet": "一覧", "cell": "E13"},
        {"severity": warn, "code": "value-not-read", "sheet": "一覧", "cell": "G13"},
        {"severity": warn, "code": "no-values", "sheet": "一覧", "cell": "C9"},
        {"severity": warn, "code": "kpi-not-set", "sheet": "一覧", "cell": "B11"},
        {"severity": warn, "code": "value-not-read", "sheet": "推移", "cell": "F9"},
        {"severity": warn, "code": "value-not-read", "sheet": "推移", "cell": "D11"},
        {"severity": warn, "code": "value-not-read", "sheet": "推移", "cell": "E11"},
        {"severity": warn, "code": "value-not-read", "sheet": "事業", "cell": "F8"},
        {"severity": warn, "code": "value-not-read", "sheet": "事業", "cell": "D10"},
        {"severity": warn, "code": "value-not-read", "sheet": "事業費", "cell": "H5"},
        {"severity": warn, "code": "value-not-read", "sheet": "事業費", "cell": "G6"},
        {"severity": warn, "code": "row-not-read", "sheet": "推移", "cell": "B12"},
    ]

def write_problem_fixtures():
    for build in PROBLEM_FIXTURES:
        stem = build.__name__.replace("_", "-")
        path = OUT / f"{stem}.xlsx"
        problems = build(path)
        (OUT / f"{stem}.expected-problems.json").write_text(
            json.dumps(problems, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)} and {stem}.expected-problems.json")


def main():
    import jsonschema
    schema = load_schema()
    validator = jsonschema.Draft202012Validator(schema)
    OUT.mkdir(parents=True, exist_ok=True)
    lines = []
    for build in FIXTURES:
        stem = build.__name__.replace("_", "-")
        path = OUT / f"{stem}.xlsx"
        expected, (layout, quirk, where) = build(path)
        errors = sorted(validator.iter_errors(expected), key=lambda e: list(e.path))
        if errors:
            sys.exit(f"{stem}: expected records do not match the schema: {errors[0].message} "
                     f"at {list(errors[0].path)}")
        expected = tidy_numbers(expected)
        verify(path, expected)
        (OUT / f"{stem}.expected.json").write_text(
            json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        lines.append(f"- **{stem}.xlsx** — layout {layout} — {quirk} — table: {where}")
        print(f"wrote {path.relative_to(ROOT)} and {stem}.expected.json")
    write_problem_fixtures()
    lines.append("- **problems-flat.xlsx** — layout C — every kind of bad value (12,O00人, an unknown "
                 "year, two values in a cell, 約, mixed units, an actual without a target, a wrong check "
                 "digit) — `problems-flat.expected-problems.json` lists severity, code, sheet and cell")
    lines.append("- **problems-data-checks.xlsx** — layout C — wrong data that must not pass silently "
                 "(a blank first project name, a formula saved without its result, 未集計, a 千人 row "
                 "among 人, one year twice with other and with the same values, a project whose KPI "
                 "cells are all dashes) — `problems-data-checks.expected-problems.json`")
    lines.append("- **problems-kpi-names.xlsx** — layout C — rows with values whose name is no name: "
                 "a KPI number (12, 1) in the name column, '-' as a KPI or project name "
                 "— `problems-kpi-names.expected-problems.json`")
    lines.append("- **problems-kpi-names-rows.xlsx** — layout C, measures as rows — a KPI number "
                 "merged over its 目標/実績 rows where the name belongs "
                 "— `problems-kpi-names-rows.expected-problems.json`")
    lines.append("- **problems-silent.xlsx** — layouts C and D — figures inside a table that no "
                 "reader takes (a column with no header, right of the last header, a row with no KPI "
                 "name, rows under a note that ends the table, a year header that is no year, a row "
                 "with no 目標/実績 label, text targets); ※ notes inside the tables do not end them "
                 "— `problems-silent.expected-problems.json`")
    write_readme(lines)


README_HEAD = """# Layout fixtures for KPIImport

Made by `python3 Scripts/make-layout-fixtures.py` (openpyxl, XlsxWriter, LibreOffice; edit the
script, not the files). Each `NAME.xlsx` is a departmental sheet drawn differently from the
samples, and `NAME.expected.json` holds the records (`docs/records.md`) that
`kpisheet extract NAME.xlsx` must print, with the cells each target and actual came from in
`source` (also for null values from '-' or blank cells). The expected records are written from
the script's own tables, never from kpisheet's output; each validates against
`records.schema.json`, and each workbook opens in openpyxl and python-calamine.

Conventions (as in `samples/`): KPIs numbered `no` 1..n per project; projects get `no` only from
①-style markers; `years` has one entry per fiscal year shown (`activities` only in layout A,
`cost` only where a cost column exists); optional fields may be absent (absent == null);
`direction` absent. Warnings (e.g. 約) are not part of the records.

Files are byte-identical on rerun except `a-libreoffice.xlsx`, whose bytes may change with the
LibreOffice version; it must stay equivalent (same cells, formats, merges). The `Tests/KPIImportTests`
target needs `resources: [.copy("Fixtures")]` in Package.swift to load them as bundle resources.

One line per fixture: layout — quirk — where its table is.

"""

README_TAIL = """
## Rules the expected records assume (check against the spec)

- `c-reordered`: the header KPI名 is not in input-layouts.md's header words (KPI, 指標, 指標名, …);
  the fixture expects it to match the KPI field (the spec says to extend the list as sheets show more).
- `c-1904`: `due` is the ISO date of the 目標年月 date cell (2022-03-31): the text a date cell shows
  depends on rendering its format (2022年3月, R3.12, 2022/9), which kpisheet does not do. The fiscal
  year comes from the date (the fiscal year containing the month).
- `a-numeric`: 20～39歳の社会動態数 has no unit (its format #,##0;"▲"#,##0 has no literal suffix).
- `a-percent-text`: 空き家バンク登録件数の増減 has no unit; 「±０」 → 0, 「＋５」 → 5, 「（１２）」 → -12.
- `a-libreoffice`: a two-section format #,##0"世帯";"▲"#,##0"世帯" gives unit 世帯 for negatives too.
- `b-national-form`: the No column is not a known header field, so projects have no `no`; the KPI name is
  the text in column G (指標① … labels in F give nothing but the order); each project's `evaluation.fiscalYear`
  and `years[].fiscalYear` are the fiscal year of its 目標年月 (R5.3 → 2022, H31.3 → 2018); the 実績額
  unit is 円 from the header 「実績額（円）」.
- `d-relative-years`, `a-absolute-years`: headings without ① give no project `no` but still give `period`.
"""


def write_readme(lines):
    (OUT / "README.md").write_text(README_HEAD + "\n".join(lines) + "\n" + README_TAIL,
                                   encoding="utf-8")


if __name__ == "__main__":
    main()
