import CellAddress
import KPIModel
import XLSXReader

/// A project-level field found in a cell: a table's column at the project's row, or a form's
/// label with its value beside or below it.
struct FieldCell {
  var field: HeaderField
  var text: String
  var cell: CellReference
  var headerText: String
}

/// Reads a project's own fields (grant type, department, cost, period, overview and the
/// evaluation) from the cells that give them.
enum ProjectFields {
  static let fields: [HeaderField] = [
    .grantType, .department, .cost, .period, .overview, .effect, .assessment, .expertOpinion,
    .policy, .policyReason, .grade,
  ]

  /// The project fields of `header`'s columns at `row` (the project's first row).
  static func cells(_ header: TableHeader, row: Int, grid: SheetGrid) -> [FieldCell] {
    header.columns.compactMap { column in
      guard case .field(let field) = column.role, fields.contains(field) else { return nil }
      let reference = CellReference(row: row, column: column.column)
      guard let text = CellReading.text(grid.cell(at: reference)) else { return nil }
      if field == .grade, !header.gradeIsPerProject(at: reference, grid: grid) { return nil }
      return FieldCell(
        field: field, text: text, cell: reference, headerText: column.path.last?.text ?? "")
    }
  }

  /// Applies `cells` to the current project: first values win.
  static func read(
    _ cells: [FieldCell], grid: SheetGrid, log: DiagnosticLog,
    projects: inout ProjectAccumulator
  ) {
    guard projects.hasCurrent, !cells.isEmpty else { return }
    let sheet = grid.sheet.name
    var evaluation = Evaluation()
    var grantType: String?
    var department: String?
    var overview: String?
    var period: FiscalPeriod?
    var cost: Amount?
    var costCell: CellReference?
    // '-' in a text field means nothing was written there.
    for found in cells where !SingleTable.isDashOnly(found.text) {
      switch found.field {
      case .effect:
        guard evaluation.effect == nil else { continue }
        evaluation.effect =
          OptionLegend.lists(found.text, Effect.init(matching:))
          ? nil : Effect(matching: found.text)
        if evaluation.effect == nil {
          log.add(
            .warning, .unknownEffect, ["text": HeaderLine.oneLine(found.text)], sheet: sheet,
            cell: found.cell)
        }
      case .policy:
        guard evaluation.policy == nil else { continue }
        evaluation.policy =
          OptionLegend.lists(found.text, Policy.init(matching:))
          ? nil : Policy(matching: found.text)
        if evaluation.policy == nil {
          log.add(
            .warning, .unknownPolicy, ["text": HeaderLine.oneLine(found.text)], sheet: sheet,
            cell: found.cell)
        }
      case .assessment:
        evaluation.assessment = evaluation.assessment ?? TextNormalizer.paragraph(found.text)
      case .expertOpinion:
        evaluation.expertOpinion = evaluation.expertOpinion ?? TextNormalizer.paragraph(found.text)
      case .policyReason:
        evaluation.policyReason = evaluation.policyReason ?? TextNormalizer.paragraph(found.text)
      case .grade:
        guard evaluation.grade == nil, let grade = Grade.parse(found.text) else { continue }
        evaluation.grade = grade.grade
        if let explanation = grade.explanation {
          evaluation.assessment = evaluation.assessment ?? explanation
        }
      case .grantType: grantType = grantType ?? TextNormalizer.compact(found.text)
      case .department: department = department ?? TextNormalizer.compact(found.text)
      case .overview: overview = overview ?? TextNormalizer.paragraph(found.text)
      case .period: period = period ?? FiscalPeriod.parse(found.text)
      case .cost:
        if let costCell {
          reportSecondCost(found.cell, first: costCell, grid: grid, log: log)
          continue
        }
        cost = KPIBuilder.amount(
          at: found.cell, headerUnit: HeaderText(found.headerText).moneyUnit, in: grid, log: log)
        if cost != nil { costCell = found.cell }
      default: break
      }
    }
    let hasEvaluation =
      evaluation.effect != nil || evaluation.policy != nil || evaluation.assessment != nil
      || evaluation.expertOpinion != nil || evaluation.policyReason != nil
      || evaluation.grade != nil
    projects.update { project in
      project.grantType = project.grantType ?? grantType
      project.department = project.department ?? department
      project.overview = project.overview ?? overview
      project.period = project.period ?? period
      if hasEvaluation && project.evaluation == nil { project.evaluation = evaluation }
    }
    if let cost { projects.setPendingCost(cost) }
  }

