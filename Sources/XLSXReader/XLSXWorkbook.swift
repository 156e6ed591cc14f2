/// An XLSX workbook opened for streaming reads.
///
/// Opening reads the package's directory, the workbook part, the styles and the shared
/// strings; sheets are read on demand, row by row, and never held whole:
///
/// ```swift
/// let workbook = try XLSXWorkbook(path: "dept-a.xlsx")
/// for sheet in workbook.sheets {
///   try workbook.forEachRow(in: sheet) { row in
///     for cell in row.cells { print(cell.reference, cell.value) }
///   }
/// }
/// ```
///
/// Not thread-safe: use one workbook per thread (they are cheap to open).
public final class XLSXWorkbook {
  /// The file's name as the caller gave it, used in every error.
  public let fileName: String
  /// The sheets in tab order.
  public let sheets: [SheetInfo]
  /// True when dates count from 1904 (`<workbookPr date1904="1"/>`).
  public let uses1904: Bool
  public let sharedStrings: SharedStringTable
  public let limits: ReaderLimits
  /// Custom document properties (`docProps/custom.xml`) by name, values as text.
  public let customProperties: [String: String]
  private let formats: [NumberFormat?]
  private let archive: ZipArchive
  /// How large sheets are cut to be parsed on several threads (tests cut them small).
  var parallelTuning = CutTuning()

  /// Threads that read a large sheet (over 512 KiB of XML), the calling thread included:
  /// `forEachRow` inflates the sheet and hands its rows over, in order, on the calling
  /// thread, which parses fragments of it too whenever it would otherwise wait, while
  /// `readingThreads - 1` more threads parse. Defaults to the processors online, at most 4;
  /// 1 reads every sheet on the calling thread alone (for a caller that already runs one
  /// read per processor). A large shared-string table is read the same way while the
  /// workbook opens: pass `readingThreads` to `init` for that.
  public var readingThreads: Int {
    get { parallelTuning.threadCount }
    set { parallelTuning.threadCount = max(1, newValue) }
  }
  /// Fragments the last `forEachRow` parsed on several threads (0: read on one thread).
  private(set) var fragmentsParsed = 0
  /// Fragments the shared-string table was parsed in on several threads (0: on one thread).
  private(set) var sharedStringFragments = 0

  /// Opens the workbook at `path`.
  ///
  /// - Parameters:
  ///   - path: A seekable file (minizip needs to seek; copy standard input to a file first).
  ///   - displayName: The name used in errors; defaults to `path`.
  ///   - limits: Caps on sizes, counts and nesting.
  ///   - readingThreads: The initial `readingThreads`, which also parse a large
  ///     shared-string table while the workbook opens; nil for the default.
  /// - Throws: `XLSXError`, saying what the file is when it is not a workbook (encrypted,
  ///   legacy .xls, CSV, …) and naming the part when one is missing or damaged.
  public convenience init(
    path: String, displayName: String? = nil, limits: ReaderLimits = ReaderLimits(),
    readingThreads: Int? = nil
  ) throws {
    var tuning = CutTuning()
    if let readingThreads { tuning.threadCount = max(1, readingThreads) }
    try self.init(path: path, displayName: displayName, limits: limits, tuning: tuning)
  }

