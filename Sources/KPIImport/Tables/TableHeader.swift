import CellAddress
import KPIModel
import XLSXReader

/// One column of a table's header: its cells top to bottom and what they make it.
struct HeaderColumn: Sendable {
  var column: Int
  /// The header texts over the column, top to bottom, a merged cell once.
  var path: [(text: String, cell: CellReference)]
  var role: ColumnRole?

  /// The lowest header cell: where `validate --explain` points.
  var cell: CellReference { path.last?.cell ?? CellReference(row: 0, column: column) }
  var texts: [String] { path.map(\.text) }
}

/// A table's header: one to three rows, each column resolved to a header path and a role.
struct TableHeader: Sendable {
  var rows: ClosedRange<Int>
  var columns: [HeaderColumn]
  /// Year headers written without their era (24年度) on a sheet that names none: not read.
  var yearsWithoutEra: [(text: String, cell: CellReference)] = []

  /// The header found on the rows `rows`, over every column holding a header cell.
  init(rows: ClosedRange<Int>, grid: SheetGrid) {
    self.rows = rows
    var columnSet = Set<Int>()
    for row in rows {
      for cell in grid.cells(inRow: row) where CellReading.text(cell) != nil {
        let span = grid.merge(containing: cell.reference).map { $0.first.column...$0.last.column }
        for column in span ?? cell.reference.column...cell.reference.column {
          columnSet.insert(column)
        }
      }
      // A header merged down from above still heads the columns it covers.
    }
    // Years written without their era (24年度) take it from a title above the table; looked
    // for only when the band has such a header.
    var eralessCells: [(text: String, cell: CellReference)] = []
    for row in rows {
      for cell in grid.cells(inRow: row) {
        guard case .string(let text) = cell.value, text.contains("年") else { continue }
        if text.split(whereSeparator: \.isNewline).contains(where: {
          EralessYear.number(HeaderText(String($0)).key) != nil
        }) {
          eralessCells.append((text, cell.reference))
        }
      }
    }
    let era =
      eralessCells.isEmpty
      ? nil
      : EraHint.find(grid, above: rows.lowerBound) ?? EraHint.find(grid, in: Array(rows))
    if era == nil { yearsWithoutEra = eralessCells }
    columns = columnSet.sorted().map { column in
      var path: [(text: String, cell: CellReference)] = []
      var anchors: [CellReference] = []
      for row in rows {
        let reference = CellReference(row: row, column: column)
        let anchor = grid.merge(containing: reference)?.first ?? reference
        guard !anchors.contains(anchor), let text = CellReading.text(grid.cell(at: anchor)) else {
          continue
        }
        anchors.append(anchor)
        // 実績額 over a cell 「単位：円」: the unit belongs to the header above, as if written
        // on its second line (実績額\n単位：円).
        if let unit = UnitNoteCell.unit(text), let above = path.popLast() {
          path.append((above.text + "\n単位：" + unit, above.cell))
          continue
        }
        path.append((BrokenHeader.mended(text), anchor))
      }
      return HeaderColumn(
        column: column, path: path, role: ColumnRoleReader.role(of: path, era: era))
    }
    markLatestDatedTarget()
    markTargetAfterYears()
    resolveMeasureYears()
    markTargetsOfActualYears()
    markLoneTargetBesideBaseline()
  }

  /// 目標値（R5） | 実績値（R5）: a target dated in a year an actual column also has is that
  /// year's target, not the final target a dated target alone is (目標値（R7） | 実績値（R5））.
  private mutating func markTargetsOfActualYears() {
    let actualYears = Set(
      columns.compactMap { column -> FiscalYearLabel? in
        if case .value(.actual, let year?) = column.role { return year.label } else { return nil }
      })
    guard !actualYears.isEmpty else { return }
    for index in columns.indices {
      guard case .value(.target, var year?) = columns[index].role, year.isFinalTarget,
        !year.isAlsoYearTarget, actualYears.contains(year.label)
      else { continue }
      year.isFinalTarget = false
      columns[index].role = .value(.target, year: year)
    }
  }

