import Foundation

/// The inputs named on the command line, with folders opened: what `convert` and `validate`
/// actually read.
///
/// A folder is searched one level deep (its sub-folders are not entered) for `.xlsx`,
/// `.xlsm` and `.json` files, in name order, skipping hidden files and Excel's lock files
/// (`~$…`). Files and `-` pass through as given, in order; an Excel lock file matched by a
/// shell glob is skipped too, since it is never a workbook.
public struct InputList: Sendable, Equatable {
  /// The files to read, in order.
  public var files: [String]
  /// Excel lock files named on the command line (by a glob), left out.
  public var skippedLockFiles: [String]
  /// Folders that hold no file to read.
  public var emptyFolders: [String]

  /// The extensions a folder is searched for (lower case).
  public static let extensions: Set<String> = ["xlsx", "xlsm", "json"]

  public init(_ arguments: [String]) {
    files = []
    skippedLockFiles = []
    emptyFolders = []
    for argument in arguments {
      if argument == "-" {
        files.append(argument)
        continue
      }
      let name = URL(fileURLWithPath: argument).lastPathComponent
      var isDirectory: ObjCBool = false
      let exists = FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory)
      if exists && isDirectory.boolValue {
        let found = Self.search(folder: argument)
        if found.isEmpty { emptyFolders.append(argument) }
        files += found
      } else if name.hasPrefix("~$") {
        skippedLockFiles.append(argument)
      } else {
        files.append(argument)
      }
    }
  }

  /// The files, for a run that needs at least one and reads them all together (`convert -o`).
  ///
  /// - Throws: `KPISheetError` (exit 66) naming the first empty folder, or saying there is no
  ///   input at all.
  public func requireFiles() throws -> [String] {
    if let folder = emptyFolders.first {
      throw KPISheetError(
        .noInput, "\(folder): the folder holds no .xlsx, .xlsm or .json file",
        japanese: "\(folder): .xlsx、.xlsm、.json のファイルがないフォルダーです")
    }
    guard !files.isEmpty else {
      throw KPISheetError(.noInput, "no input to convert", japanese: "変換する入力ファイルがありません")
    }
    return files
  }

  /// The readable files directly inside `folder`, in name order.
  static func search(folder: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    let base = folder.hasSuffix("/") ? folder : folder + "/"
    return names.sorted().compactMap { name in
      guard !name.hasPrefix("."), !name.hasPrefix("~$"),
        extensions.contains(URL(fileURLWithPath: name).pathExtension.lowercased())
      else { return nil }
      let path = base + name
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
        !isDirectory.boolValue
      else { return nil }
      return path
    }
  }
}