  /// Opens the workbook at `path`, cutting large parts as `tuning` says (tests cut them small).
  init(path: String, displayName: String?, limits: ReaderLimits, tuning: CutTuning) throws {
    parallelTuning = tuning
    let fileName = displayName ?? path
    self.fileName = fileName
    self.limits = limits
    try WorkbookSniffing.checkSignature(path: path, fileName: fileName)
    let archive = try ZipArchive(path: path, fileName: fileName, limits: limits)
    self.archive = archive
    try WorkbookSniffing.checkContainer(archive)

    let packageRelationships = try Self.relationships(ofPackage: archive, limits: limits)
    let workbookPart = try Self.findWorkbookPart(archive, packageRelationships)
    customProperties = try Self.customProperties(
      in: archive, packageRelationships, limits: limits)
    let relationships = try Self.relationships(of: workbookPart, in: archive, limits: limits)

    let workbook = WorkbookParser()
    try Self.parse(workbookPart, in: archive, with: workbook, limits: limits)
    uses1904 = workbook.uses1904

    sheets = try SheetResolver(
      archive: archive, workbookPart: workbookPart, relationships: relationships
    ).sheets(workbook.sheets)

    if let stylesPart = Self.target(ofKind: "styles", in: relationships, from: workbookPart),
      archive.entry(stylesPart) != nil
    {
      let styles = StylesParser()
      try Self.parse(stylesPart, in: archive, with: styles, limits: limits)
      formats = styles.formats()
    } else {
      formats = []
    }

    if let stringsPart = Self.target(ofKind: "sharedStrings", in: relationships, from: workbookPart)
    {
      guard let entry = archive.entry(stringsPart) else {
        throw XLSXError(
          .missingPart, file: fileName, part: stringsPart,
          detail: "the shared-string table is missing from the package",
          japanese: "共有文字列テーブルがパッケージにありません")
      }
      (sharedStrings, sharedStringFragments) = try Self.sharedStrings(
        entry, in: archive, limits: limits, tuning: tuning)
    } else {
      sharedStrings = SharedStringTable()
    }
  }

  /// The sheet with this name, or nil.
  public func sheet(named name: String) -> SheetInfo? {
    sheets.first { $0.name == name }
  }

  /// Streams a sheet's rows in order, each with its non-empty cells left to right.
  ///
  /// Only the current row is held in memory. The `Row` passed to `body` may be kept.
  /// - Returns: what the pass found besides the rows: merged ranges, counts, extent.
  @discardableResult
  public func forEachRow(in sheet: SheetInfo, _ body: (Row) throws -> Void) throws -> SheetScan {
    guard sheet.kind == .worksheet, let entry = archive.entry(sheet.partName) else {
      return SheetScan(merges: [], cellCount: 0, lastRow: nil, lastColumn: nil)
    }
    return try withoutActuallyEscaping(body) { body in
      var skip = 0
      fragmentsParsed = 0
      if parallelTuning.isWorthwhile(for: entry) {
        let parallel = ParallelSheetReader(
          context: .init(
            sharedStrings: sharedStrings, formats: formats, uses1904: uses1904, limits: limits,
            fileName: fileName, sheetName: sheet.name, partName: entry.name),
          tuning: parallelTuning)
        switch try parallel.read(entry, of: archive, deliver: body) {
        case .finished(let scan, let fragments):
          fragmentsParsed = fragments
          return scan
        case .readWholePart(let delivered, let inflated):
          archive.uncount(inflated)
          skip = delivered
        }
      }
      // After a parallel read fell back, the rows it delivered are skipped (a counter only
      // then: a captured variable costs an exclusivity check on every row).
      let onRow: (Row) throws -> Void =
        skip == 0
        ? body
        : { row in
          if skip > 0 {
            skip -= 1
            return
          }
          try body(row)
        }
      let parser = WorksheetParser(
        sharedStrings: sharedStrings, formats: formats, uses1904: uses1904, limits: limits,
        fileName: fileName, sheetName: sheet.name, onRow: onRow)
      try SAXParser.parse(entry, of: archive, handler: parser, limits: limits)
      return parser.scan
    }
  }

  /// Reads a whole sheet into memory: for small sheets that need random access.
  public func readSheet(_ sheet: SheetInfo) throws -> (cells: [Cell], scan: SheetScan) {
    var cells: [Cell] = []
    let scan = try forEachRow(in: sheet) { cells.append(contentsOf: $0.cells) }
    return (cells, scan)
  }

  // MARK: Opening