  /// A year column that does not say which measure it dates (時点, 時期) dates the measure
  /// left of it; with nothing to date it is not read. A 基準年度 column with no 基準値 beside
  /// it holds the baseline itself, as it was read before 基準年度 named a year.
  private mutating func resolveMeasureYears() {
    let hasBaseline = columns.contains { $0.role == .baseline }
    for index in columns.indices {
      guard case .measureYear(let of) = columns[index].role else { continue }
      if of == .baseline && !hasBaseline {
        columns[index].role = .baseline
        continue
      }
      guard of == nil else { continue }
      let left = columns[..<index].last { $0.column == columns[index].column - 1 }
      if let measure = MeasureYearOf.of(left?.role) {
        columns[index].role = .measureYear(measure)
      } else {
        columns[index].role = .ignored(columns[index].texts.last ?? "")
      }
    }
  }

  /// The column giving the year of the measure `of` on each row (目標年度, 基準値 › 時点).
  func measureYearColumn(of measure: MeasureYearOf) -> Int? {
    columns.first { $0.role == .measureYear(measure) }?.column
  }

  /// A table with no year anywhere in its header whose only measure is one undated target
  /// beside a baseline (策定時 | 目標, 基準値 | 目標数値): the plan's final target, its year
  /// in the value's bracket when the cell gives one. Without a baseline a lone 目標 column
  /// stays a year's target (a one-year form takes the year from its title).
  private mutating func markLoneTargetBesideBaseline() {
    let targets = columns.indices.filter {
      if case .value(.target, nil) = columns[$0].role { return true } else { return false }
    }
    let hasOtherMeasure = columns.contains {
      switch $0.role {
      case .value(.actual, _), .value(.target, _?), .year, .yearCost, .finalTarget: return true
      // 目標値 | 目標年度: the target's year on each row decides (TableReader).
      case .measureYear(.target?): return true
      case .field(let field): return [.fiscalYear, .due, .dueActual, .measure].contains(field)
      default: return false
      }
    }
    guard targets.count == 1, !hasOtherMeasure, columns.contains(where: { $0.role == .baseline })
    else { return }
    columns[targets[0]].role = .finalTarget(nil)
  }

  /// Years across with one 目標値 column after them (従前値 | H27 … H31 | 目標値): that column is
  /// the final target, its year in a 目標年度 column beside it when there is one.
  private mutating func markTargetAfterYears() {
    guard let lastYear = yearColumns.last?.column,
      !columns.contains(where: {
        if case .value(_, _?) = $0.role { return true } else { return false }
      })
    else { return }
    for index in columns.indices where columns[index].column > lastYear {
      if case .value(.target, nil) = columns[index].role {
        columns[index].role = .finalTarget(nil)
      }
    }
  }

  /// Whether the value columns stand under a KPI group header with no KPI column of their
  /// own: the KPI's name is written in the value cell (助成件数　1件).
  var valueColumnsNameKPIs: Bool {
    column(.kpi) == nil
      && valueColumns.contains { column in
        column.path.dropLast().contains { HeaderField.match($0.text) == .kpi }
      }
  }

  /// A 目標年度 column: the year of the final target on each row.
  var finalTargetYearColumn: Int? { measureYearColumn(of: .target) }

  /// Several target columns each with its year and no actual beside them (目標値 24年度 |
  /// 目標値 29年度) are each their year's target; the latest is also the final target. One
  /// alone (目標値（H31）) stays the final target only.
  private mutating func markLatestDatedTarget() {
    var dated: [(index: Int, year: HeaderYear, fiscalYear: Int)] = []
    for (index, column) in columns.enumerated() {
      switch column.role {
      case .value(.actual, _): return
      case .value(.target, let year?):
        guard case .absolute(let fiscalYear) = year.label else { return }
        dated.append((index, year, fiscalYear))
      default: continue
      }
    }
    guard dated.count > 1, yearColumns.isEmpty,
      let latest = dated.max(by: { $0.fiscalYear < $1.fiscalYear })
    else { return }
    for item in dated {
      var year = item.year
      year.isFinalTarget = item.fiscalYear == latest.fiscalYear
      year.isAlsoYearTarget = year.isFinalTarget
      columns[item.index].role = .value(.target, year: year)
    }
  }

