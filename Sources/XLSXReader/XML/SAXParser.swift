internal import CLibXML2

/// Receives the events of one part, as libxml2's SAX2 parser reports them; each part reader
/// implements the events it needs (the others do nothing).
///
/// Names and values are borrowed bytes, valid only during the call: nothing is allocated
/// per element unless the handler asks for a `String`.
protocol SAXHandler: AnyObject {
  func startElement(_ name: XMLName, attributes: XMLAttributes) throws
  func endElement(_ name: XMLName) throws
  func characters(_ bytes: UnsafeBufferPointer<UInt8>) throws
  /// libxml2's callbacks into `SAXParser<Self>` (see `SAXCallbacks`).
  static var saxCallbacks: SAXCallbacks { get }
}

extension SAXHandler {
  func startElement(_ name: XMLName, attributes: XMLAttributes) throws {}
  func endElement(_ name: XMLName) throws {}
  func characters(_ bytes: UnsafeBufferPointer<UInt8>) throws {}
}

/// libxml2's element and text callbacks for one handler type, each passing the event to
/// `SAXParser<Handler>`, which calls the handler as its own type: directly, or inlined into
/// the callback, never through a table.
///
/// Swift forms a C function pointer only from a closure in non-generic code, so a generic
/// parser cannot make these itself: each handler type writes its three, always alike:
///
/// ```swift
/// static let saxCallbacks = SAXCallbacks(
///   start: { SAXParser<StylesParser>.start($0, $1, $6, $8) },
///   end: { context, name, _, _ in SAXParser<StylesParser>.end(context, name) },
///   text: { SAXParser<StylesParser>.text($0, $1, $2) })
/// ```
///
/// The corresponding C types are `startElementNsSAX2Func`, `endElementNsSAX2Func` and
/// `charactersSAXFunc`.
struct SAXCallbacks {
  /// (user data, local name, prefix, URI, namespace count, namespaces, attribute count,
  /// defaulted attribute count, attributes).
  typealias Start =
    @convention(c) (
      UnsafeMutableRawPointer?, UnsafePointer<UInt8>?, UnsafePointer<UInt8>?, UnsafePointer<UInt8>?,
      Int32, UnsafeMutablePointer<UnsafePointer<UInt8>?>?, Int32, Int32,
      UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    ) -> Void
  /// (user data, local name, prefix, URI).
  typealias End =
    @convention(c) (
      UnsafeMutableRawPointer?, UnsafePointer<UInt8>?, UnsafePointer<UInt8>?, UnsafePointer<UInt8>?
    ) -> Void
  /// (user data, bytes, count).
  typealias Text = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<UInt8>?, Int32) -> Void

  let start: Start
  let end: End
  let text: Text
}

/// An element's local name (its namespace prefix dropped: transitional and Strict OOXML
/// use different namespace URIs for the same elements).
struct XMLName {
  let pointer: UnsafePointer<UInt8>

  /// True when the name is exactly `literal`.
  @inline(__always) func `is`(_ literal: StaticString) -> Bool {
    let expected = literal.utf8Start
    let count = literal.utf8CodeUnitCount
    for index in 0..<count where pointer[index] != expected[index] { return false }
    return pointer[count] == 0
  }

  var string: String { String(cString: pointer) }
}

/// An element's attributes: libxml2's array of (localname, prefix, URI, value start, value end).
struct XMLAttributes {
  let base: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
  let count: Int

  /// The value of the part's own attribute with this local name (see `XMLNamespace.isOwn`):
  /// `z:r` in a foreign namespace is another attribute, which Excel ignores.
  @inline(__always) func value(_ localName: StaticString) -> UnsafeBufferPointer<UInt8>? {
    value(localName) { XMLNamespace.isOwn($0) }
  }

  /// The value of the attribute with this local name in `namespace` (`r:id`).
  func value(_ localName: StaticString, in namespace: XMLNamespace) -> UnsafeBufferPointer<UInt8>? {
    value(localName) { $0.map(namespace.matches) ?? false }
  }

  /// The value of the first attribute with this local name whose namespace URI (nil when
  /// unprefixed) `accepts`.
  @inline(__always) private func value(
    _ localName: StaticString, namespace accepts: (UnsafePointer<UInt8>?) -> Bool
  ) -> UnsafeBufferPointer<UInt8>? {
    guard let base else { return nil }
    for index in 0..<count {
      let slot = base + index * 5
      guard let name = slot[0], XMLName(pointer: name).is(localName), accepts(slot[2]),
        let start = slot[3], let end = slot[4]
      else { continue }
      return UnsafeBufferPointer(start: start, count: end - start)
    }
    return nil
  }

