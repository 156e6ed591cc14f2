/// Writes JSON text as it goes, into bytes the caller collects: every JSON kpisheet prints
/// (records, `validate`, `cells`, the batch summary) comes out of this one writer.
///
/// Nothing is built as a tree first: a workbook's cells stream through in constant memory.
/// The writer does no I/O; it hands full chunks to the sink its caller supplies (a file, standard
/// output, an HTTP body), or keeps everything in ``bytes``.
///
/// Each container is opened with a ``Layout`` that says where its line breaks go, so that
/// every output keeps its own shape: records pretty-printed, `cells` one cell per line.
///
/// ```swift
/// let writer = JSONWriter()
/// writer.object(.inline) {
///   writer.member("file", "a.xlsx")
///   writer.member("layout", nil as String?)
/// }
/// // writer.text == #"{"file": "a.xlsx", "layout": null}"#
/// ```
///
/// Keys and values must alternate inside an object and a document holds one value: the writer
/// does not check this, its callers' tests do.
public final class JSONWriter {
  /// Where a container's line breaks and indentation go.
  public struct Layout: Sendable, Equatable {
    fileprivate enum Kind: Equatable {
      case fixed(opening: String, separator: String, closing: String, breaksWhenEmpty: Bool)
      case pretty
    }

    fileprivate var kind: Kind

    /// Everything on one line: `[1, 2]`, `{"a": 1, "b": 2}`.
    public static let inline = Layout(opening: "", separator: ", ", closing: "")

    /// One item per line, indented two spaces per level of nesting, like `JSONEncoder`'s
    /// `.prettyPrinted`; empty containers stay `[]` and `{}`.
    public static let pretty = Layout(kind: .pretty)

    /// One item per line after `indent`, the closing bracket on its own line after
    /// `closingIndent`; empty containers stay `[]` and `{}`.
    public static func lines(indent: String, closingIndent: String = "") -> Layout {
      Layout(opening: "\n" + indent, separator: ",\n" + indent, closing: "\n" + closingIndent)
    }

    /// Any layout: `opening` before the first item, `separator` between items, `closing`
    /// after the last. With `breaksWhenEmpty`, an empty container still gets `opening` and
    /// `closing`.
    public init(opening: String, separator: String, closing: String, breaksWhenEmpty: Bool = false)
    {
      kind = .fixed(
        opening: opening, separator: separator, closing: closing, breaksWhenEmpty: breaksWhenEmpty)
    }

    private init(kind: Kind) { self.kind = kind }
  }

  /// An open container, its layout resolved for its depth.
  private struct Level {
    var opening: String
    var separator: String
    var closing: String
    var breaksWhenEmpty: Bool
    var closingBracket: UInt8
    var count = 0
    /// Set by ``lineBreak(indent:)``: the separator before the next item only.
    var nextSeparator: String?
  }

  private var buffer: [UInt8] = []
  private var levels: [Level] = []
  private var afterKey = false
  private let sink: (([UInt8]) -> Void)?
  private let chunkSize: Int

  /// A writer that keeps everything it writes in ``bytes``.
  public init() {
    sink = nil
    chunkSize = .max
  }

  /// A writer that hands its text to `sink` in chunks of about `chunkSize` bytes, and the rest
  /// on ``flush()``.
  public init(chunkSize: Int = 1 << 16, sink: @escaping ([UInt8]) -> Void) {
    self.sink = sink
    self.chunkSize = chunkSize
    buffer.reserveCapacity(min(chunkSize, 1 << 16) + 1024)
  }

  /// What has been written and not yet handed to a sink: everything, for a writer without one.
  public var bytes: [UInt8] { buffer }

  /// ``bytes`` as text.
  public var text: String { String(decoding: buffer, as: UTF8.self) }

  /// Hands what is buffered to the sink (nothing happens without a sink).
  public func flush() {
    guard let sink, !buffer.isEmpty else { return }
    sink(buffer)
    buffer.removeAll(keepingCapacity: true)
  }

  // MARK: Containers

  /// Opens an object; its members are ``key(_:)`` and a value, in turn.
  public func beginObject(_ layout: Layout = .inline) {
    begin(UInt8(ascii: "{"), UInt8(ascii: "}"), layout)
  }

  /// Closes the innermost object.
  public func endObject() { end() }

  /// Opens an array.
  public func beginArray(_ layout: Layout = .inline) {
    begin(UInt8(ascii: "["), UInt8(ascii: "]"), layout)
  }

  /// Closes the innermost array.
  public func endArray() { end() }

  /// Puts the next item of the innermost container on a new line after `indent`, whatever
  /// its layout says: `{"converted": 2, …,\n "inputs": […]}`.
  public func lineBreak(indent: String) {
    guard !levels.isEmpty else { return }
    levels[levels.count - 1].nextSeparator = ",\n" + indent
  }

  /// Writes a line end after the document (or between documents of a stream).
  public func newline() { append(UInt8(ascii: "\n")) }

  private func begin(_ bracket: UInt8, _ closingBracket: UInt8, _ layout: Layout) {
    startValue()
    append(bracket)
    let level: Level
    switch layout.kind {
    case .fixed(let opening, let separator, let closing, let breaksWhenEmpty):
      level = Level(
        opening: opening, separator: separator, closing: closing,
        breaksWhenEmpty: breaksWhenEmpty, closingBracket: closingBracket)
    case .pretty:
      let inner = String(repeating: "  ", count: levels.count + 1)
      level = Level(
        opening: "\n" + inner, separator: ",\n" + inner,
        closing: "\n" + String(repeating: "  ", count: levels.count), breaksWhenEmpty: false,
        closingBracket: closingBracket)
    }
    levels.append(level)
  }

