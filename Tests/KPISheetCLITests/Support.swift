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

extension Command {
  /// Runs `kpisheet ARGS` under a fresh python3 that reports the peak resident set of that
  /// one process (RUSAGE_CHILDREN of this test process would include every other child,
  /// LibreOffice among them). Returns the result and the peak in MiB.
  static func runMeasuringMemory(_ arguments: [String]) throws -> (Command, Int) {
    let script = """
      import resource, subprocess, sys
      result = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
      sys.stderr.buffer.write(result.stderr)
      print(result.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
      """
    let result = try runProcess("/usr/bin/env", ["python3", "-c", script, binary.path] + arguments)
    let fields = result.stdoutText.split(separator: " ").compactMap {
      Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
    }
    let status = fields.first.map { Int32($0) } ?? -1
    let peak = (fields.count > 1 ? fields[1] : Int.max) / 1024
    return (Command(status: status, stdout: Data(), stderr: result.stderr), peak)
  }
}

/// Holds bytes read on another thread; the DispatchGroup orders the write before the read.
private final class DataBox: @unchecked Sendable {
  var data = Data()
}
