import ArgumentParser
import KPISheet

extension CellsExport.Format: ExpressibleByArgument {}

/// `kpisheet cells`: the reader's raw view of a workbook.
struct CellsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cells",
    abstract: "Dump the cells of a workbook as they are stored (for debugging a layout).",
    discussion: """
      JSON lists every sheet (or the one --sheet names) with its merged ranges and every \
      non-empty cell: reference, type (string, number, boolean, date, error), stored value, \
      number format and formula. CSV and TSV print the grid of one sheet from A1.
      """)

  @Argument(help: "The workbook (.xlsx, .xlsm), or - for standard input.")
  var input: String

  @Option(help: "Only this sheet (CSV and TSV default to the first sheet).")
  var sheet: String?

  @Option(help: "Output format: json, csv or tsv.")
  var format: CellsExport.Format = .json

  @Flag(help: "Repeat each merged range's top-left value in every cell of the range.")
  var fillMerged = false

  @OptionGroup(title: "Limits")
  var limits: LimitOptions

  func run() throws {
    try runReporting {
      let export = CellsExport(format: format, sheetName: sheet, fillMerged: fillMerged)
      try export.write(input: input, limits: limits.limits, to: ByteWriter())
    }
  }
}
