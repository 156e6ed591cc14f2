import CellAddress
import KPIModel
import XLSXReader

/// Names every figure a read table holds that no reader took (value-not-read): in a value
/// column of a row the reader passed over, in a column with no header or right of the last
/// header, under a year header the reader cannot read, or in a row under a note that ended
/// the table. What a documented rule leaves out is not named: derived rows and columns
/// (達成率, 見込, 累計, 合計), a budget's funding rows, the template's example rows, and
/// figures already named by an error or a row-not-read warning.
struct UnreadFigures {
  let grid: SheetGrid
  let header: TableHeader
  let dataRows: [Int]
  /// The rows under the table up to the next one.
  let below: Range<Int>
  let orientation: DetectedTable.Orientation
  let log: DiagnosticLog

  private var sheet: String { grid.sheet.name }

  func report() {
    let reported = log.reportedPlaces(sheet: sheet)
    // An error in the header (a year it cannot read, no year for the table) names the table.
    guard
      !reported.contains(where: {
        header.rows.contains($0.row) && header.span.contains($0.column)
      })
    else { return }
    // A name merged down over its measure rows is named once for all of them.
    let reportedRows = Set(
      reported.flatMap { cell in
        grid.merge(containing: cell).map { Array($0.first.row...$0.last.row) } ?? [cell.row]
      })
    let figureColumns = header.figureColumns.map(\.column)
    let outside = OutsideColumns(header)
    for row in dataRows where !reportedRows.contains(row) {
      let wasRead = figureColumns.contains { isRead(CellReference(row: row, column: $0)) }
      var pending = figureColumns.compactMap { column -> (Int, Reason)? in
        unreadFigure(row: row, column: column) == nil
          ? nil : (column, wasRead ? .notForRow(column) : rowReason(row))
      }
      if wasRead { pending += outsideFigures(row, outside) }
      // Derived and example rows are looked at only when they hold something unread.
      guard !pending.isEmpty, !isDerived(row), !isExample(row) else { continue }
      for (column, why) in pending { name(row: row, column: column, because: why) }
    }
    reportSetAside(figureColumns)
    reportBelow(figureColumns, reportedRows: reportedRows)
  }

  /// Note rows set aside inside the table (KPI rows follow them): a figure on one is named.
  private func reportSetAside(_ figureColumns: [Int]) {
    guard let first = dataRows.first, let last = dataRows.last else { return }
    let kept = Set(dataRows)
    for row in first...last where !kept.contains(row) {
      guard let note = noteCell(row) else { continue }
      for column in figureColumns { name(row: row, column: column, because: .noteRow(note)) }
    }
  }

  /// The note leading `row` within the table's columns, if it is a note row.
  private func noteCell(_ row: Int) -> CellReference? {
    guard
      let first = grid.cells(inRow: row).first(where: {
        header.span.contains($0.reference.column) && CellReading.text($0) != nil
      }), let text = CellReading.text(first), TableFinder.isNote(text)
    else { return nil }
    return first.reference
  }

  /// The columns of the table's header that no rule reads, worked out once per table.
  private struct OutsideColumns {
    /// Every column with a header cell over it.
    var headed: Set<Int> = []
    /// Columns under a header that looks like a year the reader could not read.
    var unreadYears: [Int: (text: String, cell: CellReference)] = [:]

    init(_ header: TableHeader) {
      for column in header.columns {
        headed.insert(column.column)
        guard column.role == nil, let text = column.path.last?.text,
          UnreadFigures.looksLikeYear(text), !DerivedLabel.isDerived(text)
        else { continue }
        unreadYears[column.column] = (text, column.cell)
      }
    }
  }

