import CellAddress
import KPIModel
import XLSXReader

/// Layout A, the seed document's own: per project a heading 「①　事業名（令和２年度～令和４年度）」,
/// an overview labelled 事業概要, then a table whose rows are years (初年度 / 2年目 / ３年目,
/// or 令和N年度) with each year's activities and, under one merged name per KPI, its 目標値 and
/// 実績値. Sections 「●単市で実施事業」/「●広域で実施事業」 give the scope.
///
/// Found from the year labels outwards, never by fixed addresses: the header above them, the
/// heading above that.
struct BlockLayout: LayoutReader {
  let layout = Layout.block

  /// One run of year labels down a column, and what belongs to it.
  private struct Block {
    var labelColumn: Int
    var rows: [Int]
    var labels: [FiscalYearLabel]
    var headerTop: Int
    var activitiesColumn: Int?
    var kpis: [(name: String, nameCell: CellReference?, target: Int, actual: Int, unit: String?)] =
      []
    /// 目標値 / 実績値 columns left out: no partner beside them, or no KPI name above.
    var columnsNotRead: [(column: Int, why: BlockColumnNotRead)] = []
  }

  func read(_ grid: SheetGrid, log: DiagnosticLog) -> SheetImport? {
    let blocks = findBlocks(grid)
    guard !blocks.isEmpty else { return nil }
    let sheet = grid.sheet.name
    var projects = ProjectAccumulator()
    var tables: [DetectedTable] = []
    var previousEnd = -1
    for block in blocks {
      // The heading between the previous block and this one; else one near the sheet's top.
      let heading = grid.projectHeading(
        in: (previousEnd + 1)..<max(previousEnd + 1, block.headerTop))
      let named = blockProjectName(
        grid, heading: heading, rows: (previousEnd + 1)..<max(previousEnd + 1, block.headerTop))
      projects.begin(named: named?.name ?? sheet, at: named?.cell)
      if named == nil {
        // As the table reader does: a project named after its sheet is said, never assumed.
        let range =
          "\(CellReference(row: block.headerTop, column: block.labelColumn)):\(CellReference(row: block.rows.last ?? block.headerTop, column: block.kpis.last?.actual ?? block.labelColumn))"
        log.add(
          .warning, .projectNamedAfterSheet, ["range": range, "project": sheet], sheet: sheet,
          cell: CellReference(row: block.headerTop, column: block.labelColumn))
      }
      let overviewSearchStart = heading?.cell.row ?? previousEnd
      if let overview = findOverview(grid, rows: (overviewSearchStart + 1)..<block.headerTop) {
        projects.update { if $0.overview == nil { $0.overview = overview } }
      }
      if let scope = findScope(grid, above: heading?.cell.row ?? block.headerTop) {
        projects.update { $0.scope = $0.scope ?? scope }
      }
      previousEnd = block.rows.last ?? previousEnd
      read(block, grid: grid, projects: &projects, log: log)
      reportFiguresNotRead(block, grid: grid, log: log)
      var columns = [block.labelColumn] + block.kpis.flatMap { [$0.target, $0.actual] }
      if let activities = block.activitiesColumn { columns.append(activities) }
      tables.append(
        DetectedTable(
          layout: layout, sheet: sheet,
          rows: block.headerTop...(block.rows.last ?? block.headerTop),
          columns: columns))
    }
    return SheetImport(projects: projects.build(sheet: sheet, log: log), tables: tables)
  }

  /// The project a block belongs to: its heading; else a 事業名 | ○○ label above the block
  /// (a form that keeps years down the rows); else a heading near the sheet's top; else the
  /// sheet's name.
  private func blockProjectName(
    _ grid: SheetGrid, heading: (text: String, cell: CellReference)?, rows: Range<Int>
  ) -> (name: String, cell: CellReference?)? {
    if let heading { return (heading.text, heading.cell) }
    if let (name, cell) = FormLabels.projectName(grid, rows) { return (name, cell) }
    return grid.projectHeading(in: 0..<20).map { ($0.text, nil) }
  }

