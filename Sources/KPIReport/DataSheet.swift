import CellAddress
import KPIModel
import XLSXWriter

/// Sheet 4, データ: the machine-readable table (report.md §4): `DataRow.headers` on row 1,
/// `DataRow.rows(for:)` from row 2, values only, no merges, numbers as numbers, an autofilter
/// and the header row frozen.
struct DataSheet {
  let facts: ReportFacts

  /// Columns by `DataRow.headers` position.
  private enum Column {
    static let target = DataColumn.target.index
    static let actual = DataColumn.actual.index
    static let rate = DataColumn.rate.index
  }

  /// The widest a text column gets before its text wraps.
  static let maxWidth = 40.0

  func write(into sheet: Worksheet) throws {
    let rows = DataRow.rows(for: facts.document)
    let headers = DataRow.headers
    let cells = rows.map(values)
    // Widths from the values; headers wider than that wrap onto two lines.
    var widths = headers.map { min(12, TextMetrics.width($0) + 2) }
    for row in cells {
      for (column, value) in row.enumerated() {
        let width: Double
        switch value {
        case .string(let text): width = TextMetrics.width(text) + 2
        case .number(let number): width = Double(NumberFormatting.string(number).count) * 1.3 + 3
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
        case (_, .integer): format = integerFormat
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

  /// One row's cells, in `DataRow.headers` order; blank where the row has no value.
  private func values(_ row: DataRow) -> [CellValue] {
    [
      text(row.code), text(row.prefecture), text(row.municipality), .integer(row.projectNo),
      .string(row.projectName), text(ReportText.scope(row.scope)), integer(row.periodStart),
      integer(row.periodEnd), integer(row.kpiNo), text(row.kpiName), text(row.unit),
      text(row.direction?.japaneseLabel), integer(row.fiscalYear),
      text(row.fiscalYear.map { Era.label(fiscalYear: $0) }), integer(row.yearOfProject),
      number(row.target), number(row.actual), number(row.rate), text(row.achievedLabel),
      number(row.baseline), number(row.cost), text(row.costUnit),
    ]
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
