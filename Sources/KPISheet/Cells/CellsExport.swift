import CellAddress
import KPIModel
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

  /// Opens the workbook `input` names (a path, or `-` for standard input) for a dump.
  ///
  /// - Throws: the reader's `XLSXError` (exit 65 or 66) naming the file and what is wrong.
  public static func openWorkbook(_ input: String, limits: ReaderLimits = ReaderLimits()) throws
    -> XLSXWorkbook
  {
    let file = try InputFile(input)
    return try XLSXWorkbook(path: file.path, displayName: file.displayName, limits: limits)
  }

  /// Opens `input` (a path, or `-`) and writes its dump to `output`.
  ///
  /// The workbook is read through once to check it, then opened afresh and read again to
  /// print: the second reading counts against the reader's limits exactly what the first
  /// did, so a workbook that passed the check never fails halfway through the output.
  public func write(
    input: String, limits: ReaderLimits = ReaderLimits(), to output: ByteWriter
  ) throws {
    let file = try InputFile(input)
    try withExtendedLifetime(file) {
      let open = {
        try XLSXWorkbook(path: file.path, displayName: file.displayName, limits: limits)
      }
      let checked = try open()
      let plans = try plan(checked)
      try print(open(), plans: plans, to: output)
    }
  }

  /// Writes the dump of `workbook` to `output`.
  ///
  /// Every selected sheet is read once through before anything is written, so a damaged
  /// sheet fails the command with nothing on standard output. Both readings count against
  /// the workbook's total-bytes limit; ``write(input:limits:to:)`` counts once.
  public func write(_ workbook: XLSXWorkbook, to output: ByteWriter) throws {
    try print(workbook, plans: plan(workbook), to: output)
  }

  /// What the checking pass learnt of one sheet.
  struct SheetPlan {
    var sheet: SheetInfo
    var merges: [CellRange]
    /// Rows ascending, each once, cells left to right each once, every cell in its own row:
    /// the rows can be printed as they stream. Otherwise the sheet is gathered and sorted.
    var inOrder: Bool
    var lastRow: Int
    var lastColumn: Int
  }

  /// Reads every selected sheet once: any error comes out here, before anything is printed.
  func plan(_ workbook: XLSXWorkbook) throws -> [SheetPlan] {
    var plans: [SheetPlan] = []
    for sheet in try selectedSheets(workbook) {
      var inOrder = true
      var previousRow = -1
      var lastRow = -1
      var lastColumn = -1
      let scan = try workbook.forEachRow(in: sheet) { row in
        if row.index <= previousRow { inOrder = false }
        previousRow = max(previousRow, row.index)
        var previousColumn = -1
        for cell in row.cells {
          let reference = cell.reference
          if reference.row != row.index || reference.column <= previousColumn { inOrder = false }
          previousColumn = reference.column
          lastRow = max(lastRow, reference.row)
          lastColumn = max(lastColumn, reference.column)
        }
      }
      var plan = SheetPlan(
        sheet: sheet, merges: scan.merges, inOrder: inOrder, lastRow: lastRow,
        lastColumn: lastColumn)
      if fillMerged && !scan.merges.isEmpty && format != .json {
        // Filled ranges may reach past the last stored cell: measure them too.
        try forEachOutputRow(workbook, plan) { row in
          plan.lastRow = max(plan.lastRow, row.index)
          for cell in row.cells { plan.lastColumn = max(plan.lastColumn, cell.reference.column) }
        }
      }
      plans.append(plan)
    }
    return plans
  }

  private func print(_ workbook: XLSXWorkbook, plans: [SheetPlan], to output: ByteWriter) throws {
    switch format {
    case .json:
      try writeJSON(workbook, plans: plans, to: output)
    case .csv, .tsv:
      if let plan = plans.first { try writeGrid(workbook, plan: plan, to: output) }
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

  /// The sheet's rows in row order, each non-empty cell once (a repeated cell: the last
  /// one stored), placed by its own reference.
  private func orderedRows(
    _ workbook: XLSXWorkbook, _ plan: SheetPlan, _ body: (Row) throws -> Void
  ) throws {
    guard !plan.inOrder else {
      try workbook.forEachRow(in: plan.sheet, body)
      return
    }
    var rows: [Int: [Int: Cell]] = [:]
    try workbook.forEachRow(in: plan.sheet) { row in
      for cell in row.cells {
        rows[cell.reference.row, default: [:]][cell.reference.column] = cell
      }
    }
    for (index, cells) in rows.sorted(by: { $0.key < $1.key }) {
      try body(Row(index: index, cells: cells.sorted { $0.key < $1.key }.map(\.value)))
    }
  }

  /// Streams rows in order, through the merged-range filler when asked.
  private func forEachOutputRow(
    _ workbook: XLSXWorkbook, _ plan: SheetPlan, _ body: (Row) -> Void
  ) throws {
    guard fillMerged else {
      try orderedRows(workbook, plan, body)
      return
    }
    var filler = try MergedFill(merges: plan.merges, of: plan.sheet, in: workbook)
    try orderedRows(workbook, plan) { row in filler.rows(for: row).forEach(body) }
    filler.finish().forEach(body)
  }

  // MARK: JSON

  /// One line per sheet head and per cell, through the shared JSON writer:
  ///
  /// ```json
  /// [
  /// {"sheet": "KPI", "hidden": false, "merged": ["A1:C1"],
  ///  "cells": [
  ///   {"ref": "A1", "type": "string", "value": "事業名"},
  ///   {"ref": "B2", "type": "number", "value": 0.054, "format": "0.0%"}
  ///  ]}
  /// ]
  /// ```
  private func writeJSON(
    _ workbook: XLSXWorkbook, plans: [SheetPlan], to output: ByteWriter
  ) throws {
    let writer = output.jsonWriter()
    try writer.array(.lines(indent: "")) {
      for plan in plans {
        try writer.object(.inline) {
          writer.member("sheet", plan.sheet.name)
          writer.member("hidden", plan.sheet.isHidden)
          // One at a time: a sheet may hold millions of merges, and a String of them all (and
          // one per merge on the way) took gigabytes.
          writer.key("merged")
          writer.array(.inline) { for merge in plan.merges { writer.string(merge.description) } }
          writer.lineBreak(indent: " ")
          writer.key("cells")
          try writer.array(.lines(indent: "  ", closingIndent: " ")) {
            try forEachOutputRow(workbook, plan) { row in
              for cell in row.cells { Self.write(cell, to: writer) }
            }
          }
        }
      }
    }
    writer.newline()
    writer.flush()
  }

  /// `{"ref", "type", "value"}`, then `format` and `formula` when the cell has them; numbers
  /// print as stored, every digit of the double.
  static func write(_ cell: Cell, to writer: JSONWriter) {
    writer.object(.inline) {
      writer.member("ref", "\(cell.reference)")
      switch cell.value {
      case .string(let value):
        writer.member("type", "string")
        writer.member("value", value)
      case .number(let value):
        writer.member("type", "number")
        writer.member("value", value, .stored)
      case .boolean(let value):
        writer.member("type", "boolean")
        writer.member("value", value)
      case .date(let value):
        writer.member("type", "date")
        writer.member("value", "\(value)")
      case .error(let value):
        writer.member("type", "error")
        writer.member("value", value)
      }
      writer.memberIfPresent("format", cell.format?.code)
      writer.memberIfPresent("formula", cell.formula)
    }
  }

  // MARK: CSV and TSV

  /// The grid from A1 to the last row and column holding a cell, one line per row; text a
  /// spreadsheet would run as a formula gets a leading `'` (`FormulaGuard`).
  private func writeGrid(_ workbook: XLSXWorkbook, plan: SheetPlan, to output: ByteWriter) throws {
    let (lastRow, lastColumn) = (plan.lastRow, plan.lastColumn)
    guard lastRow >= 0 else { return }
    let separator = format == .tsv ? "\t" : ","
    let newline = format == .tsv ? "\n" : "\r\n"
    let emptyLine = String(repeating: separator, count: lastColumn) + newline
    var nextRow = 0
    try forEachOutputRow(workbook, plan) { row in
      while nextRow < row.index {
        output.write(emptyLine)
        nextRow += 1
      }
      var fields = [String](repeating: "", count: lastColumn + 1)
      for cell in row.cells where cell.reference.column <= lastColumn {
        var text = Self.plainText(cell.value)
        if case .string = cell.value { text = FormulaGuard.neutralised(text) }
        fields[cell.reference.column] = quoted(text, separator: separator)
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
    case .number(let number): NumberFormatting.string(number, .stored)
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
