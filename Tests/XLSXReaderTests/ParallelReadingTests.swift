import Foundation
import Testing

@testable import XLSXReader

/// Sheets cut into fragments and parsed on several threads must read exactly as the whole
/// part read on one thread: the same rows, cells, formats, formulas, merges and counts — or
/// the same error after the same rows. Fragments are made tiny so that every fixture is cut
/// in many places, including inside comments, instructions, CDATA and shared-formula runs.
@Suite struct ParallelReadingTests {
  /// What one pass over a sheet produced.
  private struct Pass: Equatable {
    var rows: [String] = []
    var scan: String?
    var error: String?
  }

  /// Records where two passes first differ (a whole pass printed is thousands of lines).
  private static func expectSame(
    _ cut: Pass, _ whole: Pass, _ context: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    guard cut != whole else { return }
    let row = zip(cut.rows, whole.rows).enumerated().first { $0.element.0 != $0.element.1 }?.offset
    let detail =
      if let row { "row \(row): \(cut.rows[row]) ≠ \(whole.rows[row])" } else {
        "rows \(cut.rows.count) ≠ \(whole.rows.count); scan \(cut.scan ?? "-") ≠ \(whole.scan ?? "-"); error \(cut.error ?? "-") ≠ \(whole.error ?? "-")"
      }
    Issue.record("\(context): cut read differs: \(detail)", sourceLocation: sourceLocation)
  }

  private static let tunings: [CutTuning] = [
    .init(fragmentBytes: 16, threadCount: 2),
    .init(fragmentBytes: 300, threadCount: 2),
    .init(fragmentBytes: 4096, threadCount: 3),
    // Small limits: the head and the unbroken run are given up on, and the read falls back.
    .init(fragmentBytes: 64, threadCount: 2, headLimit: 100, unbrokenLimit: 2000),
  ]

  private static func pass(
    _ path: String, sheet index: Int, tuning: CutTuning
  ) throws -> (Pass, fragments: Int) {
    let workbook = try XLSXWorkbook(
      path: path, displayName: (path as NSString).lastPathComponent, limits: ReaderLimits(),
      tuning: tuning)
    var pass = Pass()
    do {
      let scan = try workbook.forEachRow(in: workbook.sheets[index]) { row in
        pass.rows.append("\(row.index): " + row.cells.map(Fixture.fact).joined(separator: " | "))
      }
      pass.scan =
        "\(scan.cellCount) cells, last \(String(describing: scan.lastRow)) \(String(describing: scan.lastColumn)), merges \(scan.merges)"
    } catch {
      pass.error = "\(error)"
    }
    return (pass, workbook.fragmentsParsed)
  }

  /// Fixtures small enough to cut into 16-byte fragments quickly; workbooks that cannot be
  /// opened at all are left to BadInputTests.
  private static var fixtures: [String] {
    let folder = (Fixture.path("raw-fragments.xlsx") as NSString).deletingLastPathComponent
    let names =
      ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
      .map { "\(folder)/\($0)" }
      + ((try? FileManager.default.contentsOfDirectory(atPath: "\(folder)/bad")) ?? [])
      .map { "\(folder)/bad/\($0)" }
    return names.filter { path in
      guard path.hasSuffix(".xlsx"),
        let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int
      else { return false }
      return size < 200_000 && (try? XLSXWorkbook(path: path)) != nil
    }.sorted()
  }

  @Test func everyFixtureReadsTheSameCutIntoFragments() throws {
    let paths = Self.fixtures
    #expect(paths.count >= 20, "\(paths)")
    for path in paths {
      let sheets = try XLSXWorkbook(path: path).sheets.count
      for sheet in 0..<sheets {
        let (whole, _) = try Self.pass(path, sheet: sheet, tuning: .init(threadCount: 1))
        for tuning in Self.tunings {
          let (cut, _) = try Self.pass(path, sheet: sheet, tuning: tuning)
          Self.expectSame(
            cut, whole, "\(path) sheet \(sheet), fragments of \(tuning.fragmentBytes) bytes")
        }
      }
    }
  }

  @Test func plainSheetIsReallyParsedInFragments() throws {
    let path = Fixture.path("raw-fragments.xlsx")
    let (whole, _) = try Self.pass(path, sheet: 1, tuning: .init(threadCount: 1))
    let (cut, fragments) = try Self.pass(
      path, sheet: 1, tuning: .init(fragmentBytes: 4096, threadCount: 2))
    Self.expectSame(cut, whole, "plain")
    #expect(whole.rows.count == 3000)
    #expect(whole.scan == "13000 cells, last Optional(2999) Optional(4), merges [D1:F2]")
    // ~190 KB of XML in 4 KiB fragments: nothing made the read fall back.
    #expect(fragments > 30)
  }

