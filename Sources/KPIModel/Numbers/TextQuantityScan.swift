/// One pass over a text cell for `QuantityParser.parse`.
///
/// The order: fold widths and drop spaces; recognise the not-applicable forms; read
/// prefixes (qualifiers like 約, a sign, ▲/△, (…) for negatives, ¥); read the digits;
/// strip trailing qualifiers (以上, （累計）); what is left is the unit, which must not
/// hold a second number.
struct TextQuantityScan {
  private let text: String
  private var scalars: [Unicode.Scalar] = []
  /// A space separated two digits ("5 6"): two values, never 56.
  private var spaceBetweenDigits = false
  private var index = 0
  private var qualifiers: [String] = []

  init(_ text: String) {
    self.text = text
    var pendingSpace = false
    scalars.reserveCapacity(text.unicodeScalars.count)
    for raw in text.unicodeScalars {
      let scalar = CharacterFolding.foldWidth(raw)
      if CharacterFolding.isWhitespace(scalar) {
        pendingSpace = true
        continue
      }
      if pendingSpace, let last = scalars.last, CharacterFolding.isDigit(last),
        CharacterFolding.isDigit(scalar)
      {
        spaceBetweenDigits = true
      }
      pendingSpace = false
      scalars.append(scalar)
    }
  }

  mutating func run() -> ParsedQuantity {
    if scalars.isEmpty || Self.isNotApplicable(scalars) { return .notApplicable }
    if let compound = compoundAmount() { return compound }
    if spaceBetweenDigits { return failure(.twoValues) }

    var negative = false
    var plusMinus = false
    var signSeen = false
    var yen = false
    prefixes: while index < scalars.count {
      let scalar = scalars[index]
      if let word = Self.prefixQualifiers.first(where: {
        CharacterFolding.hasWord($0, in: scalars, at: index)
      }) {
        qualifiers.append(CharacterFolding.string(word))
        index += word.count
        continue
      }
      switch scalar {
      case _ where !signSeen && (CharacterFolding.isDashLike(scalar) || Self.isTriangle(scalar)):
        negative = true
        signSeen = true
      case "+" where !signSeen:
        signSeen = true
      case "\u{B1}" where !signSeen:  // ±
        plusMinus = true
        signSeen = true
      case "\u{A5}", "\\":  // ¥; a yen sign shows as a backslash in Japanese fonts
        yen = true
      case "(":
        guard let close = scalars[(index + 1)...].firstIndex(of: ")") else {
          return failure(.notANumber)
        }
        if index + 1 < close, Self.startsNumber(scalars[(index + 1)...]), !signSeen {
          // (339) is the accountants' minus; drop the brackets, keep reading inside.
          negative = true
          signSeen = true
          scalars.remove(at: close)
        } else {
          // (見込み)5,000人: a leading note.
          let note = scalars[(index + 1)..<close]
          if !note.isEmpty { qualifiers.append(CharacterFolding.string(note)) }
          index = close + 1
          continue
        }
      default:
        break prefixes
      }
      index += 1
    }

    guard let digits = readDigits() else { return failure(.notANumber) }
    var unit: String
    switch readUnit() {
    case .success(let text): unit = text
    case .failure(let unitFailure): return failure(unitFailure.kind)
    }

    let split = QuantityParser.splitMultiplier(unit)
    unit = split.unit.flatMap(QuantityParser.normalizedUnit) ?? ""
    if yen, !unit.hasSuffix("円") { unit += "円" }

    let decimal = DecimalDigits(
      isNegative: negative, digits: digits.digits,
      exponent: digits.exponent + split.powerOfTen
    ).rounded()
    if plusMinus, !decimal.isZero { qualifiers.insert("±", at: 0) }
    return .value(decimal.doubleValue, unit: unit.isEmpty ? nil : unit, qualifiers: qualifiers)
  }

  private func failure(_ kind: QuantityError.Kind) -> ParsedQuantity {
    .error(QuantityError(kind, text: text))
  }

  /// Reads `1,234.5`: commas only between groups of three; nil when there are no digits
  /// or the commas are misplaced (1,2,3 and 12,O00 are not numbers).
  private mutating func readDigits() -> (digits: [UInt8], exponent: Int)? {
    var digits: [UInt8] = []
    var exponent = 0
    var groupLength = 0
    var sawComma = false
    while index < scalars.count {
      let scalar = scalars[index]
      if let digit = CharacterFolding.digitValue(scalar) {
        digits.append(UInt8(digit))
        groupLength += 1
      } else if scalar == ",", !digits.isEmpty {
        guard sawComma ? groupLength == 3 : groupLength <= 3,
          hasExactlyThreeDigits(after: index)
        else { return nil }
        sawComma = true
        groupLength = 0
      } else {
        break
      }
      index += 1
    }
    if index + 1 < scalars.count, scalars[index] == ".",
      CharacterFolding.isDigit(scalars[index + 1])
    {
      index += 1
      while index < scalars.count, let digit = CharacterFolding.digitValue(scalars[index]) {
        digits.append(UInt8(digit))
        exponent -= 1
        index += 1
      }
    }
    return digits.isEmpty ? nil : (digits, exponent)
  }

  private func hasExactlyThreeDigits(after comma: Int) -> Bool {
    for offset in 1...3 {
      guard comma + offset < scalars.count, CharacterFolding.isDigit(scalars[comma + offset])
      else { return false }
    }
    let after = comma + 4
    return after >= scalars.count || !CharacterFolding.isDigit(scalars[after])
  }

