import CellAddress
import KPIModel
import XLSXReader

/// Reads every KPI table on a sheet from what its headers say, whatever its drawing:
/// measures as columns (a row per KPI, or per KPI and year; the national form; years across
/// with 目標 | 実績 under each), measures as rows (目標値 / 実績値 rows under each KPI, years
/// across), and forms (事業名 | value labels above a small KPI table, ratings below it).
///
/// Layouts B, C and D of input-layouts.md are cases of this reader; each table it reads or
/// skips is recorded with its header paths and roles, for `validate --explain`.
struct TableReader: LayoutReader {
  /// The protocol's one layout; each table this reader finds names its own nearest layout.
  let layout = Layout.flatList
  /// The year of a one-year table that states none (`--fiscal-year`).
  var fiscalYear: Int?

  func read(_ grid: SheetGrid, log: DiagnosticLog) -> SheetImport? {
    let regions = TableFinder(grid: grid).regions()
    var projects = ProjectAccumulator()
    var tables: [DetectedTable] = []
    var notRead: [DetectedTable] = []
    var previousEnd = -1
    let readable = regions.filter { $0.skipped == nil }
    for (index, region) in regions.enumerated() {
      let end = region.dataRows.last ?? region.header.rows.upperBound
      guard region.skipped == nil else {
        notRead.append(
          DetectedTable(
            region: region, sheet: grid.sheet.name, layout: nil, orientation: nil,
            rows: region.header.rows))
        continue
      }
      let nextStart =
        readable.first { $0.header.rows.lowerBound > end }?.header.rows.lowerBound ?? Int.max
      // KPIs side by side on a row are read group by group over the same rows: each row's
      // project is found again (and its diagnostics said once), its KPIs follow in order.
      let groups = region.header.kpiGroups
      var layout: Layout?
      var orientation: DetectedTable.Orientation?
      var readAsBudget = false
      let parts: [ClosedRange<Int>?] = groups.map { $0.map { Optional($0) } } ?? [nil]
      for (number, group) in parts.enumerated() {
        let groupLog = number == 0 ? log : DiagnosticLog(file: log.file)
        var table = SingleTable(
          grid: grid,
          header: group.map { region.header.restricted(to: $0, among: groups ?? []) }
            ?? region.header,
          dataRows: region.dataRows, log: groupLog, fallbackYear: fiscalYear,
          context: (previousEnd + 1)..<region.header.rows.lowerBound,
          after: (end + 1)..<min(nextStart, grid.lastRow + 1), firstOnSheet: index == 0)
        if let group { table.headingColumns = group }
        let read = table.read(into: &projects)
        orientation = orientation ?? read
        layout = layout ?? table.nearestLayout
        readAsBudget = readAsBudget || table.readAsBudget
        if number > 0 { log.appendNew(groupLog) }
      }
      if !readAsBudget, let orientation {
        let nextAny =
          regions.first { $0.header.rows.lowerBound > end }?.header.rows.lowerBound ?? Int.max
        UnreadFigures(
          grid: grid, header: region.header, dataRows: region.dataRows,
          below: (end + 1)..<min(nextAny, grid.lastRow + 1), orientation: orientation, log: log
        ).report()
      }
      tables.append(
        DetectedTable(
          region: region, sheet: grid.sheet.name, layout: layout,
          orientation: orientation, rows: region.header.rows.lowerBound...end,
          budget: readAsBudget))
      previousEnd = end
    }
    guard !projects.isEmpty else {
      return tables.isEmpty && notRead.isEmpty
        ? nil : SheetImport(projects: [], tables: [], notRead: tables + notRead)
    }
    return SheetImport(
      projects: projects.build(sheet: grid.sheet.name, log: log), tables: tables,
      notRead: notRead)
  }
}

extension DetectedTable {
  init(
    region: TableFinder.Region, sheet: String, layout: Layout?, orientation: Orientation?,
    rows: ClosedRange<Int>, budget: Bool = false
  ) {
    let span = region.header.span
    self.init(
      layout: layout ?? .flatList, sheet: sheet,
      range: CellRange(
        first: CellReference(row: rows.lowerBound, column: span.lowerBound),
        last: CellReference(row: rows.upperBound, column: span.upperBound)))
    self.nearestLayout = layout
    self.orientation = orientation
    self.headers = Self.explain(region.header, budget: budget)
    self.skipped = region.skipped
  }
}

extension DetectedTable {
  /// What each header column gives, as `validate --explain` shows it: its role's field, and
  /// for columns without a role of their own what the reader still takes from them (a
  /// 目標年度 column the final target's year, a budget's corner header 予算額（千円） its costs'
  /// unit). A header merged over several columns is one header, listed once.
  static func explain(_ header: TableHeader, budget: Bool) -> [HeaderExplanation] {
    let hasFinalTarget = header.columns.contains {
      if case .finalTarget = $0.role { return true } else { return false }
    }
    let firstYearColumn = header.yearColumns.first?.column ?? 0
    var explained: [HeaderExplanation] = []
    for column in header.columns {
      var field = column.role?.fieldName
      if hasFinalTarget, column.column == header.finalTargetYearColumn {
        field = "finalTarget.fiscalYear"
      } else if field == nil, budget, column.column < firstYearColumn,
        column.texts.contains(where: { HeaderText($0).moneyUnit != nil })
      {
        field = "cost.unit"
      }
      let entry = HeaderExplanation(cell: column.cell, path: column.texts, field: field)
      if explained.last != entry { explained.append(entry) }
    }
    return explained
  }
}

/// One table's reading: its data rows into projects, KPIs and values.
struct SingleTable {
  let grid: SheetGrid
  let header: TableHeader
  let dataRows: [Int]
  let log: DiagnosticLog
  let fallbackYear: Int?
  /// The rows above the table since the previous one: headings and form labels.
  let context: Range<Int>
  /// The rows under the table up to the next: ratings and notes of a form.
  let after: Range<Int>
  let firstOnSheet: Bool
  /// For one of several tables side by side: the columns its own heading stands over.
  var headingColumns: ClosedRange<Int>? = nil
  private(set) var nearestLayout: Layout? = nil
  /// Whether the table was read as a budget across the years: its funding rows are no KPIs.
  private(set) var readAsBudget = false

  private var sheet: String { grid.sheet.name }

  init(
    grid: SheetGrid, header: TableHeader, dataRows: [Int], log: DiagnosticLog, fallbackYear: Int?,
    context: Range<Int>, after: Range<Int>, firstOnSheet: Bool
  ) {
    self.grid = grid
    let progress = ProgressColumns.adjusted(header, grid: grid, dataRows: dataRows)
    self.header = progress.header
    self.directionColumn = progress.directionColumn
    self.dataRows = dataRows
    self.log = log
    self.fallbackYear = fallbackYear
    self.context = context
    self.after = after
    self.firstOnSheet = firstOnSheet
    // Columns sharing one header cell (成果指標名 merged over a letter column and the name).
    var siblings: [Int: [Int]] = [:]
    for column in header.columns {
      let group = header.columns.filter { $0.cell == column.cell && $0.role == column.role }
      siblings[column.column] = group.map(\.column)
    }
    nameSiblings = siblings
  }

