import Foundation
import Testing

/// Runs the built `kpisheet` binary, as a user or a script would.
struct Command {
  var status: Int32
  var stdout: Data
  var stderr: String

  var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
  var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }

  /// The folder holding the built products (`.build/debug`).
  static let productsDirectory: URL = {
    var url = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: url.appendingPathComponent("kpisheet").path),
      url.path != "/"
    {
      url.deleteLastPathComponent()
    }
    return url
  }()

  static let binary = productsDirectory.appendingPathComponent("kpisheet")

  /// The package root (for fixtures and scripts).
  static let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path)
    {
      url.deleteLastPathComponent()
    }
    return url
  }()

  static func fixture(_ name: String) -> String {
    packageRoot.appendingPathComponent("Tests/XLSXReaderTests/Fixtures/\(name)").path
  }

  /// Runs `kpisheet ARGS`, feeding `stdin` when given.
  static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:])
    throws -> Command
  {
    try runProcess(binary.path, arguments, stdin: stdin, environment: environment)
  }

  static func runProcess(
    _ executable: String, _ arguments: [String], stdin: Data? = nil,
    environment: [String: String] = [:]
  ) throws -> Command {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["LANG"] = "C.UTF-8"
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let outPipe = Pipe()
    let errPipe = Pipe()
    process.standardOutput = outPipe
    process.standardError = errPipe
    let inPipe = Pipe()
    process.standardInput = stdin == nil ? FileHandle.nullDevice : inPipe
    try process.run()
    if let stdin {
      DispatchQueue.global().async {
        inPipe.fileHandleForWriting.write(stdin)
        try? inPipe.fileHandleForWriting.close()
      }
    }
    // Read both pipes concurrently so a full stderr pipe cannot block the child.
    let errData = DataBox()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      errData.data = errPipe.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let outData = outPipe.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return Command(
      status: process.terminationStatus, stdout: outData,
      stderr: String(decoding: errData.data, as: UTF8.self))
  }

  /// Parses standard output as JSON.
  func json() throws -> Any {
    try JSONSerialization.jsonObject(with: stdout)
  }
}

/// The largest resident set of any child process this test process has waited for, in MiB.
func peakChildMemoryMiB() -> Int {
  var usage = rusage()
  getrusage(RUSAGE_CHILDREN.rawValue, &usage)
  return usage.ru_maxrss / 1024
}

/// Holds bytes read on another thread; the DispatchGroup orders the write before the read.
private final class DataBox: @unchecked Sendable {
  var data = Data()
}
