internal import PThreads

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The temporary files and folders this process has made and not yet renamed into place or
/// removed, so that an interrupted run can remove them (`SignalCleanup` does, on SIGINT,
/// SIGTERM or SIGHUP).
///
/// Every temporary file is made here: creating a file and listing it happen under one lock,
/// and the cleanup takes that lock for good, so a file is either listed before the cleanup
/// runs or never created at all. Files that a C library makes by itself go into a listed
/// folder (`createFolder(in:prefix:)`), removed with whatever it holds.
///
/// A file written in full is renamed into place first and forgotten after: the cleanup may
/// then try to remove a name that no longer exists, which is harmless, while the renamed
/// output is never listed and so never removed. A completed rename is never undone.
public final class TemporaryFileRegistry: @unchecked Sendable {
  /// The one registry of the process (the signal cleanup reads this one).
  public static let shared = TemporaryFileRegistry()

  /// What a listed path is.
  enum Kind {
    case file
    /// Removed with the files in it.
    case folder
  }

  /// Guards `paths`; taken for good by `removeAll(thenWhileLocked:)`.
  private let lock = PThreadLock()
  private var paths: [String: Kind] = [:]

  init() {}

  /// Creates a new empty file `folder/prefix<10 random letters or digits>suffix` and lists it
  /// until `forget(_:)` or `remove(_:)`. Returns its path.
  ///
  /// `permissions` are reduced by the umask, as for any new file. Create the file in the
  /// output's folder so that moving it into place is a rename on one file system.
  ///
  /// The corresponding C call is `open` with `O_CREAT | O_EXCL`.
  public func create(
    in folder: String, prefix: String, suffix: String = "", permissions: mode_t = 0o666
  ) throws(TemporaryFileError) -> String {
    try make(.file, in: folder) { path in
      let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions)
      guard descriptor >= 0 else { return false }
      close(descriptor)
      return true
    } name: {
      "\(prefix)\($0)\(suffix)"
    }
  }

  /// Creates a new empty folder `folder/prefix<10 random letters or digits>`, readable by
  /// its owner only, and lists it until `remove(_:)`, which removes it with the files in it.
  /// Returns its path.
  ///
  /// For a C library that makes temporary files of its own (libxlsxwriter's `tmpdir`): they
  /// exist for a moment before being unlinked, and an interruption in that moment would
  /// otherwise leave one behind.
  ///
  /// The corresponding C function is `mkdir`.
  public func createFolder(in folder: String, prefix: String) throws(TemporaryFileError)
    -> String
  {
    try make(.folder, in: folder) {
      mkdir($0, 0o700) == 0
    } name: {
      "\(prefix)\($0)"
    }
  }

  /// Makes and lists a new path under the lock; `create` returns false with `errno` set.
  private func make(
    _ kind: Kind, in folder: String, by create: (String) -> Bool, name: (String) -> String
  ) throws(TemporaryFileError) -> String {
    let base = Self.trimmed(folder)
    lock.lock()
    defer { lock.unlock() }
    // An existing name fails (O_EXCL, mkdir) instead of being reused; a few more tries are
    // enough, since 62^10 names make a clash very unlikely.
    for _ in 0..<16 {
      let leaf = name(Self.randomLetters(10))
      let path = base == "/" ? "/" + leaf : "\(base)/\(leaf)"
      if create(path) {
        paths[path] = kind
        return path
      }
      guard errno == EEXIST else { throw TemporaryFileError(folder: base, code: errno) }
    }
    throw TemporaryFileError(folder: base, code: EEXIST)
  }

  /// Stops listing `path`: call it once the file has been renamed into place.
  public func forget(_ path: String) {
    lock.lock()
    defer { lock.unlock() }
    paths[path] = nil
  }

  /// Removes the file (or the folder and the files in it) and stops listing it. A path not
  /// listed (already removed, or forgotten once renamed into place) is left alone: its name
  /// may belong to another file by now.
  ///
  /// The corresponding C functions are `unlink` and `rmdir`.
  public func remove(_ path: String) {
    lock.lock()
    defer { lock.unlock() }
    guard let kind = paths.removeValue(forKey: path) else { return }
    Self.delete(path, kind)
  }

  /// The paths listed now, in no particular order.
  public var listed: [String] {
    lock.lock()
    defer { lock.unlock() }
    return Array(paths.keys)
  }

  /// Removes every listed path, then runs `finish` (which ends the process) still holding the
  /// lock: no temporary file can be created, nor a listed one forgotten, from then on.
  func removeAll(thenWhileLocked finish: () -> Never) -> Never {
    lock.lock()
    for (path, kind) in paths { Self.delete(path, kind) }
    finish()
  }

  private static func delete(_ path: String, _ kind: Kind) {
    switch kind {
    case .file: unlink(path)
    case .folder: removeFolder(path)
    }
  }

  /// Removes `folder` and the files directly in it. During an interruption another thread
  /// may still be adding files, so it empties the folder until `rmdir` succeeds; from then on
  /// nothing more can be created there.
  static func removeFolder(_ folder: String) {
    for _ in 0..<1000 {
      if rmdir(folder) == 0 || errno == ENOENT { return }
      guard errno == ENOTEMPTY || errno == EEXIST else { return }
      for name in entries(of: folder) { unlink("\(folder)/\(name)") }
    }
  }

  /// The names in `folder` but `.` and `..`; none when it cannot be read.
  ///
  /// The corresponding C functions are `opendir` and `readdir`.
  private static func entries(of folder: String) -> [String] {
    guard let directory = opendir(folder) else { return [] }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }

  /// `folder` without trailing slashes; `.` when empty.
  static func trimmed(_ folder: String) -> String {
    var base = Substring(folder)
    while base.count > 1, base.hasSuffix("/") { base = base.dropLast() }
    return base.isEmpty ? "." : String(base)
  }

  private static let alphabet = Array(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")

  private static func randomLetters(_ count: Int) -> String {
    var generator = SystemRandomNumberGenerator()
    return String((0..<count).map { _ in alphabet.randomElement(using: &generator) ?? "x" })
  }
}

/// A temporary file could not be created.
public struct TemporaryFileError: Error, CustomStringConvertible {
  /// The folder the file was to be created in.
  public var folder: String
  /// The C `errno` value.
  public var code: Int32

  public init(folder: String, code: Int32) {
    self.folder = folder
    self.code = code
  }

  /// The system's wording of `code` (C `strerror`).
  public var reason: String { String(cString: strerror(code)) }

  public var description: String { "cannot create a temporary file in \(folder): \(reason)" }
}
