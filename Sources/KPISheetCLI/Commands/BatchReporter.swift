import Foundation
import KPIModel
import KPISheet

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How much a command says on standard error.
enum Verbosity: Sendable {
  /// Errors only.
  case quiet
  /// Errors, warnings and the batch summary.
  case normal
  /// Also one line per input.
  case verbose
}

/// Prints a batch's messages as its inputs finish, with a progress line when standard error
/// is a terminal. The batch calls it from the workers one at a time, which is why its mutable
/// state needs no lock.
final class BatchReporter: BatchObserver, @unchecked Sendable {
  private var total = 0
  private let verbosity: Verbosity
  private var showsProgress = false
  private let language = DiagnosticText.language
  private var progressWidth = 0

  init(verbosity: Verbosity) {
    self.verbosity = verbosity
  }

  func batchPlanned(total: Int) {
    self.total = total
    showsProgress = verbosity != .quiet && total > 1 && isatty(2) == 1
  }

  /// One finished input: its errors (always), its warnings (unless quiet), a line for it
  /// (when verbose), then the progress line.
  func batchFinished(_ result: BatchResult, finished: Int) {
    var lines: [String] = []
    let own = result.status == .converted ? nil : result.messages.last
    for message in result.messages.dropLast(own == nil ? 0 : 1) {
      if message.severity == .error || verbosity != .quiet {
        lines.append(DiagnosticText.line(message, language: language))
      }
    }
    switch result.status {
    case .failed: lines.append(BatchText.line(result, language))
    case .skipped, .converted:
      if verbosity == .verbose { lines.append(BatchText.line(result, language)) }
    }
    clearProgress()
    for line in lines { printError(line) }
    if showsProgress { drawProgress(finished) }
  }

  /// The closing summary (unless quiet).
  func batchCompleted(_ results: [BatchResult], seconds: Double) {
    clearProgress()
    if verbosity != .quiet {
      printError(BatchText.summary(results, seconds: seconds, language))
    }
  }

  private func drawProgress(_ finished: Int) {
    let line = localized("converting \(finished)/\(total)", "変換中 \(finished)/\(total)")
    progressWidth = line.count * 2
    writeStandardError("\r\(line)")
  }

  private func clearProgress() {
    guard progressWidth > 0 else { return }
    let blank = "\r" + String(repeating: " ", count: progressWidth) + "\r"
    writeStandardError(blank)
    progressWidth = 0
  }
}
