/// Text as a cell can hold it, checked before libxlsxwriter sees it: nothing is lost in
/// silence, and the text reads back exactly as written.
enum CellText {
  /// Excel's most characters (UTF-16 code units) in one cell.
  static let maxLength = 32_767

  /// `text` ready for libxlsxwriter, or an error naming the place.
  ///
  /// Refused: text over `maxLength` (Excel cuts it, libxlsxwriter drops it) and text with a
  /// NUL (C ends the string there, dropping the rest). A literal `_xHHHH_` gets its
  /// underscore escaped as `_x005F_`: readers take `_xHHHH_` for the character HHHH, and
  /// libxlsxwriter escapes only control characters that way. `place` is built only on error.
  ///
  /// `libraryRefusesLength`: the C call refuses text over `maxLength` code points with its
  /// own error (`LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED`), left to it; only text that fits in
  /// code points but not in UTF-16 units is refused here. False where the C call drops the
  /// error (a merged range's text).
  static func prepared(
    _ text: String, function: String, sheet: String, libraryRefusesLength: Bool = true,
    at place: @autoclosure () -> String
  ) throws -> String {
    // Every cell's text passes here: scanned in place when the string is contiguous.
    let scan = { (bytes: UnsafeBufferPointer<UInt8>) -> (nul: Bool, underscore: Bool) in
      var found = (nul: false, underscore: false)
      for byte in bytes where byte <= 0x5F {
        if byte == 0 { found.nul = true } else if byte == 0x5F { found.underscore = true }
      }
      return found
    }
    let found =
      text.utf8.withContiguousStorageIfAvailable(scan)
      ?? Array(text.utf8).withUnsafeBufferPointer(scan)
    if found.nul {
      throw XLSXWriterError.invalid(
        "the text contains a NUL character, which a cell cannot hold", function: function,
        sheet: sheet, cell: place())
    }
    if text.utf8.count > maxLength, text.utf16.count > maxLength,
      !libraryRefusesLength || text.unicodeScalars.count <= maxLength
    {
      throw XLSXWriterError.invalid(
        "the text has \(text.utf16.count) characters, more than the \(maxLength) a cell can hold",
        function: function, sheet: sheet, cell: place())
    }
    return found.underscore ? escapingLiteralEscapes(text) : text
  }

  /// `text` with the underscore of each `_xHHHH_` written as `_x005F_`.
  static func escapingLiteralEscapes(_ text: String) -> String {
    let bytes = Array(text.utf8)
    var output: [UInt8] = []
    var index = 0
    while index < bytes.count {
      if bytes[index] == 0x5F, isEscape(bytes, at: index) {
        output.append(contentsOf: "_x005F".utf8)
      }
      output.append(bytes[index])
      index += 1
    }
    return output.count == bytes.count ? text : String(decoding: output, as: UTF8.self)
  }

  /// True when `_xHHHH_` starts at `index`.
  private static func isEscape(_ bytes: [UInt8], at index: Int) -> Bool {
    guard index + 6 < bytes.count, bytes[index + 1] == 0x78, bytes[index + 6] == 0x5F else {
      return false
    }
    return bytes[(index + 2)..<(index + 6)].allSatisfy { byte in
      (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }
  }
}
