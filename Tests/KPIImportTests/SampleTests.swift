import CellAddress
import Foundation
import KPIModel
import Testing
import XLSXReader

@testable import KPIImport

/// The package root, for samples/ and fixtures.
let packageRoot: URL = {
  var url = URL(fileURLWithPath: #filePath)
  while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
    url.deleteLastPathComponent()
  }
  return url
}()

/// Imports `path` and compares the records with the expected JSON beside it, printing the
/// two as JSON when they differ so the difference is readable.
func expectRecords(
  workbook path: URL, expected expectedPath: URL, sourceLocation: SourceLocation = #_sourceLocation
) throws -> ImportResult {
  let workbook = try XLSXWorkbook(path: path.path, displayName: path.lastPathComponent)
  let result = try KPIImporter().read(workbook)
  let expected = try RecordsJSON.decode(Data(contentsOf: expectedPath))
  if result.document != expected {
    let ours = RecordsJSON.encodeToString(result.document).split(separator: "\n")
    let theirs = RecordsJSON.encodeToString(expected).split(separator: "\n")
    let firstDifference = zip(ours, theirs).enumerated().first { $0.element.0 != $0.element.1 }
    Issue.record(
      "records differ at line \(firstDifference?.offset ?? min(ours.count, theirs.count)): ours \(firstDifference?.element.0 ?? "end") — expected \(firstDifference?.element.1 ?? "end")",
      sourceLocation: sourceLocation)
  }
  return result
}

@Suite struct SampleTests {
  @Test(arguments: [
    ("sanyo-onoda", Layout.block), ("dept-flat", .flatList), ("dept-wide", .wideTable),
  ])
  func samplesReadToTheirExpectedRecords(name: String, layout: Layout) throws {
    let samples = packageRoot.appendingPathComponent("samples")
    let result = try expectRecords(
      workbook: samples.appendingPathComponent("\(name).xlsx"),
      expected: samples.appendingPathComponent("\(name).expected.json"))
    #expect(result.layout == layout)
    #expect(!result.hasErrors, "\(result.diagnostics)")
  }

  @Test func theSeedSampleFindsFiveTablesAndTheMunicipality() throws {
    let path = packageRoot.appendingPathComponent("samples/sanyo-onoda.xlsx").path
    let result = try KPIImporter().read(XLSXWorkbook(path: path))
    #expect(
      result.tables.map(\.range.description) == [
        "B12:I17", "B22:I27", "B32:I37", "B44:C47", "B52:C55",
      ])
    #expect(result.document.municipality?.code == "352161")
    #expect(
      result.document.projects.map(\.scope) == [.single, .single, .single, .wideArea, .wideArea])
    // ④ and ⑤ show no KPIs: kept, each with a KPI未設定 warning at its heading.
    #expect(result.diagnostics.map(\.code) == [.kpiNotSet, .kpiNotSet])
    #expect(result.diagnostics.map(\.cell) == ["B41", "B49"])
  }

  @Test func warningsPointAtCells() throws {
    let path = packageRoot.appendingPathComponent("samples/dept-flat.xlsx").path
    let result = try KPIImporter().read(XLSXWorkbook(path: path, displayName: "dept-flat.xlsx"))
    let warning = try #require(result.diagnostics.first { $0.code == .actualWithoutTarget })
    #expect(warning.sheet == "KPI実績一覧")
    #expect(warning.cell == "E17")
    #expect(warning.severity == .warning)
  }
}

/// Differently drawn sheets of each layout, from Scripts/make-layout-fixtures.py (openpyxl,
/// XlsxWriter, LibreOffice), each with the records its own data says it holds.
@Suite struct LayoutFixtureTests {
  static let folder = packageRoot.appendingPathComponent("Tests/KPIImportTests/Fixtures")

