import Foundation
import KPIImport
import KPIModel
import XLSXReader

/// Records read from one input, with what the reading found.
public struct LoadedRecords: Sendable {
  /// The input's name, as given.
  public var file: String
  public var document: RecordsDocument
  /// The import's tables and diagnostics; nil for a records JSON input.
  public var importResult: ImportResult?

  public var diagnostics: [Diagnostic] { importResult?.diagnostics ?? [] }
  public var hasErrors: Bool { importResult?.hasErrors ?? false }

  /// Throws when the input had errors (exit 65, naming how many): a command writes nothing
  /// from such an input.
  func requireNoErrors(shownAs displayName: String) throws {
    guard hasErrors else { return }
    let count = diagnostics.filter { $0.severity == .error }.map(\.problemCount).reduce(0, +)
    throw KPISheetError(
      .dataError, "\(displayName): \(count) error(s); nothing was written",
      japanese: "\(displayName): エラーが \(count) 件あるため、何も書き出しませんでした")
  }
}

/// Reads an input — a departmental workbook or a records JSON file — into records.
public struct RecordsLoader: Sendable {
  public var sheetName: String?
  public var mapping: MappingFile?
  public var limits: ReaderLimits
  /// Threads reading a large workbook (`XLSXWorkbook.readingThreads`); nil for the reader's
  /// default.
  public var readingThreads: Int?
  /// The year of a one-year table that states none (`--fiscal-year`).
  public var fiscalYear: Int?

  public init(
    sheetName: String? = nil, mapping: MappingFile? = nil, limits: ReaderLimits = ReaderLimits(),
    readingThreads: Int? = nil, fiscalYear: Int? = nil
  ) {
    self.fiscalYear = fiscalYear
    self.sheetName = sheetName
    self.mapping = mapping
    self.limits = limits
    self.readingThreads = readingThreads
  }

  /// Reads the mapping file at `path` (exit 66 when missing, 65 when unusable).
  public static func mapping(at path: String?) throws -> MappingFile? {
    guard let path else { return nil }
    guard FileManager.default.fileExists(atPath: path) else {
      throw KPISheetError(
        .noInput, "\(path): no such mapping file", japanese: "\(path): マッピング ファイルがありません")
    }
    do {
      return try MappingFile.load(path: path)
    } catch let error as MappingError {
      throw KPISheetError(
        error.isMissing ? .noInput : .dataError, error.description,
        japanese: error.description(in: .japanese))
    }
  }

  public func load(_ input: InputFile) throws -> LoadedRecords {
    if input.displayName.lowercased().hasSuffix(".json") || Self.startsLikeJSON(input.path) {
      return try loadJSON(input)
    }
    let workbook = try XLSXWorkbook(
      path: input.path, displayName: input.displayName, limits: limits,
      readingThreads: readingThreads)
    do {
      let result = try KPIImporter(
        sheetName: sheetName, mapping: mapping, fiscalYear: fiscalYear
      ).read(workbook)
      return LoadedRecords(file: input.displayName, document: result.document, importResult: result)
    } catch let error as NoKPITableError {
      throw KPISheetError(
        .dataError, error.description, japanese: error.description(in: .japanese))
    }
  }

  private func loadJSON(_ input: InputFile) throws -> LoadedRecords {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: input.path))
    } catch {
      throw KPISheetError(
        .noInput, "\(input.displayName): cannot be read",
        japanese: "\(input.displayName): 読み込めません")
    }
    do {
      return LoadedRecords(file: input.displayName, document: try RecordsJSON.decode(data))
    } catch {
      throw KPISheetError(
        .dataError, "\(input.displayName): \(error.description)",
        japanese: "\(input.displayName): \(error.description(in: .japanese))")
    }
  }

  /// A records file piped in on standard input has no name: tell it by its first byte.
  private static func startsLikeJSON(_ path: String) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? handle.close() }
    let head = (try? handle.read(upToCount: 64)) ?? Data()
    return head.first {
      !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB
        || $0 == 0xBF)
    } == UInt8(ascii: "{")
  }
}
