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

      With --out-dir instead of -o, each INPUT becomes its own report, DIR/<name>.xlsx, \
      converted on --jobs workers; a bad input does not stop the others and the exit code is \
      the largest of the inputs' codes. A folder given as INPUT is searched (one level, not \
      its sub-folders) for .xlsx, .xlsm and .json files, skipping hidden files and Excel lock \
      files (~$…). Two inputs with the same output name are a usage error found before any \
      work. A summary goes to standard error, and with --summary-json to FILE as JSON.
      """)

  @Argument(
    help:
      "Departmental workbooks (.xlsx, .xlsm), records .json or folders of them; - for standard input."
  )
  var inputs: [String]

  @Option(name: .shortAndLong, help: "The report to write (.xlsx), or - for standard output.")
  var output: String?

  @Option(
    name: .customLong("out-dir"),
    help: ArgumentHelp("Batch: write one report per input into this folder.", valueName: "dir"))
  var outDir: String?

  @Option(
    help:
      "Batch: how many inputs to convert at once (default: all cores); each reads a large workbook on its share of the cores."
  )
  var jobs: Int?

  @Flag(help: "Batch: leave inputs whose report already exists alone (they count as skipped).")
  var skipExisting = false

  @Option(
    name: .customLong("summary-json"),
    help: ArgumentHelp(
      "Batch: write each input's result as JSON to this file (- for standard output).",
      valueName: "file"))
  var summaryJSON: String?

  @Flag(name: .shortAndLong, help: "Only print errors.")
  var quiet = false

  @Flag(name: .shortAndLong, help: "Batch: also print a line for every input.")
  var verbose = false

  @Option(
    help: ArgumentHelp(
      "The evaluation year of the 効果検証 sheet: 2022, R4, 令和4年度 or H30 (default: the latest year with an actual).",
      discussion: "Also the year of a one-year table that states none."))
  var fiscalYear: String?

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

  @Option(help: "市町村名 (over the sheets', with a warning where they differ).")
  var municipality: String?

  @Option(help: "都道府県名 (over the sheets', with a warning where they differ).")
  var prefecture: String?

  @Option(help: "地方公共団体コード (5 digits, or 6 with a right check digit).")
  var code: String?

  @Option(help: "担当部局課名.")
  var department: String?

  @Option(help: "連絡先 (over the sheets', with a warning where they differ).")
  var contact: String?

  @Flag(
    help: "When inputs disagree on a value, use the later input's (each replacement is a warning).")
  var preferLater = false

  @Flag(
    help:
      "Also print each report to PDF beside it (REPORT.pdf; DIR/<name>.pdf), with LibreOffice headless: 効果検証, KPI推移, 集計."
  )
  var pdf = false

  @Option(
    help: ArgumentHelp(
      "The LibreOffice program for --pdf (default: soffice on PATH).", valueName: "path"))
  var soffice: String?

  @OptionGroup(title: "Limits")
  var limits: LimitOptions

  func validate() throws {
    switch (output, outDir) {
    case (nil, nil):
      throw ValidationError(
        localized(
          "Pass -o REPORT.xlsx for one report, or --out-dir DIR for one report per input.",
          "1 つのレポートには -o REPORT.xlsx を、入力ごとのレポートには --out-dir DIR を指定してください。"))
    case (.some, .some):
      throw ValidationError(
        localized(
          "-o and --out-dir cannot be used together: -o writes one report, --out-dir one per input.",
          "-o と --out-dir は同時に使えません（-o は 1 つのレポート、--out-dir は入力ごとのレポート）。"))
    default: break
    }
    if outDir == nil, jobs != nil || skipExisting || summaryJSON != nil {
      throw ValidationError(
        localized(
          "--jobs, --skip-existing and --summary-json need --out-dir.",
          "--jobs、--skip-existing、--summary-json は --out-dir と一緒に使ってください。"))
    }
    try checkFacts(
      ReportProfile(
        municipality: municipality, prefecture: prefecture, code: code, department: department,
        contact: contact))
    if let jobs, jobs < 1 {
      throw ValidationError(
        localized("--jobs takes a number of at least 1.", "--jobs には 1 以上の数を指定してください。"))
    }
    if force && skipExisting {
      throw ValidationError(
        localized(
          "--force and --skip-existing contradict each other; pass one of them.",
          "--force と --skip-existing は同時に使えません。どちらか一方を指定してください。"))
    }
    if quiet && verbose {
      throw ValidationError(
        localized("-q and -v cannot be used together.", "-q と -v は同時に使えません。"))
    }
    if pdf, outDir == nil, output == nil || output == "-" {
      throw ValidationError(
        localized(
          "--pdf writes the PDF beside the report: pass -o REPORT.xlsx or --out-dir DIR, not -o -.",
          "--pdf は PDF をレポートの隣に作成します。-o - ではなく -o REPORT.xlsx か --out-dir DIR を指定してください。"))
    }
    if soffice != nil, !pdf {
      throw ValidationError(
        localized("--soffice needs --pdf.", "--soffice は --pdf と一緒に使ってください。"))
    }
    try checkFiscalYear(fiscalYear)
    if let created, Self.date(created) == nil {
      throw ValidationError(
        localized(
          "--created takes an ISO 8601 time such as 2024-04-01T00:00:00Z.",
          "--created には 2024-04-01T00:00:00Z のような ISO 8601 形式の日時を指定してください。"))
    }
    try checkCode(code)
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
      var pipeline = ConvertPipeline(
        fiscalYear: fiscalYear.flatMap(FiscalYear.parseArgument),
        mapping: try RecordsLoader.mapping(at: mapping),
        limits: limits.limits,
        created: created.flatMap(Self.date), facts: facts, preferLater: preferLater)
      pipeline.overrides = flags
      // The PDFs are printed after the reports, all in one LibreOffice run.
      let printing = pdf ? try ReportPDF(soffice: soffice) : nil
      pipeline.printFolder = printing?.folder
      defer { printing?.discard() }
      if let outDir {
        let batch = BatchConversion(
          pipeline: pipeline, outputDirectory: outDir, force: force, skipExisting: skipExisting,
          workers: jobs, summaryJSON: summaryJSON)
        let reporter = BatchReporter(verbosity: quiet ? .quiet : verbose ? .verbose : .normal)
        let outcome = try batch.run(inputs, observer: reporter)
        try printing?.print(
          reports: outcome.results.filter { $0.status == .converted }.compactMap(\.output))
        if outcome.exitStatus != .success { throw ExitCode(outcome.exitStatus.rawValue) }
        return
      }
      do {
        let outcome = try pipeline.run(
          inputs: InputList(inputs).requireFiles(),
          output: OutputFile(path: output ?? "-", force: force))
        if !quiet {
          for diagnostic in outcome.diagnostics { printError(DiagnosticText.line(diagnostic)) }
          printError(
            outcome.summaryLine(output: output ?? "-", language: DiagnosticText.language))
        }
        try printing?.print(reports: [output ?? "-"])
      } catch let error as ConvertError {
        for diagnostic in error.diagnostics where !quiet || diagnostic.severity == .error {
          printError(DiagnosticText.line(diagnostic))
        }
        throw error
      }
    }
  }
}
