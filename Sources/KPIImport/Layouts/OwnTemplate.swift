import CellAddress
import KPIModel
import XLSXReader

/// The departmental template kpisheet writes (`kpisheet template`), known by its `kpisheet`
/// document property, read back by its sheets' headers (`TemplateFormat`): 事業 gives the
/// projects and their fields, 年度別 each year's activities and cost, KPI the values, 評価
/// the evaluation. Sheets are told apart by their headers, not their names, and columns are
/// found by header, so a department may rename sheets, move columns or insert rows. Rows
/// whose project name is marked 【記入例】 are skipped.
struct OwnTemplate {
  static func isTemplate(_ workbook: XLSXWorkbook) -> Bool {
    ReportMarker.marksTemplate(workbook.customProperties[ReportMarker.propertyName])
  }

  /// The records of every template sheet of `workbook`; nil when no sheet has a template
  /// header.
  func read(_ workbook: XLSXWorkbook, log: DiagnosticLog) throws -> SheetImport? {
    var tables: [TemplateTable] = []
    for sheet in workbook.sheets where sheet.kind == .worksheet {
      let grid = try SheetGrid(workbook: workbook, sheet: sheet)
      if let table = TemplateTable(grid) { tables.append(table) }
    }
    return read(tables, log: log)
  }

  /// The records of template sheets already found (`TemplateTable`s, in sheet order); nil
  /// when there are none.
  func read(_ tables: [TemplateTable], log: DiagnosticLog) -> SheetImport? {
    guard !tables.isEmpty else { return nil }
    var builder = TemplateRecords(log: log)
    // Projects first (their periods place relative years), then what refers to them.
    for kind in TemplateTable.Kind.allCases {
      for table in tables where table.kind == kind {
        builder.read(table)
        if kind == .projects {
          builder.municipality =
            builder.municipality ?? MunicipalityBlock.read(table.grid, log: log)
          builder.grant = builder.grant ?? table.label(TemplateFormat.grantLabel)
        }
      }
    }
    let projects = builder.build()
    if projects.isEmpty {
      log.add(
        Diagnostic(
          .error, "template-empty",
          message: "the template has no project filled in yet (rows marked 【記入例】 are not read)",
          japanese: "テンプレートにまだ事業が記入されていません（【記入例】の行は読み込みません）"),
        sheet: tables.first?.sheet, cell: nil)
    }
    return SheetImport(
      projects: projects, tables: tables.map(\.detected),
      municipality: builder.municipality, grant: builder.grant)
  }
}

/// One template sheet: which of the four it is (by its headers), its header row and where
/// each column is.
struct TemplateTable {
  /// The sheets, in the order they are read.
  enum Kind: CaseIterable {
    case projects, years, kpis, evaluations
  }

  let grid: SheetGrid
  let kind: Kind
  let headerRow: Int
  /// Columns by their header's key (`HeaderText.key`).
  let columns: [String: Int]

  init?(_ grid: SheetGrid) {
    let name = HeaderText.key(TemplateFormat.ProjectColumn.name.rawValue)
    for row in grid.rows.prefix(30) {
      var columns: [String: Int] = [:]
      for cell in grid.cells(inRow: row) {
        guard case .string(let text) = cell.value else { continue }
        let firstLine = String(text.split(whereSeparator: \.isNewline).first ?? "")
        let key = HeaderText.key(firstLine)
        if columns[key] == nil { columns[key] = cell.reference.column }
      }
      guard columns[name] != nil else { continue }
      func has<Column: RawRepresentable>(_ column: Column) -> Bool where Column.RawValue == String {
        columns[HeaderText.key(column.rawValue)] != nil
      }
      let kind: Kind
      if has(TemplateFormat.KPIColumn.kpi) {
        kind = .kpis
      } else if has(TemplateFormat.YearColumn.activities) || has(TemplateFormat.YearColumn.cost) {
        kind = .years
      } else if has(TemplateFormat.EvaluationColumn.effect)
        || has(TemplateFormat.EvaluationColumn.policy)
      {
        kind = .evaluations
      } else if has(TemplateFormat.ProjectColumn.scope) || has(TemplateFormat.ProjectColumn.start)
        || has(TemplateFormat.ProjectColumn.overview)
      {
        kind = .projects
      } else {
        continue
      }
      self.grid = grid
      self.kind = kind
      self.headerRow = row
      self.columns = columns
      return
    }
    return nil
  }