  @Test func sharedFormulasWhoseMasterIsInAnEarlierFragmentAreFilledIn() throws {
    let path = Fixture.path("raw-fragments.xlsx")
    let (whole, _) = try Self.pass(path, sheet: 2, tuning: .init(threadCount: 1))
    let (cut, fragments) = try Self.pass(
      path, sheet: 2, tuning: .init(fragmentBytes: 500, threadCount: 2))
    #expect(fragments > 10, "the read fell back instead of filling the formulas in")
    Self.expectSame(cut, whole, "formulas")
    #expect(cut.rows[400].contains("C401 number 1203 formula=A401+B401"), "\(cut.rows[400])")
    #expect(cut.rows[100].hasSuffix("formula=A101*10"), "\(cut.rows[100])")
    // si="1" has a second master at D251: cells below it follow the later one.
    #expect(cut.rows[499].hasSuffix("formula=$A$1-B500"), "\(cut.rows[499])")
  }

  @Test func sharedFormulaChildrenFarFromTheirMasterAreTranslated() throws {
    let path = Fixture.path("raw-fragments.xlsx")
    let (cut, _) = try Self.pass(path, sheet: 0, tuning: .init(fragmentBytes: 200, threadCount: 2))
    #expect(cut.error == nil)
    #expect(cut.rows.count == 400)
    #expect(cut.rows[399].hasSuffix("C400 number 1200 formula=B400*2"), "\(cut.rows[399])")
    #expect(cut.rows[76].contains("B77 number 42"), "\(cut.rows[76])")
  }

  @Test func errorsInALaterFragmentComeAfterTheSameRows() throws {
    // number-not-a-number.xlsx and friends fail in the middle of a sheet: the cut read must
    // deliver exactly the rows before the failing cell, then the same error.
    for name in ["number-not-a-number.xlsx", "sst-index-out-of-range.xlsx", "malformed-sheet.xlsx"]
    {
      let path = Fixture.path("bad/\(name)")
      let (whole, _) = try Self.pass(path, sheet: 0, tuning: .init(threadCount: 1))
      let (cut, _) = try Self.pass(path, sheet: 0, tuning: .init(fragmentBytes: 16, threadCount: 2))
      #expect(whole.error != nil, "\(name)")
      Self.expectSame(cut, whole, name)
    }
  }

