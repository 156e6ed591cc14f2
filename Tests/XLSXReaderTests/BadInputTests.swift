import Testing
import XLSXReader

/// Damaged, disguised and hostile files: each is refused with an error that says what the
/// file is or names the part, sheet and cell at fault. Reading every sheet is part of the
/// test: a reader must not fail only when opened, or only when a sheet is read.
@Suite struct BadInputTests {
  /// Opens the bad fixture and reads every sheet; returns the error thrown.
  private func failure(_ name: String, limits: ReaderLimits = ReaderLimits()) -> XLSXError? {
    Fixture.failure("bad/\(name)", limits: limits)
  }

  @Test(arguments: [
    ("empty.xlsx", XLSXError.Kind.emptyFile, "empty"),
    ("not-a-zip.xlsx", .otherFormat, "not a zip"),
    ("truncated.xlsx", .damagedArchive, "damaged or truncated"),
    ("csv-renamed.xlsx", .textFile, "CSV"),
    ("text-renamed.xlsx", .textFile, "text"),
    ("encrypted.xlsx", .encrypted, "password-protected"),
    ("legacy.xls", .legacyXLS, "Excel 97-2003"),
    ("legacy-renamed.xlsx", .legacyXLS, "save it as Excel Workbook (.xlsx)"),
    ("ods-renamed.xlsx", .openDocument, "OpenDocument"),
    ("numbers-renamed.xlsx", .appleNumbers, "Numbers"),
    ("duplicate-entries.xlsx", .damagedArchive, "two entries named xl/worksheets/sheet1.xml"),
  ])
  func filesThatAreNotWorkbooksSayWhatTheyAre(name: String, kind: XLSXError.Kind, phrase: String)
    throws
  {
    let error = try #require(failure(name))
    #expect(error.kind == kind)
    #expect(error.description.contains(phrase), "\(error)")
    #expect(error.description.hasPrefix("bad/\(name): "))
    #expect(!error.description.contains("\n"))
  }

  @Test(arguments: [
    (
      "missing-workbook.xlsx", XLSXError.Kind.missingPart, "xl/workbook.xml",
      "workbook part is missing"
    ),
    ("missing-sheet.xlsx", .missingPart, "xl/worksheets/sheet2.xml", "sheet \"欠落\" is missing"),
    ("malformed-sheet.xlsx", .malformedXML, "xl/worksheets/sheet1.xml", "not well-formed"),
    ("malformed-sst.xlsx", .malformedXML, "xl/sharedStrings.xml", "not well-formed"),
    ("invalid-utf8.xlsx", .malformedXML, "xl/sharedStrings.xml", "UTF-8"),
    ("doctype-xxe.xlsx", .forbiddenDTD, "xl/sharedStrings.xml", "DOCTYPE"),
    ("doctype-plain.xlsx", .forbiddenDTD, "xl/worksheets/sheet1.xml", "DOCTYPE"),
    ("billion-laughs.xlsx", .forbiddenDTD, "xl/worksheets/sheet1.xml", "DOCTYPE"),
    ("deep-nesting.xlsx", .limitExceeded(.nestingDepth), "xl/worksheets/sheet1.xml", "nested"),
    ("encrypted-zip-entry.xlsx", .encrypted, "xl/worksheets/sheet1.xml", "encrypted"),
    ("rels-cycle.xlsx", .malformedXML, "xl/workbook.xml", "not a worksheet"),
    ("sheet-crc-mismatch.xlsx", .damagedArchive, "xl/worksheets/sheet1.xml", "checksum"),
  ])
  func damagedPartsAreNamed(name: String, kind: XLSXError.Kind, part: String, phrase: String) throws
  {
    let error = try #require(failure(name))
    #expect(error.kind == kind)
    #expect(error.part == part)
    #expect(error.description.contains(phrase), "\(error)")
    #expect(!error.description.contains("\n"))
  }

  @Test(arguments: [
    ("sst-index-out-of-range.xlsx", "B1", "index 99 is out of range (the table has 2 strings)"),
    ("sst-index-negative.xlsx", "A1", "shared-string index \"-1\""),
    ("cell-ref-out-of-range.xlsx", "XFE1", "beyond XFD1048576"),
    ("bad-cell-ref.xlsx", "1A", "malformed"),
    ("number-not-a-number.xlsx", "A1", "\"abc\" is not a number"),
  ])
  func badCellsAreNamedBySheetAndCell(name: String, cell: String, phrase: String) throws {
    let error = try #require(failure(name))
    #expect(error.kind == .invalidCell)
    #expect(error.sheet == "KPI")
    #expect(error.cell == cell)
    #expect(error.description.contains(phrase), "\(error)")
  }

  /// libxml2 goes on to the end of a part after its first error; the error reported is the
  /// cause, where it is, not what follows from it ("Premature end of data").
  @Test func malformedXMLIsReportedByItsFirstError() throws {
    let sheet = try #require(failure("malformed-sheet.xlsx"))
    #expect(sheet.description.contains("Opening and ending tag mismatch: c line 2 and row"))
    #expect(sheet.line == 2)
    let strings = try #require(failure("malformed-sst.xlsx"))
    #expect(strings.description.contains("Opening and ending tag mismatch: t line 2 and si"))
    // Bytes the declared encoding cannot decode: the sentence alone, no consequence quoted.
    let encoding = try #require(failure("wrong-encoding.xlsx"))
    #expect(!encoding.description.contains("Premature end"), "\(encoding)")
  }

