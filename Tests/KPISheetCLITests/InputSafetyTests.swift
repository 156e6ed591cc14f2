import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Inputs are never written: an output equal to an input is refused, with or without
/// --force, and every command opens its inputs read-only.
@Suite struct InputSafetyTests {
  static func sample(_ name: String) -> String { ExtractCommandTests.sample(name) }

  /// The bytes and modification time of a file, to show it was not touched.
  static func fingerprint(_ path: String) throws -> (Data, Date?) {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (
      try Data(contentsOf: URL(fileURLWithPath: path)), attributes[.modificationDate] as? Date
    )
  }

  @Test func anOutputThatIsAnInputIsRefusedEvenWithForce() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("dept.xlsx").path
    try FileManager.default.copyItem(atPath: Self.sample("dept-flat.xlsx"), toPath: input)
    let link = folder.appendingPathComponent("link.xlsx").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: input)
    let before = try Self.fingerprint(input)

    for arguments in [
      ["convert", input, "-o", input, "--force"],
      ["convert", input, "-o", link, "--force"],
      [
        "convert", Self.sample("dept-wide.xlsx"), input, "-o", "\(folder.path)/./dept.xlsx",
        "--force",
      ],
      ["extract", input, "-o", input, "--force"],
      ["extract", input, "--format", "csv", "-o", link, "--force"],
    ] {
      let result = try Command.run(arguments)
      #expect(result.status == 73, "\(arguments): \(result.stderr)")
      let output = arguments.firstIndex(of: "-o").map { arguments[$0 + 1] } ?? ""
      #expect(
        result.stderrLines == ["\(output): is also an input; choose another output file"],
        "\(arguments)")
    }
    // A batch into the inputs' own folder: that input fails alone.
    let other = folder.appendingPathComponent("other.json").path
    try FileManager.default.copyItem(atPath: Self.sample("dept-flat.expected.json"), toPath: other)
    let batch = try Command.run(["convert", input, other, "--out-dir", folder.path, "--force"])
    #expect(batch.status == 73, "\(batch.stderr)")
    Snapshot.expect(
      BatchCommandTests.sortedLines(batch, scratch: folder), matches: "batch-output-is-input.txt",
      scratch: folder)
    #expect(
      FileManager.default.fileExists(atPath: folder.appendingPathComponent("other.xlsx").path))

    let after = try Self.fingerprint(input)
    #expect(after.0 == before.0)
    #expect(after.1 == before.1)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
        "dept.xlsx", "link.xlsx", "other.json", "other.xlsx",
      ])
  }

  /// Read-only inputs work with every command. As root, permissions do not stop a write, so
  /// the inputs are also made immutable (chattr +i) where the file system allows it.
  @Test func everyCommandReadsInputsThatCannotBeWritten() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    let inputs = folder.appendingPathComponent("in")
    try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
    var paths: [String] = []
    for name in ["sanyo-onoda.xlsx", "dept-wide.xlsx", "sanyo-onoda.expected.json"] {
      let path = inputs.appendingPathComponent(name).path
      try FileManager.default.copyItem(atPath: Self.sample(name), toPath: path)
      try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
      paths.append(path)
    }
    var immutable = false
    if geteuid() == 0 {
      immutable = (try? Command.runProcess("/usr/bin/env", ["chattr", "+i"] + paths))?.status == 0
    }
    defer {
      if immutable { _ = try? Command.runProcess("/usr/bin/env", ["chattr", "-i"] + paths) }
      try? FileManager.default.removeItem(at: folder)
    }
    let before = try paths.map(Self.fingerprint)
    let out = folder.appendingPathComponent("out").path

    for arguments in [
      ["extract", paths[0]],
      ["extract", paths[1], "--format", "csv"],
      ["validate"] + paths,
      ["cells", paths[0]],
      ["convert", paths[0], paths[1], "-o", folder.appendingPathComponent("r.xlsx").path],
      ["convert", inputs.path, "--out-dir", out, "--jobs", "2"],
    ] {
      let result = try Command.run(arguments)
      #expect(result.status == 0, "\(arguments): \(result.stderr)")
    }
    let after = try paths.map(Self.fingerprint)
    #expect(after.map(\.0) == before.map(\.0))
    #expect(after.map(\.1) == before.map(\.1))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: out).sorted() == [
        "dept-wide.xlsx", "sanyo-onoda.expected.xlsx", "sanyo-onoda.xlsx",
      ])
  }
}
