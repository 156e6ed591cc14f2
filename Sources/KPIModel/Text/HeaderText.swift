/// A header cell reduced to what header matching compares (input-layouts.md): its first
/// line, NFKC, without spaces, a leading circled number (the national form's ①–⑦ groups) or
/// a trailing parenthesised note.
public struct HeaderText: Sendable, Equatable {
  /// `重要業績評価指標（KPI）\n1.…` → `重要業績評価指標`.
  public var key: String
  /// The trailing notes removed from the first line, in order, without brackets:
  /// `事業費（単位：千円）` → [`単位:千円`].
  public var notes: [String]
  /// A unit the header states (`（単位：千円）` → 千円), from a note or, failing that,
  /// anywhere in the cell (a unit note on the second line still applies).
  public var unit: String?

  public init(_ raw: String) {
    var firstLine = Substring(TextNormalizer.lines(raw).first ?? "")
    // ①–⑳ number the national form's columns; NFKC would make them digits of the name.
    if let first = firstLine.unicodeScalars.first, (0x2460...0x2473).contains(first.value) {
      firstLine = Substring(firstLine.unicodeScalars.dropFirst())
    }
    var scalars = Array(CharacterFolding.nfkcCompact(String(firstLine)).unicodeScalars)
    Self.dropNoteMark(&scalars)
    var notes: [String] = []
    while scalars.last == ")", let open = scalars.lastIndex(of: "(") {
      notes.insert(CharacterFolding.string(scalars[(open + 1)..<(scalars.count - 1)]), at: 0)
      scalars.removeSubrange(open...)
    }
    Self.dropDecoration(&scalars)
    key = CharacterFolding.string(scalars)
    self.notes = notes
    unit =
      notes.lazy.compactMap(QuantityParser.headerUnit).first
      ?? QuantityParser.headerUnit(raw)
  }

  /// 目標値※1, 実績値*: a note mark (and its number) after the header refers to a note below
  /// the table; it is not part of the header.
  private static func dropNoteMark(_ scalars: inout [Unicode.Scalar]) {
    guard let mark = scalars.lastIndex(where: { $0 == "※" || $0 == "*" }), mark > 0,
      scalars[(mark + 1)...].allSatisfy({ $0.properties.numericType != nil })
    else { return }
    scalars.removeSubrange(mark...)
  }

  /// ■事業名, 【目標値】, [実績値]: a bullet before a header and brackets around it decorate it.
  private static func dropDecoration(_ scalars: inout [Unicode.Scalar]) {
    while let first = scalars.first, "■□●◆◇▼▽".unicodeScalars.contains(first), scalars.count > 1 {
      scalars.removeFirst()
    }
    let pairs: [(Unicode.Scalar, Unicode.Scalar)] = [
      ("【", "】"), ("[", "]"), ("〔", "〕"), ("《", "》"),
    ]
    for (open, close) in pairs
    where scalars.count > 2 && scalars.first == open && scalars.last == close {
      scalars.removeFirst()
      scalars.removeLast()
    }
  }

  /// Just the key: `HeaderText.key("目 標 値\n（単位：人）")` → 目標値.
  public static func key(_ raw: String) -> String { HeaderText(raw).key }
}
