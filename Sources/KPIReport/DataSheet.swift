import CellAddress
import KPIModel
import XLSXWriter

/// Sheet 4, データ: the machine-readable table (report.md §4): `DataRow.headers` and then
/// `SummaryColumns.headers` on row 1, `DataRow.rows(for:)` from row 2, no merges, numbers as
/// numbers, an autofilter and the header row frozen.
///
/// 目標値 and 実績値 are formulas pointing at KPI推移 (`ValueCells`), 達成率 and 達成 formulas
/// over them, all with cached results; the municipality facts are the report's, however
/// they were given (sheets, flags or a profile).
struct DataSheet {
  let facts: ReportFacts
  /// Where KPI推移 holds each value.
  let cells: ValueCells

  /// Columns by `DataRow.headers` position.
  private enum Column {
    static let target = DataColumn.target.index
    static let actual = DataColumn.actual.index
    static let rate = DataColumn.rate.index
    static let achieved = DataColumn.achieved.index
  }

  /// The widest a text column gets before its text wraps.
  static let maxWidth = 40.0

  func write(into sheet: Worksheet) throws {
    let rows = DataRow.rows(for: facts.document)
    let headers = DataRow.headers + SummaryColumns.headers
    let helpers = SummaryColumns.cells(for: rows, document: facts.document)
    let cells = zip(rows.indices, rows).map { offset, row in
      values(row, sheetRow: offset + 1) + helpers[offset]
    }
    // Widths from the values; headers wider than that wrap onto two lines.
    var widths = headers.map { min(12, TextMetrics.width($0) + 2) }
    for row in cells {
      for (column, value) in row.enumerated() {
        let width: Double
        switch value {
        case .string(let text): width = TextMetrics.width(text) + 2
        case .number(let number): width = Double(NumberFormatting.string(number).count) * 1.3 + 3
        case .formula(_, .number(let number)?):
          width = Double(NumberFormatting.string(number).count) * 1.3 + 3
        default: width = 6
        }
        widths[column] = min(Self.maxWidth, max(widths[column], width))
      }
    }
    var heights = RowHeights()
    for (column, header) in headers.enumerated() {
      try sheet.setColumnWidth(widths[column], columns: column...column)
      try sheet.write(
        header, at: CellReference(row: 0, column: column),
        format: ReportStyle.text(
          bold: true, fill: ReportStyle.headerFill, horizontal: .center, wrap: true))
      heights.need(TextMetrics.height(header, columnWidth: widths[column]), row: 0)
    }
    let decimals = valueDecimals(rows)
    let integerFormat = ReportStyle.text(horizontal: .center, numberFormat: "0")
    let textFormat = ReportStyle.text(wrap: true)
    let rateFormat = ReportStyle.text(numberFormat: "0.0%")
    for (offset, row) in cells.enumerated() {
      let valueFormat = ReportStyle.text(
        numberFormat: ValueFormat.code(unit: nil, decimals: decimals[offset]))
      for (column, value) in row.enumerated() {
        let format: FormatSpec
        switch (column, value) {
        case (_, .blank): continue
        case (Column.rate, _): format = rateFormat
        case (Column.target, _), (Column.actual, _): format = valueFormat
        case (Column.achieved, _): format = textFormat
        case (_, .integer), (_, .formula): format = integerFormat
        case (_, .string(let text)):
          format = textFormat
          heights.need(TextMetrics.height(text, columnWidth: widths[column]), row: offset + 1)
        default: format = textFormat
        }
        try sheet.write(value, at: CellReference(row: offset + 1, column: column), format: format)
      }
    }
    try heights.apply(to: sheet)
    try sheet.autofilter(
      CellRange(
        firstRow: 0, firstColumn: 0, lastRow: max(rows.count, 1), lastColumn: headers.count - 1))
    try sheet.freezePanes(row: 1, column: 0)
    // Printed at a legible scale, across as many pages as its columns need.
    try ReportStyle.setUpPrinting(
      sheet, municipality: facts.municipality.name, scale: PrintLayout.scale(columnWidths: widths))
    try sheet.repeatRows(0...0)
  }

