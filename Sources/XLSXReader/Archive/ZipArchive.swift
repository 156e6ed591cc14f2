internal import CMinizip

/// A zip archive opened read-only through minizip, with every part's inflated size capped.
///
/// One owner of the `unzFile` handle, closed in `deinit`. Not thread-safe: minizip keeps a
/// "current file" cursor, so one archive serves one reader at a time.
final class ZipArchive {
  /// One entry of the central directory.
  struct Entry {
    var name: String
    var compressedSize: UInt64
    var uncompressedSize: UInt64
    var isEncrypted: Bool
    var isDirectory: Bool
    /// The zip compression method: 0 stored, 8 deflated (the only two minizip reads).
    var method: Int = 8
    fileprivate var position: unz64_file_pos
  }

  let fileName: String
  private let handle: unzFile
  private let limits: ReaderLimits
  /// Entries by their normalised part name (no leading slash, ASCII lower case: OPC part
  /// names compare case-insensitively).
  private(set) var entries: [String: Entry] = [:]
  private var inflatedTotal = 0
  /// Counts the parts opened: a reader closes the current part only while it is the last
  /// one opened, so a reader released late cannot close a later reader's part.
  private var partsOpened = 0

  /// Opens the archive at `path` and reads its central directory.
  ///
  /// The corresponding C function is `unzOpen64`.
  init(path: String, fileName: String, limits: ReaderLimits) throws(XLSXError) {
    self.fileName = fileName
    self.limits = limits
    guard let handle = path.withCString({ unzOpen64($0) }) else {
      throw XLSXError(
        .damagedArchive, file: fileName,
        detail: "the zip archive is damaged or truncated (its central directory cannot be read)",
        japanese: "zip アーカイブが壊れているか、途中で切れています（セントラル ディレクトリを読めません）")
    }
    self.handle = handle
    try readDirectory()
  }

  deinit { unzClose(handle) }

  /// The entry for a part name, if the archive has it.
  func entry(_ partName: String) -> Entry? { entries[Self.key(partName)] }

  static func key(_ partName: String) -> String {
    var name = Substring(partName)
    while name.first == "/" { name = name.dropFirst() }
    // A folder entry (`xl/worksheets/sheet1.xml/`) answers to the name without the slash,
    // so that it is found, and refused as a folder, rather than reported missing.
    while name.last == "/" { name = name.dropLast() }
    return String(name).lowercasedASCII()
  }

  private func readDirectory() throws(XLSXError) {
    var status = unzGoToFirstFile(handle)
    if status == UNZ_END_OF_LIST_OF_FILE { return }
    var nameBuffer = [CChar](repeating: 0, count: 1024)
    while status == UNZ_OK {
      if entries.count >= limits.archiveEntries {
        throw XLSXError(
          .limitExceeded(.archiveEntries), file: fileName,
          detail: "the archive has more than \(limits.archiveEntries) entries",
          japanese: "アーカイブのエントリが \(limits.archiveEntries) 個を超えています")
      }
      var info = unz_file_info64()
      let infoStatus = nameBuffer.withUnsafeMutableBufferPointer {
        unzGetCurrentFileInfo64(handle, &info, $0.baseAddress, uLong($0.count), nil, 0, nil, 0)
      }
      guard infoStatus == UNZ_OK else {
        throw damaged("cannot read an entry of the directory", "zip のディレクトリのエントリを読めません")
      }
      let nameLength = min(Int(info.size_filename), nameBuffer.count)
      let name = nameBuffer.withUnsafeBytes {
        String(decoding: $0.prefix(nameLength), as: UTF8.self)
      }
      var position = unz64_file_pos()
      guard unzGetFilePos64(handle, &position) == UNZ_OK else {
        throw damaged("cannot locate entry \(name)", "エントリ \(name) の位置を特定できません")
      }
      let entry = Entry(
        name: name, compressedSize: info.compressed_size, uncompressedSize: info.uncompressed_size,
        isEncrypted: info.flag & 1 != 0, isDirectory: name.hasSuffix("/"),
        method: Int(info.compression_method), position: position)
      let key = Self.key(name)
      if entries[key] != nil {
        // Two entries with one name: which one a reader sees depends on the reader, the
        // classic way to smuggle content past a check. Refuse rather than guess.
        throw damaged(
          "the archive holds two entries named \(name)", "アーカイブに \(name) という名前のエントリが 2 つあります")
      }
      entries[key] = entry
      status = unzGoToNextFile(handle)
    }
    if status != UNZ_END_OF_LIST_OF_FILE {
      throw damaged("the zip directory is damaged", "zip のディレクトリが壊れています")
    }
  }

  /// Streams a part's inflated bytes to `body` in chunks of up to 64 KiB.
  func read(
    _ entry: Entry, chunkSize: Int = 65536,
    _ body: (UnsafeRawBufferPointer) throws -> Void
  ) throws {
    let reader = try PartReader(entry, of: self)
    var buffer = [UInt8](repeating: 0, count: chunkSize)
    while true {
      let count = try buffer.withUnsafeMutableBytes { try reader.read(into: $0) }
      if count == 0 { return }
      try buffer.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
    }
  }

  /// Reads one part's inflated bytes as they are asked for: the limits are checked as the
  /// part grows, the CRC once it has been read whole. One at a time per archive (minizip's
  /// "current file"); closed when read whole or released.
  ///
  /// The corresponding C functions are `unzOpenCurrentFile`, `unzReadCurrentFile` and
  /// `unzCloseCurrentFile` (which checks the CRC).
  final class PartReader {
    private let archive: ZipArchive
    private let entry: Entry
    private let compressed: Int
    private var inflated = 0
    private var isOpen = false
    private var serial = 0

