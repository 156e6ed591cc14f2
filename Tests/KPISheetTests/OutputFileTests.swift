import Foundation
import Testing

@testable import KPISheet

/// `OutputFile` never replaces a file made while it worked, unless forced.
@Suite struct OutputFileTests {
  static func scratch() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kpisheet-output-test-\(UUID().uuidString)"
    ).path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  /// Two runs racing to one new path: the one that finishes second fails, the first's file
  /// stays, and no temporary file is left.
  @Test func aFileMadeMeanwhileIsNotReplaced() throws {
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let target = folder + "/report.xlsx"
    let output = OutputFile(path: target)
    try output.check(inputs: [])
    do {
      try output.produce { temporary in
        try Data("second".utf8).write(to: URL(fileURLWithPath: temporary))
        // The other run finishes first.
        try Data("first".utf8).write(to: URL(fileURLWithPath: target))
      }
      Issue.record("the second run replaced the first's file")
    } catch let error as KPISheetError {
      #expect(error.exitStatus == .cannotCreate)
      #expect(error.english == "\(target): already exists; pass --force to replace it")
    }
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "first")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["report.xlsx"])
  }

  @Test func forceReplacesAFileMadeMeanwhile() throws {
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let target = folder + "/report.xlsx"
    try OutputFile(path: target, force: true).produce { temporary in
      try Data("second".utf8).write(to: URL(fileURLWithPath: temporary))
      try Data("first".utf8).write(to: URL(fileURLWithPath: target))
    }
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "second")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["report.xlsx"])
  }

  /// A failing writer leaves nothing behind.
  @Test func aFailedWriteLeavesNothing() throws {
    struct Refused: Error {}
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    #expect(throws: (any Error).self) {
      try OutputFile(path: folder + "/report.xlsx").produce { _ in throw Refused() }
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [])
  }

  /// A chain of links that ends nowhere names the file to create.
  @Test func aDanglingLinkNamesItsTarget() throws {
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createSymbolicLink(atPath: folder + "/a", withDestinationPath: "b")
    try FileManager.default.createSymbolicLink(
      atPath: folder + "/b", withDestinationPath: folder + "/c.xlsx")
    #expect(try OutputFile(path: folder + "/a").destination() == .file(folder + "/c.xlsx"))
    try OutputFile(path: folder + "/a").write(Data("x".utf8))
    #expect(try String(contentsOfFile: folder + "/c.xlsx", encoding: .utf8) == "x")
  }
}
