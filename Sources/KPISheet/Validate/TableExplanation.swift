import KPIImport
import KPIModel

/// `validate --explain`: per table, where it is, how it was read and what each header column
/// was read as; per region that looked like a table, why it was not read.
struct TableExplanation {
  var file: String
  var language: DiagnosticLanguage

  private var japanese: Bool { language == .japanese }

  /// Every table read and every region not read, in sheet order.
  static func tables(of result: ImportResult) -> [DetectedTable] {
    result.tables + result.notRead
  }

  /// The lines for one table: a heading, then one line per header column.
  func lines(_ table: DetectedTable) -> [String] {
    let place = "\(table.sheet)!\(table.range)"
    var lines: [String]
    if let reason = table.skipped?.description(in: language) {
      lines = [
        japanese
          ? "\(file):   \(place) は読みませんでした: \(reason)"
          : "\(file):   \(place) not read: \(reason)"
      ]
    } else {
      let orientation = table.orientation?.rawValue ?? "columns"
      let layout = table.nearestLayout.map { $0.rawValue } ?? "-"
      lines = [
        japanese
          ? "\(file):   表 \(place)（向き \(orientation)、最も近いレイアウト \(layout)）"
          : "\(file):   table \(place) (\(orientation), nearest layout \(layout))"
      ]
    }
    for header in table.headers {
      let path = header.path.map(HeaderLine.oneLine).joined(separator: " › ")
      let field = header.field ?? (japanese ? "（読まない）" : "(not read)")
      lines.append("\(file):     \(header.cell) \(path) → \(field)")
    }
    return lines
  }

  /// The table's JSON object (cli.md): sheet, range, orientation, nearest layout, headers
  /// with cell, path and field, and the reason it was skipped (null when read).
  static func write(
    _ table: DetectedTable, language: DiagnosticLanguage, to writer: JSONWriter
  ) {
    writer.object(.inline) {
      writer.member("sheet", table.sheet)
      writer.member("range", table.range.description)
      writer.member(
        "orientation", table.skipped == nil ? (table.orientation?.rawValue ?? "columns") : nil)
      writer.member("layout", table.skipped == nil ? table.nearestLayout?.rawValue : nil)
      writer.key("headers")
      writer.array(.inline) {
        for header in table.headers {
          writer.object(.inline) {
            writer.member("cell", header.cell.description)
            writer.member("path", strings: header.path)
            writer.member("field", header.field)
          }
        }
      }
      writer.member("skipped", table.skipped?.description(in: language))
    }
  }
}
