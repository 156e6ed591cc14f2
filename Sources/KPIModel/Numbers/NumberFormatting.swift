/// Prints numbers: the one number printer of every kpisheet output, with two precisions.
///
/// - ``Precision/excel`` (records JSON, CSV, the report): values are first rounded to 15
///   significant digits, the precision Excel itself keeps, then printed in their shortest exact
///   decimal form, so binary-float noise never reaches the user: `0.1 + 0.2` prints `0.3`,
///   `10.0` prints `10`, `-0.0` prints `0`.
/// - ``Precision/stored`` (`cells`, which shows what a workbook stores, and timings): the
///   shortest text that reads back as the very same double, noise included:
///   `0.30000000000000004`, `8016`, `1e-05`.
public enum NumberFormatting {
  /// How much of a double a printed number keeps.
  public enum Precision: Sendable, Equatable {
    /// 15 significant digits, shortest form (records.md).
    case excel
    /// Every digit needed to read back the same double.
    case stored
  }

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

  /// `x` at ``Precision/excel``, the precision of records, CSV and the report.
  public static func string(_ x: Double) -> String { string(x, .excel) }

  /// `x` printed at `precision`.
  ///
  /// At ``Precision/excel``: `5.4`, `10`, `-339`, `0.000123`, `1e+21` (plain decimals up to
  /// 21 integer digits and down to 7 leading zeros, exponent notation beyond).
  ///
  /// At ``Precision/stored``: zero as `0`, whole numbers below 2^53 as integers (`8016`, never
  /// `8016.0`), anything else as Swift's shortest round-trip text (`0.054`, `1e+20`, `1e-05`).
  ///
  /// Non-finite values print as `NaN`, `Infinity` and `-Infinity`; the JSON writer
  /// writes them as `null`.
  public static func string(_ x: Double, _ precision: Precision) -> String {
    guard x.isFinite else {
      if x.isNaN { return "NaN" }
      return x < 0 ? "-Infinity" : "Infinity"
    }
    switch precision {
    case .excel:
      return DecimalDigits(x)?.rounded().text ?? "NaN"
    case .stored:
      if x == 0 { return "0" }
      // Doubles hold every integer below 2^53 exactly: print those without Swift's ".0".
      if x.rounded() == x, x.magnitude < 9_007_199_254_740_992 { return String(Int64(x)) }
      return x.description
    }
  }
}
