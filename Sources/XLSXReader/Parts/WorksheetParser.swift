/// Streams a worksheet part: builds each row's cells as their XML arrives and hands the row
/// over at `</row>`; only the current row is ever held.

import CellAddress

final class WorksheetParser: SAXHandler {
  private enum ValueType {
    case number, sharedString, formulaString, inlineString, boolean, error, isoDate
  }

  private enum Capture {
    case none, value, formula, inlineText
  }

  // The per-cell state below is touched only from libxml2's callbacks on one thread, one
  // call at a time, so dynamic exclusivity checks on it would be pure cost.
  private let sharedStrings: SharedStringTable
  private let formats: [NumberFormat?]
  private let uses1904: Bool
  private let limits: ReaderLimits
  private let fileName: String
  private let sheetName: String
  private let onRow: (Row) throws -> Void
  /// True when parsing one fragment of the sheet's rows on its own (ParallelSheetReader):
  /// what depends on rows outside the fragment is then left to the reader or refused.
  private let isFragment: Bool
  /// True for a fragment other than the first: rows before it are unknown here.
  private let startsMidSheet: Bool

  @exclusivity(unchecked) private var row = Row(index: 0, cells: [])
  @exclusivity(unchecked) private var inSheetData = false
  @exclusivity(unchecked) private var lastRowIndex = -1
  @exclusivity(unchecked) private var nextColumn = 0

  @exclusivity(unchecked) private var inCell = false
  @exclusivity(unchecked) private var reference = CellReference(row: 0, column: 0)
  @exclusivity(unchecked) private var valueType = ValueType.number
  @exclusivity(unchecked) private var styleIndex = 0
  @exclusivity(unchecked) private var capture = Capture.none
  private let valueBytes = ByteBuffer()
  @exclusivity(unchecked) private var hasValue = false
  private let formulaBytes = ByteBuffer()
  @exclusivity(unchecked) private var hasFormula = false
  @exclusivity(unchecked) private var sharedFormulaID: Int?
  @exclusivity(unchecked) private var sharedFormulaIsMaster = false
  private let inlineBytes = ByteBuffer()
  @exclusivity(unchecked) private var inInlineString = false
  @exclusivity(unchecked) private var phoneticDepth = 0
  /// The strings last made for shared-string indices, a slot per index modulo 256: a column
  /// of repeated names (a department, a unit) makes each name's String once per fragment of
  /// the sheet rather than once per cell.
  @exclusivity(unchecked) private var recentIndices = [Int](repeating: -1, count: 256)
  @exclusivity(unchecked) private var recentStrings = [String](repeating: "", count: 256)
  /// The latest master of each shared formula, by its `si`.
  private(set) var sharedFormulas: [Int: SharedFormula.Master] = [:]
  /// In a fragment: cells whose shared formula's master lies in an earlier fragment, by
  /// the row's position among the fragment's rows and the cell's among the row's cells.
  private(set) var formulasFromEarlierFragments: [(row: Int, cell: Int, id: Int)] = []
  @exclusivity(unchecked) private var masterIsElsewhere: Int?
  @exclusivity(unchecked) private var rowsHandedOver = 0

  private(set) var merges: [CellRange] = []
  /// Formula cells without a saved result (`<f>` and no `<v>`), the first few.
  private(set) var formulasWithoutValue: [CellReference] = []
  @exclusivity(unchecked) private(set) var cellCount = 0
  /// The last row and column holding a cell, or -1 while there is none.
  @exclusivity(unchecked) private(set) var lastRow = -1
  @exclusivity(unchecked) private(set) var lastColumn = -1

  init(
    sharedStrings: SharedStringTable, formats: [NumberFormat?], uses1904: Bool,
    limits: ReaderLimits, fileName: String, sheetName: String, isFragment: Bool = false,
    startsMidSheet: Bool = false, onRow: @escaping (Row) throws -> Void
  ) {
    self.sharedStrings = sharedStrings
    self.formats = formats
    self.uses1904 = uses1904
    self.limits = limits
    self.fileName = fileName
    self.sheetName = sheetName
    self.onRow = onRow
    self.isFragment = isFragment
    self.startsMidSheet = startsMidSheet
    row.cells.reserveCapacity(64)
  }

  func startElement(_ name: XMLName, attributes: XMLAttributes) throws {
    if inCell {
      if name.is("v") {
        capture = .value
        hasValue = true
      } else if name.is("f") {
        try startFormula(attributes)
      } else if name.is("is") {
        inInlineString = true
        hasValue = true
      } else if name.is("t") && inInlineString && phoneticDepth == 0 {
        capture = .inlineText
      } else if name.is("rPh") {
        phoneticDepth += 1
      }
    } else if name.is("c") && inSheetData {
      try startCell(attributes)
    } else if name.is("row") && inSheetData {
      try startRow(attributes)
    } else if name.is("sheetData") {
      inSheetData = true
    } else if name.is("mergeCell") {
      try addMerge(attributes)
    }
  }

