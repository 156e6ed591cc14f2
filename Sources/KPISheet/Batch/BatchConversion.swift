import Foundation
import KPIModel

/// `convert --out-dir`, whole: plans one report per input (name collisions are a usage error
/// before any work), creates the output folder, converts on the workers, times the run,
/// writes the summary JSON and says which exit status the run ends with.
///
/// ```swift
/// let batch = BatchConversion(pipeline: ConvertPipeline(), outputDirectory: "reports")
/// let outcome = try batch.run(["dept-a.xlsx", "dept-b.xlsx"])
/// // outcome.results: one BatchResult per input; outcome.exitStatus: the largest code
/// ```
public struct BatchConversion: Sendable {
  public var pipeline: ConvertPipeline
  /// The folder the reports go into, created when missing.
  public var outputDirectory: String
  /// Replace reports that exist.
  public var force: Bool
  /// Leave inputs whose report exists alone (they count as skipped).
  public var skipExisting: Bool
  /// How many inputs are converted at once; nil for one per processor.
  public var workers: Int?
  /// Where the summary JSON goes (`-` for standard output); nil for none.
  public var summaryJSON: String?
  /// The language of messages and of the summary.
  public var language: DiagnosticLanguage

  public init(
    pipeline: ConvertPipeline, outputDirectory: String, force: Bool = false,
    skipExisting: Bool = false, workers: Int? = nil, summaryJSON: String? = nil,
    language: DiagnosticLanguage = DiagnosticText.language
  ) {
    self.pipeline = pipeline
    self.outputDirectory = outputDirectory
    self.force = force
    self.skipExisting = skipExisting
    self.workers = workers
    self.summaryJSON = summaryJSON
    self.language = language
  }

  /// Converts every input (files, `-` and folders, opened as ``InputList`` does).
  ///
  /// A bad input does not stop the others: its failure is its result. `observer` hears of
  /// each result as it comes, from the workers one at a time.
  ///
  /// - Throws: `KPISheetError` before any work when two outputs collide (exit 64), the summary
  ///   file would overwrite an input or the output folder cannot be created (exit 73); after
  ///   the work when the summary cannot be written.
  public func run(_ inputs: [String], observer: (any BatchObserver)? = nil) throws
    -> BatchOutcome
  {
    let start = Date()
    let list = InputList(inputs)
    let plan = try BatchPlan.jobs(for: list.files, outputDirectory: outputDirectory)
    if let summaryJSON, summaryJSON != "-" {
      try OutputFile(path: summaryJSON, force: force).check(inputs: list.files)
    }
    do {
      try FileManager.default.createDirectory(
        atPath: outputDirectory, withIntermediateDirectories: true)
    } catch {
      throw KPISheetError(
        .cannotCreate, "\(outputDirectory): the output folder cannot be created",
        japanese: "\(outputDirectory): 出力フォルダーを作成できません")
    }
    observer?.batchPlanned(total: plan.count)
    let converter = BatchConverter(
      pipeline: pipeline, force: force, skipExisting: skipExisting,
      workers: workers ?? ProcessInfo.processInfo.activeProcessorCount, language: language)
    let leftOut = converter.results(for: list)
    for result in leftOut { observer?.batchFinished(result, finished: 0) }
    let converted = converter.run(plan) { observer?.batchFinished($0, finished: $1) }
    let outcome = BatchOutcome(
      results: leftOut + converted, seconds: Date().timeIntervalSince(start))
    observer?.batchCompleted(outcome.results, seconds: outcome.seconds)
    if let summaryJSON {
      let text = BatchSummary.json(outcome.results, seconds: outcome.seconds, language: language)
      try OutputFile(path: summaryJSON, force: force).write(Data(text.utf8))
    }
    return outcome
  }
}

/// What a whole batch came to.
public struct BatchOutcome: Sendable {
  /// Inputs the list left out (lock files, empty folders) first, then one per job in order.
  public var results: [BatchResult]
  /// How long the run took, planning included.
  public var seconds: Double

  public init(results: [BatchResult], seconds: Double) {
    self.results = results
    self.seconds = seconds
  }

  /// The largest of the inputs' exit codes: what the run ends with.
  public var exitStatus: ExitStatus { results.map(\.exitStatus).max() ?? .success }
}

/// Hears of a batch's progress, for messages and a progress line. Calls come one at a time.
public protocol BatchObserver: AnyObject, Sendable {
  /// The plan is made: `total` inputs are to be converted.
  func batchPlanned(total: Int)
  /// One input is done; `finished` of the planned inputs are done (0 for inputs the list
  /// left out, reported before the work starts).
  func batchFinished(_ result: BatchResult, finished: Int)
  /// Every input is done, after `seconds`; the summary JSON is written after this.
  func batchCompleted(_ results: [BatchResult], seconds: Double)
}
