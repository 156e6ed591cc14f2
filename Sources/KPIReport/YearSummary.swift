import KPIModel

/// The 集計 sheet's figures for one fiscal year (report.md §3): the two shares the national
/// government publishes — projects that reached at least one KPI target, over all grant
/// projects of the year (事前に設定したKPIを達成した事業数 ÷ 交付金対象事業数), and KPIs that
/// reached theirs — with every denominator stated.
public struct YearSummary: Sendable, Equatable {
  public var fiscalYear: Int
  /// The grant projects of the year: their period covers it, or (without a period) they
  /// have a value or activities that year.
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
  /// The year's projects without KPIs (KPI未設定), by name.
  public var projectsWithoutKPIs: [String] = []
  /// The year's projects with KPIs but none with both values this year, by name.
  public var projectsWithoutValues: [String] = []

  /// Achieved ÷ KPIs with both values; nil when none has both.
  public var kpiShare: Double? {
    kpisWithBoth == 0 ? nil : Double(kpisAchieved) / Double(kpisWithBoth)
  }

  /// Projects achieving ÷ all the year's projects (the government's figure); nil when none.
  public var projectShareOfAll: Double? {
    projects == 0 ? nil : Double(projectsAchieving) / Double(projects)
  }

  /// Projects achieving ÷ projects with both values; nil when none.
  public var projectShare: Double? {
    projectsWithBoth == 0 ? nil : Double(projectsAchieving) / Double(projectsWithBoth)
  }

  /// The summary of every fiscal year of every period, and of every year with a value or
  /// activities.
  public static func all(for document: RecordsDocument) -> [YearSummary] {
    var years = Set<Int>()
    for project in document.projects {
      years.formUnion(activeYears(of: project))
    }
    return years.sorted().map { summary(of: document, fiscalYear: $0) }
  }

  /// The years a project belongs to: its period's, else those with a value or activities.
  static func activeYears(of project: Project) -> Set<Int> {
    // A period over 50 years is a typing error; its ends still count.
    if let period = project.period, period.start <= period.end {
      return period.end - period.start < 50
        ? Set(period.start...period.end) : [period.start, period.end]
    }
    var years = Set(
      project.kpis.flatMap { kpi in
        kpi.values.filter { $0.target != nil || $0.actual != nil }.map(\.fiscalYear)
      })
    years.formUnion(
      project.years.filter { !$0.activities.isEmpty || $0.cost != nil }.map(\.fiscalYear))
    return years
  }

  static func summary(of document: RecordsDocument, fiscalYear: Int) -> YearSummary {
    var result = YearSummary(
      fiscalYear: fiscalYear, projects: 0, kpis: 0, kpisWithBoth: 0, kpisAchieved: 0,
      projectsWithBoth: 0, projectsAchieving: 0)
    for project in document.projects where activeYears(of: project).contains(fiscalYear) {
      result.projects += 1
      var both = false
      var achieved = false
      for kpi in project.kpis {
        guard let value = kpi.values.first(where: { $0.fiscalYear == fiscalYear }),
          value.target != nil || value.actual != nil
        else { continue }
        result.kpis += 1
        guard value.target != nil && value.actual != nil else { continue }
        both = true
        result.kpisWithBoth += 1
        if value.isAchieved(direction: kpi.effectiveDirection) == true {
          achieved = true
          result.kpisAchieved += 1
        }
      }
      if project.kpis.isEmpty {
        result.projectsWithoutKPIs.append(project.name)
      } else if !both {
        result.projectsWithoutValues.append(project.name)
      }
      if both { result.projectsWithBoth += 1 }
      if achieved { result.projectsAchieving += 1 }
    }
    return result
  }
}