  /// The template's own sheet, known without the workbook's `kpisheet` property (sheets an
  /// officer copied into another workbook): a template header whose columns are all the
  /// template draws for its kind, or, on a sheet that keeps the template's name for its kind,
  /// enough of them to read it (the KPI sheet's name, KPI, year, target and actual). Plain
  /// tables with a 事業名 column are left to the table reader.
  static func drawn(_ grid: SheetGrid) -> TemplateTable? {
    guard let table = TemplateTable(grid) else { return nil }
    let keys: [String]
    let needed: [String]
    let name: String
    switch table.kind {
    case .projects:
      keys = TemplateFormat.ProjectColumn.allCases.map(\.rawValue)
      needed = [TemplateFormat.ProjectColumn.name.rawValue]
      name = TemplateFormat.projectSheet
    case .years:
      keys = TemplateFormat.YearColumn.allCases.map(\.rawValue)
      needed = [
        TemplateFormat.YearColumn.name.rawValue, TemplateFormat.YearColumn.fiscalYear.rawValue,
      ]
      name = TemplateFormat.yearSheet
    case .kpis:
      typealias K = TemplateFormat.KPIColumn
      keys = K.allCases.map(\.rawValue)
      needed = [K.name, K.kpi, K.fiscalYear, K.target, K.actual].map(\.rawValue)
      name = TemplateFormat.kpiSheet
    case .evaluations:
      keys = TemplateFormat.EvaluationColumn.allCases.map(\.rawValue)
      needed = [TemplateFormat.EvaluationColumn.name.rawValue]
      name = TemplateFormat.evaluationSheet
    }
    func present(_ headers: [String]) -> Bool {
      headers.allSatisfy { table.columns[HeaderText.key($0)] != nil }
    }
    if present(keys) { return table }
    return grid.sheet.name == name && present(needed) ? table : nil
  }

  var sheet: String { grid.sheet.name }

  /// The data rows under the header.
  var dataRows: ArraySlice<Int> { grid.rows.drop { $0 <= headerRow } }

  func column<Column: RawRepresentable>(_ column: Column) -> Int?
  where Column.RawValue == String {
    columns[HeaderText.key(column.rawValue)]
  }

  func reference<Column: RawRepresentable>(_ column: Column, row: Int) -> CellReference?
  where Column.RawValue == String {
    self.column(column).map { CellReference(row: row, column: $0) }
  }

  func cell<Column: RawRepresentable>(_ column: Column, row: Int) -> Cell?
  where Column.RawValue == String {
    reference(column, row: row).flatMap { grid.cell(at: $0) }
  }

  func text<Column: RawRepresentable>(_ column: Column, row: Int) -> String?
  where Column.RawValue == String {
    CellReading.text(cell(column, row: row))
  }

  /// The value right of a label above the table (the municipality block's).
  func label(_ label: String) -> String? {
    for row in grid.rows where row < headerRow {
      let cells = grid.cells(inRow: row)
      guard let index = cells.firstIndex(where: { CellReading.text($0) == label }) else { continue }
      return cells[(index + 1)...].lazy.compactMap(CellReading.text).first.map(
        TextNormalizer.compact)
    }
    return nil
  }

  var detected: DetectedTable {
    let columns = Array(self.columns.values)
    return DetectedTable(
      layout: .ownTemplate, sheet: sheet, rows: headerRow...max(headerRow, grid.lastRow),
      columns: columns)
  }
}

/// The records gathered from the template's sheets, projects in the order the 事業 sheet
/// names them (then in the order other sheets first name them).
struct TemplateRecords {
  private struct Entry {
    var project: Project
    var nameCell: (sheet: String, cell: CellReference)
    var kpis: [KPIBuilder] = []
    var kpiSheet: String?
    var years: [Int: ProjectYear] = [:]
    /// Where each KPI's direction was set, to name both cells when another row contradicts it.
    var directionCells: [String: CellReference] = [:]
    var evaluationYear: Int?
  }

  let log: DiagnosticLog
  var municipality: Municipality?
  var grant: String?
  private var entries: [Entry] = []
  private var indexByName: [String: Int] = [:]

