import Foundation
import Testing

@testable import KPIModel

@Suite struct JSONWriterTests {
  private func written(_ body: (JSONWriter) -> Void) -> String {
    let writer = JSONWriter()
    body(writer)
    return writer.text
  }

  @Test func prettyLayoutIndentsTwoSpacesPerLevel() {
    let text = written { writer in
      writer.object(.pretty) {
        writer.member("a", 1)
        writer.key("b")
        writer.array(.pretty) {
          writer.string("x")
          writer.object(.pretty) {}
          writer.array(.pretty) {}
        }
      }
    }
    #expect(text == "{\n  \"a\": 1,\n  \"b\": [\n    \"x\",\n    {},\n    []\n  ]\n}")
  }

  @Test func inlineLayoutSeparatesWithCommaAndSpace() {
    let text = written { writer in
      writer.object {
        writer.member("s", "v")
        writer.member("n", nil as String?)
        writer.member("t", true)
        writer.member("list", strings: ["a", "b"])
        writer.key("empty")
        writer.array {}
      }
    }
    #expect(text == #"{"s": "v", "n": null, "t": true, "list": ["a", "b"], "empty": []}"#)
  }

  @Test func linesLayoutPutsEachItemOnItsOwnLine() {
    let filled = written { writer in
      writer.array(.lines(indent: "  ", closingIndent: " ")) {
        writer.integer(1)
        writer.integer(2)
      }
    }
    #expect(filled == "[\n  1,\n  2\n ]")
    let empty = written { writer in writer.array(.lines(indent: "  ")) {} }
    #expect(empty == "[]")
  }

  @Test func breaksWhenEmptyKeepsTheOpeningAndClosing() {
    let layout = JSONWriter.Layout(
      opening: "\n  ", separator: ",\n  ", closing: "\n", breaksWhenEmpty: true)
    #expect(written { writer in writer.array(layout) {} } == "[\n  \n]")
    #expect(written { writer in writer.array(layout) { writer.null() } } == "[\n  null\n]")
  }

  @Test func lineBreakMovesOnlyTheNextMember() {
    let text = written { writer in
      writer.object {
        writer.member("a", 1)
        writer.lineBreak(indent: " ")
        writer.member("b", 2)
        writer.member("c", 3)
      }
    }
    #expect(text == "{\"a\": 1,\n \"b\": 2, \"c\": 3}")
  }

  @Test(arguments: [
    ("plain", #""plain""#),
    ("山陽小野田市", #""山陽小野田市""#),
    ("a\"b\\c", #""a\"b\\c""#),
    ("line\nfeed\r\ttab", #""line\nfeed\r\ttab""#),
    ("\u{08}\u{0C}\u{01}\u{1F}", #""\b\f\u0001\u001f""#),
    ("😀/", #""😀/""#),
  ])
  func stringsAreEscapedOnlyWhereJSONRequires(value: String, expected: String) {
    #expect(written { $0.string(value) } == expected)
  }

  @Test func everyEscapedStringReadsBackWithFoundation() throws {
    let samples = ["", "\"", "\\\\", "\u{00}\u{7F}é", "タブ\tと改行\n", String(UnicodeScalar(0x1B))]
    for sample in samples {
      let text = written { writer in writer.array { writer.string(sample) } }
      let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String]
      #expect(parsed == [sample], "\(text)")
    }
  }

  @Test func numbersPrintAtTheAskedPrecisionAndNonFiniteAsNull() {
    let text = written { writer in
      writer.array {
        writer.number(0.1 + 0.2, .excel)
        writer.number(0.1 + 0.2, .stored)
        writer.number(.nan, .stored)
        writer.number(-.infinity, .excel)
        writer.number(10, .stored)
      }
    }
    #expect(text == "[0.3, 0.30000000000000004, null, null, 10]")
  }

  @Test func aSinkReceivesTheTextInChunksWithoutHoldingItAll() {
    let body: (JSONWriter) -> Void = { writer in
      writer.array(.lines(indent: "  ")) {
        for index in 0..<1000 {
          writer.object {
            writer.member("ref", "A\(index)")
            writer.member("value", Double(index) / 7, .stored)
          }
        }
      }
      writer.newline()
    }
    var chunks: [[UInt8]] = []
    let streaming = JSONWriter(chunkSize: 256) { chunks.append($0) }
    body(streaming)
    #expect(chunks.count > 10)
    #expect(streaming.bytes.count < 256)
    streaming.flush()
    #expect(streaming.bytes.isEmpty)
    // A chunk is handed on as soon as it reaches the size, so none grows past it by much.
    #expect(chunks.dropLast().allSatisfy { $0.count >= 256 && $0.count < 256 + 64 })
    let inMemory = JSONWriter()
    body(inMemory)
    #expect(chunks.flatMap { $0 } == inMemory.bytes)
  }
}
