import KPIModel

extension ConvertPipeline.Outcome {
  /// The outcome of a run that wrote `document`'s report for `evaluationYear`, with its counts.
  init(diagnostics: [Diagnostic], evaluationYear: Int, document: RecordsDocument) {
    self.init(
      diagnostics: diagnostics, evaluationYear: evaluationYear, projects: document.projects.count)
    kpis = document.projects.reduce(0) { $0 + $1.kpis.count }
    projectsWithoutKPIs = document.projects.filter { $0.kpis.isEmpty }.count
    kpisAchieved =
      document.projects.flatMap(\.kpis).filter { kpi in
        kpi.values.contains {
          $0.fiscalYear == evaluationYear
            && $0.isAchieved(direction: kpi.effectiveDirection) == true
        }
      }.count
  }

  /// The line `convert` prints on success:
  /// `report.xlsx: 5 projects, 9 KPIs (2 projects without KPIs), FY2022, 6 of 9 KPIs achieved`;
  /// in Japanese `report.xlsx: 事業 5 件、KPI 9 件（KPI のない事業 2 件）、令和4年度（2022）、KPI 9 件中 6 件達成`.
  /// `-` is named as standard output.
  public func summaryLine(output: String, language: DiagnosticLanguage) -> String {
    if language == .japanese {
      let name = output == "-" ? "標準出力" : output
      var line = "\(name): 事業 \(projects) 件、KPI \(kpis) 件"
      if projectsWithoutKPIs > 0 { line += "（KPI のない事業 \(projectsWithoutKPIs) 件）" }
      line += "、\(Era.label(fiscalYear: evaluationYear))（\(evaluationYear)）"
      return line + "、KPI \(kpis) 件中 \(kpisAchieved) 件達成"
    }
    func count(_ number: Int, _ noun: String) -> String {
      "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
    let name = output == "-" ? "standard output" : output
    var line = "\(name): \(count(projects, "project")), \(count(kpis, "KPI"))"
    if projectsWithoutKPIs > 0 {
      line += " (\(count(projectsWithoutKPIs, "project")) without KPIs)"
    }
    line += ", FY\(evaluationYear), \(kpisAchieved) of \(count(kpis, "KPI")) achieved"
    return line
  }
}
