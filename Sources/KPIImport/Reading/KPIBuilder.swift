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
  var finalTarget: FinalTarget?
  var grade: String?
  private var declaredUnit: (unit: String, cell: CellReference?)?
  /// A multiplier the declared unit carried (万人 → 10^4), applied to values typed without a
  /// unit of their own.
  private var declaredPower = 0
  private var cellUnits: [(unit: String, cell: CellReference)] = []
  private(set) var values: [KPIValue] = []
  /// Cells whose value was an error: an empty target there is already reported.
  private var errorCells: Set<String> = []

  init(name: String, nameCell: CellReference?) {
    self.name = name
    self.nameCell = nameCell
  }

  /// Units stated for the KPI after the first that differ from it (a row whose 単位 says 千人
  /// where the others say 人): an error at build, never merged.
  private var otherDeclaredUnits: [(unit: String, cell: CellReference?)] = []
  /// The unit as declared, multiplier included (万人), to compare declarations.
  private var declaredText: String?

  /// A unit stated for the whole KPI (a 単位 column or a header note).
  mutating func declareUnit(_ unit: String?, at cell: CellReference?) {
    guard let unit = unit.flatMap(QuantityParser.normalizedUnit) else { return }
    if let declaredText {
      if unit != declaredText, !otherDeclaredUnits.contains(where: { $0.unit == unit }) {
        otherDeclaredUnits.append((unit, cell))
      }
      return
    }
    let split = QuantityParser.splitMultiplier(unit)
    guard let base = split.unit else { return }
    declaredUnit = (base, cell)
    declaredPower = split.powerOfTen
    declaredText = unit
  }

  /// Columns whose header names a bracketed second value (H30実績値（累計））: 「0人（0人）」
  /// there is the value 0, the bracket not read.
  var bracketNamedColumns: Set<Int> = []
  /// Columns whose cells name their KPI before the figure (助成件数　1件): the name is not read.
  var namedValueColumns: Set<Int> = []

  /// Reads one value cell; nil when empty or not applicable, logging errors and warnings.
  mutating func read(_ reference: CellReference?, in grid: SheetGrid, log: DiagnosticLog) -> Double?
  {
    guard let reference else { return nil }
    let parsed = Self.parse(
      reference, in: grid, log: log, dropBracket: bracketNamedColumns.contains(reference.column),
      dropName: namedValueColumns.contains(reference.column))
    if case .error = parsed { errorCells.insert(grid.source(reference)) }
    guard case .value(let value, let unit, _) = parsed else { return nil }
    if let unit { cellUnits.append((unit, reference)) }
    if unit == nil && declaredPower != 0 {
      return QuantityParser.scaled(value, byPowerOfTen: declaredPower)
    }
    return value
  }

  /// Reads a baseline cell; a year in brackets after the value (7.4%（2014年）) is dropped.
  mutating func readBaseline(
    _ reference: CellReference, in grid: SheetGrid, log: DiagnosticLog, onlyIfEmpty: Bool = false
  ) {
    guard !onlyIfEmpty || baseline == nil else {
      // The baseline written again on the KPI's next measure row loses nothing; another
      // figure there is left for the table's look for unread figures to name.
      if let baselineCell,
        FigureCell.shown(grid.cell(at: reference)) == FigureCell.shown(grid.cell(at: baselineCell))
      {
        Self.markRead(reference, in: grid, log: log)
      }
      return
    }
    let (value, _) = readWithYear(reference, in: grid, log: log)
    if let value {
      baseline = value
      baselineCell = reference
    }
  }

  /// Where the baseline was read.
  private var baselineCell: CellReference?

  /// Reads a final-target cell, its year from the header or from brackets after the value
  /// (40%以上（2020年度））.
  mutating func readFinalTarget(
    _ reference: CellReference, year: Int?, in grid: SheetGrid, log: DiagnosticLog
  ) {
    let (value, bracketYear) = readWithYear(reference, in: grid, log: log)
    guard value != nil || finalTarget == nil else { return }
    if value == nil && finalTarget != nil { return }
    finalTarget = FinalTarget(fiscalYear: bracketYear ?? year, value: value)
  }

  /// 「1,230人(32年度)」: a bracketed year without its era, read in the era of the nearest
  /// full year label at or above the cell (「974人(平成28年度)」 beside it), with a warning
  /// naming where the era came from; nil when the sheet names no era there.
  private static func eralessYear(
    _ text: String, at reference: CellReference, in grid: SheetGrid, log: DiagnosticLog
  ) -> Int? {
    guard let number = YearInBrackets.eralessNumber(text),
      let era = EraHint.find(grid, in: grid.rows.filter { $0 <= reference.row })
    else { return nil }
    let fiscalYear = era.offset + number
    log.add(
      .warning, .eraAssumed,
      [
        "text": "\(number)年度", "era": "\(era.name)\(number)年度", "fiscalYear": "\(fiscalYear)",
        "source": "\(era.cell)",
      ],
      sheet: grid.sheet.name, cell: reference)
    return fiscalYear
  }

  /// A value cell that may carry its year in brackets: 7.4%（2014年）, 40%以上（2020年度）.
  private mutating func readWithYear(
    _ reference: CellReference, in grid: SheetGrid, log: DiagnosticLog
  ) -> (Double?, Int?) {
    Self.markRead(reference, in: grid, log: log)
    if let text = CellReading.text(grid.cell(at: reference)),
      let (rest, year) = YearInBrackets.split(text)
    {
      let parsed = QuantityParser.parse(rest)
      for diagnostic in parsed.diagnostics(for: text) {
        log.add(diagnostic, sheet: grid.sheet.name, cell: reference)
      }
      guard case .value(let value, let unit, _) = parsed else { return (nil, year) }
      // 10社(5年間): a total over the years, said as a qualifier would be.
      if let period = YearInBrackets.periodNote(text) {
        log.add(
          .warning, .qualifier,
          ["text": text, "qualifier": period, "value": NumberFormatting.string(value)],
          sheet: grid.sheet.name, cell: reference)
      }
      if let unit { cellUnits.append((unit, reference)) }
      return (value, year ?? Self.eralessYear(text, at: reference, in: grid, log: log))
    }
    return (read(reference, in: grid, log: log), nil)
  }

  /// Adds one measure of one year (measures as rows): a year's target and actual come from
  /// two rows; the first value given for a measure stays.
  mutating func addMeasure(
    _ measure: Measure, fiscalYear: Int, at reference: CellReference, in grid: SheetGrid,
    log: DiagnosticLog
  ) {
    let value = read(reference, in: grid, log: log)
    let source = grid.source(reference)
    if let index = values.firstIndex(where: { $0.fiscalYear == fiscalYear }) {
      switch measure {
      case .target where values[index].source?.target == nil:
        values[index].target = value
        values[index].source?.target = source
      case .actual where values[index].source?.actual == nil:
        values[index].actual = value
        values[index].source?.actual = source
      default: break
      }
      return
    }
    values.append(
      KPIValue(
        fiscalYear: fiscalYear, target: measure == .target ? value : nil,
        actual: measure == .actual ? value : nil,
        source: ValueSource(
          target: measure == .target ? source : nil, actual: measure == .actual ? source : nil)))
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

  /// Records that a figure was taken from `reference` (its merge's first cell when merged),
  /// so that what a table holds and nothing took can be named.
  private static func markRead(_ reference: CellReference, in grid: SheetGrid, log: DiagnosticLog) {
    // Most value cells are stored where they are read: no merge to look up.
    let anchor =
      grid.storedCell(at: reference) != nil
      ? reference : grid.merge(containing: reference)?.first ?? reference
    log.valuesRead.insert(anchor, sheet: grid.sheet.name)
  }

  /// Parses a value cell and logs what its parse says (errors, qualifier warnings).
  private static func parse(
    _ reference: CellReference, in grid: SheetGrid, log: DiagnosticLog, dropBracket: Bool = false,
    dropName: Bool = false
  ) -> ParsedQuantity {
    let cell = grid.cell(at: reference)
    let text = cell.flatMap(CellReading.text) ?? ""
    Self.markRead(reference, in: grid, log: log)
    if cell == nil,
      grid.formulasWithoutValue.contains(grid.merge(containing: reference)?.first ?? reference)
    {
      log.add(.error, .formulaWithoutValue, [:], sheet: grid.sheet.name, cell: reference)
      return .error(QuantityError(.notANumber, text: ""))
    }
    if case .string = cell?.value, QuantityParser.isNotYetKnown(text) {
      log.add(.warning, .notYetKnown, ["text": text], sheet: grid.sheet.name, cell: reference)
      return .notApplicable
    }
    // A year in brackets after the value (558.7万人（21年）) says when it was measured.
    if case .string = cell?.value, let (value, _) = YearInBrackets.split(text) {
      return QuantityParser.parse(value)
    }
    if dropName, case .string = cell?.value, let (_, value) = NamedQuantity.split(text) {
      return QuantityParser.parse(value)
    }
    if dropBracket, case .string = cell?.value, let value = BracketedPair.first(text) {
      return QuantityParser.parse(value)
    }
    // 「120※」「※120」: the mark points at a note; the value is the figure.
    if case .string = cell?.value, let figure = NoteMark.withoutMark(text) {
      let parsed = QuantityParser.parse(figure)
      for diagnostic in parsed.diagnostics(for: text) {
        log.add(diagnostic, sheet: grid.sheet.name, cell: reference)
      }
      return parsed
    }
    let parsed = CellReading.quantity(cell)
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
    if let earlier = values.first(where: { $0.fiscalYear == fiscalYear }) {
      reportRepeat(
        of: earlier, target: targetValue, actual: actualValue,
        at: (target ?? actual).map(grid.source), in: grid, log: log)
      return
    }
    values.append(
      KPIValue(
        fiscalYear: fiscalYear, target: targetValue, actual: actualValue, due: due,
        source: ValueSource(
          target: target.map(grid.source), actual: actual.map(grid.source))))
  }

  /// The same year given twice: a warning when the values agree, an error naming both
  /// places when they differ (the first is kept either way).
  private func reportRepeat(
    of earlier: KPIValue, target: Double?, actual: Double?, at source: String?,
    in grid: SheetGrid, log: DiagnosticLog
  ) {
    let first = earlier.source?.target ?? earlier.source?.actual ?? "?"
    let second = source ?? "?"
    let cell = source.flatMap { CellReference(String($0.split(separator: "!").last ?? "")) }
    func shown(_ target: Double?, _ actual: Double?) -> String {
      let text = { (value: Double?) in value.map { NumberFormatting.string($0, .excel) } ?? "-" }
      return "\(text(target)) / \(text(actual))"
    }
    if earlier.target == target && earlier.actual == actual {
      log.add(
        .warning, .repeatedValue,
        ["kpi": name, "fiscalYear": "\(earlier.fiscalYear)", "first": first, "second": second],
        sheet: grid.sheet.name, cell: cell)
    } else {
      log.add(
        .error, .conflictingRepeat,
        [
          "kpi": name, "fiscalYear": "\(earlier.fiscalYear)", "first": first, "second": second,
          "firstValues": shown(earlier.target, earlier.actual),
          "secondValues": shown(target, actual),
        ], sheet: grid.sheet.name, cell: cell)
    }
  }

  /// The KPI record, after checking units, empty KPIs, actuals without targets and years
  /// outside the project's period.
  func build(no: Int?, period: FiscalPeriod?, sheet: String, log: DiagnosticLog) -> KPI {
    ErrorValueText.check(name, as: .kpiName, sheet: sheet, cell: nameCell, log: log)
    if let declaredText {
      ErrorValueText.check(
        declaredText, as: .unit, sheet: sheet, cell: declaredUnit?.cell, log: log)
    }
    var units: [String] = []
    if let declaredUnit { units.append(declaredUnit.unit) }
    for (unit, _) in cellUnits where !units.contains(unit) { units.append(unit) }
    if units.count > 1 || !otherDeclaredUnits.isEmpty {
      let cells = cellUnits.map { "\($0.cell) \($0.unit)" }
      let declared =
        ([declaredText.map { ($0, declaredUnit?.cell) }].compactMap { $0 } + otherDeclaredUnits)
        .map { "\($0.1.map(\.description) ?? "header") \($0.0)" }
      log.add(
        .error, .mixedUnits,
        ["kpi": name, "units": (declared + cells).joined(separator: ", ")],
        sheet: sheet,
        cell: otherDeclaredUnits.first?.cell ?? cellUnits.first(where: { $0.unit != units[0] })?
          .cell
          ?? nameCell)
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
      finalTarget: finalTarget, grade: grade, values: sorted)
  }
}
