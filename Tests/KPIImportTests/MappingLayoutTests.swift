import Foundation
import KPIImport
import KPIModel
import Testing
import XLSXReader

/// Mapping files for tables the detector cannot read: measures as rows and forms, and errors
/// that name the unknown key and the line.
@Suite struct MappingLayoutTests {
  let real = packageRoot.appendingPathComponent("Tests/KPIImportTests/Fixtures/real")

  func read(_ name: String, with yaml: String) throws -> ImportResult {
    let file = try MappingTests().mapping(yaml)
    let workbook = try XLSXWorkbook(path: real.appendingPathComponent("\(name).xlsx").path)
    return try KPIImporter(mapping: file).read(workbook)
  }

  func expected(_ name: String) throws -> RecordsDocument {
    try RecordsJSON.decode(Data(contentsOf: real.appendingPathComponent("\(name).expected.json")))
  }

  @Test func aRowsMappingReadsMeasuresAsRows() throws {
    let result = try read(
      "aya-kpi-hyoka",
      with: """
        layout: rows
        header-row: 4
        last-row: 6
        columns: {project: C, kpi: D, measure: E}
        years:
          - {year: H27, column: F}
          - {year: H28, column: G}
          - {year: H29, column: H}
          - {year: H30, column: I}
          - {year: H31, column: J}
        """)
    #expect(result.layout == .mapping)
    #expect(!result.hasErrors, "\(result.diagnostics)")
    var expected = try expected("aya-kpi-hyoka")
    // The mapping names no department column.
    expected.projects[0].department = nil
    #expect(RealFixtureTests.withoutSources(result.document) == expected)
  }

  @Test func aFormMappingReadsTheCellsItNames() throws {
    let result = try read(
      "tsukuba-jisseki-hyoka",
      with: """
        layout: form
        cells: {project: C3}
        kpis:
          - {name: B10, target: C10, unit: D10, due: E10, actual: F10}
        """)
    #expect(!result.hasErrors, "\(result.diagnostics)")
    let project = try #require(result.document.projects.first)
    let expected = try #require(try expected("tsukuba-jisseki-hyoka").projects.first)
    #expect(project.name == expected.name)
    #expect(RealFixtureTests.withoutSources(result.document).projects[0].kpis == expected.kpis)
  }

  @Test(arguments: [
    (
      "layout: flat\nheader-row: 1\ncolums: {kpi: C}",
      "line 3: unknown key colums; did you mean columns?"
    ),
    (
      "layout: flat\nheader-row: 1\ncolumns: {kpi: C, yaer: D, target: E}",
      "line 3: unknown key yaer; did you mean year?"
    ),
    ("layout: flat\nheader-row: five\ncolumns: {kpi: C}", "line 2: "),
    (
      "layout: rows\nheader-row: 1\ncolumns: {kpi: C, measure: D}\nyears: [{year: R3}]",
      "a rows layout needs a years list, each with its column"
    ),
    ("layout: form\nkpis: [{name: B5}]", "a form needs cells.project"),
    ("layout: form\ncells: {project: C3}\nkpis: [{name: 5B}]", "\"5B\" is not a cell reference"),
  ])
  func badMappingsNameTheKeyAndLine(yaml: String, message: String) throws {
    #expect {
      _ = try MappingTests().mapping(yaml)
    } throws: { error in
      (error as? MappingError)?.description.contains(": mapping file: \(message)") == true
    }
  }

  @Test func anUnknownKeyIsNamedInJapanese() throws {
    #expect {
      _ = try MappingTests().mapping("layout: flat\nheader-row: 1\ncolums: {kpi: C}")
    } throws: { error in
      (error as? MappingError)?.description(in: .japanese).hasSuffix(
        ": マッピング ファイル: 3 行目: 不明なキー colums があります（columns のことですか？）") == true
    }
  }
}

extension MappingLayoutTests {
  /// A mapping one column off (target and actual swapped against the headers) reads what it
  /// says, with a warning at each header it contradicts.
  @Test func aMappingThatContradictsItsHeadersWarns() throws {
    let file = try MappingTests().mapping(
      """
      sheet: KPI実績一覧
      layout: flat
      header-row: 4
      columns: {project: B, year: C, kpi: D, actual: F, target: E, unit: G}
      """)
    let path = packageRoot.appendingPathComponent("samples/dept-flat.xlsx").path
    let result = try KPIImporter(mapping: file).read(XLSXWorkbook(path: path))
    let warnings = result.diagnostics.filter { $0.code == .mappingContradictsHeader }
    #expect(warnings.map(\.cell) == ["E4", "F4"])
    #expect(warnings.allSatisfy { $0.severity == .warning })
  }

  @Test func aMappingThatAgreesWithItsHeadersDoesNotWarn() throws {
    let file = try MappingTests().mapping(
      """
      sheet: KPI実績一覧
      layout: flat
      header-row: 4
      columns: {project: B, year: C, kpi: D, actual: E, target: F, unit: G}
      """)
    let path = packageRoot.appendingPathComponent("samples/dept-flat.xlsx").path
    let result = try KPIImporter(mapping: file).read(XLSXWorkbook(path: path))
    #expect(!result.diagnostics.contains { $0.code == .mappingContradictsHeader })
  }
}
