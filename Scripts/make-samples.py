#!/usr/bin/env python3
"""Builds kpisheet's sample departmental workbooks and the records each must read as.

    python3 Scripts/make-samples.py          # rewrites samples/*.xlsx and samples/*.expected.json

Why: kpisheet reads sheets that people drew in Excel, not sheets that kpisheet wrote. These
samples are drawn by a third-party writer (openpyxl) the way a municipal officer draws them
("Excel方眼紙": merged cells, labels broken over lines, units typed into cells or carried by
number formats), and each comes with the records `kpisheet extract` must print for it
(docs/records.md), including the cell each target and actual came from.

What it makes (samples/README.md says more):
  sanyo-onoda.xlsx  layout A (block layout): the seed document, 山陽小野田市's KPI progress
                    publication, rebuilt as the sheet it was printed from.
  dept-flat.xlsx    layout C (flat list): an invented department's projects, one row per
                    project x KPI x year.
  dept-wide.xlsx    layout D (wide table): an invented department's projects, one row per KPI.

The script is deterministic and idempotent: the same input gives byte-identical files. openpyxl
stamps docProps/core.xml with the time of saving and the zip entries with the current time, so
the saved archive is rewritten with a fixed timestamp (save_stable below).

The expected records of sanyo-onoda.xlsx are written from the same table that draws the sheet;
when ../shared/domain/sanyo-onoda.records.json (the project's reconstruction of the seed) is
present, the script checks that they equal it apart from the `source` cell references, and
stops if not. The numbers in every expected file are written out by hand next to the cell text
or value they come from; nothing here parses a cell the way the reader will.
"""

import datetime
import io
import json
import re
import sys
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.worksheet.pagebreak import Break

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "samples"
SHARED_SEED_RECORDS = ROOT.parent / "shared" / "domain" / "sanyo-onoda.records.json"

# One fixed moment for every document property and zip entry (a Monday, 1 April 2024, JST 9:00).
FIXED_TIME = datetime.datetime(2024, 4, 1, 0, 0, 0)
FIXED_ZIP_TIME = (2024, 4, 1, 9, 0, 0)

FONT_NAME = "ＭＳ Ｐゴシック"  # what most municipal sheets of this age are typed in
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")


# ---------------------------------------------------------------------------------------------
# Drawing helpers


def font(size=10, bold=False):
    return Font(name=FONT_NAME, size=size, bold=bold)


def put(ws, ref, value, *, merge=None, size=10, bold=False, h="left", v="center", wrap=True,
        border=True, fill=None, fmt=None):
    """Writes value into ref (top-left cell); merges ref:merge; styles every cell of the range.

    Excel draws a merged range's borders from each of its cells, so each one gets the border.
    """
    rng = f"{ref}:{merge}" if merge else ref
    min_col, min_row, max_col, max_row = range_boundaries(rng)
    for row in range(min_row, max_row + 1):
        for col in range(min_col, max_col + 1):
            cell = ws.cell(row=row, column=col)
            cell.font = font(size, bold)
            cell.alignment = Alignment(horizontal=h, vertical=v, wrap_text=wrap,
                                       indent=1 if h == "right" else 0)
            if border:
                cell.border = BOX
            if fill is not None:
                cell.fill = fill
    if merge:
        ws.merge_cells(rng)
    cell = ws[ref]
    if value is not None:
        cell.value = value
    if fmt is not None:
        cell.number_format = fmt
    return cell


def new_workbook(sheet_title):
    wb = Workbook()
    ws = wb.active
    ws.title = sheet_title
    props = wb.properties
    props.creator = "kpisheet Scripts/make-samples.py"
    props.lastModifiedBy = "kpisheet Scripts/make-samples.py"
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    ws.sheet_view.showGridLines = True
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    return wb, ws


def save_stable(wb, path):
    """Saves wb to path with fixed timestamps, so that reruns give byte-identical files.

    openpyxl sets docProps/core.xml's dcterms:modified to the time of saving and gives each zip
    entry the current time; both are replaced by FIXED_TIME. Entry order and contents are kept.
    """
    raw = io.BytesIO()
    wb.save(raw)
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              rb"\g<1>" + stamp + rb"\g<2>", data)
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, data)
    path.write_bytes(out.getvalue())


