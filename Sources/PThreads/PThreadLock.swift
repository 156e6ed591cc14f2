#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A mutex with its condition variable, for the reader's parsing threads and the temporary
/// files' registry. pthreads directly rather than Foundation's NSLock and NSCondition: a
/// program that only reads or writes workbooks should not load Foundation and pay its
/// resident memory and start-up (Benchmarks/RESULTS.md).
///
/// The corresponding C types are `pthread_mutex_t` and `pthread_cond_t`.
public final class PThreadLock: @unchecked Sendable {
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
  private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

  public init() {
    pthread_mutex_init(mutex, nil)
    pthread_cond_init(condition, nil)
  }

  deinit {
    pthread_cond_destroy(condition)
    pthread_mutex_destroy(mutex)
    condition.deallocate()
    mutex.deallocate()
  }

  public func lock() { pthread_mutex_lock(mutex) }
  public func unlock() { pthread_mutex_unlock(mutex) }

  /// Runs `body` holding the lock.
  public func locked<Result>(_ body: () throws -> Result) rethrows -> Result {
    lock()
    defer { unlock() }
    return try body()
  }

  /// Waits for `broadcast`; call holding the lock.
  public func wait() { pthread_cond_wait(condition, mutex) }

  /// Waits for `broadcast` until `deadline` (a `CLOCK_REALTIME` time); false when it passed.
  public func wait(until deadline: timespec) -> Bool {
    var deadline = deadline
    return pthread_cond_timedwait(condition, mutex, &deadline) != ETIMEDOUT
  }

  public func broadcast() { pthread_cond_broadcast(condition) }

  /// The `CLOCK_REALTIME` time `seconds` from now.
  public static func deadline(after seconds: Double) -> timespec {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    let nanoseconds = Int(now.tv_nsec) + Int((seconds - seconds.rounded(.down)) * 1e9)
    now.tv_sec += Int(seconds.rounded(.down)) + nanoseconds / 1_000_000_000
    now.tv_nsec = nanoseconds % 1_000_000_000
    return now
  }
}
