import ArgumentParser
import Dispatch
import KPISheet
import KPISheetServer
import Synchronization
import TemporaryFiles

/// `kpisheet serve`: the whole job in a browser, for officers who never open a terminal.
struct ServeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract:
      "Serve a web page that does the whole job in a browser: drop workbooks, check, download the report.",
    discussion: """
      Open http://127.0.0.1:8080/ (or the --host and --port given) in a browser. The page \
      and its HTTP API read uploads with the same checks and words as the command line; \
      uploads go to a private temporary folder, removed when each request ends. Only \
      requests addressed to this server are answered, and only its own page may post. \
      One line per request goes to standard error. Ctrl-C (SIGINT) or SIGTERM stops it \
      after the requests under way finish.
      """)

  @Option(
    help:
      "The address to listen on: 127.0.0.1 (this computer only), or this computer's address or name for a whole office."
  )
  var host = "127.0.0.1"

  @Option(help: "The port to listen on (0: any free port).")
  var port = 8080

  @Option(
    help:
      "A YAML file with the municipality's facts (municipality, prefecture, code, department, contact) for every report."
  )
  var profile: String?

  @Option(
    name: .customLong("max-upload"),
    help: ArgumentHelp("The largest request body accepted, in bytes.", valueName: "bytes"))
  var maxUpload = 50 << 20

  @OptionGroup(title: "Limits")
  var limits: LimitOptions

  func validate() throws {
    guard (0...65535).contains(port) else {
      throw ValidationError(
        localized("--port takes a number from 0 to 65535.", "--port には 0 から 65535 までの数を指定してください。"))
    }
    guard maxUpload >= 1 else {
      throw ValidationError(
        localized(
          "--max-upload takes a number of bytes of at least 1.",
          "--max-upload には 1 以上のバイト数を指定してください。"))
    }
  }

  func run() throws {
    try runReporting {
      let facts = try profile.map(ReportProfile.load(path:)) ?? ReportProfile()
      let server = KPISheetServer(
        configuration: ServerConfiguration(
          host: host, port: port, facts: facts, maxUploadBytes: maxUpload, limits: limits.limits),
        log: { printError($0) })
      // The first Ctrl-C lets the requests under way finish and remove their uploads.
      SignalCleanup.onFirstSignal { _ in
        Task { await server.shutdown() }
      }
      let outcome = Mutex<(any Error)?>(nil)
      let finished = DispatchSemaphore(value: 0)
      let shownHost = host.contains(":") ? "[\(host)]" : host
      Task {
        do {
          try await server.run { port in
            printError(
              localized(
                "kpisheet serve: open http://\(shownHost):\(port)/ in a browser (Ctrl-C stops it)",
                "kpisheet serve: ブラウザーで http://\(shownHost):\(port)/ を開いてください（Ctrl-C で終了）"))
          }
        } catch {
          outcome.withLock { $0 = error }
        }
        finished.signal()
      }
      finished.wait()
      if let error = outcome.withLock({ $0 }) {
        throw KPISheetError(
          .cannotCreate, "cannot listen on \(shownHost):\(port): \(error)",
          japanese: "\(shownHost):\(port) で待ち受けできません（\(error)）")
      }
    }
  }
}
