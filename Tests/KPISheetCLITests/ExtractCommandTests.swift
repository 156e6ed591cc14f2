import Foundation
import Testing

/// `kpisheet extract` and `validate`, run as a user runs them.
@Suite struct ExtractCommandTests {
  static func sample(_ name: String) -> String {
    Command.packageRoot.appendingPathComponent("samples/\(name)").path
  }

  /// A fresh empty folder for outputs.
  static func scratchFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kpisheet-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test(arguments: ["sanyo-onoda", "dept-flat", "dept-wide"])
  func extractPrintsTheExpectedRecords(name: String) throws {
    let result = try Command.run(["extract", Self.sample("\(name).xlsx")])
    #expect(result.status == 0, "\(result.stderr)")
    let ours = try #require(try result.json() as? NSDictionary)
    let expected = try #require(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: Self.sample("\(name).expected.json"))))
        as? NSDictionary)
    #expect(Self.withoutNulls(ours) == Self.withoutNulls(expected))
    // And the exact bytes and messages, as records JSON is written today.
    Snapshot.expect(result, matches: "extract-\(name).txt")
  }

  /// Absent and null are the same in records (records.md): compare without nulls.
  static func withoutNulls(_ value: Any) -> NSObject {
    switch value {
    case let dictionary as [String: Any]:
      var copy: [String: NSObject] = [:]
      for (key, item) in dictionary where !(item is NSNull) { copy[key] = withoutNulls(item) }
      return copy as NSDictionary
    case let array as [Any]:
      return array.map(withoutNulls) as NSArray
    default:
      return value as? NSObject ?? NSNull()
    }
  }

  @Test func extractReadsRecordsJSONAndStandardInput() throws {
    let json = try Data(contentsOf: URL(fileURLWithPath: Self.sample("sanyo-onoda.expected.json")))
    let piped = try Command.run(["extract", "-"], stdin: json)
    #expect(piped.status == 0, "\(piped.stderr)")
    let fromFile = try Command.run(["extract", Self.sample("sanyo-onoda.expected.json")])
    #expect(piped.stdout == fromFile.stdout)
    let workbook = try Data(contentsOf: URL(fileURLWithPath: Self.sample("dept-wide.xlsx")))
    let pipedWorkbook = try Command.run(["extract", "-"], stdin: workbook)
    #expect(pipedWorkbook.status == 0)
    let workbookFromFile = try Command.run(["extract", Self.sample("dept-wide.xlsx")])
    #expect(pipedWorkbook.stdout == workbookFromFile.stdout)
    #expect(pipedWorkbook.stderr == workbookFromFile.stderr)
  }

  @Test func extractWritesAFileOnlyWhenAllowed() throws {
    let folder = try Self.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("records.json").path
    let first = try Command.run(["extract", Self.sample("dept-flat.xlsx"), "-o", output])
    #expect(first.status == 0)
    #expect(first.stdout.isEmpty)
    #expect(FileManager.default.fileExists(atPath: output))
    let again = try Command.run(["extract", Self.sample("dept-flat.xlsx"), "-o", output])
    Snapshot.expect(again, matches: "extract-existing-output.txt", scratch: folder)
    let forced = try Command.run([
      "extract", Self.sample("dept-wide.xlsx"), "-o", output, "--force",
    ])
    #expect(forced.status == 0)
    let printed = try Command.run(["extract", Self.sample("dept-wide.xlsx")])
    #expect(try Data(contentsOf: URL(fileURLWithPath: output)) == printed.stdout)
    let overInput = try Command.run([
      "extract", Self.sample("dept-wide.xlsx"), "-o", Self.sample("dept-wide.xlsx"), "--force",
    ])
    Snapshot.expect(overInput, matches: "extract-output-is-input.txt")
    // Nothing but the one output was left in the folder (no temporary files).
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["records.json"])
  }

  @Test func aFailedExtractLeavesNoOutput() throws {
    let folder = try Self.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("records.json").path
    let result = try Command.run(["extract", Command.fixture("bad/encrypted.xlsx"), "-o", output])
    Snapshot.expect(result, matches: "extract-encrypted.txt")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func aWorkbookWithoutAKPITableSaysWhatWasTried() throws {
    let path = Command.fixture("xlsxwriter-inline.xlsx")
    let result = try Command.run(["extract", path])
    #expect(result.status == 65)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderrLines == [
        "\(path): no KPI table found (layouts tried: B (national form), C (flat list), "
          + "D (wide table), A (block layout)); インライン!A1:B1: header 事業名 (A1), 実績値 (B1) "
          + "found, no KPI column (指標, KPI, 成果指標); describe the sheet with a mapping file and "
          + "pass it with --mapping"
      ])
  }

  @Test func aMappingFileReadsTheTableItNames() throws {
    let result = try Command.run([
      "extract", Self.sample("dept-flat.xlsx"), "--mapping", Self.sample("dept-flat.mapping.yaml"),
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let detected = try Command.run(["extract", Self.sample("dept-flat.xlsx")])
    #expect(result.stdout == detected.stdout)
    let missing = try Command.run([
      "extract", Self.sample("dept-flat.xlsx"), "--mapping", "/nonexistent.yaml",
    ])
    #expect(missing.status == 66)
    #expect(missing.stderrLines == ["/nonexistent.yaml: no such mapping file"])
  }

  @Test func validateNamesTheLayoutAndWhere() throws {
    let result = try Command.run([
      "validate", Self.sample("sanyo-onoda.xlsx"), Self.sample("dept-flat.xlsx"),
    ])
    Snapshot.expect(result, matches: "validate-samples.txt")
    let json = try Command.run(["validate", Self.sample("dept-flat.xlsx"), "--format", "json"])
    Snapshot.expect(json, matches: "validate-dept-flat-json.txt")
    let object = try #require(try json.json() as? [String: Any])
    let files = try #require(object["files"] as? [[String: Any]])
    #expect(files.first?["layout"] as? String == "C")
    let tables = try #require(files.first?["tables"] as? [[String: Any]])
    #expect(tables.first?["range"] as? String == "B4:G19")
    let problem = try #require((files.first?["problems"] as? [[String: Any]])?.first)
    #expect(problem["severity"] as? String == "warning")
    #expect(problem["code"] as? String == "actual-without-target")
    #expect(problem["sheet"] as? String == "KPI実績一覧")
    #expect(problem["cell"] as? String == "E17")
  }

  @Test func validateExitCodesTakeTheWorstInput() throws {
    let result = try Command.run([
      "validate", Self.sample("dept-flat.xlsx"), Command.fixture("bad/legacy.xls"),
      "/nonexistent.xlsx",
    ])
    Snapshot.expect(result, matches: "validate-worst-input.txt")
  }

  @Test func messagesFollowAJapaneseLocale() throws {
    let result = try Command.run(
      ["validate", Self.sample("dept-flat.xlsx")], environment: ["LANG": "ja_JP.UTF-8"])
    Snapshot.expect(result, matches: "validate-dept-flat-japanese.txt")
  }
}

/// Bad values stop `extract` (exit 65, every error listed, nothing written) and make
/// `validate` exit 1.
@Suite struct ProblemCommandTests {
  static let fixture = Command.packageRoot.appendingPathComponent(
    "Tests/KPIImportTests/Fixtures/problems-flat.xlsx"
  ).path

  @Test func extractListsEveryErrorAndWritesNothing() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("out.json").path
    let result = try Command.run(["extract", Self.fixture, "-o", output])
    #expect(!FileManager.default.fileExists(atPath: output))
    Snapshot.expect(result, matches: "extract-problems.txt")
  }

  @Test func validateExitsOneAndReportsJSON() throws {
    let result = try Command.run(["validate", Self.fixture, "--format", "json"])
    #expect(result.status == 1)
    Snapshot.expect(result, matches: "validate-problems-json.txt")
    let object = try #require(try result.json() as? [String: Any])
    let problems = try #require(
      (object["files"] as? [[String: Any]])?.first?["problems"] as? [[String: Any]])
    #expect(problems.filter { $0["severity"] as? String == "error" }.count == 4)
    #expect(
      problems.contains { $0["code"] as? String == "check-digit" && $0["cell"] as? String == "C2" })
  }
}
