#!/usr/bin/env python3
"""Python readers the Swift reader is compared with. Each reads every cell of the first sheet
as a value, the fastest way its library offers, and prints how many cells are not blank.

Usage: peers-read.py fastexcel|calamine|openpyxl FILE
  fastexcel  fastexcel (Rust, calamine underneath): the sheet as Arrow columns (pyarrow)
  calamine   python-calamine (Rust): the sheet as lists of Python values
  openpyxl   openpyxl's read-only workbook, rows of values streamed"""
import sys


def fastexcel_cells(path):
    import fastexcel

    table = fastexcel.read_excel(path).load_sheet(0, header_row=None).to_arrow()
    # Blank cells are nulls.
    return sum(len(column) - column.null_count for column in table.columns)


def calamine_cells(path):
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(path).get_sheet_by_index(0).to_python(skip_empty_area=False)
    return sum(1 for row in rows for value in row if value != "")


def openpyxl_cells(path):
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=True)
    sheet = workbook.worksheets[0]
    cells = sum(1 for row in sheet.iter_rows(values_only=True) for value in row if value is not None)
    workbook.close()
    return cells


READERS = {"fastexcel": fastexcel_cells, "calamine": calamine_cells, "openpyxl": openpyxl_cells}

if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in READERS:
        sys.exit(__doc__)
    print("cells", READERS[sys.argv[1]](sys.argv[2]))
