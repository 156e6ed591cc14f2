/// A 全国地方公共団体コード: prefecture (2) + municipality (3) + check digit.
///
/// Accepts the 5-digit form national forms print and the 6-digit form with its check
/// digit, full-width digits and surrounding spaces included.
public struct LocalGovernmentCode: Sendable, Hashable, CustomStringConvertible {
  /// The five digits without the check digit: `35216`.
  public let fiveDigits: String
  /// The check digit written in a 6-digit input; nil for 5-digit input.
  public let writtenCheckDigit: Int?

  /// Nil unless `text` is 5 or 6 digits.
  public init?(_ text: String) {
    let digits = CharacterFolding.foldedCompact(text)
    guard digits.count == 5 || digits.count == 6, digits.allSatisfy(CharacterFolding.isDigit)
    else { return nil }
    fiveDigits = CharacterFolding.string(digits.prefix(5))
    writtenCheckDigit = digits.count == 6 ? CharacterFolding.digitValue(digits[5]) : nil
  }

  /// The check digit for five digits: weights 6, 5, 4, 3, 2, sum mod 11, the last digit of
  /// 11 − remainder (remainder 0 → 1, remainder 1 → 0). 35216 → 1, 35000 → 1.
  public static func checkDigit(for fiveDigits: String) -> Int? {
    let digits = fiveDigits.unicodeScalars.compactMap(CharacterFolding.digitValue)
    guard digits.count == 5, fiveDigits.unicodeScalars.count == 5 else { return nil }
    let weights = [6, 5, 4, 3, 2]
    let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
    return (11 - sum % 11) % 10
  }

  /// The correct check digit.
  public var checkDigit: Int { Self.checkDigit(for: fiveDigits) ?? 0 }

  /// Whether a written check digit is right; true for 5-digit input.
  public var isCheckDigitValid: Bool { writtenCheckDigit.map { $0 == checkDigit } ?? true }

  /// The 6-digit form with the correct check digit: `352161`.
  public var sixDigits: String { fiveDigits + String(checkDigit) }

  /// The code as written (5 or 6 ASCII digits).
  public var written: String { fiveDigits + (writtenCheckDigit.map(String.init) ?? "") }

  public var description: String { written }

  /// A `check-digit` warning when the written check digit is wrong; the caller adds
  /// where the code was found.
  public var diagnostic: Diagnostic? {
    guard !isCheckDigitValid else { return nil }
    return Diagnostic(
      .warning, .checkDigit, arguments: ["code": written, "expected": sixDigits])
  }
}
