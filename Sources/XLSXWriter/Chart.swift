internal import CXLSXWriter
import CellAddress

/// The chart types the report uses.
public enum ChartType: Hashable, Sendable {
  case column
  case line

  var cValue: UInt8 {
    switch self {
    case .column: UInt8(LXW_CHART_COLUMN.rawValue)
    case .line: UInt8(LXW_CHART_LINE.rawValue)
    }
  }
}

/// A chart of an `XLSXDocument`, drawn from ranges of its sheets and inserted into one sheet.
///
/// The C chart belongs to the C workbook; this object keeps its document alive.
///
/// ```swift
/// let chart = try document.addChart(.column)
/// try chart.addSeries(values: CellRange("C2:C4")!, categories: CellRange("A2:A4")!,
///                     in: sheet, name: "目標値")
/// try chart.setTitle("観光入込客数")
/// try sheet.insertChart(chart, at: CellReference(row: 1, column: 5), width: 480, height: 288)
/// ```
public final class Chart {
  let document: XLSXDocument
  let handle: UnsafeMutablePointer<lxw_chart>
  public let type: ChartType
  /// How many series were added.
  public private(set) var seriesCount = 0
  /// Whether the chart was inserted into a sheet (a chart is inserted once).
  public internal(set) var isInserted = false

  init(document: XLSXDocument, handle: UnsafeMutablePointer<lxw_chart>, type: ChartType) {
    self.document = document
    self.handle = handle
    self.type = type
  }

  private func live(_ function: String) throws -> UnsafeMutablePointer<lxw_chart> {
    _ = try document.liveHandle(function)
    return handle
  }

  /// Adds a series whose values (and optional category labels) are ranges of `sheet`.
  ///
  /// The corresponding C functions are `chart_add_series`, `chart_series_set_values`,
  /// `chart_series_set_categories` and `chart_series_set_name`.
  public func addSeries(
    values: CellRange, categories: CellRange? = nil, in sheet: Worksheet, name: String? = nil
  ) throws {
    let function = "chart_add_series"
    let chart = try live(function)
    guard sheet.document === document else {
      throw XLSXWriterError.invalid(
        "the series' sheet belongs to another workbook", function: function, sheet: sheet.name)
    }
    let v = try cRange(values, function: function, sheet: sheet.name)
    let c = try categories.map { try cRange($0, function: function, sheet: sheet.name) }
    if let name, name.isEmpty {
      throw XLSXWriterError.invalid(
        "a series name cannot be empty", function: "chart_series_set_name", sheet: sheet.name)
    }
    guard let series = chart_add_series(chart, nil, nil) else {
      throw XLSXWriterError.library(LXW_ERROR_MEMORY_MALLOC_FAILED, function: function)
    }
    chart_series_set_values(series, sheet.name, v.firstRow, v.firstColumn, v.lastRow, v.lastColumn)
    if let c {
      chart_series_set_categories(
        series, sheet.name, c.firstRow, c.firstColumn, c.lastRow, c.lastColumn)
    }
    if let name { chart_series_set_name(series, name) }
    seriesCount += 1
  }

  /// Sets the chart's title.
  ///
  /// The corresponding C function is `chart_title_set_name`.
  public func setTitle(_ title: String) throws {
    let chart = try live("chart_title_set_name")
    try Chart.checkTitle(title, "chart_title_set_name")
    chart_title_set_name(chart, title)
  }

  /// Sets the category (horizontal) axis title.
  ///
  /// The corresponding C function is `chart_axis_set_name` on the x axis.
  public func setXAxisTitle(_ title: String) throws {
    let chart = try live("chart_axis_set_name")
    try Chart.checkTitle(title, "chart_axis_set_name")
    chart_axis_set_name(chart.pointee.x_axis, title)
  }

  /// Sets the value (vertical) axis title.
  ///
  /// The corresponding C function is `chart_axis_set_name` on the y axis.
  public func setYAxisTitle(_ title: String) throws {
    let chart = try live("chart_axis_set_name")
    try Chart.checkTitle(title, "chart_axis_set_name")
    chart_axis_set_name(chart.pointee.y_axis, title)
  }

