/// Bytes held in memory in one or several pieces, read in order as one stream.
struct BytePieces {
  private let pieces: [UnsafeRawBufferPointer]
  private var piece = 0
  private var offset = 0

  /// The pieces must stay valid while the stream is read.
  init(_ pieces: [UnsafeRawBufferPointer]) { self.pieces = pieces }

  /// Copies the next bytes into the start of `buffer`: how many, 0 once every piece is read.
  mutating func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
    var written = 0
    while written < buffer.count && piece < pieces.count {
      let source = pieces[piece]
      let count = min(source.count - offset, buffer.count - written)
      if count > 0, let from = source.baseAddress, let to = buffer.baseAddress {
        (to + written).copyMemory(from: from + offset, byteCount: count)
      }
      written += count
      offset += count
      if offset == source.count {
        piece += 1
        offset = 0
      }
    }
    return written
  }
}
