/// A growable byte buffer, reused for every cell's text: no allocation per cell and none of
/// an array's copy-on-write and exclusivity checks on the hottest path of a read. Also holds
/// the fragments of a cut part, which the part's bytes are inflated straight into.
final class ByteBuffer {
  @exclusivity(unchecked) private(set) var count = 0
  @exclusivity(unchecked) private var capacity: Int
  @exclusivity(unchecked) private var storage: UnsafeMutablePointer<UInt8>

  init(capacity: Int = 256) {
    self.capacity = capacity
    storage = .allocate(capacity: capacity)
  }

  deinit { storage.deallocate() }

  var isEmpty: Bool { count == 0 }

  /// The bytes held; valid until the next `append` or `removeAll`.
  var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: storage, count: count) }

  var string: String { String(decoding: bytes, as: UTF8.self) }

  func append(_ more: UnsafeBufferPointer<UInt8>) {
    guard let source = more.baseAddress, !more.isEmpty else { return }
    reserveCapacity(count + more.count)
    (storage + count).update(from: source, count: more.count)
    count += more.count
  }

  /// Lets `body` write up to `maximum` bytes after those held, and keeps as many as it
  /// returns: bytes read into the buffer where they stay, rather than copied in.
  func append(
    upTo maximum: Int, _ body: (UnsafeMutableRawBufferPointer) throws -> Int
  ) rethrows -> Int {
    reserveCapacity(count + maximum)
    let written = try body(UnsafeMutableRawBufferPointer(start: storage + count, count: maximum))
    precondition(written >= 0 && written <= maximum, "wrote outside the buffer")
    count += written
    return written
  }

  /// Makes room for `minimum` bytes in all, keeping those held.
  @inline(__always) func reserveCapacity(_ minimum: Int) {
    if minimum > capacity { grow(toHold: minimum) }
  }

  @inline(never) private func grow(toHold minimum: Int) {
    var newCapacity = capacity * 2
    while newCapacity < minimum { newCapacity *= 2 }
    let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    grown.update(from: storage, count: count)
    storage.deallocate()
    storage = grown
    capacity = newCapacity
  }

  func removeAll() { count = 0 }

  /// Drops the bytes from `index` on.
  func removeSubrange(from index: Int) {
    precondition(index >= 0 && index <= count, "index outside the buffer")
    count = index
  }

  /// True when the bytes are exactly `literal`.
  func equals(_ literal: StaticString) -> Bool {
    guard literal.utf8CodeUnitCount == count else { return false }
    let expected = literal.utf8Start
    for index in 0..<count where storage[index] != expected[index] { return false }
    return true
  }
}