  /// Sets the font of the title, the axes' labels and the legend: `name` at `size` points
  /// (charts otherwise use Calibri, which has no Japanese); category labels stay level.
  ///
  /// The corresponding C functions are `chart_title_set_name_font`, `chart_axis_set_num_font`
  /// and `chart_legend_set_font`.
  public func setFont(name: String, size: Double, titleSize: Double) throws {
    let chart = try live("chart_title_set_name_font")
    guard !name.isEmpty, size.isFinite, titleSize.isFinite, (1...400).contains(size),
      (1...400).contains(titleSize)
    else {
      throw XLSXWriterError.invalid(
        "a chart font needs a name and a size in 1...400 points",
        function: "chart_title_set_name_font")
    }
    let strings = CStringBag()
    var font = lxw_chart_font()
    font.name = strings.copy(name)
    font.size = size
    chart_axis_set_num_font(chart.pointee.y_axis, &font)
    // Category labels level (an explicit angle of 0), wrapped rather than slanted.
    var categories = font
    categories.rotation = 360
    chart_axis_set_num_font(chart.pointee.x_axis, &categories)
    chart_legend_set_font(chart, &font)
    var title = font
    title.size = titleSize
    title.bold = 1
    chart_title_set_name_font(chart, &title)
    withExtendedLifetime(strings) {}
  }

  /// Sets the value axis's number format (`#,##0` for thousands separators) and, when given,
  /// its minimum (0 so counts and amounts are drawn from zero).
  ///
  /// The corresponding C functions are `chart_axis_set_num_format` and `chart_axis_set_min`.
  public func setValueAxis(numberFormat: String, minimum: Double? = nil) throws {
    let chart = try live("chart_axis_set_num_format")
    guard !numberFormat.isEmpty else {
      throw XLSXWriterError.invalid(
        "a number format cannot be empty", function: "chart_axis_set_num_format")
    }
    chart_axis_set_num_format(chart.pointee.y_axis, numberFormat)
    if let minimum {
      guard minimum.isFinite else {
        throw XLSXWriterError.invalid(
          "an axis minimum must be finite", function: "chart_axis_set_min")
      }
      chart_axis_set_min(chart.pointee.y_axis, minimum)
    }
  }

  /// Puts the legend below the plot, where it takes no width from the columns.
  ///
  /// The corresponding C function is `chart_legend_set_position`.
  public func setLegendAtBottom() throws {
    chart_legend_set_position(
      try live("chart_legend_set_position"), UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
  }

  private static func checkTitle(_ title: String, _ function: String) throws {
    // A leading "=" would make libxlsxwriter read the title as a range formula.
    guard !title.isEmpty, !title.hasPrefix("=") else {
      throw XLSXWriterError.invalid(
        "a chart title must be non-empty and not start with \"=\"", function: function)
    }
  }
}

extension XLSXDocument {
  /// Creates a chart; give it series, then insert it into a sheet.
  ///
  /// The corresponding C function is `workbook_add_chart`.
  public func addChart(_ type: ChartType) throws -> Chart {
    let function = "workbook_add_chart"
    let workbook = try liveHandle(function)
    guard let chart = workbook_add_chart(workbook, type.cValue) else {
      throw XLSXWriterError.library(LXW_ERROR_MEMORY_MALLOC_FAILED, function: function)
    }
    return Chart(document: self, handle: chart, type: type)
  }
}

extension Worksheet {
  /// The size libxlsxwriter gives a chart at scale 1, in pixels.
  static let defaultChartSize = (width: 480.0, height: 288.0)

  /// Inserts a chart with its top-left corner at `cell` (moved right and down by `offset`
  /// pixels), `width` × `height` pixels.
  ///
  /// The corresponding C function is `worksheet_insert_chart_opt`.
  public func insertChart(
    _ chart: Chart, at cell: CellReference, width: Double = 480, height: Double = 288,
    offset: (x: Int, y: Int) = (0, 0)
  ) throws {
    let function = "worksheet_insert_chart_opt"
    let sheet = try live(function)
    let (row, column) = try coordinates(cell, function)
    guard chart.document === document else {
      throw invalid("the chart belongs to another workbook", function, at: cell.a1())
    }
    guard chart.seriesCount > 0 else {
      throw invalid(
        "a chart needs at least one series before it is inserted", function, at: cell.a1())
    }
    guard !chart.isInserted else {
      throw invalid("a chart can be inserted only once", function, at: cell.a1())
    }
    guard width.isFinite, height.isFinite, width >= 10, height >= 10, width <= 10_000,
      height <= 10_000
    else {
      throw invalid("chart sizes lie in 10...10,000 pixels", function, at: cell.a1())
    }
    var options = lxw_chart_options()
    options.x_scale = width / Worksheet.defaultChartSize.width
    options.y_scale = height / Worksheet.defaultChartSize.height
    guard let xOffset = Int32(exactly: offset.x), let yOffset = Int32(exactly: offset.y),
      xOffset >= 0, yOffset >= 0
    else {
      throw invalid("chart offsets are non-negative pixels", function, at: cell.a1())
    }
    options.x_offset = xOffset
    options.y_offset = yOffset
    try check(
      worksheet_insert_chart_opt(sheet, row, column, chart.handle, &options), function,
      at: cell.a1())
    chart.isInserted = true
  }
}
