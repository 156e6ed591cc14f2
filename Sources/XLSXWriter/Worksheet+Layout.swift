internal import CXLSXWriter
import CellAddress

/// A table column: its header text and an optional format for its data cells.
public struct TableColumn: Hashable, Sendable {
  public var header: String
  public var format: FormatSpec?

  public init(_ header: String, format: FormatSpec? = nil) {
    self.header = header
    self.format = format
  }
}

/// Excel's built-in table styles.
public enum TableStyle: Hashable, Sendable {
  case light(Int)
  case medium(Int)
  case dark(Int)
}

extension Worksheet {
  // MARK: Merges

  /// Merges a range and writes a value into it (its top-left cell), with a format applied
  /// across the whole range so borders and fills cover it.
  ///
  /// Refused in constant-memory mode, for a single cell, and when it overlaps another merge
  /// or a table (libxlsxwriter 1.1.4 does not check, and Excel then repairs the file).
  ///
  /// The corresponding C function is `worksheet_merge_range`.
  public func merge(_ range: CellRange, value: CellValue, format: FormatSpec? = nil) throws {
    let function = "worksheet_merge_range"
    let sheet = try live(function)
    let c = try coordinates(range, function)
    let place = range.a1()
    try requireNotConstantMemory("merged ranges", function, at: place)
    guard range.first != range.last else {
      throw invalid("a merged range needs more than one cell", function, at: place)
    }
    if let other = occupiedRanges.firstOverlap(with: range) {
      throw invalid(
        "the range overlaps \(other.a1()), already merged or a table", function, at: place)
    }
    let cFormat = try self.format(format, function)
    // libxlsxwriter 1.1.4 drops the error of the string it writes into the first cell, so
    // the text is checked here (a text too long would vanish in silence).
    var text = ""
    if case .string(let string) = value {
      text = try CellText.prepared(
        string, function: function, sheet: name, libraryRefusesLength: false, at: place)
    }
    try check(
      worksheet_merge_range(
        sheet, c.firstRow, c.firstColumn, c.lastRow, c.lastColumn, text, cFormat),
      function, at: place)
    occupiedRanges.insert(range)
    switch value {
    case .string, .blank: break
    default: try write(value, at: range.first, format: format)
    }
  }

  // MARK: Rows and columns

  /// Sets the width of one or more columns in characters of the default font; optionally a
  /// default format for their cells, or hides them.
  ///
  /// The corresponding C function is `worksheet_set_column_opt`.
  public func setColumnWidth(
    _ width: Double, columns: ClosedRange<Int>, format: FormatSpec? = nil, hidden: Bool = false
  ) throws {
    let function = "worksheet_set_column_opt"
    let sheet = try live(function)
    let first = try cColumn(columns.lowerBound, function: function, sheet: name)
    let last = try cColumn(columns.upperBound, function: function, sheet: name)
    guard width.isFinite, (0...255).contains(width) else {
      throw invalid("a column width must lie in 0...255, got \(width)", function)
    }
    let cFormat = try self.format(format, function)
    var options = lxw_row_col_options(hidden: hidden ? 1 : 0, level: 0, collapsed: 0)
    try check(worksheet_set_column_opt(sheet, first, last, width, cFormat, &options), function)
  }

  /// Sets a row's height in points; optionally a default format, or hides it. In
  /// constant-memory mode, call it before writing the row's cells.
  ///
  /// The corresponding C function is `worksheet_set_row_opt`.
  public func setRowHeight(
    _ height: Double, row: Int, format: FormatSpec? = nil, hidden: Bool = false
  ) throws {
    let function = "worksheet_set_row_opt"
    let sheet = try live(function)
    let cRowValue = try cRow(row, function: function, sheet: name)
    guard height.isFinite, (0...409).contains(height) else {
      throw invalid("a row height must lie in 0...409 points, got \(height)", function)
    }
    try touchRow(row, function, at: "\(row + 1):\(row + 1)")
    let cFormat = try self.format(format, function)
    var options = lxw_row_col_options(hidden: hidden ? 1 : 0, level: 0, collapsed: 0)
    try check(worksheet_set_row_opt(sheet, cRowValue, height, cFormat, &options), function)
  }

  // MARK: Visibility and panes

  /// Hides the sheet. The sheet Excel opens on (the first one, unless another was activated)
  /// cannot be hidden.
  ///
  /// The corresponding C function is `worksheet_hide`.
  public func hide() throws {
    let function = "worksheet_hide"
    let sheet = try live(function)
    guard document.activeSheetName != name else {
      throw invalid(
        "the active sheet cannot be hidden; activate another sheet first", function)
    }
    worksheet_hide(sheet)
    isHidden = true
  }

  /// Makes this the sheet Excel opens on.
  ///
  /// The corresponding C function is `worksheet_activate`.
  public func activate() throws {
    let function = "worksheet_activate"
    let sheet = try live(function)
    guard !isHidden else { throw invalid("a hidden sheet cannot be active", function) }
    worksheet_activate(sheet)
    document.activeSheetName = name
  }

