import CellAddress
import KPIModel
import XLSXWriter

/// Sheet 1, 効果検証: the national form for one evaluation year (report.md §1), laid out so the
/// national-form reader (layout B) reads it back.
///
/// Row 1: the title. Rows 3–8: labels in B (merged B:C), values in D (merged D:F). Rows 10–11:
/// the table header — row 10 the group headers (重要業績評価指標（KPI） merged over F:K, the
/// others merged down both rows), row 11 the KPI sub-headers. From row 12: one row per KPI,
/// the project's cells merged down its rows.
struct EvaluationSheet {
  let facts: ReportFacts

  /// The table's columns, zero-based.
  enum Column {
    static let no = 0
    static let name = 1
    static let period = 2
    static let scope = 3
    static let cost = 4
    static let kpi = 5
    static let unit = 6
    static let due = 7
    static let target = 8
    static let actual = 9
    static let rate = 10
    static let effect = 11
    static let assessment = 12
    static let opinion = 13
    static let policy = 14
    static let reason = 15
    static let last = 15
  }

  static let widths: [Double] = [5, 24, 15, 6, 13, 28, 7, 9, 13, 13, 9, 18, 26, 26, 14, 26]
  /// Headers merged down both header rows, by column.
  static let projectHeaders: [(column: Int, text: String)] = [
    (Column.no, "No"), (Column.name, "交付対象事業の名称"), (Column.period, "事業期間"),
    (Column.scope, "区分"), (Column.cost, "実績額"), (Column.effect, "事業効果"),
    (Column.assessment, "事業の評価"), (Column.opinion, "外部有識者からの意見"),
    (Column.policy, "今後の方針"), (Column.reason, "今後の方針の理由"),
  ]
  static let kpiBanner = "重要業績評価指標（KPI）"
  static let kpiHeaders = ["指標", "単位", "目標年月", "目標値", "実績値", "達成率"]
  static let headerRow = 9
  static let firstDataRow = 11

