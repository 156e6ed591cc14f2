import Foundation
import KPIModel

/// The text encodings `extract --format csv` writes.
public enum CSVEncoding: String, Sendable, CaseIterable {
  /// UTF-8 without a byte-order mark.
  case utf8 = "utf-8"
  /// UTF-8 with a byte-order mark, which Japanese Excel needs to open it as UTF-8.
  case utf8BOM = "utf-8-bom"
  /// Windows-31J (Shift_JIS as Windows has it), what Japanese Excel assumes without a BOM.
  case cp932

  /// The encoding a name gives: the raw values, case aside, and `shift_jis`, `shift-jis`,
  /// `sjis` and `windows-31j` for cp932, the Shift_JIS that Windows and Excel mean.
  public init?(named name: String) {
    let name = name.lowercased()
    switch name {
    case "shift_jis", "shift-jis", "sjis", "windows-31j": self = .cp932
    default:
      guard let encoding = CSVEncoding(rawValue: name) else { return nil }
      self = encoding
    }
  }
}

/// The flat table as CSV: the report's データ sheet, one row per project × KPI × fiscal year,
/// `DataRow.headers` first. RFC 4180: fields with a comma, quote or line break are quoted,
/// quotes doubled, every line ends in CRLF. Text a spreadsheet would run as a formula gets a
/// leading `'` (`FormulaGuard`).
public enum DataCSV {
  /// The header row and one row of text fields per `DataRow`.
  public static func table(_ document: RecordsDocument) -> [[String]] {
    [DataRow.headers] + DataRow.rows(for: document).map(fields)
  }

  /// One row's fields, in `DataRow.headers` order: numbers printed shortest (達成率 as a
  /// ratio, as the sheet stores it), empty where the row has no value.
  public static func fields(_ row: DataRow) -> [String] {
    [
      row.code ?? "", row.prefecture ?? "", row.municipality ?? "", String(row.projectNo),
      row.projectName, scopeLabel(row.scope), integer(row.periodStart), integer(row.periodEnd),
      integer(row.kpiNo), row.kpiName ?? "", row.unit ?? "", row.direction?.japaneseLabel ?? "",
      integer(row.fiscalYear), row.fiscalYear.map { Era.label(fiscalYear: $0) } ?? "",
      integer(row.yearOfProject), number(row.target), number(row.actual), number(row.rate),
      row.achievedLabel ?? "", number(row.baseline), number(row.cost), row.costUnit ?? "",
    ]
  }

  /// The CSV text of `table`.
  public static func text(_ table: [[String]]) -> String {
    var text = ""
    for row in table {
      text += row.map(quoted).joined(separator: ",")
      text += "\r\n"
    }
    return text
  }

  /// `table` as CSV bytes in `encoding`. For cp932, 〜 (U+301C) and − (U+2212) become their
  /// Windows forms ～ and －; any other character cp932 lacks is an error naming its line
  /// and column, and nothing is returned.
  public static func encode(
    _ table: [[String]], encoding: CSVEncoding, file: String,
    language: DiagnosticLanguage = DiagnosticText.language
  ) throws -> Data {
    switch encoding {
    case .utf8: return Data(text(table).utf8)
    case .utf8BOM: return Data([0xEF, 0xBB, 0xBF]) + Data(text(table).utf8)
    case .cp932: return try cp932(table, file: file, language: language)
    }
  }

