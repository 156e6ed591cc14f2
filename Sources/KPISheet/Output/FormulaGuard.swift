/// Keeps a spreadsheet from running CSV text as a formula (CSV injection): text beginning with
/// `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, which Excel and
/// LibreOffice show as nothing more than a text marker. Numbers stay numbers: `-339` is a
/// value, not a formula.
public enum FormulaGuard {
  /// `text`, with a `'` before it when a spreadsheet would run it.
  public static func neutralised(_ text: String) -> String {
    guard let first = text.unicodeScalars.first,
      first == "=" || first == "+" || first == "-" || first == "@" || first == "\t"
        || first == "\r"
    else { return text }
    if isPlainNumber(text) { return text }
    return "'" + text
  }

  /// Whether `text` is a finite decimal number a spreadsheet reads as a value (`-339`,
  /// `+5`, `-1.5E3`).
  static func isPlainNumber(_ text: String) -> Bool {
    guard let value = Double(text), value.isFinite else { return false }
    // Double also reads hexadecimal (`-0x1p3`): only digits, signs, a point and an exponent.
    return text.unicodeScalars.allSatisfy {
      ("0"..."9").contains($0) || $0 == "-" || $0 == "+" || $0 == "." || $0 == "e" || $0 == "E"
    }
  }
}
