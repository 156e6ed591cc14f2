#!/usr/bin/env python3
"""Writes the reading benchmark's workbook with XlsxWriter (shared strings, as Excel writes
them): the cells of content.py. Usage: make-input.py ROWS OUT.xlsx"""
import sys

import xlsxwriter

import content

rows, out = int(sys.argv[1]), sys.argv[2]
workbook = xlsxwriter.Workbook(out, {"constant_memory": False})
sheet = workbook.add_worksheet("data")
formats = [content.FORMATS[kind] if kind else None for kind in content.COLUMN_FORMATS]
formats = [workbook.add_format({"num_format": f}) if f else None for f in formats]
for r in range(rows):
    for c, value in enumerate(content.row(r)):
        if value is not None:
            sheet.write(r, c, value, formats[c])
workbook.close()
