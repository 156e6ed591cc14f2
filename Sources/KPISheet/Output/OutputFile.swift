import Foundation

/// Writes an output file safely: to a temporary file in the same folder, renamed into place
/// only once complete, so a failure never leaves a partial file; never over an input, never
/// over an existing file unless forced. `-` is standard output.
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
    let temporary = target.deletingLastPathComponent()
      .appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
    do {
      try data.write(to: temporary)
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      let reason = error.localizedDescription
      throw KPISheetError(
        .cannotCreate, "\(path): cannot be written (\(reason))",
        japanese: "\(path): 書き込めません（\(reason)）")
    }
    // rename(2) replaces the target atomically; Foundation's replaceItemAt on Linux can
    // remove the old file and then fail.
    guard rename(temporary.path, target.path) == 0 else {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: temporary)
      throw KPISheetError(
        .cannotCreate, "\(path): cannot be written (\(reason))",
        japanese: "\(path): 書き込めません（\(reason)）")
    }
  }
}