  /// For each header column, the columns that share its header cell and role.
  private let nameSiblings: [Int: [Int]]
  /// A column of アップ / ダウン beside the values: each row's KPI direction.
  private let directionColumn: Int?

  /// Reads the table; returns the orientation it was read in.
  mutating func read(into projects: inout ProjectAccumulator) -> DetectedTable.Orientation {
    reportEras()
    let projectColumn = header.column(.projectName)?.column
    if projectColumn == nil { beginContextProject(&projects) }
    // Years across with no measure under them: the rows say 目標値 / 実績値. A 目標（H31）
    // column beside them is the final target, not a measure column.
    let onlyFinalTargets = header.valueColumns.allSatisfy {
      if case .value(.target, let year?) = $0.role { return year.isFinalTarget }
      return false
    }
    if onlyFinalTargets && !header.yearColumns.isEmpty {
      nearestLayout = .wideTable
      readMeasureRows(into: &projects, projectColumn: projectColumn)
      return .rows
    }
    let hasEvaluation = [HeaderField.effect, .assessment, .expertOpinion, .policy, .policyReason]
      .contains { header.column($0) != nil }
    let yearsInHeader = header.valueColumns.contains {
      if case .value(_, let year?) = $0.role { return !year.isFinalTarget } else { return false }
    }
    nearestLayout =
      yearsInHeader
      ? .wideTable
      : header.column(.fiscalYear) != nil ? .flatList : hasEvaluation ? .nationalForm : .flatList
    readMeasureColumns(into: &projects, projectColumn: projectColumn)
    return projectColumn == nil && !context.isEmpty && FormLabels.hasProjectLabel(grid, context)
      ? .form : .columns
  }

  /// Year headers without their era: read in the era of a title above (a warning naming
  /// where the era came from), or not read at all when the sheet names none (an error).
  private func reportEras() {
    for (text, cell) in header.yearsWithoutEra {
      log.add(.error, .unknownYear, ["text": HeaderLine.oneLine(text)], sheet: sheet, cell: cell)
    }
    for (year, era) in header.assumedEras {
      let fiscalYear = year.label.resolve(periodStart: nil).map(String.init) ?? "?"
      log.add(
        .warning, .eraAssumed,
        [
          "text": year.text, "era": "\(era.name)\(year.text)", "fiscalYear": fiscalYear,
          "source": "\(era.cell)",
        ],
        sheet: sheet, cell: year.cell)
    }
  }

  // MARK: Projects

  /// A table without a project column belongs to the project its form labels or heading
  /// name above it, else to the sheet's.
  private func beginContextProject(_ projects: inout ProjectAccumulator) {
    if let (name, cell) = FormLabels.projectName(grid, context) {
      projects.begin(named: name, at: cell)
    } else if let (name, cell) = headingColumns.flatMap({
      grid.projectHeading(in: context, columns: $0)
    }) ?? grid.projectHeading(in: context) {
      projects.begin(named: name, at: cell)
    } else if let section = numberedSectionAbove() {
      projects.begin(named: section.name, at: section.cell)
      if let no = section.no { projects.update { $0.no = $0.no ?? no } }
    } else if let (name, cell) = headingRightAbove() {
      projects.begin(named: name, at: cell)
    } else if projects.hasCurrent && !firstOnSheet {
      return
    } else if let (name, cell) = grid.projectHeading(in: 0..<min(20, header.rows.lowerBound)) {
      projects.begin(named: name, at: cell)
    } else {
      projects.begin(named: sheet, at: nil)
      log.add(
        .warning, .projectNamedAfterSheet,
        ["range": tableRange, "project": sheet], sheet: sheet, cell: header.columns.first?.cell)
    }
    readFormLabels(&projects)
  }

  /// A heading with no marker on the row right above the header (生涯学習の促進 over its
  /// table of 成果指標): one short text, not merged across the table, not a note, a header
  /// word or a title with a year.
  private func headingRightAbove() -> (String, CellReference)? {
    var row = header.rows.lowerBound - 1
    // A caption between the heading and the table (◎指標の推移) is passed over.
    while context.contains(row), row >= header.rows.lowerBound - 2, isCaptionRow(row) { row -= 1 }
    guard context.contains(row) else { return nil }
    let stored = grid.cells(inRow: row).filter { CellReading.text($0) != nil }
    guard stored.count == 1, let cell = stored.first, case .string(let text) = cell.value,
      let left = header.columns.first?.column, let right = header.columns.last?.column,
      (left...right).contains(cell.reference.column)
    else { return nil }
    let compact = TextNormalizer.compact(text)
    let merged = grid.merge(containing: cell.reference)?.columnCount ?? 1
    guard !compact.isEmpty, compact.count <= 30, merged * 2 <= right - left + 1,
      compact.first.map({ !Self.captionBullets.contains($0) }) ?? false,
      !TableFinder.isNote(compact), HeaderField.match(compact) == nil,
      !compact.contains(where: { "（()）:：。、".contains($0) }),
      TitleYear.find(grid, above: row + 1, in: row) == nil
    else { return nil }
    return (compact, cell.reference)
  }

  /// A numbered section heading alone on its row just above the table (「1 安全・安心 ～…～」,
  /// 「1 貴重な自然環境を継承するため、…」, 「1−1 財政と人材の…」), perhaps with a caption
  /// between (◎指標目標の推移): the project. A single number numbers it; a hierarchical one
  /// (1−1) does not, a project's `no` being one number.
  private func numberedSectionAbove() -> (name: String, no: Int?, cell: CellReference)? {
    var row = header.rows.lowerBound - 1
    while context.contains(row), row >= header.rows.lowerBound - 3 {
      let stored = grid.cells(inRow: row).filter { CellReading.text($0) != nil }
      guard stored.count == 1, let cell = stored.first, case .string(let text) = cell.value else {
        return nil
      }
      if isCaptionRow(row) {
        row -= 1
        continue
      }
      guard let section = Self.numberedSection(text) else { return nil }
      return (section.name, section.no, cell.reference)
    }
    return nil
  }

  /// Whether `row` holds one text only, a caption starting with a bullet (◎指標の推移).
  private func isCaptionRow(_ row: Int) -> Bool {
    let stored = grid.cells(inRow: row).filter { CellReading.text($0) != nil }
    guard stored.count == 1, let text = stored.first.flatMap(CellReading.text) else { return false }
    return TextNormalizer.compact(text).first.map(Self.captionBullets.contains) ?? false
  }

  /// Marks that start a caption or a note rather than a heading (◎指標目標の推移).
  static let captionBullets: Set<Character> = ["◎", "○", "●", "■", "□", "◆", "◇", "※", "☆", "★"]

