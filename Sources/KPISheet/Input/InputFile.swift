import Foundation
import TemporaryFiles

/// An input named on the command line, ready for the reader: a path it can seek in.
///
/// `-` is standard input, copied to a temporary file first because a zip is read from its
/// end (the central directory) and standard input cannot seek.
public final class InputFile {
  /// The name used in messages: the path as given, or `<stdin>`.
  public let displayName: String
  /// A readable, seekable file.
  public let path: String
  /// The copy of standard input, removed with this value.
  private let temporary: String?

  /// The most bytes read from standard input (a workbook from a pipe larger than this is
  /// refused rather than filling the disk).
  public static let maxStandardInputBytes = 2 << 30

  public init(_ argument: String) throws {
    if argument == "-" {
      displayName = "<stdin>"
      let folder = FileManager.default.temporaryDirectory.path
      // Listed in the registry so that an interrupted run removes it (see SignalCleanup).
      guard
        let copy = try? TemporaryFileRegistry.shared.create(
          in: folder, prefix: "kpisheet-stdin-", suffix: ".xlsx")
      else {
        throw Self.cannotCreate(in: folder)
      }
      temporary = copy
      path = copy
      try Self.copyStandardInput(to: copy, in: folder)
    } else {
      displayName = argument
      temporary = nil
      path = argument
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
        throw KPISheetError(
          .noInput, "\(argument): no such file", japanese: "\(argument): ファイルがありません")
      }
      if isDirectory.boolValue {
        throw KPISheetError(
          .noInput, "\(argument): is a folder, not a workbook",
          japanese: "\(argument): フォルダーで、ブックではありません")
      }
      guard FileManager.default.isReadableFile(atPath: argument) else {
        throw KPISheetError(
          .noInput, "\(argument): cannot be read (permission denied)",
          japanese: "\(argument): 読み込めません（アクセス権がありません）")
      }
    }
  }

  /// A file already on disk under a name of its own: an upload the server saved as `path`,
  /// named `displayName` in every message (so that no message shows the server's folders).
  public init(path: String, displayName: String) {
    self.displayName = displayName
    self.path = path
    temporary = nil
  }

  deinit {
    if let temporary { TemporaryFileRegistry.shared.remove(temporary) }
  }

  private static func cannotCreate(in folder: String) -> KPISheetError {
    KPISheetError(
      .cannotCreate, "<stdin>: cannot create a temporary file in \(folder)",
      japanese: "<stdin>: \(folder) に一時ファイルを作成できません")
  }

  /// Copies standard input into the listed file `path`, opened without `O_CREAT`: if the
  /// signal cleanup has removed it meanwhile, it is not made again.
  private static func copyStandardInput(to path: String, in folder: String) throws {
    guard let output = FileHandle(forWritingAtPath: path) else {
      throw cannotCreate(in: folder)
    }
    defer { try? output.close() }
    var total = 0
    while let chunk = try FileHandle.standardInput.read(upToCount: 1 << 20), !chunk.isEmpty {
      total += chunk.count
      if total > maxStandardInputBytes {
        throw KPISheetError(
          .dataError, "<stdin>: more than \(maxStandardInputBytes) bytes on standard input",
          japanese: "<stdin>: 標準入力が \(maxStandardInputBytes) バイトを超えています")
      }
      try output.write(contentsOf: chunk)
    }
  }
}
