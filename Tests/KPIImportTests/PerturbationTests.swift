import CellAddress
import Foundation
import KPIImport
import KPIModel
import Testing
import XLSXReader

/// The same sheet drawn differently reads to the same records: every fixture with expected
/// records is read again after moving its tables, adding titles and notes, swapping header
/// synonyms and the order of 目標 / 実績 columns, and merging or unmerging header cells.
@Suite struct PerturbationTests {
  /// Every workbook with expected records that reads right as drawn.
  static let fixtures: [String] = {
    // Samples read with a mapping file are not drawn for detection.
    let folders = [
      "Tests/KPIImportTests/Fixtures", "Tests/KPIImportTests/Fixtures/real", "samples",
    ]
    var found: [String] = []
    for folder in folders {
      let url = packageRoot.appendingPathComponent(folder)
      let files = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
      for file in files.sorted() where file.hasSuffix(".expected.json") {
        let name = String(file.dropLast(".expected.json".count))
        guard RealFixtureTests.notYetRead[name] == nil,
          FileManager.default.fileExists(atPath: url.appendingPathComponent("\(name).xlsx").path)
        else { continue }
        found.append("\(folder)/\(name)")
      }
    }
    return found
  }()

  @Test(arguments: fixtures, Perturbation.allCases)
  func recordsStayTheSame(fixture: String, perturbation: Perturbation) throws {
    let root = packageRoot.appendingPathComponent(fixture)
    let workbook = try XLSXWorkbook(path: root.path + ".xlsx", displayName: "fixture.xlsx")
    let expected = try RecordsJSON.decode(
      Data(contentsOf: URL(fileURLWithPath: root.path + ".expected.json")))
    let grids = try workbook.sheets.filter { $0.kind == .worksheet }.map {
      try SheetGrid(workbook: workbook, sheet: $0)
    }
    // Own reports and mapping-file samples are read by their marker or mapping, not drawn.
    guard !OwnReportCheck.isReport(workbook) else { return }
    // Layout A keeps a reader of its own (BlockLayout), which matches its labels line by line:
    // broken header words are the table reader's to mend.
    if perturbation == .brokenHeaderWords,
      try KPIImporter(
        fiscalYear: RealFixtureTests.fiscalYearOption[
          String(fixture.split(separator: "/").last ?? "")]
      ).read(grids: grids, fileName: "fixture.xlsx").tables.contains(where: { $0.layout == .block })
    {
      return
    }
    let changed = grids.map(perturbation.apply)
    let name = String(fixture.split(separator: "/").last ?? "")
    let result = try KPIImporter(fiscalYear: RealFixtureTests.fiscalYearOption[name]).read(
      grids: changed, fileName: "fixture.xlsx")
    #expect(
      RealFixtureTests.withoutSources(result.document) == RealFixtureTests.withoutSources(expected),
      "\(fixture) after \(perturbation)")
  }
}

extension PerturbationTests {
  /// A grid's stored cells, for tests that redraw a sheet.
  static func cellsOf(_ grid: SheetGrid) -> [Cell] { Perturbation.cells(of: grid) }

  /// Each perturbation really changes several fixtures (else the test above proves nothing).
  @Test(arguments: Perturbation.allCases)
  func changesSeveralFixtures(perturbation: Perturbation) throws {
    var changed = 0
    for fixture in Self.fixtures {
      let path = packageRoot.appendingPathComponent(fixture).path + ".xlsx"
      let workbook = try XLSXWorkbook(path: path)
      for sheet in workbook.sheets where sheet.kind == .worksheet {
        let grid = try SheetGrid(workbook: workbook, sheet: sheet)
        let after = perturbation.apply(grid)
        if Set(Perturbation.cells(of: after)) != Set(Perturbation.cells(of: grid))
          || Set(after.merges) != Set(grid.merges)
        {
          changed += 1
          break
        }
      }
    }
    #expect(changed >= 3, "\(perturbation) changed \(changed) fixtures")
  }
}

