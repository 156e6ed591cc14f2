import Foundation
import KPIModel
import TestSupport
import Testing

@testable import KPIReport

/// Writes the sample reports and the template, and checks with openpyxl that each opens with
/// its sheets and one データ row per project × KPI × year. They are written into
/// `KPISHEET_REPORT_DIR` when it is set, to be looked at (LibreOffice, PDF); into a scratch
/// folder otherwise.
@Suite struct SampleOutputTests {
  static let folder = ProcessInfo.processInfo.environment["KPISHEET_REPORT_DIR"]

  static let samples: [(name: String, path: String)] = [
    ("sanyo-onoda", "samples/sanyo-onoda.expected.json"),
    ("dept-flat", "samples/dept-flat.expected.json"),
    ("dept-wide", "samples/dept-wide.expected.json"),
    ("b-national-form", "Tests/KPIImportTests/Fixtures/b-national-form.expected.json"),
  ]

  static let script = """
    wb = openpyxl.load_workbook(sys.argv[1])
    put("sheets", "|".join(wb.sheetnames))
    if "データ" in wb.sheetnames:
        put("dataRows", wb["データ"].max_row - 1)
    """

  @Test(.enabled(if: OpenPyXL.isAvailable, OpenPyXL.skipReason))
  func sampleReportsOpenWithTheirSheetsAndRows() throws {
    let scratch = try Scratch()
    let folder = Self.folder ?? scratch.folder
    for (name, path) in Self.samples {
      let document = try records(path)
      let evaluationYear = try #require(ReportYear.evaluationYear(of: document))
      let output = "\(folder)/\(name).report.xlsx"
      try ReportWriter().write(
        document, context: ReportContext(evaluationYear: evaluationYear, created: fixedCreation),
        to: output)
      let facts = try OpenPyXL.facts(Self.script, output)
      #expect(facts["sheets"] == "効果検証|KPI推移|集計|データ", "\(name)")
      #expect(facts["dataRows"] == String(DataRow.rows(for: document).count), "\(name)")
      #expect(DataRow.rows(for: document).count > 0, "\(name)")
    }
    let template = "\(folder)/template.xlsx"
    try TemplateWriter().write(to: template, created: fixedCreation)
    let facts = try OpenPyXL.facts(Self.script, template)
    #expect(facts["sheets"] == TemplateWriter.sheetNames.joined(separator: "|"))
  }
}
