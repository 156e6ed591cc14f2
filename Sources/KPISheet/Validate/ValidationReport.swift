import KPIImport
import KPIModel
import XLSXReader

/// One input's validation: the layout and tables found and the problems, or why the input
/// could not be read.
public struct ValidationReport {
  /// The input as given (a path, or `-`).
  public var file: String
  /// What the reader found; nil for a records JSON input and for a failure.
  public var result: ImportResult?
  /// Why the input could not be read at all.
  public var failure: (any ReportableError)?
  /// The readiness warnings of `validate --submission` (`SubmissionCheck`).
  public var submission: [Diagnostic] = []

  public init(file: String, result: ImportResult? = nil, failure: (any ReportableError)? = nil) {
    self.file = file
    self.result = result
    self.failure = failure
  }

  /// 0 when fine (warnings alone are fine), 1 when the input has errors, the failure's own
  /// code when it could not be read.
  public var exitStatus: ExitStatus {
    if let failure { return failure.exitStatus }
    return result?.hasErrors == true ? .validationFailed : .success
  }

  /// Reads `input` (a workbook, a records JSON file or `-`) and reports; never throws.
  ///
  /// With `submission`, the records are also checked for readiness (its `file` is set to
  /// `input`).
  public static func make(
    for input: String, limits: ReaderLimits = ReaderLimits(), fiscalYear: Int? = nil,
    submission: SubmissionCheck? = nil
  ) -> ValidationReport {
    do {
      let file = try InputFile(input)
      let loaded = try RecordsLoader(limits: limits, fiscalYear: fiscalYear).load(file)
      var report = ValidationReport(file: input, result: loaded.importResult)
      if var submission {
        submission.file = input
        report.submission = submission.warnings(for: loaded.document)
      }
      return report
    } catch let error as ReportableError {
      return ValidationReport(file: input, failure: error)
    } catch {
      return ValidationReport(file: input, failure: KPISheetError(unexpected: error, file: input))
    }
  }

  /// The lines `validate` prints: for a failure its one message (for standard error), else
  /// the layout and tables, hidden and skipped sheets, every problem and the counts.
  ///
  /// With `explain`, each table found and each region not read follows the layout line,
  /// with what every header column was read as.
  public func textLines(in language: DiagnosticLanguage, explain: Bool = false) -> [String] {
    if let failure { return [failure.message(in: language)] }
    let text = ValidationText(file: file, language: language)
    let readiness = submission.map { DiagnosticText.line($0, language: language) }
    guard let result else {
      guard !submission.isEmpty else { return [text.recordsJSON] }
      return [text.recordsJSON] + readiness
        + [text.counts(errors: 0, warnings: submission.count)]
    }
    var lines = [
      text.layout(result.layout, tables: result.tables.map { "\($0.sheet)!\($0.range)" })
    ]
    if explain {
      let explanation = TableExplanation(file: file, language: language)
      lines += TableExplanation.tables(of: result).flatMap(explanation.lines)
    }
    lines += result.hiddenSheets.map(text.hidden)
    lines += result.skippedSheets.map(text.skipped)
    lines += result.diagnostics.map {
      DiagnosticText.line($0, language: language, labelErrors: true)
    }
    lines += readiness
    let errors = result.diagnostics.filter { $0.severity == .error }.map(\.problemCount)
      .reduce(0, +)
    let all = result.diagnostics.map(\.problemCount).reduce(0, +)
    lines.append(text.counts(errors: errors, warnings: all - errors + submission.count))
    return lines
  }

  /// `{"file", "layout", "tables", "problems"}` on one line. Every problem has all five keys;
  /// a failure is one problem whose code says why the input could not be read.
  ///
  /// With `explain`, each table object also has `orientation`, `layout`, `headers` and
  /// `skipped`, and the regions not read follow the tables (cli.md).
  public func write(to writer: JSONWriter, language: DiagnosticLanguage, explain: Bool = false) {
    writer.object(.inline) {
      writer.member("file", file)
      writer.member("layout", result?.layout?.rawValue)
      writer.key("tables")
      writeTables(to: writer, language: language, explain: explain)
      writer.key("problems")
      writeProblems(to: writer, language: language)
    }
  }

  /// The `"tables"` array of ``write(to:language:explain:)``, for a caller that writes the
  /// report under its own keys (the server's `/api/extract`).
  public func writeTables(
    to writer: JSONWriter, language: DiagnosticLanguage, explain: Bool = false
  ) {
    writer.array(.inline) {
      if explain, let result {
        for table in TableExplanation.tables(of: result) {
          TableExplanation.write(table, language: language, to: writer)
        }
      } else {
        for table in result?.tables ?? [] {
          writer.object(.inline) {
            writer.member("sheet", table.sheet)
            writer.member("range", table.range.description)
          }
        }
      }
    }
  }

  /// The `"problems"` array of ``write(to:language:explain:)``: validate's JSON objects.
  public func writeProblems(to writer: JSONWriter, language: DiagnosticLanguage) {
    writer.array(.inline) {
      if let failure {
        let problem = Diagnostic(
          .error, BatchResult.failureCode(failure.exitStatus),
          message: failure.message, japanese: failure.message(in: .japanese))
        writer.problem(problem, language: language)
      }
      for diagnostic in (result?.diagnostics ?? []) + submission {
        writer.problem(diagnostic, language: language)
      }
    }
  }
}