  private func read(
    _ block: Block, grid: SheetGrid, projects: inout ProjectAccumulator, log: DiagnosticLog
  ) {
    let sheet = grid.sheet.name
    for (row, label) in zip(block.rows, block.labels) {
      let labelCell = CellReference(row: row, column: block.labelColumn)
      guard let fiscalYear = label.resolve(periodStart: projects.currentPeriod?.start) else {
        log.add(
          .error, .relativeYearWithoutPeriod,
          ["text": grid.text(row: row, column: block.labelColumn) ?? ""],
          sheet: sheet, cell: labelCell)
        continue
      }
      let activities =
        block.activitiesColumn
        .flatMap { CellReading.text(grid.storedCell(at: CellReference(row: row, column: $0))) }
        .map(TextNormalizer.activities) ?? []
      projects.addYear(fiscalYear, activities: activities)
      for kpi in block.kpis {
        projects.withKPI(named: kpi.name, at: kpi.nameCell) { builder in
          builder.declareUnit(kpi.unit, at: nil)
          builder.add(
            fiscalYear: fiscalYear, target: CellReference(row: row, column: kpi.target),
            actual: CellReference(row: row, column: kpi.actual), due: label.dueText, in: grid,
            log: log)
        }
      }
    }
  }

  /// Names the figures of a block no reader took: under a 目標値 or 実績値 column left out
  /// (no partner, no KPI name above), or on a row between the year labels that has none.
  private func reportFiguresNotRead(_ block: Block, grid: SheetGrid, log: DiagnosticLog) {
    guard let first = block.rows.first, let last = block.rows.last else { return }
    let sheet = grid.sheet.name
    let yearRows = Set(block.rows)
    let kpiColumns = block.kpis.flatMap { [$0.target, $0.actual] }
    for row in first...last {
      var columns = block.columnsNotRead
      if !yearRows.contains(row) { columns += kpiColumns.map { ($0, .noYear) } }
      for (column, why) in columns {
        let reference = CellReference(row: row, column: column)
        guard let cell = grid.storedCell(at: reference), FigureCell.holdsFigure(cell),
          !log.valuesRead.contains(reference, sheet: sheet)
        else { continue }
        log.add(
          .warning, .valueNotRead,
          [
            "value": FigureCell.shown(cell), "reason": why.reason.english,
            "reasonJapanese": why.reason.japanese,
          ], sheet: sheet, cell: reference)
      }
    }
  }

  // MARK: Finding the parts

  /// Runs of year-label cells down one column, each with the KPI header above it.
  private func findBlocks(_ grid: SheetGrid) -> [Block] {
    var labelsByColumn: [Int: [(row: Int, label: FiscalYearLabel)]] = [:]
    for row in grid.rows {
      let header = HeaderRow(row: row, grid: grid)
      if header.has(.target) || header.has(.actual) { continue }
      for cell in grid.cells(inRow: row) {
        guard case .string(let text) = cell.value, let label = FiscalYearLabel.parse(text) else {
          continue
        }
        if case .due = label { continue }
        labelsByColumn[cell.reference.column, default: []].append((row, label))
      }
    }
    var blocks: [Block] = []
    for (column, labels) in labelsByColumn {
      var run: [(row: Int, label: FiscalYearLabel)] = []
      for entry in labels + [(row: Int.max, label: FiscalYearLabel.relative(0))] {
        if let last = run.last, entry.row - last.row > 3 || entry.row == Int.max {
          if let block = makeBlock(grid, column: column, run: run) { blocks.append(block) }
          run = []
        }
        if entry.row != Int.max { run.append(entry) }
      }
    }
    return blocks.sorted { ($0.headerTop, $0.labelColumn) < ($1.headerTop, $1.labelColumn) }
  }