  /// 「1 安全・安心」, 「1−1 財政と…」, 「基本目標4 地域における…」, 「政策分野I-1 …」: numbers
  /// (one or two digits or a Roman numeral, joined by a dash when hierarchical), perhaps after
  /// the word for the level, a space, then a name that does not start with a digit.
  static func numberedSection(_ text: String) -> (no: Int?, name: String)? {
    let original = text.trimmingCharacters(in: .whitespacesAndNewlines)
    let folded = original.applyingTransform(.fullwidthToHalfwidth, reverse: false) ?? original
    var rest = Substring(folded)
    for level in ["基本目標", "政策分野", "基本施策", "施策", "政策", "分野"] where rest.hasPrefix(level) {
      rest = rest.dropFirst(level.count)
      break
    }
    var parts: [Int] = []
    while true {
      guard let (number, length) = sectionNumber(rest) else { return nil }
      parts.append(number)
      rest = rest.dropFirst(length)
      guard let next = rest.first, "-−‐－ー".contains(next) else { break }
      rest = rest.dropFirst()
    }
    guard let space = rest.first, space == " " || space == "\u{3000}" else { return nil }
    // The name as written (full-width kept): drop as many characters from the text.
    let name = TextNormalizer.compact(String(original.dropFirst(folded.count - rest.count)))
    guard let first = name.first, !first.isNumber, name.count <= 60 else { return nil }
    return (parts.count == 1 ? parts[0] : nil, name)
  }

  /// A section number at the start of `text`: one or two digits, or a Roman numeral (I–X,
  /// Ⅰ–Ⅹ); its value and length.
  private static func sectionNumber(_ text: Substring) -> (Int, Int)? {
    let digits = text.prefix { $0.isASCII && $0.isNumber }
    if (1...2).contains(digits.count), let number = Int(digits), number >= 1 {
      return (number, digits.count)
    }
    let romans: [(String, Int)] = [
      ("VIII", 8), ("VII", 7), ("III", 3), ("IX", 9), ("IV", 4), ("VI", 6), ("II", 2), ("X", 10),
      ("V", 5), ("I", 1),
    ]
    for (roman, value) in romans where text.hasPrefix(roman) { return (value, roman.count) }
    if let first = text.first?.unicodeScalars.first, (0x2160...0x2169).contains(first.value) {
      return (Int(first.value) - 0x2160 + 1, 1)
    }
    return nil
  }

  private var tableRange: String {
    let last = dataRows.last ?? header.rows.upperBound
    return
      "\(CellReference(row: header.rows.lowerBound, column: header.span.lowerBound)):\(CellReference(row: last, column: header.span.upperBound))"
  }

  /// The project fields a form gives as labels around its KPI table.
  private func readFormLabels(_ projects: inout ProjectAccumulator) {
    let rows = Array(context) + Array(after)
    ProjectFields.read(
      FormLabels.values(grid, rows: rows), grid: grid, log: log, projects: &projects)
  }

  // MARK: Measures as columns

