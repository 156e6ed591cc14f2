import Foundation
import KPIModel
import XLSXWriter

/// Writes the national-format report (report.md): 効果検証, KPI推移, 集計 and データ, in that
/// order, with the `kpisheet` custom property by which `extract` knows its own reports.
///
/// The workbook is written to a temporary file in the output's folder and renamed into place
/// only when complete, so a failed write leaves nothing behind.
public struct ReportWriter: Sendable {
  public init() {}

  /// Writes the report; returns warnings (a sheet with more page breaks than it keeps).
  ///
  /// `forPrinting` leaves out データ, the machine-readable sheet, for a workbook that is only
  /// printed (the PDF to publish).
  @discardableResult
  public func write(
    _ document: RecordsDocument, context: ReportContext, to path: String,
    forPrinting: Bool = false
  ) throws -> [ReportWarning] {
    try ReportCheck(document: document).run()
    let facts = ReportFacts(document: document, context: context)
    let workbook = try XLSXDocument(
      temporaryIn: Self.folder(of: path),
      options: XLSXDocumentOptions(created: Self.seconds(context.created)))
    workbook.properties = DocumentProperties(
      title: facts.title,
      subject: "\(facts.grant)の効果検証（各交付対象事業の重要業績評価指標（KPI）の実績値等）",
      company: facts.municipality.name,
      category: "事業実施結果報告", keywords: "KPI,効果検証,地方創生")
    try workbook.setCustomProperty(
      ReportMarker.propertyName, .string(ReportMarker.reportVersion))
    var warnings: [ReportWarning] = []
    do {
      // The sheets in the report's order; KPI推移 is written first, as the others point at
      // the cells where it holds each value.
      let evaluation = try workbook.addWorksheet(named: ReportFormat.evaluationSheet)
      let progress = try workbook.addWorksheet(named: ReportFormat.progressSheet)
      let summary = try workbook.addWorksheet(named: ReportFormat.summarySheet)
      let data = forPrinting ? nil : try workbook.addWorksheet(named: ReportFormat.dataSheet)
      var cells = ValueCells()
      let progressWarnings = try ProgressSheet(facts: facts).write(
        into: progress, of: workbook, cells: &cells)
      warnings = try EvaluationSheet(facts: facts, cells: cells).write(into: evaluation)
      warnings += progressWarnings
      try SummarySheet(
        facts: facts, dataRows: data == nil ? nil : DataRow.rowCount(of: document)
      ).write(into: summary)
      if let data {
        try DataSheet(facts: facts, cells: cells).write(into: data)
      }
    } catch let error as XLSXWriterError where error.kind == .outOfBounds {
      // Records larger than a sheet: said as such, rather than as a cell the writer refused.
      let sheet = error.sheet ?? "?"
      throw ReportError(
        place: "sheet \(sheet)", japanesePlace: "シート \(sheet)",
        detail: "the records need more rows or columns than an Excel sheet has (\(error))",
        japaneseDetail: "レコードが Excel のシートの行数または列数に収まりません（\(error)）")
    }
    try workbook.save(to: path)
    return warnings
  }

  /// A creation time as XLSXWriter takes it: whole seconds since 1970. A time no `Int`
  /// holds becomes -1, which the writer refuses as it refuses any time before 1970.
  static func seconds(_ date: Date?) -> Int? {
    date.map { Int(exactly: $0.timeIntervalSince1970.rounded(.down)) ?? -1 }
  }

  /// The folder a path's file lives in (`.` for a bare file name).
  static func folder(of path: String) -> String {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    return folder.isEmpty ? "." : folder
  }
}

/// What every sheet of one report needs: the records, and the facts settled from the
/// records and the context together.
struct ReportFacts {
  let document: RecordsDocument
  let context: ReportContext
  /// The context's grant when it names one of its own, else the records', else the current.
  let grant: String
  /// The context's facts, completed from the records'.
  let municipality: Municipality
  /// 担当部局課名: the context's, else the one department all projects share.
  let department: String?
  let evaluationYear: Int

  init(document: RecordsDocument, context: ReportContext) {
    self.document = document
    self.context = context
    if context.grant != ReportContext.defaultGrant {
      grant = context.grant
    } else {
      grant = document.grant.flatMap { $0.isEmpty ? nil : $0 } ?? ReportContext.defaultGrant
    }
    var municipality = context.municipality
    municipality.name = municipality.name ?? document.municipality?.name
    municipality.prefecture = municipality.prefecture ?? document.municipality?.prefecture
    municipality.code = municipality.code ?? document.municipality?.code
    self.municipality = municipality
    let departments = document.projects.map(\.department)
    if let department = context.department {
      self.department = department
    } else if let first = departments.first, let shared = first,
      departments.allSatisfy({ $0 == shared })
    {
      self.department = shared
    } else {
      self.department = nil
    }
    evaluationYear = context.evaluationYear
  }

  /// 「<grant>事業実施結果報告（令和N年度）」.
  var title: String {
    "\(grant)事業実施結果報告（\(Era.label(fiscalYear: evaluationYear))）"
  }

  /// The project's number: its own, else its position (1, 2, …).
  func number(of index: Int) -> Int {
    document.projects[index].no ?? index + 1
  }
}
