import Foundation
import Testing

/// The second red-team round (issue #16, item 6) through the commands: hostile mapping files
/// and profiles, values that must not pass in silence, and text that must not reach the
/// terminal raw. The fixtures are Tests/XLSXReaderTests/Fixtures/bad/hostile-*, made by
/// Scripts/make-hostile-fixtures.py; what was tried and held up is listed in
/// docs/hostile-inputs.md.
@Suite struct HostileInputRoundTwoTests {
  private static let base = Command.fixture("hostile/hostile-kpi-base.xlsx")

  @Test(arguments: [
    (
      "hostile-mapping-laughs.yaml",
      "line 5: YAML anchors (&) and aliases (*) are not accepted here; write the value out, or quote text that begins with & or *"
    ),
    (
      "hostile-mapping-alias-key.yaml",
      "line 2: YAML anchors (&) and aliases (*) are not accepted here; write the value out, or quote text that begins with & or *"
    ),
    (
      "hostile-mapping-not-utf8.yaml",
      "line 1: is not UTF-8 text (saved as Shift_JIS?); save it as UTF-8"
    ),
    ("hostile-mapping-list.yaml", "is not a mapping of keys to values (it holds a list)"),
    ("hostile-mapping-duplicate-key.yaml", "line 1: the key sheet is given twice"),
  ])
  func aHostileMappingFileIsRefusedAtOnce(name: String, message: String) throws {
    let mapping = Command.fixture("hostile/\(name)")
    let start = ContinuousClock.now
    let result = try Command.run(["extract", Self.base, "--mapping", mapping])
    #expect(result.status == 65)
    #expect(result.stderrLines == ["\(mapping): mapping file: \(message)"])
    #expect(result.stdout.isEmpty)
    // The aliases took exponential time: minutes for a few lines.
    #expect(ContinuousClock.now - start < .seconds(20))
  }

