import CellAddress
import KPIModel
import XLSXReader

/// A report's targets and actuals as one source gives them (report.md, "One source inside the
/// workbook"): KPI推移 holds each value; データ and 効果検証 show it through formulas.
///
/// A データ or 効果検証 value cell that holds a value where the report wrote a formula was typed
/// over by an officer: it wins, with a warning naming it and the KPI推移 cell it replaced; two
/// such cells of one value that disagree are an error naming both. 効果検証 also gives back
/// the 目標年月 and 担当部局課名 typed into it.
final class ReportValues {
  /// Which of a value's two cells.
  private enum Field: Int, CaseIterable {
    case target, actual

    /// The other cell, which KPI推移 puts beside this one.
    var other: Field { self == .target ? .actual : .target }
    /// The column step from the other cell to this one on KPI推移.
    var step: Int { self == .target ? -1 : 1 }
  }

  private struct Key: Hashable {
    var project: String
    var kpi: String
    var fiscalYear: Int
    var field: Field
  }

  /// A value cell typed over its formula.
  private struct Edit {
    var sheet: String
    var cell: CellReference
    var value: Double

    /// `データ!P5`.
    var name: String { "\(sheet)!\(cell)" }
  }

  /// KPI推移, or nil when the report has none or holds values only (its first version).
  private let progress: SheetGrid?
  private let data: SheetGrid
  private let log: DiagnosticLog
  /// Where KPI推移's block layout found each value, for cells whose formulas are gone.
  private let blockSources: [Key: CellReference]
  /// Each value's KPI推移 cell, as `progressCells` found it.
  private var sources: [Key: CellReference] = [:]
  /// データ's value cells, by value.
  private var dataCells: [(key: Key, cell: CellReference)] = []

  init(progress: SheetGrid?, progressProjects: [Project], data: SheetGrid, log: DiagnosticLog) {
    self.progress = progress
    self.data = data
    self.log = log
    var sources: [Key: CellReference] = [:]
    for project in progressProjects {
      for kpi in project.kpis {
        for value in kpi.values {
          for (field, source) in [
            (Field.target, value.source?.target), (.actual, value.source?.actual),
          ] {
            guard let source, let cell = source.split(separator: "!").last.map(String.init),
              let reference = CellReference(cell)
            else { continue }
            let key = Key(
              project: project.name, kpi: kpi.name, fiscalYear: value.fiscalYear, field: field)
            sources[key] = sources[key] ?? reference
          }
        }
      }
    }
    blockSources = sources
  }

  /// The KPI推移 cells of a データ row's value: those its formulas point at, else (a formula
  /// saved without its result is not read, a typed value has none) those KPI推移's block
  /// layout reads for the same project, KPI and year; nil without KPI推移.
  func progressCells(
    project: String, kpi: String, fiscalYear: Int, target: CellReference?,
    actual: CellReference?
  ) -> (grid: SheetGrid, target: CellReference?, actual: CellReference?)? {
    guard let progress else { return nil }
    var found: [CellReference?] = [nil, nil]
    let cells = [target, actual]
    for field in Field.allCases {
      let key = Key(project: project, kpi: kpi, fiscalYear: fiscalYear, field: field)
      let own = cells[field.rawValue].flatMap {
        Self.progressReference(in: data.storedCell(at: $0)?.formula)
      }
      // Target and actual sit side by side on KPI推移.
      let sibling = cells[field.other.rawValue].flatMap {
        Self.progressReference(in: data.storedCell(at: $0)?.formula)
      }.map { CellReference(row: $0.row, column: $0.column + field.step) }
      found[field.rawValue] = own ?? sibling ?? blockSources[key]
      if let source = found[field.rawValue] { sources[key] = source }
      if let cell = cells[field.rawValue] { dataCells.append((key, cell)) }
    }
    guard found[0] != nil || found[1] != nil else { return nil }
    return (progress, found[0], found[1])
  }

  /// Applies the value cells of データ and 効果検証 typed over their formulas, and 効果検証's
  /// 目標年月 and 担当部局課名, to the records read.
  func applyEdits(to projects: inout [Project], evaluation: SheetGrid?) {
    var edits: [Key: [Edit]] = [:]
    if progress != nil {
      for (key, cell) in dataCells {
        if let edit = Self.typedOver(cell, in: data) { edits[key, default: []].append(edit) }
      }
    }
    var dues: [Key: String] = [:]
    if let evaluation, let form = EvaluationForm(evaluation) {
      if let department = form.department {
        for index in projects.indices where projects[index].department == nil {
          projects[index].department = department
        }
      }
      if let year = form.fiscalYear {
        for row in form.rows {
          let key = Key(project: row.project, kpi: row.kpi, fiscalYear: year, field: .target)
          if let due = row.due { dues[key] = due }
          guard progress != nil else { continue }
          for (field, cell) in [(Field.target, row.target), (.actual, row.actual)] {
            if let edit = Self.typedOver(cell, in: evaluation) {
              edits[
                Key(project: row.project, kpi: row.kpi, fiscalYear: year, field: field), default: []
              ]
              .append(edit)
            }
          }
        }
      }
    }
    guard !edits.isEmpty || !dues.isEmpty else { return }
    for projectIndex in projects.indices {
      let project = projects[projectIndex].name
      for kpiIndex in projects[projectIndex].kpis.indices {
        let kpi = projects[projectIndex].kpis[kpiIndex].name
        for valueIndex in projects[projectIndex].kpis[kpiIndex].values.indices {
          var value = projects[projectIndex].kpis[kpiIndex].values[valueIndex]
          let year = value.fiscalYear
          for field in Field.allCases {
            let key = Key(project: project, kpi: kpi, fiscalYear: year, field: field)
            guard let found = edits[key], let (number, cell) = resolve(key, edits: found)
            else { continue }
            if field == .target {
              value.target = number
              value.source = ValueSource(target: cell, actual: value.source?.actual)
            } else {
              value.actual = number
              value.source = ValueSource(target: value.source?.target, actual: cell)
            }
          }
          if let due = dues[Key(project: project, kpi: kpi, fiscalYear: year, field: .target)] {
            value.due = due
          }
          projects[projectIndex].kpis[kpiIndex].values[valueIndex] = value
        }
      }
    }
  }

