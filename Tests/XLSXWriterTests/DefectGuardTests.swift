import CellAddress
import Foundation
import TestSupport
import Testing

@testable import XLSXWriter

/// Each test covers an input libxlsxwriter 1.1.4 mishandles (crash, heap overflow, silent
/// loss); the guard must throw a clear error before the C call.
@Suite("Guards for libxlsxwriter 1.1.4 defects")
struct DefectGuardTests {
  @Test("Empty formulas are refused: \"\", \"=\" and blanks")
  func emptyFormula() throws {
    let scratch = try Scratch()
    let document = try XLSXDocument(temporaryIn: scratch.folder)
    let sheet = try document.addWorksheet(named: "S")
    for formula in ["", "=", " = ", "=="] {
      let error = writerError {
        try sheet.writeFormula(formula, at: CellReference(row: 0, column: 0))
      }
      #expect(error?.kind == .invalidArgument)
      #expect(error?.function == "worksheet_write_formula_num")
      #expect(error?.cell == "A1")
      #expect(error?.sheet == "S")
    }
    let text = writerError {
      try sheet.writeFormula("", at: CellReference(row: 1, column: 1), result: .string("x"))
    }
    #expect(text?.function == "worksheet_write_formula_str")
    #expect(text?.cell == "B2")
  }