  private func end() {
    guard let level = levels.popLast() else { return }
    if level.count > 0 {
      append(level.closing)
    } else if level.breaksWhenEmpty {
      append(level.opening)
      append(level.closing)
    }
    append(level.closingBracket)
    afterKey = false
  }

  /// Writes what goes before a value: nothing after a key, else the container's opening or
  /// separator.
  private func startValue() {
    if afterKey {
      afterKey = false
      return
    }
    guard !levels.isEmpty else { return }
    let index = levels.count - 1
    if levels[index].count == 0 {
      append(levels[index].opening)
    } else {
      append(levels[index].nextSeparator ?? levels[index].separator)
    }
    levels[index].nextSeparator = nil
    levels[index].count += 1
  }

  // MARK: Keys and values

  /// Writes an object member's key; the value comes next.
  public func key(_ name: String) {
    startValue()
    writeQuoted(name)
    append(UInt8(ascii: ":"))
    append(UInt8(ascii: " "))
    afterKey = true
  }

  /// A string value: quotes, backslashes and control characters escaped, everything else
  /// (Japanese included) written as is, so files stay readable.
  public func string(_ value: String) {
    startValue()
    writeQuoted(value)
  }

  /// A number value printed by ``NumberFormatting/string(_:_:)`` at `precision`; NaN and
  /// infinities, which JSON cannot hold, become `null`.
  public func number(_ value: Double, _ precision: NumberFormatting.Precision) {
    guard value.isFinite else { return null() }
    startValue()
    append(NumberFormatting.string(value, precision))
  }

  /// An integer value.
  public func integer(_ value: Int) {
    startValue()
    append(String(value))
  }

  /// `true` or `false`.
  public func bool(_ value: Bool) {
    startValue()
    append(value ? "true" : "false")
  }

  /// `null`.
  public func null() {
    startValue()
    append("null")
  }

  // MARK: Bytes

  private func append(_ byte: UInt8) {
    buffer.append(byte)
    if buffer.count >= chunkSize { flush() }
  }

  private func append(_ text: String) {
    var text = text
    text.withUTF8 { buffer.append(contentsOf: $0) }
    if buffer.count >= chunkSize { flush() }
  }

  private func writeQuoted(_ value: String) {
    buffer.append(UInt8(ascii: "\""))
    var value = value
    value.withUTF8 { utf8 in
      // Most strings need no escape: copy them whole.
      guard utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else {
        buffer.append(contentsOf: utf8)
        return
      }
      for byte in utf8 { appendEscaped(byte) }
    }
    append(UInt8(ascii: "\""))
  }

  private func appendEscaped(_ byte: UInt8) {
    switch byte {
    case 0x22: buffer += [0x5C, 0x22]
    case 0x5C: buffer += [0x5C, 0x5C]
    case 0x0A: buffer += [0x5C, UInt8(ascii: "n")]
    case 0x0D: buffer += [0x5C, UInt8(ascii: "r")]
    case 0x09: buffer += [0x5C, UInt8(ascii: "t")]
    case 0x08: buffer += [0x5C, UInt8(ascii: "b")]
    case 0x0C: buffer += [0x5C, UInt8(ascii: "f")]
    case ..<0x20:
      let hex = Array("0123456789abcdef".utf8)
      buffer += [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
    default: buffer.append(byte)
    }
  }
}

extension JSONWriter {
  /// An object, its members written by `body`.
  public func object(_ layout: Layout = .inline, _ body: () throws -> Void) rethrows {
    beginObject(layout)
    try body()
    endObject()
  }

  /// An array, its items written by `body`.
  public func array(_ layout: Layout = .inline, _ body: () throws -> Void) rethrows {
    beginArray(layout)
    try body()
    endArray()
  }

  /// `"key": "value"`, or `"key": null` when `value` is nil.
  public func member(_ key: String, _ value: String?) {
    self.key(key)
    if let value { string(value) } else { null() }
  }

  /// `"key": 12`.
  public func member(_ key: String, _ value: Int) {
    self.key(key)
    integer(value)
  }

  /// `"key": true`.
  public func member(_ key: String, _ value: Bool) {
    self.key(key)
    bool(value)
  }

  /// `"key": 5.4`, or `"key": null` when `value` is nil.
  public func member(_ key: String, _ value: Double?, _ precision: NumberFormatting.Precision) {
    self.key(key)
    if let value { number(value, precision) } else { null() }
  }

  /// `"key": "value"`, left out when `value` is nil.
  public func memberIfPresent(_ key: String, _ value: String?) {
    if let value { member(key, value) }
  }

  /// `"key": 12`, left out when `value` is nil.
  public func memberIfPresent(_ key: String, _ value: Int?) {
    if let value { member(key, value) }
  }

  /// `"key": ["a", "b"]`, the array on `layout`.
  public func member(_ key: String, strings: [String], _ layout: Layout = .inline) {
    self.key(key)
    array(layout) { for item in strings { string(item) } }
  }
}
