internal import PThreads

/// How parts are cut into fragments and how many threads parse them.
struct CutTuning: Sendable {
  /// Roughly how many bytes of XML each fragment holds: large enough that a fresh parser
  /// and a hand-over between threads per fragment cost little (smaller fragments read
  /// slower, in caches rather than instructions), small enough to bound the memory in flight
  /// (larger ones gained little time for much more memory; Benchmarks/RESULTS.md).
  var fragmentBytes = 256 << 10
  /// Threads reading a cut part, the calling thread included: `threadCount - 1` parsing
  /// threads, and the calling thread parses fragments too rather than wait (a thread per
  /// processor, none idle and none waiting for a processor: a thread more than processors
  /// made a large read slower). One means parts are
  /// read on the calling thread alone.
  var threadCount = min(WorkerThreads.processorCount, 4)
  /// How far to look for the container's start tag before giving up on cutting the part.
  var headLimit = 1 << 20
  /// How far to look for an item's end tag before giving up on cutting the part.
  var unbrokenLimit = 16 << 20

  /// What a fragment's buffer is first made to hold: a fragment, the item it is cut after,
  /// and a head; a larger head or item grows it.
  var bufferCapacity: Int { fragmentBytes + (128 << 10) }

  /// Whether cutting `entry` is worth it: several processors and a part several fragments long.
  func isWorthwhile(for entry: ZipArchive.Entry) -> Bool {
    threadCount > 1 && entry.uncompressedSize > UInt64(2 * fragmentBytes)
  }
}

/// One fragment of a cut part, parsed on a parsing thread as a document of its own.
///
/// `@unchecked Sendable`: the calling thread writes `document` before submitting the
/// fragment, one parsing thread then reads it, and it comes back for reuse through the
/// queue's lock; no two threads touch it at once.
struct Fragment: @unchecked Sendable {
  let index: Int
  /// The fragment as a whole document: the head (the first fragment's own bytes start with
  /// it), the items, then the end tags closing the head (but in the last fragment, which
  /// holds the part's own), in one buffer the part's bytes are inflated straight into.
  let document: ByteBuffer
  let isFirst: Bool
}

/// The cut cannot be made, or a fragment failed: the part is to be read on one thread.
struct CutAbandoned: Error {}

/// The calling thread's side of reading a part cut into fragments: inflates the part into
/// fragment buffers, cutting just after an item's end tag roughly every
/// `fragmentBytes`, has parsing threads run `parse` on each fragment (and runs it itself on
/// waiting fragments whenever it would otherwise wait), and hands the results back in order.
///
/// Why a cut is safe: it lands just after an item's end tag (`</row>`, `</si>`), whose `<`
/// cannot occur in text or attribute values; inside a comment, CDATA section or processing
/// instruction it could, but the fragment before such a cut would end inside that construct
/// and fail to parse. Every fragment must parse as a document under the head, so the
/// elements open at each cut are exactly the head's. A failed fragment (`parse` returns nil)
/// abandons the cut read: callers then read the part on one thread, which reports any error
/// exactly where it is.
struct CutRead<Parsed: Sendable> {
  enum Ending {
    /// Every fragment was parsed and its result handed back.
    case cut(fragments: Int)
    /// Nothing was cut (the part is short, or no container was found): the whole part.
    case uncut(ByteBuffer)
  }

  let shape: PartHead.Shape
  let tuning: CutTuning
  /// Runs on a parsing thread: a fragment's result, or nil when it failed.
  let parse: @Sendable (Fragment) -> Parsed?
  private let queue = FragmentQueue<Parsed>()
  private var workers: WorkerThreads?
  /// Inflated bytes not yet submitted: the next fragment, from its head on.
  private var pending: ByteBuffer
  private var head: PartHead?
  private var searchFrom = 0
  private var submitted = 0
  private var nextToHandBack = 0
  /// Inflated bytes taken so far (counted against the archive's limits already).
  private(set) var inflated = 0

