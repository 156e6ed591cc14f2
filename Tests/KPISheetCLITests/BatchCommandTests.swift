import Foundation
import Testing

/// `convert --out-dir` and standard input/output, run as a script runs them.
@Suite struct BatchCommandTests {
  static func sample(_ name: String) -> String { ExtractCommandTests.sample(name) }

  static func copy(_ sample: String, to folder: URL, as name: String) throws {
    try FileManager.default.copyItem(
      atPath: Self.sample(sample), toPath: folder.appendingPathComponent(name).path)
  }

  static func summary(_ url: URL) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
    return try #require(object as? [String: Any])
  }

  static func entries(_ summary: [String: Any]) throws -> [String: [String: Any]] {
    let inputs = try #require(summary["inputs"] as? [[String: Any]])
    var byName: [String: [String: Any]] = [:]
    for entry in inputs {
      let input = try #require(entry["input"] as? String)
      byName[URL(fileURLWithPath: input).lastPathComponent] = entry
    }
    return byName
  }

  /// Standard error of a batch on several workers, its lines sorted: inputs finish, and are
  /// reported, in any order; the lines themselves are compared whole.
  /// Standard error's lines in a fixed order (workers finish in any order), sorted after the
  /// package and scratch paths are replaced: sorted as raw paths, the order would depend on
  /// where the package is checked out.
  static func sortedLines(_ result: Command, scratch: URL) -> String {
    result.stderrLines.map { Snapshot.normalised($0, scratch: scratch) }.sorted()
      .map { $0 + "\n" }.joined()
  }

  @Test func aBatchOfGoodAndBadInputsConvertsTheGoodOnesAndExitsWithTheLargestCode() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let inputs = folder.appendingPathComponent("in")
    let sub = inputs.appendingPathComponent("sub")
    try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
    try Self.copy("sanyo-onoda.xlsx", to: inputs, as: "sanyo-onoda.xlsx")
    try Self.copy("dept-flat.xlsx", to: inputs, as: "dept-flat.xlsx")
    try Self.copy("sanyo-onoda.expected.json", to: inputs, as: "records.json")
    try Self.copy("dept-wide.xlsx", to: sub, as: "not-searched.xlsx")
    try Data("a,b\n1,2\n".utf8).write(to: inputs.appendingPathComponent("bad.xlsx"))
    try Data([0x01]).write(to: inputs.appendingPathComponent("~$sanyo-onoda.xlsx"))
    try Data([0x01]).write(to: inputs.appendingPathComponent(".hidden.xlsx"))
    try Data("notes".utf8).write(to: inputs.appendingPathComponent("notes.txt"))
    let out = folder.appendingPathComponent("out")
    let summary = folder.appendingPathComponent("summary.json")
    let missing = folder.appendingPathComponent("missing.xlsx").path

    let result = try Command.run([
      "convert", inputs.path, missing, "--out-dir", out.path, "--jobs", "2",
      "--summary-json", summary.path, "--created", "2024-04-01T00:00:00Z",
    ])

    // 65 (bad.xlsx) and 66 (missing.xlsx): the largest wins.
    #expect(result.status == 66, "\(result.stderr)")
    let written = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
    #expect(written == ["dept-flat.xlsx", "records.xlsx", "sanyo-onoda.xlsx"])
    // The summary line comes last; the warning of a converted input is still shown.
    #expect(
      result.stderrLines.last.map { Snapshot.normalised($0) }
        == "3 converted, 0 skipped, 2 failed in <seconds> s")
    Snapshot.expect(
      Self.sortedLines(result, scratch: folder), matches: "batch-stderr.txt", scratch: folder)
    Snapshot.expect(
      try String(contentsOf: summary, encoding: .utf8), matches: "batch-summary.json",
      scratch: folder)

    let json = try Self.summary(summary)
    #expect(json["converted"] as? Int == 3)
    #expect(json["skipped"] as? Int == 0)
    #expect(json["failed"] as? Int == 2)
    #expect(json["exitCode"] as? Int == 66)
    #expect(json["seconds"] is Double || json["seconds"] is Int)
    let entries = try Self.entries(json)
    #expect(
      Set(entries.keys) == [
        "sanyo-onoda.xlsx", "dept-flat.xlsx", "records.json",
        "bad.xlsx", "missing.xlsx",
      ])
    #expect(entries["sanyo-onoda.xlsx"]?["status"] as? String == "converted")
    #expect(entries["sanyo-onoda.xlsx"]?["exitCode"] as? Int == 0)
    #expect(entries["sanyo-onoda.xlsx"]?["output"] as? String == out.path + "/sanyo-onoda.xlsx")
    #expect(entries["records.json"]?["output"] as? String == out.path + "/records.xlsx")
    #expect(entries["bad.xlsx"]?["status"] as? String == "failed")
    #expect(entries["bad.xlsx"]?["exitCode"] as? Int == 65)
    #expect(entries["missing.xlsx"]?["exitCode"] as? Int == 66)
    let badMessages = try #require(entries["bad.xlsx"]?["messages"] as? [[String: Any]])
    #expect(badMessages.first?["severity"] as? String == "error")
    #expect(badMessages.first?["code"] as? String == "unreadable")
    #expect(badMessages.first?.keys.sorted() == ["cell", "code", "message", "severity", "sheet"])
    let warnings = try #require(entries["dept-flat.xlsx"]?["messages"] as? [[String: Any]])
    #expect(warnings.contains { $0["code"] as? String == "actual-without-target" })
    #expect(warnings.first?["sheet"] as? String == "KPI実績一覧")

    // Each report is a whole report: it reads back.
    let back = try Command.run(["extract", out.appendingPathComponent("sanyo-onoda.xlsx").path])
    Snapshot.expect(back, matches: "batch-report-read-back.txt", scratch: folder)
  }

  @Test func anInputWithErrorsFailsAloneWithItsDiagnostics() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // A record JSON whose value is not a number is an error of the input, not of the batch.
    var records = try #require(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: Self.sample("sanyo-onoda.expected.json"))))
        as? [String: Any])
    records["projects"] = "not a list"
    let broken = folder.appendingPathComponent("broken.json")
    try JSONSerialization.data(withJSONObject: records).write(to: broken)
    let out = folder.appendingPathComponent("out")
    let result = try Command.run([
      "convert", broken.path, Self.sample("dept-wide.xlsx"), "--out-dir", out.path,
    ])
    #expect(result.status == 65, "\(result.stderr)")
    #expect(
      FileManager.default.fileExists(atPath: out.appendingPathComponent("dept-wide.xlsx").path))
    #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("broken.xlsx").path))
    Snapshot.expect(
      Self.sortedLines(result, scratch: folder), matches: "batch-broken-records.txt",
      scratch: folder)
  }

  @Test func twoInputsWithTheSameOutputNameAreAUsageErrorBeforeAnyWork() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let a = folder.appendingPathComponent("a")
    let b = folder.appendingPathComponent("b")
    for sub in [a, b] {
      try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
    }
    try Self.copy("dept-flat.xlsx", to: a, as: "kpi.xlsx")
    try Self.copy("sanyo-onoda.expected.json", to: b, as: "KPI.json")
    try Self.copy("dept-wide.xlsx", to: folder, as: "other.xlsx")
    let out = folder.appendingPathComponent("out")
    let result = try Command.run([
      "convert", folder.appendingPathComponent("other.xlsx").path, a.path, b.path,
      "--out-dir", out.path,
    ])
    Snapshot.expect(result, matches: "batch-same-output-name.txt", scratch: folder)
    // Nothing was done: not even the input without a collision was converted.
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  @Test func skipExistingLeavesExistingReportsAlone() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("out")
    let first = try Command.run(["convert", Self.sample("dept-flat.xlsx"), "--out-dir", out.path])
    #expect(first.status == 0, "\(first.stderr)")
    let existing = out.appendingPathComponent("dept-flat.xlsx")
    try Data("kept".utf8).write(to: existing)

    // Without --skip-existing or --force, an existing report is that input's failure (73).
    let again = try Command.run([
      "convert", Self.sample("dept-flat.xlsx"), Self.sample("dept-wide.xlsx"), "--out-dir",
      out.path,
    ])
    #expect(again.status == 73)
    Snapshot.expect(
      Self.sortedLines(again, scratch: folder), matches: "batch-existing-report.txt",
      scratch: folder)
    #expect(
      FileManager.default.fileExists(atPath: out.appendingPathComponent("dept-wide.xlsx").path))

    let summary = folder.appendingPathComponent("summary.json")
    let skipping = try Command.run([
      "convert", Self.sample("dept-flat.xlsx"), Self.sample("sanyo-onoda.xlsx"), "--out-dir",
      out.path, "--skip-existing", "--summary-json", summary.path, "-v",
    ])
    #expect(skipping.status == 0, "\(skipping.stderr)")
    #expect(try Data(contentsOf: existing) == Data("kept".utf8))
    Snapshot.expect(
      Self.sortedLines(skipping, scratch: folder), matches: "batch-skip-existing.txt",
      scratch: folder)
    let entries = try Self.entries(try Self.summary(summary))
    #expect(entries["dept-flat.xlsx"]?["status"] as? String == "skipped")
    #expect(entries["dept-flat.xlsx"]?["exitCode"] as? Int == 0)

    // --force replaces it.
    let forced = try Command.run([
      "convert", Self.sample("dept-flat.xlsx"), "--out-dir", out.path, "--force", "-q",
    ])
    #expect(forced.status == 0)
    #expect(forced.stderr.isEmpty, "-q prints errors only: \(forced.stderr)")
    #expect(try Data(contentsOf: existing).prefix(2) == Data("PK".utf8))
  }

  @Test(arguments: [
    ["-o", "x.xlsx", "--out-dir", "out"], [], ["--skip-existing", "-o", "x.xlsx"],
    ["--out-dir", "out", "--jobs", "0"], ["--out-dir", "out", "--force", "--skip-existing"],
    ["--out-dir", "out", "-q", "-v"],
  ])
  func contradictoryFlagsAreUsageErrors(flags: [String]) throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try Command.runProcess(
      "/usr/bin/env",
      [
        "sh", "-c", "cd \"$0\" && exec \"$@\"", folder.path, Command.binary.path, "convert",
        Self.sample("dept-flat.xlsx"),
      ] + flags)
    #expect(result.status == 64, "\(flags): \(result.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func messagesAreJapaneseInAJapaneseLocale() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("out").path
    let result = try Command.run(
      [
        "convert", Self.sample("dept-wide.xlsx"), folder.appendingPathComponent("no.xlsx").path,
        "--out-dir", out,
      ],
      environment: ["LANG": "ja_JP.UTF-8"])
    #expect(result.status == 66)
    Snapshot.expect(
      Self.sortedLines(result, scratch: folder), matches: "batch-japanese.txt", scratch: folder)
    let usage = try Command.run(
      ["convert", Self.sample("dept-wide.xlsx"), "-o", "x.xlsx", "--out-dir", out],
      environment: ["LANG": "ja_JP.UTF-8"])
    Snapshot.expect(usage, matches: "batch-usage-japanese.txt", scratch: folder)
  }

  @Test func standardInputAndOutput() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let workbook = try Data(contentsOf: URL(fileURLWithPath: Self.sample("dept-wide.xlsx")))

    // convert - -o -: a report on standard output, nothing else there.
    let converted = try Command.run(["convert", "-", "-o", "-"], stdin: workbook)
    #expect(converted.status == 0, "\(converted.stderr)")
    #expect(converted.stdout.prefix(2) == Data("PK".utf8))
    let report = folder.appendingPathComponent("from-stdout.xlsx")
    try converted.stdout.write(to: report)
    let back = try Command.run(["extract", report.path])
    Snapshot.expect(back, matches: "convert-stdout-read-back.txt", scratch: folder)

    // extract - -o -: records JSON on standard output.
    let extracted = try Command.run(["extract", "-", "-o", "-"], stdin: converted.stdout)
    #expect(extracted.status == 0, "\(extracted.stderr)")
    #expect(try extracted.json() is [String: Any])

    // A report piped back into convert.
    let again = try Command.run(["convert", "-", "-o", "-"], stdin: converted.stdout)
    #expect(again.status == 0)
    #expect(again.stdout.prefix(2) == Data("PK".utf8))

    // In a batch, standard input becomes stdin.xlsx; the summary can go to standard output.
    let out = folder.appendingPathComponent("out")
    let batch = try Command.run(
      [
        "convert", "-", Self.sample("dept-flat.xlsx"), "--out-dir", out.path, "--summary-json", "-",
      ],
      stdin: workbook)
    #expect(batch.status == 0, "\(batch.stderr)")
    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("stdin.xlsx").path))
    Snapshot.expect(batch.stdoutText, matches: "batch-summary-stdout.json", scratch: folder)
  }

  @Test func versionIsPrinted() throws {
    let result = try Command.run(["--version"])
    #expect(result.status == 0)
    #expect(result.stdoutText.split(separator: ".").count == 3)
  }
}
