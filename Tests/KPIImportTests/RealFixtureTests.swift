import Foundation
import KPIImport
import KPIModel
import Testing
import XLSXReader

/// Tables rebuilt from what municipalities published (Scripts/make-real-fixtures.py, which
/// writes each workbook and its expected records from the source's figures, never from
/// kpisheet's output). Each reads to its expected records, sources aside.
@Suite struct RealFixtureTests {
  static let folder = packageRoot.appendingPathComponent("Tests/KPIImportTests/Fixtures/real")

  static let names: [String] = {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return files.filter { $0.hasSuffix(".xlsx") }.map { String($0.dropLast(5)) }.sorted()
  }()

  /// Fixtures whose drawing the table reader does not read right yet, each with what stops
  /// it; a known issue that starts passing fails the test, so this list only shrinks.
  static let notYetRead: [String: String] = [:]

  /// Fixtures whose sheet states no fiscal year anywhere (the published table has none): read
  /// with `--fiscal-year`, as a user must; without it they stop with an error at the table.
  static let fiscalYearOption: [String: Int] = [
    "makkari-senkogata-kensho": 2015, "yabu-senkogata-hyoka": 2015,
  ]

  @Test func thereAreAtLeastFifteen() {
    #expect(Self.names.count >= 15)
  }

  @Test(arguments: names)
  func readsToItsExpectedRecords(name: String) throws {
    let workbook = try XLSXWorkbook(
      path: Self.folder.appendingPathComponent("\(name).xlsx").path,
      displayName: "\(name).xlsx")
    let expected = try RecordsJSON.decode(
      Data(contentsOf: Self.folder.appendingPathComponent("\(name).expected.json")))
    let check = {
      let result = try KPIImporter(fiscalYear: Self.fiscalYearOption[name]).read(workbook)
      #expect(!result.hasErrors, "\(result.diagnostics)")
      #expect(Self.withoutSources(result.document) == expected)
    }
    if let reason = Self.notYetRead[name] {
      withKnownIssue(Comment(rawValue: reason)) { try check() }
    } else {
      try check()
    }
  }

  /// A sheet that gives no fiscal year anywhere is not read into a guessed one: without
  /// `--fiscal-year` the reader stops with an error naming the table and its value header.
  @Test func aTableWithoutAnyYearIsAnErrorAtItsPlace() throws {
    let workbook = try XLSXWorkbook(
      path: Self.folder.appendingPathComponent("makkari-senkogata-kensho.xlsx").path,
      displayName: "makkari-senkogata-kensho.xlsx")
    let result = try KPIImporter().read(workbook)
    let errors = result.diagnostics.filter { $0.severity == .error }
    #expect(errors.map(\.code) == [.tableYearUnknown])
    #expect(errors.first?.sheet == "効果検証結果")
    #expect(errors.first?.cell == "G4")
    #expect(errors.first?.arguments["range"] == "B3:H9")
  }

  /// 目標値 24年度 takes the era of the plan period above the table, saying so at each header;
  /// with no era anywhere on the sheet the years are an error at their headers, not a guess.
  @Test func yearsWithoutAnEraNeedOneOnTheSheet() throws {
    let workbook = try XLSXWorkbook(
      path: Self.folder.appendingPathComponent("kumano-kihon-keikaku-suchi-mokuhyo.xlsx").path,
      displayName: "kumano.xlsx")
    let grids = try workbook.sheets.filter { $0.kind == .worksheet }.map {
      try SheetGrid(workbook: workbook, sheet: $0)
    }
    let read = try KPIImporter().read(grids: grids, fileName: "kumano.xlsx")
    let assumed = read.diagnostics.filter { $0.code == .eraAssumed }
    #expect(assumed.map(\.cell) == ["H4", "I4"])
    #expect(assumed.allSatisfy { $0.severity == .warning && $0.arguments["source"] == "B2" })

    // The same sheet without the line naming the plan period (平成20年度～平成29年度).
    let withoutEra = grids.map { grid in
      SheetGrid(
        sheet: grid.sheet,
        cells: PerturbationTests.cellsOf(grid).filter { $0.reference.description != "B2" },
        merges: grid.merges)
    }
    let unread = try KPIImporter().read(grids: withoutEra, fileName: "kumano.xlsx")
    let errors = unread.diagnostics.filter { $0.severity == .error }
    #expect(errors.filter { $0.code == .unknownYear }.map(\.cell) == ["H4", "I4"])
    #expect(unread.document.projects.flatMap(\.kpis).flatMap(\.values).isEmpty)
  }

  static func withoutSources(_ document: RecordsDocument) -> RecordsDocument {
    var document = document
    for p in document.projects.indices {
      for k in document.projects[p].kpis.indices {
        for v in document.projects[p].kpis[k].values.indices {
          document.projects[p].kpis[k].values[v].source = nil
        }
      }
    }
    return document
  }
}