  init(
    shape: PartHead.Shape, tuning: CutTuning,
    parse: @escaping @Sendable (Fragment) -> Parsed?
  ) {
    self.shape = shape
    self.tuning = tuning
    self.parse = parse
    pending = ByteBuffer(capacity: tuning.bufferCapacity)
  }

  /// Reads the whole part from `reader`, inflating it straight into the fragments, and
  /// hands back the results that are ready as it goes.
  mutating func read(
    _ reader: ZipArchive.PartReader, handBack: (Parsed) throws -> Void
  ) throws {
    while true {
      let count = try pending.append(upTo: 64 << 10) { try reader.read(into: $0) }
      if count == 0 { return }
      try took(count, handBack)
    }
  }

  /// Looks at the `count` bytes just added to `pending`.
  private mutating func took(_ count: Int, _ handBack: (Parsed) throws -> Void) throws {
    inflated += count
    if head == nil {
      switch PartHead.scan(pending.bytes, shape: shape) {
      case .found(let found):
        head = found
        searchFrom = found.bytes.count
      case .needMore:
        if pending.count > tuning.headLimit { throw CutAbandoned() }
        return
      case .unsupported:
        throw CutAbandoned()
      }
    }
    try cutFragments(handBack)
  }

  /// Ends the part: submits the last fragment and hands back every result.
  mutating func finish(handBack: (Parsed) throws -> Void) throws -> Ending {
    guard head != nil, submitted > 0 else { return .uncut(pending) }
    try submit(pending, handBack)
    queue.close()
    try handBackReady(waitingForAll: true, handBack)
    return .cut(fragments: submitted)
  }

  /// Stops and joins the parsing threads, whatever state the read ended in.
  mutating func stop() {
    queue.cancel()
    workers?.join()
  }

  /// Submits every complete fragment in `pending`.
  private mutating func cutFragments(_ handBack: (Parsed) throws -> Void) throws {
    guard let head else { return }
    while true {
      let from = max(searchFrom, tuning.fragmentBytes)
      guard let found = firstIndex(of: head.itemEnd, in: pending.bytes, from: from) else {
        searchFrom = max(searchFrom, pending.count - head.itemEnd.count + 1)
        if pending.count > tuning.unbrokenLimit { throw CutAbandoned() }
        return
      }
      let end = found + head.itemEnd.count
      // A buffer a parsed fragment left behind, if any: fresh buffers of this size are
      // mapped from the kernel page by page, each first touch a page fault.
      let next = queue.spareBuffer() ?? ByteBuffer(capacity: tuning.bufferCapacity)
      next.removeAll()
      head.bytes.withUnsafeBufferPointer { next.append($0) }
      next.append(UnsafeBufferPointer(rebasing: pending.bytes[end...]))
      pending.removeSubrange(from: end)
      head.closing.withUnsafeBufferPointer { pending.append($0) }
      try submit(pending, handBack)
      pending = next
      searchFrom = head.bytes.count
    }
  }

  private mutating func submit(
    _ document: ByteBuffer, _ handBack: (Parsed) throws -> Void
  ) throws {
    if workers == nil {
      let queue = self.queue
      let parse = self.parse
      workers = WorkerThreads(count: tuning.threadCount - 1) {
        while let fragment = queue.nextFragment() {
          queue.releaseHandedBack()
          queue.finish(fragment.index, parse(fragment), leaving: fragment.document)
        }
      }
      if workers?.count == 0 { throw CutAbandoned() }
    }
    queue.submit(
      Fragment(index: submitted, document: document, isFirst: submitted == 0))
    submitted += 1
    try handBackReady(waitingForAll: false, handBack)
  }

