/// A cell's position: zero-based row and column, printed in A1 style.
public struct CellReference: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// Excel's last row (1048576) and column (XFD = 16384), as counts.
  public static let maxRows = 1_048_576
  public static let maxColumns = 16_384

  /// Zero-based row: row 1 is 0.
  public var row: Int
  /// Zero-based column: column A is 0.
  public var column: Int

  public init(row: Int, column: Int) {
    self.row = row
    self.column = column
  }

  /// Parses `B12` or `$B$12`; nil when malformed or beyond XFD1048576.
  public init?(_ text: String) {
    var text = text
    guard
      let reference = text.withUTF8({ CellReference.parse(UnsafeBufferPointer(rebasing: $0[...])) })
    else { return nil }
    self = reference
  }

  /// Parses A1-style bytes without allocating.
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> CellReference? {
    var index = 0
    var column = 0
    if index < bytes.count && bytes[index] == 0x24 { index += 1 }  // $
    let letters = index
    while index < bytes.count {
      var byte = bytes[index]
      if byte >= 0x61 && byte <= 0x7A { byte -= 32 }
      guard byte >= 0x41 && byte <= 0x5A else { break }
      column = column * 26 + Int(byte - 0x40)
      index += 1
      if index - letters > 3 { return nil }
    }
    guard index > letters else { return nil }
    if index < bytes.count && bytes[index] == 0x24 { index += 1 }
    let digits = index
    var row = 0
    while index < bytes.count {
      let byte = bytes[index]
      guard byte >= 0x30 && byte <= 0x39 else { return nil }
      row = row * 10 + Int(byte - 0x30)
      index += 1
      if index - digits > 7 { return nil }
    }
    guard index > digits, row >= 1, row <= maxRows, column <= maxColumns else { return nil }
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
