import Foundation
import KPIImport
import KPIModel
import KPIReport
import TemporaryFiles
import XLSXReader

/// `convert`: departmental workbooks (or records JSON) in, one national-format report out.
public struct ConvertPipeline: Sendable {
  public var fiscalYear: Int?
  public var sheetName: String?
  public var mapping: MappingFile?
  public var limits: ReaderLimits
  public var created: Date?
  public var facts: ReportProfile
  /// Facts given on the command line: they win over the sheets, with a warning where they
  /// differ (`facts` only fills what the sheets leave out).
  public var overrides = ReportProfile()
  public var preferLater: Bool
  /// Threads reading each large workbook; nil for the reader's default (a batch sets it).
  public var readingThreads: Int?
  /// For `--pdf`: a folder where each report is also written for printing (without データ),
  /// under its output's file name (`ReportPDF.printWorkbook`).
  public var printFolder: String?

  public init(
    fiscalYear: Int? = nil, sheetName: String? = nil, mapping: MappingFile? = nil,
    limits: ReaderLimits = ReaderLimits(), created: Date? = nil,
    facts: ReportProfile = ReportProfile(),
    preferLater: Bool = false
  ) {
    self.fiscalYear = fiscalYear
    self.sheetName = sheetName
    self.mapping = mapping
    self.limits = limits
    self.created = created
    self.facts = facts
    self.preferLater = preferLater
  }

  /// What a run found: the problems (warnings only, when it succeeded) and the year reported.
  public struct Outcome: Sendable {
    public var diagnostics: [Diagnostic]
    public var evaluationYear: Int
    public var projects: Int
    /// KPIs in all projects.
    public var kpis: Int = 0
    public var projectsWithoutKPIs: Int = 0
    /// KPIs whose value in the evaluation year reached its target.
    public var kpisAchieved: Int = 0
  }

  /// Reads every input, merges them and writes the report to `output` (`-` is standard
  /// output). Nothing is written when any input is unreadable or has an error.
  public func run(inputs: [String], output: OutputFile) throws -> Outcome {
    try output.check(inputs: inputs)
    return try convert(
      inputs.map { input in { try InputFile(input) } },
      reportName: inputs.count == 1 ? inputs[0] : output.path, output: output)
  }

  /// ``run(inputs:output:)`` for inputs already on disk under names of their own (the
  /// server's uploads); a report error names `reportName` when there are several inputs.
  public func run(files: [InputFile], reportName: String, output: OutputFile) throws -> Outcome {
    try output.check(inputs: files.map(\.path))
    return try convert(
      files.map { file in { file } },
      reportName: files.count == 1 ? files[0].displayName : reportName, output: output)
  }

  /// Each input is opened only when its turn comes, so that the first bad one is the one named.
  private func convert(
    _ inputs: [() throws -> InputFile], reportName: String, output: OutputFile
  ) throws -> Outcome {
    let loader = RecordsLoader(
      sheetName: sheetName, mapping: mapping, limits: limits, readingThreads: readingThreads,
      fiscalYear: fiscalYear)
    var loaded: [LoadedRecords] = []
    var diagnostics: [Diagnostic] = []
    for open in inputs {
      let file = try open()
      let records = try loader.load(file)
      diagnostics += records.diagnostics
      loaded.append(records)
    }
    let merged = RecordsMerger(preferLater: preferLater).merge(loaded)
    diagnostics += merged.diagnostics
    let errors = diagnostics.filter { $0.severity == .error }
    if !errors.isEmpty {
      throw ConvertError(diagnostics: diagnostics, errorCount: errors.count)
    }
    var document = merged.document
    if loaded.count == 1 {
      // A single input keeps its numbers; projects without one are numbered in order.
      for index in document.projects.indices where document.projects[index].no == nil {
        document.projects[index].no = index + 1
      }
    }
    let place = reportName
    let settlement = FactSettlement(flags: overrides, profile: facts)
    let (settled, warnings) = settlement.settle(document, file: place, departments: false)
    document = settled
    diagnostics += warnings
    try ReportYearCheck(document: document, file: place).check(fiscalYear)
    let context = try makeContext(document)
    do {
      diagnostics += try write(document, context: context, to: output).map {
        Diagnostic(
          .warning, "report-print", message: $0.english, japanese: $0.japanese,
          file: output.path, sheet: $0.sheet)
      }
    } catch var error as ReportError {
      // The records' own file when there is one, else the report being made of several.
      error.file = reportName
      throw error
    }
    return Outcome(
      diagnostics: diagnostics, evaluationYear: context.evaluationYear, document: document)
  }

