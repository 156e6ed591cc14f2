import ArgumentParser
import Foundation
import KPISheet
import TemporaryFiles

/// `kpisheet`: reads departmental KPI workbooks and writes the national-format report.
@main
struct KPISheetCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kpisheet",
    abstract: "Read municipal KPI spreadsheets (XLSX) for the regional-revitalisation grant.",
    discussion: """
      Exit codes: 0 success, 1 validation errors, 64 usage, 65 invalid input, \
      66 missing input, 73 output cannot be written, 74 standard output cannot be written. Interrupted by SIGINT, SIGTERM or \
      SIGHUP, a run removes its unfinished outputs and temporary files (finished ones stay) \
      and ends by that signal (130, 143 or 129 in the shell).
      """,
    version: KPISheetVersion.current,
    subcommands: [
      ConvertCommand.self, ExtractCommand.self, ValidateCommand.self, TemplateCommand.self,
      CellsCommand.self, ServeCommand.self,
    ]
  )

  /// Installs the signal cleanup before anything else (it must precede every other thread),
  /// then parses and runs the command: an interrupted run leaves no temporary file or partial
  /// output, and ends by its signal.
  static func main() {
    SignalCleanup.install()
    StandardOutput.prepare()
    main(nil)
  }
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
    if !reportable.isQuiet { printError(reportable.message(in: DiagnosticText.language)) }
    throw ExitCode(reportable.exitStatus.rawValue)
  }
}

/// Writes a message to standard error, each of its lines escaped and cut to fit one line
/// (MessageLine); a standard error that refuses is ignored (there is nowhere left to say so).
func printError(_ text: String) {
  let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
    MessageLine.fitted(String($0), language: DiagnosticText.language) + "\n"
  }
  writeStandardError(lines.joined())
}

/// Writes `text` to standard error with write(2), never trapping as `FileHandle.write` does
/// on a full or closed descriptor.
func writeStandardError(_ text: String) {
  let writer = ByteWriter(descriptor: 2)
  writer.write(text)
  try? writer.flush()
}