  /// Calls `body` with each of the part's own attributes' local name (NUL-terminated) and
  /// value; attributes in a foreign namespace are skipped.
  @inline(__always) func visit(_ body: (UnsafePointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Void) {
    guard let base else { return }
    for index in 0..<count {
      let slot = base + index * 5
      guard let name = slot[0], XMLNamespace.isOwn(slot[2]), let start = slot[3],
        let end = slot[4]
      else { continue }
      body(name, UnsafeBufferPointer(start: start, count: end - start))
    }
  }

  /// The value as a `String`.
  func string(_ localName: StaticString) -> String? {
    value(localName).map(Self.text)
  }

  /// The value in `namespace` as a `String`.
  func string(_ localName: StaticString, in namespace: XMLNamespace) -> String? {
    value(localName, in: namespace).map(Self.text)
  }

  /// An attribute value as text. Without entity replacement (never on: see SAXParser),
  /// libxml2 hands over every `&` of an attribute value, from `&amp;` or `&#38;`, as the
  /// five characters `&#38;`, so that the sheet "R&D" would read as "R&#38;D". Every `&`
  /// being escaped, undoing the escape once, left to right, gives back the value exactly.
  static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    let text = String(decoding: bytes, as: UTF8.self)
    guard bytes.contains(UInt8(ascii: "&")) else { return text }
    return text.replacing("&#38;", with: "&")
  }

  /// The value as a non-negative decimal integer, or nil when absent or not a number.
  func integer(_ localName: StaticString) -> Int? {
    guard let bytes = value(localName) else { return nil }
    return parseDecimal(bytes)
  }
}

/// Parses a non-negative decimal integer, or nil (overflow included).
@inline(__always) func parseDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
  guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
  var value = 0
  for byte in bytes {
    guard byte >= 0x30 && byte <= 0x39 else { return nil }
    value = value * 10 + Int(byte - 0x30)
  }
  return value
}

/// Fills the start of a buffer with a document's next bytes and says how many: 0 at its end.
typealias ByteSource = (UnsafeMutableRawBufferPointer) throws -> Int

/// Runs one part through libxml2's SAX2 parser, safely, pulling the part's bytes as the
/// parser asks for them, and passes its events to a `Handler`.
///
/// The safety rules (measured on libxml2 2.9.14): never `XML_PARSE_NOENT` (external entities
/// would be loaded) nor `XML_PARSE_HUGE` (it disables the entity-amplification guard); only
/// our callbacks are installed, so the default tree builder never runs; any DOCTYPE stops the
/// parse (OOXML parts never carry one); external entities never load; no network.
///
/// Pulled rather than pushed: the push parser looks ahead for the end of every tag and run
/// of text before parsing it, in case it has not arrived yet, which costs more than the pull
/// parser reading the same sheet; pulled, a part's inflated bytes also go straight into
/// libxml2's buffer.
///
/// Generic over the handler so that a worksheet's handler, called for every element and
/// value of every cell, is called directly. libxml2's user data points at the parse's
/// `SAXParseState` and the handler is reached through a typed pointer to its `HandlerSlot`,
/// not as a class reference made from a raw pointer (which Swift would retain and release
/// on every event).
enum SAXParser<Handler: SAXHandler> {
  /// Parses `entry` of `archive`, inflating its bytes as libxml2 asks for them.
  static func parse(
    _ entry: ZipArchive.Entry, of archive: ZipArchive, handler: Handler, limits: ReaderLimits
  ) throws {
    let reader = try ZipArchive.PartReader(entry, of: archive)
    try parse(fileName: archive.fileName, partName: entry.name, handler: handler, limits: limits) {
      try reader.read(into: $0)
    }
  }

  /// Parses bytes held in memory (used by the fuzzer and for small parts).
  static func parse(
    bytes: UnsafeRawBufferPointer, fileName: String, partName: String, handler: Handler,
    limits: ReaderLimits
  ) throws {
    var pieces = BytePieces([bytes])
    try parse(fileName: fileName, partName: partName, handler: handler, limits: limits) {
      pieces.read(into: $0)
    }
  }

