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
/// or of one row (「年度」 | 「事業概要」) without KPIs; one row per fiscal year; a row per line of
/// charts (one per KPI with values) under the table, inside the print area; a blank row. A
/// page break goes before a project only where it does not fit on the rest of the page.
struct ProgressSheet {
  let facts: ReportFacts

  static let labelColumn = 0
  static let activitiesColumn = 1
  static let firstKPIColumn = 2
  static let labelWidth = 11.0
  static let activitiesWidth = 23.0
  /// 目標値 | 実績値 | 達成率, before number columns widen to their values.
  static let kpiWidths = [9.0, 9.0, 7.0]
  /// A chart's width beside a table, its least width below one, its height, in pixels, and
  /// the gap around it: five charts fit a line below the widest table.
  static let chartWidth = 300.0
  static let narrowChartWidth = 220.0
  static let chartHeight = 210.0
  /// Charts below a table are narrower, so their year labels wrap onto more lines: they are
  /// taller to keep room for the bars.
  static let chartHeightBelow = 250.0
  static let chartGap = 10.0

  /// Excel's last column (XFD) and row, zero-based.
  static let maxColumn = 16_383
  static let maxRow = 1_048_575

  /// The last column a project's table takes, with the column after it that may widen the
  /// printed area (charts sit beside or below the table, over those columns).
  static func lastColumn(kpis: Int, charts: Int) -> Int {
    activitiesColumn + 3 * kpis + 1
  }

  /// The most KPIs a project may have for its table to fit the sheet.
  static let maxKPIs = (maxColumn - activitiesColumn - 1) / 3

  /// The rows the sheet takes for `document`, as `write` lays them out: the title, each
  /// section's heading, and per project its heading, overview, table header and years, and
  /// a blank row.
  static func rowCount(of document: RecordsDocument) -> Int {
    var row = 2
    var sections: Set<Bool> = []
    for project in document.projects {
      if sections.insert(project.scope == .wideArea).inserted { row += 2 }
      row += 2 + (project.kpis.isEmpty ? 1 : 3) + fiscalYears(of: project).count + 1
    }
    return row - 1
  }

  /// The column widths through the widest table: number columns widened to the values
  /// they show (numbers do not wrap).
  let widths: [Double]
  /// The last column printed on a page's width: every column, unless the widest table is
  /// wider than the page at the smallest scale. Headings, overviews and charts stay within
  /// it, so no text or chart is cut at a page's edge.
  let lastColumnAcross: Int

  init(facts: ReportFacts) {
    self.facts = facts
    let widths = Self.widths(facts: facts)
    self.widths = widths
    // Nearer the paper's edge than the planned width (`PrintLayout.slack`): LibreOffice draws
    // columns a few percent wider than Excel, and columns within that still print.
    let paper = PrintLayout.paper.width - PrintLayout.margins.left - PrintLayout.margins.right
    let page = paper * 0.955 * 100 / Double(PrintLayout.scale(columnWidths: widths)) / 0.75
    var across = widths.count - 1
    while across > Self.firstKPIColumn,
      widths.prefix(across + 1).reduce(0.0, { $0 + Self.pixels(ofColumnWidth: $1) }) > page
    {
      across -= 1
    }
    lastColumnAcross = across
  }

  private static func widths(facts: ReportFacts) -> [Double] {
    let lastTableColumn =
      activitiesColumn + 3 * (facts.document.projects.map(\.kpis.count).max() ?? 0)
    // Activities take the width the widest table and one chart beside it leave on the page.
    let mostKPIs = facts.document.projects.map(\.kpis.count).max() ?? 0
    let pageWidth =
      PrintLayout.printableWidth * 100 / Double(PrintLayout.minimumScale) / 0.75 / 7
    let spare =
      pageWidth - labelWidth - Double(3 * mostKPIs) * kpiWidths.reduce(0, +) / 3
      - (chartWidth + 2 * chartGap) / 7 - Double(2 + 3 * mostKPIs)
    var widths = [labelWidth, min(45, max(activitiesWidth, spare))]
    for column in firstKPIColumn...max(firstKPIColumn, lastTableColumn) {
      widths.append(kpiWidths[(column - firstKPIColumn) % 3])
    }
    for project in facts.document.projects {
      for (offset, kpi) in project.kpis.enumerated() {
        let needed = min(16, ValueFormat.shownWidth(of: kpi))
        for column in [firstKPIColumn + 3 * offset, firstKPIColumn + 3 * offset + 1] {
          widths[column] = max(widths[column], needed)
        }
        let rate = firstKPIColumn + 3 * offset + 2
        widths[rate] = max(widths[rate], min(12, ValueFormat.rateWidth(of: kpi)))
      }
    }
    widths = Array(widths.prefix(lastTableColumn + 1))
    // A last column that widens the printed area to the page at the smallest scale, so charts
    // can sit beside tables narrower than the page.
    let page = PrintLayout.printableWidth * 100 / Double(PrintLayout.minimumScale) / 0.75
    let used = widths.reduce(0.0) { $0 + pixels(ofColumnWidth: $1) }
    if page - used > 40 {
      widths.append(((page - used - 5) / 7).rounded(.down))
    }
    return widths
  }

