/// A key performance indicator (重要業績評価指標) with its yearly targets and actuals.
public struct KPI: Sendable, Equatable {
  /// Its number within the project (指標① → 1); at least 1.
  public var no: Int?
  public var name: String
  /// NFKC-normalised (％ → %).
  public var unit: String?
  /// Absent means `increase`; see `effectiveDirection`.
  public var direction: Direction?
  /// The value before the project started (事業開始前).
  public var baseline: Double?
  /// The KPI's final target (最終目標), with its fiscal year when the sheet gives one.
  public var finalTarget: FinalTarget?
  /// A grade given to this KPI (A, ◎, 概ね達成), as written.
  public var grade: String?
  /// One per fiscal year the sheet shows, ascending.
  public var values: [KPIValue]

  public init(
    no: Int? = nil, name: String, unit: String? = nil, direction: Direction? = nil,
    baseline: Double? = nil, finalTarget: FinalTarget? = nil, grade: String? = nil,
    values: [KPIValue] = []
  ) {
    self.no = no
    self.name = name
    self.unit = unit
    self.direction = direction
    self.baseline = baseline
    self.finalTarget = finalTarget
    self.grade = grade
    self.values = values
  }

  /// The direction, `increase` when the records leave it out.
  public var effectiveDirection: Direction { direction ?? .increase }
}

/// A KPI's final target (最終目標): a column 最終目標, 目標（R6）, a year header annotated
/// （目標値）, or a value carrying its year （40%以上（2020年度））.
public struct FinalTarget: Sendable, Equatable {
  /// Nil when the sheet names no year for it.
  public var fiscalYear: Int?
  public var value: Double?

  public init(fiscalYear: Int? = nil, value: Double?) {
    self.fiscalYear = fiscalYear
    self.value = value
  }
}

/// Which way a KPI improves.
public enum Direction: String, Sendable, CaseIterable {
  case increase
  /// Lower is better (e.g. a number of vacant houses).
  case decrease

  /// The Japanese label for reports: 増加 / 減少.
  public var japaneseLabel: String {
    switch self {
    case .increase: return "増加"
    case .decrease: return "減少"
    }
  }
}

/// A KPI's target and actual in one fiscal year.
public struct KPIValue: Sendable, Equatable {
  public var fiscalYear: Int
  /// Nil when the sheet shows none ('-').
  public var target: Double?
  public var actual: Double?
  /// 目標年月 as written, e.g. `H28.3`.
  public var due: String?
  /// The cells the values came from.
  public var source: ValueSource?

  public init(
    fiscalYear: Int, target: Double? = nil, actual: Double? = nil, due: String? = nil,
    source: ValueSource? = nil
  ) {
    self.fiscalYear = fiscalYear
    self.target = target
    self.actual = actual
    self.due = due
    self.source = source
  }
}

/// The cells a value's target and actual were read from, as `Sheet!A1`, for audits.
public struct ValueSource: Sendable, Equatable, Hashable {
  public var target: String?
  public var actual: String?

  public init(target: String? = nil, actual: String? = nil) {
    self.target = target
    self.actual = actual
  }
}
