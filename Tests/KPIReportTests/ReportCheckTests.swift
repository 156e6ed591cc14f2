import Foundation
import KPIModel
import TestSupport
import Testing

@testable import KPIReport

/// Records the report cannot show as they are are refused before anything is written, by
/// project and field (the writer could only name a cell, or leave the cell empty).
@Suite struct ReportCheckTests {
  private func failure(_ document: RecordsDocument) throws -> ReportError? {
    let scratch = try Scratch()
    let path = scratch.path("report.xlsx")
    do {
      try ReportWriter().write(
        document, context: ReportContext(evaluationYear: 2021, created: fixedCreation), to: path)
      return nil
    } catch let error as ReportError {
      #expect(!FileManager.default.fileExists(atPath: path))
      return error
    }
  }

  private func project(_ no: Int, kpis: Int = 1) -> Project {
    Project(
      no: no, name: "P\(no)",
      kpis: (0..<kpis).map {
        KPI(name: "K\($0)", unit: "件", values: [KPIValue(fiscalYear: 2021, target: 1, actual: 2)])
      })
  }

  @Test func aLongTextNamesItsProjectAndField() throws {
    var long = project(3)
    long.evaluation = Evaluation(expertOpinion: String(repeating: "意", count: 32_768))
    let error = try #require(try failure(RecordsDocument(projects: [project(1), long])))
    #expect(
      error.description
        == "project 3 \"P3\", evaluation.expertOpinion: has 32768 characters, more than the 32767 an Excel cell can hold; shorten it"
    )
    #expect(error.description(japanese: true).hasPrefix("事業 3「P3」の外部有識者からの意見："))
  }

  @Test func activitiesCountAsTheCellWritesThem() throws {
    // Each line fits; joined with their markers, as the KPI推移 sheet writes them, they do not.
    var busy = project(1)
    busy.years = [
      ProjectYear(
        fiscalYear: 2021,
        activities: Array(repeating: String(repeating: "a", count: 1000), count: 33))
    ]
    let error = try #require(try failure(RecordsDocument(projects: [busy])))
    #expect(error.place == "project 1 \"P1\", activities of fiscal year 2021")
  }

  @Test func theKPIsOfAProjectMustFitTheSheet() throws {
    let most = ProgressSheet.maxKPIs
    #expect(ProgressSheet.lastColumn(kpis: most, charts: most) <= ProgressSheet.maxColumn)
    #expect(ProgressSheet.lastColumn(kpis: most + 1, charts: most + 1) > ProgressSheet.maxColumn)
    let error = try #require(try failure(RecordsDocument(projects: [project(1, kpis: most + 1)])))
    #expect(error.place == "project 1 \"P1\", KPIs")
    #expect(error.detail.contains("at most \(most) fit"))
  }

  @Test func projectsBeyondTheSheetsRowsAreRefusedBeforeWriting() throws {
    // 7 rows each on KPI推移 (heading, overview, 3 header rows, a year, a blank).
    let count = 150_000
    let document = RecordsDocument(projects: (1...count).map { project($0) })
    #expect(ProgressSheet.rowCount(of: document) == 2 + 2 + 7 * count - 1)
    let start = ContinuousClock.now
    let error = try #require(try failure(document))
    #expect(error.place == "the records")
    #expect(error.detail.hasPrefix("150000 projects need 1050003 rows on the KPI推移 sheet"))
    #expect(ContinuousClock.now - start < .seconds(30))
  }

  @Test func aReportTooLargeToHoldInMemoryIsRefusedBeforeWriting() throws {
    // Three KPIs with a value each: three charts a project, past the limit on charts first.
    let projects = (ReportSize.maxCharts / 3 + 1)
    let charts = try #require(
      try failure(RecordsDocument(projects: (1...projects).map { project($0, kpis: 3) })))
    #expect(charts.place == "the records")
    #expect(
      charts.detail.hasPrefix(
        "the report would have \(3 * projects) charts on KPI推移 (one per KPI with values)"))
    // One KPI over many years: rows on データ, no charts to speak of.
    var long = project(1)
    long.kpis[0].values = (1...(ReportSize.maxDataRows + 1)).map {
      KPIValue(fiscalYear: 1000 + $0, target: nil, actual: nil)
    }
    #expect(ReportSize(RecordsDocument(projects: [long])).dataRows == ReportSize.maxDataRows + 1)
    #expect(
      ReportSize(RecordsDocument(projects: [long])).excess?.detail.contains("rows on データ") == true)
    // At the limits, the report is written.
    let fits = RecordsDocument(
      projects: (1...(ReportSize.maxCharts / 3)).map { project($0, kpis: 3) })
    #expect(ReportSize(fits).excess == nil)
  }
}