def write_json(doc, path):
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def strip_source(doc):
    """A deep copy of a records document without the `source` of its values."""
    doc = json.loads(json.dumps(doc))
    for project in doc["projects"]:
        for kpi in project["kpis"]:
            for value in kpi["values"]:
                value.pop("source", None)
    return doc


# ---------------------------------------------------------------------------------------------
# 1. sanyo-onoda.xlsx — layout A, the seed document as an officer's sheet
#
# Text is the seed's own (shared/seeds/000_7a4bf2cd6a8c2630.txt), including its line breaks
# inside KPI names, activities and the long headings of ④ and ⑤; the overview paragraphs are
# one wrapped cell each, so the PDF's wrapping points are not typed in. Values are typed as
# text with their units exactly as the seed prints them; each is paired with the number the
# records hold. Where the seed's scrambled table order left a value's place uncertain, the
# placement follows shared/domain/sanyo-onoda.records.json (see national-format.md).

SANYO_SHEET = "KPI進捗"
SANYO_TITLE = ("○デジタル田園都市国家構想交付金（地方創生推進タイプ）の進捗及び"
               "重要業績評価指標（ＫＰＩ）の達成度の状況について")
YEAR_LABELS = ["初\n年\n度", "2\n年\n目", "３\n年\n目"]  # as the seed prints them
DASH = ("-", None)

