import Foundation

/// Prints reports to PDF with LibreOffice headless (report.md, "The PDF to publish"): a whole
/// batch in one `soffice --convert-to pdf` run per processor, since starting LibreOffice is
/// costly and one LibreOffice prints on one processor, each PDF renamed into place only when
/// complete.
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

  /// How many LibreOffice processes print `jobs` workbooks on `processors` processors: one
  /// per processor, each with several workbooks, since one LibreOffice prints on one
  /// processor and starting one costs about as much as printing a few reports.
  static func processCount(jobs: Int, processors: Int) -> Int {
    max(1, min(processors, jobs / 4))
  }

  /// Prints each job's workbook to its PDF path, the batch shared among a few LibreOffice
  /// processes run side by side (`processCount`). A job whose PDF LibreOffice did not make is
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
    // Made before the processes start, which would otherwise race to make it.
    try files.createDirectory(atPath: output, withIntermediateDirectories: true)
    let count = Self.processCount(
      jobs: jobs.count, processors: ProcessInfo.processInfo.activeProcessorCount)
    var runs: [(process: Process, log: URL)] = []
    defer {
      // A run that could not be waited for (a later one failed to start) is stopped.
      for run in runs where run.process.isRunning { run.process.terminate() }
    }
    for group in 0..<count {
      // Workbooks dealt in turn, so each process gets large and small reports alike.
      let mine = stride(from: group, to: inputs.count, by: count).map { inputs[$0] }
      let log = scratch.appendingPathComponent("log-\(group).txt")
      guard files.createFile(atPath: log.path, contents: nil),
        let handle = FileHandle(forWritingAtPath: log.path)
      else {
        throw Failure(file: log.path, detail: "cannot create LibreOffice's log")
      }
      defer { try? handle.close() }
      let process = Process()
      process.executableURL = URL(fileURLWithPath: soffice)
      // A profile of its own, so a running LibreOffice of the user's (or another of this
      // batch) neither blocks nor changes this one.
      process.arguments =
        [
          "--headless", "--norestore", "--nologo",
          "-env:UserInstallation=\(scratch.appendingPathComponent("profile-\(group)").absoluteString)",
          "--convert-to", "pdf", "--outdir", output,
        ] + mine
      process.standardOutput = handle
      process.standardError = handle
      process.standardInput = FileHandle.nullDevice
      try process.run()
      runs.append((process, log))
    }
    for run in runs { run.process.waitUntilExit() }
    var failures: [Failure] = []
    for (index, job) in jobs.enumerated() {
      let made = "\(output)/\(index).pdf"
      guard let head = files.contents(atPath: made)?.prefix(5),
        head.elementsEqual(Data("%PDF-".utf8))
      else {
        let run = runs[index % count]
        let said = (try? String(contentsOf: run.log, encoding: .utf8)) ?? ""
        let detail = said.split(separator: "\n").last.map(String.init) ?? ""
        failures.append(
          Failure(
            file: job.workbook,
            detail: "LibreOffice made no PDF (exit \(run.process.terminationStatus))"
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
