/// A strict JSON pull parser (RFC 8259) over UTF-8 bytes, with line and column in errors.
///
/// Used instead of `JSONDecoder` because, on Linux, that one accepts trailing commas,
/// reports a non-integer where an integer belongs as "not valid JSON" without a path,
/// and gives no position for syntax errors.
///
/// It never needs the whole document as a tree: `outline` checks the syntax of all of it
/// while building nothing, then a reader steps through the parts it wants (`beginArray`,
/// `nextElement`) and builds only one small value at a time (`node`). A large records file
/// is thus held once, as its bytes, and not again as a tree.
///
/// The parser reads bytes it does not own: use it only inside the `withUnsafeBytes` that
/// lent them.
struct JSONParser {
  /// Deeper nesting than any records file needs; stops stack exhaustion on hostile input.
  static let maximumDepth = 256

  private let bytes: UnsafeRawBufferPointer
  private var index: Int
  /// Containers open around `index`, counted as a whole-document parse would count them.
  private var depth: Int

  /// A parser at `index`, inside `depth` open containers.
  init(_ bytes: UnsafeRawBufferPointer, at index: Int = 0, depth: Int = 0) {
    self.bytes = bytes
    self.index = index
    self.depth = depth
  }

  /// Checks that the bytes are one JSON text, building nothing. For a top-level object it
  /// also says where the value of each of `keys` starts; a repeated key gives its last value,
  /// as most JSON readers keep it.
  static func outline(
    _ bytes: UnsafeRawBufferPointer, keys: Set<String>
  ) throws(RecordsJSONError) -> JSONOutline {
    var parser = JSONParser(bytes)
    parser.skipByteOrderMark()
    parser.skipWhitespace()
    let start = parser.index
    var members: [String: Int]?
    var counts: [String: Int] = [:]
    if start < bytes.count, bytes[start] == UInt8(ascii: "{") {
      var found: [String: Int] = [:]
      var key = try parser.beginObject()
      while let name = key {
        parser.skipWhitespace()
        if keys.contains(name), parser.index < bytes.count {
          found[name] = parser.index
          counts[name] = nil
          if bytes[parser.index] == UInt8(ascii: "[") {
            counts[name] = try parser.countElements()
            key = try parser.nextKey()
            continue
          }
        }
        _ = try parser.value(building: false)
        key = try parser.nextKey()
      }
      members = found
    } else {
      _ = try parser.value(building: false)
    }
    parser.skipWhitespace()
    guard parser.index == bytes.count else {
      throw parser.failure("unexpected text after the end of the document", "文書の終わりの後に余分な文字があります")
    }
    return JSONOutline(start: start, members: members, counts: counts)
  }

  /// Checks the array at the current `[`, building nothing; how many elements it has.
  private mutating func countElements() throws(RecordsJSONError) -> Int {
    var count = 0
    var more = try beginArray()
    while more {
      _ = try value(building: false)
      count += 1
      more = try nextElement()
    }
    return count
  }

  /// The value at the current position, built as a tree.
  mutating func node() throws(RecordsJSONError) -> JSONNode {
    try value(building: true)
  }

  /// The value at the current position with its arrays and objects left empty: enough to
  /// say what it is, whatever it holds.
  mutating func kind() throws(RecordsJSONError) -> JSONNode {
    try value(building: false)
  }