  private mutating func readMeasureColumns(
    into projects: inout ProjectAccumulator, projectColumn: Int?
  ) {
    let kpiColumn = header.column(.kpi)?.column
    let yearColumn = header.column(.fiscalYear)?.column
    let dueColumn = header.column(.due)?.column
    let dueActualColumn = header.column(.dueActual)?.column ?? header.measureYearColumn(of: .actual)
    let targetYearColumn = header.measureYearColumn(of: .target)
    let datedActualYears = header.valueColumns.compactMap { column -> HeaderYear? in
      if case .value(.actual, let year?) = column.role { return year } else { return nil }
    }
    let unitColumns = header.columns(.unit).map(\.column)
    // A one-year table's year: its title's (平成27年度実施事業) or --fiscal-year; it also
    // stands for a blank 目標年月.
    let statesYears =
      yearColumn != nil || header.valueColumns.contains { !$0.isYearless }
      || !header.yearColumns.isEmpty
    let tableYear =
      statesYears
      ? nil
      : TitleYear.find(grid, above: header.rows.lowerBound) ?? fallbackYear
        ?? dueColumn.flatMap(commonDueYear) ?? FormPeriodYear.find(grid, rows: Array(context))
    // A form's project begins at its labels, not at a row: its cost takes the table's year too.
    if projectColumn == nil, let tableYear { projects.setDefaultYear(tableYear) }
    // 指標値（目標年月）: the bracket in each target cell is its due month (「20人（H29.3）」).
    let dueInBracket = header.valueColumns.first { column in
      guard case .value(.target, nil) = column.role, let text = column.path.last?.text else {
        return false
      }
      return HeaderText(text).notes.contains { HeaderField.match($0) == .due }
    }
    var reportedMissingYear = false
    var anchorOfProject: CellReference?
    var lastKPIName: String?
    var lastKPIAnchor: CellReference?
    var costRead: Set<CellReference> = []
    let bracketNamedColumns = Set(
      header.valueColumns.filter(\.namesBracket).map(\.column))
    // Worked out once per table, not per row.
    let gradeColumn = header.column(.grade)
    let headerUnits = header.valueColumns.compactMap { $0.headerUnit }
    var years = YearCache()
    var names = KPINameCache()
    // 平成12年 | 平成13年実績 | 平成14年実績: beside dated actuals (and no targets), a bare year
    // column is that year's actual too.
    let datedMeasures = header.valueColumns.compactMap { column -> Measure? in
      if case .value(let measure, let year?) = column.role, !year.isFinalTarget { return measure }
      return nil
    }
    let bareYearsAsActuals =
      !datedMeasures.isEmpty && datedMeasures.allSatisfy { $0 == .actual }
        && !header.valueColumns.contains(where: \.isYearless)
      ? header.yearColumns : []
    // 助成件数　1件 under 指標値 with no KPI column: the name is read from the value cell.
    let namedValueColumn = header.valueColumnsNameKPIs ? header.valueColumns.first?.column : nil
    let namedValueColumns = Set(
      header.valueColumnsNameKPIs ? header.valueColumns.map(\.column) : [])

    for row in dataRows {
      if let projectColumn {
        switch rowProject(row, column: projectColumn, current: &anchorOfProject, in: &projects) {
        case .skip: continue
        case .same: break
        case .began:
          lastKPIName = nil
          // A one-year table's cost belongs to its year, with or without KPIs.
          if let tableYear { projects.setDefaultYear(tableYear) }
        }
      }
      // A year's cost merged down over a project's KPI rows is read once.
      for column in header.columns {
        guard case .yearCost(let year) = column.role,
          let fiscalYear = year.label.resolve(periodStart: projects.currentPeriod?.start)
        else { continue }
        let reference = CellReference(row: row, column: column.column)
        let anchor = grid.merge(containing: reference)?.first ?? reference
        guard costRead.insert(anchor).inserted,
          let amount = KPIBuilder.amount(
            at: anchor, headerUnit: HeaderText(column.path.last?.text ?? "").moneyUnit, in: grid,
            log: log)
        else { continue }
        projects.setCost(amount, year: fiscalYear)
      }

      // The KPI: its name, 「指標①」 with the name beside it, or blank for the one above.
      var kpiName: String?
      var kpiAnchor: CellReference?
      var finalFromName: FinalTarget?
      var kpiNameUnit: String?
      if let kpiColumn {
        let reference = namedCell(row: row, under: kpiColumn)
        let anchor = grid.merge(containing: reference)?.first ?? reference
        if var text = CellReading.text(grid.storedCell(at: reference))
          ?? (anchor != reference
            ? CellReading.text(grid.cell(at: anchor)) : nil)
        {
          // 「指標①」 with the name beside it (a column of its own under the KPI header); alone
          // on a row with values it is the name itself (指標1 of a template), and alone on an
          // empty row it is an empty 指標 row of the national form.
          if IndicatorLabel.isLabel(TextNormalizer.compact(text)) {
            let next = CellReference(row: row, column: kpiColumn + 1)
            let nextRole = header.columns.first(where: { $0.column == kpiColumn + 1 })?.role
            if let name = CellReading.text(grid.storedCell(at: next)),
              nextRole == nil || nextRole == .field(.kpi)
            {
              text = name
            } else if !rowHasValues(row) {
              continue
            }
          }
          let lines = text.split(whereSeparator: \.isNewline).map(String.init)
          if lines.count > 1, let final = KPINameTarget.parse(lines.dropFirst().joined()) {
            finalFromName = final
            text = lines[0]
          }
          // 「指標①　観光客数」 is 観光客数; 「指標1」 alone stays 指標1.
          let whole = TextNormalizer.compact(text)
          let stripped = IndicatorLabel.withoutPrefix(whole)
          let compact = stripped.isEmpty ? whole : stripped
          guard !compact.isEmpty else { continue }
          if ListMarker.isMarker(compact) {
            // 12 or A typed where the name belongs: alone it is an empty indicator row, with
            // values it is a KPI whose name is missing, never dropped without a word.
            if rowHasValues(row) {
              log.add(.error, .kpiNameIsMarker, ["text": compact], sheet: sheet, cell: anchor)
            }
            continue
          }
          if compact.hasPrefix("※") {
            notRead(row, at: anchor, .noteName)
            continue
          }
          if Self.isDashOnly(compact) {
            notRead(row, at: anchor, .dashKPIName)
            continue
          }
          if TotalLabel.isTotal(compact) {
            notRead(row, at: anchor, .totalRow)
            continue
          }
          kpiName = compact
          kpiAnchor = anchor
          let split = names.split(compact)
          if let unit = split.unit {
            kpiName = split.name
            kpiNameUnit = unit
          }
        } else if let last = lastKPIName, rowHasValues(row) {
          kpiName = last
          kpiAnchor = lastKPIAnchor
        }
      } else if let namedValue = namedValueColumn,
        let text = CellReading.text(grid.cell(row: row, column: namedValue)),
        let (name, _) = NamedQuantity.split(text)
      {
        kpiName = name
        kpiAnchor = CellReference(row: row, column: namedValue)
      } else if let last = lastKPIName, namedValueColumn == nil {
        kpiName = last
        kpiAnchor = lastKPIAnchor
      }
      guard let name = kpiName else {
        notRead(
          row, at: CellReference(row: row, column: kpiColumn ?? namedValueColumn ?? 0), .noKPIName)
        continue
      }
      lastKPIName = name
      lastKPIAnchor = kpiAnchor

      // The row's year: a 年度 column, the 目標年月 / 実績年月, the title's or --fiscal-year.
      var rowYear: Int?
      var targetYear: Int?
      var actualYear: Int?
      var dueText: String?
      if let yearColumn {
        let reference = CellReference(row: row, column: yearColumn)
        rowYear = years.resolve(
          grid.cell(at: reference), at: reference, period: projects.currentPeriod, sheet: sheet,
          log: log)
        if rowYear == nil && header.valueColumns.allSatisfy(\.isYearless) {
          // An unreadable year was reported by the cache; a blank one is named here.
          if grid.cell(at: reference) == nil { notRead(row, at: reference, .noYear) }
          continue
        }
      }
      if let dueColumn {
        let reference = CellReference(row: row, column: dueColumn)
        let cell = grid.cell(at: reference)
        if let text = CellReading.text(cell), !Self.isNotApplicable(text) {
          if let label = CellReading.yearLabel(cell), let year = label.resolve(periodStart: nil) {
            targetYear = year
            dueText = text
          } else {
            log.add(.error, .unknownYear, ["text": text], sheet: sheet, cell: reference)
            continue
          }
        }
      }
      if let dueActualColumn {
        let reference = CellReference(row: row, column: dueActualColumn)
        let cell = grid.cell(at: reference)
        if let text = CellReading.text(cell), !Self.isNotApplicable(text),
          let year = CellReading.yearLabel(cell)?.resolve(periodStart: nil)
        {
          actualYear = year
        }
      }
      if targetYear == nil, let dueInBracket,
        let text = CellReading.text(grid.cell(row: row, column: dueInBracket.column)),
        let (_, inner) = BracketedPair.split(text),
        let year = FiscalYearLabel.parse(inner)?.resolve(periodStart: nil)
      {
        targetYear = year
        dueText = inner
      }
      // 目標値 | 目標年度: a target dated on its row is that year's target beside an actual of
      // the same year, else the KPI's final target (as under 目標値（R7）).
      var finalTargetYear: Int?
      if let targetYearColumn {
        let reference = CellReference(row: row, column: targetYearColumn)
        let cell = grid.cell(at: reference)
        if let text = CellReading.text(cell), !Self.isNotApplicable(text) {
          guard
            let year = CellReading.yearLabel(cell)?.resolve(
              periodStart: projects.currentPeriod?.start)
          else {
            log.add(.error, .unknownYear, ["text": text], sheet: sheet, cell: reference)
            continue
          }
          let actualYears =
            [rowYear ?? actualYear].compactMap { $0 }
            + datedActualYears.compactMap {
              $0.label.resolve(periodStart: projects.currentPeriod?.start)
            }
          if actualYears.contains(year) {
            targetYear = year
          } else {
            finalTargetYear = year
          }
        }
      }
      let baseYear = rowYear ?? targetYear ?? actualYear ?? tableYear
      targetYear = rowYear ?? targetYear ?? baseYear
      actualYear = rowYear ?? actualYear ?? targetYear

      // A row whose KPI and values are all '-' is a project without KPIs.
      if !rowHasValues(row) && kpiNameIsDash(row, kpiColumn) { continue }

      var entries: [Int: (target: CellReference?, actual: CellReference?)] = [:]
      var finalTarget = finalFromName
      var finalCell: CellReference?
      var baselineCell: CellReference?
      var missingYear = false
      for column in header.valueColumns {
        guard case .value(let measure, let headerYear) = column.role else { continue }
        let reference = CellReference(row: row, column: column.column)
        var year: Int?
        if let headerYear {
          year = headerYear.label.resolve(periodStart: projects.currentPeriod?.start)
          // 目標値（平成32年）: a target whose own header names its year is the final target.
          if headerYear.isFinalTarget && measure == .target, let final = year {
            finalCell = reference
            finalTarget = FinalTarget(fiscalYear: final, value: nil)
            if !headerYear.isAlsoYearTarget { continue }
          }
          if year == nil {
            log.add(
              .error, .relativeYearWithoutPeriod, ["text": headerYear.text], sheet: sheet,
              cell: headerYear.cell)
            continue
          }
        } else if measure == .target, let finalTargetYear {
          finalCell = reference
          finalTarget = FinalTarget(fiscalYear: finalTargetYear, value: nil)
          continue
        } else {
          year = measure == .target ? targetYear : actualYear
        }
        guard let year else {
          missingYear = true
          continue
        }
        var entry = entries[year] ?? (nil, nil)
        if measure == .target {
          entry.target = entry.target ?? reference
        } else {
          entry.actual = entry.actual ?? reference
        }
        entries[year] = entry
      }
      for column in bareYearsAsActuals {
        guard case .year(let headerYear) = column.role,
          let year = headerYear.label.resolve(periodStart: projects.currentPeriod?.start)
        else { continue }
        var entry = entries[year] ?? (nil, nil)
        entry.actual = entry.actual ?? CellReference(row: row, column: column.column)
        entries[year] = entry
      }
      if missingYear && !reportedMissingYear {
        reportedMissingYear = true
        log.add(
          .error, .tableYearUnknown, ["range": tableRange], sheet: sheet,
          cell: header.valueColumns.first?.cell)
      }
      for column in header.columns {
        let reference = CellReference(row: row, column: column.column)
        switch column.role {
        case .baseline: baselineCell = baselineCell ?? reference
        case .finalTarget(let year):
          finalCell = finalCell ?? reference
          finalTarget = FinalTarget(
            fiscalYear: year?.label.resolve(periodStart: projects.currentPeriod?.start),
            value: nil)
        default: break
        }
      }

      for year in entries.keys.sorted() { projects.addYear(year) }
      projects.withKPI(named: name, at: kpiAnchor) { kpi in
        kpi.bracketNamedColumns = bracketNamedColumns
        kpi.namedValueColumns = namedValueColumns
        for unitColumn in unitColumns {
          let reference = CellReference(row: row, column: unitColumn)
          kpi.declareUnit(CellReading.text(grid.cell(at: reference)), at: reference)
        }
        kpi.declareUnit(headerUnits.first ?? kpiNameUnit, at: nil)
        if let baselineCell {
          kpi.readBaseline(baselineCell, in: grid, log: log)
        }
        if let finalCell {
          kpi.readFinalTarget(finalCell, year: finalTarget?.fiscalYear, in: grid, log: log)
        } else if let finalTarget {
          kpi.finalTarget = kpi.finalTarget ?? finalTarget
        }
        if let gradeColumn {
          let reference = CellReference(row: row, column: gradeColumn.column)
          if !header.gradeIsPerProject(at: reference, grid: grid),
            let text = CellReading.text(grid.cell(at: reference))
          {
            kpi.grade = kpi.grade ?? Grade.parse(text)?.grade
          }
        }
        // Only a lower-is-better KPI says so in the records; increase is the default.
        if let directionColumn,
          let text = CellReading.text(
            grid.cell(at: CellReference(row: row, column: directionColumn))),
          ProgressColumns.direction(text) == .decrease
        {
          kpi.direction = kpi.direction ?? .decrease
        }
        for year in entries.keys.sorted() {
          guard let entry = entries[year] else { continue }
          let due = year == targetYear ? dueText : nil
          kpi.add(
            fiscalYear: year, target: entry.target, actual: entry.actual, due: due, in: grid,
            log: log)
        }
      }
    }
  }

