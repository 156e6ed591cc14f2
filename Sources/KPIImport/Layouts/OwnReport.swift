import KPIModel
import XLSXReader

/// Layout F: kpisheet's own report, known by its `kpisheet` document property, read back
/// into the records it was written from.
///
/// The データ sheet (one row per project × KPI × year, its headers fixed by report.md) gives
/// the projects, KPIs and values; KPI推移 (a block layout) adds overviews and activities;
/// 効果検証 (the national form) adds evaluations, costs and the municipality.
struct OwnReport {
  static func isReport(_ workbook: XLSXWorkbook) -> Bool {
    workbook.customProperties["kpisheet"]?.hasPrefix("report-") == true
  }

  func read(_ workbook: XLSXWorkbook, log: DiagnosticLog) throws -> SheetImport? {
    guard let dataSheet = workbook.sheet(named: "データ") else { return nil }
    let dataGrid = try SheetGrid(workbook: workbook, sheet: dataSheet)
    guard var found = readData(dataGrid, log: log) else { return nil }
    // KPI推移 and 効果検証 repeat values the データ sheet already gave (and checked): their
    // readers log into throwaway logs so no problem is reported twice.
    if let sheet = workbook.sheet(named: "KPI推移"),
      let progress = BlockLayout().read(
        try SheetGrid(workbook: workbook, sheet: sheet), log: DiagnosticLog(file: log.file))
    {
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
    if let sheet = workbook.sheet(named: "効果検証") {
      let grid = try SheetGrid(workbook: workbook, sheet: sheet)
      found.municipality = MunicipalityBlock.read(grid, log: log)
      // The title row 「<grant>事業実施結果報告（令和N年度）」 names the grant.
      found.grant = GrantName.find(in: grid, above: 3)
      if let form = TableReader().read(grid, log: DiagnosticLog(file: log.file)) {
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
    return found
  }

  /// The データ sheet: its header row names every column (report.md), so columns are found
  /// by name and rows read directly.
  private func readData(_ grid: SheetGrid, log: DiagnosticLog) -> SheetImport? {
    guard let headerRow = grid.rows.first else { return nil }
    var columns: [String: Int] = [:]
    for cell in grid.cells(inRow: headerRow) {
      if let text = CellReading.text(cell) { columns[text] = cell.reference.column }
    }
    guard let nameColumn = columns["事業名"], let kpiColumn = columns["KPI名"], columns["年度"] != nil
    else { return nil }
    let sheet = grid.sheet.name
    func text(_ row: Int, _ name: String) -> String? {
      columns[name].flatMap {
        CellReading.text(grid.storedCell(at: CellReference(row: row, column: $0)))
      }
    }
    func integer(_ row: Int, _ name: String) -> Int? {
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
      let start = integer(row, "開始年度")
      let end = integer(row, "終了年度")
      let scope = text(row, "区分").flatMap {
        $0 == "広域" ? Scope.wideArea : ($0 == "単独" ? .single : nil)
      }
      let number = integer(row, "事業番号")
      projects.update { project in
        if let start, let end {
          project.period = project.period ?? FiscalPeriod(start: start, end: end)
        }
        project.scope = project.scope ?? scope
        project.no = project.no ?? number
      }
      guard let kpiName = text(row, "KPI名"), let fiscalYear = integer(row, "年度") else { continue }
      projects.addYear(fiscalYear)
      if let column = columns["事業費"],
        case .number(let cost) = grid.storedCell(at: CellReference(row: row, column: column))?.value
      {
        projects.setCost(Amount(value: cost, unit: text(row, "事業費の単位")), year: fiscalYear)
      }
      projects.withKPI(named: kpiName, at: CellReference(row: row, column: kpiColumn)) { kpi in
        kpi.declareUnit(text(row, "単位"), at: nil)
        if text(row, "指標の方向") == "減少" { kpi.direction = .decrease }
        if let column = columns["基準値"],
          case .number(let baseline) = grid.storedCell(at: CellReference(row: row, column: column))?
            .value
        {
          kpi.baseline = baseline
        }
        kpi.add(
          fiscalYear: fiscalYear,
          target: columns["目標値"].map { CellReference(row: row, column: $0) },
          actual: columns["実績値"].map { CellReference(row: row, column: $0) }, in: grid, log: log)
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
