/// Reads a large worksheet part on several threads, delivering its rows in order on the
/// calling thread exactly as the one-thread read does.
///
/// Inflating is sequential, but most of a read is XML parsing and building cells, and rows
/// do not depend on each other. So the part is cut after a row's end tag into fragments
/// (CutRead), parsing threads parse each fragment, and the calling thread hands their rows
/// to the caller in order. Any fragment that fails — malformed XML, a limit, a fragment
/// starting with a row without `r` (its number depends on the rows before) — makes the whole
/// read fall back to the one-thread parse of the part, which skips the rows already
/// delivered and reports any error exactly where it is. Shared formulas whose master lies in
/// an earlier fragment are filled in on delivery, from the masters of the fragments before.
struct ParallelSheetReader {
  /// What every parsing thread shares, read-only.
  struct Context: Sendable {
    let sharedStrings: SharedStringTable
    let formats: [NumberFormat?]
    let uses1904: Bool
    let limits: ReaderLimits
    let fileName: String
    let sheetName: String
    let partName: String
  }

  enum Outcome {
    /// Read; `fragments` were parsed on the parsing threads (none when the part was too
    /// short to cut).
    case finished(SheetScan, fragments: Int)
    /// Read the part on one thread, skipping the rows already delivered; `inflated` bytes
    /// of it were read (and counted against the archive's limits) already.
    case readWholePart(delivered: Int, inflated: Int)
  }

  let context: Context
  let tuning: CutTuning

  func read(
    _ entry: ZipArchive.Entry, of archive: ZipArchive, deliver: (Row) throws -> Void
  ) throws -> Outcome {
    let context = self.context
    var cut = CutRead(shape: .worksheet, tuning: tuning) { fragment in
      FragmentParser(context: context).parse(fragment)
    }
    defer { cut.stop() }
    return try withoutActuallyEscaping(deliver) { deliver in
      var delivery = Delivery(limits: context.limits, deliver: deliver)
      do {
        try cut.read(ZipArchive.PartReader(entry, of: archive)) { try delivery.take($0) }
        switch try cut.finish(handBack: { try delivery.take($0) }) {
        case .cut(let fragments):
          return .finished(delivery.scan, fragments: fragments)
        case .uncut(let bytes):
          // Too short to cut (or no `<sheetData>` found): parse it here, whole.
          return .finished(try parseHere(bytes, deliver: deliver), fragments: 0)
        }
      } catch let failure as FinalError {
        throw failure.error
      } catch {
        // Abandoned, or the archive failed: the one-thread read delivers the rest or reports
        // the error at its place.
        return .readWholePart(delivered: delivery.delivered, inflated: cut.inflated)
      }
    }
  }

  private func parseHere(_ bytes: ByteBuffer, deliver: @escaping (Row) throws -> Void) throws
    -> SheetScan
  {
    let parser = WorksheetParser(
      sharedStrings: context.sharedStrings, formats: context.formats,
      uses1904: context.uses1904, limits: context.limits, fileName: context.fileName,
      sheetName: context.sheetName, onRow: deliver)
    do {
      try SAXParser.parse(
        bytes: UnsafeRawBufferPointer(bytes.bytes), fileName: context.fileName,
        partName: context.partName, handler: parser, limits: context.limits)
    } catch {
      // The whole part was parsed, in order: the error is the one to report.
      throw FinalError(error: error)
    }
    return parser.scan
  }

  /// Hands the fragments' rows to the caller, in order, on the calling thread.
  private struct Delivery {
    let limits: ReaderLimits
    let deliver: (Row) throws -> Void
    var delivered = 0
    var scan = SheetScan(merges: [], cellCount: 0, lastRow: nil, lastColumn: nil)
    /// The shared formulas' masters as of the end of the fragments delivered.
    var sharedFormulas: [Int: SharedFormula.Master] = [:]

    mutating func take(_ result: FragmentParser.Result) throws {
      guard scan.cellCount + result.scan.cellCount <= limits.cellsPerSheet else {
        throw CutAbandoned()
      }
      var rows = result.rows
      for (row, cell, id) in result.formulasFromEarlierFragments {
        let reference = rows[row].cells[cell].reference
        rows[row].cells[cell].formula = sharedFormulas[id]?.formula(at: reference)
      }
      sharedFormulas.merge(result.sharedFormulas) { _, later in later }
      for row in rows {
        do { try deliver(row) } catch { throw FinalError(error: error) }
        delivered += 1
      }
      let part = result.scan
      scan.merges += part.merges
      scan.formulasWithoutValue += part.formulasWithoutValue.prefix(
        max(0, SheetScan.maxFormulasWithoutValue - scan.formulasWithoutValue.count))
      scan.cellCount += part.cellCount
      scan.lastRow = [scan.lastRow, part.lastRow].compactMap { $0 }.max()
      scan.lastColumn = [scan.lastColumn, part.lastColumn].compactMap { $0 }.max()
    }
  }

  /// An error to report as it is: the caller's own, from its row handler, or one found
  /// parsing the whole part.
  private struct FinalError: Error {
    let error: any Error
  }
}

/// Thrown by a fragment's parser for what only the whole part can decide.
struct NeedsWholePart: Error {}

/// Parses one fragment of a worksheet's rows, on a parsing thread.
private struct FragmentParser {
  struct Result: Sendable {
    var rows: [Row]
    var scan: SheetScan
    /// The latest master of each shared formula in the fragment.
    var sharedFormulas: [Int: SharedFormula.Master]
    /// Cells (row and cell positions) whose formula's master lies in an earlier fragment.
    var formulasFromEarlierFragments: [(row: Int, cell: Int, id: Int)]
  }

  let context: ParallelSheetReader.Context

  /// The fragment's rows and what it found, or nil when it failed.
  func parse(_ fragment: Fragment) -> Result? {
    var rows: [Row] = []
    let parser = WorksheetParser(
      sharedStrings: context.sharedStrings, formats: Self.copies(of: context.formats),
      uses1904: context.uses1904,
      limits: context.limits, fileName: context.fileName, sheetName: context.sheetName,
      isFragment: true, startsMidSheet: !fragment.isFirst
    ) { rows.append($0) }
    do {
      try SAXParser.parse(
        bytes: UnsafeRawBufferPointer(fragment.document.bytes), fileName: context.fileName,
        partName: context.partName, handler: parser, limits: context.limits)
    } catch {
      return nil
    }
    return Result(
      rows: rows, scan: parser.scan, sharedFormulas: parser.sharedFormulas,
      formulasFromEarlierFragments: parser.formulasFromEarlierFragments)
  }

  /// The formats as objects of this fragment's own. Every cell retains its format, and
  /// threads retaining and releasing one shared object contend for its reference count
  /// (a noticeable share of a parallel read's processor time); fragments never share a copy.
  private static func copies(of formats: [NumberFormat?]) -> [NumberFormat?] {
    var copies: [ObjectIdentifier: NumberFormat] = [:]
    return formats.map { format in
      guard let format else { return nil }
      if let copy = copies[ObjectIdentifier(format)] { return copy }
      let copy = NumberFormat(copying: format)
      copies[ObjectIdentifier(format)] = copy
      return copy
    }
  }
}
