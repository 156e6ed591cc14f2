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
    let workbook = try Data(contentsOf: URL(fileURLWithPath: Self.sample("dept-wide.xlsx")))
    let pipedWorkbook = try Command.run(["extract", "-"], stdin: workbook)
    #expect(pipedWorkbook.status == 0)
    #expect(pipedWorkbook.stdoutText.contains("移住相談件数"))
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
    #expect(again.status == 73)
    #expect(again.stderr.contains("already exists; pass --force"))
    let forced = try Command.run([
      "extract", Self.sample("dept-wide.xlsx"), "-o", output, "--force",
    ])
    #expect(forced.status == 0)
    #expect(try String(contentsOfFile: output, encoding: .utf8).contains("移住相談件数"))
    let overInput = try Command.run([
      "extract", Self.sample("dept-wide.xlsx"), "-o", Self.sample("dept-wide.xlsx"), "--force",
    ])
    #expect(overInput.status == 73)
    // Nothing but the one output was left in the folder (no temporary files).
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["records.json"])
  }

  @Test func aFailedExtractLeavesNoOutput() throws {
    let folder = try Self.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("records.json").path
    let result = try Command.run(["extract", Command.fixture("bad/encrypted.xlsx"), "-o", output])
    #expect(result.status == 65)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func aWorkbookWithoutAKPITableSaysWhatWasTried() throws {
    let result = try Command.run(["extract", Command.fixture("xlsxwriter-inline.xlsx")])
    #expect(result.status == 65)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("no KPI table found"))
    #expect(result.stderr.contains("A (block layout)"))
    #expect(result.stderr.contains("--mapping"))
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
  }

  @Test func validateNamesTheLayoutAndWhere() throws {
    let result = try Command.run([
      "validate", Self.sample("sanyo-onoda.xlsx"), Self.sample("dept-flat.xlsx"),
    ])
    #expect(result.status == 0)
    #expect(
      result.stdoutText.contains("sanyo-onoda.xlsx: layout A (block layout) at KPI進捗!B12:I17"))
    #expect(result.stdoutText.contains("cell E17: warning: KPI \"商談成立件数\""))
    let json = try Command.run(["validate", Self.sample("dept-flat.xlsx"), "--format", "json"])
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
    #expect(result.status == 66)
    #expect(result.stderr.contains("legacy Excel 97-2003"))
  }

  @Test func messagesFollowAJapaneseLocale() throws {
    let result = try Command.run(
      ["validate", Self.sample("dept-flat.xlsx")], environment: ["LANG": "ja_JP.UTF-8"])
    #expect(result.stdoutText.contains("警告: KPI「商談成立件数」"))
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
    #expect(result.status == 65)
    #expect(result.stdout.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: output))
    let path = Self.fixture
    #expect(result.stderr.contains("\(path): sheet \"KPI\", cell F5: \"12,O00人\" is not a number"))
    #expect(result.stderr.contains("cell D6: \"来年度\" is not a fiscal year"))
    #expect(result.stderr.contains("cell E7: \"200・4,000\" holds two values"))
    #expect(result.stderr.contains("cell E8: warning:"))
    #expect(result.stderr.contains("4 error(s); nothing was written"))
  }

  @Test func validateExitsOneAndReportsJSON() throws {
    let result = try Command.run(["validate", Self.fixture, "--format", "json"])
    #expect(result.status == 1)
    let object = try #require(try result.json() as? [String: Any])
    let problems = try #require(
      (object["files"] as? [[String: Any]])?.first?["problems"] as? [[String: Any]])
    #expect(problems.filter { $0["severity"] as? String == "error" }.count == 4)
    #expect(
      problems.contains { $0["code"] as? String == "check-digit" && $0["cell"] as? String == "C2" })
  }
}
