/// A rectangle of cells, both corners included, such as a merged area `B3:J3`.
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
  /// The top-left corner.
  public var first: CellReference
  /// The bottom-right corner.
  public var last: CellReference

  /// The range between two corners, given in any order.
  public init(first: CellReference, last: CellReference) {
    self.first = CellReference(
      row: min(first.row, last.row), column: min(first.column, last.column))
    self.last = CellReference(row: max(first.row, last.row), column: max(first.column, last.column))
  }

  public init(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
    self.init(
      first: CellReference(row: firstRow, column: firstColumn),
      last: CellReference(row: lastRow, column: lastColumn))
  }

  /// A single-cell range.
  public init(_ cell: CellReference) {
    first = cell
    last = cell
  }

  /// Parses `B3:J3` (or a single `B3`); nil when malformed or out of bounds.
  public init?(_ text: String) {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 1 || parts.count == 2, let first = CellReference(String(parts[0])),
      let last = CellReference(String(parts[parts.count - 1]))
    else { return nil }
    self.init(first: first, last: last)
  }

  public func contains(_ reference: CellReference) -> Bool {
    reference.row >= first.row && reference.row <= last.row && reference.column >= first.column
      && reference.column <= last.column
  }

  /// Whether the two ranges share at least one cell.
  public func overlaps(_ other: CellRange) -> Bool {
    first.row <= other.last.row && other.first.row <= last.row
      && first.column <= other.last.column && other.first.column <= last.column
  }

  public var rowCount: Int { last.row - first.row + 1 }
  public var columnCount: Int { last.column - first.column + 1 }

  /// A1 notation, e.g. `A1:C3`; a single cell gives `A1`, or `A1:A1` when `alwaysPair`.
  public func a1(absolute: Bool = false, alwaysPair: Bool = false) -> String {
    if first == last, !alwaysPair { return first.a1(absolute: absolute) }
    return "\(first.a1(absolute: absolute)):\(last.a1(absolute: absolute))"
  }

  public var description: String { a1() }
}
