internal import CXLSXWriter

/// A calendar date and wall-clock time with no time zone, as Excel stores it.
public struct LocalDateTime: Hashable, Sendable {
  public var year: Int
  public var month: Int
  public var day: Int
  public var hour: Int
  public var minute: Int
  public var second: Double

  public init(
    year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Double = 0
  ) {
    self.year = year
    self.month = month
    self.day = day
    self.hour = hour
    self.minute = minute
    self.second = second
  }

  /// Whether the value has a time of day other than midnight.
  public var hasTime: Bool { hour != 0 || minute != 0 || second != 0 }

  /// Checks the fields and converts them for libxlsxwriter (1900 date system only).
  func cValue(function: String) throws -> lxw_datetime {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    guard (1900...9999).contains(year), (1...12).contains(month),
      (1...days[month - 1]).contains(day), (0...23).contains(hour), (0...59).contains(minute),
      second >= 0, second < 60,
      let cYear = Int32(exactly: year), let cMonth = Int32(exactly: month),
      let cDay = Int32(exactly: day), let cHour = Int32(exactly: hour),
      let cMinute = Int32(exactly: minute)
    else {
      throw XLSXWriterError.invalid(
        "not a valid date-time in 1900...9999: \(year)-\(month)-\(day) \(hour):\(minute):\(second)",
        function: function)
    }
    return lxw_datetime(
      year: cYear, month: cMonth, day: cDay, hour: cHour, min: cMinute, sec: second)
  }
}

/// The cached result stored with a formula, shown until Excel recalculates.
public enum FormulaResult: Hashable, Sendable {
  case number(Double)
  case string(String)
}

/// One run of a rich string: text and its own format (nil: the cell's default font).
public struct RichTextRun: Hashable, Sendable {
  public var text: String
  public var format: FormatSpec?

  public init(_ text: String, format: FormatSpec? = nil) {
    self.text = text
    self.format = format
  }
}

/// Any value a cell can be given in one call.
public enum CellValue: Hashable, Sendable {
  case string(String)
  case number(Double)
  /// An integer; refused beyond ±2^53 (write long codes as strings).
  case integer(Int)
  case bool(Bool)
  case dateTime(LocalDateTime)
  case formula(String, result: FormulaResult?)
  case richString([RichTextRun])
  /// An empty cell, useful with a format (borders, fill).
  case blank
}
