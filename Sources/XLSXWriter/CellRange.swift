internal import CXLSXWriter

/// Zero-based cell coordinates, as libxlsxwriter counts them (A1 is row 0, column 0).
public struct Cell: Hashable, Sendable, CustomStringConvertible {
  /// The last row an .xlsx sheet can hold, zero-based (Excel's row 1,048,576).
  public static let maxRow = 1_048_575
  /// The last column an .xlsx sheet can hold, zero-based (Excel's column XFD).
  public static let maxColumn = 16_383

  public var row: Int
  public var column: Int

  public init(row: Int, column: Int) {
    self.row = row
    self.column = column
  }

  /// Parses A1 notation (`"B3"`, `"$B$3"`); nil when it is not a cell reference in bounds.
  public init?(_ a1: String) {
    var letters = 0
    var column = 0
    var digits = 0
    var row = 0
    for scalar in a1.unicodeScalars where scalar != "$" {
      let value = Int(scalar.value)
      if digits == 0, (65...90).contains(value) || (97...122).contains(value) {
        column = column * 26 + (value & 0x1F)
        letters += 1
        if letters > 3 { return nil }
      } else if letters > 0, (48...57).contains(value) {
        row = row * 10 + (value - 48)
        digits += 1
        if digits > 7 { return nil }
      } else {
        return nil
      }
    }
    guard letters > 0, digits > 0, row >= 1, row - 1 <= Cell.maxRow, column - 1 <= Cell.maxColumn
    else { return nil }
    self.row = row - 1
    self.column = column - 1
  }

  /// The column's letters: 0 is `A`, 26 is `AA`.
  public static func columnName(_ column: Int) -> String {
    var scalars: [Unicode.Scalar] = []
    var rest = column + 1
    while rest > 0 {
      let digit = (rest - 1) % 26
      scalars.append(Unicode.Scalar(UInt8(65 + digit)))
      rest = (rest - 1) / 26
    }
    return String(String.UnicodeScalarView(scalars.reversed()))
  }

  /// A1 notation, e.g. `B3`; `absolute` gives `$B$3`.
  public func a1(absolute: Bool = false) -> String {
    let dollar = absolute ? "$" : ""
    return "\(dollar)\(Cell.columnName(column))\(dollar)\(row + 1)"
  }

  public var description: String { a1() }

  /// Whether the coordinates lie inside a sheet.
  public var isInBounds: Bool {
    (0...Cell.maxRow).contains(row) && (0...Cell.maxColumn).contains(column)
  }
}

/// A rectangle of cells, both corners included.
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
  public var first: Cell
  public var last: Cell

  public init(first: Cell, last: Cell) {
    self.first = first
    self.last = last
  }

  public init(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
    self.first = Cell(row: firstRow, column: firstColumn)
    self.last = Cell(row: lastRow, column: lastColumn)
  }

  /// A single-cell range.
  public init(_ cell: Cell) {
    self.first = cell
    self.last = cell
  }

  /// Parses `"A1:C3"` or `"B2"`; nil when malformed or out of bounds.
  public init?(_ a1: String) {
    let parts = a1.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 1 || parts.count == 2, let first = Cell(String(parts[0])) else {
      return nil
    }
    guard let last = parts.count == 2 ? Cell(String(parts[1])) : first else { return nil }
    self.first = first
    self.last = last
  }

  public var rowCount: Int { last.row - first.row + 1 }
  public var columnCount: Int { last.column - first.column + 1 }

  /// A1 notation, e.g. `A1:C3` (a single cell gives `A1:A1` only when `alwaysPair`).
  public func a1(absolute: Bool = false, alwaysPair: Bool = false) -> String {
    if first == last, !alwaysPair { return first.a1(absolute: absolute) }
    return "\(first.a1(absolute: absolute)):\(last.a1(absolute: absolute))"
  }

  public var description: String { a1() }

  /// Whether the two ranges share at least one cell.
  public func overlaps(_ other: CellRange) -> Bool {
    first.row <= other.last.row && other.first.row <= last.row
      && first.column <= other.last.column && other.first.column <= last.column
  }
}

/// Narrow C coordinates, checked before any C call.
struct CCoordinates {
  var firstRow: lxw_row_t
  var firstColumn: lxw_col_t
  var lastRow: lxw_row_t
  var lastColumn: lxw_col_t
}

func cRow(_ row: Int, function: String, sheet: String?) throws -> lxw_row_t {
  guard row >= 0, row <= Cell.maxRow, let value = lxw_row_t(exactly: row) else {
    throw XLSXWriterError(
      kind: .outOfBounds, function: function,
      message: "row \(row) is outside 0...\(Cell.maxRow) (zero-based)", sheet: sheet)
  }
  return value
}

func cColumn(_ column: Int, function: String, sheet: String?) throws -> lxw_col_t {
  guard column >= 0, column <= Cell.maxColumn, let value = lxw_col_t(exactly: column) else {
    throw XLSXWriterError(
      kind: .outOfBounds, function: function,
      message: "column \(column) is outside 0...\(Cell.maxColumn) (zero-based)", sheet: sheet)
  }
  return value
}

func cCell(_ cell: Cell, function: String, sheet: String?) throws -> (lxw_row_t, lxw_col_t) {
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
