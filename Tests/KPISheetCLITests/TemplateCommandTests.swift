import Foundation
import Testing

/// `kpisheet template` and `template --from`: what a department gets, and that what it sends
/// back reads to the same records.
@Suite struct TemplateCommandTests {
  static func sample(_ name: String) -> String { ExtractCommandTests.sample(name) }

  static func importFixture(_ name: String) -> String {
    Command.packageRoot.appendingPathComponent("Tests/KPIImportTests/Fixtures/\(name)").path
  }

  static var openpyxlAvailable: Bool { RealClientTests.openpyxlAvailable }

  /// A blank template written by `template` into `folder`, then filled in by `script` as a
  /// department would (Python with openpyxl, given the template's path and the path to save
  /// to); returns the filled workbook's path.
  static func filledTemplate(in folder: URL, by script: String) throws -> String {
    let template = folder.appendingPathComponent("template.xlsx").path
    let filled = folder.appendingPathComponent("filled.xlsx").path
    #expect(try Command.run(["template", "-o", template]).status == 0)
    let fill = try Command.runProcess("/usr/bin/env", ["python3", "-c", script, template, filled])
    #expect(fill.status == 0, "\(fill.stderr)")
    return filled
  }

  /// The record fields a prefilled template carries, as comparable text: per project its
  /// number, name, 区分, period, department, grant type, overview, partners, each year's
  /// activities and cost, and per KPI its name, unit, direction, baseline and every value
  /// given (years with neither value are rows to fill in, not values).
  static func carried(_ records: Any) -> [String] {
    guard let object = records as? [String: Any],
      let projects = object["projects"] as? [[String: Any]]
    else { return ["not records"] }
    var lines: [String] = []
    let municipality = object["municipality"] as? [String: Any] ?? [:]
    lines.append(
      "municipality \(municipality["name"] ?? "-") \(municipality["prefecture"] ?? "-") \(municipality["code"] ?? "-") grant \(object["grant"] ?? "-")"
    )
    for project in projects {
      let period = project["period"] as? [String: Any]
      lines.append(
        [
          "project", "\(project["no"] ?? "-")", "\(project["name"] ?? "-")",
          "\(project["scope"] ?? "-")", "\(period?["start"] ?? "-")-\(period?["end"] ?? "-")",
          "\(project["department"] ?? "-")", "\(project["grantType"] ?? "-")",
          "\(project["overview"] ?? "-")",
          "\((project["partners"] as? [String])?.joined(separator: "|") ?? "-")",
        ].joined(separator: " / "))
      for year in project["years"] as? [[String: Any]] ?? [] {
        let activities = (year["activities"] as? [String]) ?? []
        let cost = year["cost"] as? [String: Any]
        guard !activities.isEmpty || cost != nil else { continue }
        lines.append(
          "  year \(year["fiscalYear"] ?? "-") \(activities.joined(separator: "|")) cost \(cost?["value"] ?? "-") \(cost?["unit"] ?? "-")"
        )
      }
      for kpi in project["kpis"] as? [[String: Any]] ?? [] {
        lines.append(
          "  kpi \(kpi["name"] ?? "-") unit \(kpi["unit"] ?? "-") direction \(kpi["direction"] ?? "increase") baseline \(kpi["baseline"] ?? "-")"
        )
        for value in kpi["values"] as? [[String: Any]] ?? [] {
          let target = value["target"].flatMap { $0 is NSNull ? nil : $0 }
          let actual = value["actual"].flatMap { $0 is NSNull ? nil : $0 }
          guard target != nil || actual != nil else { continue }
          lines.append(
            "    \(value["fiscalYear"] ?? "-") target \(target ?? "-") actual \(actual ?? "-") due \(value["due"] ?? "-")"
          )
        }
      }
    }
    return lines
  }