  /// Figures on a row read as a KPI row in columns no header reads: no header at all, right
  /// of the last header, or a year header the reader cannot read.
  private func outsideFigures(_ row: Int, _ outside: OutsideColumns) -> [(Int, Reason)] {
    var found: [(Int, Reason)] = []
    for cell in grid.cells(inRow: row) where cell.reference.column > header.span.lowerBound {
      let column = cell.reference.column
      let why: Reason
      if let year = outside.unreadYears[column] {
        why = .unreadHeader(year.text, year.cell)
      } else if outside.headed.contains(column) {
        continue
      } else {
        why = column > header.span.upperBound ? .rightOfHeader : .noHeader
      }
      if unreadFigure(row: row, column: column) != nil { found.append((column, why)) }
    }
    return found
  }

  /// Rows under the table, up to a label or text that is not a note: figures in its value
  /// columns there are a KPI row the table lost (its name blank after a note, say).
  private func reportBelow(_ figureColumns: [Int], reportedRows: Set<Int>) {
    let tableEnd = dataRows.last ?? header.rows.upperBound
    var previous = tableEnd
    var note: CellReference?
    for row in below {
      let stored = grid.cells(inRow: row).filter {
        header.span.contains($0.reference.column) && CellReading.text($0) != nil
      }
      guard let first = stored.first, let text = CellReading.text(first) else {
        if row - previous > 3 { return }
        continue
      }
      previous = row
      if TableFinder.isNote(text) {
        note = note ?? first.reference
        for column in figureColumns {
          name(row: row, column: column, because: .noteRow(first.reference))
        }
        continue
      }
      let holdsFigures = figureColumns.contains {
        FigureCell.holdsFigure(grid.storedCell(at: CellReference(row: row, column: $0)))
      }
      guard holdsFigures else { return }
      if reportedRows.contains(row) || isDerived(row) { continue }
      for column in figureColumns {
        name(
          row: row, column: column,
          because: note.map { .underNote($0) } ?? .belowTable(tableEnd))
      }
    }
  }

  /// The cell at (row, column) when it holds a figure no reader took.
  private func unreadFigure(row: Int, column: Int) -> Cell? {
    let reference = CellReference(row: row, column: column)
    guard !isRead(reference), let cell = grid.storedCell(at: reference),
      FigureCell.holdsFigure(cell)
    else { return nil }
    return cell
  }

  /// Warns about the figure at (row, column) when it holds one no reader took.
  private func name(row: Int, column: Int, because why: Reason) {
    guard let cell = unreadFigure(row: row, column: column), !repeatsProjectCost(cell) else {
      return
    }
    let reason = why.text(header)
    log.add(
      .warning, .valueNotRead,
      [
        "value": FigureCell.shown(cell), "reason": reason.english,
        "reasonJapanese": reason.japanese,
      ], sheet: sheet, cell: cell.reference)
  }

  /// A project's cost written again on each of its KPI rows (the same figure as one read
  /// above in its column) loses nothing.
  private func repeatsProjectCost(_ cell: Cell) -> Bool {
    let column = cell.reference.column
    guard header.columns.contains(where: { $0.column == column && $0.role == .field(.cost) })
    else { return false }
    let shown = FigureCell.shown(cell)
    // Up the column to the nearest figure that was read: the project's cost. The rows are in
    // order: start right above the cell, not at the end of a long list.
    var low = 0
    var high = dataRows.count
    while low < high {
      let middle = (low + high) / 2
      if dataRows[middle] < cell.reference.row { low = middle + 1 } else { high = middle }
    }
    for row in dataRows[..<low].reversed() {
      let above = CellReference(row: row, column: column)
      guard isRead(above) else { continue }
      return FigureCell.shown(grid.storedCell(at: above)) == shown
    }
    return false
  }

  private func isRead(_ reference: CellReference) -> Bool {
    log.valuesRead.contains(reference, sheet: sheet)
  }

  /// Why a row with figures was passed over as a whole.
  private func rowReason(_ row: Int) -> Reason {
    guard orientation == .rows else { return .noKPI }
    let names = labels(row).contains { Measure.named($0) != nil }
    return names ? .noKPI : .noMeasure
  }

