import Foundation
import Testing

@testable import TemporaryFiles

/// The gate the signal cleanup closes before removing files.
@Suite struct CleanupGateTests {
  @Test func anOpenGateRunsTheCallAndReturnsItsResult() throws {
    let gate = CleanupGate()
    #expect(gate.pass { 42 } == 42)
    #expect(throws: CocoaError.self) { try gate.pass { throw CocoaError(.fileNoSuchFile) } }
    #expect(gate.close(waitingAtMost: 0))
  }

  @Test func closingWaitsForTheCallUnderWay() {
    let gate = CleanupGate()
    let entered = DispatchSemaphore(value: 0)
    let finished = Flag()
    Thread {
      gate.pass {
        entered.signal()
        usleep(200_000)
        finished.set()
      }
    }.start()
    entered.wait()
    #expect(gate.close(waitingAtMost: 60))
    #expect(finished.isSet)
  }

  @Test func closingGivesUpOnACallThatDoesNotEnd() {
    let gate = CleanupGate()
    let entered = DispatchSemaphore(value: 0)
    let release = DispatchSemaphore(value: 0)
    Thread {
      gate.pass {
        entered.signal()
        release.wait()
      }
    }.start()
    entered.wait()
    #expect(!gate.close(waitingAtMost: 0.2))
    release.signal()
  }
}

/// A flag set on one thread and read on another.
private final class Flag: @unchecked Sendable {
  private let lock = NSLock()
  private var value = false

  func set() {
    lock.lock()
    value = true
    lock.unlock()
  }

  var isSet: Bool {
    lock.lock()
    defer { lock.unlock() }
    return value
  }
}
