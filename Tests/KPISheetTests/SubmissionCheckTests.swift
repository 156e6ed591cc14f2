import KPIModel
import Testing

@testable import KPISheet

/// `validate --submission`'s readiness warnings, each with its place.
@Suite struct SubmissionCheckTests {
  static func kpi(_ name: String, target: Double?, actual: Double?, source: String? = nil) -> KPI {
    KPI(
      name: name,
      values: [
        KPIValue(
          fiscalYear: 2022, target: target, actual: actual,
          source: source.map { ValueSource(actual: $0) })
      ])
  }

  static let complete = Project(
    name: "完成", department: "企画課",
    years: [ProjectYear(fiscalYear: 2022, cost: Amount(value: 100, unit: "千円"))],
    kpis: [kpi("件数", target: 10, actual: 12)],
    evaluation: Evaluation(effect: .veryEffective, expertOpinion: "良い", policy: .continue))

  @Test func aCompleteProjectWithAContactHasNoWarnings() {
    let check = SubmissionCheck(file: "a.json", contact: "0836-82-1111")
    #expect(check.warnings(for: RecordsDocument(projects: [Self.complete])).isEmpty)
  }

  @Test func everyGapIsAWarningWithItsPlace() {
    var bare = Project(
      name: "空", kpis: [Self.kpi("人数", target: 5, actual: nil, source: "'K 1'!E14")])
    bare.years = [ProjectYear(fiscalYear: 2021, cost: Amount(value: 1))]
    let withoutKPIs = Project(name: "無", department: "課")
    let check = SubmissionCheck(file: "a.json", fiscalYear: 2022)
    let warnings = check.warnings(
      for: RecordsDocument(projects: [Self.complete, bare, withoutKPIs]))
    #expect(
      warnings.map { DiagnosticText.line($0, language: .english) } == [
        "a.json: warning: 連絡先 is empty: give it to convert with --contact or a profile",
        "a.json: warning: project \"空\": 事業効果 is empty",
        "a.json: warning: project \"空\": 今後の方針 is empty",
        "a.json: warning: project \"空\": 外部有識者からの意見 is empty",
        "a.json: warning: project \"空\": 実績額 for FY2022 is empty",
        "a.json: warning: project \"空\": 担当部局課名 is empty",
        "a.json: sheet \"K 1\", cell E14: warning: project \"空\", KPI \"人数\": no actual value for FY2022, the evaluation year",
        "a.json: warning: project \"無\": 事業効果 is empty",
        "a.json: warning: project \"無\": 今後の方針 is empty",
        "a.json: warning: project \"無\": 外部有識者からの意見 is empty",
        "a.json: warning: project \"無\": 実績額 for FY2022 is empty",
        "a.json: warning: project \"無\" has no KPIs",
      ])
    #expect(
      Set(warnings.map(\.code.rawValue)) == [
        "submission-empty", "submission-no-actual", "submission-no-kpis",
      ])
    #expect(warnings.allSatisfy { $0.severity == .warning })
  }

  @Test func anEffectThatContradictsTheAchievementIsAWarning() {
    var boasting = Self.complete
    boasting.kpis = [Self.kpi("件数", target: 10, actual: 3)]
    var modest = Self.complete
    modest.name = "控えめ"
    modest.evaluation?.effect = .notEffective
    let check = SubmissionCheck(file: "a.json", department: "課", contact: "x")
    let lines = check.warnings(for: RecordsDocument(projects: [boasting, modest])).map {
      DiagnosticText.line($0, language: .japanese)
    }
    #expect(
      lines == [
        "a.json: 警告: 事業 \"完成\": 事業効果は「非常に効果的」ですが、令和4年度に目標を達成した KPI がありません",
        "a.json: 警告: 事業 \"控えめ\": 事業効果は「効果がなかった」ですが、令和4年度に全ての KPI が目標を達成しています",
      ])
  }
}
