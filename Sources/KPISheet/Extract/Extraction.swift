import KPIModel
import XLSXReader

/// `extract`: one departmental workbook (or records JSON) in, records JSON or the flat table
/// of the report's データ sheet (CSV) out.
///
/// ```swift
/// let extraction = Extraction(format: .csv, encoding: .utf8BOM)
/// try extraction.run(input: "dept.xlsx", output: OutputFile(path: "dept.csv")) { diagnostic in
///   print(DiagnosticText.line(diagnostic))
/// }
/// ```
public struct Extraction: Sendable {
  /// What `extract` writes.
  public enum Format: String, Sendable, CaseIterable {
    /// Records JSON (records.md).
    case json
    /// The データ sheet's columns, one row per project × KPI × fiscal year.
    case csv
  }

  /// Only read this sheet.
  public var sheetName: String?
  /// A YAML mapping file for inputs the detector cannot read.
  public var mappingPath: String?
  public var limits: ReaderLimits
  public var format: Format
  /// The CSV's text encoding (JSON is always UTF-8).
  public var encoding: CSVEncoding
  /// The year of a one-year table that states none (`--fiscal-year`); a year the sheet
  /// states is never moved.
  public var fiscalYear: Int?
  /// The municipality's facts from flags and a profile, settled against the sheets'
  /// (`FactSettlement`); nil to keep the records as read.
  public var facts: FactSettlement?

  public init(
    sheetName: String? = nil, mappingPath: String? = nil, limits: ReaderLimits = ReaderLimits(),
    format: Format = .json, encoding: CSVEncoding = .utf8, fiscalYear: Int? = nil
  ) {
    self.fiscalYear = fiscalYear
    self.sheetName = sheetName
    self.mappingPath = mappingPath
    self.limits = limits
    self.format = format
    self.encoding = encoding
  }

  /// Reads `input` (a path, or `-`) and writes its records to `output`.
  ///
  /// `diagnostics` sees every warning and error of the input before anything is written.
  ///
  /// - Throws: `KPISheetError` when the output would overwrite the input or exists without
  ///   `force` (exit 73), when the input or the mapping cannot be read (65, 66), and when the
  ///   input has errors (65, naming how many; nothing is written); `CSVEncodingError` when a
  ///   character has no cp932 form.
  public func run(
    input: String, output: OutputFile, diagnostics: (Diagnostic) -> Void = { _ in }
  ) throws {
    try output.check(inputs: [input])
    let file = try InputFile(input)
    let mapping = try RecordsLoader.mapping(at: mappingPath)
    let loaded = try RecordsLoader(
      sheetName: sheetName, mapping: mapping, limits: limits, fiscalYear: fiscalYear
    ).load(file)
    loaded.diagnostics.forEach(diagnostics)
    try loaded.requireNoErrors(shownAs: file.displayName)
    var document = loaded.document
    if let facts {
      let (settled, warnings) = facts.settle(
        document, file: file.displayName, requireMunicipality: false)
      document = settled
      warnings.forEach(diagnostics)
    }
    switch format {
    case .json:
      try output.writeJSON { RecordsJSON.write(document, to: $0) }
    case .csv:
      let table = DataCSV.table(document)
      try output.write(DataCSV.encode(table, encoding: encoding, file: file.displayName))
    }
  }
}
