#if canImport(Glibc)
  import Glibc
#endif

/// Threads running one body each, joined together.
///
/// The corresponding C functions are `pthread_create` and `pthread_join`.
public struct WorkerThreads {
  private var threads: [pthread_t] = []

  /// The processors online, for sizing the pool.
  public static var processorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

  /// Starts `count` threads running `body`; fewer when the system refuses more.
  public init(count: Int, _ body: @escaping @Sendable () -> Void) {
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

  public var count: Int { threads.count }

  /// Waits for every thread to finish.
  public mutating func join() {
    for thread in threads { pthread_join(thread, nil) }
    threads.removeAll()
  }

  private final class Body {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) { self.run = run }
  }
}
