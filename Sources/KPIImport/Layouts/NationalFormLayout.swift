import CellAddress
import KPIModel
import XLSXReader

/// Layout B, the national form (様式2 style, one year): a row per KPI with the project's
/// cells merged down over its KPI rows; columns 指標 | 指標値 | 単位 | 目標年月 | 実績値 |
/// 事業効果 | 事業の評価 | 外部有識者からの意見 | 今後の方針 | 今後の方針の理由, and per project
/// 交付対象事業の名称, 交付金の種類, 実績額.
///
/// The header may span two or three rows (a merged 重要業績評価指標（KPI） over its sub-headers);
/// option legends printed inside header cells are ignored (only a header's first line counts).
struct NationalFormLayout: LayoutReader {
  let layout = Layout.nationalForm

  /// The columns of the form, gathered over its header rows.
  private struct Columns {
    var fields: [HeaderField: (column: Int, header: HeaderText)] = [:]
    var lastHeaderRow: Int

    func column(_ field: HeaderField) -> Int? { fields[field]?.column }
  }

  func read(_ grid: SheetGrid, log: DiagnosticLog) -> SheetImport? {
    for row in grid.headerSearchRows {
      guard let columns = columns(startingAt: row, grid: grid) else { continue }
      return readRows(grid, columns: columns, headerRow: row, log: log)
    }
    return nil
  }

  /// The form's header starting at `row`: the KPI, target and actual columns and at least
  /// one of 目標年月 / 事業効果 / 今後の方針, over up to three rows; no 年度 column (a list with
  /// one is layout C).
  private func columns(startingAt row: Int, grid: SheetGrid) -> Columns? {
    var columns = Columns(lastHeaderRow: row)
    for headerRow in row...(row + 2) {
      let header = HeaderRow(row: headerRow, grid: grid)
      if headerRow > row && header.entries.isEmpty { break }
      if header.has(.fiscalYear) { return nil }
      for entry in header.entries {
        // Sub-headers are more specific than the banner above them: a lower row wins,
        // except that a column keeps one field.
        if let existing = columns.fields[entry.field], existing.column != entry.column,
          headerRow == row
        {
          continue
        }
        columns.fields[entry.field] = (entry.column, entry.header)
        columns.lastHeaderRow = max(columns.lastHeaderRow, headerRow)
      }
    }
    // The evaluation columns make the form: a list with only 目標年月 is a flat list (C).
    let required: [HeaderField] = [.kpi, .target, .actual]
    let evaluation: [HeaderField] = [.effect, .assessment, .expertOpinion, .policy, .policyReason]
    guard required.allSatisfy({ columns.fields[$0] != nil }),
      evaluation.contains(where: { columns.fields[$0] != nil })
    else { return nil }
    // The KPI banner's column is also its first sub-column: point .kpi at the names.
    return columns
  }

  private func readRows(_ grid: SheetGrid, columns: Columns, headerRow: Int, log: DiagnosticLog)
    -> SheetImport?
  {
    let sheet = grid.sheet.name
    guard let kpiColumn = columns.column(.kpi), let targetColumn = columns.column(.target),
      let actualColumn = columns.column(.actual)
    else { return nil }
    let projectColumn = columns.column(.projectName)
    let titleYear = Self.titleYear(grid, above: headerRow)
    var projects = ProjectAccumulator()
    var currentAnchor: CellReference?
    var lastRow = columns.lastHeaderRow
    var evaluationYears: [Int] = []
    var cost: Amount?

    for row in grid.rows where row > columns.lastHeaderRow {
      let kpiReference = CellReference(row: row, column: kpiColumn)
      guard
        var kpiName = CellReading.text(grid.storedCell(at: kpiReference)).map(
          TextNormalizer.compact),
        !kpiName.hasPrefix("※")
      else { continue }
      // 「指標①」 alone in the KPI column: the name is in the next column.
      if Self.isIndicatorLabel(kpiName),
        let next = CellReading.text(
          grid.storedCell(at: CellReference(row: row, column: kpiColumn + 1)))
      {
        kpiName = TextNormalizer.compact(next)
      }
      kpiName = Self.withoutIndicatorPrefix(kpiName)
      guard !kpiName.isEmpty else { continue }

      let projectReference = projectColumn.map { CellReference(row: row, column: $0) }
      let anchor = projectReference.map { grid.merge(containing: $0)?.first ?? $0 }
      if anchor != currentAnchor || !projects.hasCurrent {
        finishProject(&projects, evaluationYears, cost: cost)
        evaluationYears = []
        currentAnchor = anchor
        let name = anchor.flatMap { CellReading.text(grid.cell(at: $0)) } ?? grid.sheet.name
        projects.begin(named: name, at: anchor)
        cost = readProjectCells(
          grid, row: anchor?.row ?? row, columns: columns, projects: &projects, log: log)
      }
      lastRow = row

      let dueColumn = columns.column(.due)
      let dueReference = dueColumn.map { CellReference(row: row, column: $0) }
      let dueCell = dueReference.flatMap { grid.cell(at: $0) }
      var fiscalYear = titleYear
      var dueText: String?
      if let dueCell, let label = CellReading.yearLabel(dueCell),
        let year = label.resolve(periodStart: nil)
      {
        fiscalYear = year
        dueText =
          label.dueText.flatMap { _ in CellReading.text(dueCell) } ?? CellReading.text(dueCell)
      } else if let dueCell, let text = CellReading.text(dueCell), let dueReference {
        log.add(.error, .unknownYear, ["text": text], sheet: sheet, cell: dueReference)
        continue
      }
      guard let fiscalYear else {
        log.add(
          .error, .unknownYear, ["text": dueText ?? ""], sheet: sheet,
          cell: dueReference ?? kpiReference)
        continue
      }
      evaluationYears.append(fiscalYear)
      projects.addYear(fiscalYear)
      projects.withKPI(named: kpiName, at: kpiReference) { kpi in
        if let unitColumn = columns.column(.unit) {
          kpi.declareUnit(
            CellReading.text(grid.cell(row: row, column: unitColumn)),
            at: CellReference(row: row, column: unitColumn))
        }
        kpi.add(
          fiscalYear: fiscalYear, target: CellReference(row: row, column: targetColumn),
          actual: CellReference(row: row, column: actualColumn), due: dueText, in: grid, log: log)
      }
    }
    finishProject(&projects, evaluationYears, cost: cost)
    guard !projects.isEmpty else { return nil }
    return SheetImport(
      projects: projects.build(sheet: sheet, log: log),
      tables: [
        DetectedTable(
          layout: layout, sheet: sheet, rows: headerRow...lastRow,
          columns: columns.fields.values.map(\.column))
      ])
  }

