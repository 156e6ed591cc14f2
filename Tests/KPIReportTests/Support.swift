import Foundation
import KPIModel
import Testing

@testable import KPIReport

/// The package's root folder.
func packageRoot() -> URL {
  var url = URL(fileURLWithPath: #filePath)
  while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
    url.deleteLastPathComponent()
  }
  return url
}

/// Records from a JSON file under the package root.
func records(_ relativePath: String) throws -> RecordsDocument {
  try RecordsJSON.decode(Data(contentsOf: packageRoot().appendingPathComponent(relativePath)))
}

/// The national-form fixture: evaluations, costs, due months, a project of another year.
func nationalFormRecords() throws -> RecordsDocument {
  try records("Tests/KPIImportTests/Fixtures/b-national-form.expected.json")
}

/// A fixed creation time, 2024-04-01 00:00:00 UTC.
let fixedCreation = Date(timeIntervalSince1970: 1_711_929_600)

/// Runs Python with openpyxl, the independent reader the reports are checked with.
enum OpenPyXL {
  static let isAvailable: Bool = {
    (try? run(script: "import openpyxl", arguments: []))?.status == 0
  }()

  static let skipReason: Comment =
    "python3 with openpyxl is not installed (apt-get install python3-openpyxl)"

  /// Runs `script` (which reads `sys.argv[1:]` and calls `put(key, value)`) and returns what
  /// it put, every value made a string on the Python side (str as is, others by repr).
  static func facts(_ script: String, _ arguments: String...) throws -> [String: String] {
    let prelude = """
      import json, sys, openpyxl
      facts = {}
      def put(key, value):
          facts[key] = value if isinstance(value, str) else repr(value)

      """
    let epilogue = "\nprint(json.dumps(facts, ensure_ascii=False))\n"
    let result = try run(script: prelude + script + epilogue, arguments: arguments)
    guard result.status == 0 else { throw PythonFailed(output: result.output) }
    return try JSONDecoder().decode([String: String].self, from: Data(result.output.utf8))
  }

  struct PythonFailed: Error, CustomStringConvertible {
    var output: String
    var description: String { "python3 failed:\n\(output)" }
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
final class Scratch {
  let folder: String

  init() throws {
    folder =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("kpireport-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(atPath: folder)
  }

  func path(_ name: String) -> String { "\(folder)/\(name)" }

  var contents: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
  }
}
