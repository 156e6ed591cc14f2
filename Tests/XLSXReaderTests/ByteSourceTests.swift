import Foundation
import Testing

@testable import XLSXReader

/// libxml2 pulls each part's bytes as it needs them: from a zip entry as it inflates, or from
/// bytes held in memory, in one piece or several. However the bytes are split,
/// the events must be the same, and a source that fails must stop the parse with its error.
@Suite struct ByteSourceTests {
  /// Records every event as text.
  private final class Recorder: SAXHandler {
    static let saxCallbacks = SAXCallbacks(
      start: { SAXParser<Recorder>.start($0, $1, $6, $8) },
      end: { context, name, _, _ in SAXParser<Recorder>.end(context, name) },
      text: { SAXParser<Recorder>.text($0, $1, $2) })

    var events: [String] = []

    func startElement(_ name: XMLName, attributes: XMLAttributes) throws {
      var text = "<" + name.string
      attributes.visit { name, value in
        text += " \(String(cString: name))=\(String(decoding: value, as: UTF8.self))"
      }
      events.append(text + ">")
    }

    func endElement(_ name: XMLName) throws { events.append("</" + name.string + ">") }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) throws {
      // Runs of text may arrive in several calls: join them.
      let text = String(decoding: bytes, as: UTF8.self)
      if let last = events.last, last.hasPrefix("text:") {
        events[events.count - 1] = last + text
      } else {
        events.append("text:" + text)
      }
    }
  }

  private struct SourceFailed: Error {}

  private static let document = Array(
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3">\
    <si><t xml:space="preserve"> 観光客数 </t></si><!-- a comment </si> -->\
    <si><r><t>販売</t></r><r><t>額</t></r><rPh sb="0" eb="2"><t>ハンバイ</t></rPh></si>\
    <si><t><![CDATA[<not a tag>]]>&amp;&#x4E00;</t></si></sst>
    """.utf8)

  private static func events(_ source: ByteSource) throws -> [String] {
    try events(into: Recorder(), source)
  }

  private static func events(into recorder: Recorder, _ source: ByteSource) throws -> [String] {
    try SAXParser.parse(
      fileName: "test.xlsx", partName: "xl/sharedStrings.xml", handler: recorder,
      limits: ReaderLimits(), source)
    return recorder.events
  }

  /// The document's events, read in one go.
  private static func wholeEvents() throws -> [String] {
    try document.withUnsafeBytes { all in
      var stream = BytePieces([all])
      return try events { stream.read(into: $0) }
    }
  }

  /// A source handing out `bytes` at most `step` at a time, then what `end` says (0: the end;
  /// a throw: a failure after the last byte).
  private static func trickle(
    _ bytes: [UInt8], step: Int, end: @escaping () throws -> Int = { 0 }
  ) -> ByteSource {
    var offset = 0
    return { buffer in
      if offset == bytes.count { return try end() }
      let count = min(step, buffer.count, bytes.count - offset)
      buffer.copyBytes(from: bytes[offset..<offset + count])
      offset += count
      return count
    }
  }

  @Test func piecesReadAsOneStreamWhateverTheBufferSize() {
    let bytes = Self.document
    // Cut into pieces of uneven sizes, empty ones included.
    let cuts = [0, 0, 1, 7, 7, 100, 101, 250, bytes.count]
    bytes.withUnsafeBytes { all in
      let pieces = zip(cuts, cuts.dropFirst()).map {
        UnsafeRawBufferPointer(rebasing: all[$0..<$1])
      }
      for bufferSize in [1, 3, 64, 4000] {
        var stream = BytePieces(pieces)
        var read: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: bufferSize)
        while true {
          let count = buffer.withUnsafeMutableBytes { stream.read(into: $0) }
          if count == 0 { break }
          #expect(count <= bufferSize)
          read += buffer[0..<count]
        }
        #expect(read == bytes, "buffer of \(bufferSize) bytes")
      }
    }
  }

  @Test func eventsAreTheSameWhateverTheSourceHandsOverAtATime() throws {
    let whole = try Self.wholeEvents()
    #expect(whole.contains("text: 観光客数 "))
    #expect(whole.contains("text:<not a tag>&一"))
    #expect(whole.filter { $0 == "<si>" }.count == 3)
    for step in [1, 2, 5, 333] {
      let trickled = try Self.events(Self.trickle(Self.document, step: step))
      #expect(trickled == whole, "\(step) bytes at a time")
    }
  }

  /// OOXML parts may be UTF-16: libxml2 tells from the first bytes it pulls.
  @Test func aUTF16PartGivesTheSameEvents() throws {
    let whole = try Self.wholeEvents()
    let text = String(decoding: Self.document, as: UTF8.self)
      .replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
    for bigEndian in [false, true] {
      var utf16: [UInt8] = []
      for unit in [0xFEFF] + Array(text.utf16) {
        let bytes = [UInt8(truncatingIfNeeded: unit), UInt8(truncatingIfNeeded: unit >> 8)]
        utf16 += bigEndian ? bytes.reversed() : bytes
      }
      for step in [1, 3, 4000] {
        let events = try Self.events(Self.trickle(utf16, step: step))
        #expect(events == whole, "UTF-16 \(bigEndian ? "BE" : "LE"), \(step) bytes at a time")
      }
    }
  }

  @Test func aSourceThatFailsStopsTheParseWithItsOwnError() {
    let bytes = Self.document
    for failAt in [0, 1, 60, 200] {
      var offset = 0
      var calls = 0
      #expect(throws: SourceFailed.self, "failing after \(failAt) bytes") {
        try Self.events { buffer in
          calls += 1
          if offset >= failAt { throw SourceFailed() }
          let count = min(buffer.count, failAt - offset)
          buffer.copyBytes(from: bytes[offset..<offset + count])
          offset += count
          return count
        }
      }
      // libxml2 takes the failure for the end of its input and asks no more.
      #expect(calls <= failAt + 1)
    }
  }

  /// A zip part's checksum is checked after its last byte: the events of the bytes read
  /// before come first, as when they were pushed, then the source's error.
  @Test func bytesReadBeforeTheSourceFailedAreStillParsed() throws {
    let whole = try Self.wholeEvents()
    for step in [7, 4000] {
      let recorder = Recorder()
      let source = Self.trickle(Self.document, step: step) { throw SourceFailed() }
      #expect(throws: SourceFailed.self) { try Self.events(into: recorder, source) }
      #expect(recorder.events == whole, "\(step) bytes at a time")
    }
  }

  /// After the first fatal error the source is asked for nothing more: a broken part is not
  /// inflated to its end (the push parser stopped there too).
  @Test func aBrokenPartIsNotReadToItsEnd() {
    let broken = Array("<sst><si><t>a</si>".utf8)
    let filler = Array("<si><t>filler</t></si>".utf8)
    var served = 0
    var chunk = 0
    #expect(throws: XLSXError.self) {
      try Self.events { buffer in
        // The broken start, then filler without end: 100 MB if all of it were asked for.
        guard served < 100 << 20 else { return 0 }
        let source = chunk == 0 ? broken : filler
        let count = min(buffer.count, source.count)
        buffer.copyBytes(from: source[0..<count])
        served += count
        chunk += 1
        return count
      }
    }
    #expect(served < 64 << 10, "\(served) bytes asked for")
  }

  @Test func aPartReaderReleasedLateLeavesALaterPartOpen() throws {
    let archive = try ZipArchive(
      path: Fixture.path("xlsxwriter-basic.xlsx"), fileName: "xlsxwriter-basic.xlsx",
      limits: ReaderLimits())
    let first = try #require(archive.entry("xl/workbook.xml"))
    let second = try #require(archive.entry("xl/worksheets/sheet1.xml"))
    var early: ZipArchive.PartReader? = try ZipArchive.PartReader(first, of: archive)
    var buffer = [UInt8](repeating: 0, count: 100)
    _ = try buffer.withUnsafeMutableBytes { try early?.read(into: $0) }
    let later = try ZipArchive.PartReader(second, of: archive)
    early = nil  // its deinit must not close the later reader's part
    var total = 0
    while true {
      let count = try buffer.withUnsafeMutableBytes { try later.read(into: $0) }
      if count == 0 { break }
      total += count
    }
    // Read whole, to its CRC check.
    #expect(UInt64(total) == second.uncompressedSize)
  }

  /// A cut part is inflated straight into its fragments' buffers: what a reader writes into
  /// the spare room is kept, only as much as it says it wrote, and growth keeps what is held.
  @Test func aBufferFilledInPlaceKeepsWhatWasWritten() {
    let buffer = ByteBuffer(capacity: 4)
    var expected: [UInt8] = []
    for round in 0..<200 {
      let written = buffer.append(upTo: 64) { room in
        #expect(room.count == 64)
        let count = round % 7
        for index in 0..<count { room[index] = UInt8((round + index) & 0xFF) }
        room[count] = 0xEE  // beyond what it reports: must not be kept
        return count
      }
      expected += (0..<written).map { UInt8((round + $0) & 0xFF) }
    }
    #expect(Array(buffer.bytes) == expected)
    buffer.removeSubrange(from: 10)
    #expect(Array(buffer.bytes) == Array(expected.prefix(10)))
    [UInt8](repeating: 7, count: 1000).withUnsafeBufferPointer { buffer.append($0) }
    #expect(Array(buffer.bytes) == Array(expected.prefix(10)) + Array(repeating: 7, count: 1000))
  }
}
