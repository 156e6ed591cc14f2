import KPIModel
import XLSXReader

/// `validate`: what layout each input has, where, and every problem with its place; never
/// writes files.
///
/// ```swift
/// let validation = Validation()
/// let reports = validation.reports(for: ["dept.xlsx", "folder/"])
/// let status = Validation.exitStatus(of: reports)   // 0, 1, 65 or 66
/// print(Validation.json(reports, language: .english), terminator: "")
/// ```
public struct Validation {
  /// The reader's safety limits for every input.
  public var limits: ReaderLimits
  /// Also show how each table was read (`--explain`).
  public var explain: Bool
  /// The year of a one-year table that states none (`--fiscal-year`).
  public var fiscalYear: Int?
  /// Also check that the records are ready to submit (`--submission`); the check's `file`
  /// is set per input.
  public var submission: SubmissionCheck?

  public init(limits: ReaderLimits = ReaderLimits(), explain: Bool = false, fiscalYear: Int? = nil)
  {
    self.limits = limits
    self.explain = explain
    self.fiscalYear = fiscalYear
  }

  /// One report per input: first the folders that hold nothing to read (each a failure,
  /// exit 66), then every file, in order. `each` sees every report as soon as it is made,
  /// so a caller can print as the inputs are read.
  public func reports(
    for inputs: [String], each: (ValidationReport) -> Void = { _ in }
  ) -> [ValidationReport] {
    let list = InputList(inputs)
    var reports: [ValidationReport] = []
    for folder in list.emptyFolders {
      let report = ValidationReport(
        file: folder,
        failure: KPISheetError(
          .noInput, "\(folder): the folder holds no .xlsx, .xlsm or .json file",
          japanese: "\(folder): .xlsx、.xlsm、.json のファイルがないフォルダーです"))
      each(report)
      reports.append(report)
    }
    for input in list.files {
      let report = ValidationReport.make(
        for: input, limits: limits, fiscalYear: fiscalYear, submission: submission)
      each(report)
      reports.append(report)
    }
    return reports
  }

  /// The exit status of a run: the largest of the reports' (0 when there are none).
  public static func exitStatus(of reports: [ValidationReport]) -> ExitStatus {
    reports.map(\.exitStatus).max() ?? .success
  }

  /// `validate --format json`: `{"files": [` then one report per line, and a final newline.
  public static func write(
    _ reports: [ValidationReport], language: DiagnosticLanguage, explain: Bool = false,
    to writer: JSONWriter
  ) {
    // An empty list keeps its blank line: the shape `validate` has always printed.
    let oneReportPerLine = JSONWriter.Layout(
      opening: "\n  ", separator: ",\n  ", closing: "\n", breaksWhenEmpty: true)
    writer.object(.inline) {
      writer.key("files")
      writer.array(oneReportPerLine) {
        for report in reports { report.write(to: writer, language: language, explain: explain) }
      }
    }
    writer.newline()
  }

  /// ``write(_:language:to:)`` as text.
  public static func json(
    _ reports: [ValidationReport], language: DiagnosticLanguage, explain: Bool = false
  ) -> String {
    let writer = JSONWriter()
    write(reports, language: language, explain: explain, to: writer)
    return writer.text
  }
}