SANYO_SECTIONS = [
    ("●単市で実施事業", "single", [
        {
            "no": 1,
            "heading": "①　小野田ガラスのブランド化推進事業（令和２年度～令和４年度）",
            "name": "小野田ガラスのブランド化推進事業",
            "period": (2020, 2022),
            "overview": (
                "本市の誇る「ガラスの文化」という地域資源を最大限に活用し、地域経済の活力増進を図る"
                "とともに、その魅力を市内外に発信していくため、市内のガラス作家の作品をブランド化す"
                "る。また、ブランド化により売れる商品を作り出し、ビジネスとして確立させ、ガラス作家"
                "の所得向上を図ることにより本市への定着を図る。"),
            "activities": [
                "・ガラスのブランド化に向けたあり方の検討\n"
                "・ガラスの事業化に向けた２年間のブランディング計画策定",
                "・１年目の計画に沿ったブランドの構築\n"
                "・ターゲットに向けた各種プロモーションの実施・ＰＲツール制作",
                "・ターゲットの拡大及び各種プロモーションの実施\n"
                "・ECサイト・店舗での販売",
            ],
            "kpis": [
                ("ブランド化したガラス商品数", "個",
                 [(DASH, DASH), (("5個", 5), ("33個", 33)), (("10個", 10), ("170個", 170))]),
                ("ブランド化したガラス商品の販\n売額", "円",
                 [(DASH, DASH),
                  (("10,000,000円", 10000000), ("134,280円", 134280)),
                  (("15,000,000円", 15000000), ("10,462,414円", 10462414))]),
                ("きららガラス未来館の来客数", "人",
                 [(("12,672人", 12672), ("8,016人", 8016)),
                  (("13,672人", 13672), ("13,482人", 13482)),
                  (("15,672人", 15672), ("12,682人", 12682))]),
            ],
        },
        {
            "no": 2,
            "heading": "②　ＰＰＰを活用した交流・にぎわい創出事業（令和２年度～令和４年度）",
            "name": "ＰＰＰを活用した交流・にぎわい創出事業",
            "period": (2020, 2022),
            "overview": (
                "スマイル（笑顔）の源となる心身の健康を保ちつつ、誰もが笑顔で年を重ねていくことで"
                "きるよう「スマイルエイジング」に取り組むことで、社会保障関連経費の削減や地域コミュ"
                "ニティの活性化を図る。なお、民間と連携することでサービスの質向上や財政負担の軽減を"
                "目指しており、ＰＦＩなど、これまで取組が進んでいなかったＰＰＰ（官民連携）の手法も"
                "活用する。"),
            "activities": [
                "・スマイルエイジング月間制定・市民啓発用パンフレット作成\n"
                "・スマイルエイジング拠点創出事業（きらら交流館）\n"
                "基本計画策定及びＰＰＰ/ＰＦＩ導入可能性調査業務",
                "・スマイルエイジング月間制定\n"
                "・スマイルエイジング拠点創出事業\n"
                "（きらら交流館）",
                "・スマイルエイジング月間制定\n"
                "・スマイルエイジング拠点創出事業\n"
                "民間事業者の募集及び選定",
            ],
            "kpis": [
                ("スマイルエイジング月間の健康\nづくり実施箇所数", "件",
                 [(("50件", 50), ("80件", 80)),
                  (("60件", 60), ("122件", 122)),
                  (("70件", 70), ("141件", 141))]),
                ("観光客数", "人",
                 [(("1,092,438人", 1092438), ("739,034人", 739034)),
                  (("1,117,438人", 1117438), ("816,325人", 816325)),
                  (("1,149,438人", 1149438), ("571,011人", 571011))]),
                ("ＳＰＣ（特定目的会社）の設立", "事業体",
                 [(DASH, DASH), (DASH, DASH), (("1事業体", 1), ("1事業体", 1))]),
            ],
        },
        {
            "no": 3,
            "heading": "③　多世代・異分野地域交流による協創のまちづくり事業（令和２年度～令和４年度）",
            "name": "多世代・異分野地域交流による協創のまちづくり事業",
            "period": (2020, 2022),
            "overview": (
                "「協創によるまちづくり」の観点から多様なまちづくりの担い手による市民活動の推進によ"
                "る地域コミュニティの活性化、産学官連携により新たな人の流れをつくる賑わいの創出、こ"
                "れまで進んでいなかった行政と民間が協働して事業を推進していくことによる地域産業の活"
                "性化を進める。これらの効果により、住み良さを享受でき、学生や若者が今後も住み続けた"
                "いと思えるまちを実現し、人口減少の抑制と地域経済の縮小に歯止めをかける。"),
            "activities": [
                "・市民活動推進に向けたセミナーの開催等\n"
                "・官民連携によるまちづくりの中心的役割を果たすまちづくり共同\n"
                "事業体の設立準備",
                "・市民活動推進に向けたセミナーの開催等\n"
                "・官民連携によるまちづくりの中心的役割を果たすまちづくり共同\n"
                "事業体の設立準備",
                "・市民活動推進に向けたセミナーの開催等",
            ],
            "kpis": [
                ("20～39歳の社会動態数（住民\n基本台帳）", "人",
                 [(("0人", 0), ("-339人", -339)),
                  (("0人", 0), ("-173人", -173)),
                  (("0人", 0), ("-16人", -16))]),
                ("山口東京理科大学生の市内就\n職率", "%",
                 [(("10.0％", 10.0), ("5.4％", 5.4)),
                  (("10.0％", 10.0), ("9.1％", 9.1)),
                  (("10.0％", 10.0), ("5.2％", 5.2))]),
                ("山陽小野田市にずっと住みたい\nと感じる市民の割合", "%",
                 [(("80.0％", 80.0), ("79.0％", 79.0)),
                  (("80.0％", 80.0), ("77.0％", 77.0)),
                  (("80.0％", 80.0), DASH)]),
            ],
        },
    ]),
    ("●広域で実施事業", "wide-area", [
        {
            "no": 4,
            "heading": ("④　デジタルの活用によりやまぐちの魅力あるしごとに繋ぐ産業\n"
                        "人材定着・還流推進事業（令和３年度～令和５年度）"),
            "name": "デジタルの活用によりやまぐちの魅力あるしごとに繋ぐ産業人材定着・還流推進事業",
            "period": (2021, 2023),
            "overview": (
                "若者や学生等に対して県内への定着・還流を実現するため、県内就職・進学の促進に向けた"
                "取組を実施する。具体的には、就職に至るまでの各段階に対応した情報発信や企業との出会"
                "い・交流機会の設定、インターンシップや企業説明会への参加支援を、デジタルも活用しな"
                "がら一連の流れとして体系的に展開していく。"),
            "activities": [
                "・若者等向け地元企業合同就職フェアや合同就職面接会の開催",
                "・若者等向け地元企業合同就職フェアや合同就職面接会の開催",
                "・若者等向け地元企業合同就職フェアや合同就職面接会の開催",
            ],
            "kpis": [],
        },
        {
            "no": 5,
            "heading": ("⑤　「山口ゆめ回廊」観光を基軸とした交流価値共創プロジェクト\n"
                        "（令和３年度～令和５年度）"),
            "name": "「山口ゆめ回廊」観光を基軸とした交流価値共創プロジェクト",
            "period": (2021, 2023),
            "overview": (
                "コロナ禍を通じて人々の意識の変化やデジタル化の進展などの社会の変化、新しい旅のスタ"
                "イルにも対応しながら、既存の観光誘客に加え、新たなビジネス誘客を通じて、観光関連産"
                "業の成長促進を図り、雇用の創出につながる取組を展開し、交流人口の拡大を図り移住・定"
                "住へつなげていく。"),
            "activities": [
                "・「ガラスアートフェス」の開催\n"
                "・ゆめ散歩造成（恋すてふかるた等）\n"
                "・日本のガラス展\n"
                "・食イベント（夕陽を眺めながらサンセットディナー等）",
                "・スマイルゆめ散歩\n"
                "・観光プロモーション（インスタグラムハッシュタグキャンペーン）",
                "・スマイルゆめ散歩\n"
                "・観光プロモーション（インスタグラムハッシュタグキャンペーン）\n"
                "・キッズサマーパス",
            ],
            "kpis": [],
        },
    ]),
]

