import Foundation
import Testing

/// Runs Python with openpyxl, the independent reader written workbooks are checked with
/// (shared by the writer's and the report's tests).
public enum OpenPyXL {
  /// Whether `python3` with openpyxl can be run here.
  public static let isAvailable: Bool = {
    (try? run(script: "import openpyxl", arguments: []))?.status == 0
  }()

  public static let skipReason: Comment =
    "python3 with openpyxl is not installed (Scripts/setup installs it)"

  /// Runs `script` (which reads `sys.argv[1:]` and calls `put(key, value)`) and returns what
  /// it put, every value made a string on the Python side (str as is, others by repr), so
  /// comparisons stay simple.
  public static func facts(_ script: String, _ arguments: String...) throws -> [String: String] {
    let prelude = """
      import json, sys, zipfile, openpyxl
      facts = {}
      def put(key, value):
          facts[key] = value if isinstance(value, str) else repr(value)

      """
    let epilogue = "\nprint(json.dumps(facts, ensure_ascii=False))\n"
    let result = try run(script: prelude + script + epilogue, arguments: arguments)
    guard result.status == 0 else { throw PythonFailed(output: result.output) }
    return try JSONDecoder().decode([String: String].self, from: Data(result.output.utf8))
  }

  public struct PythonFailed: Error, CustomStringConvertible {
    public var output: String
    public var description: String { "python3 failed:\n\(output)" }
  }

  private static func run(script: String, arguments: [String]) throws -> (
    status: Int32, output: String
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}

/// A fresh folder for one test, removed afterwards.
public final class Scratch {
  public let folder: String

  public init() throws {
    folder =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("kpisheet-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(atPath: folder)
  }

  public func path(_ name: String) -> String { "\(folder)/\(name)" }

  public var contents: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
  }
}

/// A fixed creation time, 2024-04-01 00:00:00 UTC.
public let fixedCreation = Date(timeIntervalSince1970: 1_711_929_600)
/// The same time as XLSXWriter takes it, in seconds since 1970.
public let fixedCreationSeconds = 1_711_929_600
