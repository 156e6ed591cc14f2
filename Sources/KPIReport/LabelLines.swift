/// A short label (a header, a period, a year, a unit) laid out on the lines a reader expects:
/// it breaks only between its pieces, so no line starts with 「）」 and no word is cut where a
/// column is narrower than the label.
///
/// LibreOffice and Excel wrap Japanese text at any character, so a label that does not fit
/// its column gets explicit line breaks at its break points, and its column is made at least
/// as wide as its widest piece (`leastWidth`).
struct LabelLines: Equatable {
  /// The pieces, in order; a line breaks only between two of them.
  let pieces: [String]

  /// `marked` split where `|` marks a break point, and where `init(text:)` would split it.
  /// The report's own headers mark their break points so: 「今後の|方針の理由」.
  init(marked: String) {
    pieces = marked.split(separator: "|", omittingEmptySubsequences: true)
      .flatMap { Self.split(String($0)) }
  }

  /// `text` split before 「（」 and 「～」 and after a closing 「）」 that is not last: where a
  /// data label (a period, a year, a unit) may break.
  init(text: String) {
    pieces = Self.split(text)
  }

  private static func split(_ text: String) -> [String] {
    var pieces: [String] = []
    var current = ""
    for character in text {
      if (character == "（" || character == "～" || character == "(") && !current.isEmpty {
        pieces.append(current)
        current = ""
      }
      current.append(character)
      if character == "）" || character == ")" {
        pieces.append(current)
        current = ""
      }
    }
    if !current.isEmpty { pieces.append(current) }
    return pieces.isEmpty ? [""] : pieces
  }

  /// The label as one line.
  var text: String { pieces.joined() }

  /// The least column width at which no piece wraps.
  var leastWidth: Double {
    pieces.map(TextMetrics.leastColumnWidth).max() ?? 0
  }

  /// The label with line breaks for a wrapped cell `columnWidth` units wide: the fewest lines,
  /// and of those the layout whose longest line is shortest (「④本事業における」 over
  /// 「重要業績評価指標（KPI）」, not a line of 「（KPI）」 alone). A label that fits stays one line.
  func text(columnWidth: Double) -> String {
    guard pieces.count > 1, TextMetrics.lines(text, columnWidth: columnWidth) > 1 else {
      return text
    }
    // Labels have a few pieces: every way of breaking them is tried.
    let gaps = pieces.count - 1
    guard gaps <= 12 else { return text }
    var best: (lines: Int, widest: Double, breaks: Int, text: String)?
    for mask in 0..<(1 << gaps) {
      var lines: [String] = [pieces[0]]
      for index in 1..<pieces.count {
        if mask & (1 << (index - 1)) != 0 {
          lines.append(pieces[index])
        } else {
          lines[lines.count - 1] += pieces[index]
        }
      }
      let count = lines.reduce(0) { $0 + TextMetrics.lines($1, columnWidth: columnWidth) }
      let widest = lines.map { TextMetrics.linePixels(Substring($0)) }.max() ?? 0
      let candidate = (count, widest, lines.count, lines.joined(separator: "\n"))
      if let current = best,
        (current.lines, current.widest, current.breaks) <= (count, widest, lines.count)
      {
        continue
      }
      best = candidate
    }
    return best?.text ?? text
  }
}
