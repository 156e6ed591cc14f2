import CellAddress
import KPIModel
import XLSXReader

/// Layout F: kpisheet's own report, known by its `kpisheet` document property, read back
/// into the records it was written from.
///
/// The データ sheet (one row per project × KPI × year, its headers fixed by report.md) gives
/// the projects and KPIs, and the values when it is the only sheet; KPI推移 (a block layout)
/// adds overviews and activities and, in reports whose other sheets point at it, holds the
/// values (`ReportValues`); 効果検証 (the national form) adds evaluations, costs, the
/// municipality, 目標年月 and 担当部局課名.
struct OwnReport {
  static func isReport(_ workbook: XLSXWorkbook) -> Bool {
    ReportMarker.marksReport(workbook.customProperties[ReportMarker.propertyName])
  }

  func read(_ workbook: XLSXWorkbook, log: DiagnosticLog) throws -> SheetImport? {
    guard let dataSheet = workbook.sheet(named: ReportFormat.dataSheet) else { return nil }
    let dataGrid = try SheetGrid(workbook: workbook, sheet: dataSheet)
    let progressGrid = try workbook.sheet(named: ReportFormat.progressSheet).map {
      try SheetGrid(workbook: workbook, sheet: $0)
    }
    // KPI推移 and 効果検証 repeat what the データ sheet gives (and checks): their readers log
    // into throwaway logs so no problem is reported twice.
    let progress = progressGrid.flatMap {
      BlockLayout().read($0, log: DiagnosticLog(file: log.file))
    }
    // Reports of the first version hold values only: データ's are the values. Later ones
    // show KPI推移's values elsewhere through formulas.
    let linked =
      workbook.customProperties[ReportMarker.propertyName] != ReportMarker.valuesOnlyVersion
    let values = ReportValues(
      progress: linked ? progressGrid : nil, progressProjects: progress?.projects ?? [],
      data: dataGrid, log: log)
    guard var found = readData(dataGrid, values: values, log: log) else { return nil }
    var evaluationGrid: SheetGrid?
    if let progress {
      for index in found.projects.indices {
        guard let match = progress.projects.first(where: { $0.name == found.projects[index].name })
        else { continue }
        found.projects[index].overview = match.overview
        for year in match.years where !year.activities.isEmpty {
          if let yearIndex = found.projects[index].years.firstIndex(where: {
            $0.fiscalYear == year.fiscalYear
          }) {
            found.projects[index].years[yearIndex].activities = year.activities
          } else {
            found.projects[index].years.append(year)
          }
        }
        found.projects[index].years.sort { $0.fiscalYear < $1.fiscalYear }
      }
      found.tables += progress.tables
    }
    if let sheet = workbook.sheet(named: ReportFormat.evaluationSheet) {
      let grid = try SheetGrid(workbook: workbook, sheet: sheet)
      evaluationGrid = grid
      found.municipality = MunicipalityBlock.read(grid, log: log)
      // The title row 「<grant>事業実施結果報告（令和N年度）」 names the grant.
      found.grant = GrantName.find(in: grid, above: 3)
      let form = TableReader().read(grid, log: DiagnosticLog(file: log.file))
      // 連絡先 sits in the header block beside 担当部局課名, above the form's table.
      let tableRow = form?.tables.map(\.range.first.row).min() ?? Int.max
      if let contact = MunicipalityBlock.contact(in: grid, above: tableRow) {
        var municipality = found.municipality ?? Municipality()
        municipality.contact = contact
        found.municipality = municipality
      }
      if let form {
        for index in found.projects.indices {
          guard let match = form.projects.first(where: { $0.name == found.projects[index].name })
          else { continue }
          found.projects[index].evaluation = match.evaluation
          found.projects[index].grantType = found.projects[index].grantType ?? match.grantType
          for year in match.years {
            guard let cost = year.cost else { continue }
            if let yearIndex = found.projects[index].years.firstIndex(where: {
              $0.fiscalYear == year.fiscalYear
            }) {
              found.projects[index].years[yearIndex].cost = cost
            } else {
              found.projects[index].years.append(
                ProjectYear(fiscalYear: year.fiscalYear, cost: cost))
              found.projects[index].years.sort { $0.fiscalYear < $1.fiscalYear }
            }
          }
        }
        found.tables += form.tables
      }
    }
    if linked {
      values.applyEdits(to: &found.projects, evaluation: evaluationGrid)
    }
    return found
  }