# The seed's activities as records hold them: one item per bulleted line, a line without a
# bullet joined to the item above. Written out rather than derived, so the expected file does
# not share the reader's logic; the check against the shared reconstruction covers both.
SANYO_ACTIVITY_ITEMS = {
    1: [["ガラスのブランド化に向けたあり方の検討", "ガラスの事業化に向けた２年間のブランディング計画策定"],
        ["１年目の計画に沿ったブランドの構築", "ターゲットに向けた各種プロモーションの実施・ＰＲツール制作"],
        ["ターゲットの拡大及び各種プロモーションの実施", "ECサイト・店舗での販売"]],
    2: [["スマイルエイジング月間制定・市民啓発用パンフレット作成",
         "スマイルエイジング拠点創出事業（きらら交流館）基本計画策定及びＰＰＰ/ＰＦＩ導入可能性調査業務"],
        ["スマイルエイジング月間制定", "スマイルエイジング拠点創出事業（きらら交流館）"],
        ["スマイルエイジング月間制定", "スマイルエイジング拠点創出事業民間事業者の募集及び選定"]],
    3: [["市民活動推進に向けたセミナーの開催等",
         "官民連携によるまちづくりの中心的役割を果たすまちづくり共同事業体の設立準備"],
        ["市民活動推進に向けたセミナーの開催等",
         "官民連携によるまちづくりの中心的役割を果たすまちづくり共同事業体の設立準備"],
        ["市民活動推進に向けたセミナーの開催等"]],
    4: [["若者等向け地元企業合同就職フェアや合同就職面接会の開催"]] * 3,
    5: [["「ガラスアートフェス」の開催", "ゆめ散歩造成（恋すてふかるた等）", "日本のガラス展",
         "食イベント（夕陽を眺めながらサンセットディナー等）"],
        ["スマイルゆめ散歩", "観光プロモーション（インスタグラムハッシュタグキャンペーン）"],
        ["スマイルゆめ散歩", "観光プロモーション（インスタグラムハッシュタグキャンペーン）",
         "キッズサマーパス"]],
}

# Columns: A margin | B label (初年度…) | C 事業概要 (activities) | D–I three KPIs × 目標値/実績値.
SANYO_LAST_COL = "I"
SANYO_KPI_COLS = [("D", "E"), ("F", "G"), ("H", "I")]


def line_count(text):
    return text.count("\n") + 1


def build_sanyo():
    wb, ws = new_workbook(SANYO_SHEET)
    for col, width in {"A": 2, "B": 4.5, "C": 50}.items():
        ws.column_dimensions[col].width = width
    for col in "DEFGHI":
        ws.column_dimensions[col].width = 13

    # Municipality facts. The real seed did not show them (it is the city's own web page, whose
    # title says who it is); they were added so that the sample exercises reading them.
    for row, (label, value) in enumerate(
            [("都道府県名", "山口県"), ("市町村名", "山陽小野田市"), ("地方公共団体コード", "352161")], 1):
        put(ws, f"F{row}", label, merge=f"G{row}", h="center", fill=HEADER_FILL)
        put(ws, f"H{row}", value, merge=f"I{row}", h="center")
        ws.row_dimensions[row].height = 16

    put(ws, "B5", SANYO_TITLE, merge=f"{SANYO_LAST_COL}5", size=12, bold=True, border=False)
    ws.row_dimensions[5].height = 22

    # Printed as the seed was: one A4 landscape page per 単市 project, the 広域 section on its own.
    projects = []
    row = 7
    for section_title, scope, section_projects in SANYO_SECTIONS:
        if projects:
            ws.row_breaks.append(Break(id=row - 1))
        put(ws, f"B{row}", section_title, size=11, bold=True, wrap=False, border=False)
        row += 2
        for p in section_projects:
            if projects and scope == "single":
                ws.row_breaks.append(Break(id=row - 1))
            projects.append(draw_sanyo_project(ws, row, p, scope))
            row = ws.max_row + 2

    ws.print_area = f"A1:{SANYO_LAST_COL}{ws.max_row}"
    doc = {
        "format": "kpisheet-records",
        "version": 1,
        "municipality": {"name": "山陽小野田市", "prefecture": "山口県", "code": "352161"},
        "grant": "デジタル田園都市国家構想交付金（地方創生推進タイプ）",
        "projects": projects,
    }
    return wb, doc