  /// The one fiscal year every 目標年月 of a one-year table falls in (H28.3 on every row):
  /// the year of its projects that give no month. Nil when the months disagree.
  private func commonDueYear(_ column: Int) -> Int? {
    var found: Int?
    for row in dataRows {
      let cell = grid.cell(row: row, column: column)
      guard let text = CellReading.text(cell), !Self.isNotApplicable(text) else { continue }
      guard let year = CellReading.yearLabel(cell)?.resolve(periodStart: nil),
        found == nil || found == year
      else { return nil }
      found = year
    }
    return found
  }

  /// The cell naming the row's KPI when its header spans several columns (成果指標名 merged
  /// over a letter column A, B … and the name column): the longest text among them.
  private func namedCell(row: Int, under column: Int) -> CellReference {
    // One column under the header (the usual case): no choice to make.
    guard let siblings = nameSiblings[column], siblings.count > 1 else {
      return CellReference(row: row, column: column)
    }
    let texts = siblings.map { sibling -> (CellReference, Int) in
      let reference = CellReference(row: row, column: sibling)
      return (reference, CellReading.text(grid.storedCell(at: reference))?.count ?? 0)
    }
    guard let longest = texts.max(by: { $0.1 < $1.1 }), longest.1 > 0 else {
      return CellReference(row: row, column: column)
    }
    return longest.0
  }

  /// A name in another column under the KPI header (merged over several), read at its merge's
  /// first cell: the text that is neither a mark nor a measure.
  private func nameBesideMarker(row: Int, under column: Int) -> (
    name: String, anchor: CellReference
  )? {
    for sibling in nameSiblings[column] ?? [] {
      let reference = CellReference(row: row, column: sibling)
      let anchor = grid.merge(containing: reference)?.first ?? reference
      guard let text = CellReading.text(grid.cell(at: anchor)), Measure.named(text) == nil,
        !ListMarker.isMarker(text)
      else { continue }
      return (TextNormalizer.compact(text), anchor)
    }
    return nil
  }

  /// What a data row's project cell says.
  private enum RowProject { case began, same, skip }

  /// The project of a data row: its project cell, or the one merged over it. A new name
  /// begins a project (with its project fields); blank or merged means the row above's; a
  /// blank name with nothing above is an error, and a row named '-' is skipped.
  private func rowProject(
    _ row: Int, column: Int, current: inout CellReference?, in projects: inout ProjectAccumulator
  ) -> RowProject {
    let reference = CellReference(row: row, column: column)
    let anchor = grid.merge(containing: reference)?.first ?? reference
    guard let text = CellReading.text(grid.cell(at: anchor)) else {
      guard projects.hasCurrent else {
        if rowHasValues(row) {
          log.add(.error, .blankProjectName, [:], sheet: sheet, cell: reference)
        }
        return .skip
      }
      return .same
    }
    guard anchor != current else { return .same }
    // A row marked 【記入例】 (the template's example, perhaps copied) only shows how to fill in.
    if Self.isDashOnly(text) {
      notRead(row, at: anchor, .dashProjectName)
      return .skip
    }
    if TemplateFormat.isExample(text) { return .skip }
    // 合計 under the projects adds them up: it is no project, and its figures are no KPI's.
    if TotalLabel.isTotal(text) {
      notRead(row, at: anchor, .totalRow)
      return .skip
    }
    // 「○○事業\n【商工課】」: the section in charge written after the name.
    let (name, section) = SectionInName.split(text)
    projects.begin(named: name, at: anchor)
    current = anchor
    var fields = ProjectFields.cells(header, row: anchor.row, grid: grid)
    if let section {
      fields.append(
        FieldCell(field: .department, text: section, cell: anchor, headerText: "担当課"))
    }
    ProjectFields.read(fields, grid: grid, log: log, projects: &projects)
    return .began
  }

