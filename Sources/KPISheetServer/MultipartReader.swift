import Foundation
import Hummingbird

/// One `multipart/form-data` body: the files it carried, saved to disk, and its other fields.
struct UploadedForm: Sendable {
  var files: [Upload] = []
  var fields: [String: String] = [:]
}

/// One uploaded file: the name the browser gave it (its last path component only) and where
/// it was saved.
struct Upload: Sendable {
  var name: String
  var path: String
}

/// Why a request body could not be read as a form.
enum FormError: Error {
  case notMultipart
  case malformed(String)
  case tooLarge
  case tooManyParts
}

/// Reads a `multipart/form-data` body as it arrives, writing each file part straight to a
/// file in the request's folder: an upload is never whole in memory.
///
/// Every delimiter is searched for as `CRLF--boundary`; the body is read as if it began with
/// a CRLF, so the first delimiter needs no special case.
struct MultipartReader {
  /// Parts with a file name: the files of the form.
  static let maxFiles = 100
  /// Bytes of a part's headers, and of a field that is not a file.
  static let maxHeaderBytes = 16 << 10
  static let maxFieldBytes = 64 << 10

  let delimiter: [UInt8]
  let folder: String
  let maxBytes: Int

  /// The boundary of a `Content-Type: multipart/form-data; boundary=…` header.
  static func boundary(contentType: String?) -> String? {
    guard let contentType else { return nil }
    let fields = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
    guard fields.first?.lowercased() == "multipart/form-data" else { return nil }
    for field in fields.dropFirst() where field.lowercased().hasPrefix("boundary=") {
      var value = field.dropFirst("boundary=".count)
      if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
        value = value.dropFirst().dropLast()
      }
      return value.isEmpty || value.count > 200 ? nil : String(value)
    }
    return nil
  }

  init(boundary: String, folder: String, maxBytes: Int) {
    delimiter = Array("\r\n--\(boundary)".utf8)
    self.folder = folder
    self.maxBytes = maxBytes
  }

  private enum State {
    case preamble
    case afterDelimiter
    case headers
    case body
    case epilogue
  }

  /// The part being read: a file being written, or a field being collected.
  private enum Part {
    case file(FileHandle)
    case field(String, [UInt8])
    case ignored
  }

  func read<Body: AsyncSequence>(_ body: Body) async throws -> UploadedForm
  where Body.Element == ByteBuffer {
    var form = UploadedForm()
    var pending: [UInt8] = [0x0D, 0x0A]
    var state = State.preamble
    var part = Part.ignored
    var total = 0
    defer { if case .file(let handle) = part { try? handle.close() } }

    func finishPart() throws {
      switch part {
      case .file(let handle): try handle.close()
      case .field(let name, let bytes): form.fields[name] = String(decoding: bytes, as: UTF8.self)
      case .ignored: break
      }
      part = .ignored
    }

    func deliver(_ bytes: ArraySlice<UInt8>) throws {
      guard !bytes.isEmpty else { return }
      switch part {
      case .file(let handle): try handle.write(contentsOf: bytes)
      case .field(let name, var collected):
        collected += bytes
        guard collected.count <= Self.maxFieldBytes else {
          throw FormError.malformed("the field \(name) is too long")
        }
        part = .field(name, collected)
      case .ignored: break
      }
    }

    func startPart(headers: [UInt8]) throws {
      let disposition = Self.disposition(in: String(decoding: headers, as: UTF8.self))
      guard let name = disposition.name else {
        part = .ignored
        return
      }
      if let fileName = disposition.fileName {
        guard form.files.count < Self.maxFiles else { throw FormError.tooManyParts }
        let path = "\(folder)/upload-\(form.files.count)"
        guard FileManager.default.createFile(atPath: path, contents: nil),
          let handle = FileHandle(forWritingAtPath: path)
        else {
          throw FormError.malformed("the upload could not be saved")
        }
        part = .file(handle)
        form.files.append(Upload(name: fileName, path: path))
      } else {
        part = .field(name, [])
      }
    }

    /// Runs the state machine over `pending` as far as it can.
    func advance() throws {
      while true {
        switch state {
        case .preamble, .body:
          if let index = Self.find(delimiter, in: pending) {
            if state == .body { try deliver(pending[..<index]) }
            try finishPart()
            pending.removeSubrange(..<(index + delimiter.count))
            state = .afterDelimiter
          } else {
            // Keep what could be the start of a delimiter split across two chunks.
            let keep = min(pending.count, delimiter.count - 1)
            if state == .body { try deliver(pending[..<(pending.count - keep)]) }
            pending.removeSubrange(..<(pending.count - keep))
            return
          }
        case .afterDelimiter:
          guard pending.count >= 2 else { return }
          if pending[0] == UInt8(ascii: "-"), pending[1] == UInt8(ascii: "-") {
            state = .epilogue
          } else if let end = Self.find([0x0D, 0x0A], in: pending) {
            // Transport padding (spaces, tabs) may follow a delimiter before its CRLF.
            pending.removeSubrange(..<(end + 2))
            state = .headers
          } else {
            guard pending.count < 256 else { throw FormError.malformed("bad delimiter line") }
            return
          }
        case .headers:
          if let end = Self.find(Array("\r\n\r\n".utf8), in: pending) {
            try startPart(headers: Array(pending[..<end]))
            pending.removeSubrange(..<(end + 4))
            state = .body
          } else if pending.count >= 2, pending[0] == 0x0D, pending[1] == 0x0A {
            // A part without any header line.
            pending.removeSubrange(..<2)
            part = .ignored
            state = .body
          } else {
            guard pending.count <= Self.maxHeaderBytes else {
              throw FormError.malformed("part headers too long")
            }
            return
          }
        case .epilogue:
          pending.removeAll()
          return
        }
      }
    }

    for try await chunk in body {
      total += chunk.readableBytes
      guard total <= maxBytes else { throw FormError.tooLarge }
      pending += chunk.readableBytesView
      try advance()
    }
    try advance()
    guard state == .epilogue else { throw FormError.malformed("the body ends inside a part") }
    return form
  }

  /// The `name` and `filename` of a part's `Content-Disposition: form-data` header. A file
  /// name keeps only its last path component (some browsers send the client's full path).
  static func disposition(in headers: String) -> (name: String?, fileName: String?) {
    for line in headers.split(separator: "\r\n") {
      guard line.lowercased().hasPrefix("content-disposition:") else { continue }
      let parameters = parameters(of: line.dropFirst("content-disposition:".count))
      let fileName = parameters["filename"].map { name in
        String(name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? "")
      }
      return (parameters["name"], fileName.map { $0.isEmpty ? "upload" : $0 })
    }
    return (nil, nil)
  }

  /// `key=value` and `key="quoted value"` pairs after the first `;`, keys lowercased.
  private static func parameters(of header: Substring) -> [String: String] {
    var result: [String: String] = [:]
    var rest = header.drop { $0 != ";" }
    while !rest.isEmpty {
      rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
      guard let equals = rest.firstIndex(of: "=") else { break }
      let key = rest[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
      rest = rest[rest.index(after: equals)...]
      var value = ""
      if rest.first == "\"" {
        rest = rest.dropFirst()
        while let character = rest.first, character != "\"" {
          if character == "\\", rest.count > 1 {
            rest = rest.dropFirst()
          }
          value.append(rest.first ?? character)
          rest = rest.dropFirst()
        }
        rest = rest.dropFirst()
        rest = rest.drop { $0 != ";" }
      } else {
        let end = rest.firstIndex(of: ";") ?? rest.endIndex
        value = rest[..<end].trimmingCharacters(in: .whitespaces)
        rest = rest[end...]
      }
      result[key] = value
    }
    return result
  }

  /// The first index of `needle` in `haystack`.
  ///
  /// The corresponding C functions are `memchr` and `memcmp`.
  static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard let first = needle.first, haystack.count >= needle.count else { return nil }
    return haystack.withUnsafeBytes { hay -> Int? in
      needle.withUnsafeBytes { pattern -> Int? in
        guard let hayBase = hay.baseAddress, let patternBase = pattern.baseAddress else {
          return nil
        }
        var index = 0
        let last = hay.count - pattern.count
        while index <= last {
          guard let found = memchr(hayBase + index, Int32(first), last - index + 1) else {
            return nil
          }
          let offset = hayBase.distance(to: UnsafeRawPointer(found))
          if memcmp(hayBase + offset, patternBase, pattern.count) == 0 { return offset }
          index = offset + 1
        }
        return nil
      }
    }
  }
}