  init(log: DiagnosticLog) { self.log = log }

  mutating func read(_ table: TemplateTable) {
    var previous: String?
    for row in table.dataRows {
      let nameReference = table.reference(TemplateFormat.ProjectColumn.name, row: row)
      let written = nameReference.flatMap { CellReading.text(table.grid.cell(at: $0)) }
      // A blank name repeats the row above's project, on every sheet but 事業; an example
      // row above repeats nothing.
      var name = written.map(TextNormalizer.compact)
      if name == nil, table.kind != .projects, rowHasContent(table, row) { name = previous }
      guard let name, let nameReference else {
        if rowHasContent(table, row) {
          log.add(.error, .blankProjectName, [:], sheet: table.sheet, cell: nameReference)
        }
        continue
      }
      if TemplateFormat.isExample(name) || SingleTable.isDashOnly(name) {
        previous = nil
        continue
      }
      previous = name
      let index = entry(named: name, sheet: table.sheet, at: nameReference)
      switch table.kind {
      case .projects: readProject(table, row: row, into: index)
      case .years: readYear(table, row: row, into: index)
      case .kpis: readKPI(table, row: row, into: index)
      case .evaluations: readEvaluation(table, row: row, into: index)
      }
    }
  }

  private func rowHasContent(_ table: TemplateTable, _ row: Int) -> Bool {
    table.grid.cells(inRow: row).contains { CellReading.text($0) != nil }
  }

  private mutating func entry(named name: String, sheet: String, at cell: CellReference) -> Int {
    if let index = indexByName[name] { return index }
    indexByName[name] = entries.count
    entries.append(Entry(project: Project(name: name), nameCell: (sheet, cell)))
    return entries.count - 1
  }

  /// A year cell: nil when blank; an error naming the cell when it is no fiscal year.
  private func year(_ table: TemplateTable, _ reference: CellReference?, period: FiscalPeriod?)
    -> Int?
  {
    guard let reference, let cell = table.grid.cell(at: reference), CellReading.text(cell) != nil
    else { return nil }
    return resolveYear(cell, at: reference, period: period, sheet: table.sheet, log: log)
  }

  private func warn(
    _ table: TemplateTable, _ reference: CellReference?, _ english: String, _ japanese: String
  ) {
    log.add(
      Diagnostic(.warning, "template-value", message: english, japanese: japanese),
      sheet: table.sheet, cell: reference)
  }

  private mutating func readProject(_ table: TemplateTable, row: Int, into index: Int) {
    typealias C = TemplateFormat.ProjectColumn
    var project = entries[index].project
    if project.no == nil, case .number(let number)? = table.cell(C.no, row: row)?.value,
      let no = Int(exactly: number), no > 0
    {
      project.no = no
    }
    if project.scope == nil, let text = table.text(C.scope, row: row) {
      project.scope = Self.scope(text)
      if project.scope == nil {
        warn(
          table, table.reference(C.scope, row: row),
          "\"\(text)\" is neither 単独 nor 広域; the 区分 was left out",
          "「\(text)」は「単独」「広域」のどちらでもありません。区分は読み込みませんでした")
      }
    }
    let start = year(table, table.reference(C.start, row: row), period: nil)
    let end = year(table, table.reference(C.end, row: row), period: nil)
    if project.period == nil, let start, let end {
      project.period = FiscalPeriod(start: min(start, end), end: max(start, end))
    } else if (start == nil) != (end == nil) {
      warn(
        table, table.reference(start == nil ? C.start : C.end, row: row),
        "the project period needs both 開始年度 and 終了年度; it was left out",
        "事業期間には開始年度と終了年度の両方が必要です。事業期間は読み込みませんでした")
    }
    project.grantType =
      project.grantType ?? table.text(C.grantType, row: row).map(TextNormalizer.compact)
    project.department =
      project.department ?? table.text(C.department, row: row).map(TextNormalizer.compact)
    project.overview =
      project.overview ?? table.text(C.overview, row: row).flatMap(TextNormalizer.paragraph)
    if project.partners == nil, let text = table.text(C.partners, row: row) {
      let partners = TemplateFormat.partners(text)
      project.partners = partners.isEmpty ? nil : partners
    }
    entries[index].project = project
    entries[index].nameCell = (
      table.sheet, table.reference(C.name, row: row) ?? entries[index].nameCell.cell
    )
  }

