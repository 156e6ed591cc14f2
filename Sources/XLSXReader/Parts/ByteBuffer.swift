/// A growable byte buffer, reused for every cell's text: no allocation per cell and none of
/// an array's copy-on-write and exclusivity checks on the hottest path of a read.
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
    if count + more.count > capacity {
      var newCapacity = capacity * 2
      while newCapacity < count + more.count { newCapacity *= 2 }
      let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
      grown.update(from: storage, count: count)
      storage.deallocate()
      storage = grown
      capacity = newCapacity
    }
    (storage + count).update(from: source, count: more.count)
    count += more.count
  }

  func removeAll() { count = 0 }

  /// True when the bytes are exactly `literal`.
  func equals(_ literal: StaticString) -> Bool {
    guard literal.utf8CodeUnitCount == count else { return false }
    let expected = literal.utf8Start
    for index in 0..<count where storage[index] != expected[index] { return false }
    return true
  }
}
