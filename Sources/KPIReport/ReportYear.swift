import KPIModel

/// Which fiscal year the 効果検証 form reports on.
public enum ReportYear {
  /// The default evaluation year: the latest year with any actual value, else with any
  /// target, else the latest period end (cli.md, `convert --fiscal-year`).
  public static func evaluationYear(of document: RecordsDocument) -> Int? {
    let values = document.projects.flatMap { $0.kpis.flatMap(\.values) }
    if let year = values.filter({ $0.actual != nil }).map(\.fiscalYear).max() { return year }
    if let year = values.filter({ $0.target != nil }).map(\.fiscalYear).max() { return year }
    return document.projects.compactMap { $0.period?.end }.max()
  }

  /// Every fiscal year the records show (values, activities, periods), ascending.
  public static func allYears(of document: RecordsDocument) -> [Int] {
    var years = Set<Int>()
    for project in document.projects {
      years.formUnion(project.years.map(\.fiscalYear))
      years.formUnion(project.kpis.flatMap { $0.values.map(\.fiscalYear) })
      if let period = project.period, period.start <= period.end, period.end - period.start < 50 {
        years.formUnion(period.start...period.end)
      }
    }
    return years.sorted()
  }
}
