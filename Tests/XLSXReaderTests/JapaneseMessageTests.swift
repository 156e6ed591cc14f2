import Testing
import XLSXReader

/// Every reader error is told in Japanese too, from the same throw site, with the place in
/// Japanese (`シート "KPI"、セル D12`); the English line stays what it was.
@Suite struct JapaneseMessageTests {
  private func failure(_ name: String, limits: ReaderLimits = ReaderLimits()) throws -> XLSXError {
    do {
      let workbook = try Fixture.open("bad/\(name)", limits: limits)
      for sheet in workbook.sheets { try workbook.forEachRow(in: sheet) { _ in } }
    } catch let error as XLSXError {
      return error
    }
    throw XLSXErrorExpected()
  }

  private struct XLSXErrorExpected: Error {}

  @Test func anEncryptedWorkbookSaysWhatToDoInJapanese() throws {
    let error = try failure("encrypted.xlsx")
    #expect(
      error.description(in: .japanese)
        == "bad/encrypted.xlsx: ブックがパスワードで保護（暗号化）されています。Excel で開いてパスワードを解除し"
        + "（[ファイル] > [情報] > [ブックの保護]）、.xlsx として保存してください")
    #expect(error.description(in: .english) == error.description)
    #expect(error.description.contains("password-protected (encrypted)"))
  }

  @Test func aDamagedArchiveIsNamedInJapanese() throws {
    let error = try failure("truncated.xlsx")
    #expect(
      error.description(in: .japanese)
        == "bad/truncated.xlsx: zip アーカイブが壊れているか、途中で切れています（セントラル ディレクトリを読めません）")
    let duplicate = try failure("duplicate-entries.xlsx")
    #expect(
      duplicate.description(in: .japanese)
        == "bad/duplicate-entries.xlsx: アーカイブに xl/worksheets/sheet1.xml という名前のエントリが 2 つあります")
  }

  @Test func aLimitIsNamedWithItsNumber() throws {
    var limits = ReaderLimits()
    limits.sharedStringBytes = 1000
    let error = try failure("sst-100mb.xlsx", limits: limits)
    #expect(error.kind == .limitExceeded(.sharedStringBytes))
    #expect(
      error.description(in: .japanese)
        == "bad/sst-100mb.xlsx: パーツ xl/sharedStrings.xml: 共有文字列の合計が 1000 バイトを超えています（文字列の内容と 1 個につき 4 バイト）"
    )
  }

  @Test func aDoctypeIsRefusedInJapaneseWithPartAndLine() throws {
    let error = try failure("doctype-plain.xlsx")
    #expect(
      error.location(in: .japanese) == "bad/doctype-plain.xlsx: パーツ xl/worksheets/sheet1.xml、2 行目")
    #expect(error.detail(in: .japanese).hasPrefix("XML に DOCTYPE または実体の宣言があります。"))
    #expect(error.location == "bad/doctype-plain.xlsx: part xl/worksheets/sheet1.xml, line 2")
  }

  @Test func aCellIsPlacedBySheetAndCellInJapanese() throws {
    let error = try failure("number-not-a-number.xlsx")
    #expect(
      error.description(in: .japanese)
        == "bad/number-not-a-number.xlsx: シート \"KPI\"、セル A1: 値 \"abc\" は数値ではありません")
    #expect(
      error.description
        == "bad/number-not-a-number.xlsx: sheet \"KPI\", cell A1: value \"abc\" is not a number")
  }

  /// libxml2 speaks English only: its words are kept, marked as its own, after Japanese.
  @Test func libxml2sOwnWordsAreQuotedAfterTheJapanese() throws {
    let error = try failure("malformed-sheet.xlsx")
    let japanese = error.detail(in: .japanese)
    #expect(japanese.hasPrefix("XML が整形式でないか、バイト列が宣言された文字コードと一致しません（libxml2: "))
  }

  @Test(arguments: [
    "bad-cell-ref.xlsx", "billion-laughs.xlsx", "cell-ref-out-of-range.xlsx", "csv-renamed.xlsx",
    "deep-nesting.xlsx", "doctype-xxe.xlsx", "empty.xlsx", "encrypted-zip-entry.xlsx",
    "invalid-utf8.xlsx", "legacy-renamed.xlsx", "legacy.xls", "malformed-sst.xlsx",
    "missing-sheet.xlsx", "missing-workbook.xlsx", "not-a-zip.xlsx", "numbers-renamed.xlsx",
    "ods-renamed.xlsx", "part-is-folder.xlsx", "rels-cycle.xlsx", "row-out-of-range.xlsx",
    "sst-bomb.xlsx", "sst-index-negative.xlsx", "sst-index-out-of-range.xlsx", "text-renamed.xlsx",
    "wrong-encoding.xlsx",
  ])
  func everyBadFixtureHasAJapaneseDetail(name: String) throws {
    let error = try failure(name)
    let japanese = error.detail(in: .japanese)
    #expect(japanese != error.detail)
    #expect(japanese.unicodeScalars.contains { !$0.isASCII }, "\(japanese)")
    #expect(!japanese.contains("\n"))
  }
}