  /// A second cost for one project (実績額 and 決算額 both filled): the first is the cost, and
  /// a figure in the second is named, not dropped.
  private static func reportSecondCost(
    _ cell: CellReference, first: CellReference, grid: SheetGrid, log: DiagnosticLog
  ) {
    let sheet = grid.sheet.name
    let stored = grid.cell(at: cell)
    guard FigureCell.holdsFigure(stored), !log.valuesRead.contains(cell, sheet: sheet),
      FigureCell.shown(stored) != FigureCell.shown(grid.cell(at: first))
    else { return }
    log.add(
      .warning, .valueNotRead,
      [
        "value": FigureCell.shown(stored),
        "reason": "the project's cost was read from \(first)",
        "reasonJapanese": "事業費は \(first) から読みました",
      ], sheet: sheet, cell: cell)
    // Named here: the table's own look for unread figures need not name it again.
    log.valuesRead.insert(cell, sheet: sheet)
  }
}

/// A form's labels: 事業名 | ○○事業, 交付対象事業の名称：○○事業, 事業効果 | value below.
enum FormLabels {
  /// The project a form names in `rows`: the last project label with a value, nearest the table.
  static func projectName(_ grid: SheetGrid, _ rows: Range<Int>) -> (String, CellReference)? {
    values(grid, rows: Array(rows)).last { $0.field == .projectName }.map { ($0.text, $0.cell) }
  }

  /// The KPI a form names above its table: 「KPI　その1」, 「指標①」 or 成果指標 | its name.
  static func kpiName(_ grid: SheetGrid, _ rows: Range<Int>) -> (String, CellReference)? {
    for row in grid.rows.reversed() where rows.contains(row) {
      for cell in grid.cells(inRow: row) {
        guard case .string(let text) = cell.value else { continue }
        let key = HeaderText.key(text)
        let numbered =
          key.hasPrefix("KPI")
          && key.dropFirst(3).allSatisfy {
            $0.isNumber || "その第番号①②③④⑤⑥⑦⑧⑨⑩".contains($0)
          }
        guard numbered || HeaderField.match(text) == .kpi,
          let (value, reference) = valueBeside(cell.reference, in: grid)
        else { continue }
        return (TextNormalizer.compact(value), reference)
      }
    }
    return nil
  }

  static func hasProjectLabel(_ grid: SheetGrid, _ rows: Range<Int>) -> Bool {
    projectName(grid, rows) != nil
  }

  /// Every label in `rows` naming a project field, with its value: right of the label (past
  /// its merge), after a colon in the same cell, or in the cell below.
  static func values(_ grid: SheetGrid, rows: [Int]) -> [FieldCell] {
    let wanted = ProjectFields.fields + [.projectName]
    var found: [FieldCell] = []
    let rowSet = Set(rows)
    for row in grid.rows where rowSet.contains(row) {
      for cell in grid.cells(inRow: row) {
        guard case .string(let text) = cell.value else { continue }
        if let (label, value) = colonSplit(text), let field = HeaderField.match(label),
          wanted.contains(field)
        {
          found.append(
            FieldCell(field: field, text: value, cell: cell.reference, headerText: label))
          continue
        }
        guard let field = labelField(text), wanted.contains(field),
          let (value, reference) = valueBeside(cell.reference, in: grid)
        else { continue }
        found.append(FieldCell(field: field, text: value, cell: reference, headerText: text))
      }
    }
    return found
  }

  /// The field a label names, also when the label is broken over two lines where it does not
  /// fit its cell (交付対象\n事業名称), as header words are.
  private static func labelField(_ text: String) -> HeaderField? {
    if let field = HeaderField.match(text) { return field }
    guard text.contains(where: \.isNewline) else { return nil }
    return HeaderField.match(BrokenHeader.mended(text))
  }

  /// 「交付対象事業の名称：○○事業」 → (交付対象事業の名称, ○○事業).
  private static func colonSplit(_ text: String) -> (String, String)? {
    guard let index = text.firstIndex(where: { $0 == "：" || $0 == ":" }) else { return nil }
    let label = String(text[..<index])
    let value = String(text[text.index(after: index)...]).trimmingCharacters(
      in: .whitespacesAndNewlines)
    return value.isEmpty ? nil : (label, value)
  }

