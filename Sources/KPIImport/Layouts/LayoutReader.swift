import CellAddress
import KPIModel
import XLSXReader

/// The layouts of input-layouts.md that the importer recognises.
public enum Layout: String, Sendable, Codable, CaseIterable {
  case block = "A"
  case nationalForm = "B"
  case flatList = "C"
  case wideTable = "D"
  case perSheet = "E"
  case ownReport = "F"
  /// The departmental template `kpisheet template` writes (its 事業, 年度別, KPI and 評価
  /// sheets), told apart from the report it is not.
  case ownTemplate = "G"
  case mapping

  /// A short English name, for `validate`.
  public var title: String {
    switch self {
    case .block: "block layout"
    case .nationalForm: "national form"
    case .flatList: "flat list"
    case .wideTable: "wide table"
    case .perSheet: "one project per sheet"
    case .ownReport: "kpisheet report"
    case .ownTemplate: "kpisheet template"
    case .mapping: "mapping file"
    }
  }

  /// The short name in `language`.
  public func title(in language: DiagnosticLanguage) -> String {
    guard language == .japanese else { return title }
    switch self {
    case .block: return "ブロック形式"
    case .nationalForm: return "国の様式"
    case .flatList: return "一覧形式"
    case .wideTable: return "横長の表"
    case .perSheet: return "事業ごとのシート"
    case .ownReport: return "kpisheet のレポート"
    case .ownTemplate: return "kpisheet のテンプレート"
    case .mapping: return "マッピング ファイル"
    }
  }
}

/// A KPI table found on a sheet, or a region that looked like one and was not read.
public struct DetectedTable: Sendable, Equatable {
  /// How a table's measures lie: as columns, as rows (years across), or as a form.
  public enum Orientation: String, Sendable, Equatable {
    case columns, rows, form
  }

  public var layout: Layout
  public var sheet: String
  public var range: CellRange
  /// The nearest of layouts A–F, or nil for a region that was not read.
  public var nearestLayout: Layout?
  public var orientation: Orientation?
  /// Each header column (or row) with its path and the field it was read as.
  public var headers: [HeaderExplanation] = []
  /// Why the region was not read as a KPI table; nil for a table that was read.
  public var skipped: SkipReason?

  init(layout: Layout, sheet: String, range: CellRange) {
    self.layout = layout
    self.sheet = sheet
    self.range = range
    self.nearestLayout = layout
  }

  /// The table from its header row to its last data row, across the columns it uses.
  init(layout: Layout, sheet: String, rows: ClosedRange<Int>, columns: [Int]) {
    let first = columns.min() ?? 0
    let last = columns.max() ?? first
    self.init(
      layout: layout, sheet: sheet,
      range: CellRange(
        first: CellReference(row: rows.lowerBound, column: first),
        last: CellReference(row: rows.upperBound, column: last)))
  }
}

/// One header cell of a table, as `validate --explain` shows it.
public struct HeaderExplanation: Sendable, Equatable {
  /// The lowest header cell over the column.
  public var cell: CellReference
  /// The header texts over the column, top to bottom.
  public var path: [String]
  /// The field the column was read as (`kpi`, `target[令和4年度]`, …); nil when not read.
  public var field: String?
}

/// What one sheet gave.
struct SheetImport {
  var projects: [Project]
  var tables: [DetectedTable]
  var municipality: Municipality? = nil
  /// The grant a title names (read only for a report, whose title is known to carry it).
  var grant: String? = nil
  /// Regions that looked like tables and were not read.
  var notRead: [DetectedTable] = []
}

/// Finds one layout's tables on a sheet; nil when the sheet is not in this layout.
protocol LayoutReader: Sendable {
  var layout: Layout { get }
  func read(_ grid: SheetGrid, log: DiagnosticLog) -> SheetImport?
}

/// Builds projects in the order rows name them, with their KPIs in order.
struct ProjectAccumulator {
  private struct Entry {
    var project: Project
    var nameCell: CellReference?
    var kpis: [KPIBuilder] = []
    var years: [ProjectYear] = []
    /// A cost given once for the project (実績額 of the national form): it belongs to the
    /// latest year its KPI rows give.
    var pendingCost: Amount?
    /// The year a one-year table gives its projects: their cost's year when no KPI gives one.
    var defaultYear: Int?
  }

  private var entries: [Entry] = []

  var isEmpty: Bool { entries.isEmpty }
  var hasCurrent: Bool { !entries.isEmpty }
  var currentPeriod: FiscalPeriod? { entries.last?.project.period }

