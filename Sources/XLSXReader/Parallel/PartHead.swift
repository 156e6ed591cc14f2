/// The start of a part, up to and including the start tag of the element holding its
/// repeated items (a worksheet's `<sheetData>` holding rows, the shared-string table's
/// `<sst>` holding strings): what every fragment of the items after it is parsed under, so
/// that each fragment sees the same namespaces, the same nesting and the same container as
/// the whole part.
struct PartHead {
  /// The elements a part is cut by.
  struct Shape {
    /// The local name of the element holding the items.
    let container: String
    /// The local name of an item.
    let item: String

    static let worksheet = Shape(container: "sheetData", item: "row")
    static let sharedStrings = Shape(container: "sst", item: "si")
  }

  /// The head's bytes, replayed before every fragment but the first.
  let bytes: [UInt8]
  /// The end tags that close what the head leaves open (`</sheetData></worksheet>`), with the
  /// part's own prefixes; appended after every fragment but the last.
  let closing: [UInt8]
  /// An item's end tag as this part writes it (`</row>`, or `</x:row>` when `sheetData` has
  /// a prefix): a fragment ends just after one.
  let itemEnd: [UInt8]

  enum Scan {
    case found(PartHead)
    /// The bytes end before the container's start tag: read more.
    case needMore
    /// Something the fragments could not replay safely (a DOCTYPE, an encoding other than
    /// UTF-8, a mismatched end tag): read the part whole instead.
    case unsupported
  }

  /// Looks for the head at the start of `bytes`, the first bytes of a part of this shape.
  ///
  /// Only what the scan needs is checked; libxml2 still parses the head in every fragment,
  /// so any error in it is reported exactly as for the whole part.
  static func scan(_ bytes: UnsafeBufferPointer<UInt8>, shape: Shape = .worksheet) -> Scan {
    var scanner = Scanner(bytes: bytes, shape: shape)
    return scanner.run()
  }

  private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let shape: Shape
    var index = 0
    /// The qualified names of the open elements, outermost first.
    var open: [Range<Int>] = []

    init(bytes: UnsafeBufferPointer<UInt8>, shape: Shape) {
      self.bytes = bytes
      self.shape = shape
    }

    mutating func run() -> Scan {
      if starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
      if let first = bytes.first, first != 0xEF && first != 0x3C && !isSpace(first) {
        return .unsupported  // UTF-16, UTF-32 or not XML at all
      }
      while true {
        guard let less = find(0x3C, from: index) else { return .needMore }
        index = less
        guard index + 1 < bytes.count else { return .needMore }
        let scan: Scan?
        switch bytes[index + 1] {
        case 0x3F: scan = skipDeclarationOrInstruction()  // <?
        case 0x21: scan = skipCommentOrCDATA()  // <!
        case 0x2F: scan = closeElement()  // </
        default: scan = openElement()
        }
        if let scan { return scan }
      }
    }

    // MARK: Markup

    private mutating func skipDeclarationOrInstruction() -> Scan? {
      guard let end = find("?>", from: index + 2) else { return .needMore }
      let instruction = UnsafeBufferPointer(rebasing: bytes[index..<end])
      if index <= 3, Self.startsWith(instruction, "<?xml"), !Self.declaresUTF8(instruction) {
        return .unsupported
      }
      index = end + 2
      return nil
    }

    private mutating func skipCommentOrCDATA() -> Scan? {
      if starts(with: Array("<!--".utf8), at: index) {
        guard let end = find("-->", from: index + 4) else { return .needMore }
        index = end + 3
        return nil
      }
      if starts(with: Array("<![CDATA[".utf8), at: index) {
        guard let end = find("]]>", from: index + 9) else { return .needMore }
        index = end + 3
        return nil
      }
      // A DOCTYPE or a truncated `<!`: the whole-part parse refuses or reports it.
      return index + 9 < bytes.count ? .unsupported : .needMore
    }

    private mutating func closeElement() -> Scan? {
      let nameStart = index + 2
      var end = nameStart
      while end < bytes.count, !isNameEnd(bytes[end]) { end += 1 }
      guard let close = find(0x3E, from: end) else { return .needMore }
      guard let top = open.popLast(), equal(top, nameStart..<end) else { return .unsupported }
      index = close + 1
      return nil
    }

