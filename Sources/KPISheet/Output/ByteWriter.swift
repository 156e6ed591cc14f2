import KPIModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A buffered writer of UTF-8 text to a file descriptor (standard output by default), or to
/// memory for tests. Writes in 64 KiB blocks so large dumps stream in constant memory.
public final class ByteWriter {
  private var buffer: [UInt8] = []
  private let descriptor: Int32?
  /// Everything written, when writing to memory.
  public private(set) var collected: [UInt8] = []

  /// A writer to a file descriptor.
  public init(descriptor: Int32 = 1) {
    self.descriptor = descriptor
    buffer.reserveCapacity(1 << 16)
  }

  /// A writer that keeps its output in `collected`.
  public init(inMemory: Void) {
    descriptor = nil
  }

  public func write(_ text: String) {
    var text = text
    text.withUTF8 { buffer.append(contentsOf: $0) }
    if buffer.count >= 1 << 16 { try? flush() }
  }

  public func write(_ bytes: [UInt8]) {
    buffer.append(contentsOf: bytes)
    if buffer.count >= 1 << 16 { try? flush() }
  }

  /// A JSON writer whose text streams into this writer in 64 KiB chunks. Flush the JSON
  /// writer, then this one, when the document is done.
  public func jsonWriter() -> JSONWriter {
    JSONWriter(chunkSize: 1 << 16) { [self] bytes in write(bytes) }
  }

  /// Writes out what is buffered; throws when the descriptor refuses (a closed pipe, a full disk).
  public func flush() throws {
    guard let descriptor else {
      collected.append(contentsOf: buffer)
      buffer.removeAll(keepingCapacity: true)
      return
    }
    var offset = 0
    while offset < buffer.count {
      let written = buffer.withUnsafeBytes { bytes -> Int in
        guard let base = bytes.baseAddress else { return 0 }
        return Glibc.write(descriptor, base + offset, bytes.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        let reason = String(cString: strerror(errno))
        buffer.removeAll(keepingCapacity: true)
        throw KPISheetError(
          .cannotCreate, "cannot write the output (\(reason))",
          japanese: "出力を書き込めません（\(reason)）")
      }
      offset += written
    }
    buffer.removeAll(keepingCapacity: true)
  }
}
