import KPIModel

/// Small pieces of JSON and CSV text, written by hand so that output streams and numbers
/// print exactly (no binary-float noise, no `.0` on integers).
public enum JSONText {
  /// A JSON string literal.
  public static func string(_ text: String) -> String { JSONString.quoted(text) }

  /// The shortest text that reads back as the same double: `8016`, `0.054`, `1e+20`.
  public static func number(_ value: Double) -> String {
    if value == 0 { return "0" }
    if value.rounded() == value, abs(value) < 9.007_199_254_740_992e15 {
      return String(Int64(value))
    }
    return value.description
  }
}
