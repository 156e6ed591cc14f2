import CellAddress
import KPIModel
import XLSXReader

/// Finds the KPI tables on a sheet: header bands of one to three rows whose columns read as a
/// KPI table, each with the data rows under it up to a note, a label or the next table.
struct TableFinder {
  let grid: SheetGrid

  /// A header band and the rows it heads.
  struct Region {
    var header: TableHeader
    var dataRows: [Int]
    /// Why the region is not read as a KPI table, when it is not.
    var skipped: SkipReason?
  }

  /// Every region whose first row holds at least two header cells, one of them naming a
  /// KPI, a project, a measure or a year, top to bottom.
  func regions() -> [Region] {
    var regions: [Region] = []
    var consumed = -1
    for row in grid.rows where row > consumed {
      guard startsHeader(row) else { continue }
      let band = headerBand(from: row)
      let header = TableHeader(rows: band, grid: grid)
      var region = Region(header: header, dataRows: [], skipped: nil)
      region.skipped = Self.whyNotATable(header)
      if region.skipped == nil {
        region.dataRows = dataRows(after: band.upperBound, header: header)
        consumed = region.dataRows.last ?? band.upperBound
        // A header with nothing under it (a 対象年度 label row, an empty form) is no table.
        if region.dataRows.isEmpty {
          region.skipped = SkipReason(kind: .noRows, headers: Self.headerList(header))
        }
      } else {
        consumed = band.upperBound
      }
      regions.append(region)
    }
    return regions
  }

  /// A row with two header cells, one of which anchors a KPI table.
  private func startsHeader(_ row: Int) -> Bool {
    var headers = 0
    var anchored = false
    for cell in grid.cells(inRow: row) {
      guard case .string(let text) = cell.value else { continue }
      let kind = HeaderCellKind.kind(text)
      guard kind != .none else { continue }
      headers += 1
      anchored = anchored || kind == .anchor
    }
    return headers >= 2 && anchored
  }

  /// The header rows from `row`: it and up to three rows right under it that hold only header
  /// cells (or cells merged down from the band).
  ///
  /// A sub-header the vocabulary lacks (改善・悪化 beside 実績 under a merged H27) belongs to
  /// the band when a group header merged across columns stands over it; a number never does.
  private func headerBand(from row: Int) -> ClosedRange<Int> {
    var last = row
    for next in (row + 1)...(row + 3) where next == last + 1 {
      // The lower half of headers merged down (nothing stored in it) belongs to the band.
      if grid.cells(inRow: next).allSatisfy({ CellReading.text($0) == nil }) {
        guard coveredFromAbove(next, band: row...last) else { break }
        last = next
        continue
      }
      var headers = 0
      var other = 0
      for cell in grid.cells(inRow: next) {
        guard let text = CellReading.text(cell) else { continue }
        if case .string = cell.value, HeaderCellKind.isHeader(text) || UnitNoteCell.matches(text) {
          headers += 1
        } else if case .string = cell.value, underGroupHeader(cell.reference, band: row...last) {
          continue
        } else {
          other += 1
        }
      }
      guard headers > 0, other == 0 else { break }
      last = next
    }
    return row...last
  }

  /// Whether header cells of `band` are merged down over `row`.
  private func coveredFromAbove(_ row: Int, band: ClosedRange<Int>) -> Bool {
    band.contains { bandRow in
      grid.cells(inRow: bandRow).contains { cell in
        guard let merge = grid.merge(containing: cell.reference) else { return false }
        return merge.last.row >= row && CellReading.text(cell).map(HeaderCellKind.isHeader) == true
      }
    }
  }

  /// Whether a header cell merged across several columns stands over `reference` in `band`.
  /// The group's own words need not be header words (実績値を踏まえた事業の今後について over
  /// 今後の方針 | 方針の理由): the band's rows are header rows already.
  private func underGroupHeader(_ reference: CellReference, band: ClosedRange<Int>) -> Bool {
    band.contains { row in
      guard let merge = grid.merge(containing: CellReference(row: row, column: reference.column))
      else { return false }
      return merge.columnCount > 1 && merge.last.row < reference.row
        && band.contains(merge.first.row) && CellReading.text(grid.cell(at: merge.first)) != nil
    }
  }