  /// Freezes the rows above `row` and the columns left of `column` (both zero-based), e.g.
  /// `freezePanes(row: 2, column: 0)` keeps two header rows in view.
  ///
  /// The corresponding C function is `worksheet_freeze_panes`.
  public func freezePanes(row: Int, column: Int) throws {
    let function = "worksheet_freeze_panes"
    let sheet = try live(function)
    let (cRowValue, cColumnValue) = try coordinates(
      CellReference(row: row, column: column), function)
    worksheet_freeze_panes(sheet, cRowValue, cColumnValue)
  }

  /// Adds filter buttons to the header row of a range.
  ///
  /// The corresponding C function is `worksheet_autofilter`.
  public func autofilter(_ range: CellRange) throws {
    let function = "worksheet_autofilter"
    let sheet = try live(function)
    let c = try coordinates(range, function)
    try check(
      worksheet_autofilter(sheet, c.firstRow, c.firstColumn, c.lastRow, c.lastColumn), function,
      at: range.a1())
  }

  // MARK: Tables

  /// Turns a range into an Excel table whose first row holds `columns`' headers (written by
  /// this call). Refused in constant-memory mode and over merged cells or another table.
  ///
  /// The corresponding C function is `worksheet_add_table` (present from libxlsxwriter 1.1.4).
  public func addTable(
    _ range: CellRange, name tableName: String? = nil, columns: [TableColumn] = [],
    style: TableStyle? = nil, autofilter: Bool = true, bandedRows: Bool = true
  ) throws {
    let function = "worksheet_add_table"
    let sheet = try live(function)
    let c = try coordinates(range, function)
    let place = range.a1()
    try requireNotConstantMemory("tables", function, at: place)
    guard range.rowCount >= 2 else {
      throw invalid("a table needs a header row and at least one data row", function, at: place)
    }
    if let other = occupiedRanges.firstOverlap(with: range) {
      throw invalid("the table overlaps \(other.a1()), merged or a table", function, at: place)
    }
    guard columns.isEmpty || columns.count == range.columnCount else {
      throw invalid(
        "the table has \(range.columnCount) columns but \(columns.count) were described",
        function, at: place)
    }
    guard columns.allSatisfy({ !$0.header.isEmpty }) else {
      throw invalid("table column headers cannot be empty", function, at: place)
    }
    let lowered = columns.map { $0.header.lowercased() }
    guard Set(lowered).count == lowered.count else {
      throw invalid("table column headers must differ (ignoring case)", function, at: place)
    }
    if let tableName {
      let valid =
        !tableName.isEmpty && tableName.unicodeScalars.count <= 255
        && tableName.first.map { $0.isLetter || $0 == "_" || $0 == "\\" } == true
        && !tableName.contains(where: { $0.isWhitespace })
        // Dollar signs anywhere are dropped first: "A$1$" is refused like A1.
        && CellReference(String(tableName.filter { $0 != "$" })) == nil
      guard valid else {
        throw invalid(
          "table name \"\(tableName)\" must start with a letter or _, have no spaces and not "
            + "look like a cell", function, at: place)
      }
      guard document.tableNameIsNew(tableName) else {
        throw invalid("a table named \"\(tableName)\" already exists", function, at: place)
      }
    }

    let strings = CStringBag()
    var cColumns: [lxw_table_column] = []
    for column in columns {
      var cColumn = lxw_table_column()
      cColumn.header = strings.copy(column.header)
      cColumn.format = try self.format(column.format, function)
      cColumns.append(cColumn)
    }
    var options = lxw_table_options()
    options.name = strings.copy(tableName)
    options.no_autofilter = autofilter ? 0 : 1
    options.no_banded_rows = bandedRows ? 0 : 1
    if let style {
      let (type, number): (lxw_table_style_type, Int)
      switch style {
      case .light(let n): (type, number) = (LXW_TABLE_STYLE_TYPE_LIGHT, n)
      case .medium(let n): (type, number) = (LXW_TABLE_STYLE_TYPE_MEDIUM, n)
      case .dark(let n): (type, number) = (LXW_TABLE_STYLE_TYPE_DARK, n)
      }
      guard let styleNumber = UInt8(exactly: number), styleNumber >= 1, styleNumber <= 28 else {
        throw invalid("table style numbers lie in 1...28, got \(number)", function, at: place)
      }
      options.style_type = UInt8(type.rawValue)
      options.style_type_number = styleNumber
    }
    let code = cColumns.withUnsafeMutableBufferPointer { buffer -> lxw_error in
      var pointers: [UnsafeMutablePointer<lxw_table_column>?] =
        buffer.indices.map { index in buffer.baseAddress.map { $0 + index } }
      pointers.append(nil)
      return pointers.withUnsafeMutableBufferPointer { list in
        options.columns = columns.isEmpty ? nil : list.baseAddress
        return worksheet_add_table(
          sheet, c.firstRow, c.firstColumn, c.lastRow, c.lastColumn, &options)
      }
    }
    withExtendedLifetime(strings) {}
    try check(code, function, at: place)
    occupiedRanges.insert(range)
  }

