import CellAddress
import Foundation
import KPIModel
import XLSXReader
import Yams

/// A mapping file: says where a KPI table is and which column is which field, for a layout
/// the detector cannot find. YAML, for example:
///
/// ```yaml
/// sheet: 実績一覧          # optional: the sheet (default: the first sheet)
/// layout: flat            # flat: a row per KPI and year; wide: a row per KPI, columns per
///                         # year; rows: a row per KPI and measure, a column per year; form
/// header-row: 5           # the header's row number, as Excel shows it
/// last-row: 40            # optional: the last data row (default: the sheet's last row)
/// project: 観光振興事業    # optional: one project's name when there is no project column
/// period: 令和3年度～令和5年度  # optional: resolves 初年度 / 2年目
/// columns:                # column letters
///   project: B
///   kpi: C
///   unit: D
///   year: E               # flat only
///   target: F             # flat only
///   actual: G             # flat only
///   due: H                # optional
///   baseline: I           # optional
///   measure: E            # rows only: the column saying 目標値 / 実績値
/// years:                  # wide: each year's target and actual columns; rows: its column
///   - year: 令和3年度
///     target: J
///     actual: K
/// ```
///
/// A form (one project, labels beside their values) names cells instead:
///
/// ```yaml
/// layout: form
/// fiscal-year: 令和4年度   # optional when each KPI has a due cell
/// cells: {project: C3, department: F3, effect: C12, policy: C13, grade: C14}
/// kpis:
///   - {name: B8, unit: D8, target: C8, actual: F8, due: E8}
/// ```
public struct MappingFile: Sendable, Equatable, Decodable {
  public enum TableLayout: String, Sendable, Decodable {
    case flat, wide, rows, form
  }

  public struct Columns: Sendable, Equatable, Decodable {
    public var project: String?
    public var kpi: String
    public var unit: String?
    public var year: String?
    public var target: String?
    public var actual: String?
    public var due: String?
    public var baseline: String?
    /// Measures as rows: the column whose cells say 目標値 or 実績値.
    public var measure: String?
  }

  public struct YearColumns: Sendable, Equatable, Decodable {
    public var year: String
    public var target: String?
    public var actual: String?
    /// Measures as rows: the year's one column.
    public var column: String?
  }

  /// A form's project cells (each the cell holding the value, not its label).
  public struct FormCells: Sendable, Equatable, Decodable {
    public var project: String?
    public var department: String?
    public var overview: String?
    public var cost: String?
    public var effect: String?
    public var assessment: String?
    public var expertOpinion: String?
    public var policy: String?
    public var policyReason: String?
    public var grade: String?

    enum CodingKeys: String, CodingKey {
      case project, department, overview, cost, effect, assessment, policy, grade
      case expertOpinion = "expert-opinion"
      case policyReason = "policy-reason"
    }
  }

  /// One KPI of a form: the cells of its name, unit, target, actual and due month.
  public struct FormKPI: Sendable, Equatable, Decodable {
    public var name: String
    public var unit: String?
    public var target: String?
    public var actual: String?
    public var due: String?
  }

  public var sheet: String?
  public var layout: TableLayout
  public var headerRow: Int
  public var lastRow: Int?
  public var project: String?
  public var period: String?
  /// The columns of a table (every layout but `form`).
  public var columnsIfAny: Columns?
  public var years: [YearColumns]?
  /// A form's fiscal year when its KPIs give no due month.
  public var fiscalYear: String?
  public var cells: FormCells?
  public var kpis: [FormKPI]?

  /// The table's columns (a form has none: an empty KPI column that reads nothing).
  public var columns: Columns {
    columnsIfAny ?? Columns(kpi: "")
  }

