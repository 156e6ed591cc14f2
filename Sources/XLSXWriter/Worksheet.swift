internal import CXLSXWriter
import CellAddress

/// A worksheet of an `XLSXDocument`.
///
/// The C worksheet belongs to the C workbook; this object keeps its document alive and
/// refuses every call once the document is saved (the C side is freed then).
public final class Worksheet {
  /// The largest integer written exactly: libxlsxwriter prints numbers with `%.16G`.
  public static let maxExactInteger = 9_007_199_254_740_992

  let document: XLSXDocument
  let handle: UnsafeMutablePointer<lxw_worksheet>
  /// The sheet's name as shown on its tab.
  public let name: String
  /// Whether the sheet was hidden with `hide()`.
  public internal(set) var isHidden = false

  /// The merged ranges and tables, which may not overlap.
  var occupiedRanges = RangeIndex()
  /// The highest row touched so far, for constant-memory mode's rows-in-order rule.
  private var highestRow = -1

  init(document: XLSXDocument, handle: UnsafeMutablePointer<lxw_worksheet>, name: String) {
    self.document = document
    self.handle = handle
    self.name = name
  }

  // MARK: Names

  /// Checks a sheet name against Excel's rules before libxlsxwriter sees it.
  ///
  /// The corresponding C function is `workbook_validate_sheet_name`.
  public static func validateName(_ name: String) throws {
    let function = "workbook_validate_sheet_name"
    guard !name.isEmpty else {
      throw XLSXWriterError.invalid("a sheet name cannot be empty", function: function)
    }
    guard name.unicodeScalars.count <= 31 else {
      throw XLSXWriterError.invalid(
        "sheet name \"\(name)\" is longer than 31 characters", function: function, sheet: name)
    }
    if let bad = name.first(where: { "[]:*?/\\".contains($0) }) {
      throw XLSXWriterError.invalid(
        "sheet name \"\(name)\" contains \"\(bad)\"; none of [ ] : * ? / \\ is allowed",
        function: function, sheet: name)
    }
    guard !name.hasPrefix("'"), !name.hasSuffix("'") else {
      throw XLSXWriterError.invalid(
        "sheet name \"\(name)\" cannot start or end with an apostrophe", function: function,
        sheet: name)
    }
    guard name.lowercased() != "history" else {
      throw XLSXWriterError.invalid(
        "\"History\" is reserved by Excel", function: function, sheet: name)
    }
  }

  /// The name as a formula needs it: `'KPI推移'`, apostrophes doubled.
  public static func quotedName(_ name: String) -> String {
    // Scalar by scalar: Excel doubles every apostrophe byte, even one a combining mark
    // follows (and this keeps the module free of Foundation's string search).
    var quoted = String.UnicodeScalarView()
    quoted.append("'")
    for scalar in name.unicodeScalars {
      quoted.append(scalar)
      if scalar == "'" { quoted.append("'") }
    }
    quoted.append("'")
    return String(quoted)
  }

  /// `'Sheet'!$A$1:$B$2`, for formulas and chart ranges.
  public func reference(_ range: CellRange) -> String {
    "\(Worksheet.quotedName(name))!\(range.a1(absolute: true))"
  }

  // MARK: Plumbing

  /// The C worksheet, or `.closed` once the document is saved.
  func live(_ function: String) throws -> UnsafeMutablePointer<lxw_worksheet> {
    do {
      _ = try document.liveHandle(function)
    } catch var error as XLSXWriterError {
      error.sheet = name
      throw error
    }
    return handle
  }

  func coordinates(_ cell: CellReference, _ function: String) throws -> (lxw_row_t, lxw_col_t) {
    try cCell(cell, function: function, sheet: name)
  }

  func coordinates(_ range: CellRange, _ function: String) throws -> CCoordinates {
    try cRange(range, function: function, sheet: name)
  }

