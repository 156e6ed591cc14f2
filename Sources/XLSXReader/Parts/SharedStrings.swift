/// The shared-string table, held as one contiguous UTF-8 buffer with an offset per string.
///
/// One buffer instead of a `String` per entry keeps memory at the size of the text itself
/// and avoids an allocation per string while loading.
public struct SharedStringTable: Sendable {
  private var bytes: [UInt8] = []
  /// `offsets[i]..<offsets[i + 1]` is string `i`. 32 bits suffice: the text comes from one
  /// part, no part may inflate past `ReaderLimits.maxPartBytes` (under 2 GiB), and the
  /// parser stops at 4 GiB of text whatever the limits say. Half the memory of `Int` offsets
  /// matters at a million strings.
  private var offsets: [UInt32] = [0]

  public init() {}

  /// The number of strings.
  public var count: Int { offsets.count - 1 }

  /// The bytes of text held.
  public var byteCount: Int { bytes.count }

  /// The bytes the table takes in memory: its text and an offset per string, so that a
  /// table of many empty strings costs what it holds (`ReaderLimits.sharedStringBytes`).
  public var memoryCost: Int { bytes.count + MemoryLayout<UInt32>.size * offsets.count }

  /// What one more string adds to `memoryCost` besides its text.
  static let costPerString = MemoryLayout<UInt32>.size

  /// String `index`, or nil when out of range.
  public func string(at index: Int) -> String? {
    guard index >= 0, index < count else { return nil }
    return bytes.withUnsafeBufferPointer {
      String(
        decoding: UnsafeBufferPointer(rebasing: $0[Int(offsets[index])..<Int(offsets[index + 1])]),
        as: UTF8.self)
    }
  }

  /// Calls `body` with the UTF-8 bytes of string `index` without copying; false when out of range.
  public func withUTF8<R>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows
    -> R?
  {
    guard index >= 0, index < count else { return nil }
    return try bytes.withUnsafeBufferPointer {
      try body(UnsafeBufferPointer(rebasing: $0[Int(offsets[index])..<Int(offsets[index + 1])]))
    }
  }

  /// Sizes the buffers once, up front: grown by doubling, a table of a million strings
  /// briefly held two copies of each buffer, and the freed copies stayed in the heap.
  /// Pages reserved but never written cost no memory.
  mutating func reserve(bytes byteCount: Int, strings: Int) {
    bytes.reserveCapacity(byteCount)
    offsets.reserveCapacity(strings + 1)
  }

  mutating func append(_ text: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: text) }

  /// Appends every string of `other` (a later fragment's table). The caller keeps the text
  /// below 4 GiB (see `offsets`).
  mutating func append(contentsOf other: SharedStringTable) {
    let base = UInt32(bytes.count)
    bytes.append(contentsOf: other.bytes)
    offsets.append(contentsOf: other.offsets.dropFirst().lazy.map { $0 + base })
  }

  /// The length of the string being built.
  var pendingLength: Int { bytes.count - Int(offsets[offsets.count - 1]) }

  /// Ends the string being built, decoding Excel's `_xHHHH_` escapes in it.
  mutating func finishString() {
    let start = Int(offsets[offsets.count - 1])
    if bytes[start...].contains(0x5F) {
      let decoded = ExcelEscapes.decode(bytes[start...])
      bytes.removeSubrange(start...)
      bytes.append(contentsOf: decoded)
    }
    offsets.append(UInt32(truncatingIfNeeded: bytes.count))  // below 4 GiB: see `offsets`
  }
}

/// Excel's `_xHHHH_` escapes (ST_Xstring): `_x000D_` is a carriage return; `_x005F_` escapes
/// an underscore that would otherwise start an escape.
enum ExcelEscapes {
  static func decode<C: Collection>(_ text: C) -> [UInt8] where C.Element == UInt8 {
    let source = Array(text)
    var output: [UInt8] = []
    output.reserveCapacity(source.count)
    var index = 0
    while index < source.count {
      if source[index] == 0x5F, index + 6 < source.count, source[index + 1] == 0x78,
        source[index + 6] == 0x5F, let scalar = hexScalar(source[index + 2..<index + 6])
      {
        output.append(contentsOf: Array(String(Character(scalar)).utf8))
        index += 7
      } else {
        output.append(source[index])
        index += 1
      }
    }
    return output
  }

