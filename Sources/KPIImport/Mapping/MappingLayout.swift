import CellAddress
import KPIModel
import XLSXReader

/// Reads a sheet as a mapping file describes it: the same values, units and checks as the
/// detected layouts, at the columns the user named.
struct MappingLayout: LayoutReader {
  let layout = Layout.mapping
  let mapping: MappingFile

  func read(_ grid: SheetGrid, log: DiagnosticLog) -> SheetImport? {
    let sheet = grid.sheet.name
    let headerRow = mapping.headerRow - 1
    let lastRow = mapping.lastRow.map { $0 - 1 } ?? grid.lastRow
    let column = { (letters: String?) in letters.flatMap(MappingFile.column) }
    guard let kpiColumn = column(mapping.columns.kpi) else { return nil }
    let projectColumn = column(mapping.columns.project)
    let unitColumn = column(mapping.columns.unit)
    let baselineColumn = column(mapping.columns.baseline)
    let period = mapping.period.flatMap(FiscalPeriod.parse)
    var projects = ProjectAccumulator()
    var usedColumns = [kpiColumn]
    for row in grid.rows where row > headerRow && row <= lastRow {
      let kpiReference = CellReference(row: row, column: kpiColumn)
      guard let kpiText = CellReading.text(grid.cell(at: kpiReference)) else { continue }
      if let projectColumn, let name = CellReading.text(grid.cell(row: row, column: projectColumn))
      {
        projects.begin(named: name, at: CellReference(row: row, column: projectColumn))
      } else if !projects.hasCurrent {
        projects.begin(named: mapping.project ?? sheet, at: nil)
      }
      if let period { projects.update { $0.period = $0.period ?? period } }
      let name = TextNormalizer.compact(kpiText)
      var yearCells:
        [(fiscalYear: Int, target: CellReference?, actual: CellReference?, due: String?)] = []
      switch mapping.layout {
      case .flat:
        guard let yearColumn = column(mapping.columns.year) else { continue }
        let reference = CellReference(row: row, column: yearColumn)
        guard
          let year = resolveYear(
            grid.cell(at: reference), at: reference, period: projects.currentPeriod, sheet: sheet,
            log: log)
        else { continue }
        let due = column(mapping.columns.due).flatMap {
          CellReading.text(grid.cell(row: row, column: $0))
        }
        yearCells.append(
          (
            year, column(mapping.columns.target).map { CellReference(row: row, column: $0) },
            column(mapping.columns.actual).map { CellReference(row: row, column: $0) }, due
          ))
      case .wide:
        for entry in mapping.years ?? [] {
          guard
            let year = FiscalYearLabel.parse(entry.year)?.resolve(
              periodStart: projects.currentPeriod?.start)
          else {
            log.add(
              .error, .relativeYearWithoutPeriod, ["text": entry.year], sheet: sheet, cell: nil)
            continue
          }
          yearCells.append(
            (
              year, column(entry.target).map { CellReference(row: row, column: $0) },
              column(entry.actual).map { CellReference(row: row, column: $0) }, nil
            ))
        }
      }
      for cells in yearCells {
        projects.addYear(cells.fiscalYear)
        usedColumns += [cells.target?.column, cells.actual?.column].compactMap { $0 }
      }
      projects.withKPI(named: name, at: kpiReference) { kpi in
        if let unitColumn {
          kpi.declareUnit(
            CellReading.text(grid.cell(row: row, column: unitColumn)),
            at: CellReference(row: row, column: unitColumn))
        }
        if let baselineColumn {
          kpi.baseline = kpi.read(
            CellReference(row: row, column: baselineColumn), in: grid, log: log)
        }
        for cells in yearCells {
          kpi.add(
            fiscalYear: cells.fiscalYear, target: cells.target, actual: cells.actual,
            due: cells.due,
            in: grid, log: log)
        }
      }
    }
    guard !projects.isEmpty else { return nil }
    return SheetImport(
      projects: projects.build(sheet: sheet, log: log),
      tables: [
        DetectedTable(
          layout: layout, sheet: sheet, rows: headerRow...max(headerRow, lastRow),
          columns: usedColumns)
      ])
  }
}