  @Test("Empty comments, defined names and their formulas are refused")
  func emptyCommentAndNames() throws {
    let scratch = try Scratch()
    let document = try XLSXDocument(temporaryIn: scratch.folder)
    let sheet = try document.addWorksheet(named: "S")
    #expect(
      writerError { try sheet.writeComment("", at: CellReference(row: 0, column: 0)) }?.function
        == "worksheet_write_comment")
    try sheet.writeComment("確認済み", at: CellReference(row: 0, column: 0))
    #expect(
      writerError { try document.defineName("", formula: "=S!$A$1") }?.kind == .invalidArgument)
    #expect(writerError { try document.defineName("Name", formula: "") }?.kind == .invalidArgument)
    #expect(writerError { try document.defineName("Name", formula: "=") }?.kind == .invalidArgument)
    let long = "=S!$A$1+" + String(repeating: "1+", count: 60) + "1"
    #expect(
      writerError { try document.defineName("Name", formula: long) }?.kind == .invalidArgument)
    #expect(
      writerError { try document.defineName(String(repeating: "n", count: 128), formula: "=1") }?
        .kind == .invalidArgument)
    try document.defineName("Name", formula: "=S!$A$1")
    try document.save(to: scratch.path("ok.xlsx"))
  }

  @Test("Sheet passwords over 24 bytes are refused")
  func longPassword() throws {
    let scratch = try Scratch()
    let document = try XLSXDocument(temporaryIn: scratch.folder)
    let sheet = try document.addWorksheet(named: "S")
    #expect(
      writerError { try sheet.protect(password: String(repeating: "p", count: 25)) }?.function
        == "worksheet_protect")
    #expect(writerError { try sheet.protect(password: "パスワードは九文字") }?.kind == .invalidArgument)
    try sheet.protect(password: String(repeating: "p", count: 24))
    try document.save(to: scratch.path("ok.xlsx"))
  }

  @Test("Integers beyond 2^53 and non-finite numbers are refused; 2^53 is written")
  func numbersThatWouldChange() throws {
    let scratch = try Scratch()
    let document = try XLSXDocument(temporaryIn: scratch.folder)
    let sheet = try document.addWorksheet(named: "S")
    let error = writerError {
      try sheet.write(123_456_789_012_345_678, at: CellReference(row: 0, column: 0))
    }
    #expect(error?.kind == .invalidArgument)
    #expect(error?.message.contains("string") == true)
    #expect(
      writerError {
        try sheet.write(Worksheet.maxExactInteger + 1, at: CellReference(row: 0, column: 0))
      }
        != nil)
    try sheet.write(Worksheet.maxExactInteger, at: CellReference(row: 0, column: 0))
    try sheet.write(-Worksheet.maxExactInteger, at: CellReference(row: 0, column: 1))
    for bad in [Double.nan, .infinity, -.infinity] {
      #expect(
        writerError { try sheet.write(bad, at: CellReference(row: 1, column: 0)) }?.kind != nil)
    }
    #expect(
      writerError {
        try sheet.writeFormula("=1/0", at: CellReference(row: 1, column: 0), result: .number(.nan))
      } != nil)
  }

  @Test("Rows and columns outside the sheet are refused before any C call")
  func bounds() throws {
    let scratch = try Scratch()
    let document = try XLSXDocument(temporaryIn: scratch.folder)
    let sheet = try document.addWorksheet(named: "S")
    let cells = [
      CellReference(row: -1, column: 0), CellReference(row: 0, column: -1),
      CellReference(row: 1_048_576, column: 0),
      CellReference(row: 0, column: 16_384), CellReference(row: Int.max, column: Int.max),
    ]
    for cell in cells {
      #expect(writerError { try sheet.write("x", at: cell) }?.kind == .outOfBounds)
      #expect(writerError { try sheet.write(1.0, at: cell) }?.kind == .outOfBounds)
    }
    #expect(writerError { try sheet.setRowHeight(20, row: 1_048_576) }?.kind == .outOfBounds)
    #expect(writerError { try sheet.setColumnWidth(8, columns: 0...16_384) }?.kind == .outOfBounds)
    // A range's initialisers order its corners; one whose corners were set out of order
    // afterwards is refused.
    #expect(CellRange("C3:B2") == CellRange("B2:C3"))
    var reversed = CellRange("B2:C3")!
    reversed.first = CellReference(row: 3, column: 3)
    #expect(writerError { try sheet.merge(reversed, value: .blank) }?.kind == .invalidArgument)
    try sheet.write(
      "corner", at: CellReference(row: CellReference.maxRow, column: CellReference.maxColumn))
  }

  @Test("Impossible dates and over-long headers are refused")
  func datesAndHeaders() throws {
    let scratch = try Scratch()
    let document = try XLSXDocument(temporaryIn: scratch.folder)
    let sheet = try document.addWorksheet(named: "S")
    let dates = [
      LocalDateTime(year: 2023, month: 2, day: 29), LocalDateTime(year: 1899, month: 12, day: 31),
      LocalDateTime(year: 2024, month: 13, day: 1),
      LocalDateTime(year: 2024, month: 1, day: 1, hour: 24),
    ]
    for date in dates {
      #expect(
        writerError { try sheet.write(date, at: CellReference(row: 0, column: 0)) }?.kind
          == .invalidArgument
      )
    }
    try sheet.write(
      LocalDateTime(year: 2024, month: 2, day: 29), at: CellReference(row: 0, column: 0))
    #expect(writerError { try sheet.setFooter(String(repeating: "&P", count: 128)) } != nil)
  }

  @Test(
    "Constant-memory mode refuses merges, tables and going back a row, and writes in-order rows",
    .enabled(if: OpenPyXL.isAvailable, OpenPyXL.skipReason))
  func constantMemory() throws {
    let scratch = try Scratch()
    let output = scratch.path("constant.xlsx")
    let document = try XLSXDocument(
      temporaryIn: scratch.folder, options: XLSXDocumentOptions(constantMemory: true))
    let sheet = try document.addWorksheet(named: "データ")
    let merge = writerError { try sheet.merge(CellRange("A1:B1")!, value: .string("x")) }
    #expect(merge?.kind == .unsupported)
    #expect(merge?.function == "worksheet_merge_range")
    #expect(merge?.message.contains("constant-memory") == true)
    #expect(writerError { try sheet.addTable(CellRange("A1:B3")!) }?.kind == .unsupported)

    for row in 0..<100 {
      try sheet.write("行\(row)", at: CellReference(row: row, column: 0))
      try sheet.write(Double(row), at: CellReference(row: row, column: 1))
    }
    let back = writerError { try sheet.write("late", at: CellReference(row: 5, column: 2)) }
    #expect(back?.kind == .unsupported)
    #expect(back?.cell == "C6")
    try sheet.validationList(range: CellRange("C1:C100")!, values: japanesePrefectures)
    try document.save(to: output)

    let facts = try OpenPyXL.facts(
      """
      wb = openpyxl.load_workbook(sys.argv[1])
      ws = wb["データ"]
      put("rows", ws.max_row)
      put("last", (ws["A100"].value, ws["B100"].value))
      put("lists", len([c for c in wb["_lists"]["A"] if c.value]))
      """, output)
    #expect(facts["rows"] == "100")
    #expect(facts["last"] == "('行99', 99)")
    #expect(facts["lists"] == "47")
  }

  @Test("Library errors carry the C code, function and lxw_strerror message")
  func libraryErrorDescription() throws {
    let scratch = try Scratch()
    let document = try XLSXDocument(temporaryIn: scratch.folder)
    let sheet = try document.addWorksheet(named: "S")
    let tooLong = String(repeating: "字", count: 32_768)
    let error = writerError { try sheet.write(tooLong, at: CellReference(row: 2, column: 1)) }
    #expect(error?.kind == .library)
    #expect(error?.function == "worksheet_write_string")
    #expect(error?.code == Int32(LXWErrorCodes.maxStringLengthExceeded))
    #expect(error?.message == "String exceeds Excel's limit of 32,767 characters.")
    #expect(error?.description.hasPrefix("worksheet_write_string: ") == true)
    #expect(error?.description.hasSuffix("at S!B3") == true)
  }
}

/// The `lxw_error` values the tests look for (from libxlsxwriter's common.h).
enum LXWErrorCodes {
  static let maxStringLengthExceeded = 21
}
