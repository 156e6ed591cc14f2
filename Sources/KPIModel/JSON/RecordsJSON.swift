import Foundation

/// Reads and writes records JSON.
///
/// Output is deterministic: pretty-printed with two-space indentation, keys in
/// records.md's order, numbers through `NumberFormatting` at `.excel` precision (15
/// significant digits, shortest form), absent optional fields left out, and a final newline.
/// It comes out of `JSONWriter`, the records' one serialisation.
///
/// Input is checked against records.schema.json while it is read, so every error names
/// the JSON path (or the line and column of a syntax error) and what is wrong there.
/// Absent and `null` optional fields read alike.
public enum RecordsJSON {
  /// The document as UTF-8 JSON.
  public static func encode(_ document: RecordsDocument) -> Data {
    let writer = JSONWriter()
    write(document, to: writer)
    return Data(writer.bytes)
  }

  /// The document as JSON text.
  public static func encodeToString(_ document: RecordsDocument) -> String {
    let writer = JSONWriter()
    write(document, to: writer)
    return writer.text
  }

  /// Writes the document, and its final newline, to `writer` (which may stream it to a file).
  public static func write(_ document: RecordsDocument, to writer: JSONWriter) {
    document.write(to: writer)
    writer.newline()
  }

  /// Reads a document from UTF-8 JSON (a byte-order mark is allowed).
  ///
  /// - Throws: `RecordsJSONError` naming where and what is wrong.
  public static func decode(_ data: Data) throws(RecordsJSONError) -> RecordsDocument {
    // Read in place: a copy of a large file's bytes would cost as much again.
    try data.withUnsafeBytes { bytes in
      Result { () throws(RecordsJSONError) in try RecordsDocument(jsonBytes: bytes) }
    }.get()
  }

  /// Reads a document from JSON text.
  public static func decode(_ text: String) throws(RecordsJSONError) -> RecordsDocument {
    try Array(text.utf8).withUnsafeBytes { bytes in
      Result { () throws(RecordsJSONError) in try RecordsDocument(jsonBytes: bytes) }
    }.get()
  }
}

/// What is wrong with a records JSON file, and where.
public struct RecordsJSONError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Where, as a path like `projects[0].kpis[1].values[2].target`; empty for the
  /// document as a whole and for syntax errors (whose message gives line and column).
  public var path: String
  /// What is wrong, in English.
  public var message: String
  /// What is wrong, in Japanese.
  public var japaneseMessage: String

  /// Both languages are required, so that no error reaches a Japanese user in English only.
  public init(path: String, message: String, japanese: String) {
    self.path = path
    self.message = message
    self.japaneseMessage = japanese
  }

  /// What is wrong, in `language`.
  public func message(in language: DiagnosticLanguage) -> String {
    language == .japanese ? japaneseMessage : message
  }

  public var description: String { description(in: .english) }

  /// `records JSON at projects[0].name: …`, or in Japanese `レコード JSON の projects[0].name: …`.
  public func description(in language: DiagnosticLanguage) -> String {
    let text = message(in: language)
    switch (language, path.isEmpty) {
    case (.english, true): return "records JSON: \(text)"
    case (.english, false): return "records JSON at \(path): \(text)"
    case (.japanese, true): return "レコード JSON: \(text)"
    case (.japanese, false): return "レコード JSON の \(path): \(text)"
    }
  }
}
