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
  public func write(
    input: String, limits: ReaderLimits = ReaderLimits(), to output: ByteWriter
  ) throws {
    try write(Self.openWorkbook(input, limits: limits), to: output)
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
    _ workbook: XLSXWorkbook, sheets: [SheetInfo], scans: [SheetScan], to output: ByteWriter
  ) throws {
    let writer = output.jsonWriter()
    try writer.array(.lines(indent: "")) {
      for (number, sheet) in sheets.enumerated() {
        let merges = scans[number].merges
        try writer.object(.inline) {
          writer.member("sheet", sheet.name)
          writer.member("hidden", sheet.isHidden)
          writer.member("merged", strings: merges.map(\.description))
          writer.lineBreak(indent: " ")
          writer.key("cells")
          try writer.array(.lines(indent: "  ", closingIndent: " ")) {
            try forEachOutputRow(workbook, sheet, merges: merges) { row in
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