  /// Parses the bytes `source` gives, in order, as one document.
  static func parse(
    fileName: String, partName: String, handler: Handler, limits: ReaderLimits,
    _ source: ByteSource
  ) throws {
    _ = libxml2Setup
    // Per thread in libxml2, so set for every parse (batches parse on several threads).
    kpisheet_silenceGenericErrors()
    let handlerSlot = UnsafeMutablePointer<HandlerSlot<Handler>>.allocate(capacity: 1)
    handlerSlot.initialize(to: HandlerSlot(handler: handler))
    defer {
      handlerSlot.deinitialize(count: 1)
      handlerSlot.deallocate()
    }
    try withoutActuallyEscaping(source) { source in
      // The state is freed before this call returns, and `source` with it.
      let state = UnsafeMutablePointer<SAXParseState>.allocate(capacity: 1)
      state.initialize(
        to: SAXParseState(
          handler: UnsafeMutableRawPointer(handlerSlot), fileName: fileName, partName: partName,
          maxDepth: limits.nestingDepth, source: source))
      defer {
        state.deinitialize(count: 1)
        state.deallocate()
      }
      try SAXParseState.run(state, callbacks: Handler.saxCallbacks)
    }
  }

  /// libxml2's start of an element, for `SAXCallbacks.start`.
  @inline(__always) static func start(
    _ context: UnsafeMutableRawPointer?, _ localName: UnsafePointer<UInt8>?,
    _ attributeCount: Int32, _ attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
  ) {
    guard let context, let localName else { return }
    let state = context.assumingMemoryBound(to: SAXParseState.self)
    guard state.pointee.enter() else { return }
    do {
      try slot(of: state).pointee.startElement(
        XMLName(pointer: localName), XMLAttributes(base: attributes, count: Int(attributeCount)))
    } catch { state.pointee.fail(error) }
  }

  /// libxml2's end of an element, for `SAXCallbacks.end`.
  @inline(__always) static func end(
    _ context: UnsafeMutableRawPointer?, _ localName: UnsafePointer<UInt8>?
  ) {
    guard let context, let localName else { return }
    let state = context.assumingMemoryBound(to: SAXParseState.self)
    guard state.pointee.leave() else { return }
    do {
      try slot(of: state).pointee.endElement(XMLName(pointer: localName))
    } catch { state.pointee.fail(error) }
  }

  /// libxml2's text (characters, CDATA and whitespace alike), for `SAXCallbacks.text`.
  @inline(__always) static func text(
    _ context: UnsafeMutableRawPointer?, _ bytes: UnsafePointer<UInt8>?, _ count: Int32
  ) {
    guard let context, let bytes, count > 0 else { return }
    let state = context.assumingMemoryBound(to: SAXParseState.self)
    guard state.pointee.failure == nil else { return }
    do {
      try slot(of: state).pointee.characters(
        UnsafeBufferPointer(start: bytes, count: Int(count)))
    } catch { state.pointee.fail(error) }
  }

  @inline(__always) private static func slot(of state: UnsafeMutablePointer<SAXParseState>)
    -> UnsafeMutablePointer<HandlerSlot<Handler>>
  {
    state.pointee.handler.assumingMemoryBound(to: HandlerSlot<Handler>.self)
  }
}

/// The handler, where libxml2's callbacks reach it through a pointer. Its methods are
/// `mutating` so that Swift knows nothing else writes the slot during a call: it borrows the
/// handler instead of retaining and releasing it around every event.
private struct HandlerSlot<Handler: SAXHandler> {
  let handler: Handler

  @inline(__always) mutating func startElement(_ name: XMLName, _ attributes: XMLAttributes)
    throws
  {
    try handler.startElement(name, attributes: attributes)
  }

  @inline(__always) mutating func endElement(_ name: XMLName) throws {
    try handler.endElement(name)
  }

  @inline(__always) mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) throws {
    try handler.characters(bytes)
  }
}

/// What one parse knows besides its handler: the part, the nesting depth, the first error.
/// It lives at a fixed address for the whole parse: libxml2's user data points at it.
struct SAXParseState {
  /// The `HandlerSlot` holding the handler the parse calls, in memory `SAXParser.parse` owns.
  let handler: UnsafeMutableRawPointer
  private let fileName: String
  private let partName: String
  private let maxDepth: Int
  private let source: ByteSource
  private var context: xmlParserCtxtPtr?
  private var depth = 0
  /// The first error raised inside a callback; libxml2 is stopped when it is set.
  private(set) var failure: (any Error)?
  /// The source's error, if it failed: reported once libxml2 has parsed what it had read.
  private var sourceFailure: (any Error)?
  /// libxml2's first fatal error, line and message: the pull parser goes on after such an
  /// error, and its last one is then a consequence ("Premature end of data") rather than the
  /// cause ("Opening and ending tag mismatch: c line 2 and row"). Once it is set the source
  /// is asked for nothing more, so a broken part is not read to its end.
  private var firstError: (line: Int, message: String)?

