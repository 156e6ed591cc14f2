import CellAddress
import KPIModel
import XLSXWriter

/// Sheet 3, 集計: per fiscal year, the counts behind the two shares the national government
/// publishes (report.md §3).
///
/// Row 1: the title. Row 3: the header. From row 4: one row per fiscal year
/// (`YearSummary.all(for:)`); the counts are live formulas over データ's `SummaryColumns`
/// and the three shares live formulas over the counts, all with their cached values.
/// Below: the projects of each year without KPIs or without values, by name, and notes on
/// how each figure is counted, so that every denominator is stated.
struct SummarySheet {
  let facts: ReportFacts
  /// データ's row count, or nil when the workbook has no データ (printing only): the counts
  /// are then plain numbers.
  let dataRows: Int?

  /// The headers; `|` marks where one may break (LabelLines).
  static let headers = [
    "年度", "事業数（交付対象事業）", "KPI数", "目標値・実績値の|あるKPI数", "達成したKPI数", "KPI達成率",
    "目標値・実績値のある|KPIを持つ事業数", "KPIを1つ以上|達成した事業数", "事業の達成割合（全事業）",
    "事業の達成割合（値のある事業）",
  ].map(LabelLines.init(marked:))
  /// Wide enough for every header's widest piece.
  static let widths: [Double] = zip([22.0, 12, 8, 14, 13, 10, 16, 14, 14, 16], headers).map {
    max($0, $1.leastWidth)
  }
  static let headerRow = 2

  func write(into sheet: Worksheet) throws {
    var heights = RowHeights()
    for (column, width) in Self.widths.enumerated() {
      try sheet.setColumnWidth(width, columns: column...column)
    }
    try sheet.write(
      "KPI達成状況の集計（\(facts.municipality.name ?? facts.grant)）", at: CellReference(row: 0, column: 0),
      format: ReportStyle.text(size: 14, bold: true))
    heights.need(26, row: 0)
    for (column, label) in Self.headers.enumerated() {
      let header = label.text(columnWidth: Self.widths[column])
      try sheet.write(
        header, at: CellReference(row: Self.headerRow, column: column), format: ReportStyle.header)
      heights.need(
        TextMetrics.height(header, columnWidth: Self.widths[column]), row: Self.headerRow)
    }
    let count = ReportStyle.number("#,##0")
    var row = Self.headerRow + 1
    let summaries = YearSummary.all(for: facts.document)
    for summary in summaries {
      try sheet.write(
        Era.labelWithWesternYear(fiscalYear: summary.fiscalYear),
        at: CellReference(row: row, column: 0),
        format: ReportStyle.text(border: true, horizontal: .left))
      let counts: [(Int, Int, SummaryColumns.Column)] = [
        (1, summary.projects, .years), (2, summary.kpis, .hasValue),
        (3, summary.kpisWithBoth, .hasBoth), (4, summary.kpisAchieved, .achieved),
        (6, summary.projectsWithBoth, .firstWithBoth),
        (7, summary.projectsAchieving, .firstAchieving),
      ]
      for (column, value, helper) in counts {
        let cell = CellReference(row: row, column: column)
        if let dataRows, dataRows > 0 {
          try sheet.writeFormula(
            SummaryColumns.countFormula(
              helper, fiscalYear: summary.fiscalYear, rowCount: dataRows),
            at: cell, result: .number(Double(value)), format: count)
        } else {
          try sheet.write(.integer(value), at: cell, format: count)
        }
      }
      try writeShare(
        sheet, row: row, column: 5, dividend: 4, divisor: 3, cached: summary.kpiShare)
      try writeShare(
        sheet, row: row, column: 8, dividend: 7, divisor: 1, cached: summary.projectShareOfAll)
      try writeShare(
        sheet, row: row, column: 9, dividend: 7, divisor: 6, cached: summary.projectShare)
      row += 1
    }
    if row == Self.headerRow + 1 {
      try sheet.write(
        "目標値・実績値のある年度がありません。", at: CellReference(row: row, column: 0),
        format: ReportStyle.text())
      row += 1
    }
    // The projects behind the denominators: those without KPIs, or without values, by year.
    let noteWidth = Self.widths.reduce(0, +)
    var lists: [String] = []
    for summary in summaries {
      let year = Era.labelWithWesternYear(fiscalYear: summary.fiscalYear)
      if !summary.projectsWithoutKPIs.isEmpty {
        lists.append(
          "\(year) KPI未設定の事業（\(summary.projectsWithoutKPIs.count)件）："
            + summary.projectsWithoutKPIs.joined(separator: "、"))
      }
      if !summary.projectsWithoutValues.isEmpty {
        lists.append(
          "\(year) 目標値・実績値のそろったKPIがない事業（\(summary.projectsWithoutValues.count)件）："
            + summary.projectsWithoutValues.joined(separator: "、"))
      }
    }
    let notes = [
      "※ 事業数：その年度の交付対象事業の数（事業期間がその年度を含む事業。期間のない事業は、その年度に値または取組のある事業）。",
      "※ KPI数：その年度に目標値または実績値のあるKPIの数。",
      "※ KPI達成率：達成したKPI数 ÷ 目標値・実績値のあるKPI数。",
      "※ 達成：実績値が目標値以上（減少が望ましい指標は目標値以下）。",
      "※ 事業の達成割合（全事業）：KPIを1つ以上達成した事業数 ÷ 事業数（国の公表と同じ分母）。",
      "※ 事業の達成割合（値のある事業）：KPIを1つ以上達成した事業数 ÷ 目標値・実績値のあるKPIを持つ事業数。",
    ]
    row += 1
    for text in lists + [""] + notes where !text.isEmpty || !lists.isEmpty {
      if !text.isEmpty {
        try sheet.merge(
          CellRange(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: Self.widths.count - 1),
          value: .string(text), format: ReportStyle.text(vertical: .top, wrap: true))
        heights.need(TextMetrics.height(text, columnWidth: noteWidth), row: row)
      }
      row += 1
    }
    try heights.apply(to: sheet, through: row)
    try sheet.freezePanes(row: Self.headerRow + 1, column: 0)
    try ReportStyle.setUpPrinting(
      sheet, municipality: facts.municipality.name,
      scale: PrintLayout.scale(columnWidths: Self.widths))
    try sheet.repeatRows(Self.headerRow...Self.headerRow)
  }

  /// `=IF(D4=0,"－",E4/D4)` with its cached value.
  private func writeShare(
    _ sheet: Worksheet, row: Int, column: Int, dividend: Int, divisor: Int, cached: Double?
  ) throws {
    let top = CellReference(row: row, column: dividend).a1()
    let bottom = CellReference(row: row, column: divisor).a1()
    try sheet.writeFormula(
      "=IF(\(bottom)=0,\"－\",\(top)/\(bottom))", at: CellReference(row: row, column: column),
      result: cached.map { .number(NumberFormatting.canonical($0)) } ?? .string("－"),
      format: ReportStyle.rate)
  }
}
