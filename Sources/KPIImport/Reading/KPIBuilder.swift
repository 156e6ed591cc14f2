import CellAddress
import KPIModel
import XLSXReader

/// Gathers one KPI's values cell by cell, then settles its unit and checks it.
///
/// Units may come from a 単位 column, a header note （単位：千円）, the text typed in a cell
/// (5個) or a cell's number format (`#,##0"人"`); all must agree.
struct KPIBuilder {
  var name: String
  /// Where the name is, for KPI-level diagnostics.
  var nameCell: CellReference?
  var direction: Direction?
  var baseline: Double?
  private var declaredUnit: (unit: String, cell: CellReference?)?
  private var cellUnits: [(unit: String, cell: CellReference)] = []
  private(set) var values: [KPIValue] = []
  /// Cells whose value was an error: an empty target there is already reported.
  private var errorCells: Set<String> = []

  init(name: String, nameCell: CellReference?) {
    self.name = name
    self.nameCell = nameCell
  }

  /// A unit stated for the whole KPI (a 単位 column or a header note).
  mutating func declareUnit(_ unit: String?, at cell: CellReference?) {
    guard let unit = unit.flatMap(QuantityParser.normalizedUnit), declaredUnit == nil else {
      return
    }
    declaredUnit = (unit, cell)
  }

  /// Reads one value cell; nil when empty or not applicable, logging errors and warnings.
  mutating func read(_ reference: CellReference?, in grid: SheetGrid, log: DiagnosticLog) -> Double?
  {
    guard let reference else { return nil }
    let parsed = Self.parse(reference, in: grid, log: log)
    if case .error = parsed { errorCells.insert(grid.source(reference)) }
    guard case .value(let value, let unit, _) = parsed else { return nil }
    if let unit { cellUnits.append((unit, reference)) }
    return value
  }

  /// A cost cell (事業費, 実績額): its number, with the unit typed in it or else the header's.
  static func amount(
    at reference: CellReference, headerUnit: String?, in grid: SheetGrid, log: DiagnosticLog
  ) -> Amount? {
    guard case .value(let value, let unit, _) = parse(reference, in: grid, log: log) else {
      return nil
    }
    return Amount(value: value, unit: unit ?? headerUnit)
  }

  /// Parses a value cell and logs what its parse says (errors, qualifier warnings).
  private static func parse(_ reference: CellReference, in grid: SheetGrid, log: DiagnosticLog)
    -> ParsedQuantity
  {
    let cell = grid.cell(at: reference)
    let parsed = CellReading.quantity(cell)
    let text = cell.flatMap(CellReading.text) ?? ""
    for diagnostic in parsed.diagnostics(for: text) {
      log.add(diagnostic, sheet: grid.sheet.name, cell: reference)
    }
    return parsed
  }

  /// Adds the values of one fiscal year (a year shown twice keeps its first values).
  mutating func add(
    fiscalYear: Int, target: CellReference?, actual: CellReference?, due: String? = nil,
    in grid: SheetGrid, log: DiagnosticLog
  ) {
    let targetValue = read(target, in: grid, log: log)
    let actualValue = read(actual, in: grid, log: log)
    guard !values.contains(where: { $0.fiscalYear == fiscalYear }) else { return }
    values.append(
      KPIValue(
        fiscalYear: fiscalYear, target: targetValue, actual: actualValue, due: due,
        source: ValueSource(
          target: target.map(grid.source), actual: actual.map(grid.source))))
  }

  /// The KPI record, after checking units, empty KPIs, actuals without targets and years
  /// outside the project's period.
  func build(no: Int?, period: FiscalPeriod?, sheet: String, log: DiagnosticLog) -> KPI {
    var units: [String] = []
    if let declaredUnit { units.append(declaredUnit.unit) }
    for (unit, _) in cellUnits where !units.contains(unit) { units.append(unit) }
    if units.count > 1 {
      let cells = cellUnits.map { "\($0.cell) \($0.unit)" }
      let declared =
        declaredUnit.map { ["\($0.cell.map(\.description) ?? "header") \($0.unit)"] } ?? []
      log.add(
        .error, .mixedUnits,
        ["kpi": name, "units": (declared + cells).joined(separator: ", ")],
        sheet: sheet, cell: cellUnits.first(where: { $0.unit != units[0] })?.cell ?? nameCell)
    }
    let sorted = values.sorted { $0.fiscalYear < $1.fiscalYear }
    if !sorted.isEmpty && sorted.allSatisfy({ $0.target == nil && $0.actual == nil }) {
      log.add(.warning, .noValues, ["kpi": name], sheet: sheet, cell: nameCell)
    }
    for value in sorted where value.actual != nil && value.target == nil {
      if let target = value.source?.target, errorCells.contains(target) { continue }
      let cell = value.source?.actual.flatMap {
        CellReference(String($0.split(separator: "!").last ?? ""))
      }
      log.add(
        .warning, .actualWithoutTarget, ["kpi": name, "fiscalYear": "\(value.fiscalYear)"],
        sheet: sheet, cell: cell)
    }
    if let period {
      for value in sorted where !period.contains(value.fiscalYear) {
        log.add(
          .warning, .yearOutsidePeriod,
          [
            "fiscalYear": "\(value.fiscalYear)", "start": "\(period.start)", "end": "\(period.end)",
          ],
          sheet: sheet, cell: nameCell)
      }
    }
    return KPI(
      no: no, name: name, unit: units.first, direction: direction, baseline: baseline,
      values: sorted)
  }
}
