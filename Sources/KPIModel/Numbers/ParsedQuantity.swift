/// What a value cell holds once read: a number with its unit, "not applicable", or an
/// error to report.
public enum ParsedQuantity: Sendable, Hashable {
  /// A number, the unit typed or formatted with it (NFKC, no spaces; nil when none), and
  /// qualifiers such as 約, 以上 or 累計 that were dropped from it (each is a warning).
  case value(Double, unit: String?, qualifiers: [String])
  /// '-', '－', blank, 該当なし and the like: the records' `null`.
  case notApplicable
  /// The cell cannot become one number.
  case error(QuantityError)

  /// The number, if there is one.
  public var value: Double? {
    if case .value(let value, _, _) = self { return value }
    return nil
  }

  /// The unit, if there is a number with a unit.
  public var unit: String? {
    if case .value(_, let unit, _) = self { return unit }
    return nil
  }

  /// The qualifiers dropped from the number.
  public var qualifiers: [String] {
    if case .value(_, _, let qualifiers) = self { return qualifiers }
    return []
  }

  /// The warnings or error this result means for the cell that held `text`; the caller
  /// adds file, sheet and cell.
  public func diagnostics(for text: String) -> [Diagnostic] {
    switch self {
    case .notApplicable:
      return []
    case .error(let error):
      return [Diagnostic(.error, error.kind.code, arguments: ["text": error.text])]
    case .value(let value, _, let qualifiers):
      return qualifiers.map {
        Diagnostic(
          .warning, .qualifier,
          arguments: ["text": text, "qualifier": $0, "value": NumberFormatting.string(value)])
      }
    }
  }
}

/// Why a cell's text is not one number.
public struct QuantityError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The kinds of failure, each with its diagnostic code.
  public enum Kind: String, Sendable, Hashable {
    /// Characters that cannot be part of a number (12,O00人, 1,2,3, 未実施).
    case notANumber = "not-a-number"
    /// Two numbers in one cell (200・4,000, 144/4,055, 5人、6人).
    case twoValues = "two-values"

    public var code: DiagnosticCode { DiagnosticCode(rawValue: rawValue) }
  }

  public var kind: Kind
  /// The cell's text as given.
  public var text: String

  public init(_ kind: Kind, text: String) {
    self.kind = kind
    self.text = text
  }

  public var description: String {
    DiagnosticCatalogue.message(for: kind.code, arguments: ["text": text])
  }
}