  func endElement(_ name: XMLName) throws {
    if inCell {
      if name.is("c") {
        try finishCell()
      } else if name.is("v") || name.is("f") || name.is("t") {
        capture = .none
      } else if name.is("is") {
        inInlineString = false
      } else if name.is("rPh") {
        phoneticDepth -= 1
      }
    } else if name.is("row") && inSheetData {
      try handOverRow()
    } else if name.is("sheetData") {
      inSheetData = false
    }
  }

  func characters(_ bytes: UnsafeBufferPointer<UInt8>) throws {
    switch capture {
    case .none: return
    case .value: try append(bytes, to: valueBytes)
    case .formula: try append(bytes, to: formulaBytes)
    case .inlineText: try append(bytes, to: inlineBytes)
    }
  }

  private func append(_ bytes: UnsafeBufferPointer<UInt8>, to buffer: ByteBuffer) throws {
    if buffer.count + bytes.count > limits.stringLength {
      throw cellError(
        .limitExceeded(.stringLength),
        "the cell's text is longer than \(limits.stringLength) bytes",
        "セルの文字列が \(limits.stringLength) バイトを超えています")
    }
    buffer.append(bytes)
  }

  // MARK: Rows and cells

  private func handOverRow() throws {
    guard !row.cells.isEmpty else { return }
    lastRow = max(lastRow, row.index)
    try onRow(row)
    rowsHandedOver += 1
    if isFragment {
      // The fragment keeps every row: give it this buffer and start the next row in one of
      // this row's size, rather than leave it a copy of a buffer sized for the widest row.
      let count = row.cells.count
      row.cells = []
      row.cells.reserveCapacity(count)
    } else {
      row.cells.removeAll(keepingCapacity: true)
    }
  }

  private func startRow(_ attributes: XMLAttributes) throws {
    try handOverRow()  // a row that never closed its predecessor's cells
    if let bytes = attributes.value("r") {
      guard let number = parseDecimal(bytes), number >= 1, number <= CellReference.maxRows else {
        let text = String(decoding: bytes, as: UTF8.self)
        throw XLSXError(
          .invalidCell, file: fileName, sheet: sheetName,
          detail: "row number \"\(text)\" is not between 1 and \(CellReference.maxRows)",
          japanese: "行番号 \"\(text)\" が 1 から \(CellReference.maxRows) の範囲にありません")
      }
      row.index = number - 1
    } else {
      // The row follows the previous one, which may lie in an earlier fragment.
      if startsMidSheet && lastRowIndex < 0 { throw NeedsWholePart() }
      row.index = lastRowIndex + 1
    }
    lastRowIndex = row.index
    nextColumn = 0
  }

  private func startCell(_ attributes: XMLAttributes) throws {
    inCell = true
    // One pass over the attributes (r, t, s), rather than a search for each.
    var referenceBytes: UnsafeBufferPointer<UInt8>?
    var typeBytes: UnsafeBufferPointer<UInt8>?
    var styleBytes: UnsafeBufferPointer<UInt8>?
    attributes.visit { name, value in
      guard name[1] == 0 else { return }
      switch name[0] {
      case 0x72: referenceBytes = value  // r
      case 0x74: typeBytes = value  // t
      case 0x73: styleBytes = value  // s
      default: break
      }
    }
    if let bytes = referenceBytes {
      guard let parsed = CellReference.parse(bytes) else {
        throw XLSXError(
          .invalidCell, file: fileName, sheet: sheetName,
          cell: String(decoding: bytes, as: UTF8.self),
          detail: "the cell reference is malformed or beyond XFD1048576",
          japanese: "セル参照の形式が正しくないか、XFD1048576 を超えています")
      }
      reference = parsed
    } else {
      // No r: the cell follows the previous one in its row.
      reference = CellReference(row: max(row.index, 0), column: nextColumn)
      guard nextColumn < CellReference.maxColumns else {
        throw cellError(.invalidCell, "the row has cells beyond column XFD", "行に XFD 列より右のセルがあります")
      }
    }
    nextColumn = reference.column + 1
    if let typeBytes {
      guard let type = Self.valueType(typeBytes) else {
        let text = Self.shortened(String(decoding: typeBytes, as: UTF8.self))
        throw cellError(
          .invalidCell,
          "cell type t=\"\(text)\" is not one of b, d, e, inlineStr, n, s and str",
          "セルの型 t=\"\(text)\" が b、d、e、inlineStr、n、s、str のいずれでもありません")
      }
      valueType = type
    } else {
      valueType = .number
    }
    styleIndex = styleBytes.flatMap(parseDecimal) ?? 0
    hasValue = false
    hasFormula = false
    sharedFormulaID = nil
    valueBytes.removeAll()
    formulaBytes.removeAll()
    inlineBytes.removeAll()
  }

