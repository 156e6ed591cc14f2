import CellAddress
import Foundation
import TestSupport
import Testing

@testable import XLSXWriter

@Suite("Constant-memory mode: rows in order, read back with openpyxl")
struct ConstantMemoryTests {
  static let names = ["観光客数", "ブランド化したガラス商品数", "販売額"]

  @Test(
    "A constant-memory workbook of mixed cells on two sheets reads back cell for cell",
    .enabled(if: OpenPyXL.isAvailable, OpenPyXL.skipReason))
  func mixedCellsReadBack() throws {
    let scratch = try Scratch()
    let output = scratch.path("constant.xlsx")
    let document = try XLSXDocument(
      temporaryIn: scratch.folder,
      options: XLSXDocumentOptions(constantMemory: true, created: fixedCreationSeconds))
    let data = try document.addWorksheet(named: "データ")
    let notes = try document.addWorksheet(named: "メモ")
    let percent = FormatSpec(numberFormat: "0.0%")
    let date = FormatSpec(numberFormat: "yyyy/m/d")
    let people = FormatSpec(numberFormat: "#,##0\"人\"")
    for row in 0..<1_000 {
      // Within a row any column order is fine; the blank column moves along the rows.
      if row % 7 != 3 {
        try data.write(Self.names[row % 3], at: CellReference(row: row, column: 3))
      }
      try data.write(row, at: CellReference(row: row, column: 0))
      try data.write(Double(row) / 1_000, at: CellReference(row: row, column: 1), format: percent)
      try data.write(
        LocalDateTime(year: 2024, month: 4, day: 1 + row % 30),
        at: CellReference(row: row, column: 2),
        format: date)
      try data.write(row * 3, at: CellReference(row: row, column: 4), format: people)
      try data.write(row % 2 == 0, at: CellReference(row: row, column: 5))
      // Sheets keep their own row order: the second sheet can be written in between.
      if row % 100 == 0 {
        try notes.write("メモ\(row)", at: CellReference(row: row / 100, column: 0))
      }
    }
    try document.save(to: output)

    let facts = try OpenPyXL.facts(
      """
      wb = openpyxl.load_workbook(sys.argv[1])
      ws = wb["データ"]
      put("rows", ws.max_row)
      put("cells", sum(1 for row in ws.iter_rows() for c in row if c.value is not None))
      put("row 1", [c.value for c in ws[1]])
      put("row 4", [c.value for c in ws[4]])
      put("row 1000", [c.value for c in ws[1000]])
      put("formats", [c.number_format for c in ws[1000]])
      put("notes", [c.value for c in wb["メモ"]["A"]])
      with zipfile.ZipFile(sys.argv[1]) as z:
          put("shared strings", "xl/sharedStrings.xml" in z.namelist())
          put("inline", 't="inlineStr"' in z.read("xl/worksheets/sheet1.xml").decode())
      """, output)
    #expect(facts["rows"] == "1000")
    #expect(facts["cells"] == String(1_000 * 6 - 143))
    #expect(
      facts["row 1"]
        == "[0, 0, datetime.datetime(2024, 4, 1, 0, 0), '観光客数', 0, True]")
    #expect(
      facts["row 4"]
        == "[3, 0.003, datetime.datetime(2024, 4, 4, 0, 0), None, 9, False]")
    #expect(
      facts["row 1000"]
        == "[999, 0.999, datetime.datetime(2024, 4, 10, 0, 0), '観光客数', 2997, False]")
    #expect(
      facts["formats"] == "['General', '0.0%', 'yyyy/m/d', 'General', '#,##0\"人\"', 'General']")
    #expect(
      facts["notes"]
        == "['メモ0', 'メモ100', 'メモ200', 'メモ300', 'メモ400', 'メモ500', 'メモ600', 'メモ700', 'メモ800', 'メモ900']"
    )
    #expect(facts["shared strings"] == "False")
    #expect(facts["inline"] == "True")
  }

  @Test("Every kind of write to an earlier row is refused, naming the cell")
  func earlierRowsRefused() throws {
    let scratch = try Scratch()
    let document = try XLSXDocument(
      temporaryIn: scratch.folder, options: XLSXDocumentOptions(constantMemory: true))
    let sheet = try document.addWorksheet(named: "S")
    try sheet.write("x", at: CellReference(row: 4, column: 2))
    let earlier = CellReference(row: 3, column: 0)
    let writes: [(String, () throws -> Void)] = [
      ("worksheet_write_string", { try sheet.write("late", at: earlier) }),
      ("worksheet_write_number", { try sheet.write(1.5, at: earlier) }),
      ("worksheet_write_number", { try sheet.write(7, at: earlier) }),
      ("worksheet_write_boolean", { try sheet.write(true, at: earlier) }),
      (
        "worksheet_write_datetime",
        { try sheet.write(LocalDateTime(year: 2024, month: 1, day: 1), at: earlier) }
      ),
      (
        "worksheet_write_blank",
        { try sheet.writeBlank(at: earlier, format: FormatSpec(bold: true)) }
      ),
      ("worksheet_write_formula_num", { try sheet.writeFormula("=1+1", at: earlier) }),
      ("worksheet_set_row_opt", { try sheet.setRowHeight(20, row: 3) }),
    ]
    for (function, write) in writes {
      let error = writerError(write)
      #expect(error?.kind == .unsupported, "\(function)")
      #expect(error?.function == function)
      #expect(error?.sheet == "S")
    }
    #expect(writerError { try sheet.write("late", at: earlier) }?.cell == "A4")
    // The current row still takes cells, in any column.
    try sheet.write("same row", at: CellReference(row: 4, column: 0))
    try sheet.write("next row", at: CellReference(row: 5, column: 9))
  }

  @Test(
    "libxlsxwriter's temporary files go to the folder named, and an unusable one is refused",
    .enabled(if: OpenPyXL.isAvailable, OpenPyXL.skipReason))
  func temporaryFolder() throws {
    let scratch = try Scratch()
    let temporary = scratch.path("tmp")
    try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: false)
    let output = scratch.path("out.xlsx")
    let document = try XLSXDocument(
      temporaryIn: scratch.folder,
      options: XLSXDocumentOptions(constantMemory: true, temporaryFolder: temporary))
    let sheet = try document.addWorksheet(named: "S")
    for row in 0..<100 { try sheet.write("行\(row)", at: CellReference(row: row, column: 0)) }
    try document.save(to: output)
    let facts = try OpenPyXL.facts(
      "put('last', openpyxl.load_workbook(sys.argv[1])['S']['A100'].value)", output)
    #expect(facts["last"] == "行99")
    // libxlsxwriter unlinks its temporary files as it creates them: nothing is left.
    #expect(try FileManager.default.contentsOfDirectory(atPath: temporary).isEmpty)

    for bad in [scratch.path("missing"), output] {
      let error = writerError {
        _ = try XLSXDocument(
          temporaryIn: scratch.folder, options: XLSXDocumentOptions(temporaryFolder: bad))
      }
      #expect(error?.kind == .fileSystem)
      #expect(error?.message.contains(bad) == true)
    }
  }
}
