import CellAddress
import KPIModel
import XLSXReader

/// Reads a sheet as a mapping file describes it: the same values, units and checks as the
/// detected layouts, at the columns the user named.
struct MappingLayout: LayoutReader {
  let layout = Layout.mapping
  let mapping: MappingFile

  func read(_ grid: SheetGrid, log: DiagnosticLog) -> SheetImport? {
    if mapping.layout != .form { checkHeaders(grid, log: log) }
    switch mapping.layout {
    case .form: return readForm(grid, log: log)
    case .rows: return readRows(grid, log: log)
    case .flat, .wide: return readColumns(grid, log: log)
    }
  }

  /// A column the mapping names whose header (on the header row) says another field — the
  /// mapping names 実績値's column as the target — is worth a warning: a mapping written for
  /// last year's sheet may point one column off this year.
  private func checkHeaders(_ grid: SheetGrid, log: DiagnosticLog) {
    let named: [(key: String, letters: String?, field: HeaderField)] = [
      ("project", mapping.columns.project, .projectName), ("kpi", mapping.columns.kpi, .kpi),
      ("unit", mapping.columns.unit, .unit), ("year", mapping.columns.year, .fiscalYear),
      ("target", mapping.columns.target, .target), ("actual", mapping.columns.actual, .actual),
      ("due", mapping.columns.due, .due), ("baseline", mapping.columns.baseline, .baseline),
      ("measure", mapping.columns.measure, .measure),
    ]
    let headerRow = mapping.headerRow - 1
    for (key, letters, field) in named {
      guard let letters, let column = MappingFile.column(letters) else { continue }
      let reference = CellReference(row: headerRow, column: column)
      guard let text = CellReading.text(grid.cell(at: reference)),
        let found = HeaderField.match(text), found != field
      else { continue }
      log.add(
        .warning, .mappingContradictsHeader,
        ["key": key, "column": letters, "header": HeaderLine.oneLine(text)],
        sheet: grid.sheet.name, cell: reference)
    }
  }