  /// The value the edits of one value give, and the cell it came from: the first edit, with
  /// a warning for each; an error naming two that disagree.
  private func resolve(_ key: Key, edits: [Edit]) -> (Double, String)? {
    guard let first = edits.first else { return nil }
    let source = sources[key]
    let sourceName =
      source.map { "\(ReportFormat.progressSheet)!\($0)" } ?? ReportFormat.progressSheet
    if let other = edits.dropFirst().first(where: { $0.value != first.value }) {
      log.add(
        Diagnostic(
          .error, .conflictingEdits,
          arguments: [
            "first": first.name, "firstValue": Self.shown(first.value), "second": other.name,
            "secondValue": Self.shown(other.value), "source": sourceName,
          ]), sheet: first.sheet, cell: first.cell)
      return (first.value, first.name)
    }
    let sourceValue = source.flatMap { progress?.storedCell(at: $0)?.value.number }
    for edit in edits {
      log.add(
        Diagnostic(
          .warning, .valueTypedOverFormula,
          arguments: [
            "value": Self.shown(edit.value), "source": sourceName,
            "sourceValue": sourceValue.map(Self.shown) ?? "-",
          ]), sheet: edit.sheet, cell: edit.cell)
    }
    return (first.value, first.name)
  }

  private static func shown(_ value: Double) -> String { NumberFormatting.string(value, .excel) }

  /// A number where the report wrote a formula: an officer's edit.
  private static func typedOver(_ cell: CellReference, in grid: SheetGrid) -> Edit? {
    guard let stored = grid.storedCell(at: cell), stored.formula == nil,
      case .number(let value) = stored.value
    else { return nil }
    return Edit(sheet: grid.sheet.name, cell: cell, value: value)
  }

  /// The KPI推移 cell a formula points at (`'KPI推移'!C12`, or `KPI推移!$C$12` as LibreOffice
  /// saves it).
  static func progressReference(in formula: String?) -> CellReference? {
    guard let formula else { return nil }
    let name = ReportFormat.progressSheet
    for prefix in ["'\(name)'!", "\(name)!"] {
      guard let range = formula.range(of: prefix) else { continue }
      let reference = formula[range.upperBound...].prefix {
        $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "$")
      }
      return CellReference(String(reference.filter { $0 != "$" }))
    }
    return nil
  }
}

/// The parts of a report's 効果検証 sheet read back beside its table: found by their labels
/// and headers, as the report writes them.
struct EvaluationForm {
  struct Row {
    var project: String
    var kpi: String
    var target: CellReference
    var actual: CellReference
    var due: String?
  }

  var fiscalYear: Int?
  var department: String?
  var rows: [Row] = []

  init?(_ grid: SheetGrid) {
    var header: (row: Int, kpi: Int, target: Int, due: Int, actual: Int, name: Int)?
    for row in grid.rows.prefix(20) {
      var columns: [String: Int] = [:]
      for cell in grid.cells(inRow: row) {
        // The report breaks long headers over lines (指標値\n（目標値）).
        guard let text = CellReading.text(cell)?.filter({ !$0.isNewline }) else { continue }
        columns[text] = columns[text] ?? cell.reference.column
        switch text {
        case "対象年度":
          fiscalYear = Self.label(beside: cell.reference, in: grid).flatMap(Self.westernYear)
        case "担当部局課名":
          department = Self.label(beside: cell.reference, in: grid)
        default: break
        }
      }
      if let kpi = columns["指標"], let target = columns["指標値（目標値）"], let due = columns["目標年月"],
        let actual = columns["実績値"],
        let name = grid.cells(inRow: row - 1).first(where: {
          CellReading.text($0)?.filter({ !$0.isNewline }) == "①交付対象事業の名称"
        })?.reference.column
      {
        header = (row, kpi, target, due, actual, name)
        break
      }
    }
    guard let header else { return nil }
    for row in grid.rows where row > header.row {
      guard let kpi = CellReading.text(grid.cell(row: row, column: header.kpi)),
        let project = CellReading.text(grid.cell(row: row, column: header.name))
      else { continue }
      rows.append(
        Row(
          project: project, kpi: kpi,
          target: CellReference(row: row, column: header.target),
          actual: CellReference(row: row, column: header.actual),
          due: CellReading.text(grid.cell(row: row, column: header.due))))
    }
  }

  /// The text right of a label, past the label's merge.
  private static func label(beside label: CellReference, in grid: SheetGrid) -> String? {
    let end = grid.merge(containing: label)?.last.column ?? label.column
    return grid.cells(inRow: label.row).first { $0.reference.column > end }.flatMap(
      CellReading.text)
  }

  /// 2022 from 「令和4年度（2022年度）」.
  private static func westernYear(_ text: String) -> Int? {
    guard let open = text.firstIndex(of: "（") else { return nil }
    return Int(text[text.index(after: open)...].prefix { $0.isASCII && $0.isNumber })
  }
}
