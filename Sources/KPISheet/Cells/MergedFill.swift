import CellAddress
import XLSXReader

/// Fills every cell of each merged range with its top-left cell's value, as rows stream by.
///
/// The top-left cell of a range always comes first in row order, so one pass suffices:
/// remember it when its row passes, then add copies to the rows the range covers, including
/// rows the sheet does not store at all. Memory grows with the merges, not the sheet.
struct MergedFill {
  private let merges: [CellRange]
  private var nextMerge = 0
  /// Merges whose rows are not all emitted yet, with their top-left cell once seen.
  private var active: [(range: CellRange, topLeft: Cell?)] = []
  private var nextRow = 0

  /// Prepares the fill of `merges` of `sheet`, refusing one that would make more cells than
  /// a sheet may hold (`ReaderLimits.cellsPerSheet`): the cells filled are the merged
  /// areas, which a few bytes can make span the whole grid. Repeated ranges count once.
  ///
  /// The areas bound the work as well as the output: each row is filled from the merges
  /// covering it, so the time spent is in proportion to the cells filled.
  init(merges: [CellRange], of sheet: SheetInfo, in workbook: XLSXWorkbook) throws {
    let distinct = Array(Set(merges))
    let limit = workbook.limits.cellsPerSheet
    var cells = 0
    for range in distinct {
      cells = min(cells + range.rowCount * range.columnCount, Int.max / 2)
    }
    if cells > limit,
      let widest = distinct.max(by: { $0.rowCount * $0.columnCount < $1.rowCount * $1.columnCount })
    {
      throw XLSXError(
        .limitExceeded(.cellsPerSheet), file: workbook.fileName, sheet: sheet.name,
        cell: widest.description,
        detail:
          "filling the merged ranges would make \(cells) cells, more than the \(limit) a sheet may hold",
        japanese: "結合範囲を埋めるとセルが \(cells) 個になり、1 シートの上限 \(limit) 個を超えます")
    }
    self.merges = distinct.sorted { ($0.first, $0.last) < ($1.first, $1.last) }
  }

  /// The rows to emit for one stored row: first any rows between the previous stored row and
  /// this one that merges cover, then this row with its merged cells filled.
  mutating func rows(for row: Row) -> [Row] {
    var output = fillRows(upTo: row.index)
    activate(upTo: row.index)
    for index in active.indices where active[index].range.first.row == row.index {
      let anchor = active[index].range.first
      active[index].topLeft = row.cells.first { $0.reference == anchor }
    }
    output.append(filled(row))
    nextRow = row.index + 1
    return output
  }

  /// The rows after the last stored row that merges still cover.
  mutating func finish() -> [Row] {
    let last = active.map(\.range.last.row).max() ?? -1
    return fillRows(upTo: last + 1)
  }

  private mutating func activate(upTo rowIndex: Int) {
    while nextMerge < merges.count && merges[nextMerge].first.row <= rowIndex {
      active.append((merges[nextMerge], nil))
      nextMerge += 1
    }
  }

  private mutating func fillRows(upTo end: Int) -> [Row] {
    var output: [Row] = []
    while nextRow < end {
      active.removeAll { $0.range.last.row < nextRow }
      if active.isEmpty {
        // Skip straight to the next stored row (or the next merge's first row).
        nextRow = end
        break
      }
      let row = filled(Row(index: nextRow, cells: []))
      if !row.cells.isEmpty { output.append(row) }
      nextRow += 1
    }
    return output
  }

  private mutating func filled(_ row: Row) -> Row {
    active.removeAll { $0.range.last.row < row.index }
    var byColumn: [Int: Cell] = [:]
    for cell in row.cells { byColumn[cell.reference.column] = cell }
    var touched = false
    for (range, topLeft) in active where range.first.row <= row.index {
      guard let topLeft else { continue }
      for column in range.first.column...range.last.column {
        var copy = topLeft
        copy.reference = CellReference(row: row.index, column: column)
        byColumn[column] = copy
        touched = true
      }
    }
    guard touched else { return row }
    return Row(index: row.index, cells: byColumn.keys.sorted().compactMap { byColumn[$0] })
  }
}
