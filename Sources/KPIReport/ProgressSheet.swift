import CellAddress
import KPIModel
import XLSXWriter

/// Sheet 2, KPI推移: the multi-year progress of every project, like the seed document
/// (report.md §2), laid out so the block-layout reader (layout A) reads it back.
///
/// Column A holds labels (section, 事業概要, 年度 and the year labels), column B the activities,
/// then three columns per KPI (目標値 | 実績値 | 達成率). Per project: a heading row
/// 「①　name（令和2年度～令和4年度）」 merged across; a row 「事業概要」 | overview (merged); a
/// header of three rows (「年度」 and 「事業概要」 merged down; 「重要業績評価指標（KPI）」 merged
/// over the KPI columns; each KPI's name merged over its three columns; 目標値 | 実績値 | 達成率),
/// or of one row (「年度」 | 「事業概要」) without KPIs; one row per fiscal year; a blank row.
/// Charts sit right of the widest table.
struct ProgressSheet {
  let facts: ReportFacts

  static let labelColumn = 0
  static let activitiesColumn = 1
  static let firstKPIColumn = 2
  static let labelWidth = 20.0
  static let activitiesWidth = 40.0
  static let kpiWidths = [12.0, 12.0, 8.0]
  /// A chart's width in pixels, and the range of its height.
  static let chartWidth = 315.0
  static let chartHeights = 220.0...330.0
  /// Default-width columns (64 pixels each) a chart takes across, with a little gap.
  static let chartColumns = 5

  /// Excel's last column, zero-based (XFD).
  static let maxColumn = 16_383

  /// The last column a project's table and charts take: its KPIs' columns, then a chart per
  /// KPI right of the widest table.
  static func lastColumn(kpis: Int, charts: Int) -> Int {
    let table = activitiesColumn + 3 * kpis
    return charts == 0 ? table : table + 2 + chartColumns * (charts - 1)
  }

  /// The most KPIs a project may have for its table and charts to fit the sheet.
  static let maxKPIs = (maxColumn - activitiesColumn - 2 + chartColumns) / (3 + chartColumns)

  /// The widest table's last column.
  private var lastTableColumn: Int {
    let most = facts.document.projects.map(\.kpis.count).max() ?? 0
    return Self.activitiesColumn + 3 * most
  }

  private func width(of column: Int) -> Double {
    switch column {
    case Self.labelColumn: return Self.labelWidth
    case Self.activitiesColumn: return Self.activitiesWidth
    default: return Self.kpiWidths[(column - Self.firstKPIColumn) % 3]
    }
  }

  private func width(of columns: ClosedRange<Int>) -> Double {
    columns.reduce(0) { $0 + width(of: $1) }
  }

  func write(into sheet: Worksheet, of workbook: XLSXDocument) throws {
    let last = lastTableColumn
    for column in 0...last {
      try sheet.setColumnWidth(width(of: column), columns: column...column)
    }
    var heights = RowHeights()
    let municipality = facts.municipality.name.map { $0 + "　" } ?? ""
    try sheet.write(
      "\(municipality)\(facts.grant)対象事業の進捗及び重要業績評価指標（KPI）の推移",
      at: CellReference(row: 0, column: 0), format: ReportStyle.text(size: 14, bold: true))
    heights.need(26, row: 0)
    var row = 2
    var charts: [(kpi: KPI, rows: ClosedRange<Int>, target: Int, top: Int)] = []
    var blocks: [(top: Int, bottom: Int, charts: [Int])] = []
    let sections: [(String, [Int])] = [
      (
        "●単独で実施する事業",
        facts.document.projects.indices.filter { facts.document.projects[$0].scope != .wideArea }
      ),
      (
        "●広域で実施する事業",
        facts.document.projects.indices.filter { facts.document.projects[$0].scope == .wideArea }
      ),
    ]
    for (title, indices) in sections where !indices.isEmpty {
      try sheet.write(
        title, at: CellReference(row: row, column: 0),
        format: ReportStyle.text(size: 12, bold: true))
      heights.need(22, row: row)
      row += 2
      for index in indices {
        let top = row
        let written = try writeProject(index, at: row, sheet: sheet, heights: &heights)
        var blockCharts: [Int] = []
        for chart in written.charts {
          blockCharts.append(charts.count)
          charts.append((chart.kpi, chart.rows, chart.target, top))
        }
        blocks.append((top, written.next - 1, blockCharts))
        row = written.next + 1
      }
    }
    try heights.apply(to: sheet)
    // Resolved once for all blocks: resolving sorts every row's height.
    let resolved = Dictionary(
      heights.resolved().map { ($0.row, $0.height) }, uniquingKeysWith: { first, _ in first })
    // Charts right of the widest table, side by side from the project's heading row, as tall
    // as the project's rows (within limits) so that each sits beside its own project.
    let chartColumn = last + 2
    for block in blocks where !block.charts.isEmpty {
      let pixels = (block.top...block.bottom).reduce(0.0) {
        $0 + (resolved[$1] ?? TextMetrics.rowHeight) * 4 / 3
      }
      let height = min(Self.chartHeights.upperBound, max(Self.chartHeights.lowerBound, pixels - 8))
      for (position, chartIndex) in block.charts.enumerated() {
        let chart = charts[chartIndex]
        try insertChart(
          for: chart.kpi, rows: chart.rows, targetColumn: chart.target,
          at: CellReference(row: block.top, column: chartColumn + position * Self.chartColumns),
          size: (Self.chartWidth, height), sheet: sheet, workbook: workbook)
      }
    }
    // Printed: the tables only, so that they print at a readable size on A4 (the charts,
    // right of them, would shrink a one-page-wide printout to about half).
    try sheet.setPrintArea(
      CellRange(firstRow: 0, firstColumn: 0, lastRow: max(row - 1, 0), lastColumn: last))
    try ReportStyle.setUpPrinting(sheet, municipality: facts.municipality.name)
  }

