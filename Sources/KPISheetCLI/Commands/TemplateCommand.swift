import ArgumentParser
import KPISheet

/// `kpisheet template`: the blank departmental sheet.
struct TemplateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "template",
    abstract: "Write the blank departmental KPI sheet, with instructions and drop-down lists.")

  @Option(name: .shortAndLong, help: "The workbook to write (.xlsx), or - for standard output.")
  var output: String

  @Flag(help: "Replace the output if it exists.")
  var force = false

  func run() throws {
    try runReporting {
      try TemplatePipeline.write(to: OutputFile(path: output, force: force))
    }
  }
}
