import ArgumentParser
import KPIModel
import KPISheet

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

  @Flag(
    help: ArgumentHelp(
      "Also show each table: its range, orientation, nearest layout and what every header was read as, and why a region that looked like a table was not read."
    ))
  var explain = false

  @Option(
    help:
      "The year of a one-year table that states none, and with --submission the evaluation year (2022, R4, 令和4年度, H30)."
  )
  var fiscalYear: String?

  @Flag(
    help:
      "Also check that the records are ready to submit: empty 事業効果, 今後の方針, 外部有識者からの意見, 実績額, 担当部局課名 or 連絡先, projects without KPIs, KPIs without an actual value in the evaluation year, a 事業効果 that contradicts the achievement (warnings)."
  )
  var submission = false

  @Option(
    help:
      "With --submission: a YAML profile whose department and contact stand in for the records'."
  )
  var profile: String?

  @OptionGroup(title: "Limits")
  var limits: LimitOptions

  func validate() throws {
    try checkFiscalYear(fiscalYear)
    if profile != nil && !submission {
      throw ValidationError(
        localized(
          "--profile applies to --submission only.", "--profile は --submission と一緒に使ってください。"))
    }
  }

  func run() throws {
    let language = DiagnosticText.language
    var validation = Validation(
      limits: limits.limits, explain: explain,
      fiscalYear: fiscalYear.flatMap(FiscalYear.parseArgument))
    if submission {
      var facts = ReportProfile()
      try runReporting { facts = try profile.map(ReportProfile.load(path:)) ?? facts }
      validation.submission = SubmissionCheck(
        file: "", fiscalYear: validation.fiscalYear, department: facts.department,
        contact: facts.contact)
    }
    let output = ByteWriter()
    let reports = validation.reports(for: inputs) { report in
      guard format == .text else { return }
      let lines = report.textLines(in: language, explain: explain)
      if report.failure != nil {
        lines.forEach(printError)
      } else {
        for line in lines { output.write(line + "\n") }
        try? output.flush()
      }
    }
    if format == .json {
      output.write(Validation.json(reports, language: language, explain: explain))
    }
    try runReporting { try output.flush() }
    let worst = Validation.exitStatus(of: reports)
    if worst != .success { throw ExitCode(worst.rawValue) }
  }
}
