import CellAddress
import KPIModel
import XLSXWriter

/// Where KPI推移 holds each KPI's target and actual, by project, KPI and fiscal year: the one
/// place inside the workbook a value is typed (report.md, "One source inside the workbook").
///
/// 効果検証 and データ show those values through formulas that point here, so an officer
/// corrects a value once, in KPI推移, and every sheet follows when recalculated.
struct ValueCells {
  private struct Key: Hashable {
    let project: Int
    let kpi: Int
    let fiscalYear: Int
  }

  /// The target cells; each actual is the cell right of its target.
  private var targets: [Key: CellReference] = [:]

  /// Notes that KPI `kpi` of project `project` shows `fiscalYear`'s target at `target`.
  mutating func record(project: Int, kpi: Int, fiscalYear: Int, target: CellReference) {
    targets[Key(project: project, kpi: kpi, fiscalYear: fiscalYear)] = target
  }

  /// The KPI推移 cells of a KPI's year, or nil when KPI推移 shows no row for it.
  func cells(project: Int, kpi: Int, fiscalYear: Int) -> (
    target: CellReference, actual: CellReference
  )? {
    guard let target = targets[Key(project: project, kpi: kpi, fiscalYear: fiscalYear)] else {
      return nil
    }
    return (target, CellReference(row: target.row, column: target.column + 1))
  }

  /// `=IF(ISNUMBER('KPI推移'!C12),'KPI推移'!C12,"")`: the KPI推移 value, or empty text when
  /// that cell is blank (a bare reference would show a blank as 0).
  static func formula(pointingAt cell: CellReference) -> String {
    let reference = "'\(ReportFormat.progressSheet)'!" + cell.a1()
    return "=IF(ISNUMBER(\(reference)),\(reference),\"\")"
  }

  /// The cached result of `formula(pointingAt:)` for a value as the records have it.
  static func result(_ value: Double?) -> FormulaResult {
    value.map { .number(ValueFormat.stored($0)) } ?? .string("")
  }

  /// Writes a value as a formula pointing at its KPI推移 cell when there is one, else as
  /// the value itself.
  static func write(
    _ value: Double?, pointingAt source: CellReference?, at cell: CellReference,
    format: FormatSpec, in sheet: Worksheet
  ) throws {
    if let source {
      try sheet.writeFormula(
        formula(pointingAt: source), at: cell, result: result(value), format: format)
    } else {
      try sheet.write(
        value.map { .number(ValueFormat.stored($0)) } ?? .blank, at: cell, format: format)
    }
  }
}
