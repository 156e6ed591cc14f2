import CellAddress
import KPIModel
import XLSXReader

/// Which of a KPI's measures a value cell holds.
enum Measure: String, Sendable, Equatable {
  case target, actual

  /// 目標値 / 実績値 (and their synonyms) in a row label or a 区分 cell.
  static func named(_ text: String) -> Measure? {
    switch HeaderField.match(text) {
    case .target: return .target
    case .actual: return .actual
    default:
      // 目標数値, 実績数 …, but not a sentence such as 目標値より高い.
      let key = HeaderText.key(text)
      if ["目標数値", "目標数", "目標値等"].contains(key) { return .target }
      if ["実績数値", "実績数", "実績値等"].contains(key) { return .actual }
      return nil
    }
  }
}

/// A year named in a header, with what its note says the column also is:
/// 平成25年度（基準値） is FY2013 and the baseline; R6（目標値） is FY2024 and the final target.
struct HeaderYear: Sendable, Equatable {
  var label: FiscalYearLabel
  var text: String
  var cell: CellReference
  var isBaseline = false
  var isFinalTarget = false
  /// A final target that is also its year's target (the latest of several dated target
  /// columns: 目標値 24年度 | 目標値 29年度).
  var isAlsoYearTarget = false
  /// The era read into a year written without one (24年度 under a title naming 平成).
  var assumedEra: EraHint?
  /// A year annotated with its place in the plan (平成29年度（1年目）, R5（初年度）): a
  /// 地域再生計画's planned year, whose value with no measure word is that year's target.
  var isPlanYear = false
}

/// The era a sheet writes its years in, for a header that leaves it out (目標値 24年度 in a
/// plan titled 平成20年度～平成29年度): the era of the nearest full year label above the table.
struct EraHint: Sendable, Equatable {
  var name: String
  var offset: Int
  /// The cell the era was taken from.
  var cell: CellReference

  /// The era of the last full year label (平成27年度, R3, 令和元年度) in the rows above `row`.
  static func find(_ grid: SheetGrid, above row: Int) -> EraHint? {
    find(grid, in: grid.rows.filter { $0 < row })
  }

  /// The era of the last full year label in `rows` (a header band whose 平成32年 stands beside
  /// 23年度 | 24年度).
  static func find(_ grid: SheetGrid, in rows: [Int]) -> EraHint? {
    var found: EraHint?
    for candidate in rows {
      for cell in grid.cells(inRow: candidate) {
        guard case .string(let text) = cell.value else { continue }
        for piece in text.split(whereSeparator: { "（()）　 ：:・～~-、".contains($0) }) {
          if let hint = era(of: String(piece), at: cell.reference) { found = hint }
        }
      }
    }
    return found
  }

  private static func era(of text: String, at cell: CellReference) -> EraHint? {
    let folded = TextNormalizer.compact(text)
    let eras: [(prefixes: [String], name: String, offset: Int)] = [
      (["令和", "R", "Ｒ"], "令和", 2018), (["平成", "H", "Ｈ"], "平成", 1988), (["昭和"], "昭和", 1925),
    ]
    for era in eras {
      guard let prefix = era.prefixes.first(where: { folded.hasPrefix($0) }) else { continue }
      let digits = folded.dropFirst(prefix.count).prefix { $0.isNumber || $0 == "元" }
      guard !digits.isEmpty, folded.dropFirst(prefix.count + digits.count).hasPrefix("年") else {
        continue
      }
      return EraHint(name: era.name, offset: era.offset, cell: cell)
    }
    return nil
  }
}

/// A year written without its era: 24年度, 25年度（計画）, ２２年.
enum EralessYear {
  /// The era year of `key` (a folded header key), when it is one or two digits and 年度 / 年.
  static func number(_ key: String) -> Int? {
    var rest = Substring(key)
    let digits = rest.prefix { $0.isASCII && $0.isNumber }
    guard (1...2).contains(digits.count), let number = Int(digits), number >= 1 else { return nil }
    rest = rest.dropFirst(digits.count)
    guard rest == "年度" || rest == "年" else { return nil }
    return number
  }
}

/// What a table's column (or, for forms, a label) was read as, from its whole header path.
enum ColumnRole: Sendable, Equatable {
  /// A key or per-project field: project, KPI, unit, 年度, 目標年月, evaluation columns, …
  case field(HeaderField)
  /// A measure, of one year when the path names it (令和4年度 › 目標), else of the row's year.
  case value(Measure, year: HeaderYear?)
  /// A year column with no measure in its path: the rows say which measure (years across).
  case year(HeaderYear)
  /// A year's cost (事業費 under 令和3年度).
  case yearCost(HeaderYear)
  /// The baseline (基準値, 現状値, 事業開始前).
  case baseline
  /// The final target (最終目標, 目標（R6））, with its year when the header gives one.
  case finalTarget(HeaderYear?)
  /// The year of a measure, one per row (基準値 | 基準年度 | 目標値 | 目標年度): which measure,
  /// when the header says; nil until the column beside it says.
  case measureYear(MeasureYearOf?)
  /// Read as nothing: totals and averages (累計, 計, 平均), or a header the vocabulary lacks.
  case ignored(String)

