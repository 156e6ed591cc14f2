import CellAddress
import KPIModel
import XLSXReader

/// Layout C: one row per project × KPI × year under one header row
/// (事業名 | KPI | 単位 | 年度 | 目標値 | 実績値, in any column order).
///
/// A blank or merged project cell means "same as above"; title rows above and notes below
/// are skipped.
struct FlatListLayout: LayoutReader {
  let layout = Layout.flatList

  func read(_ grid: SheetGrid, log: DiagnosticLog) -> SheetImport? {
    guard
      let header = grid.headerSearchRows.lazy.map({ HeaderRow(row: $0, grid: grid) }).first(where: {
        $0.has(.kpi) && ($0.has(.fiscalYear) || $0.has(.due))
          && ($0.has(.target) || $0.has(.actual))
      }),
      let kpiColumn = header.column(.kpi),
      // Without a 年度 column, each row's 目標年月 gives its fiscal year.
      let yearColumn = header.column(.fiscalYear) ?? header.column(.due)
    else { return nil }
    let projectColumn = header.column(.projectName)
    let unitColumn = header.column(.unit)
    let targetHeader = header.entry(.target)
    let actualHeader = header.entry(.actual)
    let dueColumn = header.column(.due)
    let costEntry = header.entry(.cost)
    let sheet = grid.sheet.name

    var projects = ProjectAccumulator()
    var lastRow = header.row
    for row in grid.rows where row > header.row {
      let kpiCell = grid.cell(row: row, column: kpiColumn)
      guard let kpiText = CellReading.text(kpiCell) else { continue }
      let projectText = projectColumn.flatMap { CellReading.text(grid.cell(row: row, column: $0)) }
      if projectText?.hasPrefix("※") == true || kpiText.hasPrefix("※") { continue }
      if let projectText {
        projects.begin(named: projectText, at: CellReference(row: row, column: projectColumn ?? 0))
      } else if !projects.hasCurrent {
        projects.begin(named: grid.sheet.name, at: nil)
      }
      lastRow = row
      let yearReference = CellReference(row: row, column: yearColumn)
      guard
        let fiscalYear = resolveYear(
          grid.cell(at: yearReference), at: yearReference, period: projects.currentPeriod,
          sheet: sheet, log: log)
      else { continue }
      projects.addYear(fiscalYear)
      if let costEntry {
        let reference = CellReference(row: row, column: costEntry.column)
        if let cost = KPIBuilder.amount(
          at: reference, headerUnit: costEntry.header.moneyUnit, in: grid, log: log)
        {
          projects.setCost(cost, year: fiscalYear)
        }
      }
      let name = TextNormalizer.compact(kpiText)
      projects.withKPI(
        named: name, at: kpiCell?.reference ?? CellReference(row: row, column: kpiColumn)
      ) { kpi in
        if let unitColumn {
          kpi.declareUnit(
            CellReading.text(grid.cell(row: row, column: unitColumn)),
            at: CellReference(row: row, column: unitColumn))
        }
        kpi.declareUnit(targetHeader?.header.unit ?? actualHeader?.header.unit, at: nil)
        let due = dueColumn.flatMap { CellReading.text(grid.cell(row: row, column: $0)) }
        kpi.add(
          fiscalYear: fiscalYear,
          target: targetHeader.map { CellReference(row: row, column: $0.column) },
          actual: actualHeader.map { CellReference(row: row, column: $0.column) }, due: due,
          in: grid, log: log)
      }
    }
    guard !projects.isEmpty else { return nil }
    return SheetImport(
      projects: projects.build(sheet: sheet, log: log),
      tables: [
        DetectedTable(
          layout: layout, sheet: sheet, rows: header.row...lastRow,
          columns: header.entries.map(\.column))
      ])
  }
}

/// Turns a year label cell into a fiscal year, or logs why it cannot.
func resolveYear(
  _ cell: Cell?, at reference: CellReference, period: FiscalPeriod?, sheet: String,
  log: DiagnosticLog
) -> Int? {
  let text = cell.flatMap(CellReading.text) ?? ""
  guard let label = CellReading.yearLabel(cell) else {
    log.add(.error, .unknownYear, ["text": text], sheet: sheet, cell: reference)
    return nil
  }
  guard let year = label.resolve(periodStart: period?.start) else {
    log.add(.error, .relativeYearWithoutPeriod, ["text": text], sheet: sheet, cell: reference)
    return nil
  }
  return year
}
