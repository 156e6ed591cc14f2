import CellAddress
import KPIModel
import XLSXReader

/// Layout D: one row per KPI, year columns (令和3年度 / R3 / 1年目 …) each with 目標 and 実績
/// sub-columns under a merged year header, or single headers like 「R3目標」「R3実績」;
/// perhaps a 事業開始前 baseline first, a 累計 column last (not a year), and a 事業費
/// sub-column per year.
struct WideTableLayout: LayoutReader {
  let layout = Layout.wideTable

  /// The columns of one year.
  private struct YearColumns {
    var label: FiscalYearLabel
    var labelText: String
    var labelCell: CellReference
    var target: Int?
    var actual: Int?
    var cost: (column: Int, unit: String?)?
  }

  func read(_ grid: SheetGrid, log: DiagnosticLog) -> SheetImport? {
    for row in grid.headerSearchRows {
      let header = HeaderRow(row: row, grid: grid)
      guard let kpiColumn = header.column(.kpi), !header.has(.fiscalYear) else { continue }
      let years = yearColumns(headerRow: row, after: kpiColumn, grid: grid)
      guard !years.years.isEmpty,
        years.years.contains(where: { $0.target != nil || $0.actual != nil })
      else { continue }
      return readTable(
        grid, header: header, kpiColumn: kpiColumn, years: years.years, firstDataRow: years.dataRow,
        log: log)
    }
    return nil
  }

  /// The year columns right of the KPI column: merged year headers with sub-headers on the
  /// next row, or combined headers such as 「R3目標」.
  private func yearColumns(headerRow row: Int, after kpiColumn: Int, grid: SheetGrid)
    -> (years: [YearColumns], dataRow: Int)
  {
    var years: [YearColumns] = []
    var usesSubHeaders = false
    for cell in grid.cells(inRow: row) where cell.reference.column > kpiColumn {
      // A header of its own (事業開始前（令和３年度末）, 累計) is not a year column, even when
      // its note names a year.
      guard let text = CellReading.text(cell), HeaderField.match(text) == nil else { continue }
      if let label = CellReading.yearLabel(cell), case .due = label {
        continue
      } else if let label = CellReading.yearLabel(cell) {
        let span =
          grid.merge(containing: cell.reference).map { $0.first.column...$0.last.column }
          ?? cell.reference.column...cell.reference.column
        var year = YearColumns(label: label, labelText: text, labelCell: cell.reference)
        for column in span {
          guard let subText = grid.text(row: row + 1, column: column) else { continue }
          let subHeader = HeaderText(subText)
          switch HeaderField.match(subText) {
          case .target: year.target = year.target ?? column
          case .actual: year.actual = year.actual ?? column
          case .cost: year.cost = year.cost ?? (column, subHeader.moneyUnit)
          default: break
          }
        }
        usesSubHeaders = true
        years.append(year)
      } else if let (label, field) = Self.combinedHeader(text) {
        let column = cell.reference.column
        if let index = years.firstIndex(where: { $0.label == label }) {
          if field == .target { years[index].target = column } else { years[index].actual = column }
        } else {
          var year = YearColumns(label: label, labelText: text, labelCell: cell.reference)
          if field == .target { year.target = column } else { year.actual = column }
          years.append(year)
        }
      }
    }
    years.removeAll { $0.target == nil && $0.actual == nil }
    return (years, usesSubHeaders ? row + 2 : row + 1)
  }

  /// 「R3目標」「令和3年度実績値」: a year label followed by a target or actual word.
  static func combinedHeader(_ text: String) -> (FiscalYearLabel, HeaderField)? {
    let compact = HeaderText(text).key
    for (word, field) in [
      ("目標値", HeaderField.target), ("実績値", .actual), ("目標", .target), ("実績", .actual),
    ]
    where compact.hasSuffix(word) && compact.count > word.count {
      let prefix = String(compact.dropLast(word.count))
      if let label = FiscalYearLabel.parse(prefix) { return (label, field) }
    }
    return nil
  }