def draw_sanyo_project(ws, row, p, scope):
    """Draws one project block from row down; returns its expected record."""
    start, end = p["period"]
    years = list(range(start, end + 1))

    put(ws, f"B{row}", p["heading"], merge=f"{SANYO_LAST_COL}{row}", size=11, bold=True,
        border=False)
    ws.row_dimensions[row].height = 17 * line_count(p["heading"])
    row += 1

    # The overview box: a narrow label cell (wrapping makes it one character per line) and the
    # paragraph in one merged, wrapped cell.
    put(ws, f"B{row}", "事業概要", h="center", fill=HEADER_FILL)
    put(ws, f"C{row}", p["overview"], merge=f"{SANYO_LAST_COL}{row}", v="top")
    ws.row_dimensions[row].height = 48
    row += 2

    kpis = p["kpis"]
    if kpis:
        # Three header rows: 事業概要 and the empty label corner merged down; the KPI group header;
        # one merged name cell per KPI; 目標値 | 実績値 under each.
        put(ws, f"B{row}", None, merge=f"B{row + 2}", fill=HEADER_FILL)
        put(ws, f"C{row}", "事業概要", merge=f"C{row + 2}", h="center", fill=HEADER_FILL)
        put(ws, f"D{row}", "重要業績評価指標（KPI）", merge=f"{SANYO_LAST_COL}{row}", h="center",
            fill=HEADER_FILL)
        for (tcol, acol), (name, _, _) in zip(SANYO_KPI_COLS, kpis):
            put(ws, f"{tcol}{row + 1}", name, merge=f"{acol}{row + 1}", h="center",
                fill=HEADER_FILL)
            put(ws, f"{tcol}{row + 2}", "目標値", h="center", fill=HEADER_FILL)
            put(ws, f"{acol}{row + 2}", "実績値", h="center", fill=HEADER_FILL)
        ws.row_dimensions[row].height = 16
        ws.row_dimensions[row + 1].height = 30
        ws.row_dimensions[row + 2].height = 16
        row += 3
    else:
        # 広域 projects: the seed shows no KPIs, so the activities column takes the full width.
        put(ws, f"B{row}", None, fill=HEADER_FILL)
        put(ws, f"C{row}", "事業概要", merge=f"{SANYO_LAST_COL}{row}", h="center", fill=HEADER_FILL)
        ws.row_dimensions[row].height = 16
        row += 1

    kpi_records = [
        {"no": i + 1, "name": name.replace("\n", ""), "unit": unit, "values": []}
        for i, (name, unit, _) in enumerate(kpis)
    ]
    for i, (label, activities) in enumerate(zip(YEAR_LABELS, p["activities"])):
        r = row + i
        put(ws, f"B{r}", label, h="center")
        if kpis:
            put(ws, f"C{r}", activities, v="top")
        else:
            put(ws, f"C{r}", activities, merge=f"{SANYO_LAST_COL}{r}", v="top")
        ws.row_dimensions[r].height = 15 * max(3, line_count(activities)) + 4
        for (tcol, acol), (_, _, cells), record in zip(SANYO_KPI_COLS, kpis, kpi_records):
            (ttext, tval), (atext, aval) = cells[i]
            for col, text in ((tcol, ttext), (acol, atext)):
                put(ws, f"{col}{r}", text, h="center" if text == "-" else "right")
            record["values"].append({
                "fiscalYear": years[i],
                "target": tval,
                "actual": aval,
                "source": {"target": f"{SANYO_SHEET}!{tcol}{r}", "actual": f"{SANYO_SHEET}!{acol}{r}"},
            })

    return {
        "no": p["no"],
        "name": p["name"],
        "scope": scope,
        "period": {"start": start, "end": end},
        "overview": p["overview"],
        "years": [{"fiscalYear": y, "activities": items}
                  for y, items in zip(years, SANYO_ACTIVITY_ITEMS[p["no"]])],
        "kpis": kpi_records,
    }


