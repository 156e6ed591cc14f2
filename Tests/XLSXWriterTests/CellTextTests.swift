import CellAddress
import Foundation
import TestSupport
import Testing

@testable import XLSXWriter

/// Text a cell cannot hold as given is refused with its place, never cut or emptied in
/// silence; a literal `_xHHHH_` is escaped so that it reads back as written.
@Suite("Cell text: Excel's limit, NUL and literal escapes")
struct CellTextTests {
  @Test func literalEscapesGetTheirUnderscoreEscaped() {
    #expect(CellText.escapingLiteralEscapes("_x0041_") == "_x005F_x0041_")
    #expect(CellText.escapingLiteralEscapes("a_x00e9_b_x005F_") == "a_x005F_x00e9_b_x005F_x005F_")
    // Not escapes: left alone.
    #expect(
      CellText.escapingLiteralEscapes("_x00G1_ _x041_ snake_case") == "_x00G1_ _x041_ snake_case")
  }

  @Test func aNULOrATextOverTheLimitIsRefusedWithItsPlace() throws {
    let scratch = try Scratch()
    let document = try XLSXDocument(temporaryIn: scratch.folder)
    let sheet = try document.addWorksheet(named: "KPI")
    let cell = CellReference(row: 2, column: 1)
    #expect {
      try sheet.write("ab\u{0}cd", at: cell)
    } throws: { error in
      (error as? XLSXWriterError)?.description
        == "worksheet_write_string: the text contains a NUL character, which a cell cannot hold at KPI!B3"
    }
    let long = String(repeating: "あ", count: CellText.maxLength + 1)
    #expect {
      try sheet.write(long, at: cell)
    } throws: { error in
      (error as? XLSXWriterError)?.description.contains("String exceeds Excel's limit") == true
    }
    // 16,384 emoji: 16,384 code points (libxlsxwriter takes them), 32,768 UTF-16 units, which
    // is what Excel counts.
    #expect {
      try sheet.write(String(repeating: "😀", count: 16_384), at: cell)
    } throws: { error in
      (error as? XLSXWriterError)?.description.contains("32768 characters, more than the 32767")
        == true
    }
    // libxlsxwriter drops the error of a merged range's text: the text is checked first.
    #expect {
      try sheet.merge(
        CellRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: 3), value: .string(long))
    } throws: { error in
      (error as? XLSXWriterError)?.description.contains("at KPI!A1:D1") == true
    }
    // UTF-16 units are what Excel counts: 32,767 of them fit.
    try sheet.write(String(repeating: "あ", count: CellText.maxLength), at: cell)
  }

  @Test(
    "Literal escapes read back as written",
    .enabled(if: OpenPyXL.isAvailable, OpenPyXL.skipReason))
  func literalEscapesReadBack() throws {
    let scratch = try Scratch()
    let output = scratch.path("escapes.xlsx")
    let document = try XLSXDocument(temporaryIn: scratch.folder)
    let sheet = try document.addWorksheet(named: "KPI")
    try sheet.write("_x0041_ literal", at: CellReference(row: 0, column: 0))
    try sheet.merge(
      CellRange(firstRow: 1, firstColumn: 0, lastRow: 1, lastColumn: 1),
      value: .string("merged _x000D_"))
    try document.save(to: output)
    // The stored text carries the escaped underscore, which every reader decodes.
    let facts = try OpenPyXL.facts(
      """
      z = zipfile.ZipFile(sys.argv[1])
      put("sst", z.read("xl/sharedStrings.xml").decode())
      """, output)
    #expect(facts["sst"]?.contains("_x005F_x0041_ literal") == true, "\(facts)")
    #expect(facts["sst"]?.contains("merged _x005F_x000D_") == true, "\(facts)")
  }

  @Test func overlappingMergesAreFoundAcrossBandsAndTallRanges() throws {
    var index = RangeIndex()
    index.insert(CellRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: 3))
    index.insert(CellRange(firstRow: 30, firstColumn: 2, lastRow: 40, lastColumn: 2))
    index.insert(CellRange(firstRow: 100, firstColumn: 9, lastRow: 900_000, lastColumn: 9))
    #expect(
      index.firstOverlap(with: CellRange(firstRow: 1, firstColumn: 0, lastRow: 2, lastColumn: 5))
        == nil)
    #expect(
      index.firstOverlap(with: CellRange(firstRow: 35, firstColumn: 0, lastRow: 35, lastColumn: 4))
        == CellRange(firstRow: 30, firstColumn: 2, lastRow: 40, lastColumn: 2))
    #expect(
      index.firstOverlap(
        with: CellRange(firstRow: 500_000, firstColumn: 9, lastRow: 500_000, lastColumn: 10))
        == CellRange(firstRow: 100, firstColumn: 9, lastRow: 900_000, lastColumn: 9))
    #expect(
      index.firstOverlap(
        with: CellRange(firstRow: 0, firstColumn: 3, lastRow: 1_000_000, lastColumn: 3))
        == CellRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: 3))
  }
}
