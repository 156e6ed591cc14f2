internal import CXLSXWriter
import CellAddress

/// When a conditional format applies.
public enum ConditionalRule: Hashable, Sendable {
  /// The cell's own value meets a numeric criterion.
  case cellValue(NumberCriterion)
  /// A formula, written for the range's top-left cell with relative references, is true:
  /// `$K5>=1` highlights a row whose column K is at least 1.
  case formula(String)
}

extension Worksheet {
  /// Applies `format` to the cells of `range` where `rule` holds.
  ///
  /// Excel draws only the font, border and fill parts of a conditional format (not the font
  /// name or size).
  ///
  /// The corresponding C function is `worksheet_conditional_format_range`.
  public func addConditionalFormat(
    _ range: CellRange, rule: ConditionalRule, format: FormatSpec, stopIfTrue: Bool = false
  ) throws {
    let function = "worksheet_conditional_format_range"
    let sheet = try live(function)
    let c = try coordinates(range, function)
    let place = range.a1()
    let strings = CStringBag()
    var conditional = lxw_conditional_format()
    switch rule {
    case .cellValue(let criterion):
      guard criterion.values.allSatisfy(\.isFinite) else {
        throw invalid("conditional-format values must be finite", function, at: place)
      }
      conditional.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
      let criteria: lxw_conditional_criteria
      switch criterion {
      case .between(let low, let high), .notBetween(let low, let high):
        if case .between = criterion {
          criteria = LXW_CONDITIONAL_CRITERIA_BETWEEN
        } else {
          criteria = LXW_CONDITIONAL_CRITERIA_NOT_BETWEEN
        }
        conditional.min_value = low
        conditional.max_value = high
      case .equal(let value):
        criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO
        conditional.value = value
      case .notEqual(let value):
        criteria = LXW_CONDITIONAL_CRITERIA_NOT_EQUAL_TO
        conditional.value = value
      case .greaterThan(let value):
        criteria = LXW_CONDITIONAL_CRITERIA_GREATER_THAN
        conditional.value = value
      case .greaterThanOrEqual(let value):
        criteria = LXW_CONDITIONAL_CRITERIA_GREATER_THAN_OR_EQUAL_TO
        conditional.value = value
      case .lessThan(let value):
        criteria = LXW_CONDITIONAL_CRITERIA_LESS_THAN
        conditional.value = value
      case .lessThanOrEqual(let value):
        criteria = LXW_CONDITIONAL_CRITERIA_LESS_THAN_OR_EQUAL_TO
        conditional.value = value
      }
      conditional.criteria = UInt8(criteria.rawValue)
    case .formula(let formula):
      try Worksheet.checkFormula(formula, function: function, sheet: name, place: place)
      conditional.type = UInt8(LXW_CONDITIONAL_TYPE_FORMULA.rawValue)
      conditional.value_string = strings.copy(formula)
    }
    conditional.format = try self.format(format, function)
    conditional.stop_if_true = stopIfTrue ? 1 : 0
    let code = worksheet_conditional_format_range(
      sheet, c.firstRow, c.firstColumn, c.lastRow, c.lastColumn, &conditional)
    withExtendedLifetime(strings) {}
    try check(code, function, at: place)
  }
}
