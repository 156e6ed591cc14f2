/// A cell's typed value.

import CellAddress

public enum CellValue: Sendable, Hashable {
  case string(String)
  case number(Double)
  case boolean(Bool)
  /// A number whose format shows it as a date, time or date-time (or a `t="d"` cell).
  case date(ExcelDateTime)
  /// An error value such as `#DIV/0!`.
  case error(String)

  /// The text of a string value, else nil.
  public var string: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  /// The number of a numeric value, else nil.
  public var number: Double? {
    if case .number(let value) = self { return value }
    return nil
  }
}

/// One non-empty cell: where it is, what it holds, how it is formatted, and its formula.
public struct Cell: Sendable, Hashable {
  public var reference: CellReference
  public var value: CellValue
  /// The number format, or nil for General.
  public var format: NumberFormat?
  /// The formula text without the leading `=`, when the cell has one (shared formulas are
  /// translated to this cell).
  public var formula: String?
  /// For a date cell, the stored serial number.
  public var serial: Double?

  public init(
    reference: CellReference, value: CellValue, format: NumberFormat? = nil, formula: String? = nil,
    serial: Double? = nil
  ) {
    self.reference = reference
    self.value = value
    self.format = format
    self.formula = formula
    self.serial = serial
  }
}
