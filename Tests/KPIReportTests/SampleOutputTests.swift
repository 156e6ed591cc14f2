import Foundation
import KPIModel
import TestSupport
import Testing

@testable import KPIReport

/// Writes the sample reports and the template into `KPISHEET_REPORT_DIR` when it is set, for
/// looking at them (LibreOffice, PDF); skipped otherwise.
@Suite struct SampleOutputTests {
  static let folder = ProcessInfo.processInfo.environment["KPISHEET_REPORT_DIR"]

  @Test(
    "Sample reports for a person to look at",
    .enabled(if: folder != nil, "set KPISHEET_REPORT_DIR to write the sample reports"))
  func writeSamples() throws {
    let folder = try #require(Self.folder)
    let samples: [(String, String, Int?)] = [
      ("sanyo-onoda", "samples/sanyo-onoda.expected.json", nil),
      ("dept-flat", "samples/dept-flat.expected.json", nil),
      ("dept-wide", "samples/dept-wide.expected.json", nil),
      ("b-national-form", "Tests/KPIImportTests/Fixtures/b-national-form.expected.json", nil),
    ]
    for (name, path, year) in samples {
      let document = try records(path)
      let evaluationYear = try #require(year ?? ReportYear.evaluationYear(of: document))
      try ReportWriter().write(
        document, context: ReportContext(evaluationYear: evaluationYear, created: fixedCreation),
        to: "\(folder)/\(name).report.xlsx")
    }
    try TemplateWriter().write(to: "\(folder)/template.xlsx", created: fixedCreation)
  }
}
