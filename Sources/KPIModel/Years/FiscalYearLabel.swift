/// A calendar year and month, as a 目標年月 (due date) gives it.
public struct YearMonth: Sendable, Hashable {
  public var year: Int
  /// 1–12.
  public var month: Int

  public init(year: Int, month: Int) {
    self.year = year
    self.month = month
  }

  /// The fiscal year containing this month (March 2016 → 2015).
  public var fiscalYear: Int { FiscalYear.containing(year: year, month: month) }
}

/// What a year label in a sheet says: a fiscal year, a year relative to the project's
/// start, or a due month.
///
/// Parses 令和２年度, 令和元年度, 平成31年度, R2, Ｒ２年度, H28, 2020年度, FY2020, 2020,
/// 令和2年度（2020年度）; relative 初年度, 2年目, ３年度目; due months H28.3, R4.3, 2016/3,
/// 2016-03, 2016年3月, 令和4年3月. Layout line breaks and spaces inside the label
/// (初\n年\n度, 令 和 ２ 年 度) and full-width forms are ignored.
public enum FiscalYearLabel: Sendable, Hashable {
  /// A Western fiscal year (2020 for 令和2年度).
  case absolute(Int)
  /// A year counted from the project's first year: 初年度 and 1年目 are 0, 2年目 is 1.
  case relative(Int)
  /// A due month (目標年月); `text` is the label as written, for the records' `due`.
  case due(YearMonth, text: String)

  /// Parses a label; nil when it is not a year label the rules know (the caller reports
  /// `unknown-year`).
  public init?(_ text: String) {
    guard let label = Self.parse(text) else { return nil }
    self = label
  }

  /// The fiscal year this label stands for. A relative label needs the project's first
  /// fiscal year and is nil without one.
  public func resolve(periodStart: Int?) -> Int? {
    switch self {
    case .absolute(let year): return year
    case .relative(let index): return periodStart.map { $0 + index }
    case .due(let month, _): return month.fiscalYear
    }
  }

  /// The text for the records' `due` field; nil unless this is a due month.
  public var dueText: String? {
    if case .due(_, let text) = self { return text }
    return nil
  }

  /// Parses a label; nil when unparseable.
  public static func parse(_ text: String) -> FiscalYearLabel? {
    let scalars = CharacterFolding.foldedCompact(text)
    guard !scalars.isEmpty else { return nil }
    let original = text.trimmingLayoutWhitespace()
    // 令和2年度（2020年度）: the label, then an explanatory second form in brackets.
    if let open = scalars.firstIndex(of: "("), open > 0 {
      guard let close = scalars.lastIndex(of: ")"), close > open else { return nil }
      // 2023（令和5）年度, 令和5（2023）年度: both forms share the 年度 after the bracket, and
      // must name the same year.
      if close != scalars.count - 1 {
        let suffix = scalars[(close + 1)...]
        guard ["年度", "年"].contains(String(String.UnicodeScalarView(suffix))),
          case .absolute(let main)? = parseCore(
            ArraySlice(scalars[..<open] + suffix), original: original),
          case .absolute(let inner)? = parseCore(
            ArraySlice(scalars[(open + 1)..<close] + suffix), original: original),
          main == inner
        else { return nil }
        return .absolute(main)
      }
      let main = parseCore(scalars[..<open], original: original)
      let inner = parseCore(scalars[(open + 1)..<close], original: original)
      if case .relative = main, let inner, case .absolute = inner { return inner }
      return main ?? inner
    }
    return parseCore(scalars[...], original: original)
  }

  /// The era whose name or letter `scalars` starts with, and that prefix's length.
  static func era(startingWith scalars: some Collection<Unicode.Scalar>) -> (
    era: Era, length: Int
  )? {
    var iterator = scalars.makeIterator()
    guard let first = iterator.next() else { return nil }
    let second = iterator.next()
    switch (first, second) {
    case ("令", "和"): return (.reiwa, 2)
    case ("平", "成"): return (.heisei, 2)
    case ("昭", "和"): return (.showa, 2)
    default: break
    }
    switch first {
    case "R", "r", "\u{32FF}": return (.reiwa, 1)  // ㋿
    case "H", "h", "\u{337B}": return (.heisei, 1)  // ㍻
    case "S", "s", "\u{337C}": return (.showa, 1)  // ㍼
    default: return nil
    }
  }

