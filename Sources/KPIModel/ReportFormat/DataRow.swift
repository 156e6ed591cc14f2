/// One row of the データ sheet: one project × KPI × fiscal year, one datum per cell
/// (総務省 machine-readable rules: no merges, numbers as numbers, units in their own column,
/// the Western year beside the era year).
public struct DataRow: Sendable, Equatable {
  public var code: String?
  public var prefecture: String?
  public var municipality: String?
  public var projectNo: Int
  /// The project's position in the records (zero-based), whatever its number.
  public var projectIndex: Int
  public var projectName: String
  public var scope: Scope?
  public var periodStart: Int?
  public var periodEnd: Int?
  public var kpiNo: Int?
  /// The KPI's position in its project (zero-based); nil on a project's row without KPIs.
  public var kpiIndex: Int?
  public var kpiName: String?
  public var unit: String?
  public var direction: Direction?
  public var fiscalYear: Int?
  /// 1 for the project's first year (年次), when the period is known.
  public var yearOfProject: Int?
  public var target: Double?
  public var actual: Double?
  public var value: KPIValue?
  /// The KPI's baseline (事業開始前), on every row of the KPI.
  public var baseline: Double?
  /// The project's cost (事業費) in this fiscal year, and its unit.
  public var cost: Double?
  public var costUnit: String?

  /// The column headers, in order (`DataColumn`'s).
  public static let headers = DataColumn.allCases.map(\.header)

  /// How many rows `rows(for:)` gives `project`, without building them.
  public static func rowCount(of project: Project) -> Int {
    project.kpis.isEmpty ? 1 : project.kpis.reduce(0) { $0 + $1.values.count }
  }

  /// How many rows `rows(for:)` gives, without building them.
  public static func rowCount(of document: RecordsDocument) -> Int {
    document.projects.reduce(0) { $0 + rowCount(of: $1) }
  }

  /// Rows for every project × KPI × fiscal year; a project without KPIs gets one row.
  public static func rows(for document: RecordsDocument) -> [DataRow] {
    var rows: [DataRow] = []
    for (index, project) in document.projects.enumerated() {
      let base = DataRow(
        code: document.municipality?.code, prefecture: document.municipality?.prefecture,
        municipality: document.municipality?.name, projectNo: project.no ?? index + 1,
        projectIndex: index,
        projectName: project.name, scope: project.scope, periodStart: project.period?.start,
        periodEnd: project.period?.end)
      if project.kpis.isEmpty {
        rows.append(base)
        continue
      }
      for (kpiIndex, kpi) in project.kpis.enumerated() {
        for value in kpi.values {
          var row = base
          row.kpiNo = kpi.no ?? kpiIndex + 1
          row.kpiIndex = kpiIndex
          row.kpiName = kpi.name
          row.unit = kpi.unit
          row.direction = kpi.effectiveDirection
          row.fiscalYear = value.fiscalYear
          row.yearOfProject = project.period.map { value.fiscalYear - $0.start + 1 }
          row.target = value.target
          row.actual = value.actual
          row.value = value
          row.baseline = kpi.baseline
          let cost = project.years.first { $0.fiscalYear == value.fiscalYear }?.cost
          row.cost = cost?.value
          row.costUnit = cost?.unit
          rows.append(row)
        }
      }
    }
    return rows
  }

  init(
    code: String?, prefecture: String?, municipality: String?, projectNo: Int, projectIndex: Int,
    projectName: String, scope: Scope?, periodStart: Int?, periodEnd: Int?
  ) {
    self.code = code
    self.prefecture = prefecture
    self.municipality = municipality
    self.projectNo = projectNo
    self.projectIndex = projectIndex
    self.projectName = projectName
    self.scope = scope
    self.periodStart = periodStart
    self.periodEnd = periodEnd
  }

  /// 達成率 (a ratio), nil where undefined.
  public var rate: Double? {
    guard let value, let direction else { return nil }
    return value.achievementRate(direction: direction)
  }

  /// 達成 / 未達成 / blank.
  public var achievedLabel: String? {
    guard let value, let direction, let achieved = value.isAchieved(direction: direction) else {
      return nil
    }
    return achieved ? "達成" : "未達成"
  }
}

/// The データ sheet's columns, in order: report.md's, then three of our own at the end (the
/// contract may be extended) so that a report reads back with baselines and every year's cost.
public enum DataColumn: Int, CaseIterable, Sendable {
  case code, prefecture, municipality, projectNo, projectName, scope, periodStart, periodEnd
  case kpiNo, kpiName, unit, direction, fiscalYear, eraYear, yearOfProject, target, actual
  case rate, achieved, baseline, cost, costUnit

  /// The zero-based column.
  public var index: Int { rawValue }

  /// The header on row 1, by which a reader finds the column.
  public var header: String {
    switch self {
    case .code: return "地方公共団体コード"
    case .prefecture: return "都道府県名"
    case .municipality: return "市町村名"
    case .projectNo: return "事業番号"
    case .projectName: return "事業名"
    case .scope: return "区分"
    case .periodStart: return "開始年度"
    case .periodEnd: return "終了年度"
    case .kpiNo: return "KPI番号"
    case .kpiName: return "KPI名"
    case .unit: return "単位"
    case .direction: return "指標の方向"
    case .fiscalYear: return "年度"
    case .eraYear: return "和暦年度"
    case .yearOfProject: return "年次"
    case .target: return "目標値"
    case .actual: return "実績値"
    case .rate: return "達成率"
    case .achieved: return "達成"
    case .baseline: return "基準値"
    case .cost: return "事業費"
    case .costUnit: return "事業費の単位"
    }
  }
}