  func write(into sheet: Worksheet) throws {
    var heights = RowHeights()
    for (column, width) in Self.widths.enumerated() {
      try sheet.setColumnWidth(width, columns: column...column)
    }
    try sheet.merge(
      CellRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: Column.last),
      value: .string(facts.title),
      format: ReportStyle.text(size: 14, bold: true, horizontal: .left))
    heights.need(26, row: 0)
    try writeHeaderBlock(sheet, heights: &heights)
    try writeTableHeader(sheet, heights: &heights)
    let lastRow = try writeProjects(sheet, heights: &heights)
    if lastRow >= Self.firstDataRow {
      try addRules(sheet, lastRow: lastRow)
    }
    try heights.apply(to: sheet)
    try sheet.freezePanes(row: Self.firstDataRow, column: 0)
    try ReportStyle.setUpPrinting(sheet, municipality: facts.municipality.name)
    try sheet.repeatRows(Self.headerRow...(Self.headerRow + 1))
  }

  private func writeHeaderBlock(_ sheet: Worksheet, heights: inout RowHeights) throws {
    let entries: [(String, String?)] = [
      ("都道府県名", facts.municipality.prefecture),
      ("市町村名", facts.municipality.name),
      ("地方公共団体コード", facts.municipality.code),
      ("担当部局課名", facts.department),
      ("連絡先", facts.context.contact),
      ("対象年度", Era.labelWithWesternYear(fiscalYear: facts.evaluationYear)),
    ]
    for (offset, (label, value)) in entries.enumerated() {
      let row = 2 + offset
      try sheet.merge(
        CellRange(firstRow: row, firstColumn: 1, lastRow: row, lastColumn: 2),
        value: .string(label), format: ReportStyle.label)
      let range = CellRange(firstRow: row, firstColumn: 3, lastRow: row, lastColumn: 5)
      let text = value ?? ""
      // The code is text: 5 or 6 digits as the records have them, never a number.
      try sheet.merge(
        range, value: text.isEmpty ? .blank : .string(text),
        format: ReportStyle.text(border: true, horizontal: .left, wrap: true))
      heights.need(TextMetrics.height(text, columnWidth: 13 + 28 + 7), row: row)
    }
  }

  private func writeTableHeader(_ sheet: Worksheet, heights: inout RowHeights) throws {
    let top = Self.headerRow
    for (column, text) in Self.projectHeaders {
      try sheet.merge(
        CellRange(firstRow: top, firstColumn: column, lastRow: top + 1, lastColumn: column),
        value: .string(text), format: ReportStyle.header)
      heights.need(
        TextMetrics.height(text, columnWidth: Self.widths[column]), rows: top...(top + 1))
    }
    try sheet.merge(
      CellRange(firstRow: top, firstColumn: Column.kpi, lastRow: top, lastColumn: Column.rate),
      value: .string(Self.kpiBanner), format: ReportStyle.header)
    for (offset, text) in Self.kpiHeaders.enumerated() {
      let column = Column.kpi + offset
      try sheet.write(
        text, at: CellReference(row: top + 1, column: column), format: ReportStyle.header)
      heights.need(TextMetrics.height(text, columnWidth: Self.widths[column]), row: top + 1)
    }
  }

  /// Whether a project belongs on the form of the evaluation year: its period, years, values
  /// or evaluation touch that year, or it gives no year at all.
  private func isShown(_ project: Project) -> Bool {
    let year = facts.evaluationYear
    var years =
      project.years.map(\.fiscalYear) + project.kpis.flatMap { $0.values.map(\.fiscalYear) }
    if let evaluationYear = project.evaluation?.fiscalYear { years.append(evaluationYear) }
    if let period = project.period {
      if period.contains(year) { return true }
      years += [period.start, period.end]
    }
    return years.isEmpty || years.contains(year)
  }

  /// Writes the project blocks; returns the last row written (or the header's last row).
  private func writeProjects(_ sheet: Worksheet, heights: inout RowHeights) throws -> Int {
    let year = facts.evaluationYear
    var row = Self.firstDataRow
    for (index, project) in facts.document.projects.enumerated() where isShown(project) {
      let rows = max(1, project.kpis.count)
      let span = row...(row + rows - 1)
      var projectCells: [(column: Int, value: CellValue, format: FormatSpec, text: String)] = [
        (Column.no, .integer(facts.number(of: index)), ReportStyle.centred, ""),
        (Column.name, .string(project.name), ReportStyle.cell, project.name),
      ]
      let period = project.period.map(ReportText.period) ?? ""
      projectCells.append((Column.period, text(period), ReportStyle.centred, period))
      let scope = ReportText.scope(project.scope) ?? ""
      projectCells.append((Column.scope, text(scope), ReportStyle.centred, scope))
      if let cost = project.years.first(where: { $0.fiscalYear == year })?.cost {
        let format = ValueFormat.code(unit: cost.unit, decimals: ValueFormat.decimals(cost.value))
        projectCells.append(
          (Column.cost, .number(ValueFormat.stored(cost.value)), ReportStyle.number(format), ""))
      } else {
        projectCells.append((Column.cost, .blank, ReportStyle.number(nil), ""))
      }
      let evaluation = project.evaluation.flatMap {
        $0.fiscalYear == nil || $0.fiscalYear == year ? $0 : nil
      }
      let evaluationTexts: [(Int, String?)] = [
        (Column.effect, evaluation?.effect?.nationalWording),
        (Column.assessment, evaluation?.assessment),
        (Column.opinion, evaluation?.expertOpinion),
        (Column.policy, evaluation?.policy?.nationalWording),
        (Column.reason, evaluation?.policyReason),
      ]
      for (column, value) in evaluationTexts {
        projectCells.append((column, text(value ?? ""), ReportStyle.cell, value ?? ""))
      }
      for cell in projectCells {
        if rows > 1 {
          try sheet.merge(
            CellRange(
              firstRow: span.lowerBound, firstColumn: cell.column, lastRow: span.upperBound,
              lastColumn: cell.column), value: cell.value, format: cell.format)
        } else {
          try sheet.write(
            cell.value, at: CellReference(row: row, column: cell.column), format: cell.format)
        }
        heights.need(
          TextMetrics.height(cell.text, columnWidth: Self.widths[cell.column]), rows: span)
      }
      if project.kpis.isEmpty {
        for column in Column.kpi...Column.rate {
          try sheet.writeBlank(
            at: CellReference(row: row, column: column), format: ReportStyle.cell)
        }
      }
      for (offset, kpi) in project.kpis.enumerated() {
        try writeKPI(kpi, row: row + offset, sheet: sheet, heights: &heights)
      }
      row += rows
    }
    return row - 1
  }

  private func writeKPI(_ kpi: KPI, row: Int, sheet: Worksheet, heights: inout RowHeights)
    throws
  {
    let value = kpi.values.first { $0.fiscalYear == facts.evaluationYear }
    let numberFormat = ReportStyle.number(ValueFormat.code(for: kpi))
    try sheet.write(
      kpi.name, at: CellReference(row: row, column: Column.kpi), format: ReportStyle.cell)
    heights.need(
      TextMetrics.height(kpi.name, columnWidth: Self.widths[Column.kpi]), row: row)
    try sheet.write(
      text(kpi.unit ?? ""), at: CellReference(row: row, column: Column.unit),
      format: ReportStyle.centred)
    try sheet.write(
      text(value?.due ?? ""), at: CellReference(row: row, column: Column.due),
      format: ReportStyle.centred)
    let target = CellReference(row: row, column: Column.target)
    let actual = CellReference(row: row, column: Column.actual)
    try sheet.write(number(value?.target), at: target, format: numberFormat)
    try sheet.write(number(value?.actual), at: actual, format: numberFormat)
    try sheet.writeFormula(
      ReportText.rateFormula(target: target, actual: actual, direction: kpi.effectiveDirection),
      at: CellReference(row: row, column: Column.rate),
      result: ReportText.rateResult(value, direction: kpi.effectiveDirection),
      format: ReportStyle.rate)
  }

  /// The drop-downs of national wording and the highlight of achieved KPIs.
  private func addRules(_ sheet: Worksheet, lastRow: Int) throws {
    let rows = Self.firstDataRow...lastRow
    func column(_ column: Int) -> CellRange {
      CellRange(
        firstRow: rows.lowerBound, firstColumn: column, lastRow: rows.upperBound,
        lastColumn: column)
    }
    try sheet.validationList(
      range: column(Column.effect), values: Effect.allCases.map(\.nationalWording),
      messages: ValidationMessages(
        inputTitle: "事業効果", inputMessage: "一覧から選んでください。",
        errorTitle: "事業効果", errorMessage: "国の様式の区分から選んでください。", errorStyle: .warning))
    try sheet.validationList(
      range: column(Column.policy), values: Policy.allCases.map(\.nationalWording),
      messages: ValidationMessages(
        inputTitle: "今後の方針", inputMessage: "一覧から選んでください。",
        errorTitle: "今後の方針", errorMessage: "国の様式の区分から選んでください。", errorStyle: .warning))
    let rate = CellReference(row: rows.lowerBound, column: Column.rate).a1()
    let dollarRate = "$" + rate
    try sheet.addConditionalFormat(
      CellRange(
        firstRow: rows.lowerBound, firstColumn: Column.kpi, lastRow: rows.upperBound,
        lastColumn: Column.rate),
      rule: .formula("AND(ISNUMBER(\(dollarRate)),\(dollarRate)>=1)"),
      format: ReportStyle.achieved)
  }

  private func text(_ string: String) -> CellValue {
    string.isEmpty ? .blank : .string(string)
  }

  private func number(_ value: Double?) -> CellValue {
    value.map { .number(ValueFormat.stored($0)) } ?? .blank
  }
}
