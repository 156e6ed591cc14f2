import Foundation
import KPISheet
import XLSXReader

/// How `kpisheet serve` listens, and what it accepts.
public struct ServerConfiguration: Sendable {
  /// The address to bind: a loopback address unless the whole office should reach it.
  public var host: String
  /// The port to bind; 0 lets the system choose one (tests), told by `KPISheetServer.run`.
  public var port: Int
  /// The municipality's facts for every report (`--profile`), under what a form states.
  public var facts: ReportProfile
  /// The largest request body, in bytes; a larger one gets 413.
  public var maxUploadBytes: Int
  /// Where each request's private folder of uploads is made.
  public var temporaryDirectory: String
  /// The reader's safety limits, for every uploaded file.
  public var limits: ReaderLimits
  /// How many conversions (or extractions) run at once.
  public var concurrentJobs: Int
  /// How many more requests wait for a turn before the server answers 503.
  public var waitingJobs: Int
  /// How long a request waits for a turn before it gets 503.
  public var maxWait: Duration

  public init(
    host: String = "127.0.0.1", port: Int = 8080, facts: ReportProfile = ReportProfile(),
    maxUploadBytes: Int = 50 << 20,
    temporaryDirectory: String = FileManager.default.temporaryDirectory.path,
    limits: ReaderLimits = ReaderLimits(),
    concurrentJobs: Int = ProcessInfo.processInfo.activeProcessorCount,
    waitingJobs: Int = 64, maxWait: Duration = .seconds(60)
  ) {
    self.host = host
    self.port = port
    self.facts = facts
    self.maxUploadBytes = maxUploadBytes
    self.temporaryDirectory = temporaryDirectory
    self.limits = limits
    self.concurrentJobs = max(1, concurrentJobs)
    self.waitingJobs = max(0, waitingJobs)
    self.maxWait = maxWait
  }
}