  private static func valueBeside(_ label: CellReference, in grid: SheetGrid) -> (
    String, CellReference
  )? {
    let labelEnd = grid.merge(containing: label)?.last.column ?? label.column
    if let cell = grid.cells(inRow: label.row).first(where: {
      $0.reference.column > labelEnd && CellReading.text($0) != nil
    }), let text = CellReading.text(cell), !HeaderCellKind.isHeader(text),
      cell.reference.column <= labelEnd + 8
    {
      return (text, cell.reference)
    }
    let labelBottom = grid.merge(containing: label)?.last.row ?? label.row
    let below = CellReference(row: labelBottom + 1, column: label.column)
    if let text = CellReading.text(grid.cell(at: below)), !HeaderCellKind.isHeader(text) {
      return (text, grid.merge(containing: below)?.first ?? below)
    }
    return nil
  }
}

/// The fiscal year a title states for a one-year table: 平成27年度実施事業, 令和4年度実績,
/// 対象年度：令和4年度.
enum TitleYear {
  static func find(_ grid: SheetGrid, above row: Int, in only: Int? = nil) -> Int? {
    for candidate in grid.rows where candidate < row && (only == nil || only == candidate) {
      for cell in grid.cells(inRow: candidate) {
        guard case .string(let text) = cell.value else { continue }
        for piece in text.split(whereSeparator: { "（()）　 ：:・".contains($0) }) {
          if let year = yearPrefix(String(piece)) { return year }
        }
      }
    }
    return nil
  }

  /// 平成27年度実施事業 → 2015: a year label at the start of a title word.
  private static func yearPrefix(_ text: String) -> Int? {
    guard let end = text.firstRange(of: "年度")?.upperBound else {
      if case .absolute(let year) = FiscalYearLabel.parse(text) { return year }
      return abbreviatedPrefix(text)
    }
    if case .absolute(let year) = FiscalYearLabel.parse(String(text[..<end])) { return year }
    return nil
  }

  /// H27地域活性化…, R4実施事業 → the era letter and number leading a title word. A month
  /// (H28.3, R4/3) or a date (H28年8月) is not a year statement.
  private static func abbreviatedPrefix(_ text: String) -> Int? {
    let folded = HeaderText.key(text)
    let isDigit = { (character: Character) in character.isASCII && character.isNumber }
    guard let era = folded.first, "HR".contains(era) else { return nil }
    let digits = folded.dropFirst().prefix(while: isDigit)
    guard (1...2).contains(digits.count) else { return nil }
    let rest = folded.dropFirst(1 + digits.count)
    if let next = rest.first,
      isDigit(next) || ".．/／年-".contains(next) || (next.isASCII && next.isLetter)
    {
      return nil
    }
    if case .absolute(let year) = FiscalYearLabel.parse(String(era) + digits) { return year }
    return nil
  }
}

/// A cell that prints the options instead of choosing one (「（選択肢）\n1.地方創生に非常に効果的で
/// あった\n2.…」): it opens with 選択肢 or 凡例, or three or more of its lines name different
/// options. Reading its first option would make a choice nobody made; the caller warns instead.
enum OptionLegend {
  static func lists<Category: Equatable>(_ text: String, _ match: (String) -> Category?) -> Bool {
    let lines = text.split(whereSeparator: \.isNewline).map(String.init)
    let opening = lines.first.map(HeaderText.key)?.drop { "(（【[<＜".contains($0) } ?? ""
    if opening.hasPrefix("選択肢") || opening.hasPrefix("凡例") { return true }
    var named: [Category] = []
    for line in lines {
      if let category = match(line), !named.contains(category) { named.append(category) }
    }
    return named.count >= 3
  }
}

/// The year of a one-year form that states none elsewhere, from the project's own months:
/// 事業開始 平成27年4月 and 事業終期 平成27年10月 both fall in FY2015. Months in different fiscal
/// years, or only one of them, give none (a several-year project's form needs its year said).
enum FormPeriodYear {
  private static let startWords: Set<String> = ["事業開始", "事業始期", "事業開始時期", "事業開始年月"]
  private static let endWords: Set<String> = ["事業終期", "事業終了", "事業終了時期", "事業終了年月"]