  /// Why a row with values is left out.
  private enum NotRead {
    case dashProjectName, dashKPIName, noteName, noKPIName, noYear, totalRow

    var reason: (english: String, japanese: String) {
      switch self {
      case .dashProjectName: ("the project name is '-'", "事業名が「-」です")
      case .dashKPIName: ("the KPI name is '-'", "KPI 名が「-」です")
      case .noteName: ("the KPI cell is a note (※)", "KPI のセルが注記（※）です")
      case .noKPIName: ("no KPI name, and no KPI above it", "KPI 名がなく、上に KPI もありません")
      case .noYear: ("the fiscal year is blank", "年度が空欄です")
      case .totalRow:
        ("it is a total (合計, 計, 小計), not a project or KPI", "合計・計・小計の行で、事業や KPI ではありません")
      }
    }
  }

  /// Names a row left out when it has values: nothing with values vanishes without a word.
  private func notRead(_ row: Int, at cell: CellReference, _ why: NotRead) {
    guard rowHasValues(row) else { return }
    log.add(
      .warning, .rowNotRead, ["reason": why.reason.english, "reasonJapanese": why.reason.japanese],
      sheet: sheet, cell: cell)
  }

  private func rowHasValues(_ row: Int) -> Bool {
    header.columns.contains { column in
      switch column.role {
      case .value, .year, .baseline, .finalTarget:
        guard let cell = grid.cell(row: row, column: column.column) else { return false }
        if case .number = cell.value { return true }
        return CellReading.text(cell).map { !Self.isNotApplicable($0) } ?? false
      default: return false
      }
    }
  }

  private func kpiNameIsDash(_ row: Int, _ kpiColumn: Int?) -> Bool {
    guard let kpiColumn else { return true }
    guard let text = CellReading.text(grid.cell(row: row, column: kpiColumn)) else { return true }
    return Self.isDashOnly(text)
  }

  /// The measure of a year column whose header and row name none: a target when the year is
  /// a plan's (annotated 1年目 or 増加分, as a 地域再生計画 lays its KPI table out) or a final
  /// target; otherwise the year's actual.
  static func bareYearMeasure(_ year: HeaderYear) -> Measure {
    year.isFinalTarget || year.isPlanYear ? .target : .actual
  }

  /// A value cell that says "not applicable": '-', '－人', '…', blank (records.md).
  static func isNotApplicable(_ text: String) -> Bool {
    if case .notApplicable = QuantityParser.parse(text) { return true }
    return false
  }

  /// A name or text cell holding only dashes or dots ('-', '―', '…'): nothing written. A
  /// text that starts with a bullet (・農業法人が…) is text.
  static func isDashOnly(_ text: String) -> Bool {
    // A name starts with a letter: only a text starting with a mark needs the full look.
    guard let first = text.first(where: { !$0.isWhitespace }), dashMarks.contains(first) else {
      return false
    }
    let trimmed = text.filter { !$0.isWhitespace }
    return !trimmed.isEmpty && trimmed.allSatisfy { dashMarks.contains($0) }
  }

  private static let dashMarks: Set<Character> = [
    "-", "－", "―", "—", "‐", "−", "ー", "–", "…", "‥", "・", "／", "/", "＊", "*",
  ]

  // MARK: Measures as rows, years across

