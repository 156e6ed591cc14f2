import ArgumentParser
import Foundation
import KPISheet

/// `kpisheet`: reads departmental KPI workbooks and writes the national-format report.
@main
struct KPISheetCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kpisheet",
    abstract: "Read municipal KPI spreadsheets (XLSX) for the regional-revitalisation grant.",
    discussion: """
      Exit codes: 0 success, 1 validation errors, 64 usage, 65 invalid input, \
      66 missing input, 73 output cannot be written.
      """,
    version: KPISheetVersion.current,
    subcommands: [
      ConvertCommand.self, ExtractCommand.self, ValidateCommand.self, TemplateCommand.self,
      CellsCommand.self,
    ]
  )
}

/// Runs a command body, turning every error into one line on standard error, in the user's
/// language, and the contract's exit code; nothing else ever reaches the user as a crash.
func runReporting(_ body: () throws -> Void) throws {
  do {
    try body()
  } catch let error as ExitCode {
    throw error
  } catch {
    let reportable = error as? ReportableError ?? KPISheetError(unexpected: error)
    printError(reportable.message(in: DiagnosticText.language))
    throw ExitCode(reportable.exitStatus.rawValue)
  }
}

/// Writes one line to standard error.
func printError(_ line: String) {
  FileHandle.standardError.write(Data("\(line)\n".utf8))
}
