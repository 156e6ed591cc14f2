import Foundation
import Testing

/// Reading a report back when an officer has edited it with another program (report.md,
/// "One source inside the workbook"): KPI推移 holds the values; a value typed over a formula
/// of 効果検証 or データ wins with a warning naming both cells; two that disagree are an error.
@Suite(.enabled(if: RealClientTests.openpyxlAvailable, "openpyxl is not installed"))
struct OneSourceCommandTests {
  /// The sample converted, then `edits` (Python statements on `wb`) applied by openpyxl,
  /// which keeps formulas and drops their saved results.
  static func edited(_ edits: String, in parent: URL) throws -> String {
    let folder = parent.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let report = folder.appendingPathComponent("report.xlsx").path
    let edited = folder.appendingPathComponent("edited.xlsx").path
    let convert = try Command.run([
      "convert", ExtractCommandTests.sample("sanyo-onoda.xlsx"), "-o", report,
    ])
    #expect(convert.status == 0, "\(convert.stderr)")
    let script = """
      import sys, openpyxl
      wb = openpyxl.load_workbook(sys.argv[1])
      \(edits)
      wb.save(sys.argv[2])
      """
    let run = try Command.runProcess("/usr/bin/env", ["python3", "-c", script, report, edited])
    #expect(run.status == 0, "\(run.stderr)")
    return edited
  }

  /// The first KPI's values of the first project, by fiscal year: [target, actual, source].
  static func firstKPI(_ result: Command) throws -> [Int: [String]] {
    let object = try #require(try result.json() as? [String: Any])
    let project = try #require((object["projects"] as? [[String: Any]])?.first)
    let kpi = try #require((project["kpis"] as? [[String: Any]])?.first)
    var values: [Int: [String]] = [:]
    for value in kpi["values"] as? [[String: Any]] ?? [] {
      let source = value["source"] as? [String: Any]
      values[value["fiscalYear"] as? Int ?? 0] = [
        "\(value["target"] ?? "nil")", "\(value["actual"] ?? "nil")",
        "\(source?["target"] ?? "nil")", "\(source?["actual"] ?? "nil")",
      ]
    }
    return values
  }

  @Test func valuesComeFromKPI推移EvenWithoutSavedResults() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // KPI推移 D12 is the first KPI's FY2022 actual (170); openpyxl drops every cached result.
    let path = try Self.edited(#"wb["KPI推移"]["D12"] = 150"#, in: folder)
    let back = try Command.run(["extract", path])
    #expect(back.status == 0, "\(back.stderr)")
    #expect(!back.stderr.contains("formula"), "\(back.stderr)")
    let values = try Self.firstKPI(back)
    #expect(values[2022] == ["10", "150", "KPI推移!C12", "KPI推移!D12"])
    #expect(values[2021] == ["5", "33", "KPI推移!C11", "KPI推移!D11"])
  }

