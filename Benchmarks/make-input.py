#!/usr/bin/env python3
"""Writes the benchmark workbook: ROWS rows × 10 columns of KPI-like mixed data (repeated and
unique Japanese strings, integers, decimals, percents, dates, booleans, ~10 % blanks), with
XlsxWriter. Usage: make-input.py ROWS OUT.xlsx"""
import datetime
import random
import sys

import xlsxwriter

rows, out = int(sys.argv[1]), sys.argv[2]
random.seed(1)
workbook = xlsxwriter.Workbook(out, {"constant_memory": False})
sheet = workbook.add_worksheet("data")
percent = workbook.add_format({"num_format": "0.0%"})
date = workbook.add_format({"num_format": "yyyy/m/d"})
people = workbook.add_format({"num_format": '#,##0"人"'})
names = ["観光客数", "ブランド化したガラス商品数", "販売額", "来客数", "就職率"]
start = datetime.datetime(2020, 4, 1)
for r in range(rows):
    sheet.write_string(r, 0, random.choice(names))
    sheet.write_string(r, 1, "事業%d" % (r % 500))
    sheet.write_number(r, 2, r)
    sheet.write_number(r, 3, random.random() * 1000)
    sheet.write_number(r, 4, random.random(), percent)
    sheet.write_datetime(r, 5, start + datetime.timedelta(days=r % 1000), date)
    sheet.write_number(r, 6, random.randint(0, 100000), people)
    if r % 10:
        sheet.write_string(r, 7, "ユニーク%d" % r)
    sheet.write_number(r, 8, -r)
    sheet.write_boolean(r, 9, r % 2 == 0)
workbook.close()
