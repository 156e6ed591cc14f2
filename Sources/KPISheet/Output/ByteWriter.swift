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
  /// The first failed write: what every later flush reports.
  private var failure: StandardOutputError?
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
    guard failure == nil else { return }
    var text = text
    text.withUTF8 { buffer.append(contentsOf: $0) }
    if buffer.count >= 1 << 16 { try? flush() }
  }

  public func write(_ bytes: [UInt8]) {
    guard failure == nil else { return }
    buffer.append(contentsOf: bytes)
    if buffer.count >= 1 << 16 { try? flush() }
  }

  /// A JSON writer whose text streams into this writer in 64 KiB chunks. Flush the JSON
  /// writer, then this one, when the document is done.
  public func jsonWriter() -> JSONWriter {
    JSONWriter(chunkSize: 1 << 16) { [self] bytes in write(bytes) }
  }

  /// Writes out what is buffered.
  ///
  /// - Throws: `StandardOutputError` (exit 74) when the descriptor refuses (full, closed, a
  ///   broken pipe); once one write failed, every later flush throws the same.
  public func flush() throws {
    if let failure { throw failure }
    guard let descriptor else {
      collected.append(contentsOf: buffer)
      buffer.removeAll(keepingCapacity: true)
      return
    }
    let code = buffer.withUnsafeBytes { StandardOutput.writeAll($0, to: descriptor) }
    buffer.removeAll(keepingCapacity: true)
    if let code {
      failure = StandardOutputError(code: code)
      throw StandardOutputError(code: code)
    }
  }
}
