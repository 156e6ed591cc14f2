import Foundation
import Testing

@testable import XLSXReader

/// The red-team rounds' hostile inputs (Fixtures/bad/hostile-*, made by
/// Scripts/make-fixtures.py and, for the second round, Scripts/make-hostile-fixtures.py):
/// each is refused with its place, or read as Excel reads it. What the second round tried
/// and found sound is listed in docs/hostile-inputs.md.
@Suite struct HostileInputTests {
  private func failure(_ name: String, limits: ReaderLimits = ReaderLimits()) -> XLSXError? {
    Fixture.failure("bad/\(name)", limits: limits)
  }

  @Test(arguments: [
    (
      "hostile-bzip2-entry.xlsx", XLSXError.Kind.damagedArchive, "xl/worksheets/sheet1.xml",
      "compression method 12 (bzip2) is not supported"
    ),
    (
      "hostile-external-sheet.xlsx", .missingPart, "xl/workbook.xml",
      "sheet \"KPI\" is external (its relationship points outside the package, at file:///etc/passwd); external parts are not read"
    ),
    (
      "hostile-duplicate-sheet-names.xlsx", .malformedXML, "xl/workbook.xml",
      "two sheets are named \"kpi\""
    ),
    (
      "hostile-sheet-is-styles.xlsx", .malformedXML, "xl/workbook.xml",
      "points at xl/styles.xml, which is not a worksheet (it is the styles part)"
    ),
    (
      "hostile-sheets-share-part.xlsx", .malformedXML, "xl/workbook.xml",
      "sheets \"KPI\" and \"コピー\" both point at xl/worksheets/sheet1.xml; each sheet has its own part"
    ),
  ])
  func refusedWithThePart(name: String, kind: XLSXError.Kind, part: String, phrase: String) throws {
    let error = try #require(failure(name))
    #expect(error.kind == kind)
    #expect(error.part == part)
    #expect(error.description.hasPrefix("bad/\(name): part \(part): "), "\(error)")
    #expect(error.description.contains(phrase), "\(error)")
    #expect(!error.description.contains("not well-formed"))
  }

  @Test(arguments: [
    ("hostile-iso-date.xlsx", "C1", "date value \"2021-01-05garbage\" is not an ISO 8601 date"),
    (
      "hostile-unknown-type.xlsx", "A1",
      "cell type t=\"foo\" is not one of b, d, e, inlineStr, n, s and str"
    ),
  ])
  func badCellsAreRefusedWithTheirPlace(name: String, cell: String, phrase: String) throws {
    let error = try #require(failure(name))
    #expect(error.kind == .invalidCell)
    #expect(error.description == "bad/\(name): sheet \"KPI\", cell \(cell): \(phrase)")
  }