  /// The header cells whose year was read in an era the sheet names elsewhere, once each.
  var assumedEras: [(year: HeaderYear, era: EraHint)] {
    var seen = Set<CellReference>()
    var found: [(year: HeaderYear, era: EraHint)] = []
    for column in columns {
      let year: HeaderYear?
      switch column.role {
      case .value(_, let headerYear): year = headerYear
      case .year(let headerYear), .yearCost(let headerYear): year = headerYear
      case .finalTarget(let headerYear): year = headerYear
      default: year = nil
      }
      guard let year, let era = year.assumedEra, seen.insert(year.cell).inserted else { continue }
      found.append((year, era))
    }
    return found
  }

  /// KPIs side by side on one row (KPI① › 指標名 | 目標値 | 実績値, KPI② › 指標名 | …): each
  /// group's columns, from its KPI column to the next one's; nil for one KPI column, or for
  /// KPI columns under one header cell (成果指標名 merged over a letter and the name).
  var kpiGroups: [ClosedRange<Int>]? {
    var starts: [HeaderColumn] = []
    for column in columns where column.role == .field(.kpi) {
      if !starts.contains(where: { $0.cell == column.cell }) { starts.append(column) }
    }
    guard starts.count > 1 else { return nil }
    let width = starts[1].column - starts[0].column
    var groups = starts.indices.map { index in
      let start = starts[index].column
      let end = index + 1 < starts.count ? starts[index + 1].column - 1 : start + width - 1
      return start...end
    }
    // The last group as wide as the first, and over any more figures of its KPI after that;
    // a project's columns after it (事業効果, 意見) stay the project's.
    if let last = groups.last {
      var end = last.upperBound
      for column in columns where column.column > end {
        guard column.column == end + 1, Self.isKPILevel(column.role) else { break }
        end = column.column
      }
      groups[groups.count - 1] = last.lowerBound...end
    }
    // Each group holds its own figures; a second name column alone is no second KPI.
    guard groups.allSatisfy({ group in valueColumns.contains { group.contains($0.column) } })
    else { return nil }
    return groups
  }

  /// Whether a column of this role belongs to one KPI (its figures, unit, grade), not to the
  /// project.
  private static func isKPILevel(_ role: ColumnRole?) -> Bool {
    switch role {
    case .value?, .baseline?, .finalTarget?, .measureYear?, .ignored?, nil: return true
    case .field(let field)?: return [.unit, .grade, .due, .dueActual].contains(field)
    default: return false
    }
  }

  /// This header with only `group`'s columns of `groups`, and every column outside them (the
  /// project, its cost and evaluation).
  func restricted(to group: ClosedRange<Int>, among groups: [ClosedRange<Int>]) -> TableHeader {
    var copy = self
    copy.columns = columns.filter { column in
      group.contains(column.column) || !groups.contains { $0.contains(column.column) }
    }
    return copy
  }

  /// The first column read as `field`.
  func column(_ field: HeaderField) -> HeaderColumn? {
    columns.first { $0.role == .field(field) }
  }

  func columns(_ field: HeaderField) -> [HeaderColumn] {
    columns.filter { $0.role == .field(field) }
  }

  var valueColumns: [HeaderColumn] {
    columns.filter { if case .value = $0.role { return true } else { return false } }
  }

  var yearColumns: [HeaderColumn] {
    columns.filter { if case .year = $0.role { return true } else { return false } }
  }

  /// The columns whose headers were read as something (a header the vocabulary lacks, such
  /// as 備考 at the table's edge, does not widen the table).
  var span: ClosedRange<Int> {
    let read = columns.filter { $0.role != nil }
    let used = read.isEmpty ? columns : read
    return (used.first?.column ?? 0)...(used.last?.column ?? 0)
  }
}

/// Whether a cell's text reads as a header: a field word, a year label, a combined
/// year-and-measure header, or 達成率 (derived, never read, but a header: the report's
/// 効果検証 has it in its second header row).
enum HeaderCellKind {
  static func isHeader(_ text: String) -> Bool { kind(text) != .none }

  /// A header naming what makes a KPI table: a KPI, a project, a measure or a year.
  static func isAnchor(_ text: String) -> Bool { kind(text) == .anchor }

