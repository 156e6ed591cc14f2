import KPIModel

/// The 集計 sheet's figures for one fiscal year: the two shares the national government
/// publishes (projects that reached at least one KPI target; KPIs that reached theirs).
public struct YearSummary: Sendable, Equatable {
  public var fiscalYear: Int
  /// Projects with a KPI value (target or actual) in this year.
  public var projects: Int
  /// KPIs with a value (target or actual) in this year.
  public var kpis: Int
  /// KPIs with both a target and an actual.
  public var kpisWithBoth: Int
  /// KPIs whose actual reached the target.
  public var kpisAchieved: Int
  /// Projects with at least one KPI with both values.
  public var projectsWithBoth: Int
  /// Projects that achieved at least one KPI.
  public var projectsAchieving: Int

  /// Achieved ÷ KPIs with both values; nil when none has both.
  public var kpiShare: Double? {
    kpisWithBoth == 0 ? nil : Double(kpisAchieved) / Double(kpisWithBoth)
  }

  /// Projects achieving ÷ projects with both values; nil when none.
  public var projectShare: Double? {
    projectsWithBoth == 0 ? nil : Double(projectsAchieving) / Double(projectsWithBoth)
  }

  /// The summary of every fiscal year that has a KPI value.
  public static func all(for document: RecordsDocument) -> [YearSummary] {
    let years = Set(document.projects.flatMap { $0.kpis.flatMap { $0.values.map(\.fiscalYear) } })
    return years.sorted().map { summary(of: document, fiscalYear: $0) }
  }

  static func summary(of document: RecordsDocument, fiscalYear: Int) -> YearSummary {
    var result = YearSummary(
      fiscalYear: fiscalYear, projects: 0, kpis: 0, kpisWithBoth: 0, kpisAchieved: 0,
      projectsWithBoth: 0, projectsAchieving: 0)
    for project in document.projects {
      var shown = false
      var both = false
      var achieved = false
      for kpi in project.kpis {
        guard let value = kpi.values.first(where: { $0.fiscalYear == fiscalYear }),
          value.target != nil || value.actual != nil
        else { continue }
        shown = true
        result.kpis += 1
        guard value.target != nil && value.actual != nil else { continue }
        both = true
        result.kpisWithBoth += 1
        if value.isAchieved(direction: kpi.effectiveDirection) == true {
          achieved = true
          result.kpisAchieved += 1
        }
      }
      if shown { result.projects += 1 }
      if both { result.projectsWithBoth += 1 }
      if achieved { result.projectsAchieving += 1 }
    }
    return result
  }
}
