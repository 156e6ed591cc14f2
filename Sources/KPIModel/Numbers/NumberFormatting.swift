/// Prints numbers the one way every kpisheet output does.
///
/// Values are first rounded to 15 significant digits, the precision Excel itself keeps,
/// then printed in their shortest exact decimal form, so binary-float noise never reaches
/// JSON, CSV or reports: `0.1 + 0.2` prints `0.3`, `10.0` prints `10`, `-0.0` prints `0`.
public enum NumberFormatting {
  /// `x` rounded to 15 significant digits (half away from zero); `-0` becomes `0`.
  ///
  /// NaN and infinities come back unchanged.
  public static func canonical(_ x: Double) -> Double {
    guard let decimal = DecimalDigits(x) else { return x }
    if decimal.isZero { return 0 }
    // Shortest forms of up to 15 digits are already the nearest 15-digit decimal.
    guard decimal.digits.count > DecimalDigits.excelPrecision else { return x }
    return decimal.rounded().doubleValue
  }

  /// `x` rounded to 15 significant digits and printed shortest: `5.4`, `10`, `-339`,
  /// `0.000123`, `1e+21`.
  ///
  /// Non-finite values print as `NaN`, `Infinity` and `-Infinity`; the JSON writer
  /// writes them as `null`.
  public static func string(_ x: Double) -> String {
    guard let decimal = DecimalDigits(x) else {
      if x.isNaN { return "NaN" }
      return x < 0 ? "-Infinity" : "Infinity"
    }
    return decimal.rounded().text
  }
}