  @Test(arguments: [
    ("a-shifted", Layout.block), ("a-absolute-years", .block), ("a-numeric", .block),
    ("a-furigana", .block), ("a-libreoffice", .block), ("a-two-sheets", .block),
    ("a-percent-text", .block), ("c-reordered", .flatList), ("c-blank-project", .flatList),
    ("c-1904", .flatList), ("c-note-inside", .flatList), ("d-combined-headers", .wideTable),
    ("d-relative-years", .wideTable),
    ("e-per-sheet", .perSheet), ("b-national-form", .nationalForm),
    ("c-year-columns", .flatList), ("d-measure-time-columns", .wideTable),
    ("d-total-rows", .wideTable), ("b-kpis-side-by-side", .nationalForm),
    ("d-tables-side-by-side", .wideTable), ("d-decorated-headers", .wideTable),
    ("d-grade-rows", .wideTable),
  ])
  func readsToItsExpectedRecords(name: String, layout: Layout) throws {
    let result = try expectRecords(
      workbook: Self.folder.appendingPathComponent("\(name).xlsx"),
      expected: Self.folder.appendingPathComponent("\(name).expected.json"))
    #expect(result.layout == layout)
    #expect(!result.hasErrors, "\(result.diagnostics.filter { $0.severity == .error })")
  }
}

/// Sheets with bad values: every problem found, at the cell a person would look at.
@Suite struct ProblemFixtureTests {
  struct Problem: Decodable, Hashable {
    var severity: String
    var code: String
    var sheet: String
    var cell: String
  }

  @Test(arguments: [
    "problems-flat", "problems-data-checks", "problems-kpi-names", "problems-kpi-names-rows",
    "problems-silent",
  ])
  func everyProblemIsNamedAtItsCell(name: String) throws {
    let folder = LayoutFixtureTests.folder
    let workbook = try XLSXWorkbook(path: folder.appendingPathComponent("\(name).xlsx").path)
    let result = try KPIImporter().read(workbook)
    let expected = try JSONDecoder().decode(
      [Problem].self,
      from: Data(contentsOf: folder.appendingPathComponent("\(name).expected-problems.json")))
    let found = result.diagnostics.map {
      Problem(
        severity: $0.severity.rawValue, code: $0.code.rawValue, sheet: $0.sheet ?? "",
        cell: $0.cell ?? "")
    }
    #expect(Set(found) == Set(expected))
    #expect(found.count == expected.count)
    #expect(result.hasErrors == expected.contains { $0.severity == "error" })
  }
}

/// Figures a table holds that no reader takes are named with their value and why; notes
/// inside a table do not end it, and a note mark keeps its value.
@Suite struct UnreadFigureTests {
  static func read(_ name: String) throws -> ImportResult {
    let path = LayoutFixtureTests.folder.appendingPathComponent("\(name).xlsx").path
    return try KPIImporter().read(try XLSXWorkbook(path: path))
  }

  @Test func eachUnreadFigureNamesItsValueAndWhy() throws {
    let result = try Self.read("problems-silent")
    let unread = result.diagnostics.filter { $0.code == .valueNotRead }
    let byCell = Dictionary(
      unread.map { ("\($0.sheet ?? "")!\($0.cell ?? "")", $0.message(in: .english)) },
      uniquingKeysWith: { first, _ in first })
    #expect(byCell["一覧!F5"]?.hasPrefix("5 ") == true)
    #expect(byCell["一覧!F5"]?.contains("no header") == true)
    #expect(byCell["一覧!I5"]?.contains("right of the table's last header") == true)
    #expect(byCell["一覧!E13"]?.contains("note in B12") == true)
    #expect(byCell["推移!F9"]?.contains("令和5年度速報") == true)
    #expect(byCell["推移!D11"]?.contains("目標") == true)
    let japanese = unread.first { $0.cell == "I5" }?.message(in: .japanese) ?? ""
    #expect(japanese.contains("99") && japanese.contains("見出しより右"))
  }

  @Test func rowsAfterANoteInsideTheTableAreRead() throws {
    let result = try Self.read("problems-silent")
    let sources = result.document.projects.flatMap(\.kpis).flatMap(\.values)
      .compactMap { $0.source?.actual }
    // After the ※ note of each table: a flat list's row, a measure row, a cost table's row.
    #expect(sources.contains("一覧!G8"))
    #expect(sources.contains("推移!D9"))
    #expect(sources.contains("事業費!F7"))
    // A ※ note typed as a KPI name never becomes a KPI.
    #expect(!result.document.projects.flatMap(\.kpis).contains { $0.name.hasPrefix("※") })
    // The note mark keeps the value: 1150※ is 1150, with no unit of its own.
    let tourists = result.document.projects.flatMap(\.kpis).first { $0.name == "観光客数" }
    #expect(tourists?.values.compactMap(\.actual) == [1100, 1150])
  }
}

