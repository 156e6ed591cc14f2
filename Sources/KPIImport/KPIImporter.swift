import KPIModel
import XLSXReader

/// What a workbook gave: its records, the tables found, and every problem with its place.
public struct ImportResult: Sendable {
  public var document: RecordsDocument
  public var tables: [DetectedTable]
  public var diagnostics: [Diagnostic]
  /// Sheets with nothing recognisable (validate says so).
  public var skippedSheets: [String]
  /// Hidden sheets that were read.
  public var hiddenSheets: [String]
  /// Regions that looked like tables and were not read, each with its reason.
  public var notRead: [DetectedTable] = []

  /// The layout found: kpisheet's own report or template, E when several sheets each hold one
  /// project, else the first table's.
  public var layout: Layout? {
    // kpisheet's own report and template hold one kind of table per sheet, whatever the count.
    if let first = tables.first?.layout, first == .ownReport || first == .ownTemplate {
      return first
    }
    let sheets = Set(tables.map(\.sheet))
    if sheets.count > 1 && document.projects.count == sheets.count { return .perSheet }
    return tables.first?.layout
  }

  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// The workbook holds no KPI table in any layout the importer knows.
public struct NoKPITableError: Error, Sendable, CustomStringConvertible {
  public var file: String
  public var layoutsTried: [Layout]
  public var skippedSheets: [String]
  /// Regions that looked like tables, each with why it was not read.
  public var notRead: [DetectedTable] = []

  public var description: String { description(in: .english) }

  public func description(in language: DiagnosticLanguage) -> String {
    // The first regions that looked like tables say what stopped them.
    let reasons = notRead.prefix(3).compactMap { table in
      table.skipped.map { "\(table.sheet)!\(table.range): \($0.description(in: language))" }
    }
    switch language {
    case .english:
      let tried = layoutsTried.map { "\($0.rawValue) (\($0.title))" }.joined(separator: ", ")
      let why = reasons.isEmpty ? "" : "; " + reasons.joined(separator: "; ")
      return
        "\(file): no KPI table found (layouts tried: \(tried))\(why); describe the sheet with a mapping file and pass it with --mapping"
    case .japanese:
      let tried = layoutsTried.map { "\($0.rawValue)（\($0.title(in: .japanese))）" }
        .joined(separator: "、")
      let why = reasons.isEmpty ? "" : "。" + reasons.joined(separator: "。")
      return
        "\(file): KPI の表が見つかりません（試したレイアウト: \(tried)）\(why)。マッピング ファイルでシートの構成を記述し、--mapping で指定してください"
    }
  }
}

/// Reads a departmental workbook into records: every KPI table on every sheet (hidden sheets
/// too), projects in sheet order, then top to bottom.
public struct KPIImporter: Sendable {
  /// Only this sheet, when set.
  public var sheetName: String?
  /// Read the table the mapping file describes instead of detecting layouts.
  public var mapping: MappingFile?
  /// The fiscal year of a one-year table that states none (`--fiscal-year`); never moves a
  /// year the sheet states.
  public var fiscalYear: Int?

  public init(sheetName: String? = nil, mapping: MappingFile? = nil, fiscalYear: Int? = nil) {
    self.sheetName = sheetName
    self.mapping = mapping
    self.fiscalYear = fiscalYear
  }

  /// Reads `workbook`; throws `XLSXError` for an unreadable sheet and `NoKPITableError` when
  /// nothing is recognisable.
  public func read(_ workbook: XLSXWorkbook) throws -> ImportResult {
    let log = DiagnosticLog(file: workbook.fileName)
    var sheets = workbook.sheets.filter { $0.kind == .worksheet }
    if let mapping {
      sheets = Array(sheets.prefix(1))
      if let name = mapping.sheet ?? sheetName {
        guard let sheet = workbook.sheet(named: name) else {
          throw XLSXError(
            .noSuchSheet, file: workbook.fileName,
            detail: "there is no sheet named \"\(name)\" (the mapping file names it)",
            japanese: "シート \"\(name)\" がありません（マッピング ファイルに記載されたシートです）")
        }
        sheets = [sheet]
      }
    } else if let sheetName {
      guard let sheet = workbook.sheet(named: sheetName) else {
        let names = workbook.sheets.map { "\"\($0.name)\"" }
        throw XLSXError(
          .noSuchSheet, file: workbook.fileName,
          detail:
            "there is no sheet named \"\(sheetName)\" (the sheets are \(names.joined(separator: ", ")))",
          japanese:
            "シート \"\(sheetName)\" がありません（ブックのシート: \(names.joined(separator: "、"))）")
      }
      sheets = [sheet]
    }
    if mapping == nil && sheetName == nil && OwnReport.isReport(workbook),
      let report = try OwnReport().read(workbook, log: log)
    {
      return ImportResult(
        document: RecordsDocument(
          municipality: report.municipality, grant: report.grant, projects: report.projects
        ),
        tables: report.tables, diagnostics: log.diagnostics, skippedSheets: [],
        hiddenSheets: sheets.filter(\.isHidden).map(\.name))
    }
    if mapping == nil && sheetName == nil && OwnTemplate.isTemplate(workbook),
      let template = try OwnTemplate().read(workbook, log: log)
    {
      return ImportResult(
        document: RecordsDocument(
          municipality: template.municipality, grant: template.grant, projects: template.projects),
        tables: template.tables, diagnostics: log.diagnostics, skippedSheets: [],
        hiddenSheets: sheets.filter(\.isHidden).map(\.name))
    }
    return try readGrids(
      count: sheets.count, fileName: workbook.fileName,
      hiddenSheets: sheets.filter(\.isHidden).map(\.name)
    ) { index in try SheetGrid(workbook: workbook, sheet: sheets[index]) }
  }