# ---------------------------------------------------------------------------------------------
# 2. dept-flat.xlsx — layout C, one row per project × KPI × year
#
# Invented projects of an invented department; no municipality is named. Columns in an order
# of the department's own: 事業名 | 年度 | KPI（重要業績評価指標） | 実績値 | 目標値 | 単位 | 備考.
# Values are numbers whose formats carry the unit; the first project's name is merged down over
# its rows, the second's is typed once and left blank below (meaning "same as above").

FLAT_SHEET = "KPI実績一覧"
FLAT_PROJECTS = [
    ("空き店舗を活用した創業支援事業", "merged", [
        # KPI, 単位 cell, unit in records, number format,
        # rows: (年度 as typed, fiscal year, target cell, target, actual cell, actual, 備考)
        ("新規創業件数", "件", "件", '#,##0"件"', [
            ("令和3年度", 2021, 5, 5, 4, 4, None),
            ("R4", 2022, 6, 6, 7, 7, None),
            ("2023年度", 2023, 7, 7, 6, 6, None),
        ]),
        ("創業支援セミナー参加者数", "人", "人", '#,##0"人"', [
            ("R3", 2021, 100, 100, 86, 86, None),
            ("令和４年度", 2022, 120, 120, 131, 131, None),
            ("R5年度", 2023, 150, 150, None, None, "集計中"),
        ]),
        ("市内の開業率", "％", "%", "0.0%", [
            ("2021年度", 2021, 0.05, 5, 0.048, 4.8, "経済センサスより推計"),
            ("R4", 2022, 0.052, 5.2, 0.054, 5.4, None),
            ("令和5年度", 2023, 0.055, 5.5, 0.051, 5.1, None),
        ]),
    ]),
    ("地元産品の販路拡大推進事業", "blank", [
        # Stored in yen, shown in thousands by the format's trailing comma: the records keep
        # the magnitude a person sees (records.md, Numbers).
        ("地元産品の販売額", "千円", "千円", '#,##0,"千円"', [
            ("令和３年度", 2021, 12000000, 12000, 10850000, 10850, None),
            ("2022年度", 2022, 15000000, 15000, 16230000, 16230, None),
            ("R5", 2023, 18000000, 18000, 17904000, 17904, None),
        ]),
        ("商談成立件数", "件", "件", '#,##0"件"', [
            ("R3", 2021, "－", None, 18, 18, "目標設定なし（初年度）"),
            ("R4", 2022, 25, 25, 27, 27, None),
            ("2023年度", 2023, 30, 30, 33, 33, None),
        ]),
    ]),
]
FLAT_NOTES = [
    "※１　実績値は各年度末（３月31日）時点の数値です。",
    "※２　創業支援セミナー参加者数の令和５年度実績は集計中のため空欄としています。",
    "※３　「－」は目標を設定していないことを示します。",
]