  private mutating func readMeasureRows(
    into projects: inout ProjectAccumulator, projectColumn: Int?
  ) {
    let years = header.yearColumns
    let firstYearColumn = years.first?.column ?? 0
    let kpiColumn = header.column(.kpi)?.column
    let measureColumn = header.column(.measure)?.column
    let unitColumns = header.columns(.unit).map(\.column)
    var anchorOfProject: CellReference?
    var lastKPI: (name: String, anchor: CellReference)?
    // KPI-name cells holding only a mark or a total, each reported once over its measure rows.
    var markerNames: Set<CellReference> = []
    // Left of the years, cells under a header read as something (従前値, （単位）) are not
    // the KPI's name.
    let labelledColumns = Set(
      header.columns.filter { $0.role != nil && $0.column < firstYearColumn }.map(\.column))
    let formKPI = kpiColumn == nil ? FormLabels.kpiName(grid, context) : nil
    if kpiColumn == nil, measureColumn == nil, projectColumn == nil,
      let costRow = budgetCostRow(before: firstYearColumn)
    {
      readAsBudget = true
      readBudget(costRow, into: &projects)
      return
    }
    // A table of figures with no 目標 / 実績 rows at all: each year's figure is its actual,
    // a year annotated （目標値） holds the target.
    let rowsNameMeasures =
      measureColumn != nil
      || dataRows.contains { row in
        grid.cells(inRow: row).contains {
          $0.reference.column < firstYearColumn
            && CellReading.text($0).flatMap(Measure.named) != nil
        }
      }
    for row in dataRows {
      if let projectColumn {
        switch rowProject(row, column: projectColumn, current: &anchorOfProject, in: &projects) {
        case .skip: continue
        case .same: break
        case .began: lastKPI = nil
        }
      }
      // The measure: a 区分 cell, or a label left of the years.
      var measure: Measure?
      var labelTexts: [(String, CellReference)] = []
      for cell in grid.cells(inRow: row) where cell.reference.column < firstYearColumn {
        if let text = CellReading.text(cell) { labelTexts.append((text, cell.reference)) }
      }
      if let measureColumn {
        measure = CellReading.text(grid.cell(row: row, column: measureColumn)).flatMap(
          Measure.named)
      }
      measure = measure ?? labelTexts.lazy.compactMap { Measure.named($0.0) }.first
      let isBaselineRow = labelTexts.contains { HeaderField.match($0.0) == .baseline }
      // The KPI: its column's cell (merged down over its measure rows), or the first label
      // that is not a measure.
      var labelled: (name: String, anchor: CellReference)?
      if let kpiColumn {
        let reference = namedCell(row: row, under: kpiColumn)
        let anchor = grid.merge(containing: reference)?.first ?? reference
        if let text = CellReading.text(grid.cell(at: anchor)), Measure.named(text) == nil {
          if TextNormalizer.compact(text).hasPrefix("※") {
            // A note where the name belongs: its figures are no KPI's, and the row is named.
            notRead(row, at: anchor, .noteName)
            lastKPI = nil
            continue
          } else if !ListMarker.isMarker(text) {
            labelled = (TextNormalizer.compact(text), anchor)
          } else if let beside = nameBesideMarker(row: row, under: kpiColumn) {
            // Ａ | name under one header merged over both: the mark numbers the name beside it.
            labelled = beside
          } else {
            // 12 or A typed where the name belongs: the row's values are a KPI whose name is
            // missing, never the KPI above's.
            if rowHasValues(row), markerNames.insert(anchor).inserted {
              log.add(
                .error, .kpiNameIsMarker, ["text": TextNormalizer.compact(text)], sheet: sheet,
                cell: anchor)
            }
            lastKPI = nil
            continue
          }
        }
      } else if let label = labelTexts.first(where: {
        Measure.named($0.0) == nil && $0.1.column != projectColumn
          && HeaderField.match($0.0) == nil && !labelledColumns.contains($0.1.column)
          && FiscalYearLabel.parse($0.0) == nil
      }) {
        labelled = (TextNormalizer.compact(label.0), label.1)
      } else if let formKPI {
        // A form's one KPI, named by its label above the table (KPI　その1 | name).
        labelled = formKPI
      }
      if labelled == nil, let lastKPI { labelled = lastKPI }
      // 評価 under a KPI's 目標値 / 実績値 rows grades it year by year: its latest grade is the
      // KPI's.
      if measure == nil, let found = labelled,
        labelTexts.contains(where: { HeaderField.match($0.0) == .grade })
      {
        var latest: String?
        for column in years.reversed() where latest == nil {
          latest =
            CellReading.text(grid.cell(row: row, column: column.column)).flatMap(
              Grade.parse)?.grade
        }
        if let latest {
          let name = KPIName.split(found.name).name
          projects.withKPI(named: name, at: found.anchor) { $0.grade = $0.grade ?? latest }
        }
        continue
      }
      guard let found = labelled, measure != nil || isBaselineRow || !rowsNameMeasures else {
        continue
      }
      lastKPI = found
      if Self.isDashOnly(found.name) { continue }
      if TotalLabel.isTotal(found.name) {
        // Said once for a total merged over its 目標 and 実績 rows.
        if markerNames.insert(found.anchor).inserted { notRead(row, at: found.anchor, .totalRow) }
        continue
      }
      let (name, nameUnit) = KPIName.split(found.name)
      let kpi = (name: name, anchor: found.anchor)
      projects.withKPI(named: kpi.name, at: kpi.anchor) { builder in
        builder.declareUnit(nameUnit, at: nil)
        for unitColumn in unitColumns {
          let reference = CellReference(row: row, column: unitColumn)
          builder.declareUnit(CellReading.text(grid.cell(at: reference)), at: reference)
        }
      }
      for column in header.columns {
        let reference = CellReference(row: row, column: column.column)
        switch column.role {
        case .year(let year):
          guard let fiscalYear = year.label.resolve(periodStart: projects.currentPeriod?.start)
          else {
            log.add(
              .error, .relativeYearWithoutPeriod, ["text": year.text], sheet: sheet,
              cell: year.cell)
            continue
          }
          projects.addYear(fiscalYear)
          projects.withKPI(named: kpi.name, at: kpi.anchor) { builder in
            if isBaselineRow && measure == nil {
              builder.readBaseline(reference, in: grid, log: log)
              return
            }
            if year.isBaseline {
              builder.readBaseline(reference, in: grid, log: log, onlyIfEmpty: true)
            }
            if year.isFinalTarget && (measure ?? .target) == .target {
              builder.readFinalTarget(reference, year: fiscalYear, in: grid, log: log)
            }
            builder.addMeasure(
              measure ?? Self.bareYearMeasure(year), fiscalYear: fiscalYear,
              at: reference, in: grid, log: log)
          }
        case .baseline:
          projects.withKPI(named: kpi.name, at: kpi.anchor) {
            $0.readBaseline(reference, in: grid, log: log, onlyIfEmpty: true)
          }
        case .finalTarget(let year) where measure == .target || measure == nil:
          let fiscalYear =
            year?.label.resolve(periodStart: nil)
            ?? header.finalTargetYearColumn.flatMap {
              CellReading.yearLabel(grid.cell(row: row, column: $0))?.resolve(periodStart: nil)
            }
          projects.withKPI(named: kpi.name, at: kpi.anchor) {
            $0.readFinalTarget(reference, year: fiscalYear, in: grid, log: log)
          }
        case .value(.target, let year?) where year.isFinalTarget:
          if measure == .target {
            projects.withKPI(named: kpi.name, at: kpi.anchor) {
              $0.readFinalTarget(
                reference, year: year.label.resolve(periodStart: nil), in: grid, log: log)
            }
          }
        case .value(let valueMeasure, let year?) where valueMeasure == measure:
          if let fiscalYear = year.label.resolve(periodStart: projects.currentPeriod?.start) {
            projects.withKPI(named: kpi.name, at: kpi.anchor) {
              $0.addMeasure(valueMeasure, fiscalYear: fiscalYear, at: reference, in: grid, log: log)
            }
          }
        default: break
        }
      }
    }
  }
}

extension SingleTable {
  /// The row of a budget across the years (予算額 | 平成28年度 …: 財源 rows, 事業費計, 決算額)
  /// that gives each year's cost: 決算額 before 実績額 before 事業費. Nil when no row is
  /// labelled with a cost word, or when a row names a measure (目標 / 実績 rows are KPIs).
  fileprivate func budgetCostRow(before firstYearColumn: Int) -> (row: Int, label: String)? {
    let preference = ["決算額", "実績額", "交付対象事業費", "事業費"]
    var best: (row: Int, label: String, rank: Int)?
    for row in dataRows {
      guard
        let label = grid.cells(inRow: row).first(where: {
          $0.reference.column < firstYearColumn && CellReading.text($0) != nil
        }).flatMap(CellReading.text)
      else { continue }
      if Measure.named(label) != nil { return nil }
      guard HeaderField.match(label) == .cost else { continue }
      let rank = preference.firstIndex(of: HeaderText.key(label)) ?? preference.count
      if best == nil || rank < best?.rank ?? Int.max { best = (row, label, rank) }
    }
    return best.map { ($0.row, $0.label) }
  }

  /// Each year's cost from the budget's cost row; the funding lines are not KPIs. The unit is
  /// the row label's （千円） or the corner header's (予算額（千円）).
  fileprivate func readBudget(
    _ costRow: (row: Int, label: String), into projects: inout ProjectAccumulator
  ) {
    let firstYearColumn = header.yearColumns.first?.column ?? 0
    let cornerUnit = header.columns.lazy.filter { $0.column < firstYearColumn }
      .flatMap(\.texts).compactMap { HeaderText($0).moneyUnit }.first
    let unit = HeaderText(costRow.label).moneyUnit ?? cornerUnit
    for column in header.yearColumns {
      guard case .year(let year) = column.role,
        let fiscalYear = year.label.resolve(periodStart: projects.currentPeriod?.start)
      else { continue }
      let reference = CellReference(row: costRow.row, column: column.column)
      guard let amount = KPIBuilder.amount(at: reference, headerUnit: unit, in: grid, log: log)
      else { continue }
      projects.setCost(amount, year: fiscalYear)
    }
  }
}

