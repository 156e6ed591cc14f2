/// A date, time or date-time computed from an Excel serial number, with no time zone.
///
/// Excel stores dates as days since an epoch (1900 or 1904 system) with the time of day as the
/// fraction; the fields here are what Excel shows, computed with integer arithmetic only.
public struct ExcelDateTime: Sendable, Hashable, CustomStringConvertible {
  /// Which parts are meaningful, as the cell's format decides.
  public enum Kind: Sendable, Hashable {
    case date
    case time
    case dateTime
  }

  // Stored narrow (a cell value is copied for every cell read, so its size matters); read
  // and written as Int. Excel's dates run from year 1899 to 9999.
  private var storedYear: Int16
  private var storedMonth: UInt8
  private var storedDay: UInt8
  private var storedHour: UInt8
  private var storedMinute: UInt8
  private var storedSecond: UInt8
  public var kind: Kind

  public var year: Int {
    get { Int(storedYear) }
    set { storedYear = Int16(clamping: newValue) }
  }
  public var month: Int {
    get { Int(storedMonth) }
    set { storedMonth = UInt8(clamping: newValue) }
  }
  public var day: Int {
    get { Int(storedDay) }
    set { storedDay = UInt8(clamping: newValue) }
  }
  public var hour: Int {
    get { Int(storedHour) }
    set { storedHour = UInt8(clamping: newValue) }
  }
  public var minute: Int {
    get { Int(storedMinute) }
    set { storedMinute = UInt8(clamping: newValue) }
  }
  public var second: Int {
    get { Int(storedSecond) }
    set { storedSecond = UInt8(clamping: newValue) }
  }

  public init(
    year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
    kind: Kind = .date
  ) {
    storedYear = Int16(clamping: year)
    storedMonth = UInt8(clamping: month)
    storedDay = UInt8(clamping: day)
    storedHour = UInt8(clamping: hour)
    storedMinute = UInt8(clamping: minute)
    storedSecond = UInt8(clamping: second)
    self.kind = kind
  }

  /// Converts a serial; nil for negative or absurd serials, which Excel shows as ####.
  ///
  /// In the 1900 system Excel counts 1900-02-29 (serial 60), a day that never was, so serials
  /// from 61 on count from 1899-12-30 and earlier ones from 1899-12-31.
  public init?(serial: Double, uses1904: Bool, kind: Kind) {
    guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
    var days = Int(serial.rounded(.down))
    var seconds = Int(((serial - Double(days)) * 86_400).rounded())
    if seconds >= 86_400 {
      days += 1
      seconds -= 86_400
    }
    // A serial that rounds past 9999-12-31 23:59:59 is beyond Excel's calendar (#### there).
    // (The 1904 system counts 1,462 days fewer to the same day.)
    guard days <= Self.lastDay - (uses1904 ? 1_462 : 0) else { return nil }
    let date: (Int, Int, Int)
    if uses1904 {
      date = Self.civil(fromDays: days + Self.daysFrom1970(1904, 1, 1))
    } else if days == 60 {
      date = (1900, 2, 29)
    } else if days < 60 {
      date = Self.civil(fromDays: days + Self.daysFrom1970(1899, 12, 31))
    } else {
      date = Self.civil(fromDays: days + Self.daysFrom1970(1899, 12, 30))
    }
    self.init(
      year: date.0, month: date.1, day: date.2, hour: seconds / 3600, minute: seconds / 60 % 60,
      second: seconds % 60, kind: kind)
  }

  /// Parses an ISO 8601 value of a `t="d"` cell: `2016-03-31`, `2016-03-31T09:30:00` or
  /// `09:30:00`, seconds optionally with a fraction (dropped) and a date-time optionally
  /// with `Z`. nil for anything else: a day the month does not have, a time past 23:59:59,
  /// a year outside 1...9999, or text after the value.
  public init?(iso text: String) {
    var scanner = ISOScanner(Array(text.utf8))
    if let (hour, minute, second) = scanner.time(), scanner.isAtEnd {
      self.init(
        year: 1899, month: 12, day: 31, hour: hour, minute: minute, second: second, kind: .time)
      return
    }
    scanner.position = 0
    guard let (year, month, day) = scanner.date() else { return nil }
    if scanner.isAtEnd {
      self.init(year: year, month: month, day: day)
      return
    }
    guard scanner.skip(0x54) || scanner.skip(0x20), let (hour, minute, second) = scanner.time()
    else { return nil }
    _ = scanner.skip(0x5A)  // Z: UTC, the only zone a cell's value can carry without doubt
    guard scanner.isAtEnd else { return nil }
    self.init(
      year: year, month: month, day: day, hour: hour, minute: minute, second: second,
      kind: hour + minute + second > 0 ? .dateTime : .date)
  }

  /// `2016-03-31`, `2016-03-31T09:30:00` or `09:30:00`.
  public var description: String {
    let date = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    let time = "\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))"
    switch kind {
    case .date: return date
    case .time: return time
    case .dateTime: return "\(date)T\(time)"
    }
  }

  private func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width
      ? digits : String(repeating: "0", count: width - digits.count) + digits
  }

  /// Excel's last day, 9999-12-31, as a serial of the 1900 system.
  static let lastDay = 2_958_465

  /// The days of `month` in `year` (proleptic Gregorian).
  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Days from 1970-01-01 to a civil date (proleptic Gregorian), after Howard Hinnant.
  static func daysFrom1970(_ year: Int, _ month: Int, _ day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The civil date of a day count from 1970-01-01.
  static func civil(fromDays days: Int) -> (Int, Int, Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}

/// Reads the fields of an ISO 8601 date or time, each exactly as wide as ISO writes it.
private struct ISOScanner {
  let bytes: [UInt8]
  var position = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  var isAtEnd: Bool { position == bytes.count }

  /// Steps over `byte` if it comes next.
  mutating func skip(_ byte: UInt8) -> Bool {
    guard position < bytes.count, bytes[position] == byte else { return false }
    position += 1
    return true
  }

  /// `count` decimal digits.
  mutating func number(_ count: Int) -> Int? {
    guard position + count <= bytes.count else { return nil }
    var value = 0
    for byte in bytes[position..<position + count] {
      guard byte >= 0x30 && byte <= 0x39 else { return nil }
      value = value * 10 + Int(byte - 0x30)
    }
    position += count
    return value
  }

  /// `YYYY-MM-DD`, a day the month has, in years 1 to 9999.
  mutating func date() -> (Int, Int, Int)? {
    guard let year = number(4), skip(0x2D), let month = number(2), skip(0x2D),
      let day = number(2), year >= 1, (1...12).contains(month),
      (1...ExcelDateTime.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    return (year, month, day)
  }

  /// `hh:mm:ss`, optionally with a fraction of a second, up to 23:59:59.
  mutating func time() -> (Int, Int, Int)? {
    guard let hour = number(2), skip(0x3A), let minute = number(2), skip(0x3A),
      let second = number(2), hour <= 23, minute <= 59, second <= 59
    else { return nil }
    if skip(0x2E) {
      let digits = position
      while position < bytes.count, bytes[position] >= 0x30 && bytes[position] <= 0x39 {
        position += 1
      }
      guard position > digits else { return nil }
    }
    return (hour, minute, second)
  }
}
