/// A cell's position: zero-based row and column, printed in A1 style.
public struct CellReference: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// Excel's last row (1048576) and column (XFD = 16384), as counts.
  public static let maxRows = 1_048_576
  public static let maxColumns = 16_384

  // Stored as 32-bit numbers (Excel's grid fits): a reference is copied with every cell.
  private var storedRow: Int32
  private var storedColumn: Int32

  /// Zero-based row: row 1 is 0.
  public var row: Int {
    get { Int(storedRow) }
    set { storedRow = Int32(clamping: newValue) }
  }
  /// Zero-based column: column A is 0.
  public var column: Int {
    get { Int(storedColumn) }
    set { storedColumn = Int32(clamping: newValue) }
  }

  public init(row: Int, column: Int) {
    storedRow = Int32(clamping: row)
    storedColumn = Int32(clamping: column)
  }

  /// Parses `B12` or `$B$12`; nil when malformed or beyond XFD1048576.
  public init?(_ text: String) {
    var text = text
    guard
      let reference = text.withUTF8({ CellReference.parse(UnsafeBufferPointer(rebasing: $0[...])) })
    else { return nil }
    self = reference
  }

  /// Parses A1-style bytes without allocating (runs once per cell, so through a raw pointer).
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> CellReference? {
    guard let base = bytes.baseAddress else { return nil }
    let end = base + bytes.count
    var cursor = base
    if cursor < end && cursor.pointee == 0x24 { cursor += 1 }  // $
    let letters = cursor
    var column = 0
    while cursor < end {
      let letter = cursor.pointee | 0x20  // fold to lower case; digits are unaffected
      guard letter >= 0x61 && letter <= 0x7A else { break }
      column = column &* 26 &+ Int(letter &- 0x60)
      cursor += 1
    }
    let letterCount = cursor - letters
    guard letterCount >= 1 && letterCount <= 3 else { return nil }
    if cursor < end && cursor.pointee == 0x24 { cursor += 1 }
    let digits = cursor
    var row = 0
    while cursor < end {
      let digit = cursor.pointee &- 0x30
      guard digit <= 9 else { return nil }
      row = row &* 10 &+ Int(digit)
      cursor += 1
    }
    let digitCount = cursor - digits
    guard digitCount >= 1 && digitCount <= 7, row >= 1, row <= maxRows, column <= maxColumns else {
      return nil
    }
    return CellReference(row: row - 1, column: column - 1)
  }

  /// Column letters for a zero-based column: 0 → A, 26 → AA.
  public static func columnName(_ column: Int) -> String {
    var number = column + 1
    var letters: [UInt8] = []
    while number > 0 {
      let remainder = (number - 1) % 26
      letters.append(UInt8(0x41 + remainder))
      number = (number - 1) / 26
    }
    return String(decoding: letters.reversed(), as: UTF8.self)
  }

  public var description: String { "\(Self.columnName(column))\(row + 1)" }

  public static func < (lhs: CellReference, rhs: CellReference) -> Bool {
    (lhs.row, lhs.column) < (rhs.row, rhs.column)
  }
}

/// A rectangular range such as a merged area `B3:J3`.
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
  public var first: CellReference
  public var last: CellReference

  public init(first: CellReference, last: CellReference) {
    self.first = CellReference(
      row: min(first.row, last.row), column: min(first.column, last.column))
    self.last = CellReference(row: max(first.row, last.row), column: max(first.column, last.column))
  }

  /// Parses `B3:J3` (or a single `B3`).
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

  public var rowCount: Int { last.row - first.row + 1 }
  public var columnCount: Int { last.column - first.column + 1 }

  public var description: String { first == last ? "\(first)" : "\(first):\(last)" }
}
