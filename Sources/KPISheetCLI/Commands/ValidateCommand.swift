import ArgumentParser
import Foundation
import KPIImport
import KPIModel
import KPISheet
import XLSXReader

/// `kpisheet validate`: what layout each input has, where, and every problem with its place.
struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check departmental workbooks: detected layout and every problem, with its cell.",
    discussion: """
      Exit 0 when no input has errors (warnings alone are fine), 1 when a readable input \
      has errors, 65 or 66 when an input cannot be read. Never writes files.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  @Argument(help: "Workbooks (.xlsx, .xlsm) or records .json files; - for standard input.")
  var inputs: [String]

  @Option(help: "Output format: text or json.")
  var format: Format = .text

  @OptionGroup(title: "Limits")
  var limits: LimitOptions

  func run() throws {
    var worst = ExitStatus.success
    let list = InputList(inputs)
    var reports: [ValidationReport] = list.emptyFolders.map {
      ValidationReport(
        file: $0,
        failure: KPISheetError(
          .noInput, "\($0): the folder holds no .xlsx, .xlsm or .json file",
          japanese: "\($0): .xlsx、.xlsm、.json のファイルがないフォルダーです"))
    }
    for report in reports {
      worst = max(worst, report.exitStatus)
      if format == .text { report.printText() }
    }
    for input in list.files {
      let report = ValidationReport.make(for: input, limits: limits.limits)
      worst = max(worst, report.exitStatus)
      reports.append(report)
      if format == .text { report.printText() }
    }
    if format == .json {
      let files = reports.map(\.json).joined(separator: ",\n  ")
      print("{\"files\": [\n  \(files)\n]}")
    }
    if worst != .success { throw ExitCode(worst.rawValue) }
  }
}

/// One input's validation: the layout and tables found, and the problems.
struct ValidationReport {
  var file: String
  var result: ImportResult?
  var failure: (any ReportableError)?

  var exitStatus: ExitStatus {
    if let failure { return failure.exitStatus }
    return result?.hasErrors == true ? .validationFailed : .success
  }

  static func make(for input: String, limits: ReaderLimits) -> ValidationReport {
    do {
      let file = try InputFile(input)
      let loaded = try RecordsLoader(limits: limits).load(file)
      return ValidationReport(file: input, result: loaded.importResult)
    } catch let error as ReportableError {
      return ValidationReport(file: input, failure: error)
    } catch {
      return ValidationReport(file: input, failure: KPISheetError(unexpected: error, file: input))
    }
  }

  func printText() {
    let language = DiagnosticText.language
    if let failure {
      printError(failure.message(in: language))
      return
    }
    let text = ValidationText(file: file, language: language)
    guard let result else {
      print(text.recordsJSON)
      return
    }
    print(text.layout(result.layout, tables: result.tables.map { "\($0.sheet)!\($0.range)" }))
    for sheet in result.hiddenSheets { print(text.hidden(sheet)) }
    for sheet in result.skippedSheets { print(text.skipped(sheet)) }
    for diagnostic in result.diagnostics {
      print(DiagnosticText.line(diagnostic, language: language, labelErrors: true))
    }
    let errors = result.diagnostics.filter { $0.severity == .error }.count
    print(text.counts(errors: errors, warnings: result.diagnostics.count - errors))
  }

  var json: String {
    var object = "{\"file\": \(JSONText.string(file))"
    if let failure {
      let problem = Diagnostic(
        .error, BatchResult.failureCode(failure.exitStatus),
        message: failure.message, japanese: failure.message(in: .japanese))
      object += ", \"layout\": null, \"tables\": [], \"problems\": ["
      object += BatchSummary.problem(problem, language: DiagnosticText.language) + "]}"
      return object
    }
    object += ", \"layout\": " + (result?.layout.map { JSONText.string($0.rawValue) } ?? "null")
    let tables = (result?.tables ?? []).map {
      "{\"sheet\": \(JSONText.string($0.sheet)), \"range\": \(JSONText.string($0.range.description))}"
    }
    object += ", \"tables\": [\(tables.joined(separator: ", "))]"
    // Every problem has all five keys; sheet and cell are null where there is no place.
    let problems = (result?.diagnostics ?? []).map {
      BatchSummary.problem($0, language: DiagnosticText.language)
    }
    object += ", \"problems\": [\(problems.joined(separator: ", "))]}"
    return object
  }
}
