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
  static let achieved = FormatSpec(bold: true, fontColor: achievedFont, fillColor: achievedFill)

  static let printedFooter = "&C&P / &N"

  /// The printed header: the municipality left, the sheet's name right.
  static func printedHeader(municipality: String?) -> String {
    let name = (municipality ?? "").replacingOccurrences(of: "&", with: "&&")
    return name.isEmpty ? "&R&A" : "&L\(name)&R&A"
  }

  /// A4 landscape, one page wide, page numbers in the footer.
  static func setUpPrinting(_ sheet: Worksheet, municipality: String?) throws {
    try sheet.setPaper(.a4)
    try sheet.setLandscape()
    try sheet.fitToPages(wide: 1, tall: 0)
    try sheet.setMargins(left: 0.4, right: 0.4, top: 0.6, bottom: 0.6)
    try sheet.setHeader(printedHeader(municipality: municipality))
    try sheet.setFooter(printedFooter)
  }
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

  /// The lines `text` takes in a wrapped cell `columnWidth` units wide.
  static func lines(_ text: String, columnWidth: Double) -> Int {
    let usable = max(columnWidth - 1.5, 2)
    var count = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      count += max(1, Int((lineWidth(line) / usable).rounded(.up)))
    }
    return max(count, 1)
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

  /// The achievement-rate formula for row cells: actual ÷ target (target ÷ actual for a
  /// lower-is-better KPI), 「－」 when a value is missing or the divisor is 0.
  static func rateFormula(target: CellReference, actual: CellReference, direction: Direction)
    -> String
  {
    let (dividend, divisor) =
      direction == .increase ? (actual.a1(), target.a1()) : (target.a1(), actual.a1())
    return
      "=IF(AND(ISNUMBER(\(dividend)),ISNUMBER(\(divisor))),IF(\(divisor)<>0,\(dividend)/\(divisor),\"－\"),\"－\")"
  }

  /// The cached result of that formula.
  static func rateResult(_ value: KPIValue?, direction: Direction) -> FormulaResult {
    guard let rate = value?.achievementRate(direction: direction) else { return .string("－") }
    return .number(rate)
  }
}
