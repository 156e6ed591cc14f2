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
    var notes: [String] = []
    while scalars.last == ")", let open = scalars.lastIndex(of: "(") {
      notes.insert(CharacterFolding.string(scalars[(open + 1)..<(scalars.count - 1)]), at: 0)
      scalars.removeSubrange(open...)
    }
    key = CharacterFolding.string(scalars)
    self.notes = notes
    unit =
      notes.lazy.compactMap(QuantityParser.headerUnit).first
      ?? QuantityParser.headerUnit(raw)
  }

  /// Just the key: `HeaderText.key("目 標 値\n（単位：人）")` → 目標値.
  public static func key(_ raw: String) -> String { HeaderText(raw).key }
}
