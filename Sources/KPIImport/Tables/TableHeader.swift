import CellAddress
import KPIModel
import XLSXReader

/// One column of a table's header: its cells top to bottom and what they make it.
struct HeaderColumn: Sendable {
  var column: Int
  /// The header texts over the column, top to bottom, a merged cell once.
  var path: [(text: String, cell: CellReference)]
  var role: ColumnRole?

  /// The lowest header cell: where `validate --explain` points.
  var cell: CellReference { path.last?.cell ?? CellReference(row: 0, column: column) }
  var texts: [String] { path.map(\.text) }
}

/// A table's header: one to three rows, each column resolved to a header path and a role.
struct TableHeader: Sendable {
  var rows: ClosedRange<Int>
  var columns: [HeaderColumn]

  /// The header found on the rows `rows`, over every column holding a header cell.
  init(rows: ClosedRange<Int>, grid: SheetGrid) {
    self.rows = rows
    var columnSet = Set<Int>()
    for row in rows {
      for cell in grid.cells(inRow: row) where CellReading.text(cell) != nil {
        let span = grid.merge(containing: cell.reference).map { $0.first.column...$0.last.column }
        for column in span ?? cell.reference.column...cell.reference.column {
          columnSet.insert(column)
        }
      }
      // A header merged down from above still heads the columns it covers.
    }
    columns = columnSet.sorted().map { column in
      var path: [(text: String, cell: CellReference)] = []
      var anchors: [CellReference] = []
      for row in rows {
        let reference = CellReference(row: row, column: column)
        let anchor = grid.merge(containing: reference)?.first ?? reference
        guard !anchors.contains(anchor), let text = CellReading.text(grid.cell(at: anchor)) else {
          continue
        }
        anchors.append(anchor)
        path.append((text, anchor))
      }
      return HeaderColumn(column: column, path: path, role: ColumnRoleReader.role(of: path))
    }
  }

  /// The first column read as `field`.
  func column(_ field: HeaderField) -> HeaderColumn? {
    columns.first { $0.role == .field(field) }
  }

  func columns(_ field: HeaderField) -> [HeaderColumn] {
    columns.filter { $0.role == .field(field) }
  }

  var valueColumns: [HeaderColumn] {
    columns.filter { if case .value = $0.role { return true } else { return false } }
  }

  var yearColumns: [HeaderColumn] {
    columns.filter { if case .year = $0.role { return true } else { return false } }
  }

  /// The columns whose headers were read as something (a header the vocabulary lacks, such
  /// as 備考 at the table's edge, does not widen the table).
  var span: ClosedRange<Int> {
    let read = columns.filter { $0.role != nil }
    let used = read.isEmpty ? columns : read
    return (used.first?.column ?? 0)...(used.last?.column ?? 0)
  }
}

/// Whether a cell's text reads as a header: a field word, a year label, a combined
/// year-and-measure header, or 達成率 (derived, never read, but a header: the report's
/// 効果検証 has it in its second header row).
enum HeaderCellKind {
  static func isHeader(_ text: String) -> Bool {
    HeaderField.match(text) != nil || HeaderText.key(text) == "達成率"
      || ColumnRoleReader.combined(text) != nil
      || ColumnRoleReader.headerYear(text, at: CellReference(row: 0, column: 0)) != nil
  }

  /// A header naming what makes a KPI table: a KPI, a project, a measure or a year.
  static func isAnchor(_ text: String) -> Bool {
    switch HeaderField.match(text) {
    case .kpi, .projectName, .target, .actual, .finalTarget, .baseline: return true
    default:
      return ColumnRoleReader.combined(text) != nil
        || ColumnRoleReader.headerYear(text, at: CellReference(row: 0, column: 0)) != nil
    }
  }
}
