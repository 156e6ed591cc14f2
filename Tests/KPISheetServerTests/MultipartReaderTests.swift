import Foundation
import Hummingbird
import Testing

@testable import KPISheetServer

/// The streaming form reader: parts split anywhere across chunks, names, limits.
struct MultipartReaderTests {
  let boundary = "----kpisheetBoundary7MA4YWxk"

  func body(_ parts: [(headers: String, content: [UInt8])]) -> [UInt8] {
    var bytes: [UInt8] = Array("preamble to ignore\r\n".utf8)
    for part in parts {
      bytes += Array("--\(boundary)\r\n\(part.headers)\r\n\r\n".utf8) + part.content
      bytes += Array("\r\n".utf8)
    }
    bytes += Array("--\(boundary)--\r\n".utf8)
    return bytes
  }

  func read(_ bytes: [UInt8], chunk: Int, maxBytes: Int = 1 << 20) async throws -> (
    UploadedForm, String
  ) {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("kpisheet-multipart-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let chunks = stride(from: 0, to: bytes.count, by: chunk).map {
      ByteBuffer(bytes: bytes[$0..<min($0 + chunk, bytes.count)])
    }
    let reader = MultipartReader(boundary: boundary, folder: folder, maxBytes: maxBytes)
    return (try await reader.read(AsyncStreamOf(chunks)), folder)
  }

  @Test(arguments: [1, 2, 7, 31, 64, 1000, 100_000])
  func partsSurviveAnySplit(chunk: Int) async throws {
    // A file whose bytes hold near-delimiters: CRLF, dashes, the boundary without its CRLF.
    let content =
      Array("a\r\n--\(boundary.dropLast())x\r\n-\r\n--\r".utf8) + (0..<3000).map { UInt8($0 % 256) }
    let bytes = body([
      ("Content-Disposition: form-data; name=\"fiscalYear\"", Array("R5".utf8)),
      (
        "Content-Disposition: form-data; name=\"file\"; filename=\"C:\\\\Users\\\\課\\\\部局 \\\"A\\\".xlsx\"\r\nContent-Type: application/octet-stream",
        content
      ),
      ("Content-Disposition: form-data; name=\"file\"; filename=\"empty.xlsx\"", []),
      ("Content-Disposition: form-data; name=\"municipality\"", Array("山陽小野田市".utf8)),
    ])
    let (form, folder) = try await read(bytes, chunk: chunk)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    #expect(form.fields == ["fiscalYear": "R5", "municipality": "山陽小野田市"])
    #expect(form.files.map(\.name) == ["部局 \"A\".xlsx", "empty.xlsx"])
    #expect(FileManager.default.contents(atPath: form.files[0].path) == Data(content))
    #expect(FileManager.default.contents(atPath: form.files[1].path) == Data())
    #expect(form.files.allSatisfy { $0.path.hasPrefix(folder + "/") })
  }

  @Test func tooLargeStopsReading() async throws {
    let bytes = body([
      (
        "Content-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"",
        Array(repeating: 1, count: 5000)
      )
    ])
    await #expect(throws: FormError.self) {
      _ = try await read(bytes, chunk: 100, maxBytes: 1000)
    }
  }

  @Test func truncatedBodyIsRefused() async throws {
    let bytes = Array(
      body([("Content-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"", [1, 2, 3])])
        .dropLast(10))
    await #expect(throws: FormError.self) {
      _ = try await read(bytes, chunk: 16)
    }
  }

  @Test(arguments: [
    ("multipart/form-data; boundary=abc", "abc"), ("multipart/form-data; boundary=\"a b\"", "a b"),
    ("Multipart/Form-Data;charset=utf-8; BOUNDARY=x", "x"), ("application/json", nil),
    ("multipart/form-data", nil),
  ])
  func boundary(_ header: String, _ expected: String?) {
    #expect(MultipartReader.boundary(contentType: header) == expected)
  }
}

/// A fixed list of chunks as an async sequence.
struct AsyncStreamOf: AsyncSequence, Sendable {
  typealias Element = ByteBuffer
  let chunks: [ByteBuffer]

  init(_ chunks: [ByteBuffer]) { self.chunks = chunks }

  struct AsyncIterator: AsyncIteratorProtocol {
    var rest: ArraySlice<ByteBuffer>
    mutating func next() async throws -> ByteBuffer? { rest.popFirst() }
  }

  func makeAsyncIterator() -> AsyncIterator { AsyncIterator(rest: chunks[...]) }
}
