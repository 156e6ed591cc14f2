import Foundation
import KPIModel
import TemporaryFiles

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An output path, written safely whatever it names.
///
/// - `-` is standard output: the output is made in a private temporary folder, then copied
///   out with `write(2)`; a failure there is exit 74 and the folder is removed.
/// - A regular file (or none yet) is made under a temporary name in the same folder and
///   moved into place only once complete, so a failure (or an interruption, under
///   `SignalCleanup`) never leaves a partial file. Without `force` it is moved with `link(2)`,
///   which refuses an existing name: of two runs racing to one new path, the second fails.
/// - A symbolic link is followed to the file it names, which is written as above.
/// - A device or FIFO (`/dev/null`, a named pipe) is written through, never replaced.
/// - A folder is refused; so is any path that is also an input, through links too.
public struct OutputFile: Sendable {
  public var path: String
  public var force: Bool

  public init(path: String, force: Bool = false) {
    self.path = path
    self.force = force
  }

  /// Where the bytes go.
  enum Destination: Equatable {
    case standardOutput
    /// A device or FIFO, opened and written as it is.
    case writeThrough(String)
    /// A regular file, existing or not, at the end of any symbolic links.
    case file(String)
  }

  /// Checks, before any work, that the output can be written (exit 73 otherwise).
  public func check(inputs: [String]) throws {
    guard path != "-" else { return }
    var output = stat()
    if stat(path, &output) == 0 {
      for input in inputs where input != "-" {
        var source = stat()
        if stat(input, &source) == 0, source.st_dev == output.st_dev, source.st_ino == output.st_ino
        {
          throw KPISheetError(
            .cannotCreate, "\(path): is also an input; choose another output file",
            japanese: "\(path): 入力ファイルと同じです。別の出力ファイルを指定してください")
        }
      }
    }
    switch try destination() {
    case .standardOutput, .writeThrough: return
    case .file(let target):
      if access(target, F_OK) == 0 && !force {
        throw exists()
      }
      let folder = Self.folder(of: target)
      guard access(folder, W_OK) == 0 else {
        throw KPISheetError(
          .cannotCreate, "\(path): cannot write in folder \(folder)",
          japanese: "\(path): フォルダー \(folder) に書き込めません")
      }
    }
  }

  /// Writes `data` whole, or nothing.
  public func write(_ data: Data) throws {
    if path == "-" {
      try StandardOutput.write([UInt8](data))
      return
    }
    try produce { temporary in try write(data, into: temporary) }
  }

  /// Writes the JSON `make` gives a writer, streamed out in 64 KiB blocks so that a large
  /// document is never whole in memory; to a file whole or nothing, as `write`.
  public func writeJSON(_ make: (JSONWriter) -> Void) throws {
    if path == "-" {
      try stream(make, to: 1)
      return
    }
    try produce { temporary in
      let descriptor = open(temporary, O_WRONLY | O_TRUNC | O_CLOEXEC)
      guard descriptor >= 0 else { throw cannotBeWritten(String(cString: strerror(errno))) }
      defer { close(descriptor) }
      do {
        try stream(make, to: descriptor)
      } catch let failure as StandardOutputError {
        throw cannotBeWritten(String(cString: strerror(failure.code)))
      }
    }
  }

  private func stream(_ make: (JSONWriter) -> Void, to descriptor: Int32) throws {
    let file = ByteWriter(descriptor: descriptor)
    let json = file.jsonWriter()
    make(json)
    json.flush()
    try file.flush()
  }

  /// Has `make` write the output to a path it is given (a new empty file, which `make` may
  /// replace by renaming over it), then moves or copies the result where this output says.
  /// Nothing is left behind when `make` or the move fails.
  public func produce(_ make: (String) throws -> Void) throws {
    switch try destination() {
    case .standardOutput:
      try throughTemporaryFolder(make) { try StandardOutput.copy(file: $0) }
    case .writeThrough(let device):
      try throughTemporaryFolder(make) { try copy($0, through: device) }
    case .file(let target):
      try place(make, at: target)
    }
  }

  /// What the path names, links followed: `-`, a device or FIFO, or a regular file's path.
  func destination() throws -> Destination {
    guard path != "-" else { return .standardOutput }
    var status = stat()
    if stat(path, &status) == 0 {
      switch status.st_mode & S_IFMT {
      case S_IFDIR:
        throw KPISheetError(.cannotCreate, "\(path): is a folder", japanese: "\(path): フォルダーです")
      case S_IFREG:
        guard let resolved = realpath(path, nil) else { return .file(path) }
        defer { free(resolved) }
        return .file(String(cString: resolved))
      default:
        return .writeThrough(path)
      }
    }
    // Not there: a link may still point at a name to create.
    return .file(Self.danglingTarget(of: path))
  }

