internal import CXLSXWriter
import CellAddress

/// Narrow C coordinates, checked before any C call.
struct CCoordinates {
  var firstRow: lxw_row_t
  var firstColumn: lxw_col_t
  var lastRow: lxw_row_t
  var lastColumn: lxw_col_t
}

func cRow(_ row: Int, function: String, sheet: String?) throws -> lxw_row_t {
  guard row >= 0, row <= CellReference.maxRow, let value = lxw_row_t(exactly: row) else {
    throw XLSXWriterError(
      kind: .outOfBounds, function: function,
      message: "row \(row) is outside 0...\(CellReference.maxRow) (zero-based)", sheet: sheet)
  }
  return value
}

func cColumn(_ column: Int, function: String, sheet: String?) throws -> lxw_col_t {
  guard column >= 0, column <= CellReference.maxColumn, let value = lxw_col_t(exactly: column)
  else {
    throw XLSXWriterError(
      kind: .outOfBounds, function: function,
      message: "column \(column) is outside 0...\(CellReference.maxColumn) (zero-based)",
      sheet: sheet)
  }
  return value
}

func cCell(_ cell: CellReference, function: String, sheet: String?) throws -> (lxw_row_t, lxw_col_t)
{
  do {
    return (
      try cRow(cell.row, function: function, sheet: sheet),
      try cColumn(cell.column, function: function, sheet: sheet)
    )
  } catch var error as XLSXWriterError {
    error.cell = "R\(cell.row)C\(cell.column)"
    throw error
  }
}

func cRange(_ range: CellRange, function: String, sheet: String?) throws -> CCoordinates {
  let (firstRow, firstColumn) = try cCell(range.first, function: function, sheet: sheet)
  let (lastRow, lastColumn) = try cCell(range.last, function: function, sheet: sheet)
  guard firstRow <= lastRow, firstColumn <= lastColumn else {
    throw XLSXWriterError.invalid(
      "the range's first cell must be above and left of its last cell", function: function,
      sheet: sheet, cell: range.a1())
  }
  return CCoordinates(
    firstRow: firstRow, firstColumn: firstColumn, lastRow: lastRow, lastColumn: lastColumn)
}