  @Test(arguments: [
    ("years: x\nheader-row: 5", "line 4: years must be a list"),
    (
      "years: [{year: R3, target: F}]\nheader-row: 5.5", "line 5: header-row must be a whole number"
    ),
    (
      "years: [{year: R3, target: F}]\nheader-row: 5\nlast-row: 3",
      "last-row (3) must come after header-row (5)"
    ),
  ])
  func aCarelessMappingFileSaysWhatAKeyTakes(tail: String, message: String) throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let mapping = folder.appendingPathComponent("m.yaml")
    let head = "sheet: 地域再生計画KPI\nlayout: wide\ncolumns: {project: B, kpi: C}\n"
    try Data((head + tail + "\n").utf8).write(to: mapping)
    let result = try Command.run(["extract", Self.base, "--mapping", mapping.path])
    #expect(result.status == 65)
    // Yams' own words were "Expected to decode Int but found Scalar instead".
    #expect(result.stderrLines == ["\(mapping.path): mapping file: \(message)"])
  }

  @Test func ampersandsAndAsterisksThatAreTextAreRead() throws {
    let result = try Command.run([
      "extract", Command.fixture("hostile/hostile-kpi-ampersand.xlsx"), "--mapping",
      Command.fixture("hostile/hostile-mapping-ampersand.yaml"),
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdoutText.contains("\"移住相談件数\""))
    #expect(result.stdoutText.contains("\"R&D *1!G6\""), "\(result.stdoutText.prefix(1500))")
  }

  @Test func aHugeOrEndlessMappingFileIsNotRead() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let big = folder.appendingPathComponent("big.yaml")
    let text = Data(("sheet: KPI\n# " + String(repeating: "x", count: 2 << 20) + "\n").utf8)
    try text.write(to: big)
    let result = try Command.run(["extract", Self.base, "--mapping", big.path])
    #expect(result.status == 65)
    #expect(
      result.stderrLines == [
        "\(big.path): mapping file: is \(text.count) bytes, more than the 1048576 a YAML file here may have"
      ])
    // A device never ends: it is no file to read (exit 66), and nothing blocks.
    let device = try Command.run(["extract", Self.base, "--mapping", "/dev/zero"])
    #expect(device.status == 66)
    #expect(device.stderrLines == ["/dev/zero: mapping file: is not a regular file"])
  }

  @Test(arguments: [
    (
      "hostile-profile-laughs.yaml",
      "line 3: YAML anchors (&) and aliases (*) are not accepted here; write the value out, or quote text that begins with & or *"
    ),
    (
      "hostile-profile-control.yaml",
      "municipality contains the control character U+1B, which is not text"
    ),
    (
      "hostile-profile-typo.yaml",
      "line 1: unknown key municipalty (the keys are municipality, prefecture, code, department, contact, grant)"
    ),
    (
      "hostile-profile-not-utf8.yaml",
      "line 1: is not UTF-8 text (saved as Shift_JIS?); save it as UTF-8"
    ),
  ])
  func aHostileProfileIsRefusedAndNothingIsWritten(name: String, message: String) throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let profile = Command.fixture("hostile/\(name)")
    let output = folder.appendingPathComponent("report.xlsx").path
    let result = try Command.run(["convert", Self.base, "-o", output, "--profile", profile])
    #expect(result.status == 65)
    #expect(result.stderrLines == ["\(profile): profile file: \(message)"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func aLongFactIsRefusedNamingItsSource() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let name = String(repeating: "あ", count: 40_000)
    let profile = folder.appendingPathComponent("profile.yaml")
    try Data("municipality: \(name)\n".utf8).write(to: profile)
    let output = folder.appendingPathComponent("report.xlsx").path
    let fromProfile = try Command.run([
      "convert", Self.base, "-o", output, "--profile", profile.path,
    ])
    #expect(fromProfile.status == 65)
    #expect(
      fromProfile.stderrLines == [
        "\(profile.path): profile file: municipality has 40000 characters, more than the 1000 a fact may have"
      ])
    // The report writer failed on it before, naming neither the file nor the key.
    #expect(!fromProfile.stderr.contains("worksheet_merge_range"))
    let fromFlag = try Command.run(["convert", Self.base, "-o", output, "--municipality", name])
    #expect(fromFlag.status == 64)
    #expect(
      fromFlag.stderr.contains(
        "--municipality has 40000 characters, more than the 1000 a fact may have"))
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  @Test func valueCellsThatAreNoNumbersAreErrorsWithTheirPlace() throws {
    let input = Command.fixture("hostile/hostile-kpi-cell-values.xlsx")
    let result = try Command.run(["extract", input])
    #expect(result.status == 65)
    let place = "\(input): sheet \"地域再生計画KPI\", cell"
    let hint = "is not a number; enter a number, optionally with its unit (e.g. 8,016人)"
    #expect(
      result.stderrLines == [
        "\(place) G6: \"#DIV/0!\" \(hint)", "\(place) I6: \"TRUE\" \(hint)",
        "\(place) J6: \"2021-03-31\" \(hint)", "\(input): 3 error(s); nothing was written",
      ])
    #expect(result.stdout.isEmpty)
  }

  @Test func namesThatAreErrorValuesAreErrorsWithTheirPlace() throws {
    let input = Command.fixture("hostile/hostile-kpi-error-names.xlsx")
    let result = try Command.run(["extract", input])
    #expect(result.status == 65)
    let place = "\(input): sheet \"地域再生計画KPI\", cell"
    let failed = "(a formula that failed); correct the formula or type the"
    #expect(
      result.stderrLines == [
        "\(place) B6: the project name is the error value #N/A \(failed) project name",
        "\(place) C7: the KPI name is the error value #REF! \(failed) KPI name",
        "\(place) D8: the unit is the error value #VALUE! \(failed) unit",
        "\(input): 3 error(s); nothing was written",
      ])
    let japanese = try Command.run(["extract", input], environment: ["LANG": "ja_JP.UTF-8"])
    #expect(japanese.status == 65)
    #expect(
      japanese.stderr.contains(
        "セル B6: 事業名がエラー値 #N/A です（数式のエラー）。数式を直すか、事業名を入力してください"),
      "\(japanese.stderr)")
  }

  @Test func cellTextNeverReachesTheTerminalRawNorWhole() throws {
    let input = Command.fixture("hostile/hostile-kpi-escapes.xlsx")
    let result = try Command.run(["extract", input])
    #expect(result.status == 65)
    #expect(!result.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    let lines = result.stderrLines
    #expect(lines.count == 3, "\(lines)")
    #expect(
      lines.first
        == "\(input): sheet \"地域再生計画KPI\", cell G6: \"\\x1B]0;PWNED\\x07\\x1B[31m12,O00\\x1B[0m\" is not a number; enter a number, optionally with its unit (e.g. 8,016人)"
    )
    // 200,000 digits: the place and the reason stay, the middle goes.
    let long = try #require(lines.dropFirst().first)
    #expect(long.hasPrefix("\(input): sheet \"地域再生計画KPI\", cell J6: \"999"))
    #expect(long.hasSuffix("999\" holds two values; enter one value per cell"))
    #expect(long.contains("characters left out)…"))
    #expect(long.count < 1_100)
  }
}