  static func find(_ grid: SheetGrid, rows: [Int]) -> Int? {
    var start: Int?
    var end: Int?
    let rowSet = Set(rows)
    for row in grid.rows where rowSet.contains(row) {
      for cell in grid.cells(inRow: row) {
        guard case .string(let text) = cell.value else { continue }
        let key = HeaderText.key(text)
        let isStart = startWords.contains(key)
        guard isStart || endWords.contains(key), let year = monthYear(besides: cell.reference, grid)
        else { continue }
        if isStart { start = start ?? year } else { end = end ?? year }
      }
    }
    guard let start, let end, start == end else { return nil }
    return start
  }

  /// The fiscal year of the month written right of a label (past its merge): 平成27年4月, a date.
  private static func monthYear(besides label: CellReference, _ grid: SheetGrid) -> Int? {
    let labelEnd = grid.merge(containing: label)?.last.column ?? label.column
    guard
      let cell = grid.cells(inRow: label.row).first(where: {
        $0.reference.column > labelEnd && CellReading.text($0) != nil
      }), case .due = CellReading.yearLabel(cell)
    else { return nil }
    return CellReading.yearLabel(cell)?.resolve(periodStart: nil)
  }
}

/// 「指標①」 row labels of the national form, and the prefix before a name.
enum IndicatorLabel {
  /// 「指標①」, 「指標1」: a row label, not a name.
  static func isLabel(_ text: String) -> Bool {
    guard text.hasPrefix("指標") else { return false }
    let rest = text.dropFirst(2)
    return !rest.isEmpty && rest.allSatisfy { $0.isNumber || ("①"..."⑳").contains($0) }
  }

  /// 「指標①　観光客数」 → 観光客数.
  static func withoutPrefix(_ text: String) -> String {
    guard text.hasPrefix("指標") else { return text }
    var rest = text.dropFirst(2)
    guard let first = rest.first, first.isNumber || ("①"..."⑳").contains(first) else { return text }
    while let next = rest.first,
      next.isNumber || ("①"..."⑳").contains(next) || ":：.．　 ".contains(next)
    {
      rest = rest.dropFirst()
    }
    return String(rest)
  }
}

/// A letter or symbol grade, as written, with the explanation that follows it:
/// 「A：目標を達成した」 → A, 目標を達成した.
struct Grade {
  var grade: String
  var explanation: String?

  static let symbols: Set<Character> = ["◎", "○", "〇", "◯", "△", "×", "✕", "▲", "●", "□", "☆", "★"]

  static func parse(_ text: String) -> Grade? {
    let trimmed = CellReading.trimmed(text)
    guard let first = trimmed.first, !SingleTable.isDashOnly(trimmed) else { return nil }
    let separators: Set<Character> = ["：", ":", " ", "　", "\n", "（", "(", "・", "、"]
    let head = trimmed.prefix { !separators.contains($0) }
    var rest = trimmed.dropFirst(head.count).drop {
      separators.contains($0) || $0.isWhitespace
    }
    if rest.last == "）" || rest.last == ")" { rest = rest.dropLast() }
    let explanation = rest.isEmpty ? nil : TextNormalizer.paragraph(String(rest))
    let folded = HeaderText.key(String(head))
    if symbols.contains(first) { return Grade(grade: String(first), explanation: explanation) }
    // A, B+, Ab, 3: a letter or number grade.
    if folded.count <= 2,
      folded.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-") })
    {
      return Grade(grade: folded, explanation: explanation)
    }
    // Word grades (有効, 概ね順調); other words (有効性, a block label's neighbour) are not.
    let compact = TextNormalizer.compact(String(head))
    guard words.contains(compact) else { return nil }
    return Grade(grade: compact, explanation: explanation)
  }

  static let words: Set<String> = [
    "有効", "概ね有効", "有効でない", "効果的", "概ね効果的", "達成", "概ね達成", "未達成", "順調", "概ね順調",
    "やや遅れ", "遅れ", "停滞", "高", "中", "低", "良好", "概ね良好", "要改善", "拡充", "継続", "改善", "縮小", "廃止",
  ]
}

