/// Reads KPI values and amounts from cells: typed text ("10,000,000円", "▲339",
/// "約5,000人") and numeric cells with their number format.
///
/// Runs once per cell, so it scans scalars by hand instead of using regular expressions.
public enum QuantityParser {
  /// Reads a text cell. See records.md's numbers table for the rules.
  public static func parse(_ text: String) -> ParsedQuantity {
    var scan = TextQuantityScan(text)
    return scan.run()
  }

  /// Reads a numeric cell through what its number format shows.
  ///
  /// - Parameters:
  ///   - value: the stored number; a stored 0 stays 0 and a negative shown as ▲ stays
  ///     the stored negative (formats never change the sign).
  ///   - formatUnit: the format's literal suffix (`人` from `#,##0"人"`), or the currency
  ///     symbol of `[$¥-411]` (`¥` becomes `円`). 万/億 in it multiply, as in text.
  ///   - scaleCommas: trailing commas in the format (`#,##0,` is 1): each divides by 1,000,
  ///     giving the magnitude a person sees.
  ///   - isPercent: a percent format: 0.054 becomes 5.4 with unit `%`.
  public static func number(
    _ value: Double, formatUnit: String? = nil, scaleCommas: Int = 0, isPercent: Bool = false
  ) -> ParsedQuantity {
    guard let stored = DecimalDigits(value) else {
      return .error(QuantityError(.notANumber, text: String(describing: value)))
    }
    var decimal = stored.rounded()
    var unit = formatUnit.flatMap(normalizedUnit)
    if isPercent {
      decimal = decimal.scaled(byPowerOfTen: 2)
      unit = "%"
    } else if let withMultiplier = unit {
      let split = splitMultiplier(withMultiplier)
      decimal = decimal.scaled(byPowerOfTen: split.powerOfTen)
      unit = split.unit
    }
    decimal = decimal.scaled(byPowerOfTen: -3 * max(0, scaleCommas))
    return .value(decimal.rounded().doubleValue, unit: unit, qualifiers: [])
  }

  /// 未集計, 集計中, 未確定, 調査中, 算定中 (perhaps with brackets or a note): a value not
  /// known yet, read as null with a warning (records.md).
  public static func isNotYetKnown(_ text: String) -> Bool {
    // ※集計中: a note mark before the word points at a note; the word still says it.
    let header = HeaderText(String(text.drop { "※*＊ 　".contains($0) }))
    // （集計中）: the word alone in brackets.
    let key = header.key.isEmpty ? HeaderText.key(header.notes.first ?? "") : header.key
    return ["未集計", "集計中", "未確定", "調査中", "算定中", "未算定", "未公表", "集計前"].contains {
      key.hasPrefix($0)
    }
  }

  /// `value` × 10^`power`, exact in decimal (190 under 万人 is 1,900,000, never 1899999.99…).
  public static func scaled(_ value: Double, byPowerOfTen power: Int) -> Double {
    guard let digits = DecimalDigits(value) else { return value }
    return digits.rounded().scaled(byPowerOfTen: power).rounded().doubleValue
  }

  /// The unit a header states: `（単位：千円）`, `(単位:人)`, `単位：千円` → 千円.
  public static func headerUnit(_ header: String) -> String? {
    let scalars = CharacterFolding.foldedCompact(header)
    let word: [Unicode.Scalar] = ["単", "位"]
    guard
      let start = scalars.indices.first(where: {
        CharacterFolding.hasWord(word, in: scalars, at: $0)
      })
    else { return nil }
    var index = start + word.count
    while index < scalars.count, [":", "=", "】", "]"].contains(scalars[index]) {
      index += 1
    }
    var unit: [Unicode.Scalar] = []
    while index < scalars.count, ![")", "]", "】", ",", "、", ";"].contains(scalars[index]) {
      unit.append(scalars[index])
      index += 1
    }
    return normalizedUnit(CharacterFolding.string(unit))
  }

  /// A unit as records hold it: NFKC (％ → %), no whitespace, ¥ as 円, パーセント as %;
  /// nil when nothing is left.
  public static func normalizedUnit(_ unit: String) -> String? {
    let compact = CharacterFolding.nfkcCompact(unit)
    switch compact {
    case "": return nil
    case "\u{A5}", "円": return "円"
    case "パーセント": return "%"
    default: return compact
    }
  }

  /// Splits a leading 万 (10^4), 億 (10^8) or 兆 (10^12) off a unit: 万人 → (4, 人).
  /// 千円 and 百万円 are units of their own and stay.
  public static func splitMultiplier(_ unit: String) -> (powerOfTen: Int, unit: String?) {
    guard let first = unit.unicodeScalars.first else { return (0, nil) }
    let power: Int
    switch first {
    case "万": power = 4
    case "億": power = 8
    case "兆": power = 12
    default: return (0, unit)
    }
    let rest = String(unit.unicodeScalars.dropFirst())
    return (power, rest.isEmpty ? nil : rest)
  }
}
