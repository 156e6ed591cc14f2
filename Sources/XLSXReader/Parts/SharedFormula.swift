/// Moves the relative references of a shared formula from its master cell to another cell.
///
/// A shared formula is written once, on the first cell of its range (`<f t="shared" si="0"
/// ref="C2:C5">A2*2</f>`); the other cells only name the group. `A2*2` seen from C3 is `A3*2`.
/// References with `$` stay; text in quotes, function names and defined names are left alone.

import CellAddress

enum SharedFormula {
  /// A group's master: its formula and the cell it is written on.
  struct Master: Sendable {
    let formula: String
    let anchor: CellReference

    /// The formula as seen from `cell`.
    func formula(at cell: CellReference) -> String {
      SharedFormula.translate(
        formula, rows: cell.row - anchor.row, columns: cell.column - anchor.column)
    }
  }

  static func translate(_ formula: String, rows: Int, columns: Int) -> String {
    if rows == 0 && columns == 0 { return formula }
    let source = Array(formula.utf8)
    var output: [UInt8] = []
    output.reserveCapacity(source.count + 4)
    var index = 0
    while index < source.count {
      let byte = source[index]
      if byte == 0x22 {  // "text": copied as is, "" inside is an escaped quote
        let end = closingQuote(source, from: index, quote: 0x22)
        output.append(contentsOf: source[index..<end])
        index = end
        continue
      }
      if byte == 0x27 {  // 'Sheet name'!A1: the name is copied, the reference after it moves
        let end = closingQuote(source, from: index, quote: 0x27)
        output.append(contentsOf: source[index..<end])
        index = end
        continue
      }
      if isLetterOrDollar(byte), index == 0 || !isNameCharacter(source[index - 1]),
        let (reference, end) = reference(in: source, at: index)
      {
        output.append(contentsOf: shifted(reference, rows: rows, columns: columns))
        index = end
        continue
      }
      if isNameCharacter(byte) {  // a name or number: copy it whole so A1 inside LOG10A1X is safe
        var end = index
        while end < source.count && isNameCharacter(source[end]) { end += 1 }
        output.append(contentsOf: source[index..<end])
        index = end
        continue
      }
      output.append(byte)
      index += 1
    }
    return String(decoding: output, as: UTF8.self)
  }

  private struct Reference {
    var columnAbsolute: Bool
    var column: Int
    var rowAbsolute: Bool
    var row: Int
  }

  private static func reference(in source: [UInt8], at start: Int) -> (Reference, Int)? {
    var index = start
    let columnAbsolute = source[index] == 0x24
    if columnAbsolute { index += 1 }
    var column = 0
    let letters = index
    while index < source.count, let value = letterValue(source[index]), index - letters < 3 {
      column = column * 26 + value
      index += 1
    }
    guard index > letters, index < source.count else { return nil }
    let rowAbsolute = source[index] == 0x24
    if rowAbsolute { index += 1 }
    let digits = index
    var row = 0
    while index < source.count, source[index] >= 0x30 && source[index] <= 0x39, index - digits < 7 {
      row = row * 10 + Int(source[index] - 0x30)
      index += 1
    }
    guard index > digits, row >= 1 else { return nil }
    // A1( is a function call, A1B a name: not references.
    if index < source.count && (isNameCharacter(source[index]) || source[index] == 0x28) {
      return nil
    }
    return (
      Reference(
        columnAbsolute: columnAbsolute, column: column - 1, rowAbsolute: rowAbsolute, row: row - 1),
      index
    )
  }

  private static func shifted(_ reference: Reference, rows: Int, columns: Int) -> [UInt8] {
    let column = reference.columnAbsolute ? reference.column : reference.column + columns
    let row = reference.rowAbsolute ? reference.row : reference.row + rows
    // Moved off the grid (before A1 or past XFD1048576): Excel shows #REF!.
    guard column >= 0, row >= 0, column < CellReference.maxColumns, row < CellReference.maxRows
    else { return Array("#REF!".utf8) }
    var text = reference.columnAbsolute ? "$" : ""
    text += CellReference.columnName(column)
    text += reference.rowAbsolute ? "$" : ""
    text += String(row + 1)
    return Array(text.utf8)
  }

  private static func closingQuote(_ source: [UInt8], from start: Int, quote: UInt8) -> Int {
    var index = start + 1
    while index < source.count {
      if source[index] == quote {
        if index + 1 < source.count && source[index + 1] == quote {
          index += 2
          continue
        }
        return index + 1
      }
      index += 1
    }
    return source.count
  }

  private static func letterValue(_ byte: UInt8) -> Int? {
    switch byte {
    case 0x41...0x5A: Int(byte - 0x40)
    case 0x61...0x7A: Int(byte - 0x60)
    default: nil
    }
  }

  private static func isLetterOrDollar(_ byte: UInt8) -> Bool {
    byte == 0x24 || letterValue(byte) != nil
  }

  private static func isNameCharacter(_ byte: UInt8) -> Bool {
    letterValue(byte) != nil || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F || byte == 0x2E
      || byte >= 0x80
  }
}