/// A KPI number typed into the name column is named at its cell, and its values go to no
/// other KPI.
@Suite struct NumericKPINameTests {
  @Test func aNumberAsKPINameIsAnErrorAndItsValuesStayOut() throws {
    let path = LayoutFixtureTests.folder.appendingPathComponent("problems-kpi-names.xlsx").path
    let result = try KPIImporter().read(try XLSXWorkbook(path: path))
    let markers = result.diagnostics.filter { $0.code == .kpiNameIsMarker }
    #expect(markers.map(\.cell) == ["C6", "C7"])
    #expect(markers.allSatisfy { $0.severity == .error })
    #expect(markers.first?.message(in: .english).contains("\"12\"") == true)
    let kpis = result.document.projects.flatMap(\.kpis)
    #expect(kpis.map(\.name) == ["観光客数"])
    #expect(kpis.first?.values.compactMap(\.actual) == [1100])
  }

  @Test func aNumberAsKPINameInMeasureRowsKeepsItsValuesFromTheKPIAbove() throws {
    let path = LayoutFixtureTests.folder.appendingPathComponent("problems-kpi-names-rows.xlsx")
      .path
    let result = try KPIImporter().read(try XLSXWorkbook(path: path))
    #expect(result.diagnostics.filter { $0.code == .kpiNameIsMarker }.map(\.cell) == ["C7"])
    let kpis = result.document.projects.flatMap(\.kpis)
    #expect(kpis.map(\.name) == ["観光客数"])
    #expect(kpis.first?.values.compactMap(\.target) == [1000, 1200])
    #expect(kpis.first?.values.compactMap(\.actual) == [1100, 1150])
  }
}

/// Mapping files read a table the user describes, with the same rules as detection.
@Suite struct MappingTests {
  func mapping(_ yaml: String) throws -> MappingFile {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "mapping-\(UUID().uuidString).yaml")
    try yaml.write(to: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: path) }
    return try MappingFile.load(path: path.path)
  }

  @Test func aWideMappingReadsTheWideSample() throws {
    let file = try mapping(
      """
      sheet: 地域再生計画KPI
      layout: wide
      header-row: 5
      last-row: 10
      columns: {project: B, kpi: C, unit: D, baseline: E}
      years:
        - {year: 令和3年度, target: F, actual: G}
        - {year: 令和4年度, target: I, actual: J}
        - {year: 令和5年度, target: L, actual: M}
      """)
    let path = packageRoot.appendingPathComponent("samples/dept-wide.xlsx").path
    let result = try KPIImporter(mapping: file).read(XLSXWorkbook(path: path))
    #expect(result.layout == .mapping)
    let detected = try KPIImporter().read(XLSXWorkbook(path: path)).document
    // The mapping reads no cost columns; everything else is what detection reads.
    var withoutCosts = detected
    for index in withoutCosts.projects.indices {
      withoutCosts.projects[index].years = withoutCosts.projects[index].years.map {
        ProjectYear(fiscalYear: $0.fiscalYear, activities: $0.activities)
      }
    }
    #expect(result.document == withoutCosts)
  }

  /// A year listed 2,000 times: the records are those of the year listed once, and the
  /// warnings are the first 100 and one line counting the rest.
  @Test func aYearListedThousandsOfTimesGivesOneLineForTheRest() throws {
    let head = """
      sheet: 地域再生計画KPI
      layout: wide
      header-row: 5
      last-row: 10
      columns: {project: B, kpi: C, unit: D, baseline: E}
      years:

      """
    let entry = "  - {year: 令和3年度, target: F, actual: G}\n"
    let path = packageRoot.appendingPathComponent("samples/dept-wide.xlsx").path
    let once = try KPIImporter(mapping: mapping(head + entry)).read(XLSXWorkbook(path: path))
    let many = try KPIImporter(mapping: mapping(head + String(repeating: entry, count: 2_000)))
      .read(XLSXWorkbook(path: path))
    #expect(many.document == once.document)
    let kpis = once.document.projects.flatMap(\.kpis).count
    #expect(kpis > 0)
    let repeated = many.diagnostics.filter { $0.code == .repeatedValue }
    #expect(repeated.count == 100)
    let rest = many.diagnostics.filter { $0.code == .moreOfTheSame }
    #expect(rest.count == 1)
    #expect(rest.first?.problemCount == kpis * 1_999 - 100)
    #expect(rest.first?.message(in: .english).contains("(repeated-value)") == true)
  }

  @Test(arguments: [
    ("layout: flat\nheader-row: 1\ncolumns: {kpi: C}", "a flat layout needs columns year"),
    ("layout: wide\nheader-row: 1\ncolumns: {kpi: C}", "a wide layout needs a years list"),
    (
      "layout: flat\nheader-row: 1\ncolumns: {kpi: 3C, year: D, target: E}",
      "is not a column letter"
    ),
    (
      "layout: flat\nheader-row: 0\ncolumns: {kpi: C, year: D, target: E}",
      "header-row must be 1 or more"
    ),
    ("layout: odd\nheader-row: 1\ncolumns: {kpi: C}", "layout"),
    ("header-row: 1", "layout"),
  ])
  func badMappingsSayWhatIsWrong(yaml: String, phrase: String) throws {
    #expect {
      _ = try mapping(yaml)
    } throws: { error in
      "\(error)".contains(phrase)
    }
  }
}

