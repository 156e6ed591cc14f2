import KPIImport
import KPIModel

/// The lines `validate` prints for a readable input, in English or Japanese.
struct ValidationText {
  var file: String
  var language: DiagnosticLanguage

  private var japanese: Bool { language == .japanese }

  /// A records JSON input has no layout: it was read, and that is all there is to say.
  var recordsJSON: String {
    japanese ? "\(file): レコード JSON、問題なし" : "\(file): records JSON, valid"
  }

  /// `dept.xlsx: layout A (block layout) at KPI!B3:J61`.
  func layout(_ layout: Layout?, tables: [String]) -> String {
    guard japanese else {
      let name = layout.map { "layout \($0.rawValue) (\($0.title))" } ?? "no layout"
      return "\(file): \(name) at \(tables.joined(separator: ", "))"
    }
    let name = layout.map { "レイアウト \($0.rawValue)（\($0.title(in: language))）" } ?? "レイアウトなし"
    return "\(file): \(name)、表の位置 \(tables.joined(separator: "、"))"
  }

  func hidden(_ sheet: String) -> String {
    japanese
      ? "\(file): シート \"\(sheet)\" は非表示ですが、読み込みました"
      : "\(file): sheet \"\(sheet)\" is hidden; it was read"
  }

  func skipped(_ sheet: String) -> String {
    japanese
      ? "\(file): シート \"\(sheet)\" には KPI の表がないため、スキップしました"
      : "\(file): sheet \"\(sheet)\" holds no KPI table; skipped"
  }

  func counts(errors: Int, warnings: Int) -> String {
    japanese
      ? "\(file): エラー \(errors) 件、警告 \(warnings) 件"
      : "\(file): \(errors) error(s), \(warnings) warning(s)"
  }
}