  /// Writes one project's block from `row`; returns the row after its last year and the
  /// charts it wants (KPIs with values, their year rows and target column).
  private func writeProject(
    _ index: Int, at startRow: Int, sheet: Worksheet, heights: inout RowHeights
  ) throws -> (next: Int, charts: [(kpi: KPI, rows: ClosedRange<Int>, target: Int)]) {
    let project = facts.document.projects[index]
    let last = max(lastTableColumn, Self.activitiesColumn)
    var row = startRow
    // Heading: ①　name（令和2年度～令和4年度）.
    var heading = ReportText.circled(facts.number(of: index)) + "　" + project.name
    if let period = project.period { heading += "（\(ReportText.period(period))）" }
    try sheet.merge(
      CellRange(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: last),
      value: .string(heading), format: ReportStyle.text(size: 11, bold: true, wrap: true))
    heights.need(TextMetrics.height(heading, columnWidth: width(of: 0...last)) + 4, row: row)
    row += 1

    // 事業概要 | overview.
    try sheet.write("事業概要", at: CellReference(row: row, column: 0), format: ReportStyle.label)
    let overview = project.overview ?? ""
    try sheet.merge(
      CellRange(firstRow: row, firstColumn: 1, lastRow: row, lastColumn: last),
      value: overview.isEmpty ? .blank : .string(overview), format: ReportStyle.cell)
    heights.need(TextMetrics.height(overview, columnWidth: width(of: 1...last)), row: row)
    row += 1

    // The table's header.
    let kpis = project.kpis
    let headerRows = kpis.isEmpty ? 1 : 3
    for (column, text) in [(Self.labelColumn, "年度"), (Self.activitiesColumn, "事業概要")] {
      if headerRows > 1 {
        try sheet.merge(
          CellRange(
            firstRow: row, firstColumn: column, lastRow: row + headerRows - 1, lastColumn: column),
          value: .string(text), format: ReportStyle.header)
      } else {
        try sheet.write(
          text, at: CellReference(row: row, column: column), format: ReportStyle.header)
      }
    }
    if !kpis.isEmpty {
      let kpiLast = Self.firstKPIColumn + 3 * kpis.count - 1
      try sheet.merge(
        CellRange(
          firstRow: row, firstColumn: Self.firstKPIColumn, lastRow: row, lastColumn: kpiLast),
        value: .string(EvaluationSheet.kpiBanner), format: ReportStyle.header)
      heights.need(TextMetrics.rowHeight + 2, row: row)
      for (offset, kpi) in kpis.enumerated() {
        let first = Self.firstKPIColumn + 3 * offset
        try sheet.merge(
          CellRange(firstRow: row + 1, firstColumn: first, lastRow: row + 1, lastColumn: first + 2),
          value: .string(kpi.name), format: ReportStyle.header)
        heights.need(
          TextMetrics.height(kpi.name, columnWidth: width(of: first...(first + 2))), row: row + 1)
        for (column, text) in zip(first...(first + 2), ["目標値", "実績値", "達成率"]) {
          try sheet.write(
            text, at: CellReference(row: row + 2, column: column), format: ReportStyle.header)
        }
      }
    }
    row += headerRows

    // One row per fiscal year.
    let years = Self.fiscalYears(of: project)
    let firstYearRow = row
    let yearsByNumber = Dictionary(
      project.years.map { ($0.fiscalYear, $0) }, uniquingKeysWith: { first, _ in first })
    let formats = kpis.map { ReportStyle.number(ValueFormat.code(for: $0)) }
    for year in years {
      let label = ReportText.yearLabel(year, period: project.period)
      try sheet.write(
        label, at: CellReference(row: row, column: Self.labelColumn),
        format: ReportStyle.text(bold: true, border: true, fill: ReportStyle.labelFill, wrap: true))
      let activities = (yearsByNumber[year]?.activities ?? []).map { "・" + $0 }
        .joined(separator: "\n")
      try sheet.write(
        activities.isEmpty ? .blank : .string(activities),
        at: CellReference(row: row, column: Self.activitiesColumn), format: ReportStyle.cell)
      heights.need(
        max(
          TextMetrics.height(activities, columnWidth: Self.activitiesWidth),
          TextMetrics.height(label, columnWidth: Self.labelWidth)), row: row)
      for (offset, kpi) in kpis.enumerated() {
        let value = kpi.values.first { $0.fiscalYear == year }
        let target = CellReference(row: row, column: Self.firstKPIColumn + 3 * offset)
        let actual = CellReference(row: row, column: target.column + 1)
        try sheet.write(number(value?.target), at: target, format: formats[offset])
        try sheet.write(number(value?.actual), at: actual, format: formats[offset])
        try sheet.writeFormula(
          ReportText.rateFormula(target: target, actual: actual, direction: kpi.effectiveDirection),
          at: CellReference(row: row, column: actual.column + 1),
          result: ReportText.rateResult(value, direction: kpi.effectiveDirection),
          format: ReportStyle.rate)
      }
      row += 1
    }
    var charts: [(kpi: KPI, rows: ClosedRange<Int>, target: Int)] = []
    if row > firstYearRow {
      for (offset, kpi) in kpis.enumerated()
      where kpi.values.contains(where: { $0.target != nil || $0.actual != nil }) {
        charts.append((kpi, firstYearRow...(row - 1), Self.firstKPIColumn + 3 * offset))
      }
    }
    return (row, charts)
  }