  /// Why a header band does not head a KPI table, or nil when it does.
  static func whyNotATable(_ header: TableHeader) -> SkipReason? {
    let hasKPI = header.column(.kpi) != nil
    let hasValues = !header.valueColumns.isEmpty
    let hasYears = !header.yearColumns.isEmpty
    let hasFinal = header.columns.contains {
      if case .finalTarget = $0.role { return true }
      return $0.role == .baseline
    }
    if hasKPI && (hasValues || hasYears || hasFinal) { return nil }
    // Years across with no KPI column: the row labels name the KPIs and their measures.
    if !hasKPI && hasYears && !hasValues { return nil }
    // 指標値 under a KPI group header (本事業における重要業績評価指標（KPI）) with no KPI
    // column: each value cell names its KPI before the figure (助成件数　1件).
    if !hasKPI && hasValues && header.valueColumnsNameKPIs { return nil }
    return SkipReason(kind: hasKPI ? .noValueColumn : .noKPIColumn, headers: headerList(header))
  }

  /// The header cells read as something, as `text (cell)`.
  static func headerList(_ header: TableHeader) -> [String] {
    header.columns.compactMap { column -> String? in
      guard column.role != nil, let text = column.path.last?.text else { return nil }
      return "\(HeaderLine.oneLine(text)) (\(column.cell))"
    }
  }

  /// The rows under a header that belong to its table: up to a note (※, 計算方法, 出典, …)
  /// with no KPI row after it, a label row (a header word first), the next table's header, or
  /// three blank rows.
  private func dataRows(after headerEnd: Int, header: TableHeader) -> [Int] {
    let span = header.span
    let valueColumns = Set(header.figureColumns.map(\.column))
    var rows: [Int] = []
    var previous = headerEnd
    for row in grid.rows where row > headerEnd {
      if row - previous > 3 { break }
      let cells = grid.cells(inRow: row).filter { span.contains($0.reference.column) }
      guard let firstCell = cells.first(where: { CellReading.text($0) != nil }),
        let first = CellReading.text(firstCell)
      else { continue }
      if Self.isNote(first) {
        // A note between KPI rows (※令和2年度は中止) is set aside and the table goes on; a
        // note in the KPI cell of a row with values is a row the reader names. Notes under
        // the table, figures in their text or not, end it.
        if isNoteAsKPIName(firstCell, header: header) && holdsFigures(row, header: header) {
          rows.append(row)
        } else if !kpiRowFollows(note: row, header: header) {
          break
        }
        previous = row
        continue
      }
      // A row holding a number is data: only a row of text can be a header, a label or a
      // banner (checked once per row, which matters on a list of many thousand rows).
      let hasNumber = grid.cells(inRow: row).contains {
        if case .number = $0.value { return true } else { return false }
      }
      // 12件 | R1 | 20件 | R7: figures typed with their unit beside the years they stand at
      // make a data row, not a header of years.
      let hasQuantity =
        hasNumber
        || cells.contains {
          guard valueColumns.contains($0.reference.column), let text = CellReading.text($0)
          else { return false }
          return Self.isFigure(text)
        }
      // A row inside a KPI's or project's cell merged down from a data row above (評価 under
      // its 目標値 / 実績値 rows) is that KPI's, whatever it holds.
      let continuesMerge =
        !rows.isEmpty && mergedDownFromData(into: row, header: header, rows: rows)
      if !hasQuantity && !continuesMerge {
        if startsHeader(row) || isBanner(row, span: span) || isCaption(row, span: span) {
          break
        }
        // 「⑤生涯スポーツ」 alone on its row heads the next project's table.
        if cells.count == 1, let heading = ProjectHeading.parse(first), heading.no != nil {
          break
        }
        let texts = cells.compactMap(CellReading.text)
        if HeaderField.match(first) != nil && !texts.dropFirst().contains(where: Self.isNumeric) {
          // 評価 | A between a project's KPI rows and the next project's: set aside like a
          // note, or the projects after it would be lost without a word.
          if kpiRowFollows(note: row, header: header) {
            previous = row
            continue
          }
          if let last = rows.last, isGroupRow(last, span: span) { rows.removeLast() }
          break
        }
      }
      rows.append(row)
      previous = row
    }
    return rows
  }