/// Rows that add up the rows above them are no KPI and no project, and are said to be left out.
@Suite struct TotalRowTests {
  @Test func totalsAreLeftOutWithAWarningAtTheirLabel() throws {
    let path = LayoutFixtureTests.folder.appendingPathComponent("d-total-rows.xlsx").path
    let result = try KPIImporter().read(try XLSXWorkbook(path: path))
    let notRead = result.diagnostics.filter { $0.code == .rowNotRead }
    #expect(notRead.map(\.cell) == ["C6", "B8"])
    #expect(notRead.allSatisfy { $0.severity == .warning })
    #expect(notRead.first?.message(in: .japanese).contains("合計") == true)
    let names = result.document.projects.flatMap { [$0.name] + $0.kpis.map(\.name) }
    #expect(!names.contains { TotalLabel.isTotal($0) })
  }

  @Test(arguments: ["合計", "合　計", "計", "小計", "総計", "累計（人）"])
  func totalLabelsAreTotals(text: String) {
    #expect(TotalLabel.isTotal(text))
  }

  @Test(arguments: ["計画策定数", "合計特殊出生率", "観光客数"])
  func namesAreNotTotals(text: String) {
    #expect(!TotalLabel.isTotal(text))
  }
}

/// A 評価 row inside a project's merged cell (a rating of the project, not a KPI's row) is no
/// KPI: only a KPI's own merged cell keeps a labelled row in its table.
@Suite struct RatingRowTests {
  @Test func aRatingRowUnderAProjectMergeIsNoKPI() throws {
    let path = LayoutFixtureTests.folder.appendingPathComponent("d-total-rows.xlsx").path
    let workbook = try XLSXWorkbook(path: path)
    let label = try #require(CellReference("C6"))
    let rating = try #require(CellReference("D6"))
    let grids = try workbook.sheets.filter { $0.kind == .worksheet }.map { sheet in
      let grid = try SheetGrid(workbook: workbook, sheet: sheet)
      // Row 6 (計, inside 観光振興事業's merge B4:B6) becomes 評価 | A with no figures.
      var cells = PerturbationTests.cellsOf(grid).filter { $0.reference.row != label.row }
      cells.append(Cell(reference: label, value: .string("評価")))
      cells.append(Cell(reference: rating, value: .string("A")))
      return SheetGrid(sheet: grid.sheet, cells: cells, merges: grid.merges)
    }
    let result = try KPIImporter().read(grids: grids, fileName: "fixture.xlsx")
    // Neither a KPI named 評価 nor the next project lost behind the rating row.
    let names = result.document.projects.flatMap { $0.kpis.map(\.name) }
    #expect(names == ["観光客数", "宿泊者数", "移住者数"])
  }
}