  func format(_ spec: FormatSpec?, _ function: String) throws -> UnsafeMutablePointer<lxw_format>? {
    do {
      return try document.format(spec, function: function)
    } catch var error as XLSXWriterError {
      error.sheet = name
      throw error
    }
  }

  /// `place` is built only on failure: cell writes call this once per cell, and spelling
  /// out `B3` each time was a large share of the writer's own instructions.
  func check(_ code: lxw_error, _ function: String, at place: @autoclosure () -> String? = nil)
    throws
  {
    if code != LXW_NO_ERROR {
      throw XLSXWriterError.library(code, function: function, sheet: name, cell: place())
    }
  }

  func invalid(_ message: String, _ function: String, at place: String? = nil)
    -> XLSXWriterError
  {
    XLSXWriterError.invalid(message, function: function, sheet: name, cell: place)
  }

  /// Constant-memory mode flushes a row once a later one is written and then silently drops
  /// anything written to it, so going back is refused. `place` is built only on refusal.
  func touchRow(_ row: Int, _ function: String, at place: @autoclosure () -> String) throws {
    guard document.options.constantMemory else { return }
    guard row >= highestRow else {
      throw XLSXWriterError.unsupported(
        "constant-memory mode writes rows in order: row \(row + 1) comes after row "
          + "\(highestRow + 1) was written", function: function, sheet: name, cell: place())
    }
    highestRow = row
  }

  func requireNotConstantMemory(_ what: String, _ function: String, at place: String) throws {
    if document.options.constantMemory {
      throw XLSXWriterError.unsupported(
        "\(what) are not possible in constant-memory mode (libxlsxwriter 1.1.4 writes a broken "
          + "or incomplete file); open the document without constantMemory",
        function: function, sheet: name, cell: place)
    }
  }

  // MARK: Writing cells

  /// Writes a string (up to 32,767 characters); an empty string writes nothing unless it
  /// has a format.
  ///
  /// The corresponding C function is `worksheet_write_string`.
  public func write(_ string: String, at cell: CellReference, format: FormatSpec? = nil) throws {
    let function = "worksheet_write_string"
    let sheet = try live(function)
    let (row, column) = try coordinates(cell, function)
    try touchRow(cell.row, function, at: cell.a1())
    let cFormat = try self.format(format, function)
    let text = try CellText.prepared(string, function: function, sheet: name, at: cell.a1())
    // withCString hands a short (small) string over from a stack copy; passing the String
    // itself would have Swift build a heap array for it on every call.
    let code = text.withCString { worksheet_write_string(sheet, row, column, $0, cFormat) }
    try check(code, function, at: cell.a1())
  }

  /// Writes a number. libxlsxwriter prints numbers with `%.16G`, so a value needing 17
  /// significant digits loses its last one; write long codes (地方公共団体コード with
  /// check digits, 18-digit IDs) as strings.
  ///
  /// The corresponding C function is `worksheet_write_number`.
  public func write(_ number: Double, at cell: CellReference, format: FormatSpec? = nil) throws {
    let function = "worksheet_write_number"
    let sheet = try live(function)
    let (row, column) = try coordinates(cell, function)
    guard number.isFinite else {
      throw invalid("\(number) cannot be stored in a cell", function, at: cell.a1())
    }
    try touchRow(cell.row, function, at: cell.a1())
    let cFormat = try self.format(format, function)
    try check(worksheet_write_number(sheet, row, column, number, cFormat), function, at: cell.a1())
  }

  /// Writes an integer exactly, refusing magnitudes beyond 2^53 that the file would not
  /// keep digit for digit: write such codes as strings.
  ///
  /// The corresponding C function is `worksheet_write_number`.
  public func write(_ integer: Int, at cell: CellReference, format: FormatSpec? = nil) throws {
    guard integer.magnitude <= UInt(Worksheet.maxExactInteger),
      let number = Double(exactly: integer)
    else {
      throw invalid(
        "\(integer) has more digits than a number cell keeps (%.16G); write it as a string",
        "worksheet_write_number", at: cell.a1())
    }
    try write(number, at: cell, format: format)
  }