  private static func parseCore(
    _ scalars: ArraySlice<Unicode.Scalar>, original: String
  ) -> FiscalYearLabel? {
    var cursor = ScalarCursor(scalars)
    if cursor.consume("初年度") {
      return cursor.atEnd ? .relative(0) : nil
    }
    if let era = era(startingWith: scalars) {
      cursor.advance(era.length)
      let eraYear: Int?
      if cursor.consume("元") {
        eraYear = 1
      } else {
        eraYear = cursor.readNumber(maxDigits: 2)
      }
      guard let eraYear, eraYear >= 1 else { return nil }
      return yearTail(&cursor, year: era.era.westernYear(eraYear), original: original)
    }
    let hasFY = cursor.consume("FY") || cursor.consume("fy")
    let start = cursor.index
    guard let number = cursor.readNumber(maxDigits: 4) else { return nil }
    if !hasFY, cursor.index - start <= 2 {
      // 2年目, ３年度目: relative years, counted from 1.
      guard number >= 1, cursor.consume("年目") || cursor.consume("年度目"), cursor.atEnd
      else { return nil }
      return .relative(number - 1)
    }
    guard cursor.index - start == 4, (1900...2999).contains(number) else { return nil }
    return yearTail(&cursor, year: number, original: original)
  }

  /// What may follow a year: nothing, 年度, 年, or a month (.3, /3, -03, 年3月).
  private static func yearTail(
    _ cursor: inout ScalarCursor, year: Int, original: String
  ) -> FiscalYearLabel? {
    if cursor.atEnd { return .absolute(year) }
    if cursor.consume("年度") {
      // 令和2年度末 is still the fiscal year.
      _ = cursor.consume("末")
      return cursor.atEnd ? .absolute(year) : nil
    }
    if cursor.consume("年") {
      if cursor.atEnd { return .absolute(year) }
    } else if !(cursor.consume(".") || cursor.consume("/") || cursor.consume("-")) {
      return nil
    }
    guard let month = cursor.readNumber(maxDigits: 2), (1...12).contains(month) else {
      return nil
    }
    _ = cursor.consume("月")
    // An optional day: H28.3.31, 2016/3/31, 2016年3月31日.
    let hasSeparator = cursor.consume(".") || cursor.consume("/") || cursor.consume("-")
    if let day = cursor.readNumber(maxDigits: 2) {
      guard (1...31).contains(day) else { return nil }
      _ = cursor.consume("日")
    } else if hasSeparator {
      return nil
    }
    _ = cursor.consume("末")
    guard cursor.atEnd else { return nil }
    return .due(YearMonth(year: year, month: month), text: original)
  }
}

/// A read position in width-folded scalars.
struct ScalarCursor {
  private let scalars: ArraySlice<Unicode.Scalar>
  private(set) var index: Int

  init(_ scalars: ArraySlice<Unicode.Scalar>) {
    self.scalars = scalars
    self.index = scalars.startIndex
  }

  var atEnd: Bool { index >= scalars.endIndex }

  mutating func advance(_ count: Int) { index = min(index + count, scalars.endIndex) }

  /// Consumes `word` if the scalars continue with it.
  mutating func consume(_ word: String) -> Bool {
    var probe = index
    for scalar in word.unicodeScalars {
      guard probe < scalars.endIndex, scalars[probe] == scalar else { return false }
      probe += 1
    }
    index = probe
    return true
  }

  /// Reads 1 to `maxDigits` ASCII digits; nil (consuming nothing) when there are none or
  /// more than `maxDigits` follow.
  mutating func readNumber(maxDigits: Int) -> Int? {
    var probe = index
    var value = 0
    while probe < scalars.endIndex, let digit = CharacterFolding.digitValue(scalars[probe]) {
      value = value * 10 + digit
      probe += 1
      if probe - index > maxDigits { return nil }
    }
    guard probe > index else { return nil }
    index = probe
    return value
  }
}

extension String {
  /// The text without leading and trailing whitespace (U+3000 and line breaks included).
  func trimmingLayoutWhitespace() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !CharacterFolding.isWhitespace($0) }),
      let last = scalars.lastIndex(where: { !CharacterFolding.isWhitespace($0) })
    else { return "" }
    return String(scalars[first...last])
  }
}
