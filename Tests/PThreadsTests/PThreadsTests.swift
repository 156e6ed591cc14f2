import PThreads
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// State the threads of one test share; every access is under the test's lock, or after
/// `join`, which orders the threads' writes before the reads.
private final class Shared: @unchecked Sendable {
  var counter = 0
  var inside = 0
  var overlaps = 0
  var started = false
  var ready = false
  var sawReady = false
  var timedOut = false
  var next = 0
  var done: [Int] = []
}

@Suite struct PThreadLockTests {
  /// Threads hammering one counter through the lock lose no increment, and no two are ever
  /// inside at once (a counter of the threads inside checks it directly).
  @Test func theLockExcludesUnderContention() {
    let lock = PThreadLock()
    let shared = Shared()
    let threads = 4
    let rounds = 20_000
    var workers = WorkerThreads(count: threads) {
      for _ in 0..<rounds {
        lock.locked {
          shared.inside += 1
          if shared.inside != 1 { shared.overlaps += 1 }
          // A read, a yield and a write: without exclusion another thread slips in between.
          let value = shared.counter
          if value % 1000 == 0 { sched_yield() }
          shared.counter = value + 1
          shared.inside -= 1
        }
      }
    }
    #expect(workers.count == threads)
    workers.join()
    #expect(shared.counter == threads * rounds)
    #expect(shared.overlaps == 0)
  }

  /// A thread waiting on the condition wakes when another broadcasts, and sees what the
  /// broadcaster wrote before it.
  @Test func waitWakesOnBroadcast() {
    let lock = PThreadLock()
    let shared = Shared()
    var worker = WorkerThreads(count: 1) {
      lock.locked {
        shared.started = true
        lock.broadcast()
        // The lock is held from `started` until `wait` releases it, so the broadcast below
        // can only come while this thread waits.
        while !shared.ready {
          if !lock.wait(until: PThreadLock.deadline(after: 10)) {
            shared.timedOut = true
            return
          }
        }
        shared.sawReady = true
      }
    }
    var mainTimedOut = false
    lock.locked {
      while !shared.started {
        if !lock.wait(until: PThreadLock.deadline(after: 10)) {
          mainTimedOut = true
          break
        }
      }
      shared.ready = true
      lock.broadcast()
    }
    worker.join()
    #expect(!mainTimedOut)
    #expect(!shared.timedOut)
    #expect(shared.sawReady)
  }

  /// With nobody broadcasting, a timed wait gives up at its deadline and says so.
  @Test func aTimedWaitWithoutBroadcastTimesOut() {
    let lock = PThreadLock()
    var start = timespec()
    clock_gettime(CLOCK_REALTIME, &start)
    let woken = lock.locked { lock.wait(until: PThreadLock.deadline(after: 0.05)) }
    var end = timespec()
    clock_gettime(CLOCK_REALTIME, &end)
    let elapsed = Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
    #expect(!woken)
    #expect(elapsed >= 0.045)
  }

  /// Deadlines carry whole seconds out of the nanoseconds.
  @Test(arguments: [0.0, 0.25, 0.999_999, 1.5, 3.75])
  func deadlinesAreNormalised(seconds: Double) {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    let deadline = PThreadLock.deadline(after: seconds)
    #expect((0..<1_000_000_000).contains(deadline.tv_nsec))
    let ahead =
      Double(deadline.tv_sec - now.tv_sec) + Double(deadline.tv_nsec - now.tv_nsec) / 1e9
    #expect(ahead >= seconds - 0.001)
    #expect(ahead < seconds + 1)
  }
}

@Suite struct WorkerThreadsTests {
  /// Workers pulling items from a shared list process every item exactly once, on as many
  /// threads as were asked for, and `join` waits for all of them.
  @Test(arguments: [1, 2, 4, 8])
  func workersRunAllTheWork(threads: Int) {
    let lock = PThreadLock()
    let shared = Shared()
    let items = 1_000
    var workers = WorkerThreads(count: threads) {
      while true {
        let item = lock.locked { () -> Int? in
          guard shared.next < items else { return nil }
          shared.next += 1
          return shared.next - 1
        }
        guard let item else { return }
        // Give way now and then outside the lock, so the threads interleave.
        if item % 10 == 0 { sched_yield() }
        lock.locked { shared.done.append(item) }
      }
    }
    #expect(workers.count == threads)
    workers.join()
    #expect(workers.count == 0)
    #expect(shared.done.count == items)
    #expect(shared.done.sorted() == Array(0..<items))
  }

  /// Every started thread runs its body once, and join returns only after each finished.
  @Test func eachThreadRunsItsBodyOnce() {
    let lock = PThreadLock()
    let shared = Shared()
    var workers = WorkerThreads(count: 3) {
      usleep(20_000)
      lock.locked { shared.counter += 1 }
    }
    workers.join()
    #expect(shared.counter == 3)
  }

  @Test func processorCountIsPositive() {
    #expect(WorkerThreads.processorCount >= 1)
  }
}