  init(
    handler: UnsafeMutableRawPointer, fileName: String, partName: String, maxDepth: Int,
    source: @escaping ByteSource
  ) {
    self.handler = handler
    self.fileName = fileName
    self.partName = partName
    self.maxDepth = maxDepth
    self.source = source
  }

  /// Parses the whole document, then reports the first error a callback raised or the
  /// parser found.
  ///
  /// Static, over the state's address: libxml2's callbacks reach the state through that
  /// address while the parse runs, so no access to it may span the parse.
  ///
  /// The corresponding C functions are `xmlCreateIOParserCtxt` and `xmlParseDocument`.
  static func run(_ state: UnsafeMutablePointer<SAXParseState>, callbacks: SAXCallbacks)
    throws
  {
    let context = try state.pointee.makeContext(
      userData: UnsafeMutableRawPointer(state), callbacks: callbacks)
    state.pointee.context = context
    defer {
      state.pointee.context = nil
      xmlFreeParserCtxt(context)
    }
    xmlParseDocument(context)
    try state.pointee.finish(context)
  }

  /// The parse's outcome, once libxml2 is done.
  private func finish(_ context: xmlParserCtxtPtr) throws {
    // A callback's error concerns bytes read before any the source failed to give.
    if let failure { throw failure }
    if let sourceFailure { throw sourceFailure }
    if context.pointee.wellFormed == 0 { throw malformed(context) }
    if depth != 0 {
      throw XLSXError(
        .malformedXML, file: fileName, part: partName,
        detail: "the XML ends before its last element closes",
        japanese: "XML が最後の要素を閉じる前に終わっています")
    }
  }

  /// Counts an element's start: false when the parse has failed or this one is too deep.
  @inline(__always) mutating func enter() -> Bool {
    guard failure == nil else { return false }
    depth += 1
    if depth > maxDepth {
      failTooDeep()
      return false
    }
    return true
  }

  /// Counts an element's end: false when the parse has failed.
  @inline(__always) mutating func leave() -> Bool {
    guard failure == nil else { return false }
    depth -= 1
    return true
  }

