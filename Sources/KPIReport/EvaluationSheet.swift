import CellAddress
import KPIModel
import XLSXWriter

/// Sheet 1, 効果検証: the national form for one evaluation year (report.md §1), laid out so the
/// national-form reader (layout B) reads it back.
///
/// Row 1: the title. Rows 3–8: labels in B (merged B:C), values in D (merged D:F). Rows 10–11:
/// the table header — row 10 the national form's numbered groups (①–③ and our 事業期間, 区分
/// merged down both rows; ④–⑦ merged over their columns), row 11 the sub-headers. From row
/// 12: one row per KPI, the project's cells merged down its rows; a page break goes before a
/// project only where it does not fit on the rest of the page.
struct EvaluationSheet {
  let facts: ReportFacts
  /// Where KPI推移 holds each value: 指標値（目標値） and 実績値 are formulas pointing there.
  let cells: ValueCells

  /// The table's columns, zero-based.
  enum Column {
    static let no = 0
    static let name = 1
    static let grantType = 2
    static let period = 3
    static let scope = 4
    static let cost = 5
    static let kpi = 6
    static let target = 7
    static let unit = 8
    static let due = 9
    static let actual = 10
    static let rate = 11
    static let effect = 12
    static let assessment = 13
    static let opinion = 14
    static let policy = 15
    static let reason = 16
    static let last = 16
  }

  /// Widths chosen so the form prints one A4 page wide with its text at 8 points or more;
  /// number columns widen to their values.
  static let baseWidths: [Double] = [4, 14, 8, 9, 6, 10, 15, 9, 5, 7, 9, 7, 10, 11, 12, 9, 11]
  /// Headers merged down both header rows, by column; `|` marks where a header may break
  /// (LabelLines). A first line never names another column on its own (a reader of the
  /// national form joins a broken header's lines only when the first names nothing).
  static let projectHeaders: [(column: Int, label: LabelLines)] = [
    (Column.no, "No"), (Column.name, "①交付対象|事業の名称"), (Column.grantType, "②交付金|の種類"),
    (Column.period, "事業期間"), (Column.scope, "区分"), (Column.cost, "③実績額"),
  ].map { ($0.0, LabelLines(marked: $0.1)) }
  /// The national form's numbered groups over their columns.
  static let groups: [(columns: ClosedRange<Int>, label: LabelLines)] = [
    (Column.kpi...Column.due, "④本事業における|重要業績評価指標（KPI）"),
    (Column.actual...Column.effect, "⑤本事業終了後における|実績値"),
    (Column.assessment...Column.opinion, "⑥外部有識者からの|評価"),
    (Column.policy...Column.reason, "⑦実績値を踏まえた|事業の今後について"),
  ].map { ($0.0, LabelLines(marked: $0.1)) }
  static let subHeaders: [(column: Int, label: LabelLines)] = [
    (Column.kpi, "指標"), (Column.target, "指標値（目標値）"), (Column.unit, "単位"),
    (Column.due, "目標年月"), (Column.actual, "実績値"), (Column.rate, "達成率"),
    (Column.effect, "事業効果"), (Column.assessment, "事業の|評価"),
    (Column.opinion, "外部有識者|からの意見"), (Column.policy, "今後の|方針"),
    (Column.reason, "今後の|方針の理由"),
  ].map { ($0.0, LabelLines(marked: $0.1)) }
  /// 事業効果 as the national form words it, with where it may break.
  static func label(_ effect: Effect) -> LabelLines {
    switch effect {
    case .veryEffective: LabelLines(marked: "地方創生に|非常に|効果的で|あった")
    case .considerablyEffective: LabelLines(marked: "地方創生に|相当程度|効果が|あった")
    case .effective: LabelLines(marked: "地方創生に|効果が|あった")
    case .notEffective: LabelLines(marked: "地方創生に|効果が|なかった")
    }
  }
  /// 今後の方針 as the national form words it, with where it may break.
  static func label(_ policy: Policy) -> LabelLines {
    switch policy {
    case .expand: LabelLines(marked: "追加等|更に|発展|させる")
    case .improve: LabelLines(marked: "事業|内容の|見直し（改善）")
    case .continue: LabelLines(marked: "事業の|継続")
    case .stop: LabelLines(marked: "事業の|中止")
    case .complete: LabelLines(marked: "予定|通り|事業|終了")
    }
  }
  /// The least width of 指標: a KPI's name is the form's main text, and narrower it would
  /// wrap every few characters when wide numbers take the room.
  static let kpiLeastWidth = 10.0
  /// Units up to this width never break (事業体, 百万円); longer ones wrap at their brackets.
  static let unitWidthLimit = 10.0
  static let kpiBanner = "重要業績評価指標（KPI）"
  /// What a project without KPIs shows in its KPI row.
  static let noKPI = "KPI未設定"
  static let headerRow = 9
  static let firstDataRow = 11