  /// 単独 / 広域, and the words sheets use for them (単市, 単町, 単村; 広域連携).
  static func scope(_ text: String) -> Scope? {
    let compact = TextNormalizer.compact(text)
    if let scope = Scope(reportLabel: compact) { return scope }
    if ["単市", "単町", "単村"].contains(compact) { return .single }
    return compact.hasPrefix("広域") ? .wideArea : nil
  }

  private mutating func readYear(_ table: TemplateTable, row: Int, into index: Int) {
    typealias C = TemplateFormat.YearColumn
    let activities = table.text(C.activities, row: row).map(TextNormalizer.activities) ?? []
    let costReference = table.reference(C.cost, row: row)
    let hasCost = costReference.flatMap { table.grid.cell(at: $0) }.flatMap(CellReading.text) != nil
    guard
      let fiscalYear = year(
        table, table.reference(C.fiscalYear, row: row), period: entries[index].project.period)
    else {
      if !activities.isEmpty || hasCost {
        log.add(
          .error, .unknownYear, ["text": table.text(C.fiscalYear, row: row) ?? ""],
          sheet: table.sheet, cell: table.reference(C.fiscalYear, row: row))
      }
      return
    }
    var year = entries[index].years[fiscalYear] ?? ProjectYear(fiscalYear: fiscalYear)
    year.activities += activities
    if year.cost == nil, let costReference, hasCost {
      year.cost = KPIBuilder.amount(
        at: costReference, headerUnit: table.text(C.costUnit, row: row).map(TextNormalizer.compact),
        in: table.grid, log: log)
    }
    entries[index].years[fiscalYear] = year
  }

  private mutating func readKPI(_ table: TemplateTable, row: Int, into index: Int) {
    typealias C = TemplateFormat.KPIColumn
    guard let written = table.text(C.kpi, row: row) else {
      let values = [C.target, C.actual].compactMap { table.text($0, row: row) }
      if !values.isEmpty {
        warn(
          table, table.reference(C.kpi, row: row), "a row with values names no KPI; it was skipped",
          "値のある行に KPI の名称がありません。この行は読み込みませんでした")
      }
      return
    }
    let name = TextNormalizer.compact(written)
    guard !SingleTable.isDashOnly(name) else { return }
    let period = entries[index].project.period
    let fiscalYear = year(table, table.reference(C.fiscalYear, row: row), period: period)
    let kpiReference = table.reference(C.kpi, row: row)
    let directionText = table.text(C.direction, row: row)
    let direction = directionText.flatMap(Direction.init(matching:))
    if let directionText, direction == nil {
      warn(
        table, table.reference(C.direction, row: row),
        "\"\(directionText)\" is neither 増加 nor 減少; the direction was left out",
        "「\(directionText)」は「増加」「減少」のどちらでもありません。指標の方向は読み込みませんでした")
    }
    var kpiIndex = entries[index].kpis.firstIndex { $0.name == name }
    if kpiIndex == nil {
      entries[index].kpis.append(KPIBuilder(name: name, nameCell: kpiReference))
      kpiIndex = entries[index].kpis.count - 1
    }
    guard let kpiIndex else { return }
    entries[index].kpiSheet = entries[index].kpiSheet ?? table.sheet
    var kpi = entries[index].kpis[kpiIndex]
    if let unitReference = table.reference(C.unit, row: row) {
      kpi.declareUnit(CellReading.text(table.grid.cell(at: unitReference)), at: unitReference)
    }
    if let direction, let directionReference = table.reference(C.direction, row: row) {
      if entries[index].directionCells[name] != nil, (kpi.direction ?? .increase) != direction {
        let earlier = kpi.direction ?? .increase
        let first = entries[index].directionCells[name].map { "\(table.sheet)!\($0)" } ?? "?"
        log.add(
          Diagnostic(
            .error, "conflicting-direction",
            message:
              "KPI \"\(name)\" is 「\(earlier.japaneseLabel)」 at \(first) but 「\(direction.japaneseLabel)」 here; give one direction",
            japanese:
              "KPI「\(name)」の指標の方向が \(first) では「\(earlier.japaneseLabel)」、ここでは「\(direction.japaneseLabel)」です。どちらか一方にしてください"
          ),
          sheet: table.sheet, cell: directionReference)
      } else if entries[index].directionCells[name] == nil {
        // Only 減少 is stored: records leave the default 増加 out, as the report's reader does.
        kpi.direction = direction == .decrease ? .decrease : nil
        entries[index].directionCells[name] = directionReference
      }
    }
    if let baseline = table.reference(C.baseline, row: row),
      CellReading.text(table.grid.cell(at: baseline)) != nil
    {
      kpi.readBaseline(baseline, in: table.grid, log: log, onlyIfEmpty: true)
    }
    let target = table.reference(C.target, row: row)
    let actual = table.reference(C.actual, row: row)
    if let fiscalYear {
      let due = table.text(C.due, row: row).map(TextNormalizer.compact)
      kpi.add(
        fiscalYear: fiscalYear, target: target, actual: actual, due: due, in: table.grid, log: log)
    } else if [target, actual].contains(where: { $0.flatMap { table.grid.cell(at: $0) } != nil }) {
      log.add(
        .error, .unknownYear, ["text": table.text(C.fiscalYear, row: row) ?? ""],
        sheet: table.sheet, cell: table.reference(C.fiscalYear, row: row))
    }
    entries[index].kpis[kpiIndex] = kpi
  }

