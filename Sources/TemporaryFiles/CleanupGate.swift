internal import PThreads

/// Keeps the signal cleanup from running in the middle of a C library call that makes files
/// by name: libxlsxwriter's `workbook_close` creates (and at once unlinks) a temporary file per
/// part, and reopens the listed workbook file with `O_CREAT`. Removed halfway through such a
/// call, a file could be made again, or made elsewhere (libxlsxwriter falls back to `$TMPDIR`
/// and the current folder when its own folder is gone), just before the process ends.
///
/// `SignalCleanup` closes the gate first: no new call passes, and it waits for the calls under
/// way to end before removing any listed file. The threads then waiting at the gate wait until
/// the process ends.
public final class CleanupGate: @unchecked Sendable {
  /// The one gate of the process (the signal cleanup closes this one).
  public static let shared = CleanupGate()

  private let condition = PThreadLock()
  /// Calls under way.
  private var running = 0
  private var closed = false

  init() {}

  /// Runs `body` (one C library call that makes files), or, once the cleanup has started,
  /// waits for the process to end.
  public func pass<Result>(_ body: () throws -> Result) rethrows -> Result {
    condition.lock()
    while closed { condition.wait() }
    running += 1
    condition.unlock()
    defer {
      condition.lock()
      running -= 1
      condition.broadcast()
      condition.unlock()
    }
    return try body()
  }

  /// Lets no new call pass and waits until the calls under way have ended, for at most
  /// `seconds` (a call stuck on a dead network share must not keep the process alive).
  /// Returns whether they all ended.
  @discardableResult
  func close(waitingAtMost seconds: Double) -> Bool {
    let deadline = PThreadLock.deadline(after: seconds)
    condition.lock()
    defer { condition.unlock() }
    closed = true
    while running > 0 {
      guard condition.wait(until: deadline) else { return running == 0 }
    }
    return true
  }
}
