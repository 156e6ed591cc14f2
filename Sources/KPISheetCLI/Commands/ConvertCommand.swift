import ArgumentParser
import Foundation
import KPIModel
import KPISheet

/// `kpisheet convert`: departmental sheets in, the national-format report out.
struct ConvertCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "convert",
    abstract: "Write the national-format report (効果検証, KPI推移, 集計, データ) from departmental sheets.",
    discussion: """
      Every INPUT (a workbook or records JSON, one per department) is read; several merge into \
      one report with projects renumbered in input order. Two inputs with different values for \
      the same project, KPI and year are an error naming both, unless --prefer-later. The \
      municipality's facts come from the inputs, else from --profile and the flags. Nothing is \
      written when an input has an error; an existing file is replaced only with --force.
      """)

  @Argument(help: "Departmental workbooks (.xlsx, .xlsm) or records .json; - for standard input.")
  var inputs: [String]

  @Option(name: .shortAndLong, help: "The report to write (.xlsx), or - for standard output.")
  var output: String

  @Option(help: "The evaluation year of the 効果検証 sheet (default: the latest year with an actual).")
  var fiscalYear: Int?

  @Option(help: "A YAML mapping file for inputs the detector cannot read.")
  var mapping: String?

  @Flag(help: "Replace the output if it exists.")
  var force = false

  @Option(
    help: "A fixed creation time (ISO 8601, e.g. 2024-04-01T00:00:00Z): same input, same bytes.")
  var created: String?

  @Option(
    help:
      "A YAML file with the municipality's facts (municipality, prefecture, code, department, contact)."
  )
  var profile: String?

  @Option(help: "市町村名, when the sheets do not state it.")
  var municipality: String?

  @Option(help: "都道府県名, when the sheets do not state it.")
  var prefecture: String?

  @Option(help: "地方公共団体コード (5 or 6 digits), when the sheets do not state it.")
  var code: String?

  @Option(help: "担当部局課名.")
  var department: String?

  @Option(help: "連絡先.")
  var contact: String?

  @Flag(
    help: "When inputs disagree on a value, use the later input's (each replacement is a warning).")
  var preferLater = false

  @OptionGroup(title: "Limits")
  var limits: LimitOptions

  func validate() throws {
    if let fiscalYear, !(1989...2100).contains(fiscalYear) {
      throw ValidationError("--fiscal-year takes a Western fiscal year such as 2022.")
    }
    if let created, Self.date(created) == nil {
      throw ValidationError("--created takes an ISO 8601 time such as 2024-04-01T00:00:00Z.")
    }
    if let code, LocalGovernmentCode(code) == nil {
      throw ValidationError("--code takes a 5- or 6-digit local-government code such as 352161.")
    }
  }

  static func date(_ text: String) -> Date? {
    let formatter = ISO8601DateFormatter()
    if let date = formatter.date(from: text) { return date }
    formatter.formatOptions = [.withFullDate]
    return formatter.date(from: text)
  }

  func run() throws {
    try runReporting {
      let flags = ReportProfile(
        municipality: municipality, prefecture: prefecture, code: code, department: department,
        contact: contact)
      let facts = try profile.map { flags.filling(from: try ReportProfile.load(path: $0)) } ?? flags
      let pipeline = ConvertPipeline(
        fiscalYear: fiscalYear, mapping: try RecordsLoader.mapping(at: mapping),
        limits: limits.limits,
        created: created.flatMap(Self.date), facts: facts, preferLater: preferLater)
      do {
        let outcome = try pipeline.run(
          inputs: inputs, output: OutputFile(path: output, force: force))
        for diagnostic in outcome.diagnostics { printError(DiagnosticText.line(diagnostic)) }
      } catch let error as ConvertError {
        for diagnostic in error.diagnostics { printError(DiagnosticText.line(diagnostic)) }
        throw error
      }
    }
  }
}

/// `kpisheet template`: the blank departmental sheet.
struct TemplateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "template",
    abstract: "Write the blank departmental KPI sheet, with instructions and drop-down lists.")

  @Option(name: .shortAndLong, help: "The workbook to write (.xlsx).")
  var output: String

  @Flag(help: "Replace the output if it exists.")
  var force = false

  func run() throws {
    try runReporting {
      try TemplatePipeline.write(to: OutputFile(path: output, force: force))
    }
  }
}
