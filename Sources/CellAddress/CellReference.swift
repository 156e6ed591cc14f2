/// A cell's position: zero-based row and column, read and printed in A1 style. The one A1
/// core of the package: the reader finds cells by it, the writer places them by it.
public struct CellReference: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// Excel's last row (1048576) and column (XFD = 16384), as counts.
  public static let maxRows = 1_048_576
  public static let maxColumns = 16_384
  /// The last row a sheet can hold, zero-based (Excel's row 1,048,576).
  public static let maxRow = maxRows - 1
  /// The last column a sheet can hold, zero-based (Excel's column XFD).
  public static let maxColumn = maxColumns - 1

  // Stored as 32-bit numbers (Excel's grid fits; values beyond are clamped, and still out of
  // bounds): a reference is copied with every cell read.
  @usableFromInline var storedRow: Int32
  @usableFromInline var storedColumn: Int32

  /// Zero-based row: row 1 is 0.
  @inlinable public var row: Int {
    get { Int(storedRow) }
    set { storedRow = Int32(clamping: newValue) }
  }
  /// Zero-based column: column A is 0.
  @inlinable public var column: Int {
    get { Int(storedColumn) }
    set { storedColumn = Int32(clamping: newValue) }
  }

  @inlinable public init(row: Int, column: Int) {
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

  /// Parses A1-style bytes (`B12`, `$B$12`, letters in either case) without allocating: the
  /// reader runs it once per cell, so through a raw pointer, and inlinable into the reader.
  @inlinable public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> CellReference? {
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

  /// A1 notation, e.g. `B3`; `absolute` gives `$B$3`.
  public func a1(absolute: Bool = false) -> String {
    let dollar = absolute ? "$" : ""
    return "\(dollar)\(Self.columnName(column))\(dollar)\(row + 1)"
  }

  public var description: String { a1() }

  /// Whether the position lies inside a sheet.
  public var isInBounds: Bool {
    (0...Self.maxRow).contains(row) && (0...Self.maxColumn).contains(column)
  }

  public static func < (lhs: CellReference, rhs: CellReference) -> Bool {
    (lhs.row, lhs.column) < (rhs.row, rhs.column)
  }
}