  /// What follows the digits, with trailing qualifiers moved to `qualifiers`; fails when
  /// it holds another number.
  private mutating func readUnit() -> Result<String, UnitFailure> {
    var rest = Array(scalars[index...])
    var trailing: [String] = []
    stripping: while let last = rest.last {
      if last == ")", let open = rest.lastIndex(of: "(") {
        let note = rest[(open + 1)..<(rest.count - 1)]
        if Self.startsNumber(note) { return .failure(UnitFailure(kind: .twoValues)) }
        if !note.isEmpty { trailing.insert(CharacterFolding.string(note), at: 0) }
        rest.removeSubrange(open...)
        continue
      }
      for word in Self.suffixQualifiers where word.count <= rest.count {
        if CharacterFolding.hasWord(word, in: rest, at: rest.count - word.count) {
          trailing.insert(CharacterFolding.string(word), at: 0)
          rest.removeLast(word.count)
          continue stripping
        }
      }
      break
    }
    if let kind = Self.secondNumber(in: rest) { return .failure(UnitFailure(kind: kind)) }
    qualifiers += trailing
    return .success(CharacterFolding.string(rest))
  }

  /// Whether a unit holds a second number. Digits right after a Latin letter belong to
  /// the unit (m2, CO2); digits after anything else start another value (・4,000,
  /// /4,055, 、6人), and 12O00 or 5.4.3 are malformed numbers.
  private static func secondNumber(in rest: [Unicode.Scalar]) -> QuantityError.Kind? {
    guard let first = rest.first else { return nil }
    if rest.count > 1, CharacterFolding.isDigit(rest[1]) || rest[1] == "+" || rest[1] == "-" {
      // Letters that look like digits, a decimal point or comma, an exponent.
      if ["O", "o", "l", "I", ".", ",", "e", "E"].contains(first) { return .notANumber }
    }
    if first == "." || first == "," { return .notANumber }
    for position in rest.indices.dropFirst() where CharacterFolding.isDigit(rest[position]) {
      let before = rest[position - 1]
      if !(CharacterFolding.isASCIILetter(before) || CharacterFolding.isDigit(before)) {
        return .twoValues
      }
    }
    return CharacterFolding.isDigit(first) ? .twoValues : nil
  }

  /// Whether `scalars` begin with a number, signed or not.
  private static func startsNumber(_ scalars: some Collection<Unicode.Scalar>) -> Bool {
    var iterator = scalars.makeIterator()
    guard var scalar = iterator.next() else { return false }
    if CharacterFolding.isDashLike(scalar) || isTriangle(scalar) || scalar == "+" {
      guard let next = iterator.next() else { return false }
      scalar = next
    }
    return CharacterFolding.isDigit(scalar) || scalar == "."
  }

  /// Wraps a failure kind so `Result` can carry it.
  private struct UnitFailure: Error {
    var kind: QuantityError.Kind
  }

  private static func isTriangle(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "▲" || scalar == "△" || scalar == "▼"
  }

  /// '-' and friends alone or with only a unit ('－人'), …, ＊, ／, 該当なし, 対象外.
  private static func isNotApplicable(_ scalars: [Unicode.Scalar]) -> Bool {
    if notApplicableWords.contains(where: { $0 == scalars }) { return true }
    guard let first = scalars.first else { return true }
    let isMarker =
      CharacterFolding.isDashLike(first)
      || ["…", "‥", "*", "/", "・", "."].contains(first)
    return isMarker && !scalars.contains(where: CharacterFolding.isDigit)
  }

  private static let notApplicableWords: [[Unicode.Scalar]] = [
    "該当なし", "該当無し", "対象外", "なし", "無し", "x", "X", "×", "N/A", "n/a", "NA",
  ].map { Array($0.unicodeScalars) }

  // Longer words first, so 見込み wins over 見込.
  private static let prefixQualifiers: [[Unicode.Scalar]] = [
    "約", "概ね", "おおむね", "およそ", "ほぼ", "最大", "最小", "最低", "推計", "推定",
    "見込み", "見込", "累計", "延べ", "のべ", "延",
  ].map { Array($0.unicodeScalars) }

  private static let suffixQualifiers: [[Unicode.Scalar]] = [
    "以上", "以下", "未満", "超え", "超", "程度", "前後", "以内", "余り", "余", "強", "弱",
    "ほど", "見込み", "見込", "累計", "予定", "速報値", "速報", "暫定値", "暫定", "推計",
    "概算",
  ].map { Array($0.unicodeScalars) }

  /// 「11億6,012万1千円」, after an optional 約: one number from its magnitude words.
  private func compoundAmount() -> ParsedQuantity? {
    var start = 0
    var qualifiers: [String] = []
    if let word = Self.prefixQualifiers.first(where: {
      CharacterFolding.hasWord($0, in: scalars, at: 0)
    }) {
      qualifiers.append(CharacterFolding.string(word))
      start = word.count
    }
    guard let (value, unit) = CompoundAmount.parse(Array(scalars[start...])) else { return nil }
    let unitText = CharacterFolding.string(unit)
    guard !unitText.contains(where: { $0.isASCII && $0.isNumber }) else { return nil }
    return .value(value, unit: QuantityParser.normalizedUnit(unitText), qualifiers: qualifiers)
  }
}