  /// Hands back finished fragments' results in order; waits while too many are in flight
  /// (which bounds memory), or for all of them at the end.
  private mutating func handBackReady(
    waitingForAll: Bool, _ handBack: (Parsed) throws -> Void
  ) throws {
    let maxInFlight = tuning.threadCount + 1
    while nextToHandBack < submitted {
      let mustWait = waitingForAll || submitted - nextToHandBack > maxInFlight
      if mustWait, let fragment = queue.unstartedFragment(whileWaitingFor: nextToHandBack) {
        // Rather than wait, parse a waiting fragment here.
        queue.finish(fragment.index, parse(fragment), leaving: fragment.document)
        continue
      }
      guard let outcome = queue.result(nextToHandBack, wait: mustWait) else { return }
      guard case .parsed(let result) = outcome else { throw CutAbandoned() }
      nextToHandBack += 1
      try handBack(result)
      queue.release(result)
    }
  }
}

/// Fragments waiting to be parsed, and parsed fragments waiting to be handed back.
private final class FragmentQueue<Parsed: Sendable>: @unchecked Sendable {
  // @unchecked: every property is touched only inside `monitor.locked`.
  enum Outcome {
    case parsed(Parsed)
    case failed
  }

  private let monitor = PThreadLock()
  private var fragments: [Fragment] = []
  private var results: [Int: Outcome] = [:]
  /// Buffers of parsed fragments, for the next fragments to reuse.
  private var spareBuffers: [ByteBuffer] = []
  /// Results handed back, for a parsing thread to release.
  private var handedBack: [Parsed] = []
  private var isClosed = false
  private var isCancelled = false

  func submit(_ fragment: Fragment) {
    monitor.locked {
      fragments.append(fragment)
      monitor.broadcast()
    }
  }

  /// No more fragments will come: threads finish when the queue is empty.
  func close() {
    monitor.locked {
      isClosed = true
      monitor.broadcast()
    }
  }

  /// Drops waiting fragments: threads finish after their current one.
  func cancel() {
    monitor.locked {
      isCancelled = true
      fragments.removeAll()
      monitor.broadcast()
    }
  }

  /// The next fragment, waiting for one; nil when the queue is closed and empty, or cancelled.
  func nextFragment() -> Fragment? {
    monitor.locked {
      while true {
        if isCancelled { return nil }
        if !fragments.isEmpty { return fragments.removeFirst() }
        if isClosed { return nil }
        monitor.wait()
      }
    }
  }

  /// A fragment no thread has started, for a caller waiting for result `index` to parse
  /// meanwhile; nil when none is waiting or that result is ready (take it instead).
  func unstartedFragment(whileWaitingFor index: Int) -> Fragment? {
    monitor.locked {
      guard results[index] == nil, !fragments.isEmpty else { return nil }
      return fragments.removeFirst()
    }
  }

  /// Records fragment `index`'s result and keeps its buffer for reuse (a few at most).
  func finish(_ index: Int, _ result: Parsed?, leaving buffer: ByteBuffer) {
    monitor.locked {
      if spareBuffers.count < 4 { spareBuffers.append(buffer) }
      results[index] = result.map(Outcome.parsed) ?? .failed
      monitor.broadcast()
    }
  }

  /// Keeps a handed-back result for a parsing thread to release (at most a few: a parsing
  /// thread busy for long must not make them pile up, and the rest are released here).
  /// Its rows and cells were mostly allocated on a parsing thread: freed on the calling
  /// thread they went back to that thread's malloc arena under its lock, against its own
  /// allocations (releasing them where they were made saves time in malloc and page faults).
  func release(_ result: Parsed) {
    monitor.locked {
      if handedBack.count < 4 { handedBack.append(result) }
    }
  }

  /// Releases the results handed back so far, on the calling (parsing) thread.
  func releaseHandedBack() {
    let results = monitor.locked {
      defer { handedBack.removeAll() }
      return handedBack
    }
    _ = consume results
  }

  /// A buffer a parsed fragment left, if any.
  func spareBuffer() -> ByteBuffer? {
    monitor.locked { spareBuffers.popLast() }
  }

  /// Fragment `index`'s outcome, removed from the queue; nil when it is not ready and
  /// `wait` is false.
  func result(_ index: Int, wait: Bool) -> Outcome? {
    monitor.locked {
      while true {
        if let outcome = results.removeValue(forKey: index) { return outcome }
        if !wait { return nil }
        monitor.wait()
      }
    }
  }
}