  /// The project's own cells: grant type, department and the evaluation columns; returns
  /// its 実績額 (cost), which belongs to the year its KPI rows give.
  private func readProjectCells(
    _ grid: SheetGrid, row: Int, columns: Columns, projects: inout ProjectAccumulator,
    log: DiagnosticLog
  ) -> Amount? {
    let sheet = grid.sheet.name
    func text(_ field: HeaderField) -> (String, CellReference)? {
      guard let column = columns.column(field) else { return nil }
      let reference = CellReference(row: row, column: column)
      return CellReading.text(grid.cell(at: reference)).map { ($0, reference) }
    }
    var evaluation = Evaluation()
    if let (value, reference) = text(.effect) {
      evaluation.effect = Effect(matching: value)
      if evaluation.effect == nil {
        log.add(.warning, .unknownEffect, ["text": value], sheet: sheet, cell: reference)
      }
    }
    if let (value, reference) = text(.policy) {
      evaluation.policy = Policy(matching: value)
      if evaluation.policy == nil {
        log.add(.warning, .unknownPolicy, ["text": value], sheet: sheet, cell: reference)
      }
    }
    evaluation.assessment = text(.assessment).flatMap { TextNormalizer.paragraph($0.0) }
    evaluation.expertOpinion = text(.expertOpinion).flatMap { TextNormalizer.paragraph($0.0) }
    evaluation.policyReason = text(.policyReason).flatMap { TextNormalizer.paragraph($0.0) }
    let grantType = text(.grantType).map { TextNormalizer.compact($0.0) }
    let department = text(.department).map { TextNormalizer.compact($0.0) }
    let hasEvaluation =
      evaluation.effect != nil || evaluation.policy != nil || evaluation.assessment != nil
      || evaluation.expertOpinion != nil || evaluation.policyReason != nil
    projects.update { project in
      project.grantType = project.grantType ?? grantType
      project.department = project.department ?? department
      if hasEvaluation && project.evaluation == nil { project.evaluation = evaluation }
    }
    guard let cost = columns.fields[.cost] else { return nil }
    return KPIBuilder.amount(
      at: CellReference(row: row, column: cost.column), headerUnit: cost.header.moneyUnit,
      in: grid, log: log)
  }

  /// Ends a project: its evaluation and cost belong to its KPIs' fiscal year (the latest).
  private func finishProject(_ projects: inout ProjectAccumulator, _ years: [Int], cost: Amount?) {
    guard let year = years.max() else { return }
    if let cost { projects.setCost(cost, year: year) }
    projects.update { project in
      if project.evaluation != nil && project.evaluation?.fiscalYear == nil {
        project.evaluation?.fiscalYear = year
      }
    }
  }

  /// A 令和N年度 in the title rows: the form's year when no 目標年月 is given.
  private static func titleYear(_ grid: SheetGrid, above row: Int) -> Int? {
    for candidate in grid.rows where candidate < row {
      for cell in grid.cells(inRow: candidate) {
        guard case .string(let text) = cell.value else { continue }
        for scalarText in text.split(whereSeparator: { "（()）　 ".contains($0) }) {
          if case .absolute(let year) = FiscalYearLabel.parse(String(scalarText)) { return year }
        }
      }
    }
    return nil
  }

  /// 「指標①」, 「指標1」: a row label, not a name.
  static func isIndicatorLabel(_ text: String) -> Bool {
    guard text.hasPrefix("指標") else { return false }
    let rest = text.dropFirst(2)
    return !rest.isEmpty && rest.allSatisfy { $0.isNumber || ("①"..."⑳").contains($0) }
  }

  /// 「指標①　観光客数」 → 観光客数.
  static func withoutIndicatorPrefix(_ text: String) -> String {
    guard text.hasPrefix("指標") else { return text }
    var rest = text.dropFirst(2)
    guard let first = rest.first, first.isNumber || ("①"..."⑳").contains(first) else { return text }
    while let next = rest.first,
      next.isNumber || ("①"..."⑳").contains(next) || ":：.．　 ".contains(next)
    {
      rest = rest.dropFirst()
    }
    return String(rest)
  }
}
