import XLSXReader

/// The `kpisheet cells` dump: the reader's raw view of a workbook as JSON, CSV or TSV.
public struct CellsExport {
  public enum Format: String, Sendable, CaseIterable {
    case json, csv, tsv
  }

  public var format: Format = .json
  /// Only this sheet; nil for all sheets (JSON) or the first sheet (CSV/TSV).
  public var sheetName: String?
  /// Repeat each merged range's top-left value over the whole range.
  public var fillMerged = false

  public init(format: Format = .json, sheetName: String? = nil, fillMerged: Bool = false) {
    self.format = format
    self.sheetName = sheetName
    self.fillMerged = fillMerged
  }

  /// Writes the dump of `workbook` to `output`.
  ///
  /// Every selected sheet is read once through before anything is written, so a damaged
  /// sheet fails the command with nothing on standard output.
  public func write(_ workbook: XLSXWorkbook, to output: ByteWriter) throws {
    let sheets = try selectedSheets(workbook)
    var scans: [SheetScan] = []
    for sheet in sheets { scans.append(try workbook.forEachRow(in: sheet) { _ in }) }
    switch format {
    case .json:
      try writeJSON(workbook, sheets: sheets, scans: scans, to: output)
    case .csv, .tsv:
      try writeGrid(workbook, sheet: sheets[0], scan: scans[0], to: output)
    }
    try output.flush()
  }

  private func selectedSheets(_ workbook: XLSXWorkbook) throws -> [SheetInfo] {
    if let sheetName {
      guard let sheet = workbook.sheet(named: sheetName) else {
        let names = workbook.sheets.map { "\"\($0.name)\"" }
        throw XLSXError(
          .noSuchSheet, file: workbook.fileName,
          detail:
            "there is no sheet named \"\(sheetName)\" (the sheets are \(names.joined(separator: ", ")))",
          japanese:
            "シート \"\(sheetName)\" がありません（ブックのシート: \(names.joined(separator: "、"))）")
      }
      return [sheet]
    }
    guard !workbook.sheets.isEmpty else {
      throw XLSXError(
        .missingPart, file: workbook.fileName, detail: "the workbook has no sheets",
        japanese: "ブックにシートがありません")
    }
    return format == .json ? workbook.sheets : [workbook.sheets[0]]
  }

  /// Streams rows, through the merged-range filler when asked.
  private func forEachOutputRow(
    _ workbook: XLSXWorkbook, _ sheet: SheetInfo, merges: [CellRange], _ body: (Row) -> Void
  ) throws {
    guard fillMerged else {
      try workbook.forEachRow(in: sheet, body)
      return
    }
    var filler = try MergedFill(merges: merges, of: sheet, in: workbook)
    try workbook.forEachRow(in: sheet) { row in filler.rows(for: row).forEach(body) }
    filler.finish().forEach(body)
  }

  // MARK: JSON

  private func writeJSON(
    _ workbook: XLSXWorkbook, sheets: [SheetInfo], scans: [SheetScan], to output: ByteWriter
  ) throws {
    output.write("[")
    for (number, sheet) in sheets.enumerated() {
      let merges = scans[number].merges
      output.write(number == 0 ? "\n" : ",\n")
      output.write("{\"sheet\": \(JSONText.string(sheet.name)), \"hidden\": \(sheet.isHidden), ")
      // One at a time: a sheet may hold millions of merges, and a String of them all (and
      // one per merge on the way) took gigabytes.
      output.write("\"merged\": [")
      for (index, merge) in merges.enumerated() {
        output.write(
          index == 0
            ? JSONText.string(merge.description) : ", " + JSONText.string(merge.description))
      }
      output.write("],")
      output.write("\n \"cells\": [")
      var first = true
      try forEachOutputRow(workbook, sheet, merges: merges) { row in
        for cell in row.cells {
          output.write(first ? "\n  " : ",\n  ")
          first = false
          output.write(Self.json(cell))
        }
      }
      output.write(first ? "]}" : "\n ]}")
    }
    output.write(sheets.isEmpty ? "]\n" : "\n]\n")
  }

  static func json(_ cell: Cell) -> String {
    var text = "{\"ref\": \"\(cell.reference)\", "
    switch cell.value {
    case .string(let value): text += "\"type\": \"string\", \"value\": \(JSONText.string(value))"
    case .number(let value): text += "\"type\": \"number\", \"value\": \(JSONText.number(value))"
    case .boolean(let value): text += "\"type\": \"boolean\", \"value\": \(value)"
    case .date(let value): text += "\"type\": \"date\", \"value\": \"\(value)\""
    case .error(let value): text += "\"type\": \"error\", \"value\": \(JSONText.string(value))"
    }
    if let format = cell.format { text += ", \"format\": \(JSONText.string(format.code))" }
    if let formula = cell.formula { text += ", \"formula\": \(JSONText.string(formula))" }
    return text + "}"
  }

  // MARK: CSV and TSV

  private func writeGrid(
    _ workbook: XLSXWorkbook, sheet: SheetInfo, scan: SheetScan, to output: ByteWriter
  ) throws {
    var lastRow = scan.lastRow ?? -1
    var lastColumn = scan.lastColumn ?? -1
    if fillMerged && !scan.merges.isEmpty {
      // Filled ranges may reach past the last stored cell: measure them first.
      try forEachOutputRow(workbook, sheet, merges: scan.merges) { row in
        lastRow = max(lastRow, row.index)
        for cell in row.cells { lastColumn = max(lastColumn, cell.reference.column) }
      }
    }
    guard lastRow >= 0 else { return }
    let separator = format == .tsv ? "\t" : ","
    let newline = format == .tsv ? "\n" : "\r\n"
    let emptyLine = String(repeating: separator, count: lastColumn) + newline
    var nextRow = 0
    try forEachOutputRow(workbook, sheet, merges: scan.merges) { row in
      while nextRow < row.index {
        output.write(emptyLine)
        nextRow += 1
      }
      var fields = [String](repeating: "", count: lastColumn + 1)
      for cell in row.cells where cell.reference.column <= lastColumn {
        fields[cell.reference.column] = quoted(Self.plainText(cell.value), separator: separator)
      }
      output.write(fields.joined(separator: separator) + newline)
      nextRow = row.index + 1
    }
    while nextRow <= lastRow {
      output.write(emptyLine)
      nextRow += 1
    }
  }

  static func plainText(_ value: CellValue) -> String {
    switch value {
    case .string(let text): text
    case .number(let number): JSONText.number(number)
    case .boolean(let flag): flag ? "TRUE" : "FALSE"
    case .date(let date): date.description
    case .error(let text): text
    }
  }

  /// RFC 4180 quoting: a field with the separator, a quote or a line break is quoted.
  private func quoted(_ field: String, separator: String) -> String {
    let needsQuotes = field.unicodeScalars.contains {
      $0 == "\"" || $0 == "\n" || $0 == "\r" || String($0) == separator
    }
    guard needsQuotes else { return field }
    var text = "\""
    for character in field {
      text.append(character)
      if character == "\"" { text.append("\"") }
    }
    return text + "\""
  }
}
