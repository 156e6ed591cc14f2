import CellAddress
import KPIModel
import XLSXWriter

/// The look every sheet of the report and the template shares: 游ゴシック named in the file,
/// thin borders on tables, a pale fill on headers.
enum ReportStyle {
  static let fontName = "游ゴシック"
  static let fontSize = 10.0
  static let headerFill = RGBColor(rgb: 0xDD_EB_F7)
  static let labelFill = RGBColor(rgb: 0xF2_F2_F2)
  static let achievedFill = RGBColor(rgb: 0xE2_EF_DA)
  static let achievedFont = RGBColor(rgb: 0x37_56_23)

  /// Plain text in the report's font.
  static func text(
    size: Double = fontSize, bold: Bool = false, border: Bool = false, fill: RGBColor? = nil,
    horizontal: HorizontalAlignment? = nil, vertical: VerticalAlignment? = .center,
    wrap: Bool = false, numberFormat: String? = nil
  ) -> FormatSpec {
    FormatSpec(
      fontName: fontName, fontSize: size, bold: bold, fillColor: fill,
      border: border ? .thin : nil, horizontal: horizontal, vertical: vertical, wrap: wrap,
      numberFormat: numberFormat)
  }

  /// A table header cell: bordered, filled, centred, wrapped.
  static let header = text(
    bold: true, border: true, fill: headerFill, horizontal: .center, wrap: true)
  /// A label cell of a header block.
  static let label = text(bold: true, border: true, fill: labelFill, horizontal: .left, wrap: true)
  /// A bordered, wrapped text cell, top-left aligned (long texts read from the top).
  static let cell = text(border: true, horizontal: .left, vertical: .top, wrap: true)
  /// A bordered, centred short text.
  static let centred = text(border: true, horizontal: .center, wrap: true)
  /// A bordered number; pass the number format.
  static func number(_ format: String?) -> FormatSpec {
    text(border: true, horizontal: .right, numberFormat: format)
  }
  /// A ratio shown as a percentage; 「－」 centred-right like the numbers.
  static let rate = text(border: true, horizontal: .right, numberFormat: "0.0%")
  /// The highlight of rates at or above 100 %.
  /// Not bold: a bold rate would no longer fit its column.
  static let achieved = FormatSpec(fontColor: achievedFont, fillColor: achievedFill)

  static let printedFooter = "&C&P / &N"

  /// The printed header: the municipality left, the sheet's name right.
  static func printedHeader(municipality: String?) -> String {
    let name = (municipality ?? "").replacingOccurrences(of: "&", with: "&&")
    return name.isEmpty ? "&R&A" : "&L\(name)&R&A"
  }

  /// A4 landscape, page numbers in the footer; printed at `scale` % when given (sheets
  /// with planned page breaks), else one page wide.
  static func setUpPrinting(_ sheet: Worksheet, municipality: String?, scale: Int? = nil) throws {
    try sheet.setPaper(.a4)
    try sheet.setLandscape()
    if let scale {
      try sheet.setPrintScale(scale)
    } else {
      try sheet.fitToPages(wide: 1, tall: 0)
    }
    try sheet.setMargins(left: 0.4, right: 0.4, top: 0.6, bottom: 0.6)
    try sheet.setHeader(printedHeader(municipality: municipality))
    try sheet.setFooter(printedFooter)
  }

  /// Sets the planned page breaks; returns a warning when there are more than a sheet keeps
  /// (the first `Worksheet.maxPageBreaks` are kept).
  static func setPageBreaks(_ breaks: [Int], on sheet: Worksheet) throws -> ReportWarning? {
    guard breaks.count > Worksheet.maxPageBreaks else {
      try sheet.setHorizontalPageBreaks(breaks)
      return nil
    }
    try sheet.setHorizontalPageBreaks(Array(breaks.prefix(Worksheet.maxPageBreaks)))
    let kept = Worksheet.maxPageBreaks
    return ReportWarning(
      sheet: sheet.name,
      english:
        "\(breaks.count) page breaks planned, but a sheet keeps \(kept); projects after the last kept break may split across pages",
      japanese:
        "改ページが \(breaks.count) 箇所必要ですが、1 シートに設定できるのは \(kept) 箇所までです。それ以降の事業はページをまたいで印刷されることがあります")
  }
}