  /// The name `validate --explain` shows.
  var fieldName: String? {
    switch self {
    case .field(let field): return field.rawValue
    case .value(let measure, let year):
      return year.map { "\(measure.rawValue)[\($0.text)]" } ?? measure.rawValue
    case .year(let year): return "year[\(year.text)]"
    case .yearCost(let year): return "cost[\(year.text)]"
    case .baseline: return "baseline"
    case .finalTarget: return "finalTarget"
    // A target's year makes it that year's target or the final target, row by row; the
    // baseline's year is not kept in the records.
    case .measureYear(.target?): return "target.fiscalYear"
    case .measureYear(.actual?): return "actual.fiscalYear"
    case .measureYear: return nil
    case .ignored: return nil
    }
  }
}

/// Which measure a year column beside or under it dates.
enum MeasureYearOf: String, Sendable, Equatable {
  case baseline, target, actual

  /// 基準年度 dates the baseline, 目標年度 the target; 時点 alone says nothing.
  static func named(_ text: String) -> MeasureYearOf? {
    let key = HeaderText(text).key
    if key.hasPrefix("基準") { return .baseline }
    if key.hasPrefix("目標") { return .target }
    return nil
  }

  /// The measure a group header above the lowest header names (基準値 › 時点).
  static func group(over path: [(text: String, cell: CellReference)]) -> MeasureYearOf? {
    for (text, _) in path.dropLast().reversed() {
      switch HeaderField.match(text) {
      case .baseline: return .baseline
      case .target, .finalTarget: return .target
      case .actual: return .actual
      default: continue
      }
    }
    return nil
  }

  /// The measure a value column's role holds, for the year column right of it.
  static func of(_ role: ColumnRole?) -> MeasureYearOf? {
    switch role {
    case .baseline?: return .baseline
    case .value(.target, _)?, .finalTarget?: return .target
    case .value(.actual, _)?: return .actual
    default: return nil
    }
  }
}

/// Turns a column's header path into its role, by the vocabulary of input-layouts.md.
enum ColumnRoleReader {
  /// The role of a column whose header cells, top to bottom, are `path` (each with its cell).
  static func role(of path: [(text: String, cell: CellReference)], era: EraHint? = nil)
    -> ColumnRole?
  {
    guard !path.isEmpty else { return nil }
    var year: HeaderYear?
    var field: HeaderField?
    var fieldText = ""
    // The lowest header that names a field decides (sub-headers are more specific than the
    // group header above them); a year anywhere in the path gives the column its year.
    for (text, cell) in path.reversed() {
      if year == nil, let found = headerYear(text, at: cell, era: era) { year = found }
      // 目標値 over （H24年度）: a sub-header that is only a bracketed year gives the year.
      if year == nil, HeaderText(text).key.isEmpty, let found = noteYear(text, at: cell) {
        year = found
      }
      if field == nil {
        if let (label, measure) = combined(text) {
          year = year ?? HeaderYear(label: label, text: HeaderText.key(text), cell: cell)
          field = measure == .target ? .target : .actual
          fieldText = text
        } else if let match = HeaderField.match(text) {
          field = match
          fieldText = text
        }
      }
    }
    guard let field else {
      // 平成15年9月30日現在: the figures as they stood on that day are its year's actual.
      if year == nil, let lowest = path.last, let asOf = asOfYear(lowest.text, at: lowest.cell) {
        return .value(.actual, year: asOf)
      }
      // A sub-header the vocabulary lacks under a year group (H27 › 改善・悪化) is not the
      // year's value.
      if let year, let lowest = path.last, year.cell != lowest.cell {
        return .ignored(lowest.text)
      }
      return year.map(ColumnRole.year)
    }
    switch field {
    case .target, .actual:
      let measure: Measure = field == .target ? .target : .actual
      // 目標値\n24年度: a measure whose year stands on the header's second line.
      if year == nil, let lineYear = secondLineYear(fieldText, at: path.last?.cell, era: era) {
        return .value(measure, year: lineYear)
      }
      // 目標（R6）: a target column whose own note names a year is the final target unless
      // a year header above it makes it that year's target.
      if measure == .target, let noteYear = noteYear(fieldText, at: path.last?.cell),
        year == nil || year == noteYear
      {
        return .value(
          .target,
          year: HeaderYear(
            label: noteYear.label, text: noteYear.text, cell: noteYear.cell, isFinalTarget: true))
      }
      if let noteYear = noteYear(fieldText, at: path.last?.cell), year == nil {
        return .value(measure, year: noteYear)
      }
      return .value(measure, year: year)
    case .baseline: return .baseline
    case .finalTarget: return .finalTarget(year ?? noteYear(fieldText, at: path.last?.cell))
    case .cumulative: return .ignored(fieldText)
    case .cost: return year.map(ColumnRole.yearCost) ?? .field(.cost)
    case .measureYear:
      return .measureYear(MeasureYearOf.named(fieldText) ?? MeasureYearOf.group(over: path))
    case .fiscalYear:
      // 年度 under a 目標値 group header is the target's year, not the row's.
      if year == nil, let group = MeasureYearOf.group(over: path) { return .measureYear(group) }
      return year.map(ColumnRole.year) ?? .field(.fiscalYear)
    default: return .field(field)
    }
  }

