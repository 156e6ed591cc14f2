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
/// layout: flat            # flat: a row per KPI and year; wide: a row per KPI, columns per year
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
/// years:                  # wide only: each year's columns
///   - year: 令和3年度
///     target: J
///     actual: K
/// ```
public struct MappingFile: Sendable, Equatable, Decodable {
  public enum TableLayout: String, Sendable, Decodable {
    case flat, wide
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
  }

  public struct YearColumns: Sendable, Equatable, Decodable {
    public var year: String
    public var target: String?
    public var actual: String?
  }

  public var sheet: String?
  public var layout: TableLayout
  public var headerRow: Int
  public var lastRow: Int?
  public var project: String?
  public var period: String?
  public var columns: Columns
  public var years: [YearColumns]?

  enum CodingKeys: String, CodingKey {
    case sheet, layout, project, period, columns, years
    case headerRow = "header-row"
    case lastRow = "last-row"
  }

  /// Reads and checks a mapping file.
  public static func load(path: String) throws -> MappingFile {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw MappingError(file: path, message: "cannot be read", japanese: "読み込めません")
    }
    let mapping: MappingFile
    do {
      mapping = try YAMLDecoder().decode(
        MappingFile.self, from: String(decoding: data, as: UTF8.self))
    } catch let error as DecodingError {
      let (english, japanese) = Self.describe(error)
      throw MappingError(file: path, message: english, japanese: japanese)
    } catch {
      // The YAML parser's own words (and position) are quoted as they are.
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
    var letters = [
      columns.project, columns.kpi, columns.unit, columns.year, columns.target, columns.actual,
    ]
    letters += [columns.due, columns.baseline]
    letters += (years ?? []).flatMap { [$0.target, $0.actual] }
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
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
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

  init(file: String, message: String, japanese: String) {
    self.file = file
    self.message = message
    self.japaneseMessage = japanese
  }

  public var description: String { description(in: .english) }

  /// `dept.yaml: mapping file: …`, or in Japanese `dept.yaml: マッピング ファイル: …`.
  public func description(in language: DiagnosticLanguage) -> String {
    language == .japanese
      ? "\(file): マッピング ファイル: \(japaneseMessage)" : "\(file): mapping file: \(message)"
  }
}