  enum CodingKeys: String, CodingKey {
    case sheet, layout, project, period, years, cells, kpis
    case columnsIfAny = "columns"
    case headerRow = "header-row"
    case lastRow = "last-row"
    case fiscalYear = "fiscal-year"
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    sheet = try container.decodeIfPresent(String.self, forKey: .sheet)
    layout = try container.decode(TableLayout.self, forKey: .layout)
    // A form has no header row; a table must say where its header is.
    headerRow =
      layout == .form
      ? try container.decodeIfPresent(Int.self, forKey: .headerRow) ?? 1
      : try container.decode(Int.self, forKey: .headerRow)
    lastRow = try container.decodeIfPresent(Int.self, forKey: .lastRow)
    project = try container.decodeIfPresent(String.self, forKey: .project)
    period = try container.decodeIfPresent(String.self, forKey: .period)
    columnsIfAny =
      layout == .form
      ? try container.decodeIfPresent(Columns.self, forKey: .columnsIfAny)
      : try container.decode(Columns.self, forKey: .columnsIfAny)
    years = try container.decodeIfPresent([YearColumns].self, forKey: .years)
    fiscalYear = try container.decodeIfPresent(String.self, forKey: .fiscalYear)
    cells = try container.decodeIfPresent(FormCells.self, forKey: .cells)
    kpis = try container.decodeIfPresent([FormKPI].self, forKey: .kpis)
  }

  /// The keys each level of a mapping file may hold, for "unknown key" errors.
  static let knownKeys: [String: [String]] = [
    "": [
      "sheet", "layout", "header-row", "last-row", "project", "period", "columns", "years",
      "fiscal-year", "cells", "kpis",
    ],
    "columns": [
      "project", "kpi", "unit", "year", "target", "actual", "due", "baseline", "measure",
    ],
    "years": ["year", "target", "actual", "column"],
    "cells": [
      "project", "department", "overview", "cost", "effect", "assessment", "expert-opinion",
      "policy", "policy-reason", "grade",
    ],
    "kpis": ["name", "unit", "target", "actual", "due"],
  ]

  /// Reads and checks a mapping file.
  public static func load(path: String) throws -> MappingFile {
    let file: YAMLFile
    do {
      file = try YAMLFile.load(path: path)
    } catch {
      throw MappingError(
        file: path, message: error.english, japanese: error.japanese, isMissing: error.isMissing)
    }
    let mapping: MappingFile
    do {
      // A misspelt key would be ignored by the decoder: name it first, with its line.
      try MappingKeys.check(file.root, file: path)
      mapping = try YAMLDecoder().decode(MappingFile.self, from: file.root)
    } catch let error as MappingError {
      throw error
    } catch let error as DecodingError {
      let (english, japanese) = Self.describe(error)
      // A value's line; a key missing from the top has none worth naming.
      let keys = Self.codingPath(error)
      let line = keys.isEmpty ? nil : MappingKeys.line(of: keys, in: file.root)
      let at = line.map { "line \($0): " } ?? ""
      let atJapanese = line.map { "\($0) 行目: " } ?? ""
      throw MappingError(file: path, message: at + english, japanese: atJapanese + japanese)
    } catch {
      // The YAML decoder's own words are quoted as they are.
      throw MappingError(
        file: path, message: "is not valid YAML (\(error))", japanese: "YAML として読めません（\(error)）")
    }
    try mapping.check(file: path)
    return mapping
  }

  private func check(file: String) throws {
    guard headerRow >= 1 else {
      throw MappingError(
        file: file, message: "header-row must be 1 or more", japanese: "header-row は 1 以上にしてください")
    }
    if let lastRow, lastRow <= headerRow {
      throw MappingError(
        file: file, message: "last-row (\(lastRow)) must come after header-row (\(headerRow))",
        japanese: "last-row（\(lastRow)）は header-row（\(headerRow)）より後の行にしてください")
    }
    if layout == .form {
      try checkForm(file: file)
      return
    }
    var letters = [
      columns.project, columns.kpi, columns.unit, columns.year, columns.target, columns.actual,
    ]
    letters += [columns.due, columns.baseline, columns.measure]
    letters += (years ?? []).flatMap { [$0.target, $0.actual, $0.column] }
    for letter in letters.compactMap({ $0 }) where Self.column(letter) == nil {
      throw MappingError(
        file: file, message: "\"\(letter)\" is not a column letter (A to XFD)",
        japanese: "\"\(letter)\" は列を表す英字（A～XFD）ではありません")
    }
    switch layout {
    case .flat:
      guard columns.year != nil, columns.target != nil || columns.actual != nil else {
        throw MappingError(
          file: file, message: "a flat layout needs columns year and target or actual",
          japanese: "flat レイアウトには columns の year と、target または actual が必要です")
      }
    case .form: break
    case .rows:
      guard let years, !years.isEmpty, years.allSatisfy({ $0.column != nil }) else {
        throw MappingError(
          file: file, message: "a rows layout needs a years list, each with its column",
          japanese: "rows レイアウトには years の一覧（各年度の column）が必要です")
      }
      for year in years where FiscalYearLabel.parse(year.year) == nil {
        throw MappingError(
          file: file, message: "\"\(year.year)\" is not a fiscal year",
          japanese: "\"\(year.year)\" は年度として読めません")
      }
    case .wide:
      guard let years, !years.isEmpty else {
        throw MappingError(
          file: file, message: "a wide layout needs a years list",
          japanese: "wide レイアウトには years の一覧が必要です")
      }
      for year in years where FiscalYearLabel.parse(year.year) == nil {
        throw MappingError(
          file: file, message: "\"\(year.year)\" is not a fiscal year",
          japanese: "\"\(year.year)\" は年度として読めません")
      }
    }
    if let period, FiscalPeriod.parse(period) == nil {
      throw MappingError(
        file: file, message: "period \"\(period)\" is not like 令和3年度～令和5年度",
        japanese: "period \"\(period)\" が 令和3年度～令和5年度 のような形になっていません")
    }
  }

