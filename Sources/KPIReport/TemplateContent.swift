import KPIModel

/// One cell the template writes: text, a number, or nothing.
enum TemplateValue: Sendable, Equatable {
  case text(String)
  case number(Double)
  case blank

  init(_ text: String?) { self = text.map { $0.isEmpty ? .blank : .text($0) } ?? .blank }
  init(_ number: Double?) { self = number.map { .number(ValueFormat.stored($0)) } ?? .blank }
  init(year: Int?) { self = year.map { .text(Era.label(fiscalYear: $0)) } ?? .blank }
}

/// The records laid out as the template's rows, one array per sheet, each row's cells in
/// the sheet's column order (`TemplateFormat`): what `template --from` prefills.
///
/// Every year of each project's period gets its rows, with the targets and the actuals the
/// records know, so that the filled template reads back to whole records; the evaluation
/// asks for the year after the latest actual, its columns empty.
struct TemplateContent: Sendable, Equatable {
  var municipality: Municipality?
  var grant: String?
  var projects: [[TemplateValue]] = []
  var years: [[TemplateValue]] = []
  var kpis: [[TemplateValue]] = []
  var evaluations: [[TemplateValue]] = []

  /// The blank template's content: no rows.
  init() {}

  init(_ document: RecordsDocument) {
    municipality = document.municipality
    grant = document.grant
    let evaluationYear = Self.evaluationYear(of: document)
    for project in document.projects {
      projects.append(Self.projectRow(project))
      let name = TemplateValue(project.name)
      for year in Self.activityYears(of: project) {
        let known = project.years.first { $0.fiscalYear == year }
        let activities = (known?.activities ?? []).map { "・" + $0 }.joined(separator: "\n")
        years.append([
          name, TemplateValue(year: year), TemplateValue(activities),
          TemplateValue(known?.cost?.value), TemplateValue(known?.cost?.unit),
        ])
      }
      for kpi in project.kpis {
        // A KPI with no year at all still gets its row, the year left to fill in.
        let kpiYears = Self.kpiYears(of: kpi, in: project, adding: evaluationYear)
        for (offset, year) in (kpiYears.isEmpty ? [nil] : kpiYears.map(Optional.some)).enumerated()
        {
          let value = kpi.values.first { $0.fiscalYear == year }
          kpis.append([
            name, TemplateValue(kpi.name), TemplateValue(kpi.unit),
            .text(kpi.effectiveDirection.japaneseLabel), TemplateValue(year: year),
            TemplateValue(value?.target), TemplateValue(value?.actual), TemplateValue(value?.due),
            offset == 0 ? TemplateValue(kpi.baseline) : .blank,
          ])
        }
      }
      evaluations.append(
        [name, TemplateValue(year: evaluationYear)]
          + Array(repeating: .blank, count: TemplateFormat.EvaluationColumn.allCases.count - 2))
    }
  }

  /// The year the next report evaluates: the one after the latest year with an actual
  /// value; nil when the records have none.
  static func evaluationYear(of document: RecordsDocument) -> Int? {
    let actualYears = document.projects.flatMap(\.kpis).flatMap(\.values)
      .filter { $0.actual != nil }.map(\.fiscalYear)
    return actualYears.max().map { $0 + 1 }
  }

  /// A project's row; its number only when the records give one (a single input is numbered
  /// in order anyway).
  private static func projectRow(_ project: Project) -> [TemplateValue] {
    [
      TemplateValue(project.no.map(Double.init)), TemplateValue(project.name),
      TemplateValue(project.scope?.reportLabel),
      TemplateValue(year: project.period?.start), TemplateValue(year: project.period?.end),
      TemplateValue(project.grantType), TemplateValue(project.department),
      TemplateValue(project.overview),
      TemplateValue(project.partners?.joined(separator: TemplateFormat.partnerSeparator)),
    ]
  }

  /// The years of the 年度別 sheet: the period's, and any other year the records describe.
  private static func activityYears(of project: Project) -> [Int] {
    var years = Set(
      project.years.filter { !$0.activities.isEmpty || $0.cost != nil }.map(\.fiscalYear))
    if let period = project.period { years.formUnion(period.start...period.end) }
    return years.sorted()
  }

  /// A KPI's years: its period's and its values'; a project without a period also gets
  /// the year to evaluate, which it cannot be known to have ended before.
  private static func kpiYears(of kpi: KPI, in project: Project, adding evaluationYear: Int?)
    -> [Int]
  {
    var years = Set(kpi.values.map(\.fiscalYear))
    if let period = project.period {
      years.formUnion(period.start...period.end)
    } else if let evaluationYear {
      years.insert(evaluationYear)
    }
    return years.sorted()
  }

  /// The example row of each sheet, marked 【記入例】, which `extract` skips.
  static let exampleName = TemplateFormat.exampleMarker + "○○市観光振興事業"

  static let exampleProject: [TemplateValue] = [
    .blank, .text(exampleName), .text("単独"), .text("令和5年度"), .text("令和7年度"),
    .text("デジタル田園都市国家構想交付金（地方創生推進タイプ）"), .text("商工観光課"),
    .text("観光アプリの開発と周遊イベントにより、市内の観光地を巡る観光客を増やす。"), .blank,
  ]
  static let exampleYear: [TemplateValue] = [
    .text(exampleName), .text("令和5年度"), .text("・観光アプリの開発\n・周遊スタンプラリーの開催"), .number(12_345),
    .text("千円"),
  ]
  static let exampleKPI: [TemplateValue] = [
    .text(exampleName), .text("観光客数"), .text("人"), .text("増加"), .text("令和5年度"),
    .number(10_000), .number(12_000), .text("R6.3"), .number(8_000),
  ]
  static let exampleEvaluation: [TemplateValue] = [
    .text(exampleName), .text("令和5年度"), .text(Effect.effective.nationalWording),
    .text("有効であった"), .text("観光客数は目標を上回った。リピーターの確保が課題。"),
    .text(Policy.continue.nationalWording), .text("アプリの利用者が増えており、引き続き周知を図るため。"),
  ]
}