  /// A column's width in pixels (Excel's default font: 7-pixel digits, 5 pixels of padding).
  static func pixels(ofColumnWidth width: Double) -> Double { (width * 7 + 5).rounded(.down) }

  /// The pixels of columns `0...last`.
  private func pixels(through last: Int) -> Double {
    widths.prefix(last + 1).reduce(0.0) { $0 + Self.pixels(ofColumnWidth: $1) }
  }

  private func width(of columns: ClosedRange<Int>) -> Double {
    columns.reduce(0) { $0 + ($1 < widths.count ? widths[$1] : 0) }
  }

  /// Writes the sheet, noting in `cells` where each target and actual went; returns warnings
  /// (too many page breaks).
  @discardableResult
  func write(into sheet: Worksheet, of workbook: XLSXDocument, cells: inout ValueCells) throws
    -> [ReportWarning]
  {
    let last = widths.count - 1
    let across = lastColumnAcross
    for (column, width) in widths.enumerated() {
      try sheet.setColumnWidth(width, columns: column...column)
    }
    var heights = RowHeights()
    let municipality = facts.municipality.name.map { $0 + "　" } ?? ""
    let title = "\(municipality)\(facts.grant)対象事業の進捗及び重要業績評価指標（KPI）の推移"
    try sheet.merge(
      CellRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: across),
      value: .string(title), format: ReportStyle.text(size: 14, bold: true, wrap: true))
    heights.need(
      TextMetrics.height(title, columnWidth: width(of: 0...across), lineHeight: 20) + 4, row: 0)
    var row = 2
    var blocks: [ClosedRange<Int>] = []
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
    let printedPixels = pixels(through: across)
    for (title, indices) in sections where !indices.isEmpty {
      // A section's heading belongs to its first project's block: it never ends a page alone.
      let sectionTop = row
      try sheet.write(
        title, at: CellReference(row: row, column: 0),
        format: ReportStyle.text(size: 12, bold: true))
      heights.need(22, row: row)
      row += 2
      for index in indices {
        let top = index == indices.first ? sectionTop : row
        let written = try writeProject(
          index, at: row, sheet: sheet, heights: &heights, cells: &cells)
        row = written.next
        if !written.charts.isEmpty {
          row = try insertCharts(
            written.charts, beside: written.table, printedPixels: printedPixels, sheet: sheet,
            workbook: workbook, heights: &heights)
        }
        blocks.append(top...(row - 1))
        row += 1
      }
    }
    let lastRow = max(row - 1, 0)
    try heights.apply(to: sheet, through: lastRow)
    try sheet.setPrintArea(
      CellRange(firstRow: 0, firstColumn: 0, lastRow: lastRow, lastColumn: last))
    let scale = PrintLayout.scale(columnWidths: widths)
    try ReportStyle.setUpPrinting(sheet, municipality: facts.municipality.name, scale: scale)
    let breaks = PrintLayout.breaks(
      heights: heights.all(through: lastRow), blocks: blocks, repeated: nil, scale: scale)
    return try ReportStyle.setPageBreaks(breaks, on: sheet).map { [$0] } ?? []
  }

  /// Puts a project's charts right of its table where the printed width leaves room (rows
  /// added below the table when the charts are taller), else in rows below it; returns the
  /// row after the block.
  private func insertCharts(
    _ charts: [(kpi: KPI, rows: ClosedRange<Int>, target: Int)],
    beside table: (rows: ClosedRange<Int>, lastColumn: Int), printedPixels: Double,
    sheet: Worksheet, workbook: XLSXDocument, heights: inout RowHeights
  ) throws -> Int {
    let tablePixels = pixels(through: table.lastColumn)
    let besidePerRow = Int(
      (printedPixels - tablePixels - Self.chartGap) / (Self.chartWidth + Self.chartGap))
    let beside = besidePerRow >= 1
    let room = printedPixels - Self.chartGap
    let perRow =
      beside
      ? besidePerRow
      : min(charts.count, max(1, Int(room / (Self.narrowChartWidth + Self.chartGap))))
    let width =
      beside ? Self.chartWidth : min(Self.chartWidth, room / Double(perRow) - Self.chartGap)
    let step = width + Self.chartGap
    let height = beside ? Self.chartHeight : Self.chartHeightBelow
    let lines = (charts.count + perRow - 1) / perRow
    let needed = Double(lines) * (height + Self.chartGap) * 0.75
    var next = table.rows.upperBound + 1
    let top: Int
    let left: Double
    if beside {
      top = table.rows.lowerBound
      left = tablePixels + Self.chartGap
      var missing = needed - heights.heights(of: table.rows).reduce(0, +)
      while missing > 0 {
        heights.need(min(409, missing), row: next)
        missing -= 409
        next += 1
      }
    } else {
      top = next
      left = Self.chartGap
      for line in 0..<lines {
        heights.need((height + Self.chartGap) * 0.75, row: next + line)
      }
      next += lines
    }
    let rowHeights = heights.heights(of: top...next)
    for (position, chart) in charts.enumerated() {
      // Charts are placed in pixels from the block's top-left cell.
      let line = position / perRow
      let x = left + Double(position % perRow) * step
      var y = 4.0 + Double(line) * (height + Self.chartGap)
      var anchor = top
      while anchor < next, y >= rowHeights[anchor - top] * 4 / 3 {
        y -= rowHeights[anchor - top] * 4 / 3
        anchor += 1
      }
      try insertChart(
        for: chart.kpi, rows: chart.rows, targetColumn: chart.target,
        at: CellReference(row: anchor, column: 0), offset: (Int(x), Int(y)),
        size: (width, height), sheet: sheet, workbook: workbook)
    }
    return next
  }

  /// Writes one project's block from `row`; returns the row after its last year and the
  /// charts it wants (KPIs with values, their year rows and target column).
  private func writeProject(
    _ index: Int, at startRow: Int, sheet: Worksheet, heights: inout RowHeights,
    cells: inout ValueCells
  ) throws -> (
    next: Int, charts: [(kpi: KPI, rows: ClosedRange<Int>, target: Int)],
    table: (rows: ClosedRange<Int>, lastColumn: Int)
  ) {
    let project = facts.document.projects[index]
    let last = lastColumnAcross
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
    let tableTop = row
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
      // 「令和3年度」 over 「（2年目）」 rather than 「令和3年度（」 over 「2年目）」; charts take
      // the same lines as their year labels.
      let label = LabelLines(text: ReportText.yearLabel(year, period: project.period))
        .text(columnWidth: Self.labelWidth)
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
          TextMetrics.height(activities, columnWidth: widths[Self.activitiesColumn]),
          TextMetrics.height(label, columnWidth: Self.labelWidth)), row: row)
      for (offset, kpi) in kpis.enumerated() {
        let value = kpi.values.first { $0.fiscalYear == year }
        let target = CellReference(row: row, column: Self.firstKPIColumn + 3 * offset)
        let actual = CellReference(row: row, column: target.column + 1)
        cells.record(project: index, kpi: offset, fiscalYear: year, target: target)
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
    if row > firstYearRow {
      // 達成 by comparison (records.md), highlighted over each KPI's three columns.
      for (offset, kpi) in kpis.enumerated() {
        let target = CellReference(row: firstYearRow, column: Self.firstKPIColumn + 3 * offset)
        try sheet.addConditionalFormat(
          CellRange(
            firstRow: firstYearRow, firstColumn: target.column, lastRow: row - 1,
            lastColumn: target.column + 2),
          rule: .formula(
            ReportText.achievedRule(
              target: target, actual: CellReference(row: firstYearRow, column: target.column + 1),
              direction: kpi.effectiveDirection)),
          format: ReportStyle.achieved)
      }
    }
    var charts: [(kpi: KPI, rows: ClosedRange<Int>, target: Int)] = []
    if row > firstYearRow {
      for (offset, kpi) in kpis.enumerated()
      where kpi.values.contains(where: { $0.target != nil || $0.actual != nil }) {
        charts.append((kpi, firstYearRow...(row - 1), Self.firstKPIColumn + 3 * offset))
      }
    }
    return (row, charts, (tableTop...(row - 1), Self.activitiesColumn + 3 * kpis.count))
  }

  /// A column chart of a KPI's targets against its actuals, by year: the report's font at a
  /// size that prints at 8 points or more, thousands separators on the value axis, which
  /// starts at 0 unless a value is negative, and the legend below.
  private func insertChart(
    for kpi: KPI, rows: ClosedRange<Int>, targetColumn: Int, at cell: CellReference,
    offset: (x: Int, y: Int), size: (width: Double, height: Double), sheet: Worksheet,
    workbook: XLSXDocument
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
    try chart.setFont(name: ReportStyle.fontName, size: 10, titleSize: 10)
    let values = kpi.values.flatMap { [$0.target, $0.actual] }.compactMap { $0 }
    let decimals = min(2, ValueFormat.decimals(values))
    try chart.setValueAxis(
      numberFormat: ValueFormat.code(unit: nil, decimals: decimals),
      minimum: values.allSatisfy { $0 >= 0 } ? 0 : nil)
    try chart.setLegendAtBottom()
    try sheet.insertChart(
      chart, at: cell, width: size.width, height: size.height, offset: offset)
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