  /// Fills libxml2's buffer with the source's next bytes: how many, 0 at the end, or -1
  /// (which libxml2 takes for the end of its input) when the source failed.
  ///
  /// Filled whole unless the part ends: libxml2's pull parser takes a short read for the
  /// end of what it can look at (a source giving a byte at a time failed the parse).
  private mutating func pull(into buffer: UnsafeMutableRawBufferPointer) -> Int32 {
    guard failure == nil, sourceFailure == nil else { return -1 }
    if firstError != nil { return 0 }
    var filled = 0
    do {
      while filled < buffer.count {
        let count = try source(UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
        if count == 0 { break }
        filled += count
      }
      return Int32(filled)
    } catch {
      // The parse goes on over the bytes libxml2 already holds, as it would have had they
      // been pushed before the failure (a bad checksum shows only after the last byte):
      // their rows are delivered, then the source's error is reported. Not `fail`:
      // stopping the parser here would free the buffer libxml2 is filling (a crash).
      sourceFailure = error
      return filled > 0 ? Int32(filled) : -1
    }
  }

  private func makeContext(userData: UnsafeMutableRawPointer, callbacks: SAXCallbacks) throws
    -> xmlParserCtxtPtr
  {
    var sax = xmlSAXHandler()
    sax.initialized = UInt32(XML_SAX2_MAGIC)
    sax.startElementNs = callbacks.start
    sax.endElementNs = callbacks.end
    sax.characters = callbacks.text
    sax.cdataBlock = callbacks.text
    // The same callback for whitespace lets libxml2 skip its blank-text analysis (areBlanks
    // returns at once when the two are equal); text is text to every part reader.
    sax.ignorableWhitespace = callbacks.text
    // Any DOCTYPE stops the parse before its internal subset (and any entity) is read.
    sax.internalSubset = { context, _, _, _ in
      context?.assumingMemoryBound(to: SAXParseState.self).pointee.refuseDTD()
    }
    sax.externalSubset = sax.internalSubset
    sax.entityDecl = { context, _, _, _, _, _ in
      context?.assumingMemoryBound(to: SAXParseState.self).pointee.refuseDTD()
    }
    sax.getEntity = { _, _ in nil }
    // Errors are read back from the context; this keeps libxml2 from printing them.
    // libxml2's user data here is the state (set below); only its first fatal error is kept.
    sax.serror = { context, error in
      guard let context, let error else { return }
      context.assumingMemoryBound(to: SAXParseState.self).pointee.note(error)
    }
    let read: xmlInputReadCallback = { context, buffer, length in
      guard let context, let buffer, length > 0 else { return 0 }
      let bytes = UnsafeMutableRawBufferPointer(start: buffer, count: Int(length))
      return context.assumingMemoryBound(to: SAXParseState.self).pointee.pull(into: bytes)
    }
    guard
      let context = xmlCreateIOParserCtxt(
        &sax, userData, read, nil, userData, XML_CHAR_ENCODING_NONE)
    else {
      throw XLSXError(
        .malformedXML, file: fileName, part: partName, detail: "libxml2 could not create a parser",
        japanese: "libxml2 がパーサーを作成できませんでした")
    }
    xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue))
    return context
  }

  @inline(never) private mutating func failTooDeep() {
    fail(
      XLSXError(
        .limitExceeded(.nestingDepth), file: fileName, part: partName, line: currentLine,
        detail: "XML elements are nested more than \(maxDepth) deep",
        japanese: "XML 要素の入れ子が \(maxDepth) 段を超えています"))
  }

  private mutating func refuseDTD() {
    fail(
      XLSXError(
        .forbiddenDTD, file: fileName, part: partName, line: currentLine,
        detail: "the XML declares a DOCTYPE or entities, which workbook parts never do; refused",
        japanese: "XML に DOCTYPE または実体の宣言があります。ブックのパーツには決して含まれないものなので、読み込みを拒否しました"
      ))
  }

  mutating func fail(_ error: any Error) {
    if failure == nil { failure = error }
    if let context { xmlStopParser(context) }
  }

  private var currentLine: Int? {
    guard let context else { return nil }
    return Int(xmlSAX2GetLineNumber(context))
  }

  /// Keeps libxml2's first fatal error: the errors that make a part not well-formed
  /// (namespace errors, for one, are not fatal and leave it well-formed).
  private mutating func note(_ error: xmlErrorPtr) {
    guard firstError == nil, error.pointee.level == XML_ERR_FATAL,
      let message = error.pointee.message
    else { return }
    firstError = (Int(error.pointee.line), String(cString: message))
  }

  /// libxml2's own description of the well-formedness error.
  private func malformed(_ context: xmlParserCtxtPtr) -> XLSXError {
    var detail = "the XML is not well-formed, or its bytes do not match its declared encoding"
    var japanese = "XML が整形式でないか、バイト列が宣言された文字コードと一致しません"
    var line: Int?
    let lastError = xmlCtxtGetLastError(context).flatMap { error in
      error.pointee.message.map { (Int(error.pointee.line), String(cString: $0)) }
    }
    // Bytes the declared encoding cannot decode end libxml2's input there; what it says next
    // ("Premature end of data") is a consequence, so the sentence above stands alone.
    let inputFailed = (context.pointee.input?.pointee.buf?.pointee.error ?? 0) != 0
    if !inputFailed, let (errorLine, message) = firstError ?? lastError {
      // libxml2's messages can run over several lines and quote raw input bytes: keep the
      // first line, so the error stays one line.
      var text = String(message.split(separator: "\n").first ?? "")
      while text.last == " " || text.last == "!" { text.removeLast() }
      detail += " (\(text))"
      // libxml2 speaks English only: its words are quoted as its own.
      japanese += "（libxml2: \(text)）"
      if errorLine > 0 { line = errorLine }
    }
    return XLSXError(
      .malformedXML, file: fileName, part: partName, line: line, detail: detail, japanese: japanese)
  }
}

/// Process-wide libxml2 set-up, run once: thread-safe initialisation, and an external-entity
/// loader that never loads anything (no local file may leak into output).
private let libxml2Setup: Void = {
  xmlInitParser()
  xmlSetExternalEntityLoader { _, _, _ in nil }
}()