  /// The workbook part, named by the package relationships (`_rels/.rels`).
  private static func findWorkbookPart(
    _ archive: ZipArchive, _ packageRelationships: [Relationship]?
  ) throws -> String {
    let file = archive.fileName
    if let relationships = packageRelationships {
      if let target = relationships.first(where: { $0.kind == "officeDocument" && !$0.isExternal })?
        .target
      {
        let part = PartPath.resolve(target, from: "")
        guard archive.entry(part) != nil else {
          throw XLSXError(
            .missingPart, file: file, part: part,
            detail: "the workbook part is missing from the package",
            japanese: "ブックのパーツがパッケージにありません")
        }
        return part
      }
    }
    // A package without (usable) package relationships: fall back to the usual place.
    if archive.entry("xl/workbook.xml") != nil { return "xl/workbook.xml" }
    if archive.entry("[Content_Types].xml") == nil && archive.entry("_rels/.rels") == nil {
      throw XLSXError(
        .otherFormat, file: file,
        detail: "this is a zip archive, but not an Excel workbook (it has no [Content_Types].xml)",
        japanese: "zip アーカイブですが、Excel ブックではありません（[Content_Types].xml がありません）")
    }
    throw XLSXError(
      .missingPart, file: file, part: "xl/workbook.xml",
      detail: "the package names no workbook part (_rels/.rels has no officeDocument relationship)",
      japanese:
        "パッケージにブックのパーツの指定がありません（_rels/.rels に officeDocument のリレーションシップがありません）")
  }

  /// The custom properties named by the package relationships; none when absent.
  private static func customProperties(
    in archive: ZipArchive, _ packageRelationships: [Relationship]?, limits: ReaderLimits
  ) throws -> [String: String] {
    guard
      let target = packageRelationships?.first(where: {
        $0.kind == "custom-properties" && !$0.isExternal
      })?.target
    else { return [:] }
    let part = PartPath.resolve(target, from: "")
    guard archive.entry(part) != nil else { return [:] }
    let parser = CustomPropertiesParser()
    try parse(part, in: archive, with: parser, limits: limits)
    return parser.properties
  }

  /// The package relationships (`_rels/.rels`), read once for the workbook part and the
  /// custom properties; nil when the package has none.
  private static func relationships(ofPackage archive: ZipArchive, limits: ReaderLimits) throws
    -> [Relationship]?
  {
    guard archive.entry("_rels/.rels") != nil else { return nil }
    let parser = RelationshipsParser()
    try parse("_rels/.rels", in: archive, with: parser, limits: limits)
    return parser.relationships
  }

  private static func relationships(of part: String, in archive: ZipArchive, limits: ReaderLimits)
    throws -> [Relationship]
  {
    let relsPart = PartPath.relationships(of: part)
    guard archive.entry(relsPart) != nil else {
      throw XLSXError(
        .missingPart, file: archive.fileName, part: relsPart,
        detail: "the workbook's relationships part is missing, so its sheets cannot be found",
        japanese: "ブックのリレーションシップのパーツがないため、シートを見つけられません")
    }
    let parser = RelationshipsParser()
    try parse(relsPart, in: archive, with: parser, limits: limits)
    return parser.relationships
  }

  private static func target(
    ofKind kind: String, in relationships: [Relationship], from part: String
  )
    -> String?
  {
    guard let relationship = relationships.first(where: { $0.kind == kind && !$0.isExternal })
    else {
      return nil
    }
    return PartPath.resolve(relationship.target, from: part)
  }

  /// The shared-string table and the fragments it was parsed in: cut and parsed on several
  /// threads when it is large, else (or when the cut read gives up) parsed on this thread.
  private static func sharedStrings(
    _ entry: ZipArchive.Entry, in archive: ZipArchive, limits: ReaderLimits, tuning: CutTuning
  ) throws -> (SharedStringTable, fragments: Int) {
    if tuning.isWorthwhile(for: entry),
      let cut = ParallelSharedStrings(limits: limits, tuning: tuning).read(entry, of: archive)
    {
      return cut
    }
    let strings = SharedStringsParser(
      limits: limits, fileName: archive.fileName, partName: entry.name,
      partBytes: Int(clamping: entry.uncompressedSize))
    try SAXParser.parse(entry, of: archive, handler: strings, limits: limits)
    return (strings.table, 0)
  }

  private static func parse(
    _ part: String, in archive: ZipArchive, with handler: some SAXHandler, limits: ReaderLimits
  ) throws {
    guard let entry = archive.entry(part) else {
      throw XLSXError(
        .missingPart, file: archive.fileName, part: part, detail: "the part is missing",
        japanese: "パーツがありません")
    }
    try SAXParser.parse(entry, of: archive, handler: handler, limits: limits)
  }
}
