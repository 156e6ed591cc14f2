import Foundation
import KPIModel
import TestSupport
import Testing

@testable import KPIReport

/// records.md's one achievement rule, followed alike by the records, データ, the live formulas
/// of 効果検証 and KPI推移 (as cached and as LibreOffice computes them), their conditional
/// formats and 集計.
@Suite("One achievement rule", .enabled(if: OpenPyXL.isAvailable, OpenPyXL.skipReason))
struct AchievementRuleTests {
  /// Every sign combination of target and actual, with nulls and zeros.
  static let pairs: [(target: Double?, actual: Double?)] = [
    (10, 15), (10, 5), (10, 0), (10, -5), (0, 5), (0, 0), (0, -16), (-10, 5), (-10, -20),
    (-10, -5), (-10, 0), (nil, 5), (5, nil), (nil, nil), (2.5, 2.5),
  ]

  /// One project per direction, one KPI per pair, all in FY2022.
  static func document() -> RecordsDocument {
    var document = RecordsDocument()
    for direction in [Direction.increase, .decrease] {
      let kpis = pairs.enumerated().map { index, pair in
        KPI(
          no: index + 1, name: "指標\(index + 1)", unit: "人", direction: direction,
          values: [KPIValue(fiscalYear: 2022, target: pair.target, actual: pair.actual)])
      }
      document.projects.append(
        Project(
          no: document.projects.count + 1, name: "\(direction.japaneseLabel)の事業",
          period: FiscalPeriod(start: 2022, end: 2022), kpis: kpis))
    }
    return document
  }

  /// The rate as text the way Python prints it, or 「－」.
  static func expectedRate(_ pair: (target: Double?, actual: Double?), _ direction: Direction)
    -> String
  {
    guard
      let rate = Achievement.rate(target: pair.target, actual: pair.actual, direction: direction)
    else { return "－" }
    return String(format: "%.6f", rate)
  }

  @Test func theRuleItself() {
    #expect(Achievement.rate(target: -10, actual: -20, direction: .increase) == nil)
    #expect(Achievement.rate(target: -10, actual: 5, direction: .increase) == nil)
    #expect(Achievement.rate(target: 10, actual: -5, direction: .increase) == nil)
    #expect(Achievement.rate(target: 10, actual: 0, direction: .increase) == 0)
    #expect(Achievement.rate(target: -10, actual: 5, direction: .decrease) == nil)
    #expect(Achievement.rate(target: 0, actual: 5, direction: .decrease) == 0)
    #expect(Achievement.isAchieved(target: -10, actual: -5, direction: .increase) == true)
    #expect(Achievement.isAchieved(target: -10, actual: -20, direction: .decrease) == true)
  }

  @Test func everyPlaceFollowsIt() throws {
    let scratch = try Scratch()
    let path = scratch.path("report.xlsx")
    let document = Self.document()
    try ReportWriter().write(
      document, context: ReportContext(evaluationYear: 2022, created: fixedCreation), to: path)
    let script = """
      def rate(v):
          return "%.6f" % v if isinstance(v, (int, float)) and not isinstance(v, bool) else str(v)
      def read(path, tag):
          wb = openpyxl.load_workbook(path, data_only=True)
          ev, pr, data = wb["効果検証"], wb["KPI推移"], wb["データ"]
          rows = [r for r in ev.iter_rows(min_row=12) if r[\(EvaluationSheet.Column.kpi)].value]
          for i, r in enumerate(rows):
              put(tag + ".ev.%d" % i, rate(r[\(EvaluationSheet.Column.rate)].value))
          # KPI推移: the rate cells of the year rows, KPI by KPI.
          found = []
          for r in pr.iter_rows():
              for c in r:
                  if c.value == "令和4年度\\n（初年度）":
                      found.append([rate(pr.cell(c.row, col).value)
                                    for col in range(5, pr.max_column + 1, 3)])
          put(tag + ".pr", json.dumps(found))
          head = [c.value for c in data[1]]
          rc, ac = head.index("達成率"), head.index("達成")
          put(tag + ".data", json.dumps([[rate(r[rc].value), r[ac].value or ""]
                                          for r in data.iter_rows(min_row=2)]))
      read(sys.argv[1], "cached")
      ev = openpyxl.load_workbook(sys.argv[1])["効果検証"]
      rules = []
      for cf in ev.conditional_formatting:
          for rule in cf.rules:
              rules.append([str(cf.sqref), rule.formula[0]])
      put("rules", json.dumps(sorted(rules)))
      import os, subprocess, shutil
      soffice = shutil.which("soffice")
      if soffice:
          out = os.path.join(os.path.dirname(sys.argv[1]), "lo")
          subprocess.run([soffice, "--headless", "-env:UserInstallation=file://" + out + "/profile",
                          "--convert-to", "xlsx", "--outdir", out, sys.argv[1]],
                         check=True, capture_output=True, timeout=180)
          read(os.path.join(out, "report.xlsx"), "computed")
      """
    let facts = try OpenPyXL.facts(script, path)
    let count = Self.pairs.count
    var expectedData: [[String]] = []
    var expectedRates: [String] = []
    for direction in [Direction.increase, .decrease] {
      for pair in Self.pairs {
        let rate = Self.expectedRate(pair, direction)
        expectedRates.append(rate)
        let achieved = Achievement.isAchieved(
          target: pair.target, actual: pair.actual, direction: direction)
        // データ's 達成率 is the same live formula: 「－」 where undefined.
        expectedData.append([rate, achieved.map { $0 ? "達成" : "未達成" } ?? ""])
      }
    }
    let tags = facts["computed.pr"] == nil ? ["cached"] : ["cached", "computed"]
    for tag in tags {
      for (index, rate) in expectedRates.enumerated() {
        #expect(facts["\(tag).ev.\(index)"] == rate, "\(tag) 効果検証 KPI \(index)")
      }
      let progress = try JSONDecoder().decode(
        [[String]].self, from: Data((facts["\(tag).pr"] ?? "[]").utf8))
      #expect(progress.flatMap { $0.prefix(count) } == expectedRates, "\(tag) KPI推移")
      let data = try JSONDecoder().decode(
        [[String]].self, from: Data((facts["\(tag).data"] ?? "[]").utf8))
      #expect(data == expectedData, "\(tag) データ")
    }
    #expect(tags.count == 2, "LibreOffice (soffice) should be installed to recalculate")
    // The highlight compares actual with target, by direction; never the rate.
    let rules = try JSONDecoder().decode(
      [[String]].self, from: Data((facts["rules"] ?? "[]").utf8))
    #expect(
      rules == [
        ["G12:L26", "AND(ISNUMBER($H12),ISNUMBER($K12),$K12>=$H12)"],
        ["G27:L41", "AND(ISNUMBER($H27),ISNUMBER($K27),$K27<=$H27)"],
      ])
    // 集計 counts by the same comparison.
    let summary = try #require(YearSummary.all(for: document).first)
    let achieved = expectedData.filter { $0[1] == "達成" }.count
    #expect(summary.kpisAchieved == achieved)
    withExtendedLifetime(scratch) {}
  }
}
