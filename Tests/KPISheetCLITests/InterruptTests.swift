import Foundation
import Testing
import XLSXReader

#if canImport(Glibc)
  import Glibc
#endif

/// SIGINT, SIGTERM and SIGHUP in the middle of a run: no partial report and no temporary file
/// is left, completed reports stay, and the process ends by the signal.
///
/// Timing on a shared machine is unpredictable, so these tests wait generously and assert only
/// outcomes, never durations.
@Suite struct InterruptTests {
  /// `DIR/dept-001.xlsx` … copies of the seed sample.
  static func inputs(_ count: Int, in folder: URL) throws -> URL {
    let inputs = folder.appendingPathComponent("in")
    try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
    for index in 1...count {
      try FileManager.default.copyItem(
        atPath: ExtractCommandTests.sample("sanyo-onoda.xlsx"),
        toPath: inputs.appendingPathComponent(String(format: "dept-%03d.xlsx", index)).path)
    }
    return inputs
  }

  /// Everything in `folder`, hidden files included.
  static func names(in folder: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
  }

  static func isReportName(_ name: String) -> Bool {
    name.hasPrefix("dept-") && name.hasSuffix(".xlsx") && name.count == "dept-000.xlsx".count
  }

  /// Opens a report with the project's reader and reads every row of every sheet: a partial
  /// file fails (its zip directory, at the end, is missing).
  static func readsWhole(_ path: String) throws -> [String] {
    let workbook = try XLSXWorkbook(path: path)
    for sheet in workbook.sheets where sheet.kind == .worksheet {
      _ = try workbook.forEachRow(in: sheet) { _ in }
    }
    return workbook.sheets.map(\.name)
  }

  @Test(arguments: [SIGINT, SIGTERM])
  func aSignalMidBatchLeavesOnlyCompleteReports(signal: Int32) throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let inputs = try Self.inputs(200, in: folder)
    let out = folder.appendingPathComponent("out")
    let temporary = folder.appendingPathComponent("tmp")
    try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)

    let run = try RunningCommand(
      [
        "convert", inputs.path, "--out-dir", out.path, "--jobs", "2",
        "--created", "2024-04-01T00:00:00Z",
      ], environment: ["TMPDIR": temporary.path], errors: folder.appendingPathComponent("err"))
    let started = RunningCommand.eventually(seconds: 600) {
      Self.names(in: out).filter(Self.isReportName).count >= 2 || !run.isRunning
    }
    run.send(signal)
    let ended = run.waitForExit(seconds: 300)
    try #require(started && ended, "the batch did not start or did not stop: \(run.errors)")

    #expect(run.terminationReason == .uncaughtSignal, "\(run.errors)")
    #expect(run.terminationStatus == signal, "\(run.errors)")
    let left = Self.names(in: out)
    #expect(
      left.allSatisfy(Self.isReportName), "stray files: \(left.filter { !Self.isReportName($0) })")
    #expect(left.count >= 2, "completed reports stay")
    for name in left where Self.isReportName(name) {
      let sheets = try Self.readsWhole(out.appendingPathComponent(name).path)
      #expect(sheets.starts(with: ["効果検証", "KPI推移", "集計", "データ"]), "\(name): \(sheets)")
    }
    #expect(Self.names(in: temporary).isEmpty, "left in TMPDIR: \(Self.names(in: temporary))")
    #expect(Self.names(in: inputs).count == 200)
  }

  @Test func aSignalWhileStandardInputIsCopiedRemovesTheCopy() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("out")
    let temporary = folder.appendingPathComponent("tmp")
    for made in [out, temporary] {
      try FileManager.default.createDirectory(at: made, withIntermediateDirectories: true)
    }
    let run = try RunningCommand(
      ["convert", "-", "-o", out.appendingPathComponent("r.xlsx").path],
      environment: ["TMPDIR": temporary.path], errors: folder.appendingPathComponent("err"))
    // Half a workbook, and standard input left open: the command waits, blocked in read(2).
    let sample = try Data(
      contentsOf: URL(fileURLWithPath: ExtractCommandTests.sample("sanyo-onoda.xlsx")))
    try run.input.fileHandleForWriting.write(contentsOf: sample.prefix(sample.count / 2))
    let copying = RunningCommand.eventually(seconds: 300) {
      Self.names(in: temporary).contains { $0.hasPrefix("kpisheet-stdin-") } || !run.isRunning
    }
    run.send(SIGTERM)
    let ended = run.waitForExit(seconds: 300)
    try #require(copying && ended, "\(run.errors)")

    #expect(run.terminationReason == .uncaughtSignal, "\(run.errors)")
    #expect(run.terminationStatus == SIGTERM)
    #expect(Self.names(in: temporary).isEmpty, "\(Self.names(in: temporary))")
    #expect(Self.names(in: out).isEmpty)
  }

  /// `nohup` and the background jobs of a non-interactive shell start with SIGHUP or SIGINT
  /// ignored: they must stay ignored.
  @Test func aSignalIgnoredAtStartStaysIgnored() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let inputs = try Self.inputs(6, in: folder)
    let out = folder.appendingPathComponent("out")
    let run = try RunningCommand(
      ["convert", inputs.path, "--out-dir", out.path, "--jobs", "1"],
      ignoring: "HUP", errors: folder.appendingPathComponent("err"))
    let started = RunningCommand.eventually(seconds: 600) {
      !Self.names(in: out).filter(Self.isReportName).isEmpty || !run.isRunning
    }
    run.send(SIGHUP)
    let ended = run.waitForExit(seconds: 600)
    try #require(started && ended, "\(run.errors)")

    #expect(run.terminationReason == .exit, "\(run.errors)")
    #expect(run.terminationStatus == 0, "\(run.errors)")
    #expect(Self.names(in: out).count == 6)
  }
}