  private static func hexScalar(_ digits: ArraySlice<UInt8>) -> Unicode.Scalar? {
    var value: UInt32 = 0
    for byte in digits {
      let digit: UInt8
      switch byte {
      case 0x30...0x39: digit = byte - 0x30
      case 0x41...0x46: digit = byte - 0x41 + 10
      case 0x61...0x66: digit = byte - 0x61 + 10
      default: return nil
      }
      value = value * 16 + UInt32(digit)
    }
    return Unicode.Scalar(value)
  }
}

/// Reads `sharedStrings.xml`: the text of each `<si>`, rich-text runs joined, furigana
/// (`<rPh>` runs and `<phoneticPr>`) dropped.
final class SharedStringsParser: SAXHandler {
  // Touched only from libxml2's callbacks, one call at a time on one thread: the dynamic
  // exclusivity checks on each string's text cost more than appending it.
  @exclusivity(unchecked) private(set) var table = SharedStringTable()
  private let limits: ReaderLimits
  private let fileName: String
  private let partName: String
  @exclusivity(unchecked) private var inItem = false
  @exclusivity(unchecked) private var textDepth = 0
  @exclusivity(unchecked) private var phoneticDepth = 0
  /// The `uniqueCount` the `<sst>` start tag declares, if any.
  private(set) var declaredCount: Int?

  /// The part's inflated size as the zip directory gives it: an upper bound of the text.
  private let partBytes: Int

  /// The most `table.memoryCost` may reach: the limit, and 4 GiB (see `offsets`).
  private var costLimit: Int { Self.costLimit(limits) }

  static func costLimit(_ limits: ReaderLimits) -> Int {
    min(limits.sharedStringBytes, Int(UInt32.max))
  }

  private func tooLarge() -> XLSXError {
    XLSXError(
      .limitExceeded(.sharedStringBytes), file: fileName, part: partName,
      detail:
        "the shared strings hold more than \(limits.sharedStringBytes) bytes (their text and 4 bytes per string)",
      japanese: "共有文字列の合計が \(limits.sharedStringBytes) バイトを超えています（文字列の内容と 1 個につき 4 バイト）")
  }

  init(limits: ReaderLimits, fileName: String, partName: String, partBytes: Int = 0) {
    self.limits = limits
    self.fileName = fileName
    self.partName = partName
    self.partBytes = partBytes
  }

  func startElement(_ name: XMLName, attributes: XMLAttributes) throws {
    if name.is("sst") {
      declaredCount = attributes.integer("uniqueCount")
      Self.reserve(&table, partBytes: partBytes, declaredCount: declaredCount, limits: limits)
    } else if name.is("si") {
      inItem = true
    } else if name.is("t") {
      textDepth += 1
    } else if name.is("rPh") {
      phoneticDepth += 1
    }
  }

  /// Sizes `table` for a part of `partBytes` declaring `declaredCount` strings. Both numbers
  /// come from the file: each is capped by the limit on the text (and a string takes at least
  /// the 9 bytes of `<si></si>`), so a lie costs address space only.
  static func reserve(
    _ table: inout SharedStringTable, partBytes: Int, declaredCount: Int?, limits: ReaderLimits
  ) {
    let bytes = min(partBytes, limits.sharedStringBytes)
    table.reserve(bytes: bytes, strings: min(declaredCount ?? 0, bytes / 9))
  }

  func endElement(_ name: XMLName) throws {
    if name.is("si") {
      inItem = false
      // Counted here too: an empty string's offset costs memory though it has no text.
      if table.memoryCost + SharedStringTable.costPerString > costLimit { throw tooLarge() }
      table.finishString()
    } else if name.is("t") {
      textDepth -= 1
    } else if name.is("rPh") {
      phoneticDepth -= 1
    }
  }

  func characters(_ bytes: UnsafeBufferPointer<UInt8>) throws {
    guard inItem, textDepth > 0, phoneticDepth == 0 else { return }
    if table.memoryCost + bytes.count > costLimit { throw tooLarge() }
    if table.pendingLength + bytes.count > limits.stringLength {
      throw XLSXError(
        .limitExceeded(.stringLength), file: fileName, part: partName,
        detail: "shared string \(table.count) is longer than \(limits.stringLength) bytes",
        japanese: "\(table.count) 番の共有文字列が \(limits.stringLength) バイトを超えています")
    }
    table.append(bytes)
  }
}

extension SharedStringsParser {
  static let saxCallbacks = SAXCallbacks(
    start: { SAXParser<SharedStringsParser>.start($0, $1, $6, $8) },
    end: { context, name, _, _ in SAXParser<SharedStringsParser>.end(context, name) },
    text: { SAXParser<SharedStringsParser>.text($0, $1, $2) })
}
