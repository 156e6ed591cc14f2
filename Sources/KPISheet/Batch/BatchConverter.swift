import Foundation
import KPIModel

/// `convert --out-dir`: one report per input, on several workers, each failure kept to its
/// own input.
///
/// Every worker runs the whole pipeline for one input at a time, so each opens its own
/// workbook and writes its own report: the reader and writer types are not shared between
/// threads.
public struct BatchConverter: Sendable {
  public var pipeline: ConvertPipeline
  public var force: Bool
  public var skipExisting: Bool
  /// How many inputs are converted at once.
  public var workers: Int
  public var language: DiagnosticLanguage

  public init(
    pipeline: ConvertPipeline, force: Bool = false, skipExisting: Bool = false,
    workers: Int = ProcessInfo.processInfo.activeProcessorCount,
    language: DiagnosticLanguage = DiagnosticText.language
  ) {
    self.pipeline = pipeline
    self.force = force
    self.skipExisting = skipExisting
    self.workers = max(1, workers)
    self.language = language
  }

  /// Converts every job and returns the results in job order. `progress` is called once per
  /// finished job, one call at a time, with the result and how many jobs have finished.
  public func run(
    _ jobs: [BatchJob], progress: @Sendable (BatchResult, Int) -> Void = { _, _ in }
  ) -> [BatchResult] {
    let state = BatchState(count: jobs.count)
    let workerCount = min(workers, max(jobs.count, 1))
    var converter = self
    if converter.pipeline.readingThreads == nil {
      converter.pipeline.readingThreads = Self.readingThreads(
        workers: workerCount, processors: ProcessInfo.processInfo.activeProcessorCount)
    }
    DispatchQueue.concurrentPerform(iterations: workerCount) { [converter] _ in
      while let index = state.next() {
        let result = converter.convert(jobs[index])
        state.finish(index, result, progress: progress)
      }
    }
    return state.results.enumerated().map { index, result in
      result
        ?? BatchResult(
          input: jobs[index].input, output: jobs[index].output, status: .failed,
          exitStatus: .dataError)
    }
  }

  /// The threads each worker reads a large workbook on: its share of the processors, so
  /// that the workers and the reader's threads together keep to one thread per processor
  /// (two workers each reading on two threads would run four on two processors).
  static func readingThreads(workers: Int, processors: Int) -> Int {
    max(1, processors / max(1, workers))
  }

  /// One job, never throwing: a failure becomes its result.
  public func convert(_ job: BatchJob) -> BatchResult {
    if skipExisting && FileManager.default.fileExists(atPath: job.output) {
      return BatchResult(
        input: job.input, output: job.output, status: .skipped,
        messages: [
          Diagnostic(.warning, "skipped", message: BatchText.exists(output: job.output, language))
        ])
    }
    do {
      let outcome = try pipeline.run(
        inputs: [job.input], output: OutputFile(path: job.output, force: force))
      return BatchResult(
        input: job.input, output: job.output, status: .converted,
        messages: outcome.diagnostics)
    } catch {
      return BatchResult.failure(
        input: job.input, output: job.output, error: error, language: language)
    }
  }

  /// Results for what the input list left out: lock files (skipped) and empty folders
  /// (failed, exit 66).
  public func results(for list: InputList) -> [BatchResult] {
    list.skippedLockFiles.map {
      BatchResult(
        input: $0, output: nil, status: .skipped,
        messages: [Diagnostic(.warning, "lock-file", message: BatchText.lockFile($0, language))])
    }
      + list.emptyFolders.map {
        BatchResult(
          input: $0, output: nil, status: .failed, exitStatus: .noInput,
          messages: [
            Diagnostic(.error, "empty-folder", message: BatchText.emptyFolder($0, language))
          ])
      }
  }
}

/// The workers' shared queue and results, behind one lock.
private final class BatchState: @unchecked Sendable {
  private let lock = NSLock()
  private var nextIndex = 0
  private var finished = 0
  private(set) var results: [BatchResult?]

  init(count: Int) {
    results = Array(repeating: nil, count: count)
  }

  func next() -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard nextIndex < results.count else { return nil }
    defer { nextIndex += 1 }
    return nextIndex
  }

  func finish(_ index: Int, _ result: BatchResult, progress: (BatchResult, Int) -> Void) {
    lock.lock()
    defer { lock.unlock() }
    results[index] = result
    finished += 1
    progress(result, finished)
  }
}