/// A change a person might make to a sheet that must not change what it says.
enum Perturbation: String, CaseIterable, CustomTestStringConvertible {
  case shiftDownAndRight, titleRows, notesBelow, synonyms, swapTargetAndActual, unmergeHeaders
  case mergeHeadersDown
  /// Era years written the Western way (令和3年度 / H27 → 2021年度 / 2015年度), as sheets
  /// drawn by another department do.
  case westernYears
  /// Header words broken over two lines where a narrow column makes them wrap
  /// (交付対象事業の名称 → 交付対象事\n業の名称).
  case brokenHeaderWords
  /// A caption line inserted right above a table's header (◎指標の推移), as published tables
  /// name what they show.
  case captionAboveTable
  /// Figures typed with full-width digits (「１，２３４件」, 「１２．３％」), as a Japanese input method
  /// leaves them.
  case fullWidthFigures
  /// The option legend printed in a 事業効果 / 今後の方針 cell a project left empty
  /// (「（選択肢）\n1.地方創生に非常に効果的であった\n…」): not a choice, so nothing is read.
  case optionLegends

  var testDescription: String { rawValue }

  /// Whether a cell holds a year without its era on a line of its own (24年度, ２５年).
  static func hasYearsWithoutEra(_ grid: SheetGrid) -> Bool {
    cells(of: grid).contains { cell in
      guard case .string(let text) = cell.value else { return false }
      return text.split(whereSeparator: \.isNewline).contains { line in
        line.trimmingCharacters(in: .whitespaces)
          .range(of: "^[0-9０-９]{1,2}年度?$", options: .regularExpression) != nil
      }
    }
  }

  func apply(_ grid: SheetGrid) -> SheetGrid {
    switch self {
    case .shiftDownAndRight: return Self.shifted(grid, rows: 3, columns: 2)
    case .titleRows:
      var cells = Self.cells(of: Self.shifted(grid, rows: 2, columns: 0))
      let column = cells.map(\.reference.column).min() ?? 0
      cells.append(
        Cell(reference: CellReference(row: 0, column: column), value: .string("各課の取組状況（資料）")))
      return Self.grid(grid, cells: cells, merges: Self.shifted(grid, rows: 2, columns: 0).merges)
    case .notesBelow:
      var cells = Self.cells(of: grid)
      let column = cells.map(\.reference.column).min() ?? 0
      cells.append(
        Cell(
          reference: CellReference(row: grid.lastRow + 2, column: column),
          value: .string("※ 数値は各課の報告による")))
      cells.append(
        Cell(
          reference: CellReference(row: grid.lastRow + 3, column: column), value: .string("出典：庁内資料")
        ))
      return Self.grid(grid, cells: cells, merges: grid.merges)
    case .synonyms:
      let words = [
        "目標値": "目標", "実績値": "実績", "事業名": "事業の名称", "指標": "指標名", "KPI": "成果指標", "年度": "対象年度",
        "単位": "（単位）",
      ]
      let cells = Self.cells(of: grid).map { cell -> Cell in
        guard case .string(let text) = cell.value,
          let word = words[text.trimmingCharacters(in: .whitespaces)]
        else { return cell }
        var changed = cell
        changed.value = .string(word)
        return changed
      }
      return Self.grid(grid, cells: cells, merges: grid.merges)
    case .swapTargetAndActual: return Self.swappingMeasureColumns(grid)
    case .unmergeHeaders:
      // A header merged down over the header rows, unmerged: its text stays on top.
      let merges = grid.merges.filter { merge in
        guard merge.columnCount == 1, merge.rowCount > 1,
          case .string(let text)? = grid.storedCell(at: merge.first)?.value
        else { return true }
        return HeaderField.match(text) == nil
      }
      return Self.grid(grid, cells: Self.cells(of: grid), merges: merges)
    case .mergeHeadersDown: return Self.mergingHeadersDown(grid)
    case .westernYears:
      // Years written without their era (23年度) are read in the era the sheet's other labels
      // name: a sheet that has them keeps those labels.
      if Self.hasYearsWithoutEra(grid) { return grid }
      let cells = Self.cells(of: grid).map { cell -> Cell in
        guard case .string(let text) = cell.value, !text.contains(where: \.isNewline),
          let first = text.trimmingCharacters(in: .whitespaces).first, "令平RHＲＨ".contains(first),
          case .absolute(let year)? = FiscalYearLabel.parse(text)
        else { return cell }
        var changed = cell
        changed.value = .string("\(year)年度")
        return changed
      }
      return Self.grid(grid, cells: cells, merges: grid.merges)
    case .captionAboveTable:
      guard var top = Self.headerRows(grid).first else { return grid }
      // The top of the header band: a row above merged down into it, or naming a field.
      while top > 0,
        grid.merges.contains(where: { $0.first.row < top && $0.last.row >= top })
          || grid.cells(inRow: top - 1).contains(where: {
            if case .string(let text) = $0.value { return HeaderField.match(text) != nil }
            return false
          })
      {
        top -= 1
      }
      let move = { (reference: CellReference) in
        reference.row >= top
          ? CellReference(row: reference.row + 1, column: reference.column) : reference
      }
      var cells = Self.cells(of: grid).map { cell -> Cell in
        var moved = cell
        moved.reference = move(cell.reference)
        return moved
      }
      let column = grid.cells(inRow: top).map(\.reference.column).min() ?? 0
      cells.append(
        Cell(reference: CellReference(row: top, column: column), value: .string("◎指標の推移")))
      let merges = grid.merges.map { merge in
        merge.first.row >= top
          ? CellRange(first: move(merge.first), last: move(merge.last))
          : CellRange(
            first: merge.first, last: merge.last.row >= top ? move(merge.last) : merge.last)
      }
      return Self.grid(grid, cells: cells, merges: merges)
    case .fullWidthFigures:
      let cells = Self.cells(of: grid).map { cell -> Cell in
        // Only a short figure with its unit, never a name or a year label.
        guard case .string(let text) = cell.value,
          text.range(of: "^[0-9][0-9,.]*[^0-9年月度]{0,3}$", options: .regularExpression) != nil
        else { return cell }
        var changed = cell
        changed.value = .string(
          String(
            text.map { character -> Character in
              guard let scalar = character.unicodeScalars.first, character.isASCII,
                character.isNumber || character == "," || character == "." || character == "%",
                let wide = Unicode.Scalar(scalar.value + 0xFEE0)
              else { return character }
              return Character(wide)
            }))
        return changed
      }
      return Self.grid(grid, cells: cells, merges: grid.merges)
    case .brokenHeaderWords:
      let headerRows = Set(Self.headerRows(grid))
      let cells = Self.cells(of: grid).map { cell -> Cell in
        // The municipality block (都道府県名 | 市町村名 | コード) is a form's labels, not a
        // table's header.
        guard headerRows.contains(cell.reference.row), case .string(let text) = cell.value,
          !text.contains(where: \.isNewline), text.count >= 6, let field = HeaderField.match(text),
          ![HeaderField.prefecture, .municipality, .code, .contact].contains(field)
        else { return cell }
        let first = String(text.prefix(text.count / 2))
        // Only where the first half alone names nothing (指標\n値 would say 指標).
        guard HeaderField.match(first) == nil, FiscalYearLabel.parse(first) == nil else {
          return cell
        }
        var changed = cell
        changed.value = .string(first + "\n" + text.dropFirst(first.count))
        return changed
      }
      return Self.grid(grid, cells: cells, merges: grid.merges)
    case .optionLegends: return Self.withOptionLegends(grid)
    }
  }