/// Something the report could not do as report.md asks, said in both languages.
public struct ReportWarning: Sendable, Equatable {
  /// The sheet it concerns.
  public var sheet: String
  public var english: String
  public var japanese: String
}

/// How much room text needs: full-width characters take two width units of a column, others
/// one; lines are what a wrapped cell of a given width shows.
enum TextMetrics {
  /// Points per printed line at the report's font size (CJK fonts have tall lines).
  static let lineHeight = 15.0
  /// The default row height in points.
  static let rowHeight = 18.0

  /// The width of `text`'s longest line in column-width units.
  static func width(_ text: String) -> Double {
    text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { lineWidth(Substring($0)) }.max() ?? 0
  }

  static func lineWidth(_ line: Substring) -> Double {
    var width = 0.0
    for scalar in line.unicodeScalars {
      let value = scalar.value
      switch value {
      case 0..<0x20: continue
      case 0x20..<0x7F, 0xFF61...0xFF9F: width += 1.1
      case 0x7F..<0x1100: width += 1.1
      default: width += 2
      }
    }
    return width
  }

  /// The lines `text` takes in a wrapped cell `columnWidth` units wide, filled character by
  /// character as Excel and LibreOffice wrap Japanese (`pixels(of:)`); the cell keeps a few
  /// pixels of padding.
  static func lines(_ text: String, columnWidth: Double) -> Int {
    let usable = usablePixels(columnWidth: columnWidth)
    var count = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var lines = 1
      var used = 0.0
      for scalar in line.unicodeScalars {
        let pixels = pixels(of: scalar)
        if used + pixels > usable, used > 0 {
          lines += 1
          used = 0
        }
        used += pixels
      }
      count += lines
    }
    return max(count, 1)
  }

  /// A character's width in pixels at the report's 10-point font: a full-width character is
  /// 10 points (13⅓ pixels) wide, others about 7½ pixels; control characters take none.
  static func pixels(of scalar: Unicode.Scalar) -> Double {
    switch scalar.value {
    case 0..<0x20: return 0
    case 0x20..<0x1100, 0xFF61...0xFF9F: return 7.5
    default: return 40 / 3
    }
  }

  /// The width of one line of text in pixels.
  static func linePixels(_ line: Substring) -> Double {
    line.unicodeScalars.reduce(0) { $0 + pixels(of: $1) }
  }

  /// The pixels a wrapped cell `columnWidth` units wide has for its text.
  static func usablePixels(columnWidth: Double) -> Double {
    max((columnWidth * 7 + 5).rounded(.down) - 5, 14)
  }

  /// The least column width, in quarter units, at which `line` shows on one line.
  static func leastColumnWidth(_ line: String) -> Double {
    let pixels = linePixels(Substring(line))
    var width = (pixels / 7 * 4).rounded(.up) / 4
    while usablePixels(columnWidth: width) < pixels { width += 0.25 }
    return width
  }

  /// The row height, in points, that shows `lines` lines.
  static func height(lines: Int, lineHeight: Double = lineHeight) -> Double {
    min(409, max(rowHeight, Double(lines) * lineHeight + 5))
  }

  /// The height `text` needs in a wrapped cell `columnWidth` units wide.
  static func height(_ text: String, columnWidth: Double, lineHeight: Double = lineHeight)
    -> Double
  {
    height(lines: lines(text, columnWidth: columnWidth), lineHeight: lineHeight)
  }
}

/// Row heights gathered while a sheet is written, then applied once: the tallest need of a
/// row wins, and a merged cell's need is spread over the rows it covers.
struct RowHeights {
  private(set) var heights: [Int: Double] = [:]
  private var spans: [(rows: ClosedRange<Int>, height: Double)] = []

  /// Row `row` needs at least `height` points.
  mutating func need(_ height: Double, row: Int) {
    heights[row] = max(heights[row] ?? TextMetrics.rowHeight, height)
  }

  /// Rows `rows` together need at least `height` points.
  mutating func need(_ height: Double, rows: ClosedRange<Int>) {
    if rows.count == 1 {
      need(height, row: rows.lowerBound)
    } else {
      spans.append((rows, height))
    }
  }