    init(_ entry: Entry, of archive: ZipArchive) throws {
      self.archive = archive
      self.entry = entry
      compressed = max(Int(clamping: entry.compressedSize), 1)
      if entry.isDirectory {
        throw archive.damaged(
          "\(entry.name) is a folder, not a part", "\(entry.name) はフォルダーで、パーツではありません",
          part: entry.name)
      }
      if entry.isEncrypted {
        throw XLSXError(
          .encrypted, file: archive.fileName, part: entry.name,
          detail:
            "the part is encrypted inside the zip archive; save the workbook without a password",
          japanese: "パーツが zip アーカイブ内で暗号化されています。パスワードを設定せずにブックを保存し直してください")
      }
      guard entry.method == 0 || entry.method == 8 else {
        let name = Self.methodNames[entry.method].map { " (\($0))" } ?? ""
        throw archive.damaged(
          "compression method \(entry.method)\(name) is not supported (only stored and deflated parts are read); save the workbook again in Excel",
          "圧縮方式 \(entry.method)\(name) には対応していません（読めるのは無圧縮と deflate のパーツだけです）。Excel で保存し直してください",
          part: entry.name)
      }
      var position = entry.position
      guard unzGoToFilePos64(archive.handle, &position) == UNZ_OK,
        unzOpenCurrentFile(archive.handle) == UNZ_OK
      else {
        throw archive.damaged(
          "cannot open the part (damaged archive)", "パーツを開けません（アーカイブが壊れています）",
          part: entry.name)
      }
      archive.partsOpened += 1
      serial = archive.partsOpened
      isOpen = true
    }

    deinit { if isCurrent { unzCloseCurrentFile(archive.handle) } }

    /// Other zip methods a damaged or unusual archive may name.
    private static let methodNames = [
      1: "shrink", 6: "implode", 9: "deflate64", 12: "bzip2", 14: "LZMA", 93: "Zstandard",
      95: "xz", 98: "PPMd",
    ]

    private var isCurrent: Bool { isOpen && serial == archive.partsOpened }

    /// Fills the start of `buffer` with the next bytes of the part: how many, 0 at its end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
      assert(!isOpen || isCurrent, "a part was read after another part was opened")
      guard isCurrent, let base = buffer.baseAddress, !buffer.isEmpty else { return 0 }
      let count = unzReadCurrentFile(archive.handle, base, UInt32(min(buffer.count, 1 << 30)))
      if count < 0 {
        throw archive.damaged(
          "the part's data is damaged after \(inflated) bytes (zip error \(count))",
          "パーツのデータが \(inflated) バイト目より後で壊れています（zip エラー \(count)）", part: entry.name)
      }
      if count == 0 {
        isOpen = false
        if unzCloseCurrentFile(archive.handle) == UNZ_CRCERROR {
          throw archive.damaged(
            "the part's checksum does not match (damaged archive)",
            "パーツのチェックサムが一致しません（アーカイブが壊れています）", part: entry.name)
        }
        return 0
      }
      inflated += Int(count)
      archive.inflatedTotal += Int(count)
      try archive.checkLimits(entry: entry, inflated: inflated, compressed: compressed)
      return Int(count)
    }
  }

  /// Takes back `bytes` counted against the archive's total when a part is read again from
  /// its start (a cut read falling back to the one-thread read), so that they count once.
  func uncount(_ bytes: Int) { inflatedTotal -= min(bytes, inflatedTotal) }

  /// Reads a whole (small) part into memory.
  func readAll(_ entry: Entry) throws -> [UInt8] {
    var bytes: [UInt8] = []
    try read(entry) { bytes.append(contentsOf: $0) }
    return bytes
  }

  private func checkLimits(entry: Entry, inflated: Int, compressed: Int) throws(XLSXError) {
    let partLimit = min(limits.partBytes, ReaderLimits.maxPartBytes)
    if inflated > partLimit {
      throw limitError(
        .partBytes, entry, "the part inflates to more than \(partLimit) bytes",
        "パーツを展開すると \(partLimit) バイトを超えます")
    }
    if inflatedTotal > limits.totalBytes {
      throw limitError(
        .totalBytes, entry, "the archive inflates to more than \(limits.totalBytes) bytes in all",
        "アーカイブ全体を展開すると \(limits.totalBytes) バイトを超えます")
    }
    if inflated > 1 << 20, inflated / compressed > limits.compressionRatio {
      throw limitError(
        .compressionRatio, entry,
        "the part inflates more than \(limits.compressionRatio) times its compressed size (a zip bomb?)",
        "パーツが圧縮サイズの \(limits.compressionRatio) 倍を超えて展開されます（zip 爆弾の疑いがあります）")
    }
  }

  private func limitError(
    _ limit: ReaderLimits.Limit, _ entry: Entry, _ detail: String, _ japanese: String
  ) -> XLSXError {
    XLSXError(
      .limitExceeded(limit), file: fileName, part: entry.name, detail: detail, japanese: japanese)
  }

  private func damaged(_ detail: String, _ japanese: String, part: String? = nil) -> XLSXError {
    XLSXError(.damagedArchive, file: fileName, part: part, detail: detail, japanese: japanese)
  }
}

extension String {
  /// Lower-cases ASCII letters only: OPC part names fold ASCII case, nothing else.
  func lowercasedASCII() -> String {
    guard utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return self }
    return String(decoding: utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
  }
}