  // MARK: Printing

  /// Prints in landscape orientation.
  ///
  /// The corresponding C function is `worksheet_set_landscape`.
  public func setLandscape() throws {
    worksheet_set_landscape(try live("worksheet_set_landscape"))
  }

  /// Sets the paper size by Excel's number (A4 is 9, the default in Japan; A3 is 8).
  ///
  /// The corresponding C function is `worksheet_set_paper`.
  public func setPaper(_ paper: PaperSize) throws {
    worksheet_set_paper(try live("worksheet_set_paper"), paper.rawValue)
  }

  /// Scales printing to fit `wide` pages across and `tall` pages down; 0 leaves that
  /// direction free (`fitToPages(wide: 1, tall: 0)` is "one page wide").
  ///
  /// The corresponding C function is `worksheet_fit_to_pages`.
  public func fitToPages(wide: Int, tall: Int) throws {
    let function = "worksheet_fit_to_pages"
    let sheet = try live(function)
    guard let cWide = UInt16(exactly: wide), let cTall = UInt16(exactly: tall) else {
      throw invalid("page counts must lie in 0...65535", function)
    }
    worksheet_fit_to_pages(sheet, cWide, cTall)
  }

  /// Repeats rows (zero-based, inclusive) at the top of every printed page.
  ///
  /// The corresponding C function is `worksheet_repeat_rows`.
  public func repeatRows(_ rows: ClosedRange<Int>) throws {
    let function = "worksheet_repeat_rows"
    let sheet = try live(function)
    let first = try cRow(rows.lowerBound, function: function, sheet: name)
    let last = try cRow(rows.upperBound, function: function, sheet: name)
    try check(worksheet_repeat_rows(sheet, first, last), function)
  }

  /// Limits printing to a range.
  ///
  /// The corresponding C function is `worksheet_print_area`.
  public func setPrintArea(_ range: CellRange) throws {
    let function = "worksheet_print_area"
    let sheet = try live(function)
    let c = try coordinates(range, function)
    try check(
      worksheet_print_area(sheet, c.firstRow, c.firstColumn, c.lastRow, c.lastColumn), function,
      at: range.a1())
  }

  /// Sets the printed header, in Excel's codes: `&L`/`&C`/`&R` for left/centre/right,
  /// `&P` page number, `&N` page count, `&A` sheet name, `&&` an ampersand. At most 255
  /// characters.
  ///
  /// The corresponding C function is `worksheet_set_header`.
  public func setHeader(_ text: String) throws {
    let function = "worksheet_set_header"
    let sheet = try live(function)
    try checkHeaderFooter(text, function)
    try check(worksheet_set_header(sheet, text), function)
  }

  /// Sets the printed footer, e.g. `&C&P/&N` for "3/10" centred. At most 255 characters.
  ///
  /// The corresponding C function is `worksheet_set_footer`.
  public func setFooter(_ text: String) throws {
    let function = "worksheet_set_footer"
    let sheet = try live(function)
    try checkHeaderFooter(text, function)
    try check(worksheet_set_footer(sheet, text), function)
  }

  private func checkHeaderFooter(_ text: String, _ function: String) throws {
    guard !text.isEmpty, text.unicodeScalars.count <= Int(LXW_HEADER_FOOTER_MAX) else {
      throw invalid("a header or footer has 1 to 255 characters", function)
    }
  }

  /// Sets the page margins in inches (Excel's default is 0.7 left/right, 0.75 top/bottom).
  ///
  /// The corresponding C function is `worksheet_set_margins`.
  public func setMargins(left: Double, right: Double, top: Double, bottom: Double) throws {
    let function = "worksheet_set_margins"
    let sheet = try live(function)
    guard [left, right, top, bottom].allSatisfy({ $0.isFinite && $0 >= 0 && $0 < 50 }) else {
      throw invalid("margins must lie in 0..<50 inches", function)
    }
    worksheet_set_margins(sheet, left, right, top, bottom)
  }

  // MARK: Protection

  /// Protects the sheet against edits, optionally with a password of at most 24 bytes
  /// (libxlsxwriter 1.1.4 mishandles longer ones). Cells stay locked unless their format
  /// says otherwise.
  ///
  /// The corresponding C function is `worksheet_protect`.
  public func protect(password: String? = nil) throws {
    let function = "worksheet_protect"
    let sheet = try live(function)
    if let password {
      guard !password.isEmpty, password.utf8.count <= 24 else {
        throw invalid("a sheet password has 1 to 24 bytes", function)
      }
    }
    var options = lxw_protection()
    worksheet_protect(sheet, password, &options)
  }
}

/// Paper sizes by Excel's numbers.
public struct PaperSize: Hashable, Sendable {
  public var rawValue: UInt8

  public init(rawValue: UInt8) {
    self.rawValue = rawValue
  }

  public static let a3 = PaperSize(rawValue: 8)
  public static let a4 = PaperSize(rawValue: 9)
  public static let b4 = PaperSize(rawValue: 12)
  public static let b5 = PaperSize(rawValue: 13)
}
