"""The benchmark sheet's cells, the same in every writer (write.c and `kpisheet-bench write`
compute them the same way): ROWS rows × 10 columns of KPI-like mixed data, one sheet "data",
no header row.

  A one of five Japanese KPI names (repeated)     F date 2020-04-01 + row % 1000 days, yyyy/m/d
  B 事業N, N = row % 500 (repeated)                G integer 0...100000, #,##0"人"
  C integer row                                   H ユニークN, N = row (unique)
  D decimal 0...1000, #,##0.00                    I integer -row
  E fraction 0...1, 0.0%                          J boolean, TRUE on even rows

Every row has one blank cell, in column row % 10, so 10 % of the cells are blank.

Pseudo-random values come from Weyl sequences, (row + 1) × odd constant mod 2^64: no random
state, cheap in Python (as cheap as the random module), and bit-identical in C and Swift.
"""
import datetime

NAMES = ["観光客数", "ブランド化したガラス商品数", "販売額", "来客数", "就職率"]
COLUMNS = 10
NAME_STEP = 0x9E3779B97F4A7C15
DECIMAL_STEP = 0xBF58476D1CE4E5B9
PERCENT_STEP = 0x94D049BB133111EB
PEOPLE_STEP = 0xD6E8FEB86659FD93
MASK = (1 << 64) - 1
UNIT = 2.0**-53
FORMATS = {"decimal": "#,##0.00", "percent": "0.0%", "date": "yyyy/m/d", "people": '#,##0"人"'}
# The number format of each column, None for none.
COLUMN_FORMATS = [None, None, None, "decimal", "percent", "date", "people", None, None, None]
DATES = [datetime.date(2020, 4, 1) + datetime.timedelta(days=d) for d in range(1000)]


def row(r):
    """The ten values of row r (zero-based), None where the cell is blank."""
    n = r + 1
    values = [
        NAMES[(((n * NAME_STEP) & MASK) >> 32) % 5],
        "事業%d" % (r % 500),
        r,
        (((n * DECIMAL_STEP) & MASK) >> 11) * UNIT * 1000,
        (((n * PERCENT_STEP) & MASK) >> 11) * UNIT,
        DATES[r % 1000],
        (((n * PEOPLE_STEP) & MASK) >> 32) % 100001,
        "ユニーク%d" % r,
        -r,
        r % 2 == 0,
    ]
    values[r % COLUMNS] = None
    return values


def expected_cells(rows):
    """How many non-blank cells a sheet of `rows` rows holds."""
    return rows * (COLUMNS - 1)
