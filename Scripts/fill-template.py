#!/usr/bin/env python3
"""Fills a blank `kpisheet template` workbook with openpyxl, as a department would in Excel.

Usage: fill-template.py TEMPLATE.xlsx FILLED.xlsx

Columns are found by their header text (the row whose first cells say 事業名), never by
fixed addresses, and the grey 【記入例】 rows are left in place, as a department that does
not delete them leaves them. The data written here is what the tests expect to read back:
two projects (one wide-area), three KPIs (one 減少), costs, activities and an evaluation.
A copy of the example row, edited only a little, sits at the end of the KPI sheet: it must
be skipped too.
"""

import sys

import openpyxl


def columns(ws):
    """The header row and each header's column (by its first line), found by 事業名."""
    for row in ws.iter_rows(min_row=1, max_row=30):
        texts = {str(c.value).split("\n")[0]: c.column for c in row if c.value is not None}
        if "事業名" in texts:
            return row[0].row, texts
    raise SystemExit(f"{ws.title}: no header row")


def first_free_row(ws, header_row, name_column):
    """The first row under the header whose 事業名 is empty (the example row is not empty)."""
    row = header_row + 1
    while ws.cell(row, name_column).value not in (None, ""):
        row += 1
    return row


def fill(ws, records):
    header_row, col = columns(ws)
    row = first_free_row(ws, header_row, col["事業名"])
    for record in records:
        for header, value in record.items():
            ws.cell(row, col[header], value)
        row += 1
    return row


def main(template, filled):
    wb = openpyxl.load_workbook(template)
    ws = wb["事業"]
    for r in range(1, 8):
        if ws.cell(r, 2).value == "都道府県名":
            ws.cell(r, 3, "山口県")
        if ws.cell(r, 2).value == "市町村名":
            ws.cell(r, 3, "架空市")
    fill(ws, [
        {"番号": 1, "事業名": "観光振興事業", "区分": "単独", "開始年度": "令和4年度",
         "終了年度": "令和6年度", "交付金の種類": "地方創生推進タイプ", "担当部局課名": "商工観光課",
         "事業概要": "観光アプリを開発し、\n市内の周遊を促す。"},
        {"番号": 2, "事業名": "空き家対策事業", "区分": "広域", "開始年度": "令和5年度",
         "終了年度": "令和7年度", "担当部局課名": "都市計画課", "事業概要": "空き家の活用を進める。",
         "連携団体": "宇部市、美祢市"},
    ])
    fill(wb["年度別"], [
        {"事業名": "観光振興事業", "年度": "令和4年度",
         "実施内容": "・観光アプリの開発\n・周遊イベントの開催", "実績額": 12345, "単位": "千円"},
        {"事業名": "観光振興事業", "年度": "令和5年度", "実施内容": "・アプリの多言語化"},
    ])
    end = fill(wb["KPI"], [
        {"事業名": "観光振興事業", "KPI": "観光客数", "単位": "人", "指標の方向": "増加",
         "年度": "令和4年度", "目標値": 1000, "実績値": 1200, "目標年月": "R5.3",
         "基準値": 800},
        {"事業名": None, "KPI": "観光客数", "単位": "人", "指標の方向": "増加",
         "年度": "令和5年度", "目標値": 1100, "実績値": 900},
        {"事業名": "観光振興事業", "KPI": "アプリ利用率", "単位": "%", "年度": "令和5年度",
         "目標値": 5.4, "実績値": 6},
        {"事業名": "空き家対策事業", "KPI": "空き家数", "単位": "戸", "指標の方向": "減少",
         "年度": "令和5年度", "目標値": 300, "実績値": 280},
    ])
    # A department copies the example row below its own and edits a value: still an example.
    ws = wb["KPI"]
    header_row, col = columns(ws)
    for column in range(1, ws.max_column + 1):
        ws.cell(end, column, ws.cell(header_row + 1, column).value)
    ws.cell(end, col["実績値"], 99999)
    fill(wb["評価"], [
        {"事業名": "観光振興事業", "評価年度": "令和5年度", "事業効果": "地方創生に相当程度効果があった",
         "事業の評価": "有効であった", "外部有識者からの意見": "利用者の声を\n反映すること。",
         "今後の方針": "事業の継続", "今後の方針の理由": "利用者が増えているため。"},
    ])
    wb.save(filled)


if __name__ == "__main__":
    main(*sys.argv[1:3])
