import CellAddress
import KPIModel
import XLSXReader

/// Reads KPI values and year labels out of cells, whatever the cell type.
enum CellReading {
  /// A value cell: typed text goes through the quantity parser; a number through its
  /// number format (units, scaling commas, percent); an empty cell is not applicable.
  static func quantity(_ cell: Cell?) -> ParsedQuantity {
    guard let cell else { return .notApplicable }
    switch cell.value {
    case .string(let text):
      return QuantityParser.parse(text)
    case .number(let number):
      let format = cell.format
      return QuantityParser.number(
        number, formatUnit: format?.suffix ?? format?.currency ?? currencyPrefix(format),
        scaleCommas: format?.scaleCommas ?? 0, isPercent: format?.kind == .percent)
    case .boolean(let flag):
      return .error(QuantityError(.notANumber, text: flag ? "TRUE" : "FALSE"))
    case .date(let date):
      return .error(QuantityError(.notANumber, text: date.description))
    case .error(let text):
      return .error(QuantityError(.notANumber, text: text))
    }
  }

  /// A ¥ or 円 written before the number (`"¥"#,##0`) is the unit too.
  private static func currencyPrefix(_ format: NumberFormat?) -> String? {
    guard let prefix = format?.prefix, prefix == "¥" || prefix == "￥" || prefix == "\\" else {
      return nil
    }
    return "円"
  }

  /// A year label cell: text (令和2年度, R2, 初年度, H28.3), a number shown through an era
  /// format (2 under `"令和"0"年度"`), a plain Western year, or a date (its fiscal year).
  static func yearLabel(_ cell: Cell?) -> FiscalYearLabel? {
    guard let cell else { return nil }
    switch cell.value {
    case .string(let text):
      return FiscalYearLabel.parse(text)
    case .number(let number):
      if let format = cell.format,
        let year = FiscalYear.fromEraNumber(number, formatCode: format.code)
      {
        return .absolute(year)
      }
      if number == number.rounded(), (1989...2100).contains(number) {
        return .absolute(Int(number))
      }
      return nil
    case .date(let date):
      return .due(YearMonth(year: date.year, month: date.month), text: "\(date.year)/\(date.month)")
    default:
      return nil
    }
  }

  /// The plain text of a label or name cell, layout breaks kept (callers compact it).
  static func text(_ cell: Cell?) -> String? {
    guard let cell else { return nil }
    let text = SheetGrid.text(cell)?.trimmingCharacters(in: .whitespacesAndNewlines)
    return text?.isEmpty == false ? text : nil
  }
}

/// Turns a year label cell into a fiscal year, or logs why it cannot.
func resolveYear(
  _ cell: Cell?, at reference: CellReference, period: FiscalPeriod?, sheet: String,
  log: DiagnosticLog
) -> Int? {
  let text = cell.flatMap(CellReading.text) ?? ""
  guard let label = CellReading.yearLabel(cell) else {
    log.add(.error, .unknownYear, ["text": text], sheet: sheet, cell: reference)
    return nil
  }
  guard let year = label.resolve(periodStart: period?.start) else {
    log.add(.error, .relativeYearWithoutPeriod, ["text": text], sheet: sheet, cell: reference)
    return nil
  }
  return year
}
