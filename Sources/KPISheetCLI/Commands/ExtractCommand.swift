import ArgumentParser
import Foundation
import KPIModel
import KPISheet

/// `kpisheet extract`: one departmental workbook (or records JSON) in, KPI records out.
struct ExtractCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extract",
    abstract: "Read a departmental KPI workbook into records JSON.",
    discussion: """
      Finds the KPI tables by their labels (layouts A–E), prints the records JSON on \
      standard output (or to -o FILE), warnings on standard error. A cell that is an \
      error (a value that is not a number, a year it cannot place) stops with exit 65 \
      after listing every such cell.
      """)

  @Argument(help: "The workbook (.xlsx, .xlsm) or records .json, or - for standard input.")
  var input: String

  @Option(help: "Only read this sheet.")
  var sheet: String?

  @Option(help: "A YAML mapping file naming the table's sheet, rows and columns (see README).")
  var mapping: String?

  @Option(name: .shortAndLong, help: "Write the records to this file (- for standard output).")
  var output: String = "-"

  @Flag(help: "Replace the output file if it exists.")
  var force = false

  @OptionGroup(title: "Limits")
  var limits: LimitOptions

  func run() throws {
    try runReporting {
      let outputFile = OutputFile(path: output, force: force)
      try outputFile.check(inputs: [input])
      let file = try InputFile(input)
      let mappingFile = try RecordsLoader.mapping(at: mapping)
      let loaded = try RecordsLoader(sheetName: sheet, mapping: mappingFile, limits: limits.limits)
        .load(file)
      for diagnostic in loaded.diagnostics { printError(DiagnosticText.line(diagnostic)) }
      if loaded.hasErrors {
        let count = loaded.diagnostics.filter { $0.severity == .error }.count
        throw KPISheetError(
          .dataError, "\(file.displayName): \(count) error(s); nothing was written")
      }
      try outputFile.write(RecordsJSON.encode(loaded.document))
    }
  }
}
