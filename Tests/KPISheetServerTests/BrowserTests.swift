import Foundation
import Testing

/// The page in a real browser: Tests/Browser/page_test.py drives headless Chromium through
/// `kpisheet serve` (uploads, shown problems, downloads, keyboard, 200 % zoom). Skipped when
/// Chromium, its driver, selenium or openpyxl is missing (Scripts/setup installs them).
struct BrowserTests {
  static let script = ServerProcess.packageRoot.appendingPathComponent("Tests/Browser/page_test.py")
    .path

  static let isAvailable: Bool = {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium"),
      FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")
    else { return false }
    let probe = Process()
    probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    probe.arguments = ["python3", "-c", "import selenium, openpyxl"]
    probe.standardOutput = FileHandle.nullDevice
    probe.standardError = FileHandle.nullDevice
    guard (try? probe.run()) != nil else { return false }
    probe.waitUntilExit()
    return probe.terminationStatus == 0
  }()

  @Test(
    .enabled(
      if: isAvailable,
      "needs /usr/bin/chromium, /usr/bin/chromedriver, selenium and openpyxl (Scripts/setup)"),
    .timeLimit(.minutes(10)))
  func pageInChromium() throws {
    let screenshots =
      ProcessInfo.processInfo.environment["KPISHEET_SCREENSHOTS"]
      ?? FileManager.default.temporaryDirectory.appendingPathComponent("kpisheet-browser").path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", Self.script, "--binary", ServerProcess.binary, "--out", screenshots,
    ]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(text)")
    #expect(text.contains(" passed, 0 failed"), "\(text)")
  }
}
