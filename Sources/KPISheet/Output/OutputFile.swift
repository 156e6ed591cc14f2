import Foundation
import TemporaryFiles

/// Writes an output file safely: to a temporary file in the same folder, renamed into place
/// only once complete, so a failure (or an interruption, under `SignalCleanup`) never leaves a
/// partial file; never over an input, never over an existing file unless forced. `-` is
/// standard output.
public struct OutputFile: Sendable {
  public var path: String
  public var force: Bool

  public init(path: String, force: Bool = false) {
    self.path = path
    self.force = force
  }

  /// Checks, before any work, that the output can be written (exit 73 otherwise).
  public func check(inputs: [String]) throws {
    guard path != "-" else { return }
    let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
    for input in inputs where input != "-" {
      let source = URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath()
      if source.path == target.path {
        throw KPISheetError(
          .cannotCreate, "\(path): is also an input; choose another output file",
          japanese: "\(path): 入力ファイルと同じです。別の出力ファイルを指定してください")
      }
    }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
      if isDirectory.boolValue {
        throw KPISheetError(.cannotCreate, "\(path): is a folder", japanese: "\(path): フォルダーです")
      }
      if !force {
        throw KPISheetError(
          .cannotCreate, "\(path): already exists; pass --force to replace it",
          japanese: "\(path): 既にあります。置き換えるには --force を指定してください")
      }
    }
    let folder = target.deletingLastPathComponent().path
    guard FileManager.default.isWritableFile(atPath: folder) else {
      throw KPISheetError(
        .cannotCreate, "\(path): cannot write in folder \(folder)",
        japanese: "\(path): フォルダー \(folder) に書き込めません")
    }
  }

  /// Writes `data` whole, or nothing.
  public func write(_ data: Data) throws {
    if path == "-" {
      FileHandle.standardOutput.write(data)
      return
    }
    let target = URL(fileURLWithPath: path)
    // Listed in the registry until renamed, so that an interrupted run removes it (see
    // SignalCleanup).
    let registry = TemporaryFileRegistry.shared
    let temporary: String
    do {
      temporary = try registry.create(
        in: target.deletingLastPathComponent().path, prefix: ".kpisheet-output-")
    } catch {
      throw cannotBeWritten(error.reason)
    }
    do {
      try Self.write(data, into: temporary)
    } catch {
      registry.remove(temporary)
      throw cannotBeWritten(error.localizedDescription)
    }
    // rename(2) replaces the target atomically; Foundation's replaceItemAt on Linux can
    // remove the old file and then fail.
    guard rename(temporary, target.path) == 0 else {
      let reason = String(cString: strerror(errno))
      registry.remove(temporary)
      throw cannotBeWritten(reason)
    }
    registry.forget(temporary)
  }

  private func cannotBeWritten(_ reason: String) -> KPISheetError {
    KPISheetError(
      .cannotCreate, "\(path): cannot be written (\(reason))",
      japanese: "\(path): 書き込めません（\(reason)）")
  }

  /// Writes into an existing file, opened without `O_CREAT`: if the signal cleanup has
  /// removed it meanwhile, it is not made again.
  private static func write(_ data: Data, into path: String) throws {
    guard let handle = FileHandle(forWritingAtPath: path) else {
      throw CocoaError(.fileNoSuchFile)
    }
    defer { try? handle.close() }
    try handle.write(contentsOf: data)
  }
}