  private static func cp932(_ table: [[String]], file: String, language: DiagnosticLanguage)
    throws -> Data
  {
    var data = Data()
    var problems: [String] = []
    let headers = table.first ?? []
    for (line, row) in table.enumerated() {
      for (column, field) in row.enumerated() {
        if column > 0 { data.append(UInt8(ascii: ",")) }
        let windows = CP932.windowsForms(field)
        if let bytes = quoted(windows).data(using: .shiftJIS) {
          data.append(bytes)
          continue
        }
        let missing = CP932.unencodable(windows)
        let name = column < headers.count ? headers[column] : String(column + 1)
        // 事業番号 and KPI番号 (columns 4 and 9) say which project and KPI the line is.
        let project = line > 0 && row.count > 3 ? row[3] : nil
        let kpi = line > 0 && row.count > 8 && !row[8].isEmpty ? row[8] : nil
        problems.append(
          CP932.problem(
            file: file, line: line + 1, project: project, kpi: kpi, column: name,
            characters: missing, language: language))
      }
      data.append(contentsOf: [0x0D, 0x0A])
    }
    guard problems.isEmpty else { throw CSVEncodingError(problems: problems, file: file) }
    return data
  }

  static func quoted(_ field: String) -> String {
    let field = FormulaGuard.neutralised(field)
    // By scalar: "\r\n" is one Character and equals neither "\r" nor "\n".
    guard
      field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
    else {
      return field
    }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  private static func integer(_ value: Int?) -> String { value.map(String.init) ?? "" }

  private static func number(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "" }
    return NumberFormatting.string(value)
  }

  /// 単独 / 広域, as the データ sheet prints them.
  static func scopeLabel(_ scope: Scope?) -> String { scope?.reportLabel ?? "" }
}

/// Windows-31J through Foundation's `.shiftJIS`, which on Linux has no mapping for U+301C,
/// U+2212 or anything outside the BMP (see docs: platform notes, "Text encodings for CSV").
enum CP932 {
  /// 〜 (WAVE DASH) → ～ and − (MINUS SIGN) → －: the forms Windows uses for the same JIS codes.
  static func windowsForms(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0.value == 0x301C || $0.value == 0x2212 }) else {
      return text
    }
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x301C: scalars.append("\u{FF5E}")
      case 0x2212: scalars.append("\u{FF0D}")
      default: scalars.append(scalar)
      }
    }
    return String(scalars)
  }

  /// The characters of `text` cp932 cannot encode, each once, in order.
  static func unencodable(_ text: String) -> [Character] {
    var seen: Set<Character> = []
    return text.filter { character in
      String(character).data(using: .shiftJIS) == nil && seen.insert(character).inserted
    }.map { $0 }
  }

  static func problem(
    file: String, line: Int, project: String?, kpi: String?, column: String,
    characters: [Character], language: DiagnosticLanguage
  ) -> String {
    let japanese = language == .japanese
    var place = japanese ? "\(line) 行目" : "line \(line)"
    if let project {
      place += japanese ? "（事業 \(project)" : " (project \(project)"
      if let kpi { place += japanese ? "、KPI \(kpi)" : ", KPI \(kpi)" }
      place += japanese ? "）" : ")"
    }
    let list = characters.map { character in
      let codes = character.unicodeScalars.map {
        "U+" + String($0.value, radix: 16, uppercase: true)
      }
      return "\"\(character)\" (\(codes.joined(separator: " ")))"
    }.joined(separator: ", ")
    return language == .japanese
      ? "\(file): \(place)、列「\(column)」: \(list) は cp932 で表せません（--encoding utf-8-bom を使うか、文字を直してください）"
      : "\(file): \(place), column \"\(column)\": \(list) cannot be written in cp932 "
        + "(use --encoding utf-8-bom, or change the character)"
  }
}

/// Characters the chosen encoding cannot write: every one is listed and nothing is written.
public struct CSVEncodingError: ReportableError {
  /// One line per field with such characters, in the language `DataCSV.encode` was given.
  public var problems: [String]
  public var file: String
  public var exitStatus: ExitStatus { .dataError }
  public func message(in language: DiagnosticLanguage) -> String {
    let closing =
      language == .japanese
      ? "\(file): cp932 で表せない文字が \(problems.count) か所あるため、何も書き出しませんでした"
      : "\(file): \(problems.count) field(s) cannot be written in cp932; nothing was written"
    return (problems + [closing]).joined(separator: "\n")
  }
}