  /// A column chart of a KPI's targets against its actuals, by year.
  private func insertChart(
    for kpi: KPI, rows: ClosedRange<Int>, targetColumn: Int, at cell: CellReference,
    size: (width: Double, height: Double), sheet: Worksheet, workbook: XLSXDocument
  ) throws {
    let chart = try workbook.addChart(.column)
    let categories = CellRange(
      firstRow: rows.lowerBound, firstColumn: Self.labelColumn, lastRow: rows.upperBound,
      lastColumn: Self.labelColumn)
    for (column, name) in [(targetColumn, "目標値"), (targetColumn + 1, "実績値")] {
      try chart.addSeries(
        values: CellRange(
          firstRow: rows.lowerBound, firstColumn: column, lastRow: rows.upperBound,
          lastColumn: column),
        categories: categories, in: sheet, name: name)
    }
    var title = kpi.name.trimmingPrefix(while: { $0 == "=" })
    if let unit = kpi.unit, !unit.isEmpty { title += "（\(unit)）" }
    if !title.isEmpty { try chart.setTitle(title) }
    try sheet.insertChart(
      chart, at: cell, width: size.width, height: size.height)
  }

  /// A project's fiscal years: its years, its KPI values' years and its period, ascending.
  static func fiscalYears(of project: Project) -> [Int] {
    var years = Set(project.years.map(\.fiscalYear))
    years.formUnion(project.kpis.flatMap { $0.values.map(\.fiscalYear) })
    if let period = project.period, period.start <= period.end, period.end - period.start < 50 {
      years.formUnion(period.start...period.end)
    }
    return years.sorted()
  }

  private func number(_ value: Double?) -> CellValue {
    value.map { .number(ValueFormat.stored($0)) } ?? .blank
  }
}

extension String {
  /// The string without its leading characters that satisfy `predicate`.
  fileprivate func trimmingPrefix(while predicate: (Character) -> Bool) -> String {
    String(drop(while: predicate))
  }
}
