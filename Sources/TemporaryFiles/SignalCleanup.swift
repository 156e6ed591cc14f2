internal import PThreads

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// On SIGINT, SIGTERM or SIGHUP, waits for the C library calls under way that make files
/// (`CleanupGate`), removes every temporary file in `TemporaryFileRegistry.shared` (so no
/// partial output is left behind) and then ends the process by that same signal. Outputs
/// already renamed into place stay.
///
/// For programs only: a library leaves signal handling to the program that uses it.
/// `kpisheet` installs it first thing in `main`.
///
/// How: the signals are blocked in the calling thread, and every thread started later inherits
/// that mask (Dispatch's worker threads block them anyway), so they are never delivered
/// asynchronously. One dedicated thread takes them with `sigwait`, outside any signal handler:
/// it may take locks, and it runs however busy or blocked the other threads are (a worker
/// stuck in a write, the main thread waiting on standard input).
///
/// The process then ends by the signal itself, not by `exit(130)`: a shell reports 130
/// (SIGINT), 143 (SIGTERM) or 129 (SIGHUP) in `$?` either way, but only a process killed by
/// SIGINT makes a shell script's loop stop too.
///
/// A signal ignored when the process started (`nohup`, or a background job of a
/// non-interactive shell) stays ignored. A signal already blocked when the process started
/// (Foundation's `Process` launched from a Dispatch thread passes its blocked mask on) is
/// handled all the same, since `sigwait` takes blocked signals. Child processes would inherit
/// the blocked mask; reset it before starting one.
public enum SignalCleanup {
  /// The signals that stop a run: interrupt (Ctrl-C), terminate (`kill`, a service manager),
  /// hang-up (the terminal or the SSH session went away).
  public static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

  /// How long the cleanup waits for the C library calls under way (`CleanupGate`): a report's
  /// `workbook_close` takes milliseconds; one stuck on a dead network share is not waited for.
  static let gateSeconds = 5.0

  /// Makes the first signal call `handler` (on the signal thread) instead of ending the
  /// process: for a program that shuts down by itself, like `kpisheet serve`, which stops
  /// accepting, lets its requests finish and remove their files, and returns from `main`.
  /// A second signal cleans up and ends the process as before. `handler` must return
  /// promptly (start the shutdown, don't wait for it).
  public static func onFirstSignal(_ handler: @escaping @Sendable (Int32) -> Void) {
    firstSignal.set(handler)
  }

  private static let firstSignal = SignalHandlerSlot()

  /// Blocks `signals` in the calling thread and starts the thread that waits for them. Call it
  /// once, before any other thread is started.
  ///
  /// The corresponding C functions are `pthread_sigmask` and `sigwait`.
  public static func install() {
    var set = sigset_t()
    sigemptyset(&set)
    let handled = signals.filter { !isIgnored($0) }
    guard !handled.isEmpty else { return }
    for signal in handled { sigaddset(&set, signal) }
    pthread_sigmask(SIG_BLOCK, &set, nil)
    // A plain pthread (the module stays free of Foundation); it runs until the process ends.
    let waiting = UnsafeMutablePointer<sigset_t>.allocate(capacity: 1)
    waiting.initialize(to: set)
    var thread = pthread_t()
    let status = pthread_create(&thread, nil, signalThreadMain, waiting)
    if status == 0 {
      pthread_detach(thread)
    } else {
      // No thread to take them: deliver the signals as before rather than hold them forever.
      pthread_sigmask(SIG_UNBLOCK, &set, nil)
      waiting.deallocate()
    }
  }

  /// Whether the process started with `signal` ignored. Blocked signals are kept pending
  /// even when ignored (so `sigwait` would take them), hence this check first.
  ///
  /// The corresponding C function is `sigaction`.
  static func isIgnored(_ signal: Int32) -> Bool {
    var action = sigaction()
    guard sigaction(signal, nil, &action) == 0 else { return false }
    #if canImport(Glibc)
      let handler = action.__sigaction_handler.sa_handler
    #else
      let handler = action.__sigaction_u.__sa_handler
    #endif
    guard let handler else { return false }
    return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
  }

  fileprivate static func waitAndClean(_ set: sigset_t) {
    var set = set
    var received: Int32 = 0
    // sigwait fails only for an invalid set; nothing can be cleaned up then.
    guard sigwait(&set, &received) == 0 else { return }
    if let handler = firstSignal.take() {
      // A program that stops by itself (a server) finishes its requests and returns; a second
      // signal while it does ends the process as usual.
      handler(received)
      guard sigwait(&set, &received) == 0 else { return }
    }
    CleanupGate.shared.close(waitingAtMost: gateSeconds)
    TemporaryFileRegistry.shared.removeAll { terminate(by: received) }
  }

  /// Ends the process as the signal's default action does, so the parent sees which signal
  /// stopped it; `_exit(128 + signal)` if it somehow survives.
  private static func terminate(by number: Int32) -> Never {
    _ = signal(number, SIG_DFL)
    var only = sigset_t()
    sigemptyset(&only)
    sigaddset(&only, number)
    pthread_sigmask(SIG_UNBLOCK, &only, nil)
    raise(number)
    _exit(128 + number)
  }
}

/// The handler set by `SignalCleanup.onFirstSignal`, taken once by the signal thread.
private final class SignalHandlerSlot: @unchecked Sendable {
  /// Guards `handler`.
  private let lock = PThreadLock()
  private var handler: (@Sendable (Int32) -> Void)?

  func set(_ handler: @escaping @Sendable (Int32) -> Void) {
    lock.locked { self.handler = handler }
  }

  func take() -> (@Sendable (Int32) -> Void)? {
    lock.locked {
      defer { handler = nil }
      return handler
    }
  }
}

/// The signal thread's body: its argument is the set of signals to wait for.
private func signalThreadMain(_ raw: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
  guard let raw else { return nil }
  SignalCleanup.waitAndClean(raw.assumingMemoryBound(to: sigset_t.self).pointee)
  return nil
}