def build_flat():
    wb, ws = new_workbook(FLAT_SHEET)
    widths = {"A": 2, "B": 30, "C": 11, "D": 28, "E": 12, "F": 12, "G": 7, "H": 24}
    for col, width in widths.items():
        ws.column_dimensions[col].width = width

    put(ws, "B2", "令和５年度　地方創生関連事業　ＫＰＩ実績一覧", merge="H2", size=14, bold=True,
        h="center", border=False)
    ws.row_dimensions[2].height = 24
    put(ws, "G3", "令和６年３月31日現在", merge="H3", h="right", border=False, wrap=False)

    header = ["事業名", "年度", "KPI（重要業績評価指標）", "実績値", "目標値", "単位", "備考"]
    for col, text in zip("BCDEFGH", header):
        put(ws, f"{col}4", text, h="center", fill=HEADER_FILL)
    ws.row_dimensions[4].height = 20

    projects = []
    row = 5
    for name, style, kpis in FLAT_PROJECTS:
        first = row
        kpi_records = []
        for kname, unit_cell, unit, fmt, rows in kpis:
            values = []
            for year_text, fy, tcell, tval, acell, aval, note in rows:
                put(ws, f"C{row}", year_text, h="center")
                put(ws, f"D{row}", kname)
                put(ws, f"E{row}", acell, h="right", fmt=fmt if acell is not None else None)
                put(ws, f"F{row}", tcell, h="right" if tcell != "－" else "center",
                    fmt=fmt if not isinstance(tcell, str) else None)
                put(ws, f"G{row}", unit_cell, h="center")
                put(ws, f"H{row}", note)
                if row != first:
                    put(ws, f"B{row}", None)  # bordered, blank: "same as above"
                values.append({
                    "fiscalYear": fy, "target": tval, "actual": aval,
                    "source": {"target": f"{FLAT_SHEET}!F{row}", "actual": f"{FLAT_SHEET}!E{row}"},
                })
                row += 1
            kpi_records.append({"no": len(kpi_records) + 1, "name": kname, "unit": unit,
                                "values": values})
        if style == "merged":
            put(ws, f"B{first}", name, merge=f"B{row - 1}", v="center")
        else:
            put(ws, f"B{first}", name, v="top")
        years = sorted({v["fiscalYear"] for k in kpi_records for v in k["values"]})
        projects.append({"name": name, "years": [{"fiscalYear": y} for y in years],
                         "kpis": kpi_records})

    row += 1
    for note in FLAT_NOTES:
        put(ws, f"B{row}", note, border=False, wrap=False)
        row += 1

    ws.print_area = f"A1:H{row - 1}"
    return wb, {"format": "kpisheet-records", "version": 1, "projects": projects}


# ---------------------------------------------------------------------------------------------
# 3. dept-wide.xlsx — layout D, one row per KPI, years across
#
# Invented projects of another invented department. Columns: 事業名 | 指標名 | 単位 |
# 事業開始前（現時点） | per year (merged 令和N年度 header) 目標 | 実績 | 事業費（単位：千円） | 累計.
# 事業費 is the project's cost of that year, merged down over the project's KPI rows; its unit
# comes only from the header's note. 累計 (sum of the actuals) is not a year and is not read.
# The 転入超過数 KPI stores negatives shown with ▲ by its number format.

WIDE_SHEET = "地域再生計画KPI"
WIDE_YEARS = [("令和3年度", 2021), ("令和4年度", 2022), ("令和5年度", 2023)]
TRIANGLE = '#,##0;"▲"#,##0'
WIDE_PROJECTS = [
    ("関係人口創出・移住定住促進事業", [6314, 7020, 6880], [
        # KPI, unit, format, baseline (cell, record), [(target, actual) per year], 累計
        ("移住相談件数", "件", "#,##0", (48, 48), [(60, 65), (70, 72), (80, 91)], 228),
        ("市外からの転入超過数", "人", TRIANGLE, (-35, -35), [(0, -12), (10, 4), (20, -3)], -11),
    ]),
    ("観光ＤＸによる周遊促進事業", [12500, 15800, 14200], [
        ("観光消費額", "千円", "#,##0", (1250000, 1250000),
         [(1300000, 1180500), (1350000, 1362800), (1400000, 1415300)], 3958600),
        ("周遊アプリ新規登録者数", "人", "#,##0", ("－", None),
         [(2000, 2345), (3000, 2870), (3000, 3512)], 8727),
        ("主要観光施設の入込客数", "人", "#,##0", (412000, 412000),
         [(420000, 398650), (430000, 433120), (440000, 447210)], 1278980),
    ]),
]
WIDE_NOTES = [
    "※　事業開始前の値は令和２年度末時点。周遊アプリは令和３年度に運用を開始したため「－」。",
    "※　▲はマイナス（転出超過）を示す。累計は各年度の実績の合計。",
]


