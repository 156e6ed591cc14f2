/// A cell's number format: its code, what kind of value it shows, and the literal text
/// around the number (the unit typed into the format, such as 人 in `#,##0"人"`).
///
/// A class, immutable and shared: every cell of a style points at one instance, so handing a
/// cell over costs one reference count rather than one per string inside.
public final class NumberFormat: Sendable, Hashable {
  /// What a format shows a number as.
  public enum Kind: Sendable, Hashable {
    case general
    case number
    case percent
    /// A calendar date with no time of day (`yyyy/m/d`, `[$-411]ggge"年"m"月"`).
    case date
    /// A time of day or a duration (`h:mm`, `[h]:mm:ss`).
    case time
    /// A date and a time (`yyyy/m/d h:mm`).
    case dateTime
    case text

    /// True for the three date-time kinds: the stored number is a date serial.
    public var isDateTime: Bool { self == .date || self == .time || self == .dateTime }
  }

  /// The `numFmtId`: below 164 a built-in format, from 164 a custom one.
  public let id: Int
  /// The format code, built-in IDs spelled out as Excel shows them in a Japanese locale.
  public let code: String
  public let kind: Kind
  /// Literal text before the first digit placeholder of the positive section (¥, 令和).
  public let prefix: String?
  /// Literal text after the last digit placeholder of the positive section (人, 千円, 年度).
  public let suffix: String?
  /// Commas after the last digit placeholder: each divides the shown number by 1,000.
  public let scaleCommas: Int
  /// The currency symbol of a `[$¥-411]` locale block, if any.
  public let currency: String?

  /// Classifies a format code.
  public init(id: Int, code: String) {
    self.id = id
    self.code = code
    let scan = FormatCodeScanner(code: code)
    kind = scan.kind
    prefix = scan.prefix
    suffix = scan.suffix
    scaleCommas = scan.scaleCommas
    currency = scan.currency
  }

  /// An equal format in an object of its own (see ParallelSheetReader).
  init(copying format: NumberFormat) {
    id = format.id
    code = format.code
    kind = format.kind
    prefix = format.prefix
    suffix = format.suffix
    scaleCommas = format.scaleCommas
    currency = format.currency
  }

  public static func == (lhs: NumberFormat, rhs: NumberFormat) -> Bool {
    lhs.id == rhs.id && lhs.code == rhs.code
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(id)
    hasher.combine(code)
  }

  /// The format for a built-in ID, or nil for General and unknown IDs.
  public static func builtIn(_ id: Int) -> NumberFormat? {
    guard let code = builtInCodes[id] else { return nil }
    return NumberFormat(id: id, code: code)
  }

  /// True for the General format (no format at all).
  public var isGeneral: Bool { kind == .general }

  /// Built-in formats as a Japanese-locale Excel defines them; none of these codes is
  /// written into the file, only the ID (27–36 and 50–58 are the Japanese date formats).
  static let builtInCodes: [Int: String] = [
    1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00",
    5: "\"¥\"#,##0;\"¥\"\\-#,##0", 6: "\"¥\"#,##0;[Red]\"¥\"\\-#,##0",
    7: "\"¥\"#,##0.00;\"¥\"\\-#,##0.00", 8: "\"¥\"#,##0.00;[Red]\"¥\"\\-#,##0.00",
    9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
    14: "yyyy/m/d", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy",
    18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "yyyy/m/d h:mm",
    27: "[$-411]ge.m.d", 28: "[$-411]ggge\"年\"m\"月\"d\"日\"", 29: "[$-411]ggge\"年\"m\"月\"d\"日\"",
    30: "m/d/yy", 31: "yyyy\"年\"m\"月\"d\"日\"", 32: "h\"時\"mm\"分\"", 33: "h\"時\"mm\"分\"ss\"秒\"",
    34: "yyyy\"年\"m\"月\"", 35: "m\"月\"d\"日\"", 36: "[$-411]ge.m.d",
    37: "#,##0;-#,##0", 38: "#,##0;[Red]-#,##0", 39: "#,##0.00;-#,##0.00",
    40: "#,##0.00;[Red]-#,##0.00",
    41: "_ * #,##0_ ;_ * \\-#,##0_ ;_ * \"-\"_ ;_ @_ ",
    42: "_ \"¥\"* #,##0_ ;_ \"¥\"* \\-#,##0_ ;_ \"¥\"* \"-\"_ ;_ @_ ",
    43: "_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * \"-\"??_ ;_ @_ ",
    44: "_ \"¥\"* #,##0.00_ ;_ \"¥\"* \\-#,##0.00_ ;_ \"¥\"* \"-\"??_ ;_ @_ ",
    45: "mm:ss", 46: "[h]:mm:ss", 47: "mm:ss.0", 48: "##0.0E+0", 49: "@",
    50: "[$-411]ge.m.d", 51: "[$-411]ggge\"年\"m\"月\"d\"日\"", 52: "yyyy\"年\"m\"月\"",
    53: "m\"月\"d\"日\"", 54: "[$-411]ggge\"年\"m\"月\"d\"日\"", 55: "yyyy\"年\"m\"月\"",
    56: "m\"月\"d\"日\"", 57: "[$-411]ggge\"年\"m\"月\"", 58: "[$-411]ggge\"年\"m\"月\"d\"日\"",
  ]
}

