import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization

/// `kpisheet serve`: the web page and its HTTP API, on Hummingbird.
///
/// ```swift
/// let server = KPISheetServer(configuration: ServerConfiguration(port: 0))
/// Task { try await server.run { port in print("listening on \(port)") } }
/// // …
/// await server.shutdown()   // stops accepting, lets requests finish, then `run` returns
/// ```
public final class KPISheetServer: Sendable {
  public let configuration: ServerConfiguration
  private let group = Mutex<ServiceGroup?>(nil)
  private let stopped = Mutex(false)
  private let log: @Sendable (String) -> Void

  /// `log` gets one line per request (method, path, status, time, files).
  public init(
    configuration: ServerConfiguration,
    log: @escaping @Sendable (String) -> Void = { _ in }
  ) {
    self.configuration = configuration
    self.log = log
  }

  /// Serves until ``shutdown()``; `onRunning` is told the port once the server listens.
  ///
  /// - Throws: when the address cannot be bound.
  public func run(onRunning: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
    let boundPort = BoundPort(configuration.port)
    let responder = ServerResponder(
      configuration: configuration, boundPort: boundPort,
      gate: JobGate(
        running: configuration.concurrentJobs, waiting: configuration.waitingJobs,
        maxWait: configuration.maxWait),
      log: log)
    var logger = Logger(label: "kpisheet-serve")
    logger.logLevel = .error
    let application = Application(
      responder: responder,
      configuration: ApplicationConfiguration(
        address: .hostname(configuration.host, port: configuration.port)),
      onServerRunning: { [configuration] channel in
        let port = channel.localAddress?.port ?? configuration.port
        boundPort.set(port)
        onRunning(port)
      },
      logger: logger)
    let serviceGroup = ServiceGroup(
      configuration: ServiceGroupConfiguration(services: [application], logger: logger))
    let alreadyStopped = stopped.withLock { stopped in
      if !stopped { group.withLock { $0 = serviceGroup } }
      return stopped
    }
    guard !alreadyStopped else { return }
    try await serviceGroup.run()
  }

  /// Stops accepting connections and lets the requests under way finish (each removes its
  /// uploads); ``run(onRunning:)`` then returns.
  public func shutdown() async {
    let serviceGroup = stopped.withLock { stopped in
      stopped = true
      return group.withLock { $0 }
    }
    await serviceGroup?.triggerGracefulShutdown()
  }
}
