#!/usr/bin/env python3
"""Python writers the Swift writer is compared with, writing the cells of content.py with
their number formats, each the fastest way its library offers for a large sheet.

Usage: peers-write.py xlsxwriter|openpyxl ROWS OUT.xlsx
  xlsxwriter  XlsxWriter in constant_memory mode (rows flushed as written, inline strings)
  openpyxl    openpyxl's write-only workbook (rows streamed; a cell with a number format
              has to be a WriteOnlyCell)"""
import sys

import content


def xlsxwriter_constant_memory(rows, out):
    import xlsxwriter

    workbook = xlsxwriter.Workbook(out, {"constant_memory": True})
    sheet = workbook.add_worksheet("data")
    formats = {k: workbook.add_format({"num_format": f}) for k, f in content.FORMATS.items()}
    # The typed calls, not write(), which dispatches on the value's type per cell.
    calls = [
        (sheet.write_string, None),
        (sheet.write_string, None),
        (sheet.write_number, None),
        (sheet.write_number, formats["decimal"]),
        (sheet.write_number, formats["percent"]),
        (sheet.write_datetime, formats["date"]),
        (sheet.write_number, formats["people"]),
        (sheet.write_string, None),
        (sheet.write_number, None),
        (sheet.write_boolean, None),
    ]
    for r in range(rows):
        for c, value in enumerate(content.row(r)):
            if value is not None:
                call, cell_format = calls[c]
                call(r, c, value, cell_format)
    workbook.close()


def openpyxl_write_only(rows, out):
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("data")
    number_formats = [content.FORMATS[k] if k else None for k in content.COLUMN_FORMATS]
    for r in range(rows):
        values = content.row(r)
        for c, number_format in enumerate(number_formats):
            if number_format and values[c] is not None:
                cell = WriteOnlyCell(sheet, value=values[c])
                cell.number_format = number_format
                values[c] = cell
        sheet.append(values)
    workbook.save(out)


WRITERS = {"xlsxwriter": xlsxwriter_constant_memory, "openpyxl": openpyxl_write_only}

if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in WRITERS:
        sys.exit(__doc__)
    WRITERS[sys.argv[1]](int(sys.argv[2]), sys.argv[3])