  /// A form names cells: each must be an A1 reference, with a project and at least one KPI.
  private func checkForm(file: String) throws {
    guard let kpis, !kpis.isEmpty else {
      throw MappingError(
        file: file, message: "a form needs a kpis list (each with its name cell)",
        japanese: "form レイアウトには kpis の一覧（各 KPI の name セル）が必要です")
    }
    guard cells?.project != nil || project != nil else {
      throw MappingError(
        file: file, message: "a form needs cells.project (or project: its name)",
        japanese: "form レイアウトには cells の project（または project: 事業名）が必要です")
    }
    let form = cells
    var references = [
      form?.project, form?.department, form?.overview, form?.cost, form?.effect, form?.assessment,
      form?.expertOpinion, form?.policy, form?.policyReason, form?.grade,
    ]
    references += kpis.flatMap { [$0.name, $0.unit, $0.target, $0.actual, $0.due] }
    for reference in references.compactMap({ $0 })
    where CellReference(reference.uppercased()) == nil {
      throw MappingError(
        file: file, message: "\"\(reference)\" is not a cell reference (like B5)",
        japanese: "\"\(reference)\" はセル番地（B5 など）ではありません")
    }
    if let fiscalYear,
      FiscalYearLabel.parse(fiscalYear).flatMap({ $0.resolve(periodStart: nil) }) == nil
    {
      throw MappingError(
        file: file, message: "fiscal-year \"\(fiscalYear)\" is not a fiscal year",
        japanese: "fiscal-year \"\(fiscalYear)\" は年度として読めません")
    }
  }

  private static func codingPath(_ error: DecodingError) -> [String] {
    let context: DecodingError.Context?
    switch error {
    case .keyNotFound(_, let found), .typeMismatch(_, let found), .valueNotFound(_, let found),
      .dataCorrupted(let found):
      context = found
    @unknown default: context = nil
    }
    return context?.codingPath.map(\.stringValue) ?? []
  }

  /// The zero-based column of a letter such as `C`.
  static func column(_ letters: String) -> Int? {
    CellReference("\(letters.uppercased())1")?.column
  }

  /// The decoder's complaint in English and Japanese; its own explanation (`debugDescription`,
  /// English only) is kept in both, as the decoder's words.
  private static func describe(_ error: DecodingError) -> (english: String, japanese: String) {
    func path(_ context: DecodingError.Context) -> String {
      context.codingPath.map(\.stringValue).joined(separator: ".")
    }
    switch error {
    case .keyNotFound(let key, let context):
      let place = path(context)
      return (
        "the key \"\(key.stringValue)\" is missing\(place.isEmpty ? "" : " under \(place)")",
        "\(place.isEmpty ? "" : "\(place) の下に")キー \"\(key.stringValue)\" がありません"
      )
    case .typeMismatch(let type, let context):
      // Yams says "Expected to decode Scalar but found Sequence instead": say what the key
      // takes, in words (Yams names its node kinds, or the Swift type a scalar missed).
      let name = String(describing: type)
      let wanted: (english: String, japanese: String)? =
        if type is Int.Type {
          ("a whole number", "整数")
        } else if type is String.Type || name.hasSuffix("Scalar") {
          ("a single value", "1 つの値")
        } else if name.hasSuffix("Sequence") || name.hasPrefix("Array") {
          ("a list", "リスト")
        } else if name.hasSuffix("Mapping") {
          ("keys and values", "キーと値の組")
        } else {
          nil
        }
      guard let wanted else {
        return (
          "\(path(context)): \(context.debugDescription)",
          "\(path(context)): 値の型が正しくありません（\(context.debugDescription)）"
        )
      }
      return (
        "\(path(context)) must be \(wanted.english)",
        "\(path(context)) は\(wanted.japanese)で書いてください"
      )
    case .valueNotFound(_, let context):
      return (
        "\(path(context)): \(context.debugDescription)",
        "\(path(context)): 値の型が正しくありません（\(context.debugDescription)）"
      )
    case .dataCorrupted(let context):
      let place = path(context).isEmpty ? "" : path(context) + ": "
      return (
        "\(place)\(context.debugDescription)", "\(place)値が正しくありません（\(context.debugDescription)）"
      )
    @unknown default:
      return ("\(error)", "\(error)")
    }
  }
}

