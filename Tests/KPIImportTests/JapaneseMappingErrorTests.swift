import Foundation
import KPIModel
import Testing

@testable import KPIImport

/// A mapping file's problems and a missing KPI table are told in Japanese too.
@Suite struct JapaneseMappingErrorTests {
  private func mappingError(_ yaml: String) throws -> MappingError {
    do {
      _ = try MappingTests().mapping(yaml)
    } catch let error as MappingError {
      return error
    }
    throw LoadedAnyway()
  }

  private struct LoadedAnyway: Error {}

  @Test func aBadColumnLetterIsNamedInJapanese() throws {
    let error = try mappingError(
      "layout: flat\nheader-row: 1\ncolumns: {kpi: 3C, year: D, target: E}")
    #expect(error.description.hasSuffix(": mapping file: \"3C\" is not a column letter (A to XFD)"))
    #expect(
      error.description(in: .japanese).hasSuffix(": マッピング ファイル: \"3C\" は列を表す英字（A～XFD）ではありません"))
  }

  @Test func aMissingKeyIsNamedInJapanese() throws {
    let error = try mappingError("header-row: 1\ncolumns: {kpi: C}")
    #expect(error.description(in: .japanese).hasSuffix(": マッピング ファイル: キー \"layout\" がありません"))
  }

  @Test func noKPITableNamesTheLayoutsTriedInJapanese() {
    let error = NoKPITableError(
      file: "a.xlsx", layoutsTried: [.nationalForm, .block], skippedSheets: [])
    #expect(
      error.description(in: .japanese)
        == "a.xlsx: KPI の表が見つかりません（試したレイアウト: B（国の様式）、A（ブロック形式））。"
        + "マッピング ファイルでシートの構成を記述し、--mapping で指定してください")
    #expect(
      error.description.hasPrefix(
        "a.xlsx: no KPI table found (layouts tried: B (national form), A (block layout))"))
  }
}