  /// Opens the array at the current position; true when it has a first element to read.
  mutating func beginArray() throws(RecordsJSONError) -> Bool {
    skipWhitespace()
    guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else {
      throw failure("expected a value", "ここには値が必要です")
    }
    try enter()
    index += 1
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      depth -= 1
      return false
    }
    return true
  }

  /// After an element: true when another follows, false when the array has closed.
  mutating func nextElement() throws(RecordsJSONError) -> Bool {
    skipWhitespace()
    guard index < bytes.count else {
      throw failure("unexpected end inside an array", "配列の途中で文書が終わっています")
    }
    if bytes[index] == UInt8(ascii: ",") {
      index += 1
      return true
    }
    if bytes[index] == UInt8(ascii: "]") {
      index += 1
      depth -= 1
      return false
    }
    throw failure("expected ',' or ']'", "ここには ',' または ']' が必要です")
  }

  /// Opens the object at the current `{`; its first key (the parser then stands before that
  /// key's value), or nil when it is empty.
  private mutating func beginObject() throws(RecordsJSONError) -> String? {
    try enter()
    index += 1
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      depth -= 1
      return nil
    }
    return try key()
  }

  /// After a member's value: the next key, or nil when the object has closed.
  private mutating func nextKey() throws(RecordsJSONError) -> String? {
    skipWhitespace()
    guard index < bytes.count else {
      throw failure("unexpected end inside an object", "オブジェクトの途中で文書が終わっています")
    }
    if bytes[index] == UInt8(ascii: ",") {
      index += 1
      return try key()
    }
    if bytes[index] == UInt8(ascii: "}") {
      index += 1
      depth -= 1
      return nil
    }
    throw failure("expected ',' or '}'", "ここには ',' または '}' が必要です")
  }

  /// A member's key and its ':'.
  private mutating func key() throws(RecordsJSONError) -> String {
    skipWhitespace()
    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
      throw failure("expected a quoted key", "ここには引用符で囲んだキーが必要です")
    }
    let key = try string()
    skipWhitespace()
    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
      throw failure("expected ':' after the key \"\(key)\"", "キー \"\(key)\" の後に ':' が必要です")
    }
    index += 1
    return key
  }

  private mutating func skipByteOrderMark() {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
  }

  private mutating func skipWhitespace() {
    while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
  }

  /// One value; when not `building`, only checked (containers come back empty).
  private mutating func value(building: Bool) throws(RecordsJSONError) -> JSONNode {
    skipWhitespace()
    guard index < bytes.count else {
      throw failure("unexpected end of the document", "文書が途中で終わっています")
    }
    switch bytes[index] {
    case UInt8(ascii: "{"):
      var members: [(key: String, value: JSONNode)] = []
      var key = try beginObject()
      while let name = key {
        let member = try value(building: building)
        if building { members.append((name, member)) }
        key = try nextKey()
      }
      return .object(members)
    case UInt8(ascii: "["):
      var items: [JSONNode] = []
      var more = try beginArray()
      while more {
        let item = try value(building: building)
        if building { items.append(item) }
        more = try nextElement()
      }
      return .array(items)
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"):
      try literal("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try literal("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try literal("null")
      return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
    default: throw failure("expected a value", "ここには値が必要です")
    }
  }

  private mutating func enter() throws(RecordsJSONError) {
    depth += 1
    if depth > Self.maximumDepth {
      throw failure("nested deeper than \(Self.maximumDepth)", "入れ子が \(Self.maximumDepth) 段を超えています")
    }
  }

  private mutating func literal(_ word: String) throws(RecordsJSONError) {
    let expected = Array(word.utf8)
    guard bytes[index...].starts(with: expected) else {
      throw failure("expected a value", "ここには値が必要です")
    }
    index += expected.count
  }

  private mutating func number() throws(RecordsJSONError) -> JSONNode {
    let start = index
    func digits() -> Int {
      let first = index
      while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
      return index - first
    }
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    let integerStart = index
    let integerDigits = digits()
    guard integerDigits > 0 else { throw failure("expected a digit", "ここには数字が必要です") }
    if integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") {
      throw failure("numbers must not start with 0", "数値を 0 で始めることはできません", at: integerStart)
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard digits() > 0 else { throw failure("expected a digit after '.'", "'.' の後に数字が必要です") }
    }
    if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")
      {
        index += 1
      }
      guard digits() > 0 else { throw failure("expected a digit in the exponent", "指数部に数字が必要です") }
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    guard let value = Double(text), value.isFinite else {
      throw failure("the number \(text) is out of range", "数値 \(text) は範囲外です", at: start)
    }
    return .number(value)
  }

  private mutating func string() throws(RecordsJSONError) -> String {
    index += 1
    // Most strings have no escape: made straight from their bytes, with no copy to grow.
    var end = index
    while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"),
      bytes[end] >= 0x20
    {
      end += 1
    }
    if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
      let text = String(validating: bytes[index..<end], as: UTF8.self)
      index = end + 1
      guard let text else {
        throw failure("a string is not valid UTF-8", "文字列が正しい UTF-8 ではありません")
      }
      return text
    }
    var utf8: [UInt8] = []
    utf8.reserveCapacity(end - index)
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\""):
        index += 1
        guard let text = String(validating: utf8, as: UTF8.self) else {
          throw failure("a string is not valid UTF-8", "文字列が正しい UTF-8 ではありません")
        }
        return text
      case UInt8(ascii: "\\"):
        index += 1
        guard index < bytes.count else { break }
        let escape = bytes[index]
        index += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"): utf8.append(contentsOf: try unicodeEscape())
        default: throw failure("unknown escape in a string", "文字列に不明なエスケープがあります", at: index - 2)
        }
      case 0x00..<0x20:
        throw failure(
          "control character inside a string; write it as an escape",
          "文字列の中に制御文字があります。エスケープで書いてください")
      default:
        utf8.append(byte)
        index += 1
      }
    }
    throw failure("unterminated string", "文字列が閉じられていません")
  }

  /// `\uXXXX`, joining surrogate pairs; a lone surrogate becomes U+FFFD.
  private mutating func unicodeEscape() throws(RecordsJSONError) -> [UInt8] {
    var value = try hexQuad()
    if (0xD800...0xDBFF).contains(value), bytes[index...].starts(with: Array("\\u".utf8)) {
      let save = index
      index += 2
      let low = try hexQuad()
      if (0xDC00...0xDFFF).contains(low) {
        value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
      } else {
        index = save
      }
    }
    let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
    return Array(String(Character(scalar)).utf8)
  }

  private mutating func hexQuad() throws(RecordsJSONError) -> UInt32 {
    guard index + 4 <= bytes.count else {
      throw failure("expected four hex digits after \\u", "\\u の後に 16 進数 4 桁が必要です")
    }
    var value: UInt32 = 0
    for byte in bytes[index..<(index + 4)] {
      guard let digit = UInt32(String(UnicodeScalar(byte)), radix: 16) else {
        throw failure("expected four hex digits after \\u", "\\u の後に 16 進数 4 桁が必要です")
      }
      value = value << 4 | digit
    }
    index += 4
    return value
  }

  /// An error at the current position (or `at`), as line and column (1-based, columns in
  /// characters).
  private func failure(_ message: String, _ japanese: String, at position: Int? = nil)
    -> RecordsJSONError
  {
    let offset = min(position ?? index, bytes.count)
    var line = 1
    var lineStart = 0
    for (place, byte) in bytes[..<offset].enumerated() where byte == 0x0A {
      line += 1
      lineStart = place + 1
    }
    let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
    return RecordsJSONError(
      path: "", message: "invalid JSON at line \(line), column \(column): \(message)",
      japanese: "JSON の \(line) 行 \(column) 列目が正しくありません: \(japanese)")
  }
}

/// Where a checked document's parts start (the first byte of each value): the top-level
/// value, and for a top-level object the value of each key asked for (nil when the document
/// is not an object), with the number of elements of each of them that is an array.
struct JSONOutline {
  let start: Int
  let members: [String: Int]?
  let counts: [String: Int]
}
