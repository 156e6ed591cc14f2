import CellAddress
import KPIModel
import XLSXReader

/// The municipality facts a sheet shows: 都道府県名 / 市町村名 / 地方公共団体コード labels with
/// the value beside (or below) them.
enum MunicipalityBlock {
  static func read(_ grid: SheetGrid, log: DiagnosticLog) -> Municipality? {
    var municipality = Municipality()
    var found = false
    for row in grid.headerSearchRows {
      for cell in grid.cells(inRow: row) {
        guard case .string(let text) = cell.value, let field = HeaderField.match(text),
          [.prefecture, .municipality, .code].contains(field),
          let (value, reference) = valueBeside(cell.reference, in: grid)
        else { continue }
        switch field {
        case .prefecture where municipality.prefecture == nil: municipality.prefecture = value
        case .municipality where municipality.name == nil: municipality.name = value
        case .code where municipality.code == nil:
          municipality.code = code(value, at: reference, sheet: grid.sheet.name, log: log)
        default: continue
        }
        found = true
      }
    }
    return found ? municipality : nil
  }

  /// The first text right of a label (past its own merge), or else directly below it.
  private static func valueBeside(_ label: CellReference, in grid: SheetGrid) -> (
    String, CellReference
  )? {
    let labelEnd = grid.merge(containing: label)?.last.column ?? label.column
    if let cell = grid.cells(inRow: label.row).first(where: {
      $0.reference.column > labelEnd && $0.reference.column <= labelEnd + 4
    }), let text = CellReading.text(cell), HeaderField.match(text) == nil {
      return (TextNormalizer.compact(text), cell.reference)
    }
    // Below the label's own merge (a label merged down over two rows has its value under both).
    let labelBottom = grid.merge(containing: label)?.last.row ?? label.row
    let below = CellReference(row: labelBottom + 1, column: label.column)
    if let text = CellReading.text(grid.storedCell(at: below)), HeaderField.match(text) == nil {
      return (TextNormalizer.compact(text), below)
    }
    return nil
  }

  private static func code(
    _ text: String, at reference: CellReference, sheet: String, log: DiagnosticLog
  )
    -> String?
  {
    guard let code = LocalGovernmentCode(text) else {
      log.add(.warning, .badCode, ["text": text], sheet: sheet, cell: reference)
      return nil
    }
    if let diagnostic = code.diagnostic { log.add(diagnostic, sheet: sheet, cell: reference) }
    return code.written
  }
}
