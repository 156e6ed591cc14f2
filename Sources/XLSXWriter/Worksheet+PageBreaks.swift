internal import CXLSXWriter

extension Worksheet {
  /// The most manual page breaks libxlsxwriter keeps per sheet (`LXW_BREAKS_MAX`).
  public static let maxPageBreaks = 1023

  /// Prints at `percent` % (10...400) instead of fitting to pages. Excel ignores manual page
  /// breaks under "fit to N pages", so sheets with breaks use a scale.
  ///
  /// The corresponding C function is `worksheet_set_print_scale`.
  public func setPrintScale(_ percent: Int) throws {
    let function = "worksheet_set_print_scale"
    let sheet = try live(function)
    guard (10...400).contains(percent), let scale = UInt16(exactly: percent) else {
      throw invalid("a print scale lies in 10...400 %", function)
    }
    worksheet_set_print_scale(sheet, scale)
  }

  /// Starts a new printed page above each of `rows` (zero-based; row 0 cannot take a break).
  /// At most `maxPageBreaks` breaks: more are an error, which callers should warn about
  /// before asking.
  ///
  /// The corresponding C function is `worksheet_set_h_pagebreaks`.
  public func setHorizontalPageBreaks(_ rows: [Int]) throws {
    let function = "worksheet_set_h_pagebreaks"
    let sheet = try live(function)
    guard rows.count <= Self.maxPageBreaks else {
      throw invalid("at most \(Self.maxPageBreaks) page breaks per sheet", function)
    }
    guard !rows.isEmpty else { return }
    var breaks: [lxw_row_t] = []
    for row in rows.sorted() {
      guard row > 0 else {
        throw invalid("a page break goes above a row after the first", function)
      }
      breaks.append(try cRow(row, function: function, sheet: name))
    }
    // The C list ends with 0.
    breaks.append(0)
    try check(worksheet_set_h_pagebreaks(sheet, &breaks), function)
  }
}
