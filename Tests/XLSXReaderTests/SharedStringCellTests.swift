import CellAddress
import Testing

@testable import XLSXReader

/// Shared-string cells: the parser remembers the strings it made for recent indices (a slot
/// per index modulo 256), so indices sharing a slot must never give each other's text.
@Suite struct SharedStringCellTests {
  @Test func indicesSharingASlotKeepTheirOwnText() throws {
    var table = SharedStringTable()
    for index in 0..<600 {
      // Long enough to live outside the String value itself.
      let text = Array("共有文字列の番号 \(index) です".utf8)
      text.withUnsafeBufferPointer { table.append($0) }
      table.finishString()
    }
    // Alternate between indices that fall in the same slots (n, n + 256, n + 512), repeat
    // some, and mix in other slots.
    let indices = [0, 256, 512, 0, 0, 256, 3, 259, 3, 515, 599, 87, 343, 87, 599, 255, 511]
    let cells = indices.enumerated().map { column, index in
      "<c r=\"\(CellReference.columnName(column))1\" t=\"s\"><v>\(index)</v></c>"
    }.joined()
    let xml = Array(
      """
      <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
      <sheetData><row r="1">\(cells)</row></sheetData></worksheet>
      """.utf8)
    var values: [String] = []
    let parser = WorksheetParser(
      sharedStrings: table, formats: [], uses1904: false, limits: ReaderLimits(),
      fileName: "test.xlsx", sheetName: "KPI"
    ) { row in values += row.cells.compactMap { $0.value.string } }
    try xml.withUnsafeBytes {
      try SAXParser.parse(
        bytes: $0, fileName: "test.xlsx", partName: "xl/worksheets/sheet1.xml", handler: parser,
        limits: ReaderLimits())
    }
    #expect(values == indices.map { "共有文字列の番号 \($0) です" })
  }
}
