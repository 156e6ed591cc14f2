/// Caps that keep a hostile or damaged workbook from exhausting memory or time.
///
/// minizip has no limits of its own and a zip can inflate a thousandfold, so every byte
/// inflated is counted against these. The defaults are far above any real departmental sheet.
public struct ReaderLimits: Sendable, Equatable {
  /// A limit, named so that an error can say which one was exceeded and how to raise it.
  public enum Limit: String, Sendable, Equatable, CaseIterable {
    case archiveEntries = "archive-entries"
    case partBytes = "part-bytes"
    case totalBytes = "total-bytes"
    case compressionRatio = "compression-ratio"
    case sharedStringBytes = "shared-string-bytes"
    case stringLength = "string-length"
    case cellsPerSheet = "cells-per-sheet"
    case nestingDepth = "nesting-depth"

    /// The command-line flag that raises this limit.
    public var flag: String { "--max-\(rawValue)" }
  }

  /// Entries in the zip archive.
  public var archiveEntries: Int = 10_000
  /// Bytes inflated from any one part (at most `maxPartBytes`).
  public var partBytes: Int = 1 << 30
  /// The most a part can be raised to: minizip 1.1 stops with an I/O error a little before
  /// 2 GiB of one part (measured on Debian 12's libminizip1 with a valid 2.1 GB deflated
  /// part that Python's zipfile reads whole).
  public static let maxPartBytes = (2 << 30) - (64 << 20)
  /// Bytes inflated from all parts together.
  public var totalBytes: Int = 4 << 30
  /// Inflated bytes per compressed byte, checked once a part has inflated 1 MiB
  /// (small parts such as styles compress extremely well and must not trip it).
  public var compressionRatio: Int = 1_000
  /// Bytes the shared-string table takes in memory: its text and a 4-byte offset per string
  /// (a table of empty strings costs memory too).
  public var sharedStringBytes: Int = 64 << 20
  /// Bytes in one string or formula.
  public var stringLength: Int = 1 << 20
  /// Non-empty cells in one sheet.
  public var cellsPerSheet: Int = 50_000_000
  /// Depth of nested XML elements.
  public var nestingDepth: Int = 128

  public init() {}

  /// The value of a limit.
  public subscript(limit: Limit) -> Int {
    get {
      switch limit {
      case .archiveEntries: archiveEntries
      case .partBytes: partBytes
      case .totalBytes: totalBytes
      case .compressionRatio: compressionRatio
      case .sharedStringBytes: sharedStringBytes
      case .stringLength: stringLength
      case .cellsPerSheet: cellsPerSheet
      case .nestingDepth: nestingDepth
      }
    }
    set {
      switch limit {
      case .archiveEntries: archiveEntries = newValue
      case .partBytes: partBytes = newValue
      case .totalBytes: totalBytes = newValue
      case .compressionRatio: compressionRatio = newValue
      case .sharedStringBytes: sharedStringBytes = newValue
      case .stringLength: stringLength = newValue
      case .cellsPerSheet: cellsPerSheet = newValue
      case .nestingDepth: nestingDepth = newValue
      }
    }
  }
}