  @Test func aMergePastTheLastRowIsAnErrorNotDropped() throws {
    let error = try #require(failure("hostile-merge-past-grid.xlsx"))
    #expect(error.kind == .invalidCell)
    #expect(
      error.description
        == "bad/hostile-merge-past-grid.xlsx: sheet \"KPI\": merged range \"A1048576:B1048577\" is malformed or reaches beyond XFD1048576"
    )
  }

  @Test func aWordDocumentIsNamedAsOne() throws {
    let error = try #require(failure("hostile-docx-renamed.xlsx"))
    #expect(error.kind == .otherFormat)
    #expect(
      error.description
        == "bad/hostile-docx-renamed.xlsx: this is a Word document (.docx), not an Excel workbook")
  }

  @Test func anAmpersandInAnAttributeIsReadAsOne() throws {
    // libxml2 hands `&amp;` in an attribute over as `&#38;`; `&amp;#38;` is the text `&#38;`.
    let workbook = try Fixture.open("hostile/hostile-ampersand-attributes.xlsx")
    #expect(workbook.sheets.map(\.name) == ["R&D &#38;"])
    let facts = try Fixture.facts(workbook, sheet: "R&D &#38;")
    #expect(facts == ["A1 number 5 fmt=0\"&\""])
  }

  @Test func foreignNamespaceAttributesAreIgnored() throws {
    let workbook = try Fixture.open("bad/hostile-attr-namespace.xlsx")
    let facts = try Fixture.facts(workbook, sheet: "KPI")
    #expect(facts == ["A1 number 1", "B1 number 40000"])
  }

  @Test func valuesAreReadAsExcelShowsThem() throws {
    let workbook = try Fixture.open("bad/hostile-values.xlsx")
    let facts = try Fixture.facts(workbook, sheet: "KPI")
    #expect(
      facts == [
        "A1 number 1 formula=B1+$C$1+XFD1", "B1 number 2 formula=C1+$C$1+#REF!",
        "C1 number 1e+100", "D1 number 2958465.9999999 fmt=yyyy/m/d",
        "A1048576 number 3 formula=B1048576+$C$1+XFD1048576",
        "XFD1048576 number 4 formula=#REF!+$C$1+#REF!",
      ])
  }

  @Test func theSharedStringLimitCountsEachStringsOffset() throws {
    // 300,000 empty strings: no text at all, 1.2 MB of offsets.
    let workbook = try Fixture.open("bad/hostile-sst-empty-strings.xlsx")
    #expect(workbook.sharedStrings.count == 300_000)
    #expect(workbook.sharedStrings.memoryCost > 1_200_000)
    var limits = ReaderLimits()
    limits.sharedStringBytes = 1_000_000
    let error = try #require(failure("hostile-sst-empty-strings.xlsx", limits: limits))
    #expect(error.kind == .limitExceeded(.sharedStringBytes))
    #expect(error.part == "xl/sharedStrings.xml")
  }

  @Test func aLongFormatCodeIsScannedOnce() throws {
    let start = ContinuousClock.now
    let workbook = try Fixture.open("bad/hostile-numfmt-200k.xlsx")
    let facts = try Fixture.facts(workbook, sheet: "KPI")
    #expect(facts.count == 1)
    // g is the era of a date: the cell is a date, and the whole code is its format.
    #expect(facts.first?.hasPrefix("A1 date \"1900-01-01\" fmt=ggg") == true, "\(facts)")
    // Recounting the code's scalars at each of its 200,000 characters took minutes.
    #expect(ContinuousClock.now - start < .seconds(20))
  }

  @Test func mergesAreReadWithoutBeingFilled() throws {
    let workbook = try Fixture.open("bad/hostile-merge-whole-sheet.xlsx")
    let scan = try workbook.forEachRow(in: workbook.sheets[0]) { _ in }
    #expect(scan.merges.map(\.description) == ["A1:XFD1048576"])
  }

  @Test(arguments: [
    "2021-02-31", "2021-04-31T25:61:61", "99:99:99", "0000-01-01", "2021-01-05garbage",
    "2021-1-5", "2021-02-29", "24:00:00", "2021-01-05T10:00", "2021-01-05T10:00:00+09:00",
  ])
  func impossibleISODatesAreRefused(text: String) {
    #expect(ExcelDateTime(iso: text) == nil)
  }

  @Test(arguments: [
    ("2020-02-29", "2020-02-29"), ("2021-01-05T10:20:30", "2021-01-05T10:20:30"),
    ("2021-01-05T10:20:30.250Z", "2021-01-05T10:20:30"), ("2021-01-05T00:00:00", "2021-01-05"),
    ("23:59:59", "23:59:59"), ("9999-12-31", "9999-12-31"),
  ])
  func validISODatesAreRead(text: String, expected: String) {
    #expect(ExcelDateTime(iso: text)?.description == expected)
  }

  @Test func aSerialRoundingPastTheLastDayIsNoDate() {
    #expect(ExcelDateTime(serial: 2_958_465.9999999, uses1904: false, kind: .dateTime) == nil)
    #expect(
      ExcelDateTime(serial: 2_958_465.99998, uses1904: false, kind: .dateTime)?.description
        == "9999-12-31T23:59:58")
    #expect(ExcelDateTime(serial: 2_957_003.9999999, uses1904: true, kind: .dateTime) == nil)
  }

  @Test func longNumbersAreParsedUpToTheLimit() {
    let hundredOne = Array(("1" + String(repeating: "0", count: 100)).utf8)
    #expect(hundredOne.withUnsafeBufferPointer(NumberText.parse) == 1e100)
    let tooLong = Array(("0." + String(repeating: "1", count: NumberText.maxLength)).utf8)
    #expect(tooLong.withUnsafeBufferPointer(NumberText.parse) == nil)
  }
}