/// A mapping file that cannot be used.
public struct MappingError: Error, Sendable, CustomStringConvertible {
  public var file: String
  /// What is wrong, in English.
  public var message: String
  /// What is wrong, in Japanese.
  public var japaneseMessage: String
  /// The file is absent or not a file one can read (exit 66 rather than 65).
  public var isMissing: Bool

  init(file: String, message: String, japanese: String, isMissing: Bool = false) {
    self.file = file
    self.message = message
    self.japaneseMessage = japanese
    self.isMissing = isMissing
  }

  public var description: String { description(in: .english) }

  /// `dept.yaml: mapping file: …`, or in Japanese `dept.yaml: マッピング ファイル: …`.
  public func description(in language: DiagnosticLanguage) -> String {
    language == .japanese
      ? "\(file): マッピング ファイル: \(japaneseMessage)" : "\(file): mapping file: \(message)"
  }
}

/// Checks a mapping file's keys against the ones kpisheet knows, with line numbers.
enum MappingKeys {
  static func check(_ root: Node, file: String) throws {
    try check(root, level: "", file: file)
  }

  private static func check(_ node: Node, level: String, file: String) throws {
    if let sequence = node.sequence {
      for item in sequence { try check(item, level: level, file: file) }
      return
    }
    guard let mapping = node.mapping, let known = MappingFile.knownKeys[level] else { return }
    for (key, value) in mapping {
      guard let name = key.string else { continue }
      guard known.contains(name) else {
        let line = key.mark.map { "line \($0.line): " } ?? ""
        let lineJapanese = key.mark.map { "\($0.line) 行目: " } ?? ""
        let guess = suggestion(for: name, among: known)
        throw MappingError(
          file: file,
          message: "\(line)unknown key \(name)" + (guess.map { "; did you mean \($0)?" } ?? ""),
          japanese: "\(lineJapanese)不明なキー \(name) があります"
            + (guess.map { "（\($0) のことですか？）" } ?? ""))
      }
      if MappingFile.knownKeys[name] != nil, level.isEmpty {
        try check(value, level: name, file: file)
      }
    }
  }

  /// The known key nearest `name` (at most two edits away).
  static func suggestion(for name: String, among known: [String]) -> String? {
    let scored = known.map { ($0, distance(Array(name), Array($0))) }
    guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 2 else { return nil }
    return best.0
  }

  /// Levenshtein distance.
  private static func distance(_ a: [Character], _ b: [Character]) -> Int {
    var previous = Array(0...b.count)
    for (i, x) in a.enumerated() {
      var current = [i + 1]
      for (j, y) in b.enumerated() {
        current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
      }
      previous = current
    }
    return previous[b.count]
  }

  /// The line of the value at `path` (keys and sequence indices), or of its nearest parent.
  static func line(of path: [String], in root: Node) -> Int? {
    var node = root
    var line = root.mark?.line
    for step in path {
      if let mapping = node.mapping,
        let (key, value) = mapping.first(where: { $0.key.string == step })
      {
        line = value.mark?.line ?? key.mark?.line ?? line
        node = value
      } else if let sequence = node.sequence,
        let index = Int(step.replacingOccurrences(of: "Index ", with: "")),
        sequence.indices.contains(index)
      {
        node = sequence[index]
        line = node.mark?.line ?? line
      } else {
        break
      }
    }
    return line
  }
}
