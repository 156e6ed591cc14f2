import Foundation
import KPIModel
import TestSupport
import Testing

@testable import KPIReport

/// The seed's records, as samples/ holds them.
func seedRecords() throws -> RecordsDocument {
  var url = URL(fileURLWithPath: #filePath)
  while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
    url.deleteLastPathComponent()
  }
  return try RecordsJSON.decode(
    Data(contentsOf: url.appendingPathComponent("samples/sanyo-onoda.expected.json")))
}

@Suite struct SummaryTests {
  @Test func theSeedsSecondYearCountedByHand() throws {
    // FY2021: ① 5→33 achieved, 10,000,000→134,280 and 13,672→13,482 not; ② 60→122 achieved,
    // 1,117,438→816,325 not, the SPC KPI '-' both (not shown); ③ 0→-173, 10.0→9.1, 80.0→77.0 not.
    // ④⑤ (令和3年度～令和5年度) have no KPIs: grant projects of the year all the same.
    let summary = try #require(YearSummary.all(for: seedRecords()).first { $0.fiscalYear == 2021 })
    #expect(summary.projects == 5)
    #expect(summary.kpis == 8)
    #expect(summary.kpisWithBoth == 8)
    #expect(summary.kpisAchieved == 2)
    #expect(summary.projectsWithBoth == 3)
    #expect(summary.projectsAchieving == 2)
    #expect(summary.kpiShare == 0.25)
    #expect(summary.projectShare.map { ($0 * 1000).rounded() } == 667)
    #expect(summary.projectShareOfAll == 0.4)
    #expect(summary.projectsWithoutKPIs.count == 2)
    #expect(summary.projectsWithoutValues.isEmpty)
  }

  @Test func everyYearOfEveryPeriodIsCounted() throws {
    let years = YearSummary.all(for: try seedRecords()).map(\.fiscalYear)
    // ①②③ run 2020–2022 with values; ④⑤ 2021–2023 without any.
    #expect(years == [2020, 2021, 2022, 2023])
    let last = try #require(YearSummary.all(for: try seedRecords()).last)
    #expect(last.projects == 2 && last.kpis == 0 && last.projectShareOfAll == 0)
    #expect(last.kpiShare == nil && last.projectShare == nil)
  }

  @Test func projectsWithKPIsButNoValuesAreNamed() throws {
    let document = RecordsDocument(projects: [
      Project(
        name: "値なし", period: FiscalPeriod(start: 2022, end: 2022),
        kpis: [KPI(name: "k", values: [KPIValue(fiscalYear: 2022, target: 5)])]),
      Project(
        name: "達成",
        kpis: [KPI(name: "k", values: [KPIValue(fiscalYear: 2022, target: 5, actual: 6)])]),
    ])
    let summary = try #require(YearSummary.all(for: document).first)
    #expect(summary.projects == 2)
    #expect(summary.projectsWithoutValues == ["値なし"])
    #expect(summary.projectShareOfAll == 0.5)
    #expect(summary.projectShare == 1)
  }

  @Test func lowerIsBetterKPIsAreAchievedBelowTarget() {
    let kpi = KPI(
      name: "待ち時間", unit: "分", direction: .decrease,
      values: [KPIValue(fiscalYear: 2022, target: 15, actual: 14)])
    let document = RecordsDocument(projects: [Project(name: "窓口", kpis: [kpi])])
    let summary = YearSummary.all(for: document)
    #expect(summary.first?.kpisAchieved == 1)
  }

  @Test func theEvaluationYearIsTheLatestWithAnActual() throws {
    #expect(ReportYear.evaluationYear(of: try seedRecords()) == 2022)
    let targetsOnly = RecordsDocument(projects: [
      Project(
        name: "p",
        kpis: [KPI(name: "k", values: [KPIValue(fiscalYear: 2025, target: 1, actual: nil)])])
    ])
    #expect(ReportYear.evaluationYear(of: targetsOnly) == 2025)
    let periodOnly = RecordsDocument(projects: [
      Project(name: "p", period: FiscalPeriod(start: 2021, end: 2023))
    ])
    #expect(ReportYear.evaluationYear(of: periodOnly) == 2023)
  }

  @Test func dataRowsAreOnePerProjectKPIAndYear() throws {
    let rows = DataRow.rows(for: try seedRecords())
    // ①②③: three KPIs × three years each = 27; ④⑤ have no KPIs: one row each.
    #expect(rows.count == 29)
    let first = try #require(rows.first)
    #expect(first.code == "352161")
    #expect(first.projectNo == 1)
    #expect(first.kpiName == "ブランド化したガラス商品数")
    #expect(first.yearOfProject == 1)
    #expect(first.achievedLabel == nil)
    let second = rows[1]
    #expect(second.rate.map { ($0 * 10).rounded() } == 66)  // 33 ÷ 5 = 6.6
    #expect(second.achievedLabel == "達成")
    #expect(rows.last?.kpiName == nil)
  }
}