  private func readTable(
    _ grid: SheetGrid, header: HeaderRow, kpiColumn: Int, years: [YearColumns], firstDataRow: Int,
    log: DiagnosticLog
  ) -> SheetImport? {
    let sheet = grid.sheet.name
    let projectColumn = header.column(.projectName)
    let unitColumn = header.column(.unit)
    let baselineColumn = header.column(.baseline)
    let headerUnit = header.entry(.kpi)?.header.unit
    var projects = ProjectAccumulator()
    var lastRow = header.row
    var costRead: Set<String> = []
    for row in grid.rows where row >= firstDataRow {
      let kpiReference = CellReference(row: row, column: kpiColumn)
      guard let kpiText = CellReading.text(grid.cell(at: kpiReference)), !kpiText.hasPrefix("※")
      else {
        continue
      }
      if let projectColumn, let name = CellReading.text(grid.cell(row: row, column: projectColumn))
      {
        if name.hasPrefix("※") { continue }
        projects.begin(named: name, at: CellReference(row: row, column: projectColumn))
      } else if !projects.hasCurrent {
        projects.begin(named: Self.sheetProjectName(grid), at: nil)
      }
      lastRow = row
      var fiscalYears: [(YearColumns, Int)] = []
      for year in years {
        guard let fiscalYear = year.label.resolve(periodStart: projects.currentPeriod?.start) else {
          log.add(
            .error, .relativeYearWithoutPeriod, ["text": year.labelText], sheet: sheet,
            cell: year.labelCell)
          continue
        }
        fiscalYears.append((year, fiscalYear))
        projects.addYear(fiscalYear)
        if let cost = year.cost {
          // A cost cell merged down over a project's KPI rows is read once per project.
          let reference =
            grid.merge(containing: CellReference(row: row, column: cost.column))?.first
            ?? CellReference(row: row, column: cost.column)
          if costRead.insert("\(reference)").inserted {
            if let amount = KPIBuilder.amount(
              at: reference, headerUnit: cost.unit, in: grid, log: log)
            {
              projects.setCost(amount, year: fiscalYear)
            }
          }
        }
      }
      let name = TextNormalizer.compact(kpiText)
      projects.withKPI(named: name, at: kpiReference) { kpi in
        if let unitColumn {
          kpi.declareUnit(
            CellReading.text(grid.cell(row: row, column: unitColumn)),
            at: CellReference(row: row, column: unitColumn))
        }
        kpi.declareUnit(headerUnit, at: nil)
        if let baselineColumn {
          kpi.baseline = kpi.read(
            CellReference(row: row, column: baselineColumn), in: grid, log: log)
        }
        for (year, fiscalYear) in fiscalYears {
          kpi.add(
            fiscalYear: fiscalYear, target: year.target.map { CellReference(row: row, column: $0) },
            actual: year.actual.map { CellReference(row: row, column: $0) }, in: grid, log: log)
        }
      }
    }
    guard !projects.isEmpty else { return nil }
    let columns =
      header.entries.map(\.column) + years.flatMap { [$0.target, $0.actual].compactMap { $0 } }
    return SheetImport(
      projects: projects.build(sheet: sheet, log: log),
      tables: [
        DetectedTable(layout: layout, sheet: sheet, rows: header.row...lastRow, columns: columns)
      ])
  }

  /// A sheet without a 事業名 column is one project: named by a heading above the table
  /// (「①　…事業（令和２年度～令和４年度）」, numbered or with its period) or else by the sheet.
  static func sheetProjectName(_ grid: SheetGrid) -> String {
    for row in grid.rows.prefix(20) {
      for cell in grid.cells(inRow: row) {
        guard case .string(let text) = cell.value, let heading = ProjectHeading.parse(text) else {
          continue
        }
        if heading.no != nil || heading.period != nil { return text }
      }
    }
    return grid.sheet.name
  }
}
