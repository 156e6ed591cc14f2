import Foundation
import KPIModel

/// How diagnostics read on standard error: one line each, naming file, sheet and cell, in
/// Japanese when the locale is Japanese.
public enum DiagnosticText {
  /// Japanese when `LC_ALL`, `LC_MESSAGES` or `LANG` (the first set) starts with `ja`.
  /// Looked up once: building the environment dictionary for every line of a long list of
  /// warnings cost more than writing them.
  public static let language: DiagnosticLanguage = {
    let environment = ProcessInfo.processInfo.environment
    let locale =
      ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }
      .first { !$0.isEmpty } ?? ""
    return locale.hasPrefix("ja") ? .japanese : .english
  }()

  /// `dept-a.xlsx: sheet "KPI", cell D12: "12,O00人" is not a number` (in Japanese
  /// `dept-a.xlsx: シート "KPI"、セル D12: …`); warnings say so, and errors too when
  /// `labelErrors` (validate lists both kinds together).
  public static func line(
    _ diagnostic: Diagnostic, language: DiagnosticLanguage = language, labelErrors: Bool = false
  ) -> String {
    let japanese = language == .japanese
    var place = diagnostic.file ?? ""
    if let sheet = diagnostic.sheet {
      place += (place.isEmpty ? "" : ": ") + (japanese ? "シート" : "sheet") + " \"\(sheet)\""
      if let cell = diagnostic.cell { place += japanese ? "、セル \(cell)" : ", cell \(cell)" }
    }
    let severity: String
    switch diagnostic.severity {
    case .warning: severity = japanese ? "警告: " : "warning: "
    case .error: severity = labelErrors ? (japanese ? "エラー: " : "error: ") : ""
    }
    return "\(place): \(severity)\(diagnostic.message(in: language))"
  }
}