  /// A header that is a year label (令和4年度, R4, 2022年度, 1年目), perhaps annotated.
  static func headerYear(_ text: String, at cell: CellReference, era: EraHint? = nil)
    -> HeaderYear?
  {
    let header = HeaderText(text)
    var assumed: EraHint?
    var parsed = FiscalYearLabel.parse(header.key)
    if parsed == nil, let era, let number = EralessYear.number(header.key) {
      parsed = .absolute(era.offset + number)
      assumed = era
    }
    guard let label = parsed, !isMonth(label) else { return nil }
    var year = HeaderYear(label: label, text: header.key, cell: cell, assumedEra: assumed)
    let lines = text.split(whereSeparator: \.isNewline).map(String.init)
    // Notes after the year, on its line or the next: 平成25年\n（基準値）.
    let notes =
      header.notes
      + lines.dropFirst().flatMap { line -> [String] in
        let text = HeaderText(line)
        return [text.key] + text.notes
      }.filter { !$0.isEmpty }
    for note in notes {
      let key = HeaderText.key(note)
      if HeaderField.match(key) == .baseline || key.contains("基準") || key.contains("現状") {
        year.isBaseline = true
      }
      if key.hasPrefix("目標") || key.contains("最終") { year.isFinalTarget = true }
      if isPlanPlace(key) { year.isPlanYear = true }
    }
    return year
  }

  /// （1年目）, （初年度）, （増加分）: a note that places an absolute year in the project's plan.
  private static func isPlanPlace(_ key: String) -> Bool {
    if key.contains("増加分") { return true }
    if case .relative = FiscalYearLabel.parse(key) { return true }
    return false
  }

  /// The year on a measure header's second line: 目標値\n24年度, 実績\n令和3年度.
  static func secondLineYear(_ text: String, at cell: CellReference?, era: EraHint?)
    -> HeaderYear?
  {
    guard let cell else { return nil }
    for line in text.split(whereSeparator: \.isNewline).dropFirst().map(String.init) {
      if let year = headerYear(line, at: cell, era: era) { return year }
      // 目標値\n(2023年度): the year in brackets on its own line.
      for note in HeaderText(line).notes {
        if let year = headerYear(note, at: cell, era: era) { return year }
      }
    }
    return nil
  }

  /// 平成15年9月30日現在, R4.3末現在: a header naming the day its figures stood at; the day
  /// itself does not change the fiscal year.
  static func asOfYear(_ text: String, at cell: CellReference) -> HeaderYear? {
    let key = HeaderText(text).key
    for suffix in ["末現在", "現在", "時点"] where key.hasSuffix(suffix) {
      var date = String(key.dropLast(suffix.count))
      if date.hasSuffix("日"), let month = date.lastIndex(of: "月") {
        date = String(date[...month])
      }
      guard let label = FiscalYearLabel.parse(date), case .due = label,
        let fiscalYear = label.resolve(periodStart: nil)
      else { continue }
      return HeaderYear(label: .absolute(fiscalYear), text: key, cell: cell)
    }
    return nil
  }

  /// The year in a header's note: 実績値（R4） → FY2022.
  static func noteYear(_ text: String, at cell: CellReference?) -> HeaderYear? {
    guard let cell else { return nil }
    for note in HeaderText(text).notes.reversed() {
      if let label = FiscalYearLabel.parse(note), !isMonth(label) {
        return HeaderYear(label: label, text: note, cell: cell)
      }
      // 実績値（H28.3現在）: the month the figures stand at gives their fiscal year.
      for suffix in ["現在", "時点", "末現在", "末"] where note.hasSuffix(suffix) {
        if let label = FiscalYearLabel.parse(String(note.dropLast(suffix.count))) {
          return HeaderYear(label: label, text: note, cell: cell)
        }
      }
    }
    return nil
  }

  /// 「R3目標」「令和3年度実績値」: a year label followed by a measure word.
  static func combined(_ text: String) -> (FiscalYearLabel, Measure)? {
    combined(key: HeaderText(text).key)
  }

  static func combined(key compact: String) -> (FiscalYearLabel, Measure)? {
    for (word, measure) in [
      ("目標値", Measure.target), ("実績値", .actual), ("目標", .target), ("実績", .actual),
    ]
    where compact.hasSuffix(word) && compact.count > word.count {
      let prefix = String(compact.dropLast(word.count))
      if let label = FiscalYearLabel.parse(prefix), !isMonth(label) { return (label, measure) }
    }
    return nil
  }

  /// H28.3 is a month (目標年月), not a year header.
  private static func isMonth(_ label: FiscalYearLabel) -> Bool {
    if case .due = label { return true }
    return false
  }
}
