/// Reads a large worksheet part on several threads, delivering its rows in order on the
/// calling thread exactly as the one-thread read does.
///
/// Inflating is sequential, but most of a read is XML parsing and building cells, and rows
/// do not depend on each other. So the calling thread inflates the part and cuts it, after a
/// row's end tag roughly every `fragmentBytes`, into fragments; parsing threads parse each
/// fragment as a document of its own — the part's head (up to `<sheetData>`), the fragment,
/// then the end tags closing the head — and the calling thread hands their rows to the
/// caller in order.
///
/// Why the cut is safe: a cut lands just after the bytes `</row>`, which cannot occur in
/// text or attribute values (`<` may not appear there); inside a comment, CDATA section or
/// processing instruction they could, but the fragment before such a cut would end inside
/// that construct and fail to parse. Any fragment that fails — malformed XML, a limit, a
/// fragment starting with a row without `r` (its number depends on the rows before) — makes
/// the whole read fall back to the one-thread parse of the part, which skips the rows already
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

  /// How parts are cut and how many threads parse them.
  struct Tuning {
    /// Roughly how many bytes of XML each fragment holds: large enough that a fresh parser
    /// and a hand-over between threads per fragment cost little (128 KiB read 100k rows 15 %
    /// slower than 256 KiB, in caches rather than instructions), small enough to bound the
    /// memory in flight (1 MiB was 5 % faster but took 10 MB more).
    var fragmentBytes = 256 << 10
    /// Parsing threads; one means the part is read on the calling thread alone.
    var threadCount = min(WorkerThreads.processorCount, 4)
    /// How far to look for `<sheetData>` before giving up on cutting the part.
    var headLimit = 1 << 20
    /// How far to look for a row's end tag before giving up on cutting the part.
    var unbrokenLimit = 16 << 20
  }

  let context: Context
  let tuning: Tuning
  private var fragmentBytes: Int { tuning.fragmentBytes }
  private var threadCount: Int { tuning.threadCount }
  private var headLimit: Int { tuning.headLimit }
  private var unbrokenLimit: Int { tuning.unbrokenLimit }

  /// Whether cutting `entry` is worth it: several processors and a part several fragments long.
  func isWorthwhile(for entry: ZipArchive.Entry) -> Bool {
    threadCount > 1 && entry.uncompressedSize > UInt64(2 * fragmentBytes)
  }

  func read(
    _ entry: ZipArchive.Entry, of archive: ZipArchive, deliver: (Row) throws -> Void
  ) throws -> Outcome {
    try withoutActuallyEscaping(deliver) { deliver in
      var run = Run(reader: self, deliver: deliver)
      defer { run.stop() }
      do {
        try archive.read(entry) { chunk in try run.consume(chunk) }
        return try run.finish()
      } catch let failure as FinalError {
        throw failure.error
      } catch {
        // Abandoned, or the archive failed: the one-thread read delivers the rest or reports
        // the error at its place.
        return .readWholePart(delivered: run.delivered, inflated: run.inflated)
      }
    }
  }

  /// The state of one read, on the calling thread.
  private struct Run {
    let reader: ParallelSheetReader
    let deliver: (Row) throws -> Void
    let queue = FragmentQueue()
    var workers: WorkerThreads?
    /// Inflated bytes not yet submitted: the start of the next fragment (of the first, the head too).
    var pending: [UInt8] = []
    var head: SheetDataHead?
    var searchFrom = 0
    var submitted = 0
    var nextToDeliver = 0
    var delivered = 0
    var inflated = 0
    var scan = SheetScan(merges: [], cellCount: 0, lastRow: nil, lastColumn: nil)
    /// The shared formulas' masters as of the end of the fragments delivered.
    var sharedFormulas: [Int: SharedFormula.Master] = [:]

    init(reader: ParallelSheetReader, deliver: @escaping (Row) throws -> Void) {
      self.reader = reader
      self.deliver = deliver
      pending.reserveCapacity(reader.fragmentBytes + (128 << 10))
    }

    mutating func consume(_ chunk: UnsafeRawBufferPointer) throws {
      inflated += chunk.count
      pending.append(contentsOf: chunk)
      if head == nil {
        switch pending.withUnsafeBufferPointer(SheetDataHead.scan) {
        case .found(let found):
          head = found
          searchFrom = found.bytes.count
        case .needMore:
          if pending.count > reader.headLimit { throw Abandoned() }
          return
        case .unsupported:
          throw Abandoned()
        }
      }
      try cutFragments()
    }

    /// Submits every complete fragment in `pending`.
    private mutating func cutFragments() throws {
      guard let rowEnd = head?.rowEnd else { return }
      while true {
        let from = max(searchFrom, reader.fragmentBytes)
        guard
          let found = pending.withUnsafeBufferPointer({
            firstIndex(of: rowEnd, in: $0, from: from)
          })
        else {
          searchFrom = max(searchFrom, pending.count - rowEnd.count + 1)
          if pending.count > reader.unbrokenLimit { throw Abandoned() }
          return
        }
        // The fragment keeps `pending`'s buffer; only the bytes after the cut are copied.
        let end = found + rowEnd.count
        var next: [UInt8] = []
        next.reserveCapacity(reader.fragmentBytes + (128 << 10))
        next.append(contentsOf: pending[end...])
        pending.removeSubrange(end...)
        swap(&pending, &next)
        try submit(next, isLast: false)
        searchFrom = 0
      }
    }

    mutating func finish() throws -> Outcome {
      guard head != nil, submitted > 0 else {
        // Too short to cut (or no `<sheetData>` found): parse it here, whole.
        return try parseHere()
      }
      try submit(pending, isLast: true)
      queue.close()
      try deliverReady(waitingForAll: true)
      return .finished(scan, fragments: submitted)
    }

    private mutating func parseHere() throws -> Outcome {
      let context = reader.context
      let parser = WorksheetParser(
        sharedStrings: context.sharedStrings, formats: context.formats,
        uses1904: context.uses1904, limits: context.limits, fileName: context.fileName,
        sheetName: context.sheetName, onRow: deliver)
      do {
        try pending.withUnsafeBytes {
          try SAXParser.parse(
            bytes: $0, fileName: context.fileName, partName: context.partName, handler: parser,
            limits: context.limits)
        }
      } catch {
        // The whole part was parsed, in order: the error is the one to report.
        throw FinalError(error: error)
      }
      return .finished(parser.scan, fragments: 0)
    }

    private mutating func submit(_ bytes: [UInt8], isLast: Bool) throws {
      guard let head else { return }
      if workers == nil {
        let queue = self.queue
        let context = reader.context
        workers = WorkerThreads(count: reader.threadCount) {
          FragmentParser(context: context, head: head).run(queue)
        }
        if workers?.count == 0 { throw Abandoned() }
      }
      queue.submit(.init(index: submitted, bytes: bytes, isFirst: submitted == 0, isLast: isLast))
      submitted += 1
      try deliverReady(waitingForAll: false)
    }

    /// Delivers finished fragments in order; waits while too many are in flight (which
    /// bounds memory), or for all of them at the end.
    private mutating func deliverReady(waitingForAll: Bool) throws {
      let maxInFlight = reader.threadCount + 1
      while nextToDeliver < submitted {
        let mustWait = waitingForAll || submitted - nextToDeliver > maxInFlight
        guard let result = queue.result(nextToDeliver, wait: mustWait) else { return }
        guard let part = result.scan,
          scan.cellCount + part.cellCount <= reader.context.limits.cellsPerSheet
        else { throw Abandoned() }
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
        scan.merges += part.merges
        scan.cellCount += part.cellCount
        scan.lastRow = [scan.lastRow, part.lastRow].compactMap { $0 }.max()
        scan.lastColumn = [scan.lastColumn, part.lastColumn].compactMap { $0 }.max()
        nextToDeliver += 1
      }
    }

    /// Stops and joins the parsing threads, whatever state the read ended in.
    mutating func stop() {
      queue.cancel()
      workers?.join()
    }
  }

  /// The cut cannot be made, or a fragment failed: read the part on one thread.
  private struct Abandoned: Error {}

  /// An error to report as it is: the caller's own, from its row handler, or one found
  /// parsing the whole part.
  private struct FinalError: Error {
    let error: any Error
  }
}