  /// The height each row gets, merged needs spread evenly over rows that fall short.
  func resolved() -> [(row: Int, height: Double)] {
    var result = heights
    for span in spans {
      let current = span.rows.reduce(0.0) { $0 + (result[$1] ?? TextMetrics.rowHeight) }
      guard current < span.height else { continue }
      let extra = (span.height - current) / Double(span.rows.count)
      for row in span.rows {
        result[row] = min(409, (result[row] ?? TextMetrics.rowHeight) + extra)
      }
    }
    return result.keys.sorted().compactMap { row in result[row].map { (row, $0) } }
  }

  func apply(to sheet: Worksheet) throws {
    for (row, height) in resolved() {
      try sheet.setRowHeight(height, row: row)
    }
  }

  /// The heights of `rows` alone, as `resolved()` gives them, without resolving every row
  /// of the sheet (a sheet asks this once per project).
  func heights(of rows: ClosedRange<Int>) -> [Double] {
    var result = rows.map { heights[$0] ?? TextMetrics.rowHeight }
    for span in spans where span.rows.overlaps(rows) {
      let current = span.rows.reduce(0.0) { $0 + (heights[$1] ?? TextMetrics.rowHeight) }
      guard current < span.height else { continue }
      let extra = (span.height - current) / Double(span.rows.count)
      for row in span.rows where rows.contains(row) {
        result[row - rows.lowerBound] = min(409, result[row - rows.lowerBound] + extra)
      }
    }
    return result
  }

  /// Every row's height from the first through `last` (rows without a need get the default
  /// height), so page breaks can be planned on the heights the sheet prints with.
  func all(through last: Int) -> [Double] {
    guard last >= 0 else { return [] }
    var result = [Double](repeating: TextMetrics.rowHeight, count: last + 1)
    for (row, height) in resolved() where row <= last {
      result[row] = height
    }
    return result
  }

  /// Sets an explicit height on every row through `last`, so that the printed layout does
  /// not depend on a viewer's default row height.
  func apply(to sheet: Worksheet, through last: Int) throws {
    for (row, height) in all(through: last).enumerated() {
      try sheet.setRowHeight(height, row: row)
    }
    for (row, height) in resolved() where row > last {
      try sheet.setRowHeight(height, row: row)
    }
  }
}

/// Number formats that carry a KPI's unit, and the figures the report shows.
enum ValueFormat {
  /// The decimals a value needs when printed in its shortest form (at most 4).
  static func decimals(_ value: Double) -> Int {
    let text = NumberFormatting.string(value)
    guard !text.contains("e"), let dot = text.firstIndex(of: ".") else { return 0 }
    return min(4, text.distance(from: dot, to: text.endIndex) - 1)
  }

  /// The decimals a set of values needs, so one column shows them alike.
  static func decimals(_ values: [Double?]) -> Int {
    values.compactMap { $0 }.map(decimals).max() ?? 0
  }

  /// `#,##0"人"`, `0.0"%"`, `#,##0.00`: the unit as literal text after the number.
  static func code(unit: String?, decimals: Int) -> String {
    let fraction = decimals > 0 ? "." + String(repeating: "0", count: decimals) : ""
    let cleanUnit = (unit ?? "").filter { $0 != "\"" && $0 != "\\" }
    let integer = cleanUnit == "%" ? "0" : "#,##0"
    return cleanUnit.isEmpty ? integer + fraction : "\(integer)\(fraction)\"\(cleanUnit)\""
  }

  /// The width, in column units, a number needs when shown with `code(unit:decimals:)`
  /// (numbers do not wrap: a column narrower than this shows ####).
  static func shownWidth(_ value: Double, unit: String?, decimals: Int) -> Double {
    let digits = String(Int(min(abs(value), 1e15).rounded(.down))).count
    let commas = unit == "%" ? 0 : (digits - 1) / 3
    let characters = digits + commas + (decimals > 0 ? decimals + 1 : 0) + (value < 0 ? 1 : 0)
    return Double(characters) + TextMetrics.width(unit ?? "") + 1.5
  }

