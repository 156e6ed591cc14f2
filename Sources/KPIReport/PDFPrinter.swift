import Foundation

/// Prints reports to PDF with LibreOffice headless (report.md, "The PDF to publish"): one
/// `soffice --convert-to pdf` run for a whole batch, since starting LibreOffice is the cost,
/// each PDF renamed into place only when complete.
public struct PDFPrinter: Sendable {
  /// The `soffice` program.
  public let soffice: String

  public init(soffice: String) {
    self.soffice = soffice
  }

  /// `explicit` when given and executable, else `soffice` found on `PATH`; nil when neither.
  public static func find(_ explicit: String? = nil, path: String? = nil) -> String? {
    let files = FileManager.default
    if let explicit {
      return files.isExecutableFile(atPath: explicit) ? explicit : nil
    }
    let searched = path ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in searched.split(separator: ":") where !folder.isEmpty {
      let candidate = "\(folder)/soffice"
      if files.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// What to install when `soffice` is missing.
  public static let installHint =
    "LibreOffice is needed for --pdf: install it (Debian: apt-get install libreoffice-calc-nogui fonts-noto-cjk fonts-crosextra-carlito) or give --soffice PATH"
  public static let japaneseInstallHint =
    "--pdf には LibreOffice が必要です。インストールするか（Debian: apt-get install libreoffice-calc-nogui fonts-noto-cjk fonts-crosextra-carlito）、--soffice でパスを指定してください"

  /// A print that failed: the workbook and what LibreOffice said.
  public struct Failure: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var detail: String
    public var description: String { "\(file): \(detail)" }
  }

  /// Prints each job's workbook to its PDF path. A job whose PDF LibreOffice did not make is
  /// returned as a failure; no partial PDF is left at any destination.
  public func print(_ jobs: [(workbook: String, pdf: String)]) throws -> [Failure] {
    guard !jobs.isEmpty else { return [] }
    let files = FileManager.default
    let scratch = files.temporaryDirectory
      .appendingPathComponent("kpisheet-pdf-\(UUID().uuidString)")
    try files.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? files.removeItem(at: scratch) }
    // LibreOffice names each PDF after its input: inputs get distinct names.
    var inputs: [String] = []
    for (index, job) in jobs.enumerated() {
      let input = scratch.appendingPathComponent("\(index).xlsx").path
      try files.copyItem(atPath: job.workbook, toPath: input)
      inputs.append(input)
    }
    let output = scratch.appendingPathComponent("out").path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: soffice)
    // A profile of its own, so a running LibreOffice of the user's neither blocks nor
    // changes this one.
    process.arguments =
      [
        "--headless", "--norestore", "--nologo",
        "-env:UserInstallation=\(scratch.appendingPathComponent("profile").absoluteString)",
        "--convert-to", "pdf", "--outdir", output,
      ] + inputs
    let log = Pipe()
    process.standardOutput = log
    process.standardError = log
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let said = String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    var failures: [Failure] = []
    for (index, job) in jobs.enumerated() {
      let made = "\(output)/\(index).pdf"
      guard let head = files.contents(atPath: made)?.prefix(5),
        head.elementsEqual(Data("%PDF-".utf8))
      else {
        let detail = said.split(separator: "\n").last.map(String.init) ?? ""
        failures.append(
          Failure(
            file: job.workbook,
            detail: "LibreOffice made no PDF (exit \(process.terminationStatus))"
              + (detail.isEmpty ? "" : ": \(detail)")))
        continue
      }
      // Copied beside the destination, then renamed over it: never a partial PDF.
      let destination = URL(fileURLWithPath: job.pdf)
      let temporary = destination.deletingLastPathComponent()
        .appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString).tmp")
      do {
        try files.copyItem(atPath: made, toPath: temporary.path)
        if rename(temporary.path, destination.path) != 0 {
          throw Failure(file: job.pdf, detail: String(cString: strerror(errno)))
        }
      } catch {
        try? files.removeItem(at: temporary)
        failures.append(Failure(file: job.pdf, detail: "\(error)"))
      }
    }
    return failures
  }
}