  /// One row's cells, in `DataRow.headers` order; blank where the row has no value. A KPI's
  /// 目標値 and 実績値 point at KPI推移, its 達成率 and 達成 are computed from them.
  private func values(_ row: DataRow, sheetRow: Int) -> [CellValue] {
    let municipality = facts.municipality
    var values: [CellValue] = [
      text(municipality.code), text(municipality.prefecture), text(municipality.name),
      .integer(row.projectNo), .string(row.projectName), text(ReportText.scope(row.scope)),
      integer(row.periodStart), integer(row.periodEnd), integer(row.kpiNo), text(row.kpiName),
      text(row.unit), text(row.direction?.japaneseLabel), integer(row.fiscalYear),
      text(row.fiscalYear.map { Era.label(fiscalYear: $0) }), integer(row.yearOfProject),
      number(row.target), number(row.actual), number(row.rate), text(row.achievedLabel),
      number(row.baseline), number(row.cost), text(row.costUnit),
    ]
    guard let kpi = row.kpiIndex, let year = row.fiscalYear, let direction = row.direction,
      let source = cells.cells(project: row.projectIndex, kpi: kpi, fiscalYear: year)
    else { return values }
    let target = CellReference(row: sheetRow, column: Column.target)
    let actual = CellReference(row: sheetRow, column: Column.actual)
    values[Column.target] = .formula(
      ValueCells.formula(pointingAt: source.target), result: ValueCells.result(row.target))
    values[Column.actual] = .formula(
      ValueCells.formula(pointingAt: source.actual), result: ValueCells.result(row.actual))
    values[Column.rate] = .formula(
      ReportText.rateFormula(target: target, actual: actual, direction: direction),
      result: ReportText.rateResult(row.value, direction: direction))
    values[Column.achieved] = .formula(
      ReportText.achievedFormula(target: target, actual: actual, direction: direction),
      result: .string(row.achievedLabel ?? ""))
    return values
  }

  /// Per row, the decimals its KPI's values need (each KPI's values shown alike, without the
  /// unit, which has its own column). The rows come in `DataRow.rows(for:)`'s order.
  private func valueDecimals(_ rows: [DataRow]) -> [Int] {
    var decimals: [Int] = []
    for project in facts.document.projects {
      if project.kpis.isEmpty { decimals.append(0) }
      for kpi in project.kpis {
        let needed = ValueFormat.decimals(kpi.values.flatMap { [$0.target, $0.actual] })
        decimals += repeatElement(needed, count: kpi.values.count)
      }
    }
    guard decimals.count == rows.count else {
      return rows.map { ValueFormat.decimals([$0.target, $0.actual]) }
    }
    return decimals
  }

  private func text(_ string: String?) -> CellValue {
    guard let string, !string.isEmpty else { return .blank }
    return .string(string)
  }

  private func integer(_ value: Int?) -> CellValue {
    value.map { .integer($0) } ?? .blank
  }

  private func number(_ value: Double?) -> CellValue {
    value.map { .number(ValueFormat.stored($0)) } ?? .blank
  }
}

extension ReportText {
  /// データ's 達成 as a formula: 「達成」 or 「未達成」 by comparing actual with target
  /// (records.md: never by the rate), empty text when either is missing.
  static func achievedFormula(target: CellReference, actual: CellReference, direction: Direction)
    -> String
  {
    let comparison = direction == .increase ? ">=" : "<="
    let (target, actual) = (target.a1(), actual.a1())
    return
      "=IF(AND(ISNUMBER(\(target)),ISNUMBER(\(actual))),IF(\(actual)\(comparison)\(target),\"達成\",\"未達成\"),\"\")"
  }
}