  /// A checksum is checked after the part's last byte: the rows come first, every one, as
  /// they would from a part streamed to its end, then the error.
  @Test func aBadChecksumComesAfterTheRows() throws {
    let workbook = try Fixture.open("bad/sheet-crc-mismatch.xlsx")
    var rows = 0
    #expect(throws: XLSXError.self) {
      try workbook.forEachRow(in: workbook.sheets[0]) { _ in rows += 1 }
    }
    #expect(rows == 40)
  }

  @Test func rowsBeyondTheLastAreRefused() throws {
    let error = try #require(failure("row-out-of-range.xlsx"))
    #expect(error.kind == .invalidCell)
    #expect(error.description.contains("1048577"))
  }

  @Test func anEntityIsNeverResolved() throws {
    // Even if the DOCTYPE check were gone, nothing of /etc/passwd may reach a cell.
    let error = try #require(failure("doctype-xxe.xlsx"))
    #expect(!error.description.contains("root:"))
  }

  @Test func aPathTraversalEntryIsIgnored() throws {
    let workbook = try Fixture.open("bad/zip-path-traversal.xlsx")
    let facts = try Fixture.facts(workbook, sheet: workbook.sheets[0].name)
    expectFacts(facts, ["A1 string \"観光客数\"", "B1 number 8016"])
  }

  @Test func aPackageWithoutRelationshipsFallsBackToTheUsualWorkbookPart() throws {
    // Excel repairs such a file; reading it is kinder than refusing it.
    let workbook = try Fixture.open("bad/missing-rels.xlsx")
    #expect(!workbook.sheets.isEmpty)
  }

  @Test func limitsAreEnforcedAndNamed() throws {
    var limits = ReaderLimits()
    limits.cellsPerSheet = 3
    let workbook = try Fixture.open("openpyxl-basic.xlsx", limits: limits)
    #expect(throws: XLSXError.self) { try workbook.forEachRow(in: workbook.sheets[0]) { _ in } }
    do {
      try workbook.forEachRow(in: workbook.sheets[0]) { _ in }
    } catch let error as XLSXError {
      #expect(error.kind == .limitExceeded(.cellsPerSheet))
      #expect(error.sheet == "KPI")
    }

    limits = ReaderLimits()
    limits.sharedStringBytes = 10
    #expect {
      _ = try Fixture.open("xlsxwriter-basic.xlsx", limits: limits)
    } throws: { ($0 as? XLSXError)?.kind == .limitExceeded(.sharedStringBytes) }

    limits = ReaderLimits()
    limits.archiveEntries = 3
    #expect {
      _ = try Fixture.open("xlsxwriter-basic.xlsx", limits: limits)
    } throws: { ($0 as? XLSXError)?.kind == .limitExceeded(.archiveEntries) }

    limits = ReaderLimits()
    limits.partBytes = 100
    #expect {
      _ = try Fixture.open("xlsxwriter-basic.xlsx", limits: limits)
    } throws: { ($0 as? XLSXError)?.kind == .limitExceeded(.partBytes) }
  }

  @Test func aMissingFileCannotBeOpened() throws {
    #expect {
      _ = try XLSXWorkbook(path: "/nonexistent/dept.xlsx")
    } throws: { ($0 as? XLSXError)?.kind == .cannotOpen }
  }
}

/// Archive and part oddities: zip64, a folder for a part, a million empty rows, a 100 MB
/// shared-string table, date-system hints written as words.
@Suite struct ArchiveOdditiesTests {
  @Test func zip64ArchivesRead() throws {
    let workbook = try Fixture.open("bad/zip64.xlsx")
    expectFacts(
      try Fixture.facts(workbook, sheet: "KPI"), ["A1 string \"観光客数\"", "B1 number 8016"])
  }

  @Test func aFolderWhereAPartShouldBeIsNamed() throws {
    #expect {
      _ = try Fixture.open("bad/part-is-folder.xlsx")
    } throws: { error in
      guard let error = error as? XLSXError else { return false }
      return error.part == "xl/worksheets/sheet1.xml" && error.description.contains("folder")
    }
  }

  @Test func aMillionEmptyRowsStreamBy() throws {
    let workbook = try Fixture.open("bad/million-empty-rows.xlsx")
    expectFacts(try Fixture.facts(workbook, sheet: "KPI"), ["A1000001 number 7"])
  }

  @Test func aHundredMegabyteStringTableNeedsItsLimitRaised() throws {
    #expect {
      _ = try Fixture.open("bad/sst-100mb.xlsx")
    } throws: { ($0 as? XLSXError)?.kind == .limitExceeded(.sharedStringBytes) }
    var limits = ReaderLimits()
    limits.sharedStringBytes = 200_000_000
    let workbook = try Fixture.open("bad/sst-100mb.xlsx", limits: limits)
    #expect(workbook.sharedStrings.count == 100_000)
    let facts = try Fixture.facts(workbook, sheet: "KPI")
    #expect(facts.count == 1)
    #expect(facts.first?.hasPrefix("A1 string \"000000aaa") == true)
  }

  @Test func date1904WrittenAsAWord() throws {
    let workbook = try Fixture.open("bad/date1904-true.xlsx")
    #expect(workbook.uses1904)
    expectFacts(try Fixture.facts(workbook, sheet: "KPI"), ["A1 date \"2016-03-31\" fmt=yyyy/m/d"])
  }
}

/// The package relationships (`_rels/.rels`) are read once, under the caller's limits like
/// every other part.
@Suite struct PackageRelationshipsTests {
  @Test func theCallersLimitsApplyToThePackageRelationships() throws {
    var limits = ReaderLimits()
    limits.nestingDepth = 1
    let error = try #require(
      throws: XLSXError.self,
      performing: { try Fixture.open("openpyxl-basic.xlsx", limits: limits) })
    #expect(error.kind == .limitExceeded(.nestingDepth))
    #expect(error.part == "_rels/.rels")
  }
}