    private mutating func openElement() -> Scan? {
      let nameStart = index + 1
      var end = nameStart
      while end < bytes.count, !isNameEnd(bytes[end]) { end += 1 }
      guard end < bytes.count else { return .needMore }
      guard end > nameStart else { return .unsupported }
      // The tag ends at the first `>` outside quotes: attribute values may hold `>`.
      var position = end
      var quote: UInt8 = 0
      while position < bytes.count {
        let byte = bytes[position]
        if quote != 0 {
          if byte == quote { quote = 0 }
        } else if byte == 0x22 || byte == 0x27 {
          quote = byte
        } else if byte == 0x3E {
          break
        }
        position += 1
      }
      guard position < bytes.count else { return .needMore }
      let isEmpty = bytes[position - 1] == 0x2F
      index = position + 1
      // Every fragment replays the head: a merge listed in a worksheet's head (schema-invalid,
      // but readable) would be counted once per fragment.
      if localName(nameStart..<end) == "mergeCell" { return .unsupported }
      guard !isEmpty else { return nil }
      open.append(nameStart..<end)
      if open.count > 32 { return .unsupported }
      let name = nameStart..<end
      guard localName(name) == shape.container else { return nil }
      return .found(head(prefixOf: name))
    }

    private func head(prefixOf container: Range<Int>) -> PartHead {
      var closing: [UInt8] = []
      for name in open.reversed() {
        closing += Array("</".utf8) + bytes[name] + [0x3E]
      }
      let prefixEnd = bytes[container].firstIndex(of: 0x3A).map { $0 + 1 } ?? container.lowerBound
      let itemEnd =
        Array("</".utf8) + bytes[container.lowerBound..<prefixEnd] + Array("\(shape.item)>".utf8)
      return PartHead(bytes: Array(bytes[0..<index]), closing: closing, itemEnd: itemEnd)
    }

    // MARK: Bytes

    private func localName(_ name: Range<Int>) -> Substring {
      let start = bytes[name].lastIndex(of: 0x3A).map { $0 + 1 } ?? name.lowerBound
      return Substring(
        decoding: UnsafeBufferPointer(rebasing: bytes[start..<name.upperBound]), as: UTF8.self)
    }

    private func equal(_ left: Range<Int>, _ right: Range<Int>) -> Bool {
      left.count == right.count && bytes[left].elementsEqual(bytes[right])
    }

    private func isSpace(_ byte: UInt8) -> Bool {
      byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private func isNameEnd(_ byte: UInt8) -> Bool {
      isSpace(byte) || byte == 0x2F || byte == 0x3E
    }

    private func starts(with prefix: [UInt8], at position: Int = 0) -> Bool {
      guard position + prefix.count <= bytes.count else { return false }
      return bytes[position..<position + prefix.count].elementsEqual(prefix)
    }

    private func find(_ byte: UInt8, from start: Int) -> Int? {
      guard start < bytes.count else { return nil }
      return bytes[start...].firstIndex(of: byte)
    }

    private func find(_ literal: String, from start: Int) -> Int? {
      firstIndex(of: Array(literal.utf8), in: bytes, from: start)
    }

    private static func startsWith(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: String) -> Bool {
      bytes.starts(with: literal.utf8)
    }

    /// True when the XML declaration names no encoding, or UTF-8: fragments are cut and
    /// replayed as UTF-8 bytes.
    private static func declaresUTF8(_ declaration: UnsafeBufferPointer<UInt8>) -> Bool {
      let text = String(decoding: declaration, as: UTF8.self).lowercased()
      guard let range = text.firstRange(of: "encoding") else { return true }
      let rest = text[range.upperBound...].drop {
        $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'"
      }
      return rest.hasPrefix("utf-8") || rest.hasPrefix("utf8")
    }
  }
}

/// Where `pattern` first occurs in `bytes` at or after `start`, or nil.
func firstIndex(of pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int)
  -> Int?
{
  guard let first = pattern.first, start >= 0 else { return nil }
  var position = start
  while position + pattern.count <= bytes.count {
    if bytes[position] == first, bytes[position..<position + pattern.count].elementsEqual(pattern) {
      return position
    }
    position += 1
  }
  return nil
}
