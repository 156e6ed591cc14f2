import ArgumentParser
import XLSXReader

/// The reader's safety limits as flags: every limit an error names can be raised here.
struct LimitOptions: ParsableArguments {
  @Option(name: .customLong("max-archive-entries"), help: "Most entries in the zip archive.")
  var archiveEntries: Int?
  @Option(name: .customLong("max-part-bytes"), help: "Most bytes inflated from one part.")
  var partBytes: Int?
  @Option(name: .customLong("max-total-bytes"), help: "Most bytes inflated from the whole archive.")
  var totalBytes: Int?
  @Option(
    name: .customLong("max-compression-ratio"),
    help: "Most inflated bytes per compressed byte of a part.")
  var compressionRatio: Int?
  @Option(
    name: .customLong("max-shared-string-bytes"),
    help: "Most bytes of text in the shared-string table (held in memory).")
  var sharedStringBytes: Int?
  @Option(name: .customLong("max-string-length"), help: "Most bytes in one string or formula.")
  var stringLength: Int?
  @Option(name: .customLong("max-cells-per-sheet"), help: "Most non-empty cells in one sheet.")
  var cellsPerSheet: Int?
  @Option(name: .customLong("max-nesting-depth"), help: "Deepest nesting of XML elements.")
  var nestingDepth: Int?

  func validate() throws {
    let given = [
      archiveEntries, partBytes, totalBytes, compressionRatio, sharedStringBytes, stringLength,
      cellsPerSheet, nestingDepth,
    ]
    if given.contains(where: { ($0 ?? 1) < 1 }) {
      throw ValidationError(
        localized(
          "Each --max-… limit must be a whole number of at least 1.",
          "--max-… の上限には 1 以上の整数を指定してください。"))
    }
    if let partBytes, partBytes > ReaderLimits.maxPartBytes {
      throw ValidationError(
        localized(
          "--max-part-bytes can be at most \(ReaderLimits.maxPartBytes) (minizip cannot read larger parts).",
          "--max-part-bytes は \(ReaderLimits.maxPartBytes) までです（minizip はこれより大きなパーツを読めません）。"
        ))
    }
  }

  /// The default limits with the given flags applied.
  var limits: ReaderLimits {
    var limits = ReaderLimits()
    let values: [(ReaderLimits.Limit, Int?)] = [
      (.archiveEntries, archiveEntries), (.partBytes, partBytes), (.totalBytes, totalBytes),
      (.compressionRatio, compressionRatio), (.sharedStringBytes, sharedStringBytes),
      (.stringLength, stringLength), (.cellsPerSheet, cellsPerSheet), (.nestingDepth, nestingDepth),
    ]
    for (limit, value) in values { if let value { limits[limit] = value } }
    return limits
  }
}