  /// Writes TRUE or FALSE.
  ///
  /// The corresponding C function is `worksheet_write_boolean`.
  public func write(_ value: Bool, at cell: CellReference, format: FormatSpec? = nil) throws {
    let function = "worksheet_write_boolean"
    let sheet = try live(function)
    let (row, column) = try coordinates(cell, function)
    try touchRow(cell.row, function, at: cell.a1())
    let cFormat = try self.format(format, function)
    try check(
      worksheet_write_boolean(sheet, row, column, value ? 1 : 0, cFormat), function, at: cell.a1())
  }

  /// Writes a date-time as an Excel serial number (1900 date system; there is no 1904 output).
  ///
  /// Without a format the cell gets `yyyy/mm/dd` (or `yyyy/mm/dd hh:mm:ss` when the value has
  /// a time), since a bare serial would show as a number.
  ///
  /// The corresponding C function is `worksheet_write_datetime`.
  public func write(_ dateTime: LocalDateTime, at cell: CellReference, format: FormatSpec? = nil)
    throws
  {
    let function = "worksheet_write_datetime"
    let sheet = try live(function)
    let (row, column) = try coordinates(cell, function)
    var value: lxw_datetime
    do {
      value = try dateTime.cValue(function: function)
    } catch var error as XLSXWriterError {
      error.sheet = name
      error.cell = cell.a1()
      throw error
    }
    try touchRow(cell.row, function, at: cell.a1())
    let spec =
      format
      ?? FormatSpec(numberFormat: dateTime.hasTime ? "yyyy/mm/dd hh:mm:ss" : "yyyy/mm/dd")
    let cFormat = try self.format(spec, function)
    try check(
      worksheet_write_datetime(sheet, row, column, &value, cFormat), function, at: cell.a1())
  }

  /// Writes an empty cell that carries a format (borders, fill); without a format Excel has
  /// nothing to store, so nothing is written.
  ///
  /// The corresponding C function is `worksheet_write_blank`.
  public func writeBlank(at cell: CellReference, format: FormatSpec?) throws {
    let function = "worksheet_write_blank"
    let sheet = try live(function)
    let (row, column) = try coordinates(cell, function)
    try touchRow(cell.row, function, at: cell.a1())
    let cFormat = try self.format(format, function)
    try check(worksheet_write_blank(sheet, row, column, cFormat), function, at: cell.a1())
  }

  /// Writes a formula (with or without the leading `=`) and the result Excel shows until it
  /// recalculates. Use English function names and commas, as the file stores them.
  ///
  /// An empty formula overflows libxlsxwriter 1.1.4's heap, so it is refused.
  ///
  /// The corresponding C functions are `worksheet_write_formula_num` and
  /// `worksheet_write_formula_str`.
  public func writeFormula(
    _ formula: String, at cell: CellReference, result: FormulaResult? = nil,
    format: FormatSpec? = nil
  ) throws {
    let function =
      if case .string = result { "worksheet_write_formula_str" } else {
        "worksheet_write_formula_num"
      }
    let sheet = try live(function)
    let (row, column) = try coordinates(cell, function)
    try Worksheet.checkFormula(formula, function: function, sheet: name, place: cell.a1())
    try touchRow(cell.row, function, at: cell.a1())
    let cFormat = try self.format(format, function)
    switch result {
    case .string(let text):
      try check(
        worksheet_write_formula_str(sheet, row, column, formula, cFormat, text), function,
        at: cell.a1())
    case .number(let number):
      guard number.isFinite else {
        throw invalid("a formula's cached result must be finite", function, at: cell.a1())
      }
      try check(
        worksheet_write_formula_num(sheet, row, column, formula, cFormat, number), function,
        at: cell.a1())
    case nil:
      try check(
        worksheet_write_formula_num(sheet, row, column, formula, cFormat, 0), function,
        at: cell.a1())
    }
  }