  /// The cell type `t` names: one of ST_CellType's values, or nil for any other text.
  private static func valueType(_ bytes: UnsafeBufferPointer<UInt8>) -> ValueType? {
    switch bytes.count {
    case 1:
      switch bytes[0] {
      case 0x73: return .sharedString  // s
      case 0x6E: return .number  // n
      case 0x62: return .boolean  // b
      case 0x65: return .error  // e
      case 0x64: return .isoDate  // d
      default: return nil
      }
    case 3: return bytes.elementsEqual("str".utf8) ? .formulaString : nil
    case 9: return bytes.elementsEqual("inlineStr".utf8) ? .inlineString : nil
    default: return nil
    }
  }

  /// Records a `<mergeCell>`'s range; a range that is malformed or reaches past XFD1048576
  /// is an error, not a merge silently dropped.
  private func addMerge(_ attributes: XMLAttributes) throws {
    guard let bytes = attributes.value("ref") else { return }
    guard let range = Self.range(bytes) else {
      let shown = Self.shortened(String(decoding: bytes, as: UTF8.self))
      throw XLSXError(
        .invalidCell, file: fileName, sheet: sheetName,
        detail: "merged range \"\(shown)\" is malformed or reaches beyond XFD1048576",
        japanese: "結合範囲 \"\(shown)\" の形式が正しくないか、XFD1048576 を超えています")
    }
    merges.append(range)
  }

  /// Parses `B3:J3` (or a single `B3`) from the attribute's bytes: a sheet may hold millions
  /// of merges, and a `String` per merge and per half cost more than the rest of its read.
  private static func range(_ bytes: UnsafeBufferPointer<UInt8>) -> CellRange? {
    guard let colon = bytes.firstIndex(of: 0x3A) else {
      return CellReference.parse(bytes).map { CellRange(first: $0, last: $0) }
    }
    guard let first = CellReference.parse(UnsafeBufferPointer(rebasing: bytes[..<colon])),
      let last = CellReference.parse(UnsafeBufferPointer(rebasing: bytes[(colon + 1)...]))
    else { return nil }
    return CellRange(first: first, last: last)
  }

  /// Attribute text as an error quotes it: cut to a readable length.
  private static func shortened(_ text: String) -> String {
    text.unicodeScalars.count <= 40
      ? text : String(String.UnicodeScalarView(text.unicodeScalars.prefix(40))) + "…"
  }

  private func startFormula(_ attributes: XMLAttributes) throws {
    capture = .formula
    hasFormula = true
    sharedFormulaIsMaster = false
    if let type = attributes.value("t"), type.count == 6, type[0] == 0x73 {  // shared
      sharedFormulaID = attributes.integer("si")
      sharedFormulaIsMaster = attributes.value("ref") != nil
    }
  }

  private func finishCell() throws {
    inCell = false
    capture = .none
    masterIsElsewhere = nil
    let formula = hasFormula ? try formulaText() : nil
    guard hasValue, var value = try typedValue() else {
      // No `<v>`, or an empty one (openpyxl writes `<v />`): the formula was never calculated.
      // An empty `<v>` of a `t="str"` cell is a calculated empty text (Excel and LibreOffice
      // write `=""` results so): a blank cell, not a missing result.
      let emptyText = hasValue && valueType == .formulaString
      if hasFormula && !emptyText
        && formulasWithoutValue.count < SheetScan.maxFormulasWithoutValue
      {
        formulasWithoutValue.append(reference)
      }
      return
    }
    cellCount += 1
    if cellCount > limits.cellsPerSheet {
      throw cellError(
        .limitExceeded(.cellsPerSheet), "the sheet has more than \(limits.cellsPerSheet) cells",
        "シートのセルが \(limits.cellsPerSheet) 個を超えています")
    }
    // General formats are nil in `formats` already (Styles), so a format here is never General.
    let format = styleIndex < formats.count ? formats[styleIndex] : nil
    var serial: Double?
    if case .number(let number) = value, let format, let date = date(number, shownAs: format.kind) {
      value = .date(date)
      serial = number
    }
    lastColumn = max(lastColumn, reference.column)
    if let id = masterIsElsewhere {
      formulasFromEarlierFragments.append((rowsHandedOver, row.cells.count, id))
    }
    // Each part consumed rather than copied: a copy of the value and of the format would
    // cost a retain and a release per cell.
    row.cells.append(
      Cell(
        reference: reference, value: consume value, format: consume format,
        formula: consume formula, serial: serial))
  }