  static let optionLegend: [HeaderField: String] = [
    .effect: "（選択肢）\n1.地方創生に非常に効果的であった\n2.地方創生に相当程度効果があった\n"
      + "3.地方創生に効果があった\n4.地方創生に効果がなかった",
    .policy: "（選択肢）\n1.追加等更に発展させる\n2.事業内容の見直し（改善）\n3.事業の継続\n4.事業の中止\n"
      + "5.予定通り事業終了",
  ]

  /// Writes the option legend into the first empty 事業効果 / 今後の方針 cell of a data row (a
  /// row holding a number) under each such header, where no merge from another cell covers it.
  static func withOptionLegends(_ grid: SheetGrid) -> SheetGrid {
    var cells = cells(of: grid)
    var taken = Set(cells.map(\.reference))
    for row in headerRows(grid) {
      for header in grid.cells(inRow: row) {
        guard case .string(let text) = header.value, let field = HeaderField.match(text),
          let legend = optionLegend[field]
        else { continue }
        let bottom = grid.merge(containing: header.reference)?.last.row ?? row
        for candidate in grid.rows where candidate > bottom {
          let reference = CellReference(row: candidate, column: header.reference.column)
          let isDataRow = grid.cells(inRow: candidate).contains {
            if case .number = $0.value { return true } else { return false }
          }
          guard isDataRow, !taken.contains(reference),
            grid.merge(containing: reference).map({ $0.first == reference }) ?? true
          else { continue }
          cells.append(Cell(reference: reference, value: .string(legend)))
          taken.insert(reference)
          break
        }
      }
    }
    return Self.grid(grid, cells: cells, merges: grid.merges)
  }

  /// Rows holding two or more header words.
  static func headerRows(_ grid: SheetGrid) -> [Int] {
    grid.rows.filter { row in
      grid.cells(inRow: row).filter {
        if case .string(let text) = $0.value { return HeaderField.match(text) != nil }
        return false
      }.count >= 2
    }
  }