  /// Refuses formulas libxlsxwriter 1.1.4 would mishandle: empty, or only `=` and spaces.
  static func checkFormula(
    _ formula: String, function: String, sheet: String?, place: String?
  ) throws {
    let body = formula.drop { $0 == "=" || $0.isWhitespace }
    guard !body.isEmpty else {
      throw XLSXWriterError.invalid(
        "a formula cannot be empty (libxlsxwriter 1.1.4 overflows its heap on one)",
        function: function, sheet: sheet, cell: place)
    }
  }

  /// Writes a string made of runs with their own fonts (bold part, red part).
  ///
  /// Runs must be non-empty; a single run is written as a plain string with its format.
  ///
  /// The corresponding C function is `worksheet_write_rich_string`.
  public func writeRichString(
    _ runs: [RichTextRun], at cell: CellReference, format: FormatSpec? = nil
  ) throws {
    let function = "worksheet_write_rich_string"
    let sheet = try live(function)
    let (row, column) = try coordinates(cell, function)
    guard !runs.isEmpty, runs.allSatisfy({ !$0.text.isEmpty }) else {
      throw invalid("a rich string needs one or more non-empty runs", function, at: cell.a1())
    }
    if runs.count == 1 {
      try write(runs[0].text, at: cell, format: runs[0].format ?? format)
      return
    }
    try touchRow(cell.row, function, at: cell.a1())
    let cFormat = try self.format(format, function)
    let strings = CStringBag()
    var tuples: [lxw_rich_string_tuple] = []
    for run in runs {
      tuples.append(
        lxw_rich_string_tuple(
          format: try self.format(run.format, function),
          string: strings.copy(
            try CellText.prepared(run.text, function: function, sheet: name, at: cell.a1()))))
    }
    let code = tuples.withUnsafeMutableBufferPointer { buffer -> lxw_error in
      guard let base = buffer.baseAddress else { return LXW_ERROR_NULL_PARAMETER_IGNORED }
      var pointers: [UnsafeMutablePointer<lxw_rich_string_tuple>?] =
        (0..<buffer.count).map { base + $0 }
      pointers.append(nil)
      return pointers.withUnsafeMutableBufferPointer { list in
        worksheet_write_rich_string(sheet, row, column, list.baseAddress, cFormat)
      }
    }
    withExtendedLifetime(strings) {}
    try check(code, function, at: cell.a1())
  }

  /// Attaches a note (comment) to a cell. An empty comment overflows libxlsxwriter 1.1.4's
  /// heap, so it is refused.
  ///
  /// The corresponding C function is `worksheet_write_comment`.
  public func writeComment(_ text: String, at cell: CellReference) throws {
    let function = "worksheet_write_comment"
    let sheet = try live(function)
    let (row, column) = try coordinates(cell, function)
    guard !text.isEmpty else {
      throw invalid(
        "a comment cannot be empty (libxlsxwriter 1.1.4 overflows its heap on one)", function,
        at: cell.a1())
    }
    try check(worksheet_write_comment(sheet, row, column, text), function, at: cell.a1())
  }

  /// Writes any `CellValue`.
  public func write(_ value: CellValue, at cell: CellReference, format: FormatSpec? = nil) throws {
    switch value {
    case .string(let text): try write(text, at: cell, format: format)
    case .number(let number): try write(number, at: cell, format: format)
    case .integer(let integer): try write(integer, at: cell, format: format)
    case .bool(let flag): try write(flag, at: cell, format: format)
    case .dateTime(let dateTime): try write(dateTime, at: cell, format: format)
    case .formula(let formula, let result):
      try writeFormula(formula, at: cell, result: result, format: format)
    case .richString(let runs): try writeRichString(runs, at: cell, format: format)
    case .blank: try writeBlank(at: cell, format: format)
    }
  }
}
