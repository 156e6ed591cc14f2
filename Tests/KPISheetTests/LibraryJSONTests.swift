import Foundation
import KPIModel
import Testing

@testable import KPISheet

/// The JSON the library writes for the batch summary and `validate`, byte for byte: these
/// shapes are a contract with scripts, so the expected texts are spelled out here.
@Suite struct LibraryJSONTests {
  private let results = [
    BatchResult(input: "a.xlsx", output: "out/a.xlsx", status: .converted),
    BatchResult(
      input: "b.xlsx", output: "out/b.xlsx", status: .failed, exitStatus: .dataError,
      messages: [
        Diagnostic(.error, "not-a-number", message: "B \"12\"", sheet: "KPI", cell: "D12")
      ]),
    BatchResult(
      input: "~$c.xlsx", output: nil, status: .skipped,
      messages: [Diagnostic(.warning, "lock-file", message: "lock")]),
  ]

  @Test func batchSummaryKeepsItsLayout() {
    let expected = """
      {"converted": 1, "skipped": 1, "failed": 1, "seconds": 1.235, "exitCode": 65,
       "inputs": [{"input": "a.xlsx", "output": "out/a.xlsx", "status": "converted", \
      "exitCode": 0, "messages": []},
        {"input": "b.xlsx", "output": "out/b.xlsx", "status": "failed", "exitCode": 65, \
      "messages": [{"severity": "error", "code": "not-a-number", "sheet": "KPI", "cell": "D12", \
      "message": "B \\"12\\""}]},
        {"input": "~$c.xlsx", "output": null, "status": "skipped", "exitCode": 0, \
      "messages": [{"severity": "warning", "code": "lock-file", "sheet": null, "cell": null, \
      "message": "lock"}]}]}

      """
    #expect(BatchSummary.json(results, seconds: 1.23456, language: .english) == expected)
  }

  @Test func emptyBatchSummaryHasNoInputs() {
    let expected = """
      {"converted": 0, "skipped": 0, "failed": 0, "seconds": 0, "exitCode": 0,
       "inputs": []}

      """
    #expect(BatchSummary.json([], seconds: 0.0001, language: .english) == expected)
  }

  @Test func validationJSONListsOneFilePerLine() {
    let missing = ValidationReport(
      file: "gone.xlsx",
      failure: KPISheetError(.noInput, "gone.xlsx: no such file", japanese: "gone.xlsx: ありません"))
    let expected = """
      {"files": [
        {"file": "gone.xlsx", "layout": null, "tables": [], "problems": [{"severity": "error", \
      "code": "missing-input", "sheet": null, "cell": null, "message": "gone.xlsx: no such file"}]},
        {"file": "r.json", "layout": null, "tables": [], "problems": []}
      ]}

      """
    let reports = [missing, ValidationReport(file: "r.json")]
    #expect(Validation.json(reports, language: .english) == expected)
    #expect(Validation.exitStatus(of: reports) == .noInput)
    // No report at all (only lock files were named) keeps the blank line validate has printed.
    #expect(Validation.json([], language: .english) == "{\"files\": [\n  \n]}\n")
  }

  @Test func validationReportsEmptyFoldersFirst() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kpisheet-validation-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var seen: [String] = []
    let reports = Validation().reports(for: ["missing.xlsx", folder.path]) {
      seen.append($0.file)
    }
    #expect(reports.map(\.file) == [folder.path, "missing.xlsx"])
    #expect(seen == reports.map(\.file))
    #expect(reports.map(\.exitStatus) == [.noInput, .noInput])
    #expect(reports[1].textLines(in: .english).count == 1)
  }

  /// A batch whose only input is missing: the run goes on, reports it, writes the summary and
  /// ends with the input's code.
  @Test func batchConversionReportsEachInputAndWritesTheSummary() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kpisheet-batch-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let summary = folder.appendingPathComponent("summary.json").path
    let observer = RecordingObserver()
    let batch = BatchConversion(
      pipeline: ConvertPipeline(), outputDirectory: folder.appendingPathComponent("out").path,
      workers: 1, summaryJSON: summary, language: .english)
    let outcome = try batch.run(
      [folder.appendingPathComponent("missing.xlsx").path], observer: observer)
    #expect(outcome.exitStatus == .noInput)
    #expect(outcome.results.map(\.status) == [.failed])
    #expect(observer.events == ["planned 1", "finished 1 failed", "completed 1"])
    let written = try String(contentsOfFile: summary, encoding: .utf8)
    #expect(
      written == BatchSummary.json(outcome.results, seconds: outcome.seconds, language: .english))
    #expect(written.hasPrefix("{\"converted\": 0, \"skipped\": 0, \"failed\": 1, "))
  }
}

private final class RecordingObserver: BatchObserver, @unchecked Sendable {
  private(set) var events: [String] = []

  func batchPlanned(total: Int) { events.append("planned \(total)") }

  func batchFinished(_ result: BatchResult, finished: Int) {
    events.append("finished \(finished) \(result.status.rawValue)")
  }

  func batchCompleted(_ results: [BatchResult], seconds: Double) {
    events.append("completed \(results.count)")
  }
}
