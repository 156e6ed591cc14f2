/// One grant project (事業) with its years, KPIs and evaluation.
public struct Project: Sendable, Equatable {
  /// The number the sheet gives it (① → 1); at least 1.
  public var no: Int?
  /// The name without its marker or period; never empty.
  public var name: String
  public var scope: Scope?
  /// 担当部局課名.
  public var department: String?
  /// Partner municipalities of a wide-area project.
  public var partners: [String]?
  public var period: FiscalPeriod?
  /// 事業概要.
  public var overview: String?
  /// Per-year activities and costs, by fiscal year ascending.
  public var years: [ProjectYear]
  public var kpis: [KPI]
  public var evaluation: Evaluation?
  /// 交付金の種類, as written.
  public var grantType: String?

  public init(
    no: Int? = nil, name: String, scope: Scope? = nil, department: String? = nil,
    partners: [String]? = nil, period: FiscalPeriod? = nil, overview: String? = nil,
    years: [ProjectYear] = [], kpis: [KPI] = [], evaluation: Evaluation? = nil,
    grantType: String? = nil
  ) {
    self.no = no
    self.name = name
    self.scope = scope
    self.department = department
    self.partners = partners
    self.period = period
    self.overview = overview
    self.years = years
    self.kpis = kpis
    self.evaluation = evaluation
    self.grantType = grantType
  }
}

/// Whether a municipality runs the project alone or with others.
public enum Scope: String, Sendable, CaseIterable {
  /// 単市 / 単町 / 単村 / 単独.
  case single
  /// 広域.
  case wideArea = "wide-area"
}

/// A project's first and last fiscal year, both included.
public struct FiscalPeriod: Sendable, Equatable, Hashable {
  public var start: Int
  public var end: Int

  public init(start: Int, end: Int) {
    self.start = start
    self.end = end
  }

  /// Whether `fiscalYear` lies within the period.
  public func contains(_ fiscalYear: Int) -> Bool { start <= fiscalYear && fiscalYear <= end }
}

/// What a project did in one fiscal year and what it cost.
public struct ProjectYear: Sendable, Equatable {
  public var fiscalYear: Int
  /// One item per activity, bullets removed.
  public var activities: [String]
  /// 事業費 or 実績額 of that year.
  public var cost: Amount?

  public init(fiscalYear: Int, activities: [String] = [], cost: Amount? = nil) {
    self.fiscalYear = fiscalYear
    self.activities = activities
    self.cost = cost
  }
}

/// A sum of money or other amount with its unit: `{"value": 6314, "unit": "千円"}`.
public struct Amount: Sendable, Equatable, Hashable {
  public var value: Double
  public var unit: String?

  public init(value: Double, unit: String? = nil) {
    self.value = value
    self.unit = unit
  }
}
