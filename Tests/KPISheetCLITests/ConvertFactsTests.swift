import Foundation
import Testing

/// `convert`'s and `extract`'s municipality flags against the sheets, the year check and the
/// success line: nothing wrong passes in silence (issue #16, item 3).
@Suite struct ConvertFactsTests {
  /// Records of 山陽小野田市 with one KPI reached and one not in FY2022, and a project without KPIs.
  static let records = #"""
    {"format": "kpisheet-records", "version": 1,
     "municipality": {"name": "山陽小野田市", "prefecture": "山口県", "code": "352161"},
     "projects": [
      {"name": "ガラス事業", "department": "商工課", "years": [], "kpis": [
        {"name": "商品数", "unit": "個", "values": [
          {"fiscalYear": 2021, "target": 5, "actual": 4},
          {"fiscalYear": 2022, "target": 10, "actual": 12}]},
        {"name": "来訪者数", "unit": "人", "values": [{"fiscalYear": 2022, "target": 100, "actual": 50}]}]},
      {"name": "人材事業", "years": [], "kpis": []}]}
    """#

  static func setUp() throws -> (folder: URL, input: String) {
    let folder = try ExtractCommandTests.scratchFolder()
    let input = folder.appendingPathComponent("dept.json").path
    try Data(records.utf8).write(to: URL(fileURLWithPath: input))
    return (folder, input)
  }

  @Test func aFlagOverTheSheetsWinsWithAWarningAndASummaryFollows() throws {
    let (folder, input) = try Self.setUp()
    defer { try? FileManager.default.removeItem(at: folder) }
    let report = folder.appendingPathComponent("report.xlsx").path
    let result = try Command.run([
      "convert", input, "-o", report, "--municipality", "宇部市", "--code", "35202",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stderrLines == [
        "\(input): warning: --municipality 宇部市 replaces the municipality 山陽小野田市 the sheets give",
        "\(input): warning: --code 35202 replaces the local-government code 352161 the sheets give",
        "\(report): 2 projects, 2 KPIs (1 project without KPIs), FY2022, 1 of 2 KPIs achieved",
      ])
    let back = try Command.run(["extract", report])
    let json = try #require(try back.json() as? [String: Any])
    let municipality = try #require(json["municipality"] as? [String: Any])
    #expect(municipality["name"] as? String == "宇部市")
    #expect(municipality["code"] as? String == "35202")
    #expect(municipality["prefecture"] as? String == "山口県")
  }

  @Test func theSameFactsInAnotherFormAreNoContradiction() throws {
    let (folder, input) = try Self.setUp()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try Command.run([
      "convert", input, "-o", "-", "--municipality", "山陽小野田市", "--code", "35216",
      "--prefecture", "山口県",
    ])
    #expect(result.status == 0)
    #expect(
      result.stderrLines == [
        "standard output: 2 projects, 2 KPIs (1 project without KPIs), FY2022, 1 of 2 KPIs achieved"
      ])
  }

  @Test func theSummaryIsInJapaneseAndQuietSaysNothing() throws {
    let (folder, input) = try Self.setUp()
    defer { try? FileManager.default.removeItem(at: folder) }
    let report = folder.appendingPathComponent("report.xlsx").path
    let japanese = try Command.run(
      ["convert", input, "-o", report, "--fiscal-year", "R3"],
      environment: ["LANG": "ja_JP.UTF-8"])
    #expect(japanese.status == 0)
    #expect(
      japanese.stderrLines == [
        "\(report): 事業 2 件、KPI 2 件（KPI のない事業 1 件）、令和3年度（2021）、KPI 2 件中 0 件達成"
      ])
    let quiet = try Command.run(["convert", input, "-o", report, "--force", "-q"])
    #expect(quiet.status == 0)
    #expect(quiet.stderr.isEmpty)
  }

  @Test func aCodeWithAWrongCheckDigitIsAUsageError() throws {
    for command in ["convert", "extract"] {
      let result = try Command.run([command, "x.json", "-o", "-", "--code", "352162"])
      #expect(result.status == 64, "\(command)")
      #expect(
        result.stderrLines.first
          == "Error: --code 352162: the check digit is wrong (35216 ends in 1: 352161).")
    }
  }

  @Test func aYearWithoutValuesIsAnErrorNamingTheYearsThatHaveThem() throws {
    let (folder, input) = try Self.setUp()
    defer { try? FileManager.default.removeItem(at: folder) }
    let report = folder.appendingPathComponent("report.xlsx").path
    let result = try Command.run(["convert", input, "-o", report, "--fiscal-year", "2030"])
    #expect(result.status == 65)
    #expect(
      result.stderrLines == [
        "\(input): --fiscal-year 2030: no KPI has a target or an actual value for FY2030; the records have values for FY2021, FY2022"
      ])
    #expect(!FileManager.default.fileExists(atPath: report))
  }

  @Test func noMunicipalityAnywhereIsAWarningAndAProfileFillsIt() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("dept.json").path
    let anonymous = Self.records.replacingOccurrences(
      of: #""municipality": {"name": "山陽小野田市", "prefecture": "山口県", "code": "352161"},"#,
      with: "")
    try Data(anonymous.utf8).write(to: URL(fileURLWithPath: input))
    let bare = try Command.run(["convert", input, "-o", "/dev/null", "-q"])
    #expect(bare.status == 0)
    let warned = try Command.run(["convert", input, "-o", "/dev/null"])
    #expect(
      warned.stderrLines.first
        == "\(input): warning: no municipality name (市町村名): neither the sheets, the flags nor the profile give one; pass --municipality or --profile"
    )
    let profile = folder.appendingPathComponent("profile.yaml").path
    try Data("municipality: 宇部市\ncode: \"35202\"\n".utf8).write(to: URL(fileURLWithPath: profile))
    let filled = try Command.run(["convert", input, "-o", "/dev/null", "--profile", profile])
    #expect(filled.status == 0)
    #expect(filled.stderrLines.count == 1, "\(filled.stderr)")
    #expect(filled.stderrLines.first?.hasPrefix("/dev/null: 2 projects") == true)
  }

  @Test func aProfileThatDiffersFromTheSheetsLosesWithAWarning() throws {
    let (folder, input) = try Self.setUp()
    defer { try? FileManager.default.removeItem(at: folder) }
    let profile = folder.appendingPathComponent("profile.yaml").path
    try Data("municipality: 宇部市\n".utf8).write(to: URL(fileURLWithPath: profile))
    let result = try Command.run(["convert", input, "-o", "/dev/null", "--profile", profile])
    #expect(result.status == 0)
    #expect(
      result.stderrLines.first
        == "\(input): warning: the profile gives the municipality as 宇部市, the sheets as 山陽小野田市; the sheets' is used (pass --municipality to choose)"
    )
  }

  @Test func extractCarriesTheFlagsIntoRecordsAndCSV() throws {
    let (folder, input) = try Self.setUp()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try Command.run([
      "extract", input, "--municipality", "宇部市", "--code", "352021", "--department", "企画課",
    ])
    #expect(result.status == 0)
    #expect(
      result.stderrLines == [
        "\(input): warning: --municipality 宇部市 replaces the municipality 山陽小野田市 the sheets give",
        "\(input): warning: --code 352021 replaces the local-government code 352161 the sheets give",
        "\(input): warning: --department 企画課 replaces project \"ガラス事業\"'s department 商工課 the sheets give",
      ])
    let json = try #require(try result.json() as? [String: Any])
    let projects = try #require(json["projects"] as? [[String: Any]])
    #expect(projects.map { $0["department"] as? String } == ["企画課", "企画課"])
    let csv = try Command.run([
      "extract", input, "--format", "csv", "--prefecture", "山口県", "--municipality", "宇部市",
      "--code", "35202",
    ])
    #expect(csv.status == 0, "\(csv.stderr)")
    #expect(csv.stdoutText.components(separatedBy: "\r\n")[1].hasPrefix("35202,山口県,宇部市,1,ガラス事業,"))
  }
}

/// `validate --submission` in text and JSON: the readiness warnings join the problems.
@Suite struct SubmissionCommandTests {
  @Test func submissionWarningsAreListedInTextAndJSON() throws {
    let (folder, input) = try ConvertFactsTests.setUp()
    defer { try? FileManager.default.removeItem(at: folder) }
    let profile = folder.appendingPathComponent("profile.yaml").path
    try Data("contact: 0836-82-1111\n".utf8).write(to: URL(fileURLWithPath: profile))
    let text = try Command.run(["validate", input, "--submission", "--profile", profile])
    #expect(text.status == 0, "\(text.stderr)")
    let expected = [
      "\(input): records JSON, valid",
      "\(input): warning: project \"ガラス事業\": 事業効果 is empty",
      "\(input): warning: project \"ガラス事業\": 今後の方針 is empty",
      "\(input): warning: project \"ガラス事業\": 外部有識者からの意見 is empty",
      "\(input): warning: project \"ガラス事業\": 実績額 for FY2022 is empty",
      "\(input): warning: project \"人材事業\": 事業効果 is empty",
      "\(input): warning: project \"人材事業\": 今後の方針 is empty",
      "\(input): warning: project \"人材事業\": 外部有識者からの意見 is empty",
      "\(input): warning: project \"人材事業\": 実績額 for FY2022 is empty",
      "\(input): warning: project \"人材事業\": 担当部局課名 is empty",
      "\(input): warning: project \"人材事業\" has no KPIs",
      "\(input): 0 error(s), 10 warning(s)",
    ]
    #expect(text.stdoutText.split(separator: "\n").map(String.init) == expected)
    let json = try Command.run([
      "validate", input, "--submission", "--fiscal-year", "2021", "--format", "json",
    ])
    #expect(json.status == 0)
    let files = try #require((try json.json() as? [String: Any])?["files"] as? [[String: Any]])
    let problems = try #require(files.first?["problems"] as? [[String: Any]])
    #expect(
      problems.first?["message"] as? String
        == "連絡先 is empty: give it to convert with --contact or a profile")
    #expect(
      problems.compactMap { $0["code"] as? String }.filter { $0 == "submission-no-actual" }.count
        == 1)
    let plain = try Command.run(["validate", input])
    #expect(plain.stdoutText == "\(input): records JSON, valid\n")
  }
}

/// 連絡先 in the records (`municipality.contact`): read from a header block, taken by
/// `extract --contact` and a profile like the other facts, written into the report's header
/// and read back from it.
@Suite struct ContactFactTests {
  /// 玉東町's 様式2: 担当部局課名 / 連絡先 / 電話 / 0968-85-3111 in its header block.
  static let gyokuto = Command.packageRoot.appendingPathComponent(
    "Tests/KPIImportTests/Fixtures/real/gyokuto-senkogata-yoshiki2.xlsx"
  ).path

  static func contact(_ result: Command) throws -> String? {
    let json = try #require(try result.json() as? [String: Any])
    return (json["municipality"] as? [String: Any])?["contact"] as? String
  }

  @Test func theHeaderBlockGivesTheContactAndAFlagOverItWarns() throws {
    let plain = try Command.run(["extract", Self.gyokuto])
    #expect(plain.status == 0, "\(plain.stderr)")
    let plainContact = try Self.contact(plain)
    #expect(plainContact == "0968-85-3111")
    // 担当部局課名 beside it is every project's department.
    let projects = try #require(
      (try plain.json() as? [String: Any])?["projects"] as? [[String: Any]])
    #expect(projects.map { $0["department"] as? String } == ["総務課", "総務課"])
    let submission = try Command.run(["validate", Self.gyokuto, "--submission"])
    #expect(!submission.stdoutText.contains("担当部局課名 is empty"), "\(submission.stdoutText)")
    #expect(!submission.stdoutText.contains("連絡先 is empty"), "\(submission.stdoutText)")
    let flagged = try Command.run(["extract", Self.gyokuto, "--contact", "総務課 0968-85-0000"])
    #expect(flagged.status == 0, "\(flagged.stderr)")
    let flaggedContact = try Self.contact(flagged)
    #expect(flaggedContact == "総務課 0968-85-0000")
    #expect(
      flagged.stderrLines.contains(
        "\(Self.gyokuto): warning: --contact 総務課 0968-85-0000 replaces the contact (連絡先) 0968-85-3111 the sheets give"
      ))
    // The same number with other spacing is no contradiction.
    let same = try Command.run(["extract", Self.gyokuto, "--contact", "0968-85- 3111"])
    #expect(!same.stderr.contains("--contact"), "\(same.stderr)")
  }

  @Test func aProfileFillsTheContactOnlyWhereTheSheetsAreSilent() throws {
    let (folder, input) = try ConvertFactsTests.setUp()
    defer { try? FileManager.default.removeItem(at: folder) }
    let profile = folder.appendingPathComponent("profile.yaml").path
    try Data("contact: 0836-82-1111\n".utf8).write(to: URL(fileURLWithPath: profile))
    let filled = try Command.run(["extract", input, "--profile", profile])
    #expect(filled.status == 0, "\(filled.stderr)")
    let filledContact = try Self.contact(filled)
    #expect(filledContact == "0836-82-1111")
    let sheet = try Command.run(["extract", Self.gyokuto, "--profile", profile])
    let sheetContact = try Self.contact(sheet)
    #expect(sheetContact == "0968-85-3111")
    #expect(
      sheet.stderrLines.contains(
        "\(Self.gyokuto): warning: the profile gives the contact (連絡先) as 0836-82-1111, the sheets as 0968-85-3111; the sheets' is used (pass --contact to choose)"
      ))
  }

  @Test func convertWritesTheRecordsContactAndTheReportGivesItBack() throws {
    let (folder, _) = try ConvertFactsTests.setUp()
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("contact.json").path
    let records = ConvertFactsTests.records.replacingOccurrences(
      of: #""code": "352161"}"#, with: #""code": "352161", "contact": "企画課\n0836-82-1111"}"#)
    #expect(records != ConvertFactsTests.records)
    try Data(records.utf8).write(to: URL(fileURLWithPath: input))
    let report = folder.appendingPathComponent("report.xlsx").path
    let converted = try Command.run(["convert", input, "-o", report, "-q"])
    #expect(converted.status == 0, "\(converted.stderr)")
    let back = try Self.contact(try Command.run(["extract", report]))
    #expect(back == "企画課\n0836-82-1111")
    // In the 効果検証 header block, beside its label.
    let cells = try Command.run(["cells", report, "--sheet", "効果検証", "--format", "json"])
    let sheets = try #require(try cells.json() as? [[String: Any]])
    let written = try #require(sheets.first?["cells"] as? [[String: Any]])
    let label = try #require(written.first { $0["value"] as? String == "連絡先" }?["ref"] as? String)
    let value = try #require(written.first { $0["value"] as? String == "企画課\n0836-82-1111" })
    let row = label.filter { $0.isNumber }
    #expect(!row.isEmpty)
    #expect((value["ref"] as? String)?.filter { $0.isNumber } == row)

    // A flag over the records' contact wins with a warning, in the report and its records.
    let flagged = try Command.run([
      "convert", input, "-o", report, "--force", "--contact", "0836-82-9999",
    ])
    #expect(flagged.status == 0, "\(flagged.stderr)")
    #expect(
      flagged.stderrLines.first
        == "\(input): warning: --contact 0836-82-9999 replaces the contact (連絡先) 企画課\\n0836-82-1111 the sheets give"
    )
    let flaggedBack = try Self.contact(try Command.run(["extract", report]))
    #expect(flaggedBack == "0836-82-9999")

    // The records' contact counts for validate --submission.
    let submission = try Command.run(["validate", input, "--submission"])
    #expect(!submission.stdoutText.contains("連絡先 is empty"), "\(submission.stdoutText)")
    let plain = folder.appendingPathComponent("dept.json").path
    let without = try Command.run(["validate", plain, "--submission"])
    #expect(without.stdoutText.contains("連絡先 is empty"))
  }
}