  /// The widest of a KPI's values as shown.
  static func shownWidth(of kpi: KPI) -> Double {
    let places = decimals(kpi.values.flatMap { [$0.target, $0.actual] })
    return kpi.values.flatMap { [$0.target, $0.actual] }.compactMap { $0 }
      .map { shownWidth($0, unit: kpi.unit, decimals: places) }.max() ?? 0
  }

  /// The width a KPI's 達成率 cells need, shown as `0.0%` (1700.0% needs more than 98.1%).
  static func rateWidth(of kpi: KPI) -> Double {
    let largest =
      kpi.values.compactMap { $0.achievementRate(direction: kpi.effectiveDirection) }.max() ?? 0
    let digits = String(Int(min(largest * 100, 1e12).rounded(.down))).count
    return Double(digits + 3) + 1.5
  }

  /// The number format of a KPI's target and actual cells.
  static func code(for kpi: KPI) -> String {
    code(unit: kpi.unit, decimals: decimals(kpi.values.flatMap { [$0.target, $0.actual] }))
  }

  /// A number as the report stores it: rounded to 15 significant digits.
  static func stored(_ value: Double) -> Double { NumberFormatting.canonical(value) }
}

/// Labels the report prints.
enum ReportText {
  /// 単独 / 広域, nil when the records do not say.
  static func scope(_ scope: Scope?) -> String? { scope?.reportLabel }

  /// 令和2年度～令和4年度.
  static func period(_ period: FiscalPeriod) -> String {
    period.start == period.end
      ? Era.label(fiscalYear: period.start)
      : Era.label(fiscalYear: period.start) + "～" + Era.label(fiscalYear: period.end)
  }

  /// ①–⑳, ㉑–㉟, ㊱–㊿; (51) beyond.
  static func circled(_ number: Int) -> String {
    let scalar: UInt32?
    switch number {
    case 1...20: scalar = 0x2460 + UInt32(number - 1)
    case 21...35: scalar = 0x3251 + UInt32(number - 21)
    case 36...50: scalar = 0x32B1 + UInt32(number - 36)
    default: scalar = nil
    }
    guard let scalar, let character = Unicode.Scalar(scalar) else { return "(\(number))" }
    return String(Character(character))
  }

  /// 令和2年度（初年度）, 令和3年度（2年目）; the era label alone without a period or outside it.
  static func yearLabel(_ fiscalYear: Int, period: FiscalPeriod?) -> String {
    let label = Era.label(fiscalYear: fiscalYear)
    guard let period, fiscalYear >= period.start else { return label }
    let index = fiscalYear - period.start + 1
    return label + (index == 1 ? "（初年度）" : "（\(index)年目）")
  }

  /// The achievement-rate formula for row cells, by records.md's one rule: actual ÷ target
  /// (target ÷ actual for a lower-is-better KPI); 「－」 when a value is missing, the divisor
  /// is 0 or negative, or the dividend is negative.
  static func rateFormula(target: CellReference, actual: CellReference, direction: Direction)
    -> String
  {
    let (dividend, divisor) =
      direction == .increase ? (actual.a1(), target.a1()) : (target.a1(), actual.a1())
    return
      "=IF(AND(ISNUMBER(\(dividend)),ISNUMBER(\(divisor))),IF(AND(\(divisor)>0,\(dividend)>=0),\(dividend)/\(divisor),\"－\"),\"－\")"
  }

  /// The conditional-format formula that holds where a row's KPI is 達成: decided by
  /// comparing actual with target (records.md), never by the rate. Written for the range's
  /// top-left cell; the columns are absolute so the whole row's cells follow it.
  static func achievedRule(target: CellReference, actual: CellReference, direction: Direction)
    -> String
  {
    let target = "$" + target.a1()
    let actual = "$" + actual.a1()
    let comparison = direction == .increase ? ">=" : "<="
    return "AND(ISNUMBER(\(target)),ISNUMBER(\(actual)),\(actual)\(comparison)\(target))"
  }

  /// The cached result of that formula.
  static func rateResult(_ value: KPIValue?, direction: Direction) -> FormulaResult {
    guard let rate = value?.achievementRate(direction: direction) else { return .string("－") }
    return .number(rate)
  }
}