  /// The least width of each column: its header's widest piece, and the widest piece of the
  /// short labels it holds (periods, units), so that none of them breaks inside a word.
  var leastWidths: [Double] {
    var least = [Double](repeating: 0, count: Self.baseWidths.count)
    least[Column.kpi] = Self.kpiLeastWidth
    for (column, label) in Self.projectHeaders + Self.subHeaders {
      least[column] = max(least[column], label.leastWidth)
    }
    // Any wording may be chosen from the drop-down later: the columns fit them all.
    for effect in Effect.allCases {
      least[Column.effect] = max(least[Column.effect], Self.label(effect).leastWidth)
    }
    for policy in Policy.allCases {
      least[Column.policy] = max(least[Column.policy], Self.label(policy).leastWidth)
    }
    for project in facts.document.projects where isShown(project) {
      if let period = project.period {
        least[Column.period] = max(
          least[Column.period], LabelLines(text: ReportText.period(period)).leastWidth)
      }
      for kpi in project.kpis {
        least[Column.unit] = max(
          least[Column.unit], min(Self.unitWidthLimit, LabelLines(text: kpi.unit ?? "").leastWidth))
      }
    }
    return least
  }

  /// The column widths: the base widths, widened to the least widths, number columns
  /// widened to what they show.
  var widths: [Double] {
    let least = leastWidths
    var widths = zip(Self.baseWidths, least).map { max($0, $1) }
    let year = facts.evaluationYear
    for project in facts.document.projects {
      if let cost = project.years.first(where: { $0.fiscalYear == year })?.cost {
        let needed = ValueFormat.shownWidth(
          cost.value, unit: cost.unit, decimals: ValueFormat.decimals(cost.value))
        widths[Column.cost] = max(widths[Column.cost], min(16, needed))
      }
      for kpi in project.kpis {
        let needed = min(16, ValueFormat.shownWidth(of: kpi))
        widths[Column.target] = max(widths[Column.target], needed)
        widths[Column.actual] = max(widths[Column.actual], needed)
        widths[Column.rate] = max(widths[Column.rate], min(12, ValueFormat.rateWidth(of: kpi)))
      }
    }
    // Wider numbers take their room from the text columns (which wrap), so the form still
    // prints one page wide at the smallest scale.
    let page = PrintLayout.printableWidth * 100 / Double(PrintLayout.minimumScale) / 0.75
    let budget = (page - 5 * Double(widths.count)) / 7
    let texts = [
      Column.name, Column.kpi, Column.assessment, Column.opinion, Column.reason, Column.effect,
    ]
    let excess = widths.reduce(0, +) - budget
    // A text column gives up width down to 7, never below what its header needs.
    func floor(_ column: Int) -> Double { max(7, least[column]) }
    let shrinkable = texts.reduce(0.0) { $0 + max(0, widths[$1] - floor($1)) }
    if excess > 0, shrinkable > 0 {
      let share = min(1, excess / shrinkable)
      for column in texts {
        let spare = max(0, widths[column] - floor(column))
        widths[column] -= min(spare, (spare * share).rounded(.up))
      }
    }
    return widths
  }