/// A `kpisheet` run left going, to be signalled midway. Standard input stays open until the
/// run is over; standard error goes to a file (a pipe nobody reads could fill and block it).
final class RunningCommand {
  private let process = Process()
  let input = Pipe()
  private let errorFile: URL

  /// Starts `kpisheet ARGS`; with `ignoring` (a signal name such as `HUP`), through a shell
  /// that ignores that signal first, as `nohup` does.
  init(
    _ arguments: [String], environment: [String: String] = [:], ignoring: String? = nil,
    errors: URL
  ) throws {
    if let ignoring {
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments =
        ["-c", "trap '' \(ignoring); exec \"$0\" \"$@\"", Command.binary.path] + arguments
    } else {
      process.executableURL = Command.binary
      process.arguments = arguments
    }
    var variables = ProcessInfo.processInfo.environment
    variables["LANG"] = "C.UTF-8"
    for (key, value) in environment { variables[key] = value }
    process.environment = variables
    errorFile = errors
    try Data().write(to: errors)
    process.standardError = try FileHandle(forWritingTo: errors)
    process.standardOutput = FileHandle.nullDevice
    process.standardInput = input
    try process.run()
  }

  deinit {
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
    try? input.fileHandleForWriting.close()
  }

  var isRunning: Bool { process.isRunning }
  var terminationReason: Process.TerminationReason { process.terminationReason }
  var terminationStatus: Int32 { process.terminationStatus }
  var errors: String { (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "" }

  func send(_ signal: Int32) {
    if process.isRunning { kill(process.processIdentifier, signal) }
  }

  /// Waits for the run to end, for at most `seconds`; then kills it and returns false.
  func waitForExit(seconds: Double) -> Bool {
    let ended = Self.eventually(seconds: seconds) { !process.isRunning }
    if !ended {
      kill(process.processIdentifier, SIGKILL)
    }
    process.waitUntilExit()
    return ended
  }

  /// Checks `condition` every 20 ms until it holds (true) or `seconds` have passed (false).
  static func eventually(seconds: Double, _ condition: () -> Bool) -> Bool {
    let deadline = Date(timeIntervalSinceNow: seconds)
    while !condition() {
      guard Date() < deadline else { return false }
      usleep(20_000)
    }
    return true
  }
}