  /// Starts a project, or continues the current one when the name repeats. A ① marker and a
  /// （令和２年度～令和４年度） period in the name are taken apart.
  mutating func begin(named text: String, at cell: CellReference?) {
    // A list names its project on every row: the same text as the row above is the same
    // project, with no parsing and no search.
    if text == lastText, !entries.isEmpty { return }
    lastText = text
    let heading = ProjectHeading.parse(text)
    let name = heading?.name ?? TextNormalizer.compact(text)
    if let index = indexByName[name] {
      if index != entries.count - 1 {
        entries.append(entries.remove(at: index))
        reindex()
      }
      return
    }
    indexByName[name] = entries.count
    entries.append(
      Entry(project: Project(no: heading?.no, name: name, period: heading?.period), nameCell: cell))
  }

  /// The text `begin(named:)` saw last, and each project's place by name.
  private var lastText: String?
  private var indexByName: [String: Int] = [:]

  private mutating func reindex() {
    indexByName = [:]
    for (index, entry) in entries.enumerated() where indexByName[entry.project.name] == nil {
      indexByName[entry.project.name] = index
    }
  }

  /// Starts a project from a prepared record (layout A and the national form).
  mutating func begin(_ project: Project, at cell: CellReference?) {
    lastText = nil
    if indexByName[project.name] == nil { indexByName[project.name] = entries.count }
    entries.append(Entry(project: project, nameCell: cell))
  }

  mutating func update(_ change: (inout Project) -> Void) {
    guard !entries.isEmpty else { return }
    change(&entries[entries.count - 1].project)
  }

  mutating func addYear(_ fiscalYear: Int, activities: [String] = []) {
    guard !entries.isEmpty else { return }
    if let index = entries[entries.count - 1].years.firstIndex(where: {
      $0.fiscalYear == fiscalYear
    }) {
      entries[entries.count - 1].years[index].activities += activities
    } else {
      entries[entries.count - 1].years.append(
        ProjectYear(fiscalYear: fiscalYear, activities: activities))
    }
  }

  mutating func setCost(_ amount: Amount, year: Int) {
    addYear(year)
    guard let index = entries[entries.count - 1].years.firstIndex(where: { $0.fiscalYear == year })
    else {
      return
    }
    if entries[entries.count - 1].years[index].cost == nil {
      entries[entries.count - 1].years[index].cost = amount
    }
  }

  mutating func setDefaultYear(_ year: Int) {
    guard !entries.isEmpty else { return }
    entries[entries.count - 1].defaultYear = year
  }

  mutating func setPendingCost(_ amount: Amount) {
    guard !entries.isEmpty, entries[entries.count - 1].pendingCost == nil else { return }
    entries[entries.count - 1].pendingCost = amount
  }

  /// Runs `change` on the current project's KPI with this name, creating it if new.
  mutating func withKPI(
    named name: String, at cell: CellReference?, _ change: (inout KPIBuilder) -> Void
  ) {
    guard !entries.isEmpty else { return }
    let last = entries.count - 1
    if let index = entries[last].kpis.firstIndex(where: { $0.name == name }) {
      change(&entries[last].kpis[index])
    } else {
      var builder = KPIBuilder(name: name, nameCell: cell)
      change(&builder)
      entries[last].kpis.append(builder)
    }
  }

  /// The projects, KPIs numbered in order, years ascending.
  /// A project without KPIs is kept, with a KPI未設定 warning at its name; an evaluation or a
  /// cost given once per project belongs to its latest year.
  func build(sheet: String, log: DiagnosticLog) -> [Project] {
    entries.map { entry in
      var project = entry.project
      ErrorValueText.check(
        project.name, as: .projectName, sheet: sheet, cell: entry.nameCell, log: log)
      project.years = entry.years.sorted { $0.fiscalYear < $1.fiscalYear }
      project.kpis = entry.kpis.enumerated().map { index, builder in
        builder.build(no: index + 1, period: project.period, sheet: sheet, log: log)
      }
      if project.years.isEmpty, entry.pendingCost != nil {
        if let year = entry.defaultYear {
          project.years = [ProjectYear(fiscalYear: year)]
        } else {
          // A cost with no year anywhere would be dropped without a word.
          log.add(
            .error, .tableYearUnknown, ["range": entry.nameCell.map { "\($0)" } ?? project.name],
            sheet: sheet, cell: entry.nameCell)
        }
      }
      if let latest = project.years.last?.fiscalYear {
        if let cost = entry.pendingCost, project.years[project.years.count - 1].cost == nil {
          project.years[project.years.count - 1].cost = cost
        }
        if project.evaluation != nil && project.evaluation?.fiscalYear == nil {
          // The year evaluated is the latest with an actual; later years hold only targets.
          let measured = project.kpis.flatMap(\.values).filter { $0.actual != nil }
          project.evaluation?.fiscalYear = measured.map(\.fiscalYear).max() ?? latest
        }
      }
      if project.kpis.isEmpty {
        log.add(.warning, .kpiNotSet, ["project": project.name], sheet: sheet, cell: entry.nameCell)
      }
      return project
    }
  }
}
