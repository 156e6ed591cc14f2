/// Reads a large shared-string table on several threads: the part is cut after a string's
/// end tag into fragments (CutRead), each fragment is parsed into a table of its own on a
/// parsing thread, and the calling thread joins the tables in order.
///
/// The table is read before any sheet; read on the calling thread alone, it was the one part
/// of a large read no other thread helped with, and a sizeable share of its time.
/// Strings do not depend on each other, so the fragments' tables join into exactly the table
/// the one-thread parse builds; anything else — a fragment that fails, a limit, a part that
/// cannot be cut — gives nil, and the caller parses the part on one thread, which reports
/// any error exactly where it is.
struct ParallelSharedStrings {
  let limits: ReaderLimits
  let tuning: CutTuning

  /// The table of `entry` and the fragments it was cut into, or nil when the part is to be
  /// read on one thread.
  func read(_ entry: ZipArchive.Entry, of archive: ZipArchive) -> (
    table: SharedStringTable, fragments: Int
  )? {
    let (limits, fileName, partName) = (self.limits, archive.fileName, entry.name)
    var cut = CutRead(shape: .sharedStrings, tuning: tuning) { fragment in
      Self.parse(fragment, limits: limits, fileName: fileName, partName: partName)
    }
    defer { cut.stop() }
    var joined = Joined(
      partBytes: Int(clamping: entry.uncompressedSize), limits: limits)
    do {
      try cut.read(ZipArchive.PartReader(entry, of: archive)) { try joined.take($0) }
      if case .cut(let fragments) = try cut.finish(handBack: { try joined.take($0) }) {
        return (joined.table, fragments)
      }
    } catch {}
    // The one-thread parse inflates the part again: its bytes count once against the limits.
    archive.uncount(cut.inflated)
    return nil
  }

  /// One fragment's strings.
  private struct Strings: Sendable {
    let table: SharedStringTable
    /// The `uniqueCount` of the `<sst>` start tag (every fragment parses the head).
    let declaredCount: Int?
  }

  private static func parse(
    _ fragment: Fragment, limits: ReaderLimits, fileName: String,
    partName: String
  ) -> Strings? {
    let parser = SharedStringsParser(
      limits: limits, fileName: fileName, partName: partName,
      partBytes: fragment.document.count)
    do {
      try SAXParser.parse(
        bytes: UnsafeRawBufferPointer(fragment.document.bytes), fileName: fileName,
        partName: partName, handler: parser, limits: limits)
    } catch {
      return nil
    }
    return Strings(table: parser.table, declaredCount: parser.declaredCount)
  }

  /// The fragments' tables joined in order, on the calling thread.
  private struct Joined {
    let partBytes: Int
    let limits: ReaderLimits
    var table = SharedStringTable()
    var isSized = false

    init(partBytes: Int, limits: ReaderLimits) {
      self.partBytes = partBytes
      self.limits = limits
    }

    mutating func take(_ strings: Strings) throws {
      if !isSized {
        SharedStringsParser.reserve(
          &table, partBytes: partBytes, declaredCount: strings.declaredCount, limits: limits)
        isSized = true
      }
      // Each fragment checked its own text; the whole table's limit is checked here (the
      // one-thread parse then reports it at its place).
      guard
        table.memoryCost + strings.table.memoryCost
          <= SharedStringsParser.costLimit(limits)
      else { throw CutAbandoned() }
      table.append(contentsOf: strings.table)
    }
  }
}
