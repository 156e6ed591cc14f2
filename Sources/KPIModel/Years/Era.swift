/// A Japanese era (元号) as used in fiscal-year labels.
public enum Era: String, CaseIterable, Sendable {
  case reiwa
  case heisei
  case showa

  /// The era's name: 令和, 平成, 昭和.
  public var name: String {
    switch self {
    case .reiwa: return "令和"
    case .heisei: return "平成"
    case .showa: return "昭和"
    }
  }

  /// The one-letter abbreviation sheets use: R, H, S.
  public var letter: String {
    switch self {
    case .reiwa: return "R"
    case .heisei: return "H"
    case .showa: return "S"
    }
  }

  /// The Western year of the era's first year (元年).
  public var firstYear: Int {
    switch self {
    case .reiwa: return 2019
    case .heisei: return 1989
    case .showa: return 1926
    }
  }

  /// The Western year of era year `eraYear` (元年 is 1): 令和2 → 2020, 平成31 → 2019.
  ///
  /// Years past an era's end are kept as written sheets meant them: 平成32年度, typed
  /// before the new era was named, is 2020.
  public func westernYear(_ eraYear: Int) -> Int { firstYear - 1 + eraYear }

  /// The era a fiscal year is labelled with: FY2019 onwards 令和 (FY2019 = 令和元年度,
  /// though it began under 平成), FY1989–2018 平成, FY1926–1988 昭和; nil before.
  public static func of(fiscalYear: Int) -> Era? {
    allCases.first { fiscalYear >= $0.firstYear }
  }

  /// The era label of a fiscal year: `令和4年度`, `令和元年度`, `平成30年度`; a year before
  /// 昭和 prints as `1920年度`.
  public static func label(fiscalYear: Int) -> String {
    guard let era = of(fiscalYear: fiscalYear) else { return "\(fiscalYear)年度" }
    let eraYear = fiscalYear - era.firstYear + 1
    return era.name + (eraYear == 1 ? "元" : String(eraYear)) + "年度"
  }

  /// The era label followed by the Western year: `令和4年度（2022年度）`.
  public static func labelWithWesternYear(fiscalYear: Int) -> String {
    let label = label(fiscalYear: fiscalYear)
    guard of(fiscalYear: fiscalYear) != nil else { return label }
    return label + "（\(fiscalYear)年度）"
  }
}
