import ArgumentParser
import KPIModel
import KPISheet

extension CSVEncoding: ExpressibleByArgument {
  /// The encoding's own names, and shift_jis / sjis for cp932 (the names people know it by).
  public init?(argument: String) {
    self.init(named: argument)
  }
}
extension Extraction.Format: ExpressibleByArgument {}

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

      --format csv prints the flat table instead: the columns of the report's データ sheet, \
      one row per project × KPI × fiscal year, RFC 4180 quoting, CRLF line ends. \
      --encoding utf-8-bom or cp932 makes a file Japanese Excel opens directly; with cp932, \
      〜 and − become ～ and －, and any other character cp932 lacks stops with exit 65, \
      naming its line and column, and nothing is written.
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

  @Option(help: "Output format: json (records) or csv (the flat table of the データ sheet).")
  var format: Extraction.Format = .json

  @Option(
    help: "CSV text encoding: utf-8, utf-8-bom or cp932 (Windows Shift_JIS; also shift_jis, sjis).")
  var encoding: CSVEncoding = .utf8

  @Option(
    help: ArgumentHelp(
      "The year of a one-year table that states none (2022, R4, 令和4年度, H30).",
      discussion: "A year the sheet states (a 年度 or 目標年月 column, a title) is never moved."))
  var fiscalYear: String?

  @OptionGroup(title: "Municipality")
  var facts: FactOptions

  @OptionGroup(title: "Limits")
  var limits: LimitOptions

  func validate() throws {
    try checkFiscalYear(fiscalYear)
    if format == .json && encoding != .utf8 {
      throw ValidationError(
        localized(
          "--encoding applies to --format csv only (JSON is always UTF-8).",
          "--encoding は --format csv でのみ使えます（JSON は常に UTF-8 です）。"))
    }
  }

  func run() throws {
    try runReporting {
      var extraction = Extraction(
        sheetName: sheet, mappingPath: mapping, limits: limits.limits, format: format,
        encoding: encoding, fiscalYear: fiscalYear.flatMap(FiscalYear.parseArgument))
      extraction.facts = try facts.settlement()
      try extraction.run(input: input, output: OutputFile(path: output, force: force)) {
        printError(DiagnosticText.line($0))
      }
    }
  }
}