  /// Writes the sheet; returns warnings (too many page breaks).
  @discardableResult
  func write(into sheet: Worksheet) throws -> [ReportWarning] {
    var heights = RowHeights()
    let widths = self.widths
    for (column, width) in widths.enumerated() {
      try sheet.setColumnWidth(width, columns: column...column)
    }
    try sheet.merge(
      CellRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: Column.last),
      value: .string(facts.title),
      format: ReportStyle.text(size: 14, bold: true, horizontal: .left))
    heights.need(26, row: 0)
    try writeHeaderBlock(sheet, widths: widths, heights: &heights)
    try writeTableHeader(sheet, widths: widths, heights: &heights)
    var kpiRows: [(row: Int, direction: Direction)] = []
    var blocks: [ClosedRange<Int>] = []
    let lastRow = try writeProjects(
      sheet, widths: widths, heights: &heights, kpiRows: &kpiRows, blocks: &blocks)
    if lastRow >= Self.firstDataRow {
      try addRules(sheet, lastRow: lastRow, kpiRows: kpiRows)
    }
    try heights.apply(to: sheet, through: lastRow)
    try sheet.freezePanes(row: Self.firstDataRow, column: 0)
    let scale = PrintLayout.scale(columnWidths: widths)
    try ReportStyle.setUpPrinting(sheet, municipality: facts.municipality.name, scale: scale)
    let repeated = Self.headerRow...(Self.headerRow + 1)
    try sheet.repeatRows(repeated)
    let breaks = PrintLayout.breaks(
      heights: heights.all(through: lastRow), blocks: blocks, repeated: repeated, scale: scale)
    return try ReportStyle.setPageBreaks(breaks, on: sheet).map { [$0] } ?? []
  }

  private func writeHeaderBlock(
    _ sheet: Worksheet, widths: [Double], heights: inout RowHeights
  ) throws {
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
      heights.need(TextMetrics.height(text, columnWidth: widths[3...5].reduce(0, +)), row: row)
    }
  }

  private func writeTableHeader(
    _ sheet: Worksheet, widths: [Double], heights: inout RowHeights
  ) throws {
    let top = Self.headerRow
    for (column, label) in Self.projectHeaders {
      let text = label.text(columnWidth: widths[column])
      try sheet.merge(
        CellRange(firstRow: top, firstColumn: column, lastRow: top + 1, lastColumn: column),
        value: .string(text), format: ReportStyle.header)
      heights.need(TextMetrics.height(text, columnWidth: widths[column]), rows: top...(top + 1))
    }
    for (columns, label) in Self.groups {
      let text = label.text(columnWidth: widths[columns].reduce(0, +))
      try sheet.merge(
        CellRange(
          firstRow: top, firstColumn: columns.lowerBound, lastRow: top,
          lastColumn: columns.upperBound),
        value: .string(text), format: ReportStyle.header)
      heights.need(
        TextMetrics.height(text, columnWidth: widths[columns].reduce(0, +)), row: top)
    }
    for (column, label) in Self.subHeaders {
      let text = label.text(columnWidth: widths[column])
      try sheet.write(
        text, at: CellReference(row: top + 1, column: column), format: ReportStyle.header)
      heights.need(TextMetrics.height(text, columnWidth: widths[column]), row: top + 1)
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

  /// Writes the project blocks; returns the last row written (or the header's last row) and
  /// gathers each KPI's row and direction into `kpiRows`.
  private func writeProjects(
    _ sheet: Worksheet, widths: [Double], heights: inout RowHeights,
    kpiRows: inout [(row: Int, direction: Direction)], blocks: inout [ClosedRange<Int>]
  ) throws -> Int {
    let year = facts.evaluationYear
    var row = Self.firstDataRow
    for (index, project) in facts.document.projects.enumerated() where isShown(project) {
      let rows = max(1, project.kpis.count)
      let span = row...(row + rows - 1)
      blocks.append(span)
      var projectCells: [(column: Int, value: CellValue, format: FormatSpec, text: String)] = [
        (Column.no, .integer(facts.number(of: index)), ReportStyle.centred, ""),
        (Column.name, .string(project.name), ReportStyle.cell, project.name),
      ]
      let grantType = project.grantType ?? ""
      projectCells.append((Column.grantType, text(grantType), ReportStyle.cell, grantType))
      let period =
        project.period.map {
          LabelLines(text: ReportText.period($0)).text(columnWidth: widths[Column.period])
        } ?? ""
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
      // The national wording broken where it reads well (readers fold the line breaks).
      let evaluationTexts: [(Int, String?)] = [
        (
          Column.effect,
          evaluation?.effect.map { Self.label($0).text(columnWidth: widths[Column.effect]) }
        ),
        (Column.assessment, evaluation?.assessment),
        (Column.opinion, evaluation?.expertOpinion),
        (
          Column.policy,
          evaluation?.policy.map { Self.label($0).text(columnWidth: widths[Column.policy]) }
        ),
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
          TextMetrics.height(cell.text, columnWidth: widths[cell.column]), rows: span)
      }
      if project.kpis.isEmpty {
        try sheet.write(
          Self.noKPI, at: CellReference(row: row, column: Column.kpi), format: ReportStyle.cell)
        for column in (Column.kpi + 1)...Column.rate {
          try sheet.writeBlank(
            at: CellReference(row: row, column: column), format: ReportStyle.cell)
        }
      }
      for (offset, kpi) in project.kpis.enumerated() {
        try writeKPI(
          kpi, row: row + offset,
          source: cells.cells(project: index, kpi: offset, fiscalYear: year),
          widths: widths, sheet: sheet, heights: &heights)
        kpiRows.append((row + offset, kpi.effectiveDirection))
      }
      row += rows
    }
    return row - 1
  }

  /// Writes a KPI's row; its target and actual point at `source`, the KPI推移 cells of the
  /// evaluation year, when KPI推移 shows that year.
  private func writeKPI(
    _ kpi: KPI, row: Int, source: (target: CellReference, actual: CellReference)?,
    widths: [Double], sheet: Worksheet, heights: inout RowHeights
  ) throws {
    let value = kpi.values.first { $0.fiscalYear == facts.evaluationYear }
    let numberFormat = ReportStyle.number(ValueFormat.code(for: kpi))
    try sheet.write(
      kpi.name, at: CellReference(row: row, column: Column.kpi), format: ReportStyle.cell)
    heights.need(
      TextMetrics.height(kpi.name, columnWidth: widths[Column.kpi]), row: row)
    let unit = LabelLines(text: kpi.unit ?? "").text(columnWidth: widths[Column.unit])
    try sheet.write(
      text(unit), at: CellReference(row: row, column: Column.unit), format: ReportStyle.centred)
    heights.need(TextMetrics.height(unit, columnWidth: widths[Column.unit]), row: row)
    try sheet.write(
      text(value?.due ?? ""), at: CellReference(row: row, column: Column.due),
      format: ReportStyle.centred)
    let target = CellReference(row: row, column: Column.target)
    let actual = CellReference(row: row, column: Column.actual)
    try ValueCells.write(
      value?.target, pointingAt: source?.target, at: target, format: numberFormat, in: sheet)
    try ValueCells.write(
      value?.actual, pointingAt: source?.actual, at: actual, format: numberFormat, in: sheet)
    try sheet.writeFormula(
      ReportText.rateFormula(target: target, actual: actual, direction: kpi.effectiveDirection),
      at: CellReference(row: row, column: Column.rate),
      result: ReportText.rateResult(value, direction: kpi.effectiveDirection),
      format: ReportStyle.rate)
  }

  /// The drop-downs of national wording and the highlight of achieved KPIs.
  private func addRules(
    _ sheet: Worksheet, lastRow: Int, kpiRows: [(row: Int, direction: Direction)]
  ) throws {
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
    // 達成 by comparison, which differs by direction: one rule per run of rows that share it.
    var runs: [(rows: ClosedRange<Int>, direction: Direction)] = []
    for (row, direction) in kpiRows {
      if let last = runs.last, last.direction == direction, last.rows.upperBound == row - 1 {
        runs[runs.count - 1].rows = last.rows.lowerBound...row
      } else {
        runs.append((row...row, direction))
      }
    }
    for run in runs {
      let top = run.rows.lowerBound
      try sheet.addConditionalFormat(
        CellRange(
          firstRow: top, firstColumn: Column.kpi, lastRow: run.rows.upperBound,
          lastColumn: Column.rate),
        rule: .formula(
          ReportText.achievedRule(
            target: CellReference(row: top, column: Column.target),
            actual: CellReference(row: top, column: Column.actual), direction: run.direction)),
        format: ReportStyle.achieved)
    }
  }

  private func text(_ string: String) -> CellValue {
    string.isEmpty ? .blank : .string(string)
  }
}