/// Thrown by a fragment's parser for what only the whole part can decide.
struct NeedsWholePart: Error {}

/// Parses fragments on a parsing thread until the queue closes.
private struct FragmentParser {
  let context: ParallelSheetReader.Context
  let head: SheetDataHead

  func run(_ queue: FragmentQueue) {
    while let job = queue.nextJob() {
      queue.finish(job.index, parse(job))
    }
  }

  private func parse(_ job: FragmentQueue.Job) -> FragmentQueue.Result {
    var rows: [Row] = []
    let parser = WorksheetParser(
      sharedStrings: context.sharedStrings, formats: Self.copies(of: context.formats),
      uses1904: context.uses1904,
      limits: context.limits, fileName: context.fileName, sheetName: context.sheetName,
      isFragment: true, startsMidSheet: !job.isFirst
    ) { rows.append($0) }
    do {
      try SAXParser.parse(
        fileName: context.fileName, partName: context.partName, handler: parser,
        limits: context.limits
      ) { feed in
        if !job.isFirst { try head.bytes.withUnsafeBytes(feed) }
        try job.bytes.withUnsafeBytes(feed)
        if !job.isLast { try head.closing.withUnsafeBytes(feed) }
      }
    } catch {
      return FragmentQueue.Result(
        rows: [], scan: nil, sharedFormulas: [:], formulasFromEarlierFragments: [])
    }
    return FragmentQueue.Result(
      rows: rows, scan: parser.scan, sharedFormulas: parser.sharedFormulas,
      formulasFromEarlierFragments: parser.formulasFromEarlierFragments)
  }