  /// Writes the report to `output` (`-` is standard output); returns the writer's warnings.
  private func write(_ document: RecordsDocument, context: ReportContext, to output: OutputFile)
    throws -> [ReportWarning]
  {
    var warnings: [ReportWarning] = []
    try output.produce { path in
      warnings = try ReportWriter().write(document, context: context, to: path)
    }
    // The PDF is printed from a copy without データ, after the report is in place.
    if let printFolder, output.path != "-" {
      try ReportWriter().write(
        document, context: context,
        to: ReportPDF.printWorkbook(for: output.path, in: printFolder), forPrinting: true)
    }
    return warnings
  }

  /// The report's facts: the records' own, then the flags and profile where they are silent.
  func makeContext(_ document: RecordsDocument) throws -> ReportContext {
    var municipality = document.municipality ?? Municipality()
    municipality.name = municipality.name ?? facts.municipality
    municipality.prefecture = municipality.prefecture ?? facts.prefecture
    municipality.code = municipality.code ?? facts.code
    let year = fiscalYear ?? ReportYear.evaluationYear(of: document)
    guard let year else {
      throw KPISheetError(
        .dataError,
        "the records hold no fiscal year; pass --fiscal-year to say which year to report",
        japanese: "レコードに年度がありません。報告する年度を --fiscal-year で指定してください")
    }
    return ReportContext(
      municipality: municipality, department: facts.department,
      contact: municipality.contact ?? facts.contact,
      grant: document.grant ?? facts.grant, evaluationYear: year, created: created)
  }
}

/// Inputs with errors: every diagnostic is listed, and no report is written.
public struct ConvertError: ReportableError {
  public var diagnostics: [Diagnostic]
  public var errorCount: Int
  public var exitStatus: ExitStatus { .dataError }
  public func message(in language: DiagnosticLanguage) -> String {
    language == .japanese
      ? "入力にエラーが \(errorCount) 件あるため、レポートは作成されませんでした"
      : "\(errorCount) error(s) in the inputs; no report was written"
  }
}

/// `template`: the departmental sheet, blank or prefilled from records, written safely like
/// every output.
public enum TemplatePipeline {
  /// Writes the blank template to `output`.
  public static func write(to output: OutputFile, created: Date? = nil) throws {
    try output.check(inputs: [])
    try output.produce { path in try TemplateWriter().write(to: path, created: created) }
  }

  /// Reads `input` (a report, records JSON or a departmental sheet) as `extract` does and
  /// writes the template prefilled with its records.
  ///
  /// `diagnostics` sees every warning and error of the input before anything is written; an
  /// input with errors writes nothing and throws as `extract` does (exit 65).
  public static func write(
    from input: String, to output: OutputFile, loader: RecordsLoader = RecordsLoader(),
    created: Date? = nil, diagnostics: (Diagnostic) -> Void = { _ in }
  ) throws {
    try output.check(inputs: [input])
    let file = try InputFile(input)
    let loaded = try loader.load(file)
    loaded.diagnostics.forEach(diagnostics)
    try loaded.requireNoErrors(shownAs: file.displayName)
    do {
      try output.produce { path in
        try TemplateWriter().write(loaded.document, to: path, created: created)
      }
    } catch var error as ReportError {
      error.file = file.displayName
      throw error
    }
  }
}
