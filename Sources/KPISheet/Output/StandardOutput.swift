import KPIModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Standard output written with `write(2)`, every failure an error (exit 74) instead of
/// Foundation's `FileHandle.write`, which traps on a full disk or a closed descriptor.
///
/// Call ``prepare()`` first thing in `main`: it ignores `SIGPIPE`, so that a reader that went
/// away is an `EPIPE` error and not a silent death, and it puts `/dev/null` on standard
/// descriptors the shell closed (`>&-`), so that no file the run opens takes their number
/// and receives what was meant for the terminal.
public enum StandardOutput {
  /// Whether descriptor 1 was closed when the process started.
  private static let closedAtStart: Bool = {
    _ = signal(SIGPIPE, SIG_IGN)
    var stdoutClosed = false
    // open(2) returns the lowest free number: going up, that is the closed one itself.
    for descriptor: Int32 in 0...2 where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
      _ = open("/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY)
      if descriptor == 1 { stdoutClosed = true }
    }
    return stdoutClosed
  }()

  /// Sets up the process as described above; call it before any file is opened.
  public static func prepare() {
    _ = closedAtStart
  }

  /// Writes all of `bytes` to `descriptor`, retrying short writes and `EINTR`.
  ///
  /// - Returns: nil, or the `errno` of the write that failed.
  static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
    if descriptor == 1 && closedAtStart { return EBADF }
    guard var base = bytes.baseAddress else { return nil }
    var left = bytes.count
    while left > 0 {
      let written = Glibc.write(descriptor, base, left)
      if written < 0 {
        if errno == EINTR { continue }
        return errno
      }
      base += written
      left -= written
    }
    return nil
  }

  /// Writes `bytes` to standard output.
  ///
  /// - Throws: `StandardOutputError` (exit 74).
  public static func write(_ bytes: [UInt8]) throws(StandardOutputError) {
    let failure = bytes.withUnsafeBytes { writeAll($0, to: 1) }
    if let failure { throw StandardOutputError(code: failure) }
  }

  /// Copies the file at `path` to standard output in blocks.
  ///
  /// - Throws: `StandardOutputError` when standard output refuses (exit 74), `KPISheetError`
  ///   when the file cannot be read.
  public static func copy(file path: String) throws {
    try copy(file: path, to: 1) { StandardOutputError(code: $0) }
  }

  /// Copies the file at `path` to `descriptor`, turning a failed write into `failure(errno)`.
  static func copy(file path: String, to descriptor: Int32, failure: (Int32) -> any Error)
    throws
  {
    let input = open(path, O_RDONLY | O_CLOEXEC)
    guard input >= 0 else {
      let reason = String(cString: strerror(errno))
      throw KPISheetError(
        .cannotCreate, "\(path): cannot be read back (\(reason))",
        japanese: "\(path): 読み戻せません（\(reason)）")
    }
    defer { close(input) }
    var block = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = block.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        let reason = String(cString: strerror(errno))
        throw KPISheetError(
          .cannotCreate, "\(path): cannot be read back (\(reason))",
          japanese: "\(path): 読み戻せません（\(reason)）")
      }
      if count == 0 { return }
      let code = block.withUnsafeBytes {
        writeAll(UnsafeRawBufferPointer(rebasing: $0.prefix(count)), to: descriptor)
      }
      if let code { throw failure(code) }
    }
  }
}

/// Standard output could not be written: full (`ENOSPC`), closed (`EBADF`), or a reader that
/// went away (`EPIPE`), which ends quietly.
public struct StandardOutputError: ReportableError {
  /// The `errno` of the failed write.
  public var code: Int32

  public init(code: Int32) {
    self.code = code
  }

  public var exitStatus: ExitStatus { .outputFailed }

  /// A broken pipe is the reader's choice (`| head`): no message.
  public var isQuiet: Bool { code == EPIPE }

  public func message(in language: DiagnosticLanguage) -> String {
    let reason = String(cString: strerror(code))
    return language == .japanese
      ? "標準出力に書き込めません（\(reason)）" : "cannot write to standard output (\(reason))"
  }
}
