import CellAddress
import Testing

/// The A1 core reader and writer share.
@Suite struct CellAddressTests {
  @Test func parsesAndPrints() throws {
    let reference = try #require(CellReference("AB12"))
    #expect(reference.row == 11)
    #expect(reference.column == 27)
    #expect(reference.description == "AB12")
    #expect(CellReference("$C$3") == CellReference(row: 2, column: 2))
    #expect(CellReference("XFD1048576")?.description == "XFD1048576")
  }

  @Test(arguments: ["XFE1", "A1048577", "1A", "A0", "A", "", "ABCD1", "A1B"])
  func refusesMalformedOrOutOfRange(text: String) {
    #expect(CellReference(text) == nil)
  }

  @Test func rangesNormaliseTheirCorners() throws {
    let range = try #require(CellRange("J5:B3"))
    #expect(range.description == "B3:J5")
    #expect(range.contains(CellReference(row: 3, column: 4)))
    #expect(!range.contains(CellReference(row: 5, column: 4)))
  }

  @Test("A1 notation round-trips and rejects cells outside the sheet")
  func cellNames() {
    #expect(CellReference(row: 0, column: 0).a1() == "A1")
    #expect(CellReference(row: 9, column: 27).a1(absolute: true) == "$AB$10")
    #expect(
      CellReference(row: CellReference.maxRow, column: CellReference.maxColumn).a1() == "XFD1048576"
    )
    #expect(
      CellReference("XFD1048576")
        == CellReference(row: CellReference.maxRow, column: CellReference.maxColumn))
    #expect(CellReference("$C$5") == CellReference(row: 4, column: 2))
    #expect(CellReference("XFE1") == nil)
    #expect(CellReference("A1048577") == nil)
    #expect(CellReference("A0") == nil)
    #expect(CellReference("1A") == nil)
    #expect(CellRange("A1:C3")?.rowCount == 3)
    #expect(CellRange("B2")?.a1() == "B2")
    #expect(CellRange("A1:B2")!.overlaps(CellRange("B2:C3")!))
    #expect(!CellRange("A1:B2")!.overlaps(CellRange("C1:C3")!))
  }

  @Test func columnNamesAcrossLetterCounts() {
    #expect(CellReference.columnName(0) == "A")
    #expect(CellReference.columnName(25) == "Z")
    #expect(CellReference.columnName(26) == "AA")
    #expect(CellReference.columnName(701) == "ZZ")
    #expect(CellReference.columnName(702) == "AAA")
    #expect(CellReference.columnName(CellReference.maxColumn) == "XFD")
  }

  @Test func rawBytesParseAsTextDoes() {
    for text in ["A1", "$B$12", "xfd1048576", "B$3", "A0", "B3$", "AAAA1", "A12345678"] {
      let fromBytes = Array(text.utf8).withUnsafeBufferPointer { CellReference.parse($0) }
      #expect(fromBytes == CellReference(text), "\(text)")
    }
    #expect(CellReference("b3") == CellReference(row: 2, column: 1))
    #expect(CellReference("B$$3") == nil)
  }
}