  @Test func anErrorFromTheCallerStopsTheReadAndIsRethrown() throws {
    struct Stop: Error {}
    let workbook = try Fixture.open("raw-fragments.xlsx")
    workbook.parallelTuning = .init(fragmentBytes: 1024, threadCount: 2)
    var seen = 0
    #expect(throws: Stop.self) {
      try workbook.forEachRow(in: workbook.sheets[1]) { _ in
        seen += 1
        if seen == 500 { throw Stop() }
      }
    }
    #expect(seen == 500)
    // The workbook is still usable: the threads were joined and the archive released.
    let scan = try workbook.forEachRow(in: workbook.sheets[1]) { _ in }
    #expect(scan.cellCount == 13000)
  }

  /// Every string of the table, in order.
  private static func strings(_ workbook: XLSXWorkbook) -> [String] {
    (0..<workbook.sharedStrings.count).map { workbook.sharedStrings.string(at: $0) ?? "<none>" }
  }

  /// What opening `path` with `tuning` gives: the table's strings, or the error.
  private static func opened(
    _ path: String, tuning: CutTuning, limits: ReaderLimits = ReaderLimits()
  ) -> (strings: [String]?, error: String?) {
    do {
      let workbook = try XLSXWorkbook(
        path: path, displayName: (path as NSString).lastPathComponent, limits: limits,
        tuning: tuning)
      return (strings(workbook), nil)
    } catch {
      return (nil, "\(error)")
    }
  }

  @Test func everyStringTableReadsTheSameCutIntoFragments() throws {
    for path in Self.fixtures {
      let whole = try XLSXWorkbook(
        path: path, displayName: nil, limits: .init(), tuning: .init(threadCount: 1))
      for tuning in Self.tunings {
        let cut = try XLSXWorkbook(path: path, displayName: nil, limits: .init(), tuning: tuning)
        #expect(
          Self.strings(cut) == Self.strings(whole),
          "\(path): fragments of \(tuning.fragmentBytes) bytes")
      }
    }
  }

  @Test func largeStringTableIsReallyParsedInFragments() throws {
    let path = Fixture.path("raw-fragments.xlsx")
    let whole = try XLSXWorkbook(
      path: path, displayName: nil, limits: .init(), tuning: .init(threadCount: 1))
    let cut = try XLSXWorkbook(
      path: path, displayName: nil, limits: .init(),
      tuning: .init(fragmentBytes: 1024, threadCount: 2))
    #expect(whole.sharedStringFragments == 0)
    // ~21 KB of XML in 1 KiB fragments: nothing made the read fall back.
    #expect(cut.sharedStringFragments > 10)
    let strings = Self.strings(cut)
    #expect(strings == Self.strings(whole))
    #expect(strings.count == 305)
    #expect(Array(strings[0..<5]) == ["事業名", "実績値", "観光客数", "ブランド化したガラス商品数", "販売額"])
    #expect(
      Array(strings[6..<13]) == [
        "観光 客数1 ", "来客数2", "行3\r二行目_x0041_", "<販売額> & 4円", "", "  前後に空白 6  ",
        "ブランド化したガラス商品数7",
      ])
    #expect(strings[304] == "行299\r二行目_x0041_")
  }

  @Test func openingErrorsAreTheSameCutOrWhole() throws {
    let folder = (Fixture.path("raw-fragments.xlsx") as NSString).deletingLastPathComponent + "/bad"
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter {
      // Those two bombs are sheets; the 100 MB table takes seconds to open (it comes below).
      $0.hasSuffix(".xlsx") && !$0.hasPrefix("sheet-bomb") && !$0.hasPrefix("million")
        && $0 != "sst-100mb.xlsx"
    }
    var failures = 0
    for name in names.sorted() {
      let path = "\(folder)/\(name)"
      let whole = Self.opened(path, tuning: .init(threadCount: 1))
      if whole.error != nil { failures += 1 }
      // Tiny fragments for the small files; the bombs and the 100 MB table in larger ones.
      let size = (try FileManager.default.attributesOfItem(atPath: path))[.size] as? Int ?? 0
      for fragmentBytes in size < 200_000 ? [64, 4096] : [256 << 10] {
        let cut = Self.opened(path, tuning: .init(fragmentBytes: fragmentBytes, threadCount: 2))
        #expect(cut.error == whole.error, "\(name)")
        #expect(cut.strings == whole.strings, "\(name)")
      }
    }
    #expect(failures > 10)
    // The table's total size limit, which only the joined table can see.
    var limits = ReaderLimits()
    limits.sharedStringBytes = 100_000
    let path = "\(folder)/sst-100mb.xlsx"
    let whole = Self.opened(path, tuning: .init(threadCount: 1), limits: limits)
    let cut = Self.opened(path, tuning: .init(fragmentBytes: 4096, threadCount: 2), limits: limits)
    #expect(whole.error?.contains("100000 bytes") == true, "\(whole.error ?? "opened")")
    #expect(cut.error == whole.error)
  }

  @Test func headScannerFindsTheStringTableAndItsPrefix() throws {
    let xml = Array(
      """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <x:sst xmlns:x="urn:x" count="2" uniqueCount="2"><x:si><x:t>a</x:t></x:si>
      """.utf8)
    guard
      case .found(let head) = xml.withUnsafeBufferPointer({
        PartHead.scan($0, shape: .sharedStrings)
      })
    else {
      Issue.record("head not found")
      return
    }
    #expect(String(decoding: head.closing, as: UTF8.self) == "</x:sst>")
    #expect(String(decoding: head.itemEnd, as: UTF8.self) == "</x:si>")
    #expect(String(decoding: head.bytes, as: UTF8.self).hasSuffix("uniqueCount=\"2\">"))
    // An empty table has no head to cut under.
    let empty = Array("<sst xmlns=\"urn:x\" count=\"0\"/>".utf8)
    guard
      case .needMore = empty.withUnsafeBufferPointer({ PartHead.scan($0, shape: .sharedStrings) })
    else {
      Issue.record("an empty table has a head")
      return
    }
  }

  @Test func headScannerFindsSheetDataAndItsPrefix() throws {
    let xml = Array(
      """
      \u{FEFF}<?xml version="1.0" encoding="UTF-8"?>
      <!-- <x:sheetData> in a comment is not it -->
      <x:worksheet xmlns:x="urn:x" a='>'><x:sheetPr/><x:cols><x:col min="1"/></x:cols><x:sheetData><x:row>
      """.utf8)
    guard case .found(let head) = xml.withUnsafeBufferPointer({ PartHead.scan($0) }) else {
      Issue.record("head not found")
      return
    }
    #expect(String(decoding: head.closing, as: UTF8.self) == "</x:sheetData></x:worksheet>")
    #expect(String(decoding: head.itemEnd, as: UTF8.self) == "</x:row>")
    #expect(String(decoding: head.bytes, as: UTF8.self).hasSuffix("<x:sheetData>"))

    for refused in [
      "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><worksheet><sheetData>",
      "<!DOCTYPE worksheet><worksheet><sheetData>",
      "<worksheet><a></b><sheetData>",
      "<worksheet><mergeCells><mergeCell ref=\"A1:B2\"/></mergeCells><sheetData>",
    ] {
      let bytes = Array(refused.utf8)
      guard case .unsupported = bytes.withUnsafeBufferPointer({ PartHead.scan($0) }) else {
        Issue.record("not refused: \(refused)")
        continue
      }
    }
    let partial = Array("<worksheet><sheetDa".utf8)
    guard case .needMore = partial.withUnsafeBufferPointer({ PartHead.scan($0) }) else {
      Issue.record("a partial head is not complete")
      return
    }
  }
}
