import ArgumentParser
import KPISheet

/// `kpisheet template`: the departmental sheet, blank or prefilled from last year's records.
struct TemplateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "template",
    abstract: "Write the departmental KPI sheet, with instructions and drop-down lists.",
    discussion: """
      Sheets 事業, 年度別, KPI and 評価, one grey example row each (【記入例】, never read). \
      With --from, prefilled with the input's projects, KPIs, units, directions, periods, \
      区分, targets and known actuals, so that a department fills in this year's actuals \
      and evaluation. The input is read as extract reads it; an input with errors writes \
      nothing (exit 65).
      """)

  @Option(name: .shortAndLong, help: "The workbook to write (.xlsx), or - for standard output.")
  var output: String

  @Flag(help: "Replace the output if it exists.")
  var force = false

  @Option(
    help: ArgumentHelp(
      "Prefill from this report, records .json or departmental workbook.",
      valueName: "input"))
  var from: String?

  func run() throws {
    try runReporting {
      let file = OutputFile(path: output, force: force)
      guard let from else {
        try TemplatePipeline.write(to: file)
        return
      }
      try TemplatePipeline.write(from: from, to: file) { printError(DiagnosticText.line($0)) }
    }
  }
}
