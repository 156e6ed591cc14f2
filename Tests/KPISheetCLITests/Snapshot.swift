import Foundation
import Testing

/// Whole outputs compared with the files under `Tests/KPISheetCLITests/Snapshots/`.
///
/// A snapshot is the exact text a command printed, with the parts that differ from machine
/// to machine replaced by placeholders: the package's folder by `<package>`, a test's
/// scratch folder by `<scratch>`, a run's duration by `<seconds>`. A change in any other
/// byte fails the test. After a deliberate change of output, rerun the tests with
/// `KPISHEET_RECORD_SNAPSHOTS=1` to write the new snapshots (each recorded one is reported
/// as an issue, so a recording run never passes by accident), and review the diff.
enum Snapshot {
  static let folder = Command.packageRoot.appendingPathComponent("Tests/KPISheetCLITests/Snapshots")

  static var isRecording: Bool {
    ProcessInfo.processInfo.environment["KPISHEET_RECORD_SNAPSHOTS"] == "1"
  }

  /// `text` with machine-specific paths and durations replaced by placeholders.
  static func normalised(_ text: String, scratch: URL? = nil) -> String {
    var text = text
    if let scratch {
      // The temporary folder may be reached through a symbolic link (/tmp on macOS).
      for path in [scratch.path, scratch.resolvingSymlinksInPath().path] {
        text = text.replacingOccurrences(of: path, with: "<scratch>")
      }
    }
    text = text.replacingOccurrences(of: Command.packageRoot.path, with: "<package>")
    // "… failed in 0.4 s" (English), "… 0.4 秒" (Japanese) and the summary's "seconds".
    text = text.replacingOccurrences(
      of: #" in [0-9]+(\.[0-9]+)? s\b"#, with: " in <seconds> s", options: .regularExpression)
    text = text.replacingOccurrences(
      of: #"[0-9]+(\.[0-9]+)? 秒"#, with: "<seconds> 秒", options: .regularExpression)
    text = text.replacingOccurrences(
      of: #""seconds": ?[0-9]+(\.[0-9]+)?"#, with: #""seconds": <seconds>"#,
      options: .regularExpression)
    return text
  }

  /// Expects `actual`, normalised, to be the snapshot `name` byte for byte.
  static func expect(
    _ actual: String, matches name: String, scratch: URL? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let text = normalised(actual, scratch: scratch)
    let file = folder.appendingPathComponent(name)
    if isRecording {
      do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        Issue.record("recorded snapshot \(name); rerun without KPISHEET_RECORD_SNAPSHOTS")
      } catch {
        Issue.record("cannot record snapshot \(name): \(error)", sourceLocation: sourceLocation)
      }
      return
    }
    guard let data = FileManager.default.contents(atPath: file.path) else {
      Issue.record(
        "no snapshot \(name); run with KPISHEET_RECORD_SNAPSHOTS=1 to record it:\n\(text)",
        sourceLocation: sourceLocation)
      return
    }
    let expected = String(decoding: data, as: UTF8.self)
    #expect(text == expected, "snapshot \(name) differs", sourceLocation: sourceLocation)
  }

  /// Expects a command's exit status, standard output and standard error together to be the
  /// snapshot `name` (one file, the three in sections, so a change in any shows in one diff).
  static func expect(
    _ command: Command, matches name: String, scratch: URL? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let whole = """
      exit: \(command.status)
      --- stdout
      \(command.stdoutText)--- stderr
      \(command.stderr)
      """
    expect(whole, matches: name, scratch: scratch, sourceLocation: sourceLocation)
  }
}
