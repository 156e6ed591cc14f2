import CellAddress
import KPIModel
import XLSXReader

/// One sheet held in memory for layout detection: its cells by position and its merges.
///
/// Departmental sheets are small (hundreds of cells); detection needs to look around a cell
/// (left, right, above, below, through merges), which streaming cannot give.
public struct SheetGrid: Sendable {
  public let sheet: SheetInfo
  public private(set) var cells: [CellReference: Cell] = [:]
  public let merges: [CellRange]
  /// For each covered cell of a merge other than its top-left, the merge's index.
  private var coveredBy: [CellReference: Int] = [:]
  /// Row indexes that hold at least one cell, ascending.
  public private(set) var rows: [Int] = []
  /// The cells of each row, left to right.
  private var rowCells: [Int: [Cell]] = [:]
  public private(set) var lastRow = -1
  public private(set) var lastColumn = -1

  /// The most cells of a merge indexed cell by cell; a larger merge (a whole-row banner)
  /// is still found through `merge(containing:)`, only more slowly.
  private static let maxIndexedMergeCells = 4096

  /// The most cells a sheet may hold to be held in memory for detection: a KPI sheet has
  /// hundreds; a million-cell data dump is refused here rather than exhausting memory.
  public static let maxCells = 1_000_000

  /// Reads `sheet` of `workbook` into memory.
  public init(workbook: XLSXWorkbook, sheet: SheetInfo) throws {
    var cells: [Cell] = []
    let limit = min(workbook.limits.cellsPerSheet, Self.maxCells)
    let scan = try workbook.forEachRow(in: sheet) { row in
      cells.append(contentsOf: row.cells)
      if cells.count > limit {
        throw XLSXError(
          .limitExceeded(.cellsPerSheet), file: workbook.fileName, sheet: sheet.name,
          detail: "the sheet has more than \(limit) cells, too many for a KPI sheet",
          japanese: "シートのセルが \(limit) 個を超えていて、KPI のシートとしては多すぎます")
      }
    }
    // Merges cost memory too: a range each, and an index entry per covered cell.
    let mergeCost = scan.merges.reduce(0) { total, merge in
      let size = merge.rowCount * merge.columnCount
      return total + (size <= Self.maxIndexedMergeCells ? size : 1)
    }
    if cells.count + mergeCost > limit {
      throw XLSXError(
        .limitExceeded(.cellsPerSheet), file: workbook.fileName, sheet: sheet.name,
        detail:
          "the sheet's cells and merged cells number more than \(limit), too many for a KPI sheet",
        japanese: "シートのセルと結合セルが \(limit) 個を超えていて、KPI のシートとしては多すぎます")
    }
    self.init(sheet: sheet, cells: cells, merges: scan.merges)
    formulasWithoutValue = Set(scan.formulasWithoutValue)
  }

  /// Formula cells with no saved result (the reader gives them no value).
  public private(set) var formulasWithoutValue: Set<CellReference> = []

  /// A grid from cells and merges (for tests and mapping files).
  public init(sheet: SheetInfo, cells: [Cell], merges: [CellRange]) {
    self.sheet = sheet
    self.merges = merges
    self.cells.reserveCapacity(cells.count)
    for cell in cells {
      self.cells[cell.reference] = cell
      rowCells[cell.reference.row, default: []].append(cell)
      lastRow = max(lastRow, cell.reference.row)
      lastColumn = max(lastColumn, cell.reference.column)
    }
    rows = rowCells.keys.sorted()
    for (index, merge) in merges.enumerated()
    where merge.rowCount * merge.columnCount <= Self.maxIndexedMergeCells {
      for row in merge.first.row...merge.last.row {
        for column in merge.first.column...merge.last.column {
          let reference = CellReference(row: row, column: column)
          if reference != merge.first { coveredBy[reference] = index }
        }
      }
    }
  }

  /// The cell stored at `reference`, ignoring merges.
  public func storedCell(at reference: CellReference) -> Cell? { cells[reference] }

  /// The cell a person sees at `reference`: inside a merged range, its top-left cell.
  public func cell(at reference: CellReference) -> Cell? {
    if let stored = cells[reference] { return stored }
    guard let merge = merge(containing: reference) else { return nil }
    return cells[merge.first]
  }

  public func cell(row: Int, column: Int) -> Cell? {
    cell(at: CellReference(row: row, column: column))
  }

  /// The merged range that holds `reference`, if any.
  public func merge(containing reference: CellReference) -> CellRange? {
    if let index = coveredBy[reference] { return merges[index] }
    return merges.first { $0.contains(reference) }
  }

  /// The cells stored in a row, left to right.
  public func cells(inRow row: Int) -> [Cell] { rowCells[row] ?? [] }

  /// The text a cell shows, for labels: strings as they are, numbers without noise.
  public func text(row: Int, column: Int) -> String? {
    cell(row: row, column: column).flatMap(Self.text)
  }

  public static func text(_ cell: Cell) -> String? {
    switch cell.value {
    case .string(let text): return text
    case .number(let number):
      return number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : "\(number)"
    case .boolean(let flag): return flag ? "TRUE" : "FALSE"
    case .date(let date): return date.description
    case .error(let text): return text
    }
  }

  /// `Sheet!A1`, the form records use for a value's source.
  public func source(_ reference: CellReference) -> String { "\(sheet.name)!\(reference)" }
}

extension SheetGrid {
  /// The project heading nearest the bottom of `rows`: a numbered name (「①　…事業」) or a
  /// name with its period (「…事業（令和２年度～令和４年度）」), as written, with its cell.
  func projectHeading(in rows: Range<Int>, columns: ClosedRange<Int>? = nil) -> (
    text: String, cell: CellReference
  )? {
    for row in self.rows.reversed() where rows.contains(row) {
      for cell in cells(inRow: row) where columns?.contains(cell.reference.column) ?? true {
        guard case .string(let text) = cell.value, let heading = ProjectHeading.parse(text) else {
          continue
        }
        if heading.no != nil || heading.period != nil { return (text, cell.reference) }
      }
    }
    return nil
  }
}
