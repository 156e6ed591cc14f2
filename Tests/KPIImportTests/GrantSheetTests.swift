import CellAddress
import Foundation
import KPIImport
import KPIModel
import Testing
import XLSXReader

/// The grant's own sheets (round 3 A) drawn a little differently from their fixtures: the
/// unit note under 実績額 written as a bare （円）, and the option legend printed where no
/// choice was made. Each must read to the fixture's records, and the legend must be reported.
@Suite struct GrantSheetTests {
  static let fixture = "minamikyushu-senkogata-kouka-kensho"

  static func grids(editing edits: [String: String]) throws -> [SheetGrid] {
    let workbook = try XLSXWorkbook(
      path: RealFixtureTests.folder.appendingPathComponent("\(fixture).xlsx").path,
      displayName: "\(fixture).xlsx")
    return try workbook.sheets.filter { $0.kind == .worksheet }.map { sheet in
      let grid = try SheetGrid(workbook: workbook, sheet: sheet)
      var cells = PerturbationTests.cellsOf(grid).filter { edits["\($0.reference)"] == nil }
      for (reference, text) in edits {
        guard let at = CellReference(reference) else { continue }
        cells.append(Cell(reference: at, value: .string(text)))
      }
      return SheetGrid(sheet: grid.sheet, cells: cells, merges: grid.merges)
    }
  }

  static func expected() throws -> RecordsDocument {
    try RecordsJSON.decode(
      Data(
        contentsOf: RealFixtureTests.folder.appendingPathComponent("\(fixture).expected.json")))
  }

  @Test func aBareBracketedUnitUnderTheCostHeaderIsItsUnit() throws {
    let result = try KPIImporter().read(
      grids: Self.grids(editing: ["D5": "（円）"]), fileName: "fixture.xlsx")
    #expect(!result.hasErrors, "\(result.diagnostics)")
    #expect(RealFixtureTests.withoutSources(result.document) == (try Self.expected()))
  }

  @Test func anOptionLegendIsNoChoiceAndIsReported() throws {
    let result = try KPIImporter().read(grids: Self.grids(editing: [:]), fileName: "fixture.xlsx")
    #expect(result.document.projects.first?.evaluation == nil)
    let reported = Set(
      result.diagnostics.filter { [.unknownEffect, .unknownPolicy].contains($0.code) }
        .compactMap(\.cell))
    #expect(reported == ["K6", "L6"])
  }

  static let refusedFolder = packageRoot.appendingPathComponent(
    "Tests/KPIImportTests/Fixtures/real-errors")

  static let refused: [String] = {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: refusedFolder.path)) ?? []
    return files.filter { $0.hasSuffix(".xlsx") }.map { String($0.dropLast(5)) }.sorted()
  }()

  /// Published tables whose cells must not be guessed (a cost with its 内訳 under it, a change
  /// written in words): each stops with exactly the errors its script expects, at those cells.
  @Test(arguments: refused)
  func aTableThatMustNotBeGuessedIsRefusedAtItsCells(name: String) throws {
    let workbook = try XLSXWorkbook(
      path: Self.refusedFolder.appendingPathComponent("\(name).xlsx").path,
      displayName: "\(name).xlsx")
    let expected = try JSONDecoder().decode(
      [String: [[String: String]]].self,
      from: Data(
        contentsOf: Self.refusedFolder.appendingPathComponent("\(name).expected-errors.json")))
    let result = try KPIImporter().read(workbook)
    let errors = Set(
      result.diagnostics.filter { $0.severity == .error }.map {
        "\($0.code.rawValue) \($0.cell ?? "-")"
      })
    let wanted = Set((expected["errors"] ?? []).map { "\($0["code"] ?? "") \($0["cell"] ?? "")" })
    #expect(!wanted.isEmpty)
    #expect(errors == wanted)
  }

  @Test func aChoiceBeforeItsPrintedLegendIsStillTheChoice() throws {
    let cell = "2.地方創生に相当程度効果があった\n（1.非常に効果的であった 2.相当程度効果があった）"
    let result = try KPIImporter().read(
      grids: Self.grids(editing: ["K6": cell]), fileName: "fixture.xlsx")
    #expect(result.document.projects.first?.evaluation?.effect == .considerablyEffective)
  }
}