  private func readColumns(_ grid: SheetGrid, log: DiagnosticLog) -> SheetImport? {
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
      case .wide, .rows, .form:
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

  /// Measures as rows: per KPI a 目標値 row and a 実績値 row (the measure column says which),
  /// a column per year; a blank KPI cell is the KPI above.
  private func readRows(_ grid: SheetGrid, log: DiagnosticLog) -> SheetImport? {
    let sheet = grid.sheet.name
    let headerRow = mapping.headerRow - 1
    let lastRow = mapping.lastRow.map { $0 - 1 } ?? grid.lastRow
    let column = { (letters: String?) in letters.flatMap(MappingFile.column) }
    guard let kpiColumn = column(mapping.columns.kpi),
      let measureColumn = column(mapping.columns.measure)
    else { return nil }
    let projectColumn = column(mapping.columns.project)
    let unitColumn = column(mapping.columns.unit)
    let period = mapping.period.flatMap(FiscalPeriod.parse)
    var projects = ProjectAccumulator()
    var lastKPI: (name: String, cell: CellReference)?
    for row in grid.rows where row > headerRow && row <= lastRow {
      if let projectColumn, let name = CellReading.text(grid.cell(row: row, column: projectColumn))
      {
        let reference = CellReference(row: row, column: projectColumn)
        projects.begin(named: name, at: grid.merge(containing: reference)?.first ?? reference)
      } else if !projects.hasCurrent {
        projects.begin(named: mapping.project ?? sheet, at: nil)
      }
      if let period { projects.update { $0.period = $0.period ?? period } }
      let kpiReference = CellReference(row: row, column: kpiColumn)
      if let text = CellReading.text(grid.cell(at: kpiReference)) {
        lastKPI = (
          TextNormalizer.compact(text), grid.merge(containing: kpiReference)?.first ?? kpiReference
        )
      }
      guard let kpi = lastKPI,
        let measure = CellReading.text(grid.cell(row: row, column: measureColumn)).flatMap(
          Measure.named)
      else { continue }
      for entry in mapping.years ?? [] {
        guard let yearColumn = column(entry.column),
          let fiscalYear = FiscalYearLabel.parse(entry.year)?.resolve(
            periodStart: projects.currentPeriod?.start)
        else {
          log.add(.error, .relativeYearWithoutPeriod, ["text": entry.year], sheet: sheet, cell: nil)
          continue
        }
        projects.addYear(fiscalYear)
        projects.withKPI(named: kpi.name, at: kpi.cell) { builder in
          if let unitColumn {
            let reference = CellReference(row: row, column: unitColumn)
            builder.declareUnit(CellReading.text(grid.cell(at: reference)), at: reference)
          }
          builder.addMeasure(
            measure, fiscalYear: fiscalYear, at: CellReference(row: row, column: yearColumn),
            in: grid, log: log)
        }
      }
    }
    guard !projects.isEmpty else { return nil }
    let columns =
      [kpiColumn, measureColumn] + (mapping.years ?? []).compactMap { column($0.column) }
    return SheetImport(
      projects: projects.build(sheet: sheet, log: log),
      tables: [
        DetectedTable(
          layout: layout, sheet: sheet, rows: headerRow...max(headerRow, lastRow), columns: columns)
      ])
  }

  /// A form: the project's fields and each KPI at the cells the mapping names.
  private func readForm(_ grid: SheetGrid, log: DiagnosticLog) -> SheetImport? {
    let sheet = grid.sheet.name
    let cell = { (text: String?) in text.flatMap { CellReference($0.uppercased()) } }
    let cells = mapping.cells
    var projects = ProjectAccumulator()
    let nameCell = cell(cells?.project)
    let name = nameCell.flatMap { CellReading.text(grid.cell(at: $0)) } ?? mapping.project ?? sheet
    projects.begin(named: name, at: nameCell)
    if let period = mapping.period.flatMap(FiscalPeriod.parse) {
      projects.update { $0.period = period }
    }
    let fields: [(HeaderField, String?)] = [
      (.department, cells?.department), (.overview, cells?.overview), (.cost, cells?.cost),
      (.effect, cells?.effect), (.assessment, cells?.assessment),
      (.expertOpinion, cells?.expertOpinion), (.policy, cells?.policy),
      (.policyReason, cells?.policyReason), (.grade, cells?.grade),
    ]
    let found = fields.compactMap { field, reference -> FieldCell? in
      guard let at = cell(reference), let text = CellReading.text(grid.cell(at: at)) else {
        return nil
      }
      return FieldCell(field: field, text: text, cell: at, headerText: "")
    }
    ProjectFields.read(found, grid: grid, log: log, projects: &projects)
    let formYear = mapping.fiscalYear.flatMap {
      FiscalYearLabel.parse($0)?.resolve(periodStart: nil)
    }
    var used: [CellReference] = nameCell.map { [$0] } ?? []
    for kpi in mapping.kpis ?? [] {
      guard let nameAt = cell(kpi.name), let text = CellReading.text(grid.cell(at: nameAt)) else {
        continue
      }
      used.append(nameAt)
      let dueAt = cell(kpi.due)
      let dueCell = dueAt.flatMap { grid.cell(at: $0) }
      let dueYear = CellReading.yearLabel(dueCell)?.resolve(periodStart: nil)
      guard let fiscalYear = dueYear ?? formYear else {
        log.add(
          .error, .tableYearUnknown, ["range": "\(nameAt)"], sheet: sheet, cell: dueAt ?? nameAt)
        continue
      }
      projects.addYear(fiscalYear)
      projects.withKPI(named: TextNormalizer.compact(text), at: nameAt) { builder in
        if let unitAt = cell(kpi.unit) {
          builder.declareUnit(CellReading.text(grid.cell(at: unitAt)), at: unitAt)
        }
        builder.add(
          fiscalYear: fiscalYear, target: cell(kpi.target), actual: cell(kpi.actual),
          due: dueYear != nil ? dueCell.flatMap(CellReading.text) : nil, in: grid, log: log)
      }
    }
    let rows = used.map(\.row)
    let columns = used.map(\.column)
    return SheetImport(
      projects: projects.build(sheet: sheet, log: log),
      tables: [
        DetectedTable(
          layout: layout, sheet: sheet, rows: (rows.min() ?? 0)...(rows.max() ?? 0),
          columns: columns)
      ])
  }
}
