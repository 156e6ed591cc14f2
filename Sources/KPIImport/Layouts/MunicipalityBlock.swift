import CellAddress
import KPIModel
import XLSXReader

/// The municipality facts a sheet shows: 都道府県名 / 市町村名 / 地方公共団体コード labels with
/// the value beside (or below) them, and 連絡先 beside its label.
enum MunicipalityBlock {
  /// The labels of a contact: 連絡先 and the words under or beside it (電話, 問い合わせ先),
  /// as header keys (NFKC, no spaces, a trailing note removed).
  static let contactLabels: Set<String> = [
    "連絡先", "電話", "電話番号", "TEL", "問い合わせ先", "問合せ先", "問合わせ先", "お問い合わせ先", "お問合せ先",
  ]

  /// Whether `text` is a contact label, a line break typed inside the word (連絡\n先) aside.
  static func isContactLabel(_ text: String) -> Bool {
    let joined = text.filter { !$0.isNewline }
    return contactLabels.contains(HeaderText.key(text).uppercased())
      || contactLabels.contains(HeaderText.key(joined).uppercased())
  }

  /// 連絡先 as the header block gives it (trimmed, its own spaces and lines kept): the first
  /// text right of a contact label (past its own merge and past a sub-label, 連絡先 | 電話 |
  /// 0968-85-3111), in the rows above `limit` (the sheet's first table, whose header row may
  /// have a 連絡先 column with no value beside it).
  static func contact(in grid: SheetGrid, above limit: Int) -> String? {
    for row in grid.headerSearchRows where row < limit {
      for cell in grid.cells(inRow: row) {
        guard let text = CellReading.text(cell), isContactLabel(text),
          let value = textRight(of: cell.reference, in: grid)
        else { continue }
        // As written: a contact's spaces and line breaks may part a name from a number.
        return value
      }
    }
    return nil
  }

  /// 担当部局課名 as a header block gives it above `limit` (the sheet's first table): the
  /// first text right of a department label (担当部局課名, 担当課, 所管課) past its merge.
  static func department(in grid: SheetGrid, above limit: Int) -> String? {
    for row in grid.headerSearchRows where row < limit {
      for cell in grid.cells(inRow: row) {
        guard let text = CellReading.text(cell),
          HeaderField.match(BrokenHeader.mended(text)) == .department,
          let value = textRight(of: cell.reference, in: grid)
        else { continue }
        return TextNormalizer.compact(value)
      }
    }
    return nil
  }

  /// The first text right of a label, past its merge and within four columns, that is not a
  /// label itself (連絡先 | 電話 | 0968-85-3111 gives the number).
  private static func textRight(of label: CellReference, in grid: SheetGrid) -> String? {
    let labelEnd = grid.merge(containing: label)?.last.column ?? label.column
    guard
      let next = grid.cells(inRow: label.row).first(where: {
        $0.reference.column > labelEnd && $0.reference.column <= labelEnd + 4
          && CellReading.text($0) != nil
      }), let value = CellReading.text(next),
      !isContactLabel(value), HeaderField.match(value) == nil
    else { return nil }
    return value
  }

  static func read(_ grid: SheetGrid, log: DiagnosticLog) -> Municipality? {
    var municipality = Municipality()
    var found = false
    for row in grid.headerSearchRows {
      for cell in grid.cells(inRow: row) {
        guard case .string(let text) = cell.value, let field = HeaderField.match(text),
          [.prefecture, .municipality, .code].contains(field),
          let (value, reference) = valueBeside(cell.reference, in: grid)
        else { continue }
        switch field {
        case .prefecture where municipality.prefecture == nil: municipality.prefecture = value
        case .municipality where municipality.name == nil: municipality.name = value
        case .code where municipality.code == nil:
          municipality.code = code(value, at: reference, sheet: grid.sheet.name, log: log)
        default: continue
        }
        found = true
      }
    }
    return found ? municipality : nil
  }

  /// The first text right of a label (past its own merge), or else directly below it.
  private static func valueBeside(_ label: CellReference, in grid: SheetGrid) -> (
    String, CellReference
  )? {
    let labelEnd = grid.merge(containing: label)?.last.column ?? label.column
    if let cell = grid.cells(inRow: label.row).first(where: {
      $0.reference.column > labelEnd && $0.reference.column <= labelEnd + 4
    }), let text = CellReading.text(cell), HeaderField.match(text) == nil {
      return (TextNormalizer.compact(text), cell.reference)
    }
    // Below the label's own merge (a label merged down over two rows has its value under both).
    let labelBottom = grid.merge(containing: label)?.last.row ?? label.row
    let below = CellReference(row: labelBottom + 1, column: label.column)
    if let text = CellReading.text(grid.storedCell(at: below)), HeaderField.match(text) == nil {
      return (TextNormalizer.compact(text), below)
    }
    return nil
  }

  private static func code(
    _ text: String, at reference: CellReference, sheet: String, log: DiagnosticLog
  )
    -> String?
  {
    guard let code = LocalGovernmentCode(text) else {
      log.add(.warning, .badCode, ["text": text], sheet: sheet, cell: reference)
      return nil
    }
    if let diagnostic = code.diagnostic { log.add(diagnostic, sheet: sheet, cell: reference) }
    return code.written
  }
}