  private mutating func readEvaluation(_ table: TemplateTable, row: Int, into index: Int) {
    typealias C = TemplateFormat.EvaluationColumn
    var evaluation = Evaluation()
    if let text = table.text(C.effect, row: row) {
      evaluation.effect = Effect(matching: text)
      if evaluation.effect == nil {
        log.add(
          .warning, .unknownEffect, ["text": text], sheet: table.sheet,
          cell: table.reference(C.effect, row: row))
      }
    }
    if let text = table.text(C.policy, row: row) {
      evaluation.policy = Policy(matching: text)
      if evaluation.policy == nil {
        log.add(
          .warning, .unknownPolicy, ["text": text], sheet: table.sheet,
          cell: table.reference(C.policy, row: row))
      }
    }
    evaluation.assessment = table.text(C.assessment, row: row).flatMap(TextNormalizer.paragraph)
    evaluation.expertOpinion = table.text(C.expertOpinion, row: row).flatMap(
      TextNormalizer.paragraph)
    evaluation.policyReason = table.text(C.policyReason, row: row).flatMap(
      TextNormalizer.paragraph)
    guard evaluation != Evaluation() else { return }
    let fiscalYear = year(
      table, table.reference(C.fiscalYear, row: row), period: entries[index].project.period)
    // One evaluation per project: the latest year's, when several rows give one.
    if entries[index].project.evaluation != nil,
      (fiscalYear ?? Int.min) <= (entries[index].evaluationYear ?? Int.min)
    {
      return
    }
    evaluation.fiscalYear = fiscalYear
    entries[index].project.evaluation = evaluation
    entries[index].evaluationYear = fiscalYear
  }

  /// The projects, KPIs numbered in order; every year a KPI or the 年度別 sheet names is one
  /// of the project's years; an evaluation without a year belongs to the latest.
  func build() -> [Project] {
    entries.map { entry in
      var project = entry.project
      var years = entry.years
      project.kpis = entry.kpis.enumerated().map { index, builder in
        builder.build(
          no: index + 1, period: project.period, sheet: entry.kpiSheet ?? entry.nameCell.sheet,
          log: log)
      }
      for value in project.kpis.flatMap(\.values) where years[value.fiscalYear] == nil {
        years[value.fiscalYear] = ProjectYear(fiscalYear: value.fiscalYear)
      }
      project.years = years.values.sorted { $0.fiscalYear < $1.fiscalYear }
      if project.evaluation != nil, project.evaluation?.fiscalYear == nil {
        project.evaluation?.fiscalYear = project.years.last?.fiscalYear
      }
      if project.kpis.isEmpty {
        log.add(
          .warning, .kpiNotSet, ["project": project.name], sheet: entry.nameCell.sheet,
          cell: entry.nameCell.cell)
      }
      return project
    }
  }
}