  /// The データ sheet: its header row names every column (report.md), so columns are found
  /// by name and rows read directly.
  private func readData(_ grid: SheetGrid, values: ReportValues, log: DiagnosticLog)
    -> SheetImport?
  {
    guard let headerRow = grid.rows.first else { return nil }
    var byHeader: [String: Int] = [:]
    for cell in grid.cells(inRow: headerRow) {
      if let text = CellReading.text(cell) { byHeader[text] = cell.reference.column }
    }
    let columns = DataColumns(byHeader)
    guard let nameColumn = columns[.projectName], let kpiColumn = columns[.kpiName],
      columns[.fiscalYear] != nil
    else { return nil }
    let sheet = grid.sheet.name
    func text(_ row: Int, _ name: DataColumn) -> String? {
      columns[name].flatMap {
        CellReading.text(grid.storedCell(at: CellReference(row: row, column: $0)))
      }
    }
    func integer(_ row: Int, _ name: DataColumn) -> Int? {
      guard let column = columns[name],
        case .number(let number) = grid.storedCell(at: CellReference(row: row, column: column))?
          .value
      else { return nil }
      return Int(exactly: number)
    }
    var projects = ProjectAccumulator()
    var lastRow = headerRow
    for row in grid.rows where row > headerRow {
      guard
        let name = CellReading.text(
          grid.storedCell(at: CellReference(row: row, column: nameColumn)))
      else {
        continue
      }
      lastRow = row
      projects.begin(named: name, at: CellReference(row: row, column: nameColumn))
      let start = integer(row, .periodStart)
      let end = integer(row, .periodEnd)
      let scope = text(row, .scope).flatMap { Scope(reportLabel: $0) }
      let number = integer(row, .projectNo)
      projects.update { project in
        if let start, let end {
          project.period = project.period ?? FiscalPeriod(start: start, end: end)
        }
        project.scope = project.scope ?? scope
        project.no = project.no ?? number
      }
      guard let kpiName = text(row, .kpiName), let fiscalYear = integer(row, .fiscalYear) else {
        continue
      }
      projects.addYear(fiscalYear)

      if let column = columns[.cost],
        case .number(let cost) = grid.storedCell(at: CellReference(row: row, column: column))?.value
      {
        projects.setCost(Amount(value: cost, unit: text(row, .costUnit)), year: fiscalYear)
      }
      projects.withKPI(named: kpiName, at: CellReference(row: row, column: kpiColumn)) { kpi in
        kpi.declareUnit(text(row, .unit), at: nil)
        if text(row, .direction) == Direction.decrease.japaneseLabel { kpi.direction = .decrease }
        if let column = columns[.baseline],
          case .number(let baseline) = grid.storedCell(at: CellReference(row: row, column: column))?
            .value
        {
          kpi.baseline = baseline
        }
        let target = columns[.target].map { CellReference(row: row, column: $0) }
        let actual = columns[.actual].map { CellReference(row: row, column: $0) }
        // The value cells KPI推移 holds, when the report shows them there; else データ's.
        if let cells = values.progressCells(
          project: name, kpi: kpiName, fiscalYear: fiscalYear, target: target, actual: actual)
        {
          kpi.add(
            fiscalYear: fiscalYear, target: cells.target, actual: cells.actual, in: cells.grid,
            log: log)
        } else {
          kpi.add(fiscalYear: fiscalYear, target: target, actual: actual, in: grid, log: log)
        }
      }
    }
    guard !projects.isEmpty else { return nil }
    return SheetImport(
      projects: projects.build(sheet: sheet, log: log),
      tables: [
        DetectedTable(
          layout: .ownReport, sheet: sheet, rows: headerRow...lastRow,
          columns: [0, grid.lastColumn])
      ])
  }
}

/// The データ sheet's columns where its header row puts them: found by header text, so a
/// report whose columns were moved or partly deleted still reads.
private struct DataColumns {
  private let byHeader: [String: Int]

  init(_ byHeader: [String: Int]) { self.byHeader = byHeader }

  subscript(_ column: DataColumn) -> Int? { byHeader[column.header] }
}