/// Reads a format code's first section once, noting tokens and the literal text around the
/// digits. Quoted text, `\x` escapes, `_x` padding, `*x` fills and `[...]` blocks are
/// understood so that a 年 inside quotes is never mistaken for a date token.
private struct FormatCodeScanner {
  var kind: NumberFormat.Kind = .number
  var prefix: String?
  var suffix: String?
  var scaleCommas = 0
  var currency: String?

  init(code: String) {
    let scalars = Array(code.unicodeScalars)
    if scalars.isEmpty || code.lowercased() == "general" {
      kind = .general
      return
    }
    var hasDate = false
    var hasTime = false
    var hasDigits = false
    var hasPercent = false
    var hasText = false
    var hasGeneral = false
    var before = ""
    var after = ""
    var pendingCommas = 0
    var lastDateToken: Character = " "
    var index = 0

    func literal(_ text: String) {
      if hasDigits { after += text } else { before += text }
    }

    scan: while index < scalars.count {
      let scalar = scalars[index]
      let character = Character(scalar)
      let lower = Character(String(character).lowercased())
      switch character {
      case ";":
        break scan
      case "\"":
        var text = ""
        index += 1
        while index < scalars.count && scalars[index] != "\"" {
          text.unicodeScalars.append(scalars[index])
          index += 1
        }
        literal(text)
      case "\\":
        if index + 1 < scalars.count {
          index += 1
          literal(String(scalars[index]))
        }
      case "_", "*":
        index += 1  // padding or fill: the next character is not shown as such
      case "[":
        var block = ""
        index += 1
        while index < scalars.count && scalars[index] != "]" {
          block.unicodeScalars.append(scalars[index])
          index += 1
        }
        let lowerBlock = block.lowercased()
        if block.hasPrefix("$") {
          let symbol = block.dropFirst().prefix { $0 != "-" }
          if !symbol.isEmpty {
            currency = String(symbol)
            literal(String(symbol))
          }
        } else if !lowerBlock.isEmpty
          && lowerBlock.allSatisfy({ $0 == "h" || $0 == "m" || $0 == "s" })
        {
          hasTime = true
        }
      case "0", "#", "?":
        hasDigits = true
        pendingCommas = 0
      case ".":
        if !hasDigits
          && !(index + 1 < scalars.count && "0#?".unicodeScalars.contains(scalars[index + 1]))
        {
          literal(".")
        }
      case ",":
        if hasDigits { pendingCommas += 1 } else { literal(",") }
      case "%":
        hasPercent = true
      case "@":
        hasText = true
      default:
        if lower == "e", index + 1 < scalars.count,
          scalars[index + 1] == "+" || scalars[index + 1] == "-"
        {
          index += 1  // scientific notation, not the era year
        } else if lower == "g", scalars.count >= index + 7,
          String(String.UnicodeScalarView(scalars[index..<index + 7])).lowercased() == "general"
        {
          hasGeneral = true
          index += 6
        } else if lower == "y" || lower == "d" || lower == "g" || lower == "e" || lower == "b" {
          hasDate = true
          lastDateToken = lower
        } else if lower == "h" || lower == "s" {
          hasTime = true
          lastDateToken = lower
        } else if lower == "m" {
          // m is minutes after h or before s, months otherwise.
          var next = index + 1
          while next < scalars.count && (scalars[next] == "m" || scalars[next] == "M") { next += 1 }
          var following = next
          while following < scalars.count
            && (scalars[following] == ":" || scalars[following] == " "
              || scalars[following] == "\"")
          {
            following += 1
          }
          let beforeSeconds =
            following < scalars.count && (scalars[following] == "s" || scalars[following] == "S")
          if lastDateToken == "h" || beforeSeconds { hasTime = true } else { hasDate = true }
          lastDateToken = "m"
          index = next - 1
        } else if lower == "a", let marker = Self.amPmMarker(scalars, at: index) {
          hasTime = true
          index += marker - 1
        } else {
          literal(String(character))
        }
      }
      index += 1
    }

    if hasDate || hasTime {
      kind = hasDate && hasTime ? .dateTime : (hasDate ? .date : .time)
      return
    }
    if hasText && !hasDigits {
      kind = .text
      return
    }
    if hasGeneral && !hasDigits && before.isEmpty && after.isEmpty {
      kind = .general
      return
    }
    kind = hasPercent ? .percent : .number
    scaleCommas = pendingCommas
    let trimmedBefore = before.trimmingSpaces()
    let trimmedAfter = after.trimmingSpaces()
    prefix = trimmedBefore.isEmpty ? nil : trimmedBefore
    suffix = trimmedAfter.isEmpty ? nil : trimmedAfter
  }

  /// The length of an `AM/PM` or `A/P` marker at `index`, or nil.
  private static func amPmMarker(_ scalars: [Unicode.Scalar], at index: Int) -> Int? {
    let ahead = String(String.UnicodeScalarView(scalars[index..<min(index + 5, scalars.count)]))
      .uppercased()
    if ahead.hasPrefix("AM/PM") { return 5 }
    if ahead.hasPrefix("A/P") { return 3 }
    return nil
  }
}

extension String {
  /// Drops leading and trailing ASCII and ideographic spaces (no Foundation on this path).
  func trimmingSpaces() -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\u{3000}" || $0 == "\t" }
    guard let start = firstIndex(where: { !isSpace($0) }),
      let end = lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(self[start...end])
  }
}