  /// The name at the end of a chain of symbolic links that leads nowhere yet (`path` itself
  /// when it is no link).
  static func danglingTarget(of path: String) -> String {
    var current = path
    for _ in 0..<40 {
      var status = stat()
      guard lstat(current, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { break }
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let count = readlink(current, &buffer, buffer.count - 1)
      guard count > 0 else { break }
      let target = String(
        decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
      current = target.hasPrefix("/") ? target : folder(of: current) + "/" + target
    }
    return current
  }

  /// The folder a path's file lives in (`.` for a bare file name).
  static func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let folder = String(path[..<slash])
    return folder.isEmpty ? "/" : folder
  }

  /// Makes the output in a listed temporary folder, hands it to `deliver`, removes the folder.
  private func throughTemporaryFolder(
    _ make: (String) throws -> Void, deliver: (String) throws -> Void
  ) throws {
    // A listed folder, so that an interrupted run removes it with whatever it holds (see
    // SignalCleanup); a listed file would be made again by a writer's rename.
    let registry = TemporaryFileRegistry.shared
    let folder: String
    do {
      folder = try registry.createFolder(
        in: FileManager.default.temporaryDirectory.path, prefix: "kpisheet-output-")
    } catch {
      throw KPISheetError(
        .cannotCreate, "cannot create a temporary folder in \(error.folder): \(error.reason)",
        japanese: "\(error.folder) に一時フォルダーを作成できません（\(error.reason)）")
    }
    defer { registry.remove(folder) }
    let file = folder + "/output"
    guard FileManager.default.createFile(atPath: file, contents: nil) else {
      throw cannotBeWritten("cannot create \(file)")
    }
    try make(file)
    try deliver(file)
  }

  /// Copies the finished output into a device or FIFO, opened without `O_CREAT`.
  private func copy(_ file: String, through device: String) throws {
    let descriptor = open(device, O_WRONLY | O_NOCTTY | O_CLOEXEC)
    guard descriptor >= 0 else { throw cannotBeWritten(String(cString: strerror(errno))) }
    defer { close(descriptor) }
    try StandardOutput.copy(file: file, to: descriptor) { code in
      cannotBeWritten(String(cString: strerror(code)))
    }
  }

  /// Makes the output under a temporary name beside `target`, then moves it there.
  private func place(_ make: (String) throws -> Void, at target: String) throws {
    // Listed in the registry until moved, so that an interrupted run removes it (see
    // SignalCleanup).
    let registry = TemporaryFileRegistry.shared
    let temporary: String
    do {
      temporary = try registry.create(in: Self.folder(of: target), prefix: ".kpisheet-output-")
    } catch {
      throw cannotBeWritten(error.reason)
    }
    do {
      try make(temporary)
      try move(temporary, to: target)
    } catch {
      registry.remove(temporary)
      if error is ReportableError { throw error }
      throw cannotBeWritten(error.localizedDescription)
    }
    registry.forget(temporary)
  }

  /// rename(2) replaces the target atomically (Foundation's replaceItemAt on Linux can remove
  /// the old file and then fail); without `force`, link(2) refuses an existing target, so a
  /// file made meanwhile by another run is never replaced.
  private func move(_ temporary: String, to target: String) throws {
    if force {
      guard rename(temporary, target) == 0 else {
        throw cannotBeWritten(String(cString: strerror(errno)))
      }
      return
    }
    if link(temporary, target) == 0 {
      unlink(temporary)
      return
    }
    let code = errno
    if code == EEXIST { throw exists() }
    // File systems without hard links (FAT, some network shares): check, then rename.
    guard code == EPERM || code == ENOTSUP || code == EOPNOTSUPP || code == ENOSYS,
      access(target, F_OK) != 0
    else {
      throw code == EEXIST ? exists() : cannotBeWritten(String(cString: strerror(code)))
    }
    guard rename(temporary, target) == 0 else {
      throw cannotBeWritten(String(cString: strerror(errno)))
    }
  }

  private func exists() -> KPISheetError {
    KPISheetError(
      .cannotCreate, "\(path): already exists; pass --force to replace it",
      japanese: "\(path): 既にあります。置き換えるには --force を指定してください")
  }

  private func cannotBeWritten(_ reason: String) -> KPISheetError {
    KPISheetError(
      .cannotCreate, "\(path): cannot be written (\(reason))",
      japanese: "\(path): 書き込めません（\(reason)）")
  }

  /// Writes into an existing file, opened without `O_CREAT`: if the signal cleanup has
  /// removed it meanwhile, it is not made again.
  private func write(_ data: Data, into temporary: String) throws {
    let descriptor = open(temporary, O_WRONLY | O_TRUNC | O_CLOEXEC)
    guard descriptor >= 0 else { throw cannotBeWritten(String(cString: strerror(errno))) }
    defer { close(descriptor) }
    let failure = data.withUnsafeBytes { StandardOutput.writeAll($0, to: descriptor) }
    if let failure { throw cannotBeWritten(String(cString: strerror(failure))) }
  }
}
