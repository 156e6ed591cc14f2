#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a file is, judged from its first bytes, before any zip parsing.
///
/// Users rename files freely: an encrypted workbook or a legacy .xls is an OLE compound file,
/// a CSV is text. Each gets its own message rather than "not a zip".
enum FileSignature: Equatable {
  case zip
  case empty
  /// An OLE compound file holding an `EncryptionInfo` stream: a password-protected workbook.
  case encryptedWorkbook
  /// An OLE compound file holding a `Workbook` or `Book` stream: Excel 97–2003.
  case legacyWorkbook
  case otherCompoundFile
  case pdf
  case text
  case unknown

  /// Reads the start of the file at `path` (and for OLE files, its directory names).
  static func detect(path: String, fileName: String) throws(XLSXError) -> FileSignature {
    guard let handle = fopen(path, "rb") else {
      let reason = systemErrorText()
      throw XLSXError(
        .cannotOpen, file: fileName, detail: "cannot open the file (\(reason))",
        japanese: "ファイルを開けません（\(reason)）")
    }
    defer { fclose(handle) }
    var head = [UInt8](repeating: 0, count: 4096)
    let count = head.withUnsafeMutableBytes { fread($0.baseAddress, 1, 4096, handle) }
    if count == 0 {
      if ferror(handle) != 0 {
        let reason = systemErrorText()
        throw XLSXError(
          .cannotOpen, file: fileName, detail: "cannot read the file (\(reason))",
          japanese: "ファイルを読み込めません（\(reason)）")
      }
      return .empty
    }
    head.removeSubrange(count...)
    if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
      return .zip
    }
    if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
      return classifyCompoundFile(handle: handle, head: head)
    }
    if head.starts(with: Array("%PDF".utf8)) { return .pdf }
    return looksLikeText(head) ? .text : .unknown
  }

  /// Looks for the stream names in an OLE compound file's directory.
  ///
  /// Directory entries store names in UTF-16LE; rather than walk the sector chains, scan
  /// the first few MiB for the names, which is where small files keep their directory.
  private static func classifyCompoundFile(handle: UnsafeMutablePointer<FILE>, head: [UInt8])
    -> FileSignature
  {
    var bytes = head
    var chunk = [UInt8](repeating: 0, count: 65536)
    while bytes.count < 8 << 20 {
      let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, 65536, handle) }
      if count <= 0 { break }
      bytes.append(contentsOf: chunk[0..<count])
    }
    func contains(_ name: String) -> Bool {
      var pattern: [UInt8] = []
      for unit in name.utf16 {
        pattern.append(UInt8(unit & 0xFF))
        pattern.append(UInt8(unit >> 8))
      }
      return bytes.firstRange(of: pattern) != nil
    }
    if contains("EncryptionInfo") || contains("EncryptedPackage") { return .encryptedWorkbook }
    if contains("Workbook") || contains("Book") { return .legacyWorkbook }
    return .otherCompoundFile
  }

  /// True when the bytes are valid UTF-8 (or CP932-ish bytes) without NULs or control bytes.
  private static func looksLikeText(_ bytes: [UInt8]) -> Bool {
    var controls = 0
    for byte in bytes {
      if byte == 0 { return false }
      if byte < 0x09 || (byte > 0x0D && byte < 0x20) { controls += 1 }
    }
    return controls * 20 < bytes.count
  }
}

/// The text of the current `errno`.
func systemErrorText() -> String {
  guard let text = strerror(errno) else { return "error \(errno)" }
  return String(cString: text)
}
