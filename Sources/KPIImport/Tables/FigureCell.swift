import CellAddress
import KPIModel
import XLSXReader

extension TableHeader {
  /// The columns whose cells hold figures: measures, years, baselines, final targets and
  /// costs. What a table holds there and no reader takes is named (value-not-read).
  var figureColumns: [HeaderColumn] {
    columns.filter { column in
      switch column.role {
      case .value, .year, .yearCost, .baseline, .finalTarget, .field(.cost): return true
      default: return false
      }
    }
  }
}

/// Whether a cell holds a figure: a number, or a text that reads as a quantity (120人,
/// 558.7万人（21年）, 120※).
enum FigureCell {
  static func holdsFigure(_ cell: Cell?) -> Bool {
    guard let cell else { return false }
    switch cell.value {
    case .number: return true
    case .string(let text):
      // Most text cells of a table are names and notes: only a text with a digit can be one.
      guard text.contains(where: \.isNumber) else { return false }
      let figure = NoteMark.withoutMark(text) ?? text
      if case .value = QuantityParser.parse(figure) { return true }
      if let (rest, _) = YearInBrackets.split(figure), case .value = QuantityParser.parse(rest) {
        return true
      }
      return false
    default: return false
    }
  }

  /// The figure as the cell shows it, for a message.
  static func shown(_ cell: Cell?) -> String {
    switch cell?.value {
    case .number(let value)?: return NumberFormatting.string(value, .excel)
    case .string(let text)?: return HeaderLine.oneLine(CellReading.trimmed(text))
    default: return ""
    }
  }
}

/// A note mark written with a value: 「120※」, 「※120」, 「120※1」, 「120*」. The value is the
/// figure; the mark points at a note under the table.
enum NoteMark {
  private static let marks: Set<Character> = ["※", "*", "＊"]

  /// The text without its note mark, or nil when it carries none.
  static func withoutMark(_ text: String) -> String? {
    var trimmed = Substring(CellReading.trimmed(text))
    guard let first = trimmed.first, let last = trimmed.last,
      marks.contains(first) || marks.contains(last) || trimmed.contains("※")
    else { return nil }
    // 「※1」 alone points at note 1: one digit after the mark is no value.
    if first == "※", trimmed.count == 2, trimmed.last?.isNumber == true { return nil }
    var changed = false
    if let first = trimmed.first, marks.contains(first) {
      trimmed = trimmed.dropFirst().drop(while: \.isWhitespace)
      changed = true
    }
    // A numbered mark at the end: 120※1, 120※２.
    if let mark = trimmed.lastIndex(where: { marks.contains($0) }), mark != trimmed.startIndex,
      trimmed[trimmed.index(after: mark)...].allSatisfy(\.isNumber)
    {
      trimmed = trimmed[..<mark]
      changed = true
    }
    let result = String(trimmed).trimmingCharacters(in: .whitespaces)
    guard changed, let head = result.first, head.isNumber || "▲△-－+＋約".contains(head) else {
      return nil
    }
    return result
  }
}