  /// Reads sheets already held as grids (from another reader, or changed by a program), as
  /// `read(_:)` reads a workbook's; the importer's sheet and mapping settings apply.
  public func read(grids: [SheetGrid], fileName: String) throws -> ImportResult {
    try readGrids(
      count: grids.count, fileName: fileName,
      hiddenSheets: grids.filter(\.sheet.isHidden).map(\.sheet.name)
    ) { grids[$0] }
  }

  /// Reads one sheet at a time (a workbook's grids are made as they are read, so only one is
  /// held in memory).
  private func readGrids(
    count: Int, fileName: String, hiddenSheets: [String], grid makeGrid: (Int) throws -> SheetGrid
  ) throws -> ImportResult {
    let log = DiagnosticLog(file: fileName)
    // The table reader understands tables by their headers; the seed's block layout (years
    // down a label column, KPI names over 目標値 | 実績値) keeps its own reader for its
    // headings and activities, tried when no table is read.
    let readers: [any LayoutReader] =
      mapping.map { [MappingLayout(mapping: $0)] }
      ?? [TableReader(fiscalYear: fiscalYear), BlockLayout()]
    var projects: [Project] = []
    var tables: [DetectedTable] = []
    var skipped: [String] = []
    var explained: [DetectedTable] = []
    var municipality: Municipality?
    var grant: String?
    // The template's own sheets, copied into a workbook without its marker, are read
    // together once all sheets are seen; each keeps its place among the others.
    let findTemplate = mapping == nil && sheetName == nil
    var copied: [(table: TemplateTable, projects: Int, tables: Int)] = []
    func take(_ read: SheetRead, sheet: String) -> SheetImport? {
      explained += read.notRead.filter { $0.skipped != nil }
      grant = grant ?? read.grant
      if let contact = read.contact, municipality?.contact == nil {
        municipality = merge(municipality, Municipality(contact: contact))
      }
      if read.found == nil { skipped.append(sheet) }
      return read.found
    }
    for index in 0..<count {
      let grid = try makeGrid(index)
      // The template reads its own municipality block (on 事業).
      if findTemplate, let table = TemplateTable.drawn(grid) {
        copied.append((table, projects.count, tables.count))
        continue
      }
      if let found = MunicipalityBlock.read(grid, log: log) {
        municipality = merge(municipality, found)
      }
      guard let found = take(readSheet(grid, readers: readers, log: log), sheet: grid.sheet.name)
      else { continue }
      projects += found.projects
      tables += found.tables
    }
    if let template = CopiedTemplate(copied.map(\.table)).read(log: log) {
      projects.insert(contentsOf: template.projects, at: copied[0].projects)
      tables.insert(contentsOf: template.tables, at: copied[0].tables)
      if let found = template.municipality { municipality = merge(found, municipality ?? found) }
      grant = grant ?? template.grant
    } else {
      // Too little of the template to read as one: each sheet as any other, in its place.
      for entry in copied.reversed() {
        let grid = entry.table.grid
        if let found = MunicipalityBlock.read(grid, log: log) {
          municipality = merge(municipality, found)
        }
        guard let found = take(readSheet(grid, readers: readers, log: log), sheet: grid.sheet.name)
        else { continue }
        projects.insert(contentsOf: found.projects, at: entry.projects)
        tables.insert(contentsOf: found.tables, at: entry.tables)
      }
    }
    guard !projects.isEmpty else {
      throw NoKPITableError(
        file: fileName,
        layoutsTried: mapping == nil ? [.nationalForm, .flatList, .wideTable, .block] : [.mapping],
        skippedSheets: skipped, notRead: explained)
    }
    return ImportResult(
      document: RecordsDocument(municipality: municipality, grant: grant, projects: projects),
      tables: tables, diagnostics: log.diagnostics, skippedSheets: skipped,
      hiddenSheets: hiddenSheets, notRead: explained)
  }