  /// The date a number shown in a date or time format stands for; nil for other formats.
  private func date(_ number: Double, shownAs kind: NumberFormat.Kind) -> ExcelDateTime? {
    let dateKind: ExcelDateTime.Kind
    switch kind {
    case .time: dateKind = number < 1 ? .time : .dateTime
    case .dateTime: dateKind = .dateTime
    case .date: dateKind = number.rounded(.down) == number ? .date : .dateTime
    default: return nil
    }
    return ExcelDateTime(serial: number, uses1904: uses1904, kind: dateKind)
  }

  /// The formula of a cell with an `<f>`, a shared formula translated from its master cell.
  private func formulaText() throws -> String? {
    if let id = sharedFormulaID {
      if sharedFormulaIsMaster || !formulaBytes.isEmpty {
        let text = formulaBytes.string
        if sharedFormulaIsMaster {
          sharedFormulas[id] = SharedFormula.Master(formula: text, anchor: reference)
        }
        return text
      }
      guard let master = sharedFormulas[id] else {
        // In a fragment, the master may lie in an earlier one: ParallelSheetReader fills
        // the formula in once the earlier fragments are read.
        if isFragment { masterIsElsewhere = id }
        return nil
      }
      return master.formula(at: reference)
    }
    return formulaBytes.isEmpty ? nil : formulaBytes.string
  }

  /// The cell's value; nil when it has none (an empty string is an empty cell).
  private func typedValue() throws -> CellValue? {
    switch valueType {
    case .sharedString:
      guard let index = parseDecimal(valueBytes.bytes) else {
        if valueBytes.isEmpty { return nil }
        throw cellError(
          .invalidCell,
          "shared-string index \"\(valueBytes.string)\" is not a whole number of 0 or more",
          "共有文字列の番号 \"\(valueBytes.string)\" が 0 以上の整数ではありません")
      }
      let slot = index & 255
      if recentIndices[slot] == index {
        let text = recentStrings[slot]
        return text.isEmpty ? nil : .string(text)
      }
      guard let text = sharedStrings.string(at: index) else {
        throw cellError(
          .invalidCell,
          "shared-string index \(index) is out of range (the table has \(sharedStrings.count) strings)",
          "共有文字列の番号 \(index) が範囲外です（テーブルの文字列は \(sharedStrings.count) 個です）")
      }
      recentIndices[slot] = index
      recentStrings[slot] = text
      return text.isEmpty ? nil : .string(text)
    case .inlineString:
      let bytes = inlineBytes.bytes
      let text =
        bytes.contains(0x5F)
        ? String(decoding: ExcelEscapes.decode(bytes), as: UTF8.self) : inlineBytes.string
      return text.isEmpty ? nil : .string(text)
    case .formulaString:
      return valueBytes.isEmpty ? nil : .string(valueBytes.string)
    case .boolean:
      if valueBytes.equals("1") || valueBytes.equals("true") { return .boolean(true) }
      if valueBytes.equals("0") || valueBytes.equals("false") { return .boolean(false) }
      if valueBytes.isEmpty { return nil }
      throw cellError(
        .invalidCell, "boolean value \"\(valueBytes.string)\" is not 0 or 1",
        "論理値 \"\(valueBytes.string)\" が 0 でも 1 でもありません")
    case .error:
      return valueBytes.isEmpty ? nil : .error(valueBytes.string)
    case .isoDate:
      let text = valueBytes.string
      if text.isEmpty { return nil }
      guard let date = ExcelDateTime(iso: text) else {
        throw cellError(
          .invalidCell, "date value \"\(text)\" is not an ISO 8601 date",
          "日付の値 \"\(text)\" が ISO 8601 形式の日付ではありません")
      }
      return .date(date)
    case .number:
      if valueBytes.isEmpty { return nil }
      guard let number = NumberText.parse(valueBytes.bytes) else {
        throw cellError(
          .invalidCell, "value \"\(valueBytes.string)\" is not a number",
          "値 \"\(valueBytes.string)\" は数値ではありません")
      }
      return .number(number)
    }
  }

  /// What the pass found besides the rows.
  var scan: SheetScan {
    SheetScan(
      merges: merges, cellCount: cellCount, lastRow: lastRow < 0 ? nil : lastRow,
      lastColumn: lastColumn < 0 ? nil : lastColumn, formulasWithoutValue: formulasWithoutValue)
  }

  private func cellError(_ kind: XLSXError.Kind, _ detail: String, _ japanese: String) -> XLSXError
  {
    XLSXError(
      kind, file: fileName, sheet: sheetName, cell: reference.description, detail: detail,
      japanese: japanese)
  }
}

extension WorksheetParser {
  static let saxCallbacks = SAXCallbacks(
    start: { SAXParser<WorksheetParser>.start($0, $1, $6, $8) },
    end: { context, name, _, _ in SAXParser<WorksheetParser>.end(context, name) },
    text: { SAXParser<WorksheetParser>.text($0, $1, $2) })
}
