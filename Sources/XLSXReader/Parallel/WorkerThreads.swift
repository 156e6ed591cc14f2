#if canImport(Glibc)
  import Glibc
#endif

/// A mutex and its condition variable, for the few hand-offs between the reading thread and
/// the parsing threads. (The module stays free of Foundation, so this is pthreads directly.)
///
/// The corresponding C types are `pthread_mutex_t` and `pthread_cond_t`.
final class Monitor: @unchecked Sendable {
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
  private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

  init() {
    pthread_mutex_init(mutex, nil)
    pthread_cond_init(condition, nil)
  }

  deinit {
    pthread_cond_destroy(condition)
    pthread_mutex_destroy(mutex)
    condition.deallocate()
    mutex.deallocate()
  }

  /// Runs `body` holding the mutex.
  func locked<Result>(_ body: () throws -> Result) rethrows -> Result {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    return try body()
  }

  /// Waits for a `broadcast`; call only inside `locked`.
  func wait() { pthread_cond_wait(condition, mutex) }

  func broadcast() { pthread_cond_broadcast(condition) }
}

/// Threads running one body each, joined together.
///
/// The corresponding C functions are `pthread_create` and `pthread_join`.
struct WorkerThreads {
  private var threads: [pthread_t] = []

  /// The processors online, for sizing the pool.
  static var processorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

  /// Starts `count` threads running `body`; fewer when the system refuses more.
  init(count: Int, _ body: @escaping @Sendable () -> Void) {
    for _ in 0..<count {
      let box = Unmanaged.passRetained(Body(body)).toOpaque()
      var thread = pthread_t()
      let status = pthread_create(
        &thread, nil,
        { raw in
          guard let raw else { return nil }
          Unmanaged<Body>.fromOpaque(raw).takeRetainedValue().run()
          return nil
        }, box)
      if status == 0 {
        threads.append(thread)
      } else {
        Unmanaged<Body>.fromOpaque(box).release()
      }
    }
  }

  var count: Int { threads.count }

  /// Waits for every thread to finish.
  mutating func join() {
    for thread in threads { pthread_join(thread, nil) }
    threads.removeAll()
  }

  private final class Body {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) { self.run = run }
  }
}