def build_wide():
    wb, ws = new_workbook(WIDE_SHEET)
    widths = {"A": 2, "B": 18, "C": 22, "D": 6, "E": 11}
    for col, width in widths.items():
        ws.column_dimensions[col].width = width
    for i in range(len(WIDE_YEARS)):
        base = 6 + 3 * i
        for j, width in enumerate((10.5, 10.5, 10)):
            ws.column_dimensions[get_column_letter(base + j)].width = width
    total_col = get_column_letter(6 + 3 * len(WIDE_YEARS))
    ws.column_dimensions[total_col].width = 11

    put(ws, "B2", "地域再生計画に係る重要業績評価指標（ＫＰＩ）の達成状況", merge=f"{total_col}2",
        size=14, bold=True, h="center", border=False)
    ws.row_dimensions[2].height = 24

    for col, text in (("B", "事業名"), ("C", "指標名"), ("D", "単位"), ("E", "事業開始前（現時点）"),
                      (total_col, "累計")):
        put(ws, f"{col}4", text, merge=f"{col}5", h="center", fill=HEADER_FILL)
    for i, (label, _) in enumerate(WIDE_YEARS):
        t, a, c = (get_column_letter(6 + 3 * i + j) for j in range(3))
        put(ws, f"{t}4", label, merge=f"{c}4", h="center", fill=HEADER_FILL)
        put(ws, f"{t}5", "目標", h="center", fill=HEADER_FILL)
        put(ws, f"{a}5", "実績", h="center", fill=HEADER_FILL)
        put(ws, f"{c}5", "事業費（単位：千円）", h="center", fill=HEADER_FILL)
    ws.row_dimensions[4].height = 18
    ws.row_dimensions[5].height = 30

    projects = []
    row = 6
    for name, costs, kpis in WIDE_PROJECTS:
        first, last = row, row + len(kpis) - 1
        put(ws, f"B{first}", name, merge=f"B{last}")
        kpi_records = []
        for kname, unit, fmt, (bcell, bval), pairs, total in kpis:
            put(ws, f"C{row}", kname)
            put(ws, f"D{row}", unit, h="center")
            put(ws, f"E{row}", bcell, h="center" if isinstance(bcell, str) else "right",
                fmt=None if isinstance(bcell, str) else fmt)
            values = []
            for i, ((_, fy), (tval, aval)) in enumerate(zip(WIDE_YEARS, pairs)):
                t, a = get_column_letter(6 + 3 * i), get_column_letter(7 + 3 * i)
                put(ws, f"{t}{row}", tval, h="right", fmt=fmt)
                put(ws, f"{a}{row}", aval, h="right", fmt=fmt)
                values.append({"fiscalYear": fy, "target": tval, "actual": aval,
                               "source": {"target": f"{WIDE_SHEET}!{t}{row}",
                                          "actual": f"{WIDE_SHEET}!{a}{row}"}})
            put(ws, f"{total_col}{row}", total, h="right", fmt=fmt)
            ws.row_dimensions[row].height = 20
            kpi_records.append({"no": len(kpi_records) + 1, "name": kname, "unit": unit,
                                "baseline": bval, "values": values})
            row += 1
        for i, cost in enumerate(costs):
            c = get_column_letter(8 + 3 * i)
            put(ws, f"{c}{first}", cost, merge=f"{c}{last}", h="right", fmt="#,##0")
        projects.append({
            "name": name,
            "years": [{"fiscalYear": fy, "cost": {"value": cost, "unit": "千円"}}
                      for (_, fy), cost in zip(WIDE_YEARS, costs)],
            "kpis": kpi_records,
        })

    row += 1
    for note in WIDE_NOTES:
        put(ws, f"B{row}", note, border=False, wrap=False)
        row += 1
    ws.print_area = f"A1:{total_col}{row - 1}"
    return wb, {"format": "kpisheet-records", "version": 1, "projects": projects}


# ---------------------------------------------------------------------------------------------


def main():
    OUT.mkdir(exist_ok=True)
    for stem, build in (("sanyo-onoda", build_sanyo), ("dept-flat", build_flat),
                        ("dept-wide", build_wide)):
        wb, doc = build()
        if stem == "sanyo-onoda" and SHARED_SEED_RECORDS.exists():
            shared = json.loads(SHARED_SEED_RECORDS.read_text(encoding="utf-8"))
            if strip_source(doc) != shared:
                sys.exit(f"make-samples: the sample's records differ from {SHARED_SEED_RECORDS}")
        save_stable(wb, OUT / f"{stem}.xlsx")
        write_json(doc, OUT / f"{stem}.expected.json")
        print(f"wrote samples/{stem}.xlsx and samples/{stem}.expected.json")


if __name__ == "__main__":
    main()