  /// The header above a run of year labels: the 目標値/実績値 row, the KPI names above it, and
  /// the activities column (headed 事業概要 or similar).
  private func makeBlock(_ grid: SheetGrid, column: Int, run: [(row: Int, label: FiscalYearLabel)])
    -> Block?
  {
    guard let firstRow = run.first?.row else { return nil }
    var block = Block(
      labelColumn: column, rows: run.map(\.row), labels: run.map(\.label), headerTop: firstRow)
    // The 目標値 | 実績値 row is within a few rows above the first year.
    var valueHeader: HeaderRow?
    for row in stride(from: firstRow - 1, through: max(0, firstRow - 4), by: -1) {
      let header = HeaderRow(row: row, grid: grid)
      if header.entries.contains(where: {
        ($0.field == .target || $0.field == .actual) && $0.column > column
      }) {
        valueHeader = header
        break
      }
    }
    if let valueHeader {
      let targets = valueHeader.columns(.target).filter { $0 > column }
      let actuals = valueHeader.columns(.actual).filter { $0 > column }
      var unpaired = actuals
      for target in targets {
        // 目標値 | 実績値 side by side: the actual right of the target first, else left of it.
        guard
          let actual = unpaired.filter({ $0 > target && $0 - target <= 2 }).min()
            ?? unpaired.filter({ $0 < target && target - $0 <= 2 }).max()
        else {
          block.columnsNotRead.append((target, .noPartner))
          continue
        }
        unpaired.removeAll { $0 == actual }
        let nameReference = CellReference(row: valueHeader.row - 1, column: min(target, actual))
        let nameCell = grid.cell(at: nameReference)
        guard let text = CellReading.text(nameCell), HeaderField.match(text) != .kpi else {
          block.columnsNotRead += [(target, .noName), (actual, .noName)]
          continue
        }
        // 移住者数（人）: a name carrying its unit in brackets, as the table reader reads it.
        let (name, nameUnit) = KPIName.split(TextNormalizer.compact(text))
        let unit = valueHeader.entries.first { $0.column == target }?.header.unit ?? nameUnit
        let anchor = grid.merge(containing: nameReference)?.first ?? nameReference
        block.kpis.append((name, anchor, target, actual, unit))
      }
      block.columnsNotRead += unpaired.map { ($0, .noPartner) }
      block.headerTop = valueHeader.row - (block.kpis.isEmpty ? 0 : 1)
      // A merged 重要業績評価指標（KPI） banner sits one more row up, perhaps over the lower
      // half of its own merge (a row with nothing stored in it).
      var above = block.headerTop - 1
      while above > 0, grid.cells(inRow: above).isEmpty,
        grid.merges.contains(where: { $0.first.row < above && $0.last.row >= above })
      {
        above -= 1
      }
      if above >= 0, HeaderRow(row: above, grid: grid).has(.kpi) {
        block.headerTop = above
      }
    } else if firstRow > 0 {
      block.headerTop = firstRow - 1
    }
    let kpiColumns = Set(block.kpis.flatMap { [$0.target, $0.actual] })
    for row in block.headerTop..<firstRow {
      let header = HeaderRow(row: row, grid: grid)
      if let overview = header.entries.first(where: {
        $0.field == .overview && $0.column > column && !kpiColumns.contains($0.column)
      }) {
        block.activitiesColumn = overview.column
        break
      }
    }
    guard !block.kpis.isEmpty || block.activitiesColumn != nil else { return nil }
    return block
  }

  /// The overview: the text right of a 事業概要 label, in a row that is not a table header.
  private func findOverview(_ grid: SheetGrid, rows: Range<Int>) -> String? {
    guard !rows.isEmpty else { return nil }
    for row in grid.rows where rows.contains(row) {
      let cells = grid.cells(inRow: row)
      for (index, cell) in cells.enumerated() {
        guard case .string(let text) = cell.value, HeaderField.match(text) == .overview,
          index + 1 < cells.count, let value = CellReading.text(cells[index + 1]),
          HeaderField.match(value) == nil
        else { continue }
        return TextNormalizer.paragraph(value)
      }
    }
    return nil
  }

  /// The scope of the nearest section row above: 「●単市で実施事業」 or 「●広域で実施事業」.
  private func findScope(_ grid: SheetGrid, above row: Int) -> Scope? {
    for candidate in grid.rows.reversed() where candidate < row {
      for cell in grid.cells(inRow: candidate) {
        guard case .string(let text) = cell.value, let first = text.first, "●■◆○◎【".contains(first)
        else {
          continue
        }
        if text.contains("広域") { return .wideArea }
        if ["単市", "単町", "単村", "単独", "単区"].contains(where: text.contains) { return .single }
      }
    }
    return nil
  }
}

/// Why a block's 目標値 / 実績値 column or row is left out.
enum BlockColumnNotRead {
  case noPartner, noName, noYear

  var reason: (english: String, japanese: String) {
    switch self {
    case .noPartner:
      return (
        "its 目標値 or 実績値 column has no partner within two columns",
        "目標値・実績値の列に対になる列がありません"
      )
    case .noName:
      return ("no KPI name stands above its column", "列の上に KPI 名がありません")
    case .noYear:
      return ("its row has no fiscal year label", "行に年度の見出しがありません")
    }
  }
}
