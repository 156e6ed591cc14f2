import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Every command that writes standard output, with standard output full, closed or a pipe
/// nobody reads: exit 74, one message (none for the broken pipe), no crash, nothing left in
/// the temporary folder. And outputs that are not plain new files: devices, links, folders.
@Suite struct OutputSafetyTests {
  static func sample(_ name: String) -> String { ExtractCommandTests.sample(name) }

  /// How standard output is broken.
  enum Breakage: String, CaseIterable, CustomTestStringConvertible {
    case full, closed, brokenPipe
    var testDescription: String { rawValue }
  }

  /// Runs `kpisheet ARGS` under python3 with standard output broken as `breakage` says; the
  /// child gets `SIGPIPE` at its default, as from a shell.
  static func run(_ arguments: [String], _ breakage: Breakage, temporary: URL) throws -> Command {
    let script = """
      import os, subprocess, sys
      mode, command = sys.argv[1], sys.argv[2:]
      out, closer = None, None
      if mode == "full":
          out = os.open("/dev/full", os.O_WRONLY)
      elif mode == "brokenPipe":
          reader, out = os.pipe()
          os.close(reader)
      else:
          closer = lambda: os.close(1)
      result = subprocess.run(command, stdout=out, stderr=subprocess.PIPE, preexec_fn=closer)
      sys.stderr.buffer.write(result.stderr)
      print(result.returncode)
      """
    let result = try Command.runProcess(
      "/usr/bin/env",
      ["python3", "-c", script, breakage.rawValue, Command.binary.path] + arguments,
      environment: ["TMPDIR": temporary.path])
    let status = Int32(result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    return Command(status: status, stdout: Data(), stderr: result.stderr)
  }

  static let standardOutputCommands: [[String]] = [
    ["convert", sample("dept-flat.xlsx"), "-o", "-", "-q"],
    ["extract", sample("dept-flat.xlsx")],
    ["extract", sample("dept-flat.xlsx"), "--format", "csv"],
    ["validate", sample("dept-flat.xlsx")],
    ["validate", sample("dept-flat.xlsx"), "--format", "json"],
    ["cells", sample("dept-flat.xlsx")],
    ["cells", sample("dept-flat.xlsx"), "--format", "csv"],
    ["template", "-o", "-"],
    ["convert", sample("dept-flat.xlsx"), "--out-dir", "OUT", "--summary-json", "-", "-q"],
  ]

  @Test(arguments: standardOutputCommands, Breakage.allCases)
  func aStandardOutputThatFailsEndsWith74(arguments: [String], breakage: Breakage) throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let temporary = folder.appendingPathComponent("tmp")
    try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
    let arguments = arguments.map { $0 == "OUT" ? folder.appendingPathComponent("out").path : $0 }
    let result = try Self.run(arguments, breakage, temporary: temporary)
    #expect(result.status == 74, "\(arguments): \(result.stderr)")
    let expected: String? =
      switch breakage {
      case .full: "cannot write to standard output (No space left on device)"
      case .closed: "cannot write to standard output (Bad file descriptor)"
      case .brokenPipe: nil
      }
    if let expected {
      #expect(result.stderrLines.last == expected, "\(arguments)")
      #expect(result.stderrLines.filter { $0 == expected }.count == 1, "\(arguments)")
    } else {
      #expect(!result.stderr.contains("standard output"), "\(arguments): \(result.stderr)")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path) == [])
  }

  /// `template -o -` writes the workbook itself to standard output, not a file named `-`.
  @Test func templateToStandardOutputWritesTheWorkbook() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try Command.runProcess(
      "/bin/sh", ["-c", "cd '\(folder.path)' && exec '\(Command.binary.path)' template -o -"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
  }

  /// A device is written through and stays a device; a link to one stays a link, even with
  /// --force.
  @Test func devicesAndLinksToThemAreWrittenThrough() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let link = folder.appendingPathComponent("stdout-link").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/proc/self/fd/1")
    for output in ["/dev/null", link] {
      for arguments in [
        ["convert", Self.sample("dept-flat.xlsx"), "-q", "--force", "-o", output],
        ["extract", Self.sample("dept-flat.xlsx"), "--force", "-o", output],
        ["template", "--force", "-o", output],
      ] {
        let result = try Command.run(arguments)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        if output == link {
          #expect(result.stdout.count > 100, "\(arguments)")
        }
      }
    }
    let attributes = try FileManager.default.attributesOfItem(atPath: link)
    #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink)
    var status = stat()
    #expect(stat("/dev/null", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
  }

  /// A link to a file writes that file and stays a link; a folder is refused.
  @Test func linksAreFollowedAndFoldersRefused() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let link = folder.appendingPathComponent("report.xlsx").path
    let real = folder.appendingPathComponent("real.xlsx").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.xlsx")
    let first = try Command.run(["convert", Self.sample("dept-flat.xlsx"), "-q", "-o", link])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(FileManager.default.fileExists(atPath: real))
    let again = try Command.run(["convert", Self.sample("dept-flat.xlsx"), "-q", "-o", link])
    #expect(again.status == 73)
    #expect(again.stderrLines == ["\(link): already exists; pass --force to replace it"])
    let forced = try Command.run(
      ["convert", Self.sample("dept-flat.xlsx"), "-q", "-o", link, "--force"])
    #expect(forced.status == 0, "\(forced.stderr)")
    let attributes = try FileManager.default.attributesOfItem(atPath: link)
    #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink)
    for arguments in [
      ["convert", Self.sample("dept-flat.xlsx"), "-q", "--force", "-o", folder.path],
      ["extract", Self.sample("dept-flat.xlsx"), "--force", "-o", folder.path],
      ["template", "--force", "-o", folder.path],
    ] {
      let result = try Command.run(arguments)
      #expect(result.status == 73, "\(arguments)")
      #expect(result.stderrLines == ["\(folder.path): is a folder"], "\(arguments)")
    }
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
        "real.xlsx", "report.xlsx",
      ])
  }

  /// --summary-json replaces an existing file only with --force.
  @Test func theBatchSummaryReplacesAFileOnlyWithForce() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let summary = folder.appendingPathComponent("notes.txt").path
    try Data("keep me\n".utf8).write(to: URL(fileURLWithPath: summary))
    let out = folder.appendingPathComponent("out").path
    let refused = try Command.run([
      "convert", Self.sample("dept-flat.xlsx"), "--out-dir", out, "--summary-json", summary, "-q",
    ])
    #expect(refused.status == 73)
    #expect(refused.stderrLines == ["\(summary): already exists; pass --force to replace it"])
    #expect(try String(contentsOfFile: summary, encoding: .utf8) == "keep me\n")
    let forced = try Command.run([
      "convert", Self.sample("dept-flat.xlsx"), "--out-dir", out, "--summary-json", summary, "-q",
      "--force",
    ])
    #expect(forced.status == 0, "\(forced.stderr)")
    #expect(try String(contentsOfFile: summary, encoding: .utf8).hasPrefix("{"))
  }
}