  /// Records → `template --from` → `extract` gives back the same projects, KPIs, units,
  /// directions, periods, 区分, targets and actuals, from a report, records JSON, a
  /// prefilled template and departmental sheets of several layouts.
  @Test(
    arguments: [
      sample("sanyo-onoda.xlsx"), sample("sanyo-onoda.expected.json"), sample("dept-wide.xlsx"),
      importFixture("a-two-sheets.xlsx"), importFixture("b-national-form.xlsx"),
      importFixture("c-1904.xlsx"), importFixture("d-relative-years.xlsx"),
      importFixture("e-per-sheet.xlsx"), "report", "template",
    ])
  func prefilledTemplateReadsBackToTheSameRecords(_ input: String) throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var source = input
    if input == "report" {
      source = folder.appendingPathComponent("report.xlsx").path
      let converted = try Command.run(["convert", Self.sample("sanyo-onoda.xlsx"), "-o", source])
      #expect(converted.status == 0, "\(converted.stderr)")
    }
    if input == "template" {
      // Last year's prefilled template, sent back unchanged, prefills this year's.
      source = folder.appendingPathComponent("last-year.xlsx").path
      let written = try Command.run([
        "template", "--from", Self.sample("dept-wide.xlsx"), "-o", source,
      ])
      #expect(written.status == 0, "\(written.stderr)")
    }
    let original = try Command.run(["extract", source])
    #expect(original.status == 0, "\(original.stderr)")
    let template = folder.appendingPathComponent("template.xlsx").path
    let written = try Command.run(["template", "--from", source, "-o", template])
    #expect(written.status == 0, "\(written.stderr)")
    let back = try Command.run(["extract", template])
    #expect(back.status == 0, "\(back.stderr)")
    let expected = Self.carried(try original.json())
    #expect(expected.count > 3)
    #expect(Self.carried(try back.json()) == expected)
  }

  /// The prefilled template asks for the evaluation of the year after the latest actual,
  /// with its columns empty, and has a row for every year of each KPI's period.
  @Test(.enabled(if: openpyxlAvailable, "openpyxl is not installed"))
  func prefilledTemplateAsksForTheNextEvaluation() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let template = folder.appendingPathComponent("template.xlsx").path
    let written = try Command.run([
      "template", "--from", Self.sample("sanyo-onoda.xlsx"), "-o", template,
    ])
    #expect(written.status == 0, "\(written.stderr)")
    let script = """
      import sys, openpyxl
      wb = openpyxl.load_workbook(sys.argv[1])
      ws = wb["評価"]
      rows = [[c.value for c in r] for r in ws.iter_rows(min_row=6) if r[0].value]
      print(len(rows), rows[0][1], sum(1 for r in rows for v in r[2:] if v is not None))
      kpi = wb["KPI"]
      years = [r[4].value for r in kpi.iter_rows(min_row=6) if r[1].value == "ブランド化したガラス商品数"]
      print(",".join(years))
      """
    let facts = try Command.runProcess("/usr/bin/env", ["python3", "-c", script, template])
    #expect(facts.status == 0, "\(facts.stderr)")
    #expect(
      facts.stdoutText.split(separator: "\n") == ["5 令和5年度 0", "令和2年度,令和3年度,令和4年度"])
  }

  /// The blank template, filled with openpyxl as a department would (Scripts/fill-template.py,
  /// which leaves the 【記入例】 rows in and copies one), reads back right.
  @Test(.enabled(if: openpyxlAvailable, "openpyxl is not installed"))
  func blankTemplateFilledByADepartmentReadsBack() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let template = folder.appendingPathComponent("template.xlsx").path
    let filled = folder.appendingPathComponent("filled.xlsx").path
    #expect(try Command.run(["template", "-o", template]).status == 0)
    let fill = try Command.runProcess(
      "/usr/bin/env",
      [
        "python3", Command.packageRoot.appendingPathComponent("Scripts/fill-template.py").path,
        template, filled,
      ])
    #expect(fill.status == 0, "\(fill.stderr)")
    let back = try Command.run(["extract", filled])
    #expect(back.status == 0, "\(back.stderr)")
    #expect(
      Self.carried(try back.json()) == [
        "municipality 架空市 山口県 - grant -",
        "project / 1 / 観光振興事業 / single / 2022-2024 / 商工観光課 / 地方創生推進タイプ / 観光アプリを開発し、市内の周遊を促す。 / -",
        "  year 2022 観光アプリの開発|周遊イベントの開催 cost 12345 千円",
        "  year 2023 アプリの多言語化 cost - -",
        "  kpi 観光客数 unit 人 direction increase baseline 800",
        "    2022 target 1000 actual 1200 due R5.3",
        "    2023 target 1100 actual 900 due -",
        "  kpi アプリ利用率 unit % direction increase baseline -",
        "    2023 target 5.4 actual 6 due -",
        "project / 2 / 空き家対策事業 / wide-area / 2023-2025 / 都市計画課 / - / 空き家の活用を進める。 / 宇部市|美祢市",
        "  kpi 空き家数 unit 戸 direction decrease baseline -",
        "    2023 target 300 actual 280 due -",
      ])
    let object = try #require(try back.json() as? [String: Any])
    let projects = try #require(object["projects"] as? [[String: Any]])
    let evaluation = try #require(projects[0]["evaluation"] as? [String: Any])
    #expect(evaluation["fiscalYear"] as? Int == 2023)
    #expect(evaluation["effect"] as? String == "considerably-effective")
    #expect(evaluation["policy"] as? String == "continue")
    #expect(evaluation["expertOpinion"] as? String == "利用者の声を反映すること。")
    #expect(projects[1]["evaluation"] == nil)
    // No example row came through, on any sheet.
    #expect(!back.stdoutText.contains("記入例"))
    #expect(!back.stdoutText.contains("99999"))
  }

  /// Without its `kpisheet` property (sheets copied into another workbook), the KPI sheet
  /// still reads as a flat list, and the 【記入例】 rows are skipped there too.
  @Test(.enabled(if: openpyxlAvailable, "openpyxl is not installed"))
  func exampleRowsAreSkippedWithoutTheMarker() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let template = folder.appendingPathComponent("template.xlsx").path
    let filled = folder.appendingPathComponent("filled.xlsx").path
    let unmarked = folder.appendingPathComponent("unmarked.xlsx").path
    #expect(try Command.run(["template", "-o", template]).status == 0)
    let script = Command.packageRoot.appendingPathComponent("Scripts/fill-template.py").path
    #expect(
      try Command.runProcess("/usr/bin/env", ["python3", script, template, filled]).status == 0)
    let strip = """
      import sys, openpyxl
      from openpyxl.packaging.custom import CustomPropertyList
      wb = openpyxl.load_workbook(sys.argv[1])
      wb.custom_doc_props = CustomPropertyList()
      wb.save(sys.argv[2])
      """
    let stripped = try Command.runProcess(
      "/usr/bin/env", ["python3", "-c", strip, filled, unmarked])
    #expect(stripped.status == 0, "\(stripped.stderr)")
    let back = try Command.run(["extract", unmarked, "--sheet", "KPI"])
    #expect(back.status == 0, "\(back.stderr)")
    let object = try #require(try back.json() as? [String: Any])
    let projects = try #require(object["projects"] as? [[String: Any]])
    #expect(projects.compactMap { $0["name"] as? String } == ["観光振興事業", "空き家対策事業"])
    #expect(!back.stdoutText.contains("記入例"))
    #expect(!back.stdoutText.contains("99999"))
  }

  /// A blank 事業名 under the example row repeats no project: it is an error naming the cell,
  /// never a row silently dropped with the example.
  @Test(.enabled(if: openpyxlAvailable, "openpyxl is not installed"))
  func aBlankNameUnderTheExampleIsAnError() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let script = """
      import sys, openpyxl
      wb = openpyxl.load_workbook(sys.argv[1])
      ws = wb["KPI"]
      ws["B6"] = "観光客数"; ws["E6"] = "令和5年度"; ws["F6"] = 100
      wb.save(sys.argv[2])
      """
    let filled = try Self.filledTemplate(in: folder, by: script)
    let back = try Command.run(["extract", filled])
    #expect(back.status == 65)
    #expect(back.stderrLines.first?.hasPrefix("\(filled): sheet \"KPI\", cell A6: ") == true)
    #expect(back.stderr.contains("the project name is blank"))
  }

  /// What a department may get wrong: an unknown 区分 or 指標の方向 is a warning naming the
  /// cell, half a period a warning at the year left blank, two directions for one KPI an
  /// error naming both cells; 単市 is 単独.
  @Test(.enabled(if: openpyxlAvailable, "openpyxl is not installed"))
  func mistakesAreNamedWithTheirCells() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let script = """
      import sys, openpyxl
      wb = openpyxl.load_workbook(sys.argv[1])
      ws = wb["事業"]
      ws["B10"] = "甲事業"; ws["C10"] = "単市"; ws["D10"] = "令和4年度"
      ws["B11"] = "乙事業"; ws["C11"] = "その他"
      ws = wb["KPI"]
      ws["A6"] = "甲事業"; ws["B6"] = "人口"; ws["D6"] = "減少"; ws["E6"] = "令和4年度"; ws["F6"] = 10
      ws["A7"] = "甲事業"; ws["B7"] = "人口"; ws["D7"] = "増加"; ws["E7"] = "令和5年度"; ws["F7"] = 9
      ws["A8"] = "乙事業"; ws["B8"] = "件数"; ws["D8"] = "横ばい"; ws["E8"] = "令和5年度"; ws["F8"] = 1
      wb.save(sys.argv[2])
      """
    let filled = try Self.filledTemplate(in: folder, by: script)
    let back = try Command.run(["validate", filled, "--format", "json"])
    #expect(back.status == 1, "\(back.stderr)")
    let object = try #require(try back.json() as? [String: Any])
    let file = try #require((object["files"] as? [[String: Any]])?.first)
    let problems = (file["problems"] as? [[String: Any]] ?? []).map {
      "\($0["severity"] ?? "") \($0["sheet"] ?? "")!\($0["cell"] ?? "")"
    }
    #expect(
      Set(problems) == [
        "warning 事業!E10", "warning 事業!C11", "error KPI!D7", "warning KPI!D8",
      ])
    let extracted = try Command.run(["extract", filled])
    #expect(extracted.status == 65)
    #expect(extracted.stderr.contains("KPI!D6"))
  }

  /// The blank template holds only its example rows: extract reads none of them and says
  /// that nothing is filled in yet (exit 65), in one line naming the sheet.
  @Test func blankTemplateHasNothingToRead() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let template = folder.appendingPathComponent("template.xlsx").path
    #expect(try Command.run(["template", "-o", template]).status == 0)
    let blank = try Command.run(["extract", template])
    #expect(blank.status == 65)
    #expect(blank.stdout.isEmpty)
    #expect(
      blank.stderrLines.first
        == "\(template): sheet \"事業\": the template has no project filled in yet (rows marked 【記入例】 are not read)"
    )
  }

  /// A bad --from input fails as extract fails on it, and writes nothing.
  @Test func badInputsFailAsExtractDoes() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("t.xlsx").path
    for input in [
      folder.appendingPathComponent("missing.xlsx").path, Command.fixture("bad/encrypted.xlsx"),
      Self.importFixture("problems-flat.xlsx"),
    ] {
      let extract = try Command.run(["extract", input])
      let template = try Command.run(["template", "--from", input, "-o", output])
      #expect(extract.status != 0)
      #expect(template.status == extract.status, "\(input): \(template.stderr)")
      #expect(template.stderr == extract.stderr, "\(input)")
      #expect(!FileManager.default.fileExists(atPath: output))
    }
    // Records a cell cannot hold are named by project and field, and nothing is written.
    let nul = folder.appendingPathComponent("nul.json").path
    let json =
      #"{"format": "kpisheet-records", "version": 1, "projects": [{"name": "甲事業", "#
      + #""overview": "a\u0000b", "years": [], "kpis": []}]}"#
    try Data(json.utf8).write(to: URL(fileURLWithPath: nul))
    let refused = try Command.run(["template", "--from", nul, "-o", output])
    #expect(refused.status == 65)
    #expect(refused.stderrLines.first?.hasPrefix("\(nul): project 1 \"甲事業\", overview: ") == true)
    #expect(!FileManager.default.fileExists(atPath: output))
    // The input is never the output.
    let records = folder.appendingPathComponent("r.json").path
    try Data("{}".utf8).write(to: URL(fileURLWithPath: records))
    let same = try Command.run(["template", "--from", records, "-o", records, "--force"])
    #expect(same.status == 73)
  }

  /// `-o -` writes the prefilled workbook to standard output.
  @Test func prefilledTemplateToStandardOutput() throws {
    let written = try Command.run([
      "template", "--from", Self.sample("sanyo-onoda.expected.json"), "-o", "-",
    ])
    #expect(written.status == 0, "\(written.stderr)")
    #expect(written.stdout.starts(with: Data("PK".utf8)))
  }
}
