import Foundation
import Testing

/// A `kpisheet serve` started from the built binary on a free loopback port, with its own
/// temporary folder (TMPDIR) so that a test can see that every upload was removed.
final class ServerProcess: @unchecked Sendable {
  let process = Process()
  let port: Int
  /// The server's TMPDIR: empty whenever no request is under way.
  let temporary: String
  private let log = LineCollector()

  var base: String { "http://127.0.0.1:\(port)" }

  /// The package root (for fixtures and scripts).
  static let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path)
    {
      url.deleteLastPathComponent()
    }
    return url
  }()

  /// The folder holding the built products (`.build/debug`).
  static let binary: String = {
    var url = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: url.appendingPathComponent("kpisheet").path),
      url.path != "/"
    {
      url.deleteLastPathComponent()
    }
    return url.appendingPathComponent("kpisheet").path
  }()

  init(
    _ arguments: [String] = [], language: String = "C.UTF-8",
    environment extra: [String: String] = [:]
  ) throws {
    temporary =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("kpisheet-serve-test-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
    process.executableURL = URL(fileURLWithPath: Self.binary)
    process.arguments = ["serve", "--port", "0"] + arguments
    var environment = ProcessInfo.processInfo.environment
    environment["TMPDIR"] = temporary
    environment["LANG"] = language
    environment["LC_ALL"] = language
    environment.merge(extra) { _, new in new }
    process.environment = environment
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    log.collect(errors.fileHandleForReading)
    guard let line = log.waitForLine(containing: "http://", seconds: 60),
      let range = line.range(of: #":(\d+)/"#, options: .regularExpression),
      let port = Int(line[range].dropFirst().dropLast())
    else {
      process.terminate()
      throw ServerDidNotStart(log: log.lines.joined(separator: "\n"))
    }
    self.port = port
  }

  struct ServerDidNotStart: Error, CustomStringConvertible {
    var log: String
    var description: String { "kpisheet serve did not start:\n\(log)" }
  }

  /// What the server wrote to standard error so far.
  var logLines: [String] { log.lines }

  /// The names left in the server's temporary folder.
  var leftovers: [String] {
    (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? []
  }

  /// Sends SIGTERM and waits for the process to end; returns its exit status.
  @discardableResult
  func stop() -> Int32 {
    if process.isRunning {
      kill(process.processIdentifier, SIGTERM)
      process.waitUntilExit()
    }
    return process.terminationStatus
  }

  deinit {
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
    }
    try? FileManager.default.removeItem(atPath: temporary)
  }
}

/// Lines read from a pipe on a thread of their own.
final class LineCollector: @unchecked Sendable {
  private let condition = NSCondition()
  private var collected: [String] = []

  var lines: [String] {
    condition.lock()
    defer { condition.unlock() }
    return collected
  }

  func collect(_ handle: FileHandle) {
    Thread.detachNewThread { [self] in
      var pending = Data()
      while true {
        let chunk = handle.availableData
        if chunk.isEmpty { break }
        pending += chunk
        while let newline = pending.firstIndex(of: 0x0A) {
          let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
          pending = Data(pending[(newline + 1)...])
          condition.lock()
          collected.append(line)
          condition.broadcast()
          condition.unlock()
        }
      }
    }
  }

  func waitForLine(containing text: String, seconds: Double) -> String? {
    let deadline = Date(timeIntervalSinceNow: seconds)
    condition.lock()
    defer { condition.unlock() }
    while true {
      if let line = collected.first(where: { $0.contains(text) }) { return line }
      guard condition.wait(until: deadline) else { return nil }
    }
  }
}

/// One HTTP exchange made with curl, the way a script would talk to the server.
struct HTTPExchange {
  var status: Int
  var headers: [String: String]
  var body: Data

  var text: String { String(decoding: body, as: UTF8.self) }

  func json() throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
  }

  /// `curl ARGS URL`; headers keyed in lower case.
  static func curl(_ url: String, _ arguments: [String] = []) throws -> HTTPExchange {
    try PendingCurl(url, arguments).finish()
  }

  struct CurlFailed: Error, CustomStringConvertible {
    var message: String
    var status: Int32
    var description: String { "curl failed (\(status)): \(message)" }
  }
}

/// A curl process started and not yet waited for: many of them make concurrent requests.
final class PendingCurl {
  private let process = Process()
  private let folder: String

  init(_ url: String, _ arguments: [String] = []) throws {
    folder =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("kpisheet-curl-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
    process.arguments =
      [
        "-s", "-S", "--max-time", "120", "-D", folder + "/head", "-o", folder + "/body",
        "--stderr", folder + "/errors",
      ] + arguments + [url]
    process.standardOutput = FileHandle.nullDevice
    try process.run()
  }

  func finish() throws -> HTTPExchange {
    process.waitUntilExit()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let head = (try? String(contentsOfFile: folder + "/head", encoding: .utf8)) ?? ""
    // The last response's head (after any 100 Continue).
    let block = head.components(separatedBy: "\r\n\r\n").filter { !$0.isEmpty }.last ?? ""
    var lines = block.components(separatedBy: "\r\n")
    let statusLine = lines.isEmpty ? "" : lines.removeFirst()
    let status = statusLine.split(separator: " ").dropFirst().first.flatMap { Int($0) }
    guard let status else {
      let message = (try? String(contentsOfFile: folder + "/errors", encoding: .utf8)) ?? ""
      throw HTTPExchange.CurlFailed(message: message, status: process.terminationStatus)
    }
    var headers: [String: String] = [:]
    for line in lines {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers[line[..<colon].lowercased()] = line[line.index(after: colon)...]
        .trimmingCharacters(in: .whitespaces)
    }
    let body = FileManager.default.contents(atPath: folder + "/body") ?? Data()
    return HTTPExchange(status: status, headers: headers, body: body)
  }
}

/// Runs the built `kpisheet` with `arguments` in `folder`; returns its status and output.
func kpisheet(_ arguments: [String], in folder: String, language: String = "C.UTF-8") throws
  -> (Int32, Data)
{
  let process = Process()
  process.executableURL = URL(fileURLWithPath: ServerProcess.binary)
  process.arguments = arguments
  process.currentDirectoryURL = URL(fileURLWithPath: folder)
  var environment = ProcessInfo.processInfo.environment
  environment["LANG"] = language
  environment["LC_ALL"] = language
  process.environment = environment
  let output = Pipe()
  process.standardOutput = output
  process.standardError = FileHandle.nullDevice
  try process.run()
  let data = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (process.terminationStatus, data)
}
