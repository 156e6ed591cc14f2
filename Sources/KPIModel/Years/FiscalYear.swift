/// Fiscal-year arithmetic: the Japanese fiscal year runs from 1 April to 31 March.
public enum FiscalYear {
  /// A fiscal year as a person types it on the command line: 2022, FY2022, 2022年度, R4,
  /// 令和4年度, H30; nil for anything else (a month such as R4.3, a relative 2年目, a year
  /// outside 1989–2100).
  public static func parseArgument(_ text: String) -> Int? {
    let year: Int?
    if let number = Int(text) {
      year = number
    } else if case .absolute(let absolute)? = FiscalYearLabel.parse(text) {
      year = absolute
    } else {
      year = nil
    }
    guard let year, (1989...2100).contains(year) else { return nil }
    return year
  }

  /// The fiscal year containing a calendar month: April–December belong to that year,
  /// January–March to the year before (March 2016 → 2015).
  public static func containing(year: Int, month: Int) -> Int {
    month >= 4 ? year : year - 1
  }

  /// The fiscal year a number cell shows through an era number format.
  ///
  /// A cell holding `2` under the format `"令和"0"年度"` shows 令和2年度, so this returns
  /// 2020. Recognises 令和/平成/昭和 and R/H/S literals before the number, and a
  /// Western year under formats like `0"年度"` or `"FY"0`. Returns nil when the format
  /// shows no year or the number is not a whole year.
  public static func fromEraNumber(_ number: Double, formatCode: String) -> Int? {
    guard number.isFinite, number == number.rounded(), number.magnitude < 10_000 else {
      return nil
    }
    let value = Int(number)
    let literals = FormatLiterals(formatCode)
    let prefix = CharacterFolding.foldedCompact(literals.prefix)
    let suffix = CharacterFolding.foldedCompact(literals.suffix)
    if let era = FiscalYearLabel.era(startingWith: prefix)?.era {
      return (1...99).contains(value) ? era.westernYear(value) : nil
    }
    let fy: [Unicode.Scalar] = ["F", "Y"]
    let nendo: [Unicode.Scalar] = ["年", "度"]
    let showsYear =
      prefix.map(upper) == fy || CharacterFolding.hasWord(nendo, in: suffix, at: 0)
    return showsYear && (1900...2999).contains(value) ? value : nil
  }

  private static func upper(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    (0x61...0x7A).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0x20) ?? scalar : scalar
  }
}

/// The literal text around the number in the first section of a number format code.
private struct FormatLiterals {
  var prefix = ""
  var suffix = ""

  init(_ code: String) {
    var seenPlaceholder = false
    var inQuotes = false
    var inBracket = false
    var escapeNext = false
    func add(_ scalar: Unicode.Scalar) {
      if seenPlaceholder {
        suffix.unicodeScalars.append(scalar)
      } else {
        prefix.unicodeScalars.append(scalar)
      }
    }
    for scalar in code.unicodeScalars {
      if escapeNext {
        add(scalar)
        escapeNext = false
      } else if inQuotes {
        if scalar == "\"" { inQuotes = false } else { add(scalar) }
      } else if inBracket {
        if scalar == "]" { inBracket = false }
      } else {
        switch scalar {
        case "\"": inQuotes = true
        case "\\": escapeNext = true
        case "[": inBracket = true
        case ";": return  // only the first (positive) section matters
        case "0", "#", "?": seenPlaceholder = true
        default:
          // Bare non-ASCII characters (年度 typed without quotes) are literals too.
          if scalar.value >= 0x80 { add(scalar) }
        }
      }
    }
  }
}