  static func cells(of grid: SheetGrid) -> [Cell] {
    grid.rows.flatMap { grid.cells(inRow: $0) }
  }

  static func grid(_ grid: SheetGrid, cells: [Cell], merges: [CellRange]) -> SheetGrid {
    SheetGrid(sheet: grid.sheet, cells: cells, merges: merges)
  }

  static func shifted(_ grid: SheetGrid, rows: Int, columns: Int) -> SheetGrid {
    let move = { (reference: CellReference) in
      CellReference(row: reference.row + rows, column: reference.column + columns)
    }
    let cells = cells(of: grid).map { cell -> Cell in
      var moved = cell
      moved.reference = move(cell.reference)
      return moved
    }
    let merges = grid.merges.map { CellRange(first: move($0.first), last: move($0.last)) }
    return Self.grid(grid, cells: cells, merges: merges)
  }

  /// Swaps each pair of side-by-side unmerged columns headed 目標値 | 実績値 (or the other way).
  static func swappingMeasureColumns(_ grid: SheetGrid) -> SheetGrid {
    var swaps: [Int: Int] = [:]
    for row in grid.rows.prefix(40) {
      let cells = grid.cells(inRow: row)
      for cell in cells {
        guard case .string(let text) = cell.value, HeaderField.match(text) == .target else {
          continue
        }
        let column = cell.reference.column
        for other in [column + 1, column - 1] {
          guard let next = grid.storedCell(at: CellReference(row: row, column: other)),
            case .string(let nextText) = next.value, HeaderField.match(nextText) == .actual,
            swaps[column] == nil, swaps[other] == nil
          else { continue }
          swaps[column] = other
          swaps[other] = column
        }
      }
    }
    // A merge over both columns of a pair (a title, a group header) stays where it is, unless
    // its text sits in one of them; a merge over one column of a pair would be torn. Either
    // way the pair is left as drawn.
    for merge in grid.merges where merge.columnCount > 1 {
      let span = merge.first.column...merge.last.column
      for (column, other) in swaps where span.contains(column) {
        if !span.contains(other) || merge.first.column == min(column, other) {
          swaps[column] = nil
          swaps[other] = nil
        }
      }
    }
    let move = { (reference: CellReference) in
      CellReference(row: reference.row, column: swaps[reference.column] ?? reference.column)
    }
    let cells = cells(of: grid).map { cell -> Cell in
      var moved = cell
      moved.reference = move(cell.reference)
      return moved
    }
    let merges = grid.merges.map { merge -> CellRange in
      guard merge.columnCount == 1 else { return merge }
      return CellRange(first: move(merge.first), last: move(merge.last))
    }
    return Self.grid(grid, cells: cells, merges: merges)
  }

  /// Gives every header row a second, blank row, each header cell merged down over both (a
  /// two-row header drawn with nothing in its lower half).
  static func mergingHeadersDown(_ grid: SheetGrid) -> SheetGrid {
    let headerRows = headerRows(grid)
    guard !headerRows.isEmpty else { return grid }
    // Rows move down by the number of header rows above them (each gains a blank row).
    let shift = { (row: Int) in headerRows.filter { $0 < row }.count }
    let move = { (reference: CellReference) in
      CellReference(row: reference.row + shift(reference.row), column: reference.column)
    }
    let cells = cells(of: grid).map { cell -> Cell in
      var moved = cell
      moved.reference = move(cell.reference)
      return moved
    }
    var merges = grid.merges.map { merge -> CellRange in
      let first = move(merge.first)
      var last = move(merge.last)
      // A merge ending on a header row now covers its blank row too.
      if headerRows.contains(merge.last.row) {
        last = CellReference(row: last.row + 1, column: last.column)
      }
      return CellRange(first: first, last: last)
    }
    for row in headerRows {
      for cell in grid.cells(inRow: row) where grid.merge(containing: cell.reference) == nil {
        let top = move(cell.reference)
        merges.append(
          CellRange(first: top, last: CellReference(row: top.row + 1, column: top.column)))
      }
    }
    return Self.grid(grid, cells: cells, merges: merges)
  }
}

/// Whether a workbook is one of kpisheet's own reports (read by its marker, not drawn).
enum OwnReportCheck {
  static func isReport(_ workbook: XLSXWorkbook) -> Bool {
    ReportMarker.marksReport(workbook.customProperties[ReportMarker.propertyName])
  }
}
