import Foundation
import KPIModel
import Testing
import XLSXReader
import XLSXWriter

@testable import KPISheet

/// The tool's own errors carry English and Japanese; the exit status does not depend on the
/// language.
@Suite struct JapaneseErrorTests {
  @Test func aReportThatCannotBeWrittenExits73AndRefusedContent65() throws {
    // A real failure: the folder of the temporary file vanishes before the save.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kpisheet-gone-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
    let document = try XLSXDocument(temporaryIn: folder.path)
    _ = try document.addWorksheet(named: "S")
    try FileManager.default.removeItem(at: folder)
    do {
      try document.save(to: folder.appendingPathComponent("out.xlsx").path)
      Issue.record("expected the save to fail")
    } catch let error as XLSXWriterError {
      #expect(error.exitStatus == .cannotCreate, "\(error)")
      #expect(error.message(in: .japanese).hasPrefix("レポートを書き出せませんでした"))
    }
    let refused = XLSXWriterError(kind: .invalidArgument, message: "the sheet name is too long")
    #expect(refused.exitStatus == .dataError)
  }

  @Test func anOutputThatIsAnInputIsRefusedInJapanese() throws {
    let input = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kpisheet-ja-\(UUID().uuidString).xlsx")
    try Data("x".utf8).write(to: input)
    defer { try? FileManager.default.removeItem(at: input) }
    do {
      try OutputFile(path: input.path).check(inputs: [input.path])
      Issue.record("expected a refusal")
    } catch let error as KPISheetError {
      #expect(error.exitStatus == .cannotCreate)
      #expect(error.message == "\(input.path): is also an input; choose another output file")
      #expect(
        error.message(in: .japanese)
          == "\(input.path): 入力ファイルと同じです。別の出力ファイルを指定してください")
    }
  }

  @Test func aMissingInputIsNamedInJapanese() throws {
    do {
      _ = try InputFile("/nonexistent/dept.xlsx")
      Issue.record("expected a missing file")
    } catch let error as KPISheetError {
      #expect(error.exitStatus == .noInput)
      #expect(error.message == "/nonexistent/dept.xlsx: no such file")
      #expect(error.message(in: .japanese) == "/nonexistent/dept.xlsx: ファイルがありません")
    }
  }

  @Test func aReaderLimitNamesItsFlagInJapanese() {
    let error = XLSXError(
      .limitExceeded(.sharedStringBytes), file: "a.xlsx", part: "xl/sharedStrings.xml",
      detail: "the shared strings hold more than 10 bytes of text",
      japanese: "共有文字列の合計が 10 バイトを超えています")
    #expect(
      error.message
        == "a.xlsx: part xl/sharedStrings.xml: the shared strings hold more than 10 bytes of text "
        + "(raise the limit with --max-shared-string-bytes)")
    #expect(
      error.message(in: .japanese)
        == "a.xlsx: パーツ xl/sharedStrings.xml: 共有文字列の合計が 10 バイトを超えています"
        + "（--max-shared-string-bytes で上限を引き上げられます）")
    #expect(error.exitStatus == .dataError)
  }

  @Test func anOutputNameCollisionIsAUsageErrorInJapanese() throws {
    do {
      _ = try BatchPlan.jobs(for: ["a/x.xlsx", "b/X.json"], outputDirectory: "out")
      Issue.record("expected a collision")
    } catch let error as KPISheetError {
      #expect(error.exitStatus == .usage)
      #expect(
        error.message(in: .japanese)
          == "out/x.xlsx: 出力ファイル名が重複します（\"a/x.xlsx\"、\"b/X.json\"）。入力ファイル名を変えるか、別々に変換してください")
    }
  }

  @Test func aConflictBetweenInputsIsToldInJapanese() throws {
    func input(_ file: String, actual: Double) -> LoadedRecords {
      let value = KPIValue(
        fiscalYear: 2021, target: 10, actual: actual, source: ValueSource(actual: "KPI!E21"))
      let kpi = KPI(name: "観光客数", values: [value])
      return LoadedRecords(
        file: file, document: RecordsDocument(projects: [Project(name: "観光", kpis: [kpi])]))
    }
    let merged = RecordsMerger().merge([input("a.xlsx", actual: 12), input("b.xlsx", actual: 15)])
    let conflict = try #require(merged.diagnostics.first)
    #expect(
      conflict.message(in: .japanese)
        == "事業 \"観光\"、KPI \"観光客数\"、2021年度: a.xlsx（目標値 10、実績値 12、セル KPI!E21）と"
        + "b.xlsx（目標値 10、実績値 15、セル KPI!E21）で値が異なります。"
        + "どちらかを直すか、--prefer-later を指定してください")
  }

  @Test func aDiagnosticsPlaceIsInJapanese() {
    let diagnostic = Diagnostic(
      .warning, .qualifier, arguments: ["text": "約8,000人", "qualifier": "約", "value": "8000"],
      file: "a.xlsx", sheet: "KPI", cell: "D12")
    #expect(
      DiagnosticText.line(diagnostic, language: .japanese)
        == "a.xlsx: シート \"KPI\"、セル D12: 警告: 「約8,000人」には「約」が付いています。数値 8000 として読みました")
    #expect(
      DiagnosticText.line(diagnostic, language: .english).hasPrefix(
        "a.xlsx: sheet \"KPI\", cell D12: warning: "))
  }
}
