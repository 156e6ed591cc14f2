import Foundation
import KPIModel
import TestSupport
import Testing

@testable import KPIReport

/// One source inside the workbook (report.md): KPI推移 holds each value; 効果検証 and データ
/// show it through formulas, 集計 counts over データ, all with cached results, and they follow
/// a corrected KPI推移 when LibreOffice recalculates.
@Suite("One source inside the workbook", .enabled(if: OpenPyXL.isAvailable, OpenPyXL.skipReason))
struct OneSourceTests {
  /// Every formula's cached result, by sheet and cell, as [formula, cached] (cached by repr).
  static let readFormulas = """
    def cells(path):
        formulas = openpyxl.load_workbook(path)
        cached = openpyxl.load_workbook(path, data_only=True)
        found = {}
        for ws in formulas.worksheets:
            for row in ws.iter_rows():
                for c in row:
                    if isinstance(c.value, str) and c.value.startswith("="):
                        v = cached[ws.title][c.coordinate].value
                        found[ws.title + "!" + c.coordinate] = [c.value, "" if v is None else repr(v)]
        return found
    """

  static func repr(_ value: Double?) -> String {
    guard let value else { return "" }
    return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
  }

  @Test(arguments: ["seed", "national"])
  func everyCachedResultIsTheRecordsValue(_ name: String) throws {
    let document = try name == "seed" ? seedRecords() : nationalFormRecords()
    let scratch = try Scratch()
    let path = scratch.path("report.xlsx")
    try ReportWriter().write(
      document, context: ReportContext(evaluationYear: 2022, created: fixedCreation), to: path)
    let facts = try OpenPyXL.facts(
      Self.readFormulas + "\n" + """
        found = cells(sys.argv[1])
        values = openpyxl.load_workbook(sys.argv[1], data_only=True)["KPI推移"]
        for key, (formula, cached) in found.items():
            put(key, json.dumps([formula, cached]))
            if formula.startswith("=IF(ISNUMBER('KPI推移'!"):
                target = formula.split("!")[1].split(")")[0]
                v = values[target].value
                put("source " + key, "" if v is None else repr(v))
        """, path)
    func cell(_ key: String) throws -> [String] {
      try JSONDecoder().decode([String].self, from: Data((facts[key] ?? "[]").utf8))
    }
    // データ: 目標値, 実績値, 達成率 and 達成 of every row, as the records give them.
    var checked = 0
    for (offset, row) in DataRow.rows(for: document).enumerated() where row.kpiIndex != nil {
      let line = offset + 2
      #expect(try cell("データ!P\(line)").last == Self.repr(row.target), "P\(line)")
      #expect(try cell("データ!Q\(line)").last == Self.repr(row.actual), "Q\(line)")
      let rate = try cell("データ!R\(line)").last
      #expect(rate == (row.rate.map(Self.repr) ?? "'－'"), "R\(line)")
      #expect(try cell("データ!S\(line)").last == (row.achievedLabel.map { "'\($0)'" } ?? ""))
      checked += 1
    }
    #expect(checked > 0)
    // Every formula pointing at KPI推移 has that cell's value as its result.
    var pointing = 0
    for key in facts.keys where key.hasPrefix("source ") {
      let cellKey = String(key.dropFirst("source ".count))
      #expect(try cell(cellKey).last == facts[key], "\(cellKey)")
      pointing += 1
    }
    #expect(pointing >= 2 * checked)
    withExtendedLifetime(scratch) {}
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/soffice")))
  func aCorrectionInKPI推移FlowsEverywhereWhenRecalculated() throws {
    var document = try seedRecords()
    let scratch = try Scratch()
    let path = scratch.path("report.xlsx")
    try ReportWriter().write(
      document, context: ReportContext(evaluationYear: 2022, created: fixedCreation), to: path)
    // 効果検証 row 12 is the first project's first KPI in FY2022: its actual, 170 against a
    // target of 10, becomes 5 (no longer 達成), corrected in KPI推移 only.
    let kpi = try #require(document.projects.first?.kpis.first)
    let index = try #require(kpi.values.firstIndex { $0.fiscalYear == 2022 })
    #expect(kpi.values[index].target == 10 && kpi.values[index].actual == 170)
    document.projects[0].kpis[0].values[index].actual = 5
    let dataRow =
      try #require(
        DataRow.rows(for: document).firstIndex {
          $0.projectIndex == 0 && $0.kpiIndex == 0 && $0.fiscalYear == 2022
        }
      ) + 2
    let facts = try OpenPyXL.facts(
      """
      import os, shutil, subprocess
      wb = openpyxl.load_workbook(sys.argv[1])
      source = wb["効果検証"]["K12"].value.split("!")[1].split(")")[0]
      put("source", source)
      wb["KPI推移"][source] = 5
      folder = os.path.dirname(sys.argv[1])
      wb.save(os.path.join(folder, "edited.xlsx"))
      out = os.path.join(folder, "lo")
      subprocess.run([shutil.which("soffice"), "--headless",
                      "-env:UserInstallation=file://" + out + "/profile",
                      "--convert-to", "xlsx", "--outdir", out, os.path.join(folder, "edited.xlsx")],
                     check=True, capture_output=True, timeout=180)
      wb = openpyxl.load_workbook(os.path.join(out, "edited.xlsx"), data_only=True)
      ev = wb["効果検証"]
      put("ev", [ev["H12"].value, ev["K12"].value, ev["L12"].value])
      put("data", [c.value for c in wb["データ"][\(dataRow)]][15:19])
      put("summary", json.dumps([[c.value for c in row] for row in
                                 wb["集計"].iter_rows(min_row=4, max_row=3 + \(YearSummary.all(for: document).count), min_col=2, max_col=10)]))
      """, path)
    #expect(facts["source"] == "D12")
    #expect(facts["ev"] == "[10, 5, 0.5]")
    #expect(facts["data"] == "[10, 5, 0.5, '未達成']")
    let summary = try JSONDecoder().decode(
      [[JSONValue]].self, from: Data((facts["summary"] ?? "[]").utf8))
    let expected = YearSummary.all(for: document)
    #expect(summary.count == expected.count)
    for (row, year) in zip(summary, expected) {
      let counts: [Double] = [
        Double(year.projects), Double(year.kpis), Double(year.kpisWithBoth),
        Double(year.kpisAchieved), Double(year.projectsWithBoth), Double(year.projectsAchieving),
      ]
      #expect(
        [row[0], row[1], row[2], row[3], row[5], row[6]].map(\.number) == counts,
        "FY\(year.fiscalYear)")
      let shares = [year.kpiShare, year.projectShareOfAll, year.projectShare]
      for (cell, share) in zip([row[4], row[7], row[8]], shares) {
        if let share {
          #expect(abs((cell.number ?? -1) - share) < 1e-12, "FY\(year.fiscalYear)")
        } else {
          #expect(cell == .text("－"), "FY\(year.fiscalYear)")
        }
      }
    }
    // The correction changed what 集計 counts: FY2022 has one KPI achieved fewer.
    let before = try #require(
      YearSummary.all(for: try seedRecords()).first { $0.fiscalYear == 2022 })
    let after = try #require(expected.first { $0.fiscalYear == 2022 })
    #expect(after.kpisAchieved == before.kpisAchieved - 1)
    withExtendedLifetime(scratch) {}
  }
}

/// A cell of 集計 as JSON gives it back: a number or text.
enum JSONValue: Decodable, Equatable {
  case number(Double)
  case text(String)
  case null

  init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let number = try? container.decode(Double.self) {
      self = .number(number)
    } else {
      self = .text(try container.decode(String.self))
    }
  }

  var number: Double? {
    if case .number(let value) = self { return value }
    return nil
  }
}