  /// Whether the KPI cell of `row` is covered by a merge whose text stands on one of the
  /// table's data rows: the row is that KPI's. (A project's merge over a 評価 row says nothing
  /// about the row: it may be the project's rating.)
  private func mergedDownFromData(into row: Int, header: TableHeader, rows: [Int]) -> Bool {
    for column in header.columns(.kpi).map(\.column) {
      guard let merge = grid.merge(containing: CellReference(row: row, column: column)),
        merge.first.row < row, merge.first.row >= rows[0],
        CellReading.text(grid.cell(at: merge.first)) != nil
      else { continue }
      return true
    }
    return false
  }

  /// Whether a KPI row (a name in the KPI column, figures in the value columns) comes after
  /// the note on `row`, past other notes, rows of figures and up to three blank rows, before
  /// a header or a text row without figures.
  private func kpiRowFollows(note row: Int, header: TableHeader) -> Bool {
    var previous = row
    for next in grid.rows where next > row {
      if next - previous > 3 { return false }
      let texts = grid.cells(inRow: next).filter { header.span.contains($0.reference.column) }
        .compactMap(CellReading.text)
      guard let first = texts.first else { continue }
      previous = next
      if Self.isNote(first) { continue }
      guard !startsHeader(next), holdsFigures(next, header: header) else { return false }
      if namesKPI(next, header: header) { return true }
    }
    return false
  }

  /// A row of group headers over the label row that ends a table (外部有識者からの評価 |
  /// 実績値を踏まえた事業の今後について over 事業効果 | 評価 | 意見 …): text only, every cell merged
  /// across two or more columns. It belongs to the block below, not to the table above.
  private func isGroupRow(_ row: Int, span: ClosedRange<Int>) -> Bool {
    let stored = grid.cells(inRow: row).filter {
      span.contains($0.reference.column) && CellReading.text($0) != nil
    }
    return !stored.isEmpty
      && stored.allSatisfy { cell in
        guard case .string = cell.value, let merge = grid.merge(containing: cell.reference) else {
          return false
        }
        return merge.columnCount > 1 && merge.rowCount == 1
      }
  }

  /// Whether a value column of `header` holds a figure on `row`.
  private func holdsFigures(_ row: Int, header: TableHeader) -> Bool {
    header.figureColumns.contains {
      FigureCell.holdsFigure(grid.storedCell(at: CellReference(row: row, column: $0.column)))
    }
  }

  /// A ※ note typed where a row's KPI name belongs: with figures beside it, the row stays in
  /// the table for the reader to name (row-not-read), never read as a KPI.
  private func isNoteAsKPIName(_ cell: Cell, header: TableHeader) -> Bool {
    guard let kpi = header.column(.kpi), let text = CellReading.text(cell),
      TextNormalizer.compact(text).hasPrefix("※")
    else { return false }
    return header.columns.contains { $0.cell == kpi.cell && $0.column == cell.reference.column }
  }

  /// Whether `row` names a KPI: a text in the KPI column (or a column under its header), or
  /// with no KPI column, a label left of the value columns; a note is no name.
  private func namesKPI(_ row: Int, header: TableHeader) -> Bool {
    let firstFigure = header.figureColumns.first?.column ?? header.span.upperBound
    let nameColumns: [Int]
    if let kpi = header.column(.kpi) {
      nameColumns = header.columns.filter { $0.cell == kpi.cell }.map(\.column)
    } else {
      nameColumns = Array(header.span.lowerBound..<max(header.span.lowerBound, firstFigure))
    }
    return nameColumns.contains { column in
      guard
        let text = CellReading.text(grid.storedCell(at: CellReference(row: row, column: column)))
      else { return false }
      return !Self.isNote(text)
    }
  }