  @Test func aValueTypedOverAFormulaWinsWithAWarning() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = try Self.edited(
      """
      wb["効果検証"]["H12"] = 11
      wb["データ"]["Q3"] = 40
      wb["効果検証"]["J12"] = "R5.3"
      wb["効果検証"]["D6"] = "企画課"
      """, in: folder)
    let back = try Command.run(["extract", path])
    #expect(back.status == 0, "\(back.stderr)")
    let values = try Self.firstKPI(back)
    #expect(values[2022]?.prefix(3) == ["11", "170", "効果検証!H12"])
    #expect(values[2021]?.prefix(2) == ["5", "40"])
    #expect(values[2021]?[3] == "データ!Q3")
    // Each warning names the edited cell and the KPI推移 cell it replaced.
    let warnings = back.stderr.split(separator: "\n").filter { $0.contains("typed over") }
    #expect(warnings.count == 2, "\(back.stderr)")
    #expect(
      warnings.contains {
        $0.contains("sheet \"効果検証\", cell H12") && $0.contains("KPI推移!C12 (10)")
      }, "\(back.stderr)")
    #expect(
      warnings.contains { $0.contains("sheet \"データ\", cell Q3") && $0.contains("KPI推移!D11 (33)") },
      "\(back.stderr)")
    // 目標年月 and 担当部局課名 typed into 効果検証 come back.
    let object = try #require(try back.json() as? [String: Any])
    let projects = try #require(object["projects"] as? [[String: Any]])
    #expect(projects.allSatisfy { $0["department"] as? String == "企画課" })
    let kpi = try #require((projects.first?["kpis"] as? [[String: Any]])?.first)
    let due = (kpi["values"] as? [[String: Any]])?.first { $0["fiscalYear"] as? Int == 2022 }?[
      "due"]
    #expect(due as? String == "R5.3")
  }

  @Test func twoEditsOfOneValueThatDisagreeAreAnError() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // データ P4 is the first KPI's FY2022 target, as is 効果検証 H12.
    let path = try Self.edited(
      """
      wb["効果検証"]["H12"] = 11
      wb["データ"]["P4"] = 12
      """, in: folder)
    let back = try Command.run(["extract", path])
    #expect(back.status == 65, "\(back.stderr)")
    let errors = back.stderr.split(separator: "\n").filter { $0.contains(" says ") }
    #expect(
      errors.contains {
        $0.contains("データ!P4 says 12") && $0.contains("効果検証!H12 says 11")
          && $0.contains("KPI推移!C12")
      }, "\(back.stderr)")
    // Two edits that agree are no error.
    let agreeing = try Self.edited(
      """
      wb["効果検証"]["H12"] = 12
      wb["データ"]["P4"] = 12
      """, in: folder)
    let again = try Command.run([
      "extract", agreeing, "-o", folder.appendingPathComponent("a.json").path,
    ])
    #expect(again.status == 0, "\(again.stderr)")
  }

  @Test func theDataSheetAloneGivesBackTheValues() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // データ's formulas pasted as their values, the other sheets removed.
    let path = try Self.edited(
      """
      values = openpyxl.load_workbook(sys.argv[1], data_only=True)["データ"]
      for name in ["効果検証", "KPI推移", "集計"]:
          del wb[name]
      for row in wb["データ"].iter_rows():
          for cell in row:
              cell.value = values[cell.coordinate].value
      """, in: folder)
    let back = try Command.run(["extract", path])
    #expect(back.status == 0, "\(back.stderr)")
    let values = try Self.firstKPI(back)
    #expect(values[2022]?.prefix(2) == ["10", "170"])
    #expect(values[2022]?[2] == "データ!P4")
    #expect(!back.stderr.contains("typed over"), "\(back.stderr)")
  }

  @Test func theDataSheetCarriesTheFactsFromFlagsAndProfile() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // dept-flat names no municipality: the flags give one report its facts, a profile the other.
    let profile = folder.appendingPathComponent("profile.yaml").path
    try Data("municipality: 宇部市\nprefecture: 山口県\ncode: \"35202\"\n".utf8).write(
      to: URL(fileURLWithPath: profile))
    let flagged = folder.appendingPathComponent("flags.xlsx").path
    let profiled = folder.appendingPathComponent("profile.xlsx").path
    let sample = ExtractCommandTests.sample("dept-flat.xlsx")
    let first = try Command.run([
      "convert", sample, "-o", flagged, "--municipality", "萩市", "--prefecture", "山口県", "--code",
      "35204",
    ])
    #expect(first.status == 0, "\(first.stderr)")
    let second = try Command.run(["convert", sample, "-o", profiled, "--profile", profile])
    #expect(second.status == 0, "\(second.stderr)")
    let script = """
      import sys, openpyxl
      for path in sys.argv[1:]:
          ws = openpyxl.load_workbook(path)["データ"]
          print(sorted({tuple(c.value for c in row[:3]) for row in ws.iter_rows(min_row=2)}))
      """
    let read = try Command.runProcess("/usr/bin/env", ["python3", "-c", script, flagged, profiled])
    #expect(
      read.stdoutText
        == "[('35204', '山口県', '萩市')]\n[('35202', '山口県', '宇部市')]\n", "\(read.stderr)")
  }
}
