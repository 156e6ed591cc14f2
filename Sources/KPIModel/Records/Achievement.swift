/// Derived values of a KPI value: the achievement rate (達成率) and whether the target was
/// reached (達成). Computed, never read from sheets.
public enum Achievement {
  /// actual ÷ target for `increase`, target ÷ actual for `decrease`, rounded to 15
  /// significant digits; nil when either is nil, the divisor is 0 or negative, or the
  /// dividend is negative (a ratio of negative counts means nothing; `isAchieved` still
  /// decides 達成). The report's live formulas follow the same rule
  /// (`rateFormula` in KPIReport).
  public static func rate(target: Double?, actual: Double?, direction: Direction) -> Double? {
    guard let target, let actual else { return nil }
    let (dividend, divisor) = direction == .increase ? (actual, target) : (target, actual)
    guard divisor > 0, dividend >= 0 else { return nil }
    return NumberFormatting.canonical(dividend / divisor)
  }

  /// actual ≥ target for `increase`, actual ≤ target for `decrease`; nil when either is
  /// nil. A target of 0 with actual −16 is not achieved (and has no rate).
  public static func isAchieved(target: Double?, actual: Double?, direction: Direction) -> Bool? {
    guard let target, let actual else { return nil }
    // Compare what is printed, so 0.1 + 0.2 against a target of 0.3 counts as reached.
    let (shownTarget, shownActual) = (
      NumberFormatting.canonical(target), NumberFormatting.canonical(actual)
    )
    return direction == .increase ? shownActual >= shownTarget : shownActual <= shownTarget
  }
}

extension KPIValue {
  /// This value's achievement rate; see `Achievement.rate`.
  public func achievementRate(direction: Direction) -> Double? {
    Achievement.rate(target: target, actual: actual, direction: direction)
  }

  /// Whether this value reached its target; see `Achievement.isAchieved`.
  public func isAchieved(direction: Direction) -> Bool? {
    Achievement.isAchieved(target: target, actual: actual, direction: direction)
  }
}
