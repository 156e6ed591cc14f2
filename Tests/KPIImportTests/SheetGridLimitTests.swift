import CellAddress
import Foundation
import KPIImport
import Testing
import XLSXReader

/// A sheet held for detection costs its cells and its merges' indexed cells: both count
/// toward the cell limit, so millions of merges on an empty sheet are refused early.
@Suite struct SheetGridLimitTests {
  private let path = packageRoot.appendingPathComponent(
    "Tests/KPIImportTests/Fixtures/a-numeric.xlsx"
  ).path

  private func grid(cellLimit: Int) throws -> SheetGrid {
    var limits = ReaderLimits()
    limits.cellsPerSheet = cellLimit
    let workbook = try XLSXWorkbook(path: path, limits: limits)
    let sheet = try #require(workbook.sheets.first { $0.kind == .worksheet })
    return try SheetGrid(workbook: workbook, sheet: sheet)
  }

  @Test func mergedCellsCountTowardTheLimit() throws {
    let whole = try grid(cellLimit: SheetGrid.maxCells)
    #expect(!whole.merges.isEmpty)
    let cost = whole.cells.count + whole.merges.reduce(0) { $0 + $1.rowCount * $1.columnCount }
    #expect(cost > whole.cells.count)
    #expect(try grid(cellLimit: cost).merges == whole.merges)
    // Room for every stored cell, but not for the merges too.
    #expect {
      try grid(cellLimit: cost - 1)
    } throws: { error in
      guard let error = error as? XLSXError else { return false }
      return error.kind == .limitExceeded(.cellsPerSheet)
        && error.description.contains("cells and merged cells number more than \(cost - 1)")
    }
  }
}
