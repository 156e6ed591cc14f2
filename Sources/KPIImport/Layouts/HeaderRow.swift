import KPIModel
import XLSXReader

/// The header cells of one row: which field each names, and where.
struct HeaderRow {
  struct Entry {
    var field: HeaderField
    var column: Int
    var header: HeaderText
    /// The columns the header spans (more than one when merged across).
    var columns: ClosedRange<Int>
  }

  let row: Int
  let entries: [Entry]

  /// Reads the header cells stored in `row` (text cells only: a number is never a header).
  init(row: Int, grid: SheetGrid) {
    self.row = row
    var entries: [Entry] = []
    for cell in grid.cells(inRow: row) {
      guard case .string(let text) = cell.value, let field = HeaderField.match(text) else {
        continue
      }
      let span = grid.merge(containing: cell.reference).map { $0.first.column...$0.last.column }
      entries.append(
        Entry(
          field: field, column: cell.reference.column, header: HeaderText(text),
          columns: span ?? cell.reference.column...cell.reference.column))
    }
    self.entries = entries
  }

  /// The first column naming `field`.
  func column(_ field: HeaderField) -> Int? { entries.first { $0.field == field }?.column }

  func entry(_ field: HeaderField) -> Entry? { entries.first { $0.field == field } }

  func has(_ field: HeaderField) -> Bool { entries.contains { $0.field == field } }

  /// Every column naming `field`, left to right.
  func columns(_ field: HeaderField) -> [Int] { entries.filter { $0.field == field }.map(\.column) }
}

extension SheetGrid {
  /// The first rows of the sheet, where header rows are looked for (a title, a date and a
  /// municipality block can come first, but a table's header is never far down).
  var headerSearchRows: ArraySlice<Int> { rows.prefix(200) }

  /// True when nothing is stored in `row` between `columns` (inclusive).
  func isBlank(row: Int, columns: ClosedRange<Int>) -> Bool {
    !cells(inRow: row).contains {
      columns.contains($0.reference.column) && CellReading.text($0) != nil
    }
  }
}
