/// A finite decimal number held as its significant digits and a power of ten.
///
/// Numbers are rounded and re-scaled (percent, 千 scaling, 万/億 multipliers) on this
/// form rather than on `Double`, so no step adds binary-float noise: `0.054` shown as a
/// percent becomes the digits `54` with exponent `-1`, exactly 5.4.
struct DecimalDigits: Equatable, Sendable {
  /// Excel keeps 15 significant digits; so do we.
  static let excelPrecision = 15

  var isNegative: Bool
  /// The significant digits (0–9), no leading or trailing zeros; empty for zero.
  var digits: [UInt8]
  /// The value is `digits` read as an integer times 10^exponent.
  var exponent: Int

  init(isNegative: Bool, digits: [UInt8], exponent: Int) {
    self.isNegative = isNegative
    self.digits = digits
    self.exponent = exponent
    trim()
  }

  /// The shortest decimal that reads back as `value`; nil for NaN and infinities.
  init?(_ value: Double) {
    guard value.isFinite else { return nil }
    // Swift's description is the shortest round-trip form ("5.3999999999999995",
    // "1e+20", "1.2e-05"), which we only need to take apart.
    var digits: [UInt8] = []
    var exponent = 0
    var seenPoint = false
    var exponentPart = 0
    var exponentSign = 1
    var inExponent = false
    for byte in value.magnitude.description.utf8 {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        if inExponent {
          exponentPart = exponentPart * 10 + Int(byte - UInt8(ascii: "0"))
        } else {
          digits.append(byte - UInt8(ascii: "0"))
          if seenPoint { exponent -= 1 }
        }
      case UInt8(ascii: "."): seenPoint = true
      case UInt8(ascii: "e"), UInt8(ascii: "E"): inExponent = true
      case UInt8(ascii: "-"): exponentSign = -1
      default: break
      }
    }
    self.init(
      isNegative: value.sign == .minus, digits: digits,
      exponent: exponent + exponentSign * exponentPart)
  }

  var isZero: Bool { digits.isEmpty }

  /// Drops leading and trailing zeros; zero is never negative.
  private mutating func trim() {
    if let first = digits.firstIndex(where: { $0 != 0 }) {
      digits.removeFirst(first)
    } else {
      digits = []
    }
    while let last = digits.last, last == 0 {
      digits.removeLast()
      exponent += 1
    }
    if digits.isEmpty {
      exponent = 0
      isNegative = false
    }
  }

  /// Rounds half away from zero to `significant` digits, as Excel does.
  func rounded(toSignificant significant: Int = excelPrecision) -> DecimalDigits {
    guard digits.count > significant else { return self }
    var kept = Array(digits[0..<significant])
    var exponent = self.exponent + (digits.count - significant)
    if digits[significant] >= 5 {
      var index = kept.count - 1
      while index >= 0 {
        if kept[index] == 9 {
          kept[index] = 0
          index -= 1
        } else {
          kept[index] += 1
          break
        }
      }
      if index < 0 {
        kept.insert(1, at: 0)
        kept.removeLast()
        exponent += 1
      }
    }
    return DecimalDigits(isNegative: isNegative, digits: kept, exponent: exponent)
  }

  /// The same digits times 10^shift.
  func scaled(byPowerOfTen shift: Int) -> DecimalDigits {
    var copy = self
    if !copy.isZero { copy.exponent += shift }
    return copy
  }

  /// The nearest `Double`; the conversion rounds correctly, so short decimals are exact.
  var doubleValue: Double {
    if isZero { return 0 }
    var text = isNegative ? "-" : ""
    text.reserveCapacity(digits.count + 8)
    for digit in digits { text.unicodeScalars.append(Unicode.Scalar(digit + 48)) }
    text += "e\(exponent)"
    return Double(text) ?? .nan
  }

  /// Plain decimal notation for ordinary magnitudes, exponent notation (`1.5e+25`) beyond,
  /// like JavaScript's number printing, so every form is valid JSON and CSV.
  var text: String {
    if isZero { return "0" }
    var out = isNegative ? "-" : ""
    let count = digits.count
    let leadingExponent = exponent + count - 1
    func append(_ slice: ArraySlice<UInt8>) {
      for digit in slice { out.unicodeScalars.append(Unicode.Scalar(digit + 48)) }
    }
    if leadingExponent >= 21 || leadingExponent < -7 {
      append(digits[0..<1])
      if count > 1 {
        out += "."
        append(digits[1...])
      }
      out += leadingExponent >= 0 ? "e+\(leadingExponent)" : "e-\(-leadingExponent)"
    } else if exponent >= 0 {
      append(digits[...])
      out += String(repeating: "0", count: exponent)
    } else if count + exponent > 0 {
      let pointIndex = count + exponent
      append(digits[0..<pointIndex])
      out += "."
      append(digits[pointIndex...])
    } else {
      out += "0." + String(repeating: "0", count: -(count + exponent))
      append(digits[...])
    }
    return out
  }
}