  /// What one sheet gave the layout readers: its records, the regions not read, the grant a
  /// title names and 連絡先 above its first table.
  struct SheetRead {
    var found: SheetImport?
    var notRead: [DetectedTable]
    var grant: String?
    var contact: String?
  }

  private func readSheet(_ grid: SheetGrid, readers: [any LayoutReader], log: DiagnosticLog)
    -> SheetRead
  {
    // The first layout that recognises the sheet reads it (a plain loop: a lazy
    // compactMap would run the matching reader twice).
    var sheetImport: SheetImport?
    var notRead: [DetectedTable] = []
    for reader in readers {
      // A reader's diagnostics count only when it reads the sheet.
      let attempt = DiagnosticLog(file: log.file)
      guard let found = reader.read(grid, log: attempt) else { continue }
      notRead += found.notRead
      if found.projects.isEmpty { continue }
      sheetImport = found
      log.append(attempt)
      break
    }
    // The grant is named in a title above the tables, not in a 交付金の種類 column.
    let firstTableRow = sheetImport?.tables.map(\.range.first.row).min() ?? Int.max
    let contact = sheetImport.flatMap { _ in
      MunicipalityBlock.contact(in: grid, above: firstTableRow)
    }
    // A header block's 担当部局課名 is the department of the sheet's projects that name none.
    if sheetImport != nil,
      let department = MunicipalityBlock.department(in: grid, above: firstTableRow)
    {
      for index in sheetImport?.projects.indices ?? 0..<0
      where sheetImport?.projects[index].department == nil {
        sheetImport?.projects[index].department = department
      }
    }
    return SheetRead(
      found: sheetImport, notRead: notRead,
      grant: GrantName.find(in: grid, above: firstTableRow), contact: contact)
  }

  private func merge(_ known: Municipality?, _ found: Municipality) -> Municipality {
    guard var known else { return found }
    known.name = known.name ?? found.name
    known.prefecture = known.prefecture ?? found.prefecture
    known.code = known.code ?? found.code
    known.contact = known.contact ?? found.contact
    return known
  }
}

/// Sheets of kpisheet's template found in a workbook without the template's marker (copied
/// into another workbook): read as the template when enough of it is there to be the
/// template (its 事業 sheet, or two of its sheets), with a warning for each sheet missing.
struct CopiedTemplate {
  let tables: [TemplateTable]

  init(_ tables: [TemplateTable]) { self.tables = tables }

  func read(log: DiagnosticLog) -> SheetImport? {
    let kinds = Set(tables.map(\.kind))
    guard kinds.contains(.projects) || tables.count >= 2 else { return nil }
    for kind in TemplateTable.Kind.allCases where !kinds.contains(kind) {
      let (name, english, japanese) = Self.describe(kind)
      log.add(
        Diagnostic(
          .warning, "template-sheet-missing",
          message:
            "read as kpisheet's template (its sheets, without the workbook's marker), but no \(name) sheet was found: \(english) are not read",
          japanese:
            "kpisheet のテンプレートのシートとして読みましたが（ブックの目印はありません）、\(name) シートがないため\(japanese)は読み込まれません"),
        sheet: nil, cell: nil)
    }
    return OwnTemplate().read(tables, log: log)
  }

  /// A template sheet's name and what it gives.
  private static func describe(_ kind: TemplateTable.Kind) -> (String, String, String) {
    switch kind {
    case .projects:
      (
        TemplateFormat.projectSheet, "the projects' 区分, periods, departments and overviews",
        "事業の区分・期間・担当部局課名・事業概要"
      )
    case .years:
      (TemplateFormat.yearSheet, "activities and costs", "実施内容と実績額")
    case .kpis: (TemplateFormat.kpiSheet, "KPIs and their values", "KPI とその値")
    case .evaluations: (TemplateFormat.evaluationSheet, "evaluations", "評価")
    }
  }
}

/// The grant's name, when a title names it.
enum GrantName {
  static let known = [
    "デジタル田園都市国家構想交付金（地方創生推進タイプ）", "地方創生推進交付金",
    "デジタル田園都市国家構想交付金（地方創生拠点整備タイプ）", "地方創生拠点整備交付金",
    "新しい地方経済・生活環境創生交付金",
  ]

  static func find(in grid: SheetGrid, above limit: Int) -> String? {
    for row in grid.rows.prefix(12) where row < limit {
      for cell in grid.cells(inRow: row) {
        guard case .string(let text) = cell.value else { continue }
        let folded = text.replacingOccurrences(of: "(", with: "（").replacingOccurrences(
          of: ")", with: "）")
        if let name = known.first(where: folded.contains) { return name }
      }
    }
    return nil
  }
}