  enum Kind { case none, header, anchor }

  /// What a cell's text is as a header, the text reduced once. A long first line is a name
  /// or a sentence, never a header, and is not folded at all: most cells of a long list are
  /// such texts.
  static func kind(_ text: String) -> Kind {
    let firstLine = text.prefix { !$0.isNewline }
    guard firstLine.count <= 40 else { return .none }
    var header = HeaderText(text)
    var field = HeaderField.match(header)
    // Only a text with a line break can be a word broken over two lines.
    if field == nil, text.contains(where: \.isNewline) {
      header = HeaderText(BrokenHeader.mended(text))
      field = HeaderField.match(header)
    }
    switch field {
    case .kpi, .projectName, .target, .actual, .finalTarget, .baseline: return .anchor
    case .some: return .header
    case nil:
      if ColumnRoleReader.combined(key: header.key) != nil { return .anchor }
      if let label = FiscalYearLabel.parse(header.key), label.dueText == nil { return .anchor }
      if KPIGroupLabel.isLabel(header.key) { return .header }
      // （H24年度） under 目標値: a bracketed year alone is a sub-header giving its year.
      if header.key.isEmpty, let note = header.notes.last,
        let label = FiscalYearLabel.parse(HeaderText.key(note)), label.dueText == nil
      {
        return .header
      }
      return header.key == "達成率" ? .header : .none
    }
  }
}

/// The heading of one KPI's columns when several stand side by side on a row: KPI①, KPI1,
/// 指標②, 成果指標1, KPIその2 (a key: NFKC has made ① a digit).
enum KPIGroupLabel {
  static func isLabel(_ key: String) -> Bool {
    for prefix in ["KPI", "指標", "成果指標", "評価指標"] where key.hasPrefix(prefix) {
      var rest = key.dropFirst(prefix.count)
      if rest.hasPrefix("その") { rest = rest.dropFirst(2) }
      return (1...2).contains(rest.count) && rest.allSatisfy { $0.isASCII && $0.isNumber }
    }
    return false
  }
}

/// A header word broken over two lines where it does not fit (本事業における重要業績\n評価指標
/// （KPI））: when the first line alone names nothing and the two lines together name a
/// field, the two are one line. A first line that names something (目標値\n（単位：人）) stays.
///
/// A first line that names a shorter word than the two lines together (目標\n年月, 指標\n値) is
/// one too: joined, the lines name another field, which is what the narrow column broke.
enum BrokenHeader {
  static func mended(_ text: String) -> String {
    guard let breakIndex = text.firstIndex(where: \.isNewline) else { return text }
    let first = HeaderText(text)
    let rest = text[text.index(after: breakIndex)...]
    let secondEnd = rest.firstIndex(where: \.isNewline) ?? rest.endIndex
    let joined = String(text[..<breakIndex]) + String(rest[..<secondEnd])
    guard let joinedField = HeaderField.match(joined) else { return text }
    if let firstField = HeaderField.match(first) {
      // 目標値\n（単位：人） joins to the same field: the second line is a note, kept as one.
      guard firstField != joinedField, HeaderText(joined).notes.isEmpty else { return text }
    } else if FiscalYearLabel.parse(first.key) != nil {
      return text
    }
    return joined + String(rest[secondEnd...])
  }
}

/// A header cell holding only a unit note (単位：円, （単位：千円）, or a bracketed unit alone:
/// （円）, （人）) under another header: the unit of the column, not a header of its own.
/// 「（単位）」 alone heads a unit column and is not one.
enum UnitNoteCell {
  static func matches(_ text: String) -> Bool { unit(text) != nil }

  /// The unit the cell states, or nil when it is not a unit note.
  static func unit(_ text: String) -> String? {
    guard HeaderField.match(text) == nil else { return nil }
    let header = HeaderText(text)
    if let unit = QuantityParser.headerUnit(text) {
      return header.key.isEmpty || header.key.hasPrefix("単位") ? unit : nil
    }
    guard header.key.isEmpty, header.notes.count == 1, let note = header.notes.first,
      UnitWord.isUnit(note)
    else { return nil }
    return note
  }
}