  /// A row holding one text merged across most of the table (a legend, a comment box) ends
  /// it: its text would otherwise be seen in every column it covers.
  ///
  /// A labelled free-text box (H27年度の取り組み実績 | a paragraph merged across) is one too.
  private func isBanner(_ row: Int, span: ClosedRange<Int>) -> Bool {
    let stored = grid.cells(inRow: row).filter {
      span.contains($0.reference.column) && CellReading.text($0) != nil
    }
    guard stored.count <= 2,
      stored.allSatisfy({
        if case .string = $0.value { return true } else { return false }
      })
    else { return false }
    return stored.enumerated().contains { index, cell in
      guard let merge = grid.merge(containing: cell.reference), merge.columnCount * 2 > span.count
      else { return false }
      // Alone it is a legend; after a label it must be a paragraph, not a value.
      return stored.count == 1
        || (index == 1 && (CellReading.text(cell)?.contains(where: \.isNewline) ?? false))
    }
  }

  /// A row whose one text starts at the table's left edge and is merged across three or more
  /// of its columns is a caption line, not data (the national form's closing
  /// 「各事業の評価等を踏まえた地方版総合戦略の見直しの有無」 over No, name and overview): no data row
  /// spans the number, the name and the next field with one cell and leaves the rest empty.
  private func isCaption(_ row: Int, span: ClosedRange<Int>) -> Bool {
    let stored = grid.cells(inRow: row).filter {
      span.contains($0.reference.column) && CellReading.text($0) != nil
    }
    guard stored.count == 1, let cell = stored.first, case .string(let text) = cell.value,
      cell.reference.column == span.lowerBound, !SingleTable.isDashOnly(text),
      let merge = grid.merge(containing: cell.reference)
    else { return false }
    return merge.columnCount >= 3
  }

  /// Notes end a table: 計算方法, 算出方法, ※, 注, 参考, 課題, 今後の対応, 出典, 備考.
  static func isNote(_ text: String) -> Bool {
    // Most rows start with a name or a number: fold only text that could be a note.
    guard let head = text.first(where: { !$0.isWhitespace }),
      "※*＊注(（計算参課今出備".contains(head)
    else { return false }
    let key = HeaderText.key(text)
    let markers = [
      "※", "*", "＊", "注", "(注", "計算方法", "算出方法", "算定方法", "参考", "課題", "今後の対応", "出典", "備考",
    ]
    return markers.contains { key.hasPrefix($0) }
  }

  /// A figure as a value cell holds it: a number with no unit or a unit KPI sheets use
  /// (12件, 3.5%, 1,200千円), not a header that starts with a digit (5ヵ年目標).
  private static func isFigure(_ text: String) -> Bool {
    guard case .value(_, let unit, _) = QuantityParser.parse(text) else { return false }
    return unit.map { UnitWord.isUnit($0) || HeaderText("（\($0)）").moneyUnit != nil } ?? true
  }

  private static func isNumeric(_ text: String) -> Bool {
    if case .value = QuantityParser.parse(text) { return true }
    return false
  }
}

/// Why a region that looked like a table was not read, in the user's language.
public struct SkipReason: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    /// A KPI column with no target, actual or year column beside it.
    case noValueColumn
    /// Measure or year columns with no KPI column.
    case noKPIColumn
    /// A header with no data rows under it.
    case noRows
  }

  public var kind: Kind
  /// The header cells found, as `text (cell)`.
  public var headers: [String]

  public var description: String { description(in: .english) }

  public func description(in language: DiagnosticLanguage) -> String {
    let japanese = language == .japanese
    let list = headers.joined(separator: japanese ? "、" : ", ")
    switch (kind, japanese) {
    case (.noValueColumn, false):
      return "header \(list) found, no target, actual or year column beside it"
    case (.noValueColumn, true):
      return "見出し \(list) はありますが、目標値・実績値・年度の列がありません"
    case (.noKPIColumn, false):
      return "header \(list) found, no KPI column (指標, KPI, 成果指標)"
    case (.noKPIColumn, true):
      return "見出し \(list) はありますが、KPI の列（指標、KPI、成果指標）がありません"
    case (.noRows, false):
      return "header \(list) found, no rows under it"
    case (.noRows, true):
      return "見出し \(list) はありますが、その下に行がありません"
    }
  }
}

/// A header cell's text as explanations show it.
public enum HeaderLine {
  /// The text on one line (header cells often break lines for layout).
  public static func oneLine(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).map {
      $0.trimmingCharacters(in: .whitespaces)
    }.joined(separator: " ")
  }
}