extension HeaderColumn {
  /// A measure column without a year of its own (the row's year applies).
  var isYearless: Bool {
    if case .value(_, nil) = role { return true }
    return false
  }

  /// Whether the header names what a bracketed second value is: H30実績値（累計）,
  /// 実績値（うち市外）.
  var namesBracket: Bool {
    guard let text = path.last?.text else { return false }
    return HeaderText(text).notes.contains { note in
      FiscalYearLabel.parse(note) == nil && !UnitWord.isUnit(note)
        && HeaderText(note).unit == nil
    }
  }

  /// A unit its header states: （単位：人）, or a bare （人） / （万人） note.
  var headerUnit: String? {
    for (text, _) in path.reversed() {
      let header = HeaderText(text)
      if let unit = header.unit { return unit }
      for note in header.notes.reversed() where FiscalYearLabel.parse(note) == nil {
        if HeaderField.match(note) == nil, UnitWord.isUnit(note) { return note }
      }
    }
    return nil
  }
}

/// Whether a bracketed note is a unit: 人, 千円, %, 万人, 件 — short, with no digits.
enum UnitWord {
  /// Units KPI sheets use. A bracketed note is a unit only when it is one of these (perhaps
  /// after 万, 億, 千 or 百万): 「（窓口）」 after a name is part of the name.
  static let known: Set<String> = [
    "人", "件", "個", "円", "%", "世帯", "倍", "事業体", "社", "回", "日", "時間", "箇所", "ヶ所", "か所",
    "カ所", "施設", "団体", "店", "店舗", "戸", "棟", "ha", "km", "t", "kg", "泊", "品", "品目", "種",
    "本", "台", "冊", "名", "組", "校", "園", "者", "事業", "点", "割", "ポイント", "pt", "人泊", "人日",
    "件数", "人数", "商品", "企業", "事業所", "経営体", "人/年", "件/年", "回/年", "円/年", "人/日",
  ]

  static func isUnit(_ text: String) -> Bool {
    let key = HeaderText.key(text)
    guard !key.isEmpty else { return false }
    if known.contains(key) { return true }
    for prefix in ["万", "億", "千", "百万", "十万"] where key.hasPrefix(prefix) {
      if known.contains(String(key.dropFirst(prefix.count))) { return true }
    }
    return false
  }
}

/// A project name followed by its section in charge in 【】: 「奨学金利子 本市が負担します。
/// 【商工課】」 → (奨学金利子 本市が負担します。, 商工課). Only a section's name (…課, …室, …係,
/// …部, …局) is taken; another bracket (【基礎交付分】) stays in the name.
enum SectionInName {
  static func split(_ text: String) -> (name: String, section: String?) {
    // A list names its project on every row: look at the last character before anything else.
    guard text.last(where: { !$0.isWhitespace }) == "】" else { return (text, nil) }
    let trimmed = CellReading.trimmed(text)
    guard trimmed.last == "】", let open = trimmed.lastIndex(of: "【"), open != trimmed.startIndex
    else { return (text, nil) }
    let section = TextNormalizer.compact(
      String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]))
    guard let last = section.last, "課室係部局".contains(last), section.count >= 2 else {
      return (text, nil)
    }
    return (String(trimmed[..<open]), section)
  }
}

/// A value cell that names its KPI before the figure: 「助成件数　1件」 → (助成件数, 1件).
enum NamedQuantity {
  static func split(_ text: String) -> (name: String, value: String)? {
    let trimmed = CellReading.trimmed(text)
    guard let gap = trimmed.lastIndex(where: { $0.isWhitespace }) else { return nil }
    let name = String(trimmed[..<gap]).trimmingCharacters(in: .whitespacesAndNewlines)
    let value = String(trimmed[trimmed.index(after: gap)...])
    guard !name.isEmpty, !name.contains(where: \.isNumber),
      case .value = QuantityParser.parse(value)
    else { return nil }
    return (TextNormalizer.compact(name), value)
  }
}

/// A KPI name that carries its unit in brackets: 観光入込客数（万人） → 観光入込客数, 万人.
enum KPIName {
  static func split(_ name: String) -> (name: String, unit: String?) {
    let header = HeaderText(name)
    guard let note = header.notes.last, UnitWord.isUnit(note) || header.unit != nil,
      let open = name.lastIndex(where: { $0 == "（" || $0 == "(" })
    else { return (name, nil) }
    let base = String(name[..<open])
    guard !base.isEmpty else { return (name, nil) }
    return (base, header.unit ?? note)
  }
}

/// A row adding up the rows above it (合計, 計, 小計): not a project or a KPI of its own.
enum TotalLabel {
  static let words: Set<String> = ["合計", "計", "小計", "総計", "累計", "総合計", "合計値", "累計値"]

  static func isTotal(_ text: String) -> Bool {
    // Names are long; a total label is a word or two.
    guard text.count <= 12 else { return false }
    return words.contains(HeaderText(text).key)
  }
}

/// A list marker standing where a name should be: A, B, ①, (1), 1. — an empty indicator row.
enum ListMarker {
  static func isMarker(_ text: String) -> Bool {
    // Read character by character: called for every KPI name of a list.
    var count = 0
    for character in text where !character.isWhitespace && !"().．、.（）".contains(character) {
      count += 1
      let isMarkCharacter =
        (character.isASCII && (character.isLetter || character.isNumber))
        || ("Ａ"..."Ｚ").contains(character) || ("ａ"..."ｚ").contains(character)
        || ("０"..."９").contains(character) || ("①"..."⑳").contains(character)
      guard count <= 2, isMarkCharacter else { return false }
    }
    return count > 0
  }
}

/// Year labels of one table, each text parsed once (a list repeats the same few years on
/// every row).
struct YearCache {
  private var known: [String: Int] = [:]

  mutating func resolve(
    _ cell: Cell?, at reference: CellReference, period: FiscalPeriod?, sheet: String,
    log: DiagnosticLog
  ) -> Int? {
    // Only absolute labels are kept: 2年目 depends on the project's period.
    if case .string(let text)? = cell?.value, let year = known[text] { return year }
    let year = resolveYear(cell, at: reference, period: period, sheet: sheet, log: log)
    if case .string(let text)? = cell?.value, let year,
      case .absolute? = CellReading.yearLabel(cell)
    {
      known[text] = year
    }
    return year
  }
}

/// KPI names of one table split from their bracketed unit once per text (a list repeats each
/// name on every row of its years).
struct KPINameCache {
  private var known: [String: (name: String, unit: String?)] = [:]

  mutating func split(_ name: String) -> (name: String, unit: String?) {
    if let found = known[name] { return found }
    let split = KPIName.split(name)
    known[name] = split
    return split
  }
}