/// A value with its year in brackets: 7.4%（2014年）, 40%以上（2020年度）, 558.7万人（21年）.
enum YearInBrackets {
  /// The value's text and the year, when the bracket holds a year (nil year when it names
  /// one without an era, such as 21年).
  static func split(_ text: String) -> (String, Int?)? {
    guard let (value, bracket) = BracketedPair.split(text) else { return nil }
    // （令和6年度平均）, （H31年度末）: the year the figure stands for, with how it was taken.
    var inner = bracket
    for suffix in ["平均", "末", "末現在", "現在", "時点"] where inner.hasSuffix(suffix) {
      inner = String(inner.dropLast(suffix.count))
    }
    let yearText = inner.hasSuffix("年") ? inner + "度" : inner
    if let label = FiscalYearLabel.parse(yearText), case .absolute(let year) = label {
      return (value, year)
    }
    if periodNote(text) != nil { return (value, nil) }
    let digits = inner.dropLast(inner.hasSuffix("年度") ? 2 : inner.hasSuffix("年") ? 1 : 0)
    guard digits.count < inner.count, !digits.isEmpty,
      digits.allSatisfy({ $0.isASCII && $0.isNumber || ("０"..."９").contains($0) })
    else { return nil }
    return (value, nil)
  }
}

extension YearInBrackets {
  /// 「10社(5年間)」: a bracket giving the span the figure adds up over, not a year.
  static func periodNote(_ text: String) -> String? {
    guard let (_, inner) = BracketedPair.split(text) else { return nil }
    let key = HeaderText.key(inner)
    for suffix in ["年間", "か年", "カ年", "ヵ年", "ヶ年"] where key.hasSuffix(suffix) {
      let digits = key.dropLast(suffix.count)
      if (1...2).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
        return inner
      }
    }
    return nil
  }

  /// The era-less year of a bracket (「1,230人(32年度)」 → 32), for reading in the era the
  /// sheet names elsewhere.
  static func eralessNumber(_ text: String) -> Int? {
    guard let (_, inner) = BracketedPair.split(text) else { return nil }
    return EralessYear.number(HeaderText.key(inner))
  }
}

/// 「515人（255人）」: a value and a bracketed second value.
enum BracketedPair {
  /// The text before a trailing bracket and the bracket's content.
  static func split(_ text: String) -> (String, String)? {
    let folded = CellReading.trimmed(text)
    guard folded.last == "）" || folded.last == ")",
      let open = folded.lastIndex(where: { $0 == "（" || $0 == "(" }), open != folded.startIndex
    else { return nil }
    let inner = String(folded[folded.index(after: open)..<folded.index(before: folded.endIndex)])
    return (String(folded[..<open]), inner)
  }

  /// The first value of a pair whose bracket holds a number.
  static func first(_ text: String) -> String? {
    guard let (value, inner) = split(text), inner.contains(where: \.isNumber) else { return nil }
    return value
  }
}

/// A KPI cell that gives its target on a second line: 「移住者数\n平成31年度まで10人」.
enum KPINameTarget {
  static func parse(_ line: String) -> FinalTarget? {
    let compact = TextNormalizer.compact(line)
    for marker in ["までに", "まで", "に"] {
      guard let range = compact.firstRange(of: marker) else { continue }
      let yearText = String(compact[..<range.lowerBound])
      let valueText = String(compact[range.upperBound...])
      guard case .absolute(let year)? = FiscalYearLabel.parse(yearText),
        case .value(let value, _, _) = QuantityParser.parse(valueText)
      else { continue }
      return FinalTarget(fiscalYear: year, value: value)
    }
    return nil
  }
}

extension TableHeader {
  /// Whether a grade column grades the project (merged over its rows, or beside the
  /// project's evaluation columns) rather than each KPI (a year's 達成度, a column of grades
  /// in a KPI list).
  func gradeIsPerProject(at reference: CellReference, grid: SheetGrid) -> Bool {
    guard column(.kpi) != nil else { return true }
    if let merge = grid.merge(containing: reference), merge.rowCount > 1 { return true }
    let gradeColumn = columns.first { $0.column == reference.column }
    if gradeColumn?.path.count ?? 0 > 1 { return false }
    return [HeaderField.effect, .assessment, .expertOpinion, .policy, .policyReason].contains {
      column($0) != nil
    }
  }
}
