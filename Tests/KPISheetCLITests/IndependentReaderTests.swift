import Foundation
import Testing

/// `kpisheet cells` agrees cell for cell with python-calamine, a reader written by others,
/// on workbooks written by others (known calamine mistakes are listed in the script).
@Suite struct IndependentReaderTests {
  static var calamineAvailable: Bool {
    guard
      let result = try? Command.runProcess(
        "/usr/bin/env", ["python3", "-c", "import python_calamine"])
    else { return false }
    return result.status == 0
  }

  @Test(
    .enabled(if: calamineAvailable, "python-calamine is not installed (Scripts/setup installs it)"))
  func agreesWithCalamine() throws {
    let fixtures = Command.packageRoot.appendingPathComponent("Tests/XLSXReaderTests/Fixtures")
    let samples = Command.packageRoot.appendingPathComponent("samples")
    var files: [String] = []
    for folder in [fixtures, samples] {
      let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      files += names.filter { $0.hasSuffix(".xlsx") }.sorted().map {
        folder.appendingPathComponent($0).path
      }
    }
    #expect(files.count >= 12)
    let script = Command.packageRoot.appendingPathComponent("Scripts/compare-calamine.py").path
    let result = try Command.runProcess(
      "/usr/bin/env", ["python3", script, "--kpisheet", Command.binary.path] + files)
    #expect(result.status == 0, "\(result.stdoutText)\(result.stderr)")
    #expect(
      result.stdoutText.split(separator: "\n").last == "\(files.count) passed, 0 failed",
      "\(result.stdoutText)")
  }
}

/// Decompression bombs are refused early, in bounded memory (measured for the one process).
@Suite struct BombTests {
  @Test func aGigabyteSharedStringIsRefusedQuickly() throws {
    let plain = try Command.run(["cells", Command.fixture("bad/sst-bomb.xlsx")])
    #expect(plain.stdout.isEmpty)
    let (result, peak) = try Command.runMeasuringMemory([
      "cells", Command.fixture("bad/sst-bomb.xlsx"),
    ])
    Snapshot.expect(result, matches: "cells-sst-bomb.txt")
    #expect(peak < 512)
  }

  @Test func aTwoGigabyteSheetStopsAtThePartLimit() throws {
    let (result, peak) = try Command.runMeasuringMemory([
      "cells", Command.fixture("bad/sheet-bomb.xlsx"), "--max-part-bytes", "100000000",
    ])
    Snapshot.expect(result, matches: "cells-sheet-bomb.txt")
    #expect(peak < 512)
  }

  @Test func aSharedStringTableOverItsLimitNamesTheFlag() throws {
    let (result, peak) = try Command.runMeasuringMemory([
      "cells", Command.fixture("bad/sst-bomb.xlsx"), "--max-string-length", "2000000000",
      "--max-shared-string-bytes", "50000000",
    ])
    Snapshot.expect(result, matches: "cells-sst-over-limit.txt")
    #expect(peak < 512)
  }
}

/// The records `extract` prints validate against records.schema.json (checked by the
/// `jsonschema` package, not by our own code).
@Suite struct SchemaTests {
  static var jsonschemaAvailable: Bool {
    guard
      let result = try? Command.runProcess("/usr/bin/env", ["python3", "-c", "import jsonschema"])
    else { return false }
    return result.status == 0
  }

  @Test(
    .enabled(if: jsonschemaAvailable, "jsonschema is not installed (Scripts/setup installs it)"))
  func extractedRecordsMatchTheSchema() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kpisheet-schema-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var outputs: [String] = []
    for name in ["sanyo-onoda", "dept-flat", "dept-wide"] {
      let output = folder.appendingPathComponent("\(name).json").path
      let result = try Command.run([
        "extract", Command.packageRoot.appendingPathComponent("samples/\(name).xlsx").path, "-o",
        output,
      ])
      #expect(result.status == 0)
      outputs.append(output)
    }
    let root = Command.packageRoot
    let check = try Command.runProcess(
      "/usr/bin/env",
      [
        "python3", root.appendingPathComponent("Scripts/check-schema.py").path,
        root.appendingPathComponent("docs/records.schema.json").path,
      ] + outputs)
    #expect(check.status == 0, "\(check.stdoutText)")
    #expect(check.stdoutText.split(separator: "\n").last == "3 passed, 0 failed")
  }
}
