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
    let era = eralessCells.isEmpty ? nil : EraHint.find(grid, above: rows.lowerBound)
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
  var finalTargetYearColumn: Int? {
    columns.first { $0.texts.last.map(HeaderText.key) == "目標年度" }?.column
  }

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
      return header.key == "達成率" ? .header : .none
    }
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
