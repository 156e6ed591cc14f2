import KPIModel
import KPIReport

/// `validate --submission`: whether records are ready to submit, each gap a warning with its
/// place — an empty 事業効果, 今後の方針, 外部有識者からの意見, 実績額, 担当部局課名 or 連絡先, a
/// project without KPIs, a KPI without an actual value in the evaluation year, and a 事業効果
/// that contradicts the achievement (非常に効果的 with no KPI achieved, 効果がなかった with
/// every KPI achieved).
///
/// ```swift
/// let check = SubmissionCheck(file: "dept.xlsx", contact: "0836-82-1111")
/// for warning in check.warnings(for: document) { print(DiagnosticText.line(warning)) }
/// ```
public struct SubmissionCheck: Sendable {
  /// The input, for every warning's place.
  public var file: String
  /// The evaluation year; nil for the report's default (the latest year with an actual).
  public var fiscalYear: Int?
  /// 担当部局課名 of the whole report (a profile's), standing in for projects without one.
  public var department: String?
  /// 連絡先 (a profile's), standing in for records without one.
  public var contact: String?

  public init(
    file: String, fiscalYear: Int? = nil, department: String? = nil, contact: String? = nil
  ) {
    self.file = file
    self.fiscalYear = fiscalYear
    self.department = department
    self.contact = contact
  }

  /// The warnings for `document`, project by project, in the order of the fields above.
  public func warnings(for document: RecordsDocument) -> [Diagnostic] {
    let year = fiscalYear ?? ReportYear.evaluationYear(of: document)
    var warnings: [Diagnostic] = []
    if Self.isEmpty(document.municipality?.contact ?? contact) {
      warnings.append(
        warning(
          "submission-empty", "連絡先 is empty: give it to convert with --contact or a profile",
          "連絡先が空です。convert の --contact かプロファイルで指定してください"))
    }
    for project in document.projects {
      warnings += self.warnings(for: project, year: year)
    }
    return warnings
  }

  private func warnings(for project: Project, year: Int?) -> [Diagnostic] {
    let name = project.name
    var warnings: [Diagnostic] = []
    func empty(_ field: String, _ value: String?) {
      guard Self.isEmpty(value) else { return }
      warnings.append(
        warning(
          "submission-empty", "project \"\(name)\": \(field) is empty",
          "事業 \"\(name)\": \(field)が空です"))
    }
    let evaluation = project.evaluation
    empty("事業効果", evaluation?.effect?.rawValue)
    empty("今後の方針", evaluation?.policy?.rawValue)
    empty("外部有識者からの意見", evaluation?.expertOpinion)
    if let year, project.years.first(where: { $0.fiscalYear == year })?.cost == nil {
      warnings.append(
        warning(
          "submission-empty", "project \"\(name)\": 実績額 for FY\(year) is empty",
          "事業 \"\(name)\": \(Era.label(fiscalYear: year))の実績額が空です"))
    }
    empty("担当部局課名", project.department ?? department)
    guard !project.kpis.isEmpty else {
      warnings.append(
        warning(
          "submission-no-kpis", "project \"\(name)\" has no KPIs",
          "事業 \"\(name)\" に KPI がありません"))
      return warnings
    }
    guard let year else { return warnings }
    var achieved = 0
    for kpi in project.kpis {
      let value = kpi.values.first { $0.fiscalYear == year }
      if value?.isAchieved(direction: kpi.effectiveDirection) == true { achieved += 1 }
      guard value?.actual == nil else { continue }
      let place = Self.place(value?.source?.actual ?? value?.source?.target)
      warnings.append(
        warning(
          "submission-no-actual",
          "project \"\(name)\", KPI \"\(kpi.name)\": no actual value for FY\(year), the evaluation year",
          "事業 \"\(name)\"、KPI \"\(kpi.name)\": 評価年度 \(Era.label(fiscalYear: year)) の実績値がありません",
          sheet: place.sheet, cell: place.cell))
    }
    switch evaluation?.effect {
    case .veryEffective where achieved == 0:
      warnings.append(
        warning(
          "submission-effect-contradiction",
          "project \"\(name)\": 事業効果 says 非常に効果的 (very effective), but no KPI reached its target in FY\(year)",
          "事業 \"\(name)\": 事業効果は「非常に効果的」ですが、\(Era.label(fiscalYear: year))に目標を達成した KPI がありません"
        ))
    case .notEffective where achieved == project.kpis.count:
      warnings.append(
        warning(
          "submission-effect-contradiction",
          "project \"\(name)\": 事業効果 says 効果がなかった (not effective), but every KPI reached its target in FY\(year)",
          "事業 \"\(name)\": 事業効果は「効果がなかった」ですが、\(Era.label(fiscalYear: year))に全ての KPI が目標を達成しています"
        ))
    default: break
    }
    return warnings
  }

  private func warning(
    _ code: DiagnosticCode, _ english: String, _ japanese: String, sheet: String? = nil,
    cell: String? = nil
  ) -> Diagnostic {
    Diagnostic(
      .warning, code, message: english, japanese: japanese, file: file, sheet: sheet, cell: cell)
  }

  /// `KPI!E14` → sheet `KPI`, cell `E14`.
  static func place(_ source: String?) -> (sheet: String?, cell: String?) {
    guard let source, let bang = source.lastIndex(of: "!") else { return (nil, nil) }
    var sheet = String(source[..<bang])
    if sheet.hasPrefix("'") && sheet.hasSuffix("'") && sheet.count >= 2 {
      sheet = String(sheet.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
    }
    return (sheet, String(source[source.index(after: bang)...]))
  }

  static func isEmpty(_ text: String?) -> Bool {
    text.map { $0.allSatisfy(\.isWhitespace) } ?? true
  }
}