  /// The texts of the row outside its figure columns: its name, 区分 and labels.
  private func labels(_ row: Int) -> [String] {
    let figureColumns = Set(header.figureColumns.map(\.column))
    return grid.cells(inRow: row).filter { !figureColumns.contains($0.reference.column) }
      .compactMap(CellReading.text)
  }

  /// A row of the template's example (【記入例】 in its project cell): shown, never read.
  private func isExample(_ row: Int) -> Bool {
    guard let column = header.column(.projectName)?.column,
      let text = CellReading.text(grid.cell(row: row, column: column))
    else { return false }
    return TemplateFormat.isExample(text)
  }

  /// A row whose label says it is derived from the others (達成率, 見込, 累計, 合計).
  private func isDerived(_ row: Int) -> Bool {
    labels(row).contains(where: DerivedLabel.isDerived)
  }

  /// A header that names a year the reader could not read (令和元年度見込 is derived, 2020
  /// alone is not a header word): digits with 年, or an era letter and a digit.
  static func looksLikeYear(_ text: String) -> Bool {
    let key = HeaderText.key(text)
    guard key.contains(where: \.isNumber) else { return false }
    if key.contains("年") || key.uppercased().contains("FY") { return true }
    guard let first = key.uppercased().first, "HRS".contains(first) else { return false }
    return key.dropFirst().first?.isNumber ?? false
  }

  private enum Reason {
    case noKPI, noMeasure
    case notForRow(Int)
    case noHeader, rightOfHeader
    case unreadHeader(String, CellReference)
    case underNote(CellReference)
    case noteRow(CellReference)
    case belowTable(Int)

    func text(_ header: TableHeader) -> (english: String, japanese: String) {
      switch self {
      case .noKPI:
        return ("its row gives no KPI to put it under", "行から KPI を読み取れません")
      case .noMeasure:
        return (
          "its row says neither 目標 nor 実績 (a measure row is needed)",
          "行に目標・実績の区分がありません"
        )
      case .notForRow(let column):
        guard let top = header.columns.first(where: { $0.column == column })?.path.last else {
          return ("its column is not read on this row", "この列はこの行では読みません")
        }
        let title = "「\(HeaderLine.oneLine(top.text))」"
        return (
          "the column \(title) (\(top.cell)) is not read on this row",
          "列 \(title)（\(top.cell)）はこの行では読みません"
        )
      case .noHeader:
        return ("its column has no header", "列に見出しがありません")
      case .rightOfHeader:
        return ("it is right of the table's last header", "表の見出しより右にあります")
      case .unreadHeader(let text, let cell):
        let shown = "「\(HeaderLine.oneLine(text))」"
        return (
          "its header \(shown) (\(cell)) is not a year the reader can read",
          "見出し \(shown)（\(cell)）は読み取れる年度ではありません"
        )
      case .underNote(let cell):
        return (
          "the note in \(cell) ends the table and this row names no KPI",
          "\(cell) の注記で表が終わり、この行には KPI 名がありません"
        )
      case .noteRow(let cell):
        return (
          "its row is a note (\(cell)), not a KPI row",
          "行が注記（\(cell)）で、KPI の行ではありません"
        )
      case .belowTable(let row):
        return (
          "it is below the table, which ends at row \(row)",
          "表（\(row) 行目まで）の下にあります"
        )
      }
    }
  }
}

/// Labels of figures derived from the others, which no reader takes by rule: 達成率,
/// 達成度, 進捗率, 執行率, 見込, 累計, 合計, 小計, 計, 平均, 前年比, 増減.
enum DerivedLabel {
  private static let words = [
    "達成率", "達成度", "進捗率", "執行率", "見込", "累計", "合計", "小計", "計", "平均", "前年比", "増減",
  ]

  static func isDerived(_ text: String) -> Bool {
    let key = HeaderText.key(text)
    return words.contains { key.hasPrefix($0) } || key.contains("見込")
  }
}
