import Foundation
import Testing

/// Under a Japanese locale every error the binary prints is Japanese, and the exit code is
/// the one it has in English.
@Suite struct JapaneseMessageTests {
  /// A Japanese locale, whatever the test runner's own LC_* say.
  static let japanese = ["LANG": "ja_JP.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""]
  static let english = ["LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""]

  static var badFixtures: [String] {
    let folder = Command.packageRoot.appendingPathComponent("Tests/XLSXReaderTests/Fixtures/bad")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.sorted().map { folder.appendingPathComponent($0).path }
  }

  /// Lower limits than the defaults, so the bombs fail fast (and still by a limit).
  static let fastLimits = ["--max-part-bytes", "50000000", "--max-shared-string-bytes", "1000000"]

  /// True when `line`, its quoted values and file names aside, holds kana: every Japanese
  /// sentence does, and no English one (a sheet named 欠落 is kanji, and quoted anyway).
  static func isJapanese(_ line: String) -> Bool {
    var text = line
    for path in badFixtures { text = text.replacingOccurrences(of: path, with: "") }
    text = text.replacingOccurrences(of: #""[^"]*""#, with: "", options: .regularExpression)
    return text.unicodeScalars.contains { (0x3040...0x30FF).contains($0.value) }
  }

  @Test func everyBadFixtureIsRefusedInJapaneseWithTheSameExitCode() throws {
    let fixtures = Self.badFixtures
    #expect(fixtures.count > 30)
    let text = try Command.run(
      ["validate"] + fixtures + Self.fastLimits, environment: Self.japanese)
    #expect(text.status == 65)
    #expect(text.stderrLines.count == fixtures.count, "\(text.stderr)")
    for line in text.stderrLines {
      #expect(Self.isJapanese(line), "English under LANG=ja_JP.UTF-8: \(line)")
    }

    // Per input, the same code and a different message in each language.
    func problems(_ environment: [String: String]) throws -> [[String: Any]] {
      let run = try Command.run(
        ["validate", "--format", "json"] + fixtures + Self.fastLimits, environment: environment)
      #expect(run.status == 65)
      let files = try #require((try run.json() as? [String: Any])?["files"] as? [[String: Any]])
      return try files.map { try #require(($0["problems"] as? [[String: Any]])?.first) }
    }
    let inJapanese = try problems(Self.japanese)
    let inEnglish = try problems(Self.english)
    #expect(inJapanese.count == fixtures.count)
    for (japanese, english) in zip(inJapanese, inEnglish) {
      #expect(japanese["code"] as? String == english["code"] as? String)
      #expect(japanese["message"] as? String != english["message"] as? String)
    }
  }

  @Test func anEncryptedWorkbookExits65InJapanese() throws {
    let result = try Command.run(
      ["extract", Command.fixture("bad/encrypted.xlsx")], environment: Self.japanese)
    Snapshot.expect(result, matches: "japanese-encrypted.txt")
  }

  @Test func aLimitNamesItsFlagInJapanese() throws {
    let result = try Command.run(
      ["extract", Command.fixture("bad/sst-100mb.xlsx"), "--max-shared-string-bytes", "1000"],
      environment: Self.japanese)
    #expect(result.status == 65)
    #expect(
      result.stderr == Command.fixture("bad/sst-100mb.xlsx")
        + ": パーツ xl/sharedStrings.xml: 共有文字列の合計が 1000 バイトを超えています"
        + "（文字列の内容と 1 個につき 4 バイト）（--max-shared-string-bytes で上限を引き上げられます）\n")
  }

  @Test func aMissingFileExits66InJapanese() throws {
    let result = try Command.run(["extract", "/nonexistent/dept.xlsx"], environment: Self.japanese)
    #expect(result.status == 66)
    #expect(result.stderr == "/nonexistent/dept.xlsx: ファイルがありません\n")
  }

  @Test func anOutputThatIsAnInputExits73InJapanese() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("dept.xlsx").path
    try FileManager.default.copyItem(
      atPath: ExtractCommandTests.sample("dept-flat.xlsx"), toPath: input)
    let result = try Command.run(
      ["convert", input, "-o", input, "--force"], environment: Self.japanese)
    #expect(result.status == 73)
    Snapshot.expect(result, matches: "japanese-output-is-input.txt", scratch: folder)
  }

  @Test func aBadMappingFileExits65InJapanese() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let mapping = folder.appendingPathComponent("bad.yaml")
    try "layout: flat\nheader-row: 1\ncolumns: {kpi: 3C, year: D, target: E}\n".write(
      to: mapping, atomically: true, encoding: .utf8)
    let result = try Command.run(
      ["extract", ExtractCommandTests.sample("dept-flat.xlsx"), "--mapping", mapping.path],
      environment: Self.japanese)
    #expect(result.status == 65)
    #expect(
      result.stderr == "\(mapping.path): マッピング ファイル: \"3C\" は列を表す英字（A～XFD）ではありません\n")
  }

  @Test func aBadRecordsFileExits65InJapanese() throws {
    let json = #"{"format": "kpisheet-records", "version": 1, "projects": [{"name": "a"}]}"#
    let result = try Command.run(
      ["extract", "-"], stdin: Data(json.utf8), environment: Self.japanese)
    #expect(result.status == 65)
    #expect(result.stderr == "<stdin>: レコード JSON の projects[0].years: 必須の項目がありません\n")
  }

  /// Our own checks of the options speak Japanese; the exit code is 64 either way.
  @Test func anOptionOutOfRangeIsAUsageErrorInJapanese() throws {
    let year = try Command.run(
      ["convert", "a.xlsx", "-o", "b.xlsx", "--fiscal-year", "12"], environment: Self.japanese)
    Snapshot.expect(year, matches: "japanese-fiscal-year-usage.txt")
    let limit = try Command.run(
      ["validate", "a.xlsx", "--max-part-bytes", "0"], environment: Self.japanese)
    Snapshot.expect(limit, matches: "japanese-limit-usage.txt")
  }

  /// The argument parser's own errors (an unknown flag, a missing argument) keep its English
  /// text, as its usage lines and help do; what scripts rely on, exit 64, holds.
  @Test func theArgumentParsersOwnErrorsExit64() throws {
    let unknown = try Command.run(["validate", "--bogus", "a.xlsx"], environment: Self.japanese)
    Snapshot.expect(unknown, matches: "usage-unknown-option.txt")
    let missing = try Command.run(["convert", "-o", "b.xlsx"], environment: Self.japanese)
    Snapshot.expect(missing, matches: "usage-missing-argument.txt")
  }
}
