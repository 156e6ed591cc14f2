import Foundation
import Testing

@testable import XLSXWriter

/// Runs Python with openpyxl, the independent reader the written files are checked with.
enum OpenPyXL {
  /// Whether `python3` with openpyxl can be run here.
  static let isAvailable: Bool = {
    (try? run(script: "import openpyxl", arguments: []))?.status == 0
  }()

  static let skipReason: Comment =
    "python3 with openpyxl is not installed; install python3-openpyxl"

  /// Runs `script` (which reads `sys.argv[1:]`) and returns the JSON object it prints, every
  /// value made a string on the Python side so comparisons stay simple.
  static func facts(_ script: String, _ arguments: String...) throws -> [String: String] {
    let prelude = """
      import json, sys, zipfile, openpyxl
      facts = {}
      def put(key, value):
          facts[key] = value if isinstance(value, str) else repr(value)

      """
    let epilogue = "\nprint(json.dumps(facts, ensure_ascii=False))\n"
    let result = try run(script: prelude + script + epilogue, arguments: arguments)
    guard result.status == 0 else {
      throw PythonFailed(output: result.output)
    }
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
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
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
      .appendingPathComponent("xlsxwriter-tests-\(UUID().uuidString)").path
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

/// A fixed creation time, 2024-04-01 00:00:00 UTC.
let fixedCreation = Date(timeIntervalSince1970: 1_711_929_600)

/// Runs `body` and returns the XLSXWriterError it throws (failing the test if none).
func writerError(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation)
  -> XLSXWriterError?
{
  do {
    try body()
    Issue.record("expected an XLSXWriterError", sourceLocation: sourceLocation)
  } catch let error as XLSXWriterError {
    return error
  } catch {
    Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
  }
  return nil
}

let japanesePrefectures = [
  "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県",
  "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県",
  "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県",
  "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県",
  "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
]
