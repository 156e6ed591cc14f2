import KPIModel

/// `--fiscal-year` against the records: a year in which no KPI has a target or an actual value
/// would give an empty 効果検証 sheet, so it is an error naming the years that have values.
struct ReportYearCheck {
  var document: RecordsDocument
  /// The input, or the report made of several, for the message.
  var file: String

  /// The fiscal years with any target or actual value, ascending.
  var yearsWithValues: [Int] {
    var years = Set<Int>()
    for project in document.projects {
      for kpi in project.kpis {
        for value in kpi.values where value.target != nil || value.actual != nil {
          years.insert(value.fiscalYear)
        }
      }
    }
    return years.sorted()
  }

  /// Throws (exit 65) when `fiscalYear` is given and has no values while other years do;
  /// records without any value leave the year to the caller.
  func check(_ fiscalYear: Int?) throws {
    guard let fiscalYear else { return }
    let years = yearsWithValues
    guard !years.isEmpty, !years.contains(fiscalYear) else { return }
    let english = years.map { "FY\($0)" }.joined(separator: ", ")
    let japanese = years.map { "\(Era.label(fiscalYear: $0))（\($0)）" }.joined(separator: "、")
    throw KPISheetError(
      .dataError,
      "\(file): --fiscal-year \(fiscalYear): no KPI has a target or an actual value for FY\(fiscalYear); "
        + "the records have values for \(english)",
      japanese:
        "\(file): --fiscal-year \(fiscalYear): \(Era.label(fiscalYear: fiscalYear))の目標値・実績値を持つ KPI がありません。"
        + "値がある年度: \(japanese)")
  }
}