  /// The formats as objects of this fragment's own. Every cell retains its format, and
  /// threads retaining and releasing one shared object contend for its reference count
  /// (measured: 5–10 % of a parallel read's processor time); fragments never share a copy.
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

/// Fragments waiting to be parsed, and parsed fragments waiting to be delivered.
private final class FragmentQueue: @unchecked Sendable {
  // @unchecked: every property is touched only inside `monitor.locked`.
  struct Job: Sendable {
    let index: Int
    let bytes: [UInt8]
    let isFirst: Bool
    let isLast: Bool
  }

  struct Result: Sendable {
    var rows: [Row]
    /// Nil when the fragment failed.
    var scan: SheetScan?
    /// The latest master of each shared formula in the fragment.
    var sharedFormulas: [Int: SharedFormula.Master]
    /// Cells (row and cell positions) whose formula's master lies in an earlier fragment.
    var formulasFromEarlierFragments: [(row: Int, cell: Int, id: Int)]
  }

  private let monitor = Monitor()
  private var jobs: [Job] = []
  private var results: [Int: Result] = [:]
  private var isClosed = false
  private var isCancelled = false

  func submit(_ job: Job) {
    monitor.locked {
      jobs.append(job)
      monitor.broadcast()
    }
  }

  /// No more jobs will come: threads finish when the queue is empty.
  func close() {
    monitor.locked {
      isClosed = true
      monitor.broadcast()
    }
  }

  /// Drops waiting jobs: threads finish after their current one.
  func cancel() {
    monitor.locked {
      isCancelled = true
      jobs.removeAll()
      monitor.broadcast()
    }
  }

  /// The next job, waiting for one; nil when the queue is closed and empty, or cancelled.
  func nextJob() -> Job? {
    monitor.locked {
      while true {
        if isCancelled { return nil }
        if !jobs.isEmpty { return jobs.removeFirst() }
        if isClosed { return nil }
        monitor.wait()
      }
    }
  }

  func finish(_ index: Int, _ result: Result) {
    monitor.locked {
      results[index] = result
      monitor.broadcast()
    }
  }

  /// Fragment `index`'s result, removed from the queue; nil when it is not ready and
  /// `wait` is false.
  func result(_ index: Int, wait: Bool) -> Result? {
    monitor.locked {
      while true {
        if let result = results.removeValue(forKey: index) { return result }
        if !wait { return nil }
        monitor.wait()
      }
    }
  }
}
