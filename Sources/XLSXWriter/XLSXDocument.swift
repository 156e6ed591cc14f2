internal import CXLSXWriter
// No Foundation here, nor in TemporaryFiles: a program that only writes workbooks stays as
// small as libxlsxwriter lets it (loading Foundation alone costs megabytes of resident memory
// and millions of instructions at start-up; Benchmarks/RESULTS.md), and kpisheet-bench's
// reader keeps its own memory.
import CellAddress
import TemporaryFiles

#if canImport(Glibc)
  import Glibc
#endif

/// How a workbook is written.
public struct XLSXDocumentOptions: Sendable {
  /// libxlsxwriter's constant-memory mode: each row is flushed to a temporary file once a
  /// later row is written, so memory stays flat (a few MB) however many rows a sheet has.
  /// It applies to the whole workbook and changes what may be written:
  ///
  /// - Rows go in order, on each sheet: any number of cells of the current row, in any
  ///   column order, then later rows. A write to an earlier row, which libxlsxwriter would
  ///   refuse as out of range or ignore, throws `XLSXWriterError` with kind `.unsupported`.
  /// - Merged ranges and tables are refused (`.unsupported`).
  /// - Strings are stored inline in their cells, not in a shared-string table: larger files
  ///   when strings repeat, which every reader still opens.
  ///
  /// Use it for large plain sheets, not for laid-out reports.
  ///
  /// The corresponding C field is `lxw_workbook_options.constant_memory`.
  public var constantMemory: Bool
  /// A fixed creation time for the document properties, in whole seconds since
  /// 1970-01-01 00:00:00 UTC (from a `Date`: `Int(date.timeIntervalSince1970)`), so the same
  /// input gives the same bytes. When nil, libxlsxwriter stores the current time.
  ///
  /// The corresponding C field is `lxw_doc_properties.created` (a `time_t`).
  public var created: Int?
  /// The name of the hidden sheet that holds long drop-down lists (see
  /// `Worksheet.validationList(range:values:)`). It is added last, when the workbook is saved,
  /// and only if some list needs it.
  public var listSheetName: String
  /// Where libxlsxwriter keeps its temporary files while it writes (every part before it is
  /// zipped, and in constant-memory mode each sheet's rows): a private folder is made in
  /// this one, or in the system's temporary folder when nil, and removed afterwards. Name a
  /// disk with room when /tmp is small or held in memory: a constant-memory workbook keeps
  /// the process small by growing files there.
  ///
  /// The corresponding C field is `lxw_workbook_options.tmpdir`.
  public var temporaryFolder: String?

  public init(
    constantMemory: Bool = false, created: Int? = nil, listSheetName: String = "_lists",
    temporaryFolder: String? = nil
  ) {
    self.constantMemory = constantMemory
    self.created = created
    self.listSheetName = listSheetName
    self.temporaryFolder = temporaryFolder
  }
}

/// The document properties shown in Excel's File ▸ Info.
///
/// The corresponding C struct is `lxw_doc_properties`.
public struct DocumentProperties: Equatable, Sendable {
  public var title: String?
  public var subject: String?
  public var author: String?
  public var manager: String?
  public var company: String?
  public var category: String?
  public var keywords: String?
  public var comments: String?
  public var status: String?

  public init(
    title: String? = nil, subject: String? = nil, author: String? = nil, manager: String? = nil,
    company: String? = nil, category: String? = nil, keywords: String? = nil,
    comments: String? = nil, status: String? = nil
  ) {
    self.title = title
    self.subject = subject
    self.author = author
    self.manager = manager
    self.company = company
    self.category = category
    self.keywords = keywords
    self.comments = comments
    self.status = status
  }
}

/// The value of a custom document property.
public enum CustomPropertyValue: Equatable, Sendable {
  case string(String)
  case number(Double)
  case bool(Bool)
}

/// An .xlsx workbook being written: the one owner of libxlsxwriter's `lxw_workbook`.
///
/// The workbook is written to a temporary file in the output's folder; `save(to:)` closes it
/// (`workbook_close`) and renames the file into place only if that succeeded. A document
/// dropped without saving, or whose save failed, leaves no file behind; nor does an
/// interrupted program that installed `SignalCleanup`: the file, and the folder given to
/// libxlsxwriter for its own temporary files, are listed in `TemporaryFileRegistry.shared`
/// until renamed or removed.
///
/// ```swift
/// let document = try XLSXDocument(temporaryIn: "/out", options: .init(created: 1_711_929_600))
/// let sheet = try document.addWorksheet(named: "データ")
/// try sheet.write("市町村名", at: CellReference(row: 0, column: 0), format: FormatSpec(bold: true))
/// try document.save(to: "/out/report.xlsx")
/// ```
public final class XLSXDocument {
  /// The C workbook; nil once `workbook_close` has run (it frees the workbook either way).
  private(set) var handle: UnsafeMutablePointer<lxw_workbook>?
  /// The temporary file libxlsxwriter writes to; nil once renamed into place.
  private(set) var temporaryPath: String?
  /// libxlsxwriter's `tmpdir`, a folder of this workbook's own; nil once removed. It creates
  /// a file there for each part and unlinks it at once: in the system's temporary folder, an
  /// interruption in between would leave that file behind.
  private(set) var libraryFolder: String?
  public let options: XLSXDocumentOptions
  /// Document properties, applied when the workbook is saved.
  public var properties = DocumentProperties()

  var formats = FormatCache()
  /// Sheet names in lowercase: Excel compares them without regard to case.
  private var sheetNames: Set<String> = []
  private var sheetCount = 0
  /// The sheet Excel opens on; the first sheet unless another was activated.
  var activeSheetName: String?
  /// Lists waiting for the hidden list sheet, each with its column there.
  private var helperLists: [[String]] = []
  private var helperListColumns: [[String]: Int] = [:]
  private var definedNames: Set<String> = []
  private var tableNames: Set<String> = []

  /// Starts a workbook in a new temporary file inside `folder`, which should be the folder
  /// of the final output so that `save(to:)` is a rename on the same file system.
  ///
  /// The corresponding C function is `workbook_new_opt`.
  public init(temporaryIn folder: String, options: XLSXDocumentOptions = XLSXDocumentOptions())
    throws
  {
    self.options = options
    try Worksheet.validateName(options.listSheetName)
    if let temporaryFolder = options.temporaryFolder {
      try XLSXDocument.checkWritableFolder(temporaryFolder)
    }
    let base = folder.isEmpty ? "." : folder
    // Listed in the registry so that an interrupted run removes it (see SignalCleanup).
    let path: String
    do {
      path = try TemporaryFileRegistry.shared.create(in: base, prefix: ".kpisheet-writer-")
    } catch {
      throw XLSXWriterError(
        kind: .fileSystem, function: "open",
        message: "cannot create a temporary file in \(base): \(error.reason)")
    }
    self.temporaryPath = path
    let libraryFolder: String
    do {
      libraryFolder = try TemporaryFileRegistry.shared.createFolder(
        in: options.temporaryFolder ?? Self.systemTemporaryFolder, prefix: "kpisheet-writer-")
    } catch {
      discard()
      throw XLSXWriterError(
        kind: .fileSystem, function: "mkdir",
        message: "cannot create a temporary folder in \(error.folder): \(error.reason)")
    }
    self.libraryFolder = libraryFolder
    let strings = CStringBag()
    var cOptions = lxw_workbook_options()
    cOptions.constant_memory = options.constantMemory ? 1 : 0
    // libxlsxwriter keeps its own copy of tmpdir.
    cOptions.tmpdir = strings.copy(libraryFolder)
    let workbook = workbook_new_opt(path, &cOptions)
    withExtendedLifetime(strings) {}
    guard let workbook else {
      discard()
      throw XLSXWriterError.library(LXW_ERROR_MEMORY_MALLOC_FAILED, function: "workbook_new_opt")
    }
    self.handle = workbook
  }

  /// `$TMPDIR`, else /tmp (what Foundation's NSTemporaryDirectory gives on Linux).
  private static var systemTemporaryFolder: String {
    if let folder = getenv("TMPDIR").map({ String(cString: $0) }), !folder.isEmpty {
      return folder
    }
    return "/tmp"
  }

  /// libxlsxwriter reports a temporary folder it cannot use only as a failed allocation
  /// (or a failed close), so the folder is checked up front.
  private static func checkWritableFolder(_ folder: String) throws {
    var info = stat()
    let reason: String
    if stat(folder, &info) != 0 {
      reason = String(cString: strerror(errno))
    } else if info.st_mode & S_IFMT != S_IFDIR {
      reason = "not a folder"
    } else if access(folder, W_OK | X_OK) != 0 {
      reason = String(cString: strerror(errno))
    } else {
      return
    }
    throw XLSXWriterError(
      kind: .fileSystem, function: "workbook_new_opt",
      message: "the temporary folder \(folder) cannot be written to: \(reason)")
  }

  deinit {
    discard()
  }

  /// The number of distinct cell formats created so far.
  public var formatCount: Int { formats.count }

  /// Whether the workbook can still be changed (it has not been saved or failed to save).
  public var isOpen: Bool { handle != nil }

  func liveHandle(_ function: String) throws -> UnsafeMutablePointer<lxw_workbook> {
    guard let handle else {
      throw XLSXWriterError(
        kind: .closed, function: function,
        message: "the workbook was already saved (or its save failed); start a new one")
    }
    return handle
  }

  func format(_ spec: FormatSpec?, function: String) throws -> UnsafeMutablePointer<lxw_format>? {
    guard let spec else { return nil }
    return try formats.format(for: spec, in: liveHandle(function))
  }

  // MARK: Sheets

  /// Adds a worksheet after the existing ones.
  ///
  /// Names have 1 to 31 characters, none of `[ ] : * ? / \`, do not start or end with an
  /// apostrophe, and differ (ignoring case) from every other sheet's name.
  ///
  /// The corresponding C function is `workbook_add_worksheet`.
  public func addWorksheet(named name: String) throws -> Worksheet {
    let handle = try liveHandle("workbook_add_worksheet")
    try Worksheet.validateName(name)
    if name.lowercased() == options.listSheetName.lowercased() {
      throw XLSXWriterError.invalid(
        "sheet name \"\(name)\" is reserved for the hidden list sheet (see listSheetName)",
        function: "workbook_add_worksheet", sheet: name)
    }
    return try addSheet(name, to: handle)
  }

  private func addSheet(_ name: String, to handle: UnsafeMutablePointer<lxw_workbook>) throws
    -> Worksheet
  {
    guard sheetNames.insert(name.lowercased()).inserted else {
      throw XLSXWriterError.invalid(
        "a sheet named \"\(name)\" already exists (names ignore case)",
        function: "workbook_add_worksheet", sheet: name)
    }
    // In constant-memory mode each sheet gets a temporary file of libxlsxwriter's own.
    guard let sheet = CleanupGate.shared.pass({ workbook_add_worksheet(handle, name) }) else {
      sheetNames.remove(name.lowercased())
      throw XLSXWriterError.library(
        LXW_ERROR_PARAMETER_VALIDATION, function: "workbook_add_worksheet", sheet: name)
    }
    if sheetCount == 0 { activeSheetName = name }
    sheetCount += 1
    return Worksheet(document: self, handle: sheet, name: name)
  }

  /// Registers a list for the hidden list sheet and returns the absolute range it will occupy.
  func helperListRange(for values: [String]) -> String {
    let column: Int
    if let existing = helperListColumns[values] {
      column = existing
    } else {
      column = helperLists.count
      helperLists.append(values)
      helperListColumns[values] = column
    }
    let range = CellRange(
      firstRow: 0, firstColumn: column, lastRow: values.count - 1, lastColumn: column)
    return "=\(Worksheet.quotedName(options.listSheetName))!\(range.a1(absolute: true))"
  }

  private func writeHelperSheet(_ handle: UnsafeMutablePointer<lxw_workbook>) throws {
    guard !helperLists.isEmpty else { return }
    let sheet = try addSheet(options.listSheetName, to: handle)
    let rows = helperLists.map(\.count).max() ?? 0
    // Row by row, so constant-memory mode sees the rows in order.
    for row in 0..<rows {
      for (column, values) in helperLists.enumerated() where row < values.count {
        try sheet.write(values[row], at: CellReference(row: row, column: column))
      }
    }
    worksheet_hide(sheet.handle)
  }

  /// Reserves a table name; table names are unique in the whole workbook, ignoring case.
  func tableNameIsNew(_ name: String) -> Bool {
    tableNames.insert(name.lowercased()).inserted
  }

  // MARK: Properties and names

  /// Sets a custom document property (File ▸ Properties ▸ Custom), e.g. the report format's
  /// version under `kpisheet`.
  ///
  /// The corresponding C functions are `workbook_set_custom_property_string`, `_number` and
  /// `_boolean`.
  public func setCustomProperty(_ name: String, _ value: CustomPropertyValue) throws {
    let handle = try liveHandle("workbook_set_custom_property")
    guard !name.isEmpty, name.unicodeScalars.count <= 255 else {
      throw XLSXWriterError.invalid(
        "custom property names have 1 to 255 characters", function: "workbook_set_custom_property")
    }
    switch value {
    case .string(let text):
      guard !text.isEmpty, text.unicodeScalars.count <= 255 else {
        throw XLSXWriterError.invalid(
          "custom property strings have 1 to 255 characters",
          function: "workbook_set_custom_property_string")
      }
      try check(
        workbook_set_custom_property_string(handle, name, text),
        "workbook_set_custom_property_string")
    case .number(let number):
      guard number.isFinite else {
        throw XLSXWriterError.invalid(
          "custom property numbers must be finite", function: "workbook_set_custom_property_number")
      }
      try check(
        workbook_set_custom_property_number(handle, name, number),
        "workbook_set_custom_property_number")
    case .bool(let flag):
      try check(
        workbook_set_custom_property_boolean(handle, name, flag ? 1 : 0),
        "workbook_set_custom_property_boolean")
    }
  }

  /// Defines a workbook name such as `Targets` for `=データ!$P$2:$P$100`; prefix the name
  /// with a sheet (`データ!Targets`) for a sheet-local name.
  ///
  /// libxlsxwriter 1.1.4 underflows on an empty name or formula and silently cuts both at
  /// 127 bytes, so those are refused here.
  ///
  /// The corresponding C function is `workbook_define_name`.
  public func defineName(_ name: String, formula: String) throws {
    let handle = try liveHandle("workbook_define_name")
    let body = formula.hasPrefix("=") ? String(formula.dropFirst()) : formula
    guard !name.isEmpty, name.utf8.count <= 127 else {
      throw XLSXWriterError.invalid(
        "a defined name has 1 to 127 bytes, got \"\(name)\"", function: "workbook_define_name")
    }
    guard !body.allSatisfy(\.isWhitespace), formula.utf8.count <= 127 else {
      throw XLSXWriterError.invalid(
        "the formula of defined name \"\(name)\" must be non-empty and at most 127 bytes",
        function: "workbook_define_name")
    }
    guard definedNames.insert(name.lowercased()).inserted else {
      throw XLSXWriterError.invalid(
        "the name \"\(name)\" is already defined", function: "workbook_define_name")
    }
    try check(workbook_define_name(handle, name, formula), "workbook_define_name")
  }

  // MARK: Saving

  /// Writes the workbook and moves it to `path` (same folder as the temporary file).
  ///
  /// libxlsxwriter frees the workbook whether or not it could write it; after this call the
  /// document is closed. On any failure the temporary file is removed and nothing is left at
  /// `path` that was not there before.
  ///
  /// The corresponding C function is `workbook_close`.
  public func save(to path: String) throws {
    let handle = try liveHandle("workbook_close")
    do {
      try writeHelperSheet(handle)
    } catch {
      discard()
      throw error
    }
    let strings = CStringBag()
    var cProperties = lxw_doc_properties()
    cProperties.title = strings.copy(properties.title)
    cProperties.subject = strings.copy(properties.subject)
    cProperties.author = strings.copy(properties.author)
    cProperties.manager = strings.copy(properties.manager)
    cProperties.company = strings.copy(properties.company)
    cProperties.category = strings.copy(properties.category)
    cProperties.keywords = strings.copy(properties.keywords)
    cProperties.comments = strings.copy(properties.comments)
    cProperties.status = strings.copy(properties.status)
    if let created = options.created {
      guard created >= 0, let seconds = time_t(exactly: created) else {
        discard()
        throw XLSXWriterError.invalid(
          "creation time \(created) cannot be stored", function: "workbook_set_properties")
      }
      cProperties.created = seconds
    }
    let propertiesResult = workbook_set_properties(handle, &cProperties)
    if propertiesResult != LXW_NO_ERROR {
      discard()
      throw XLSXWriterError.library(propertiesResult, function: "workbook_set_properties")
    }
    // Makes libxlsxwriter's temporary files and reopens ours by name: not to be cut in two
    // by the signal cleanup.
    let result = CleanupGate.shared.pass { workbook_close(handle) }
    self.handle = nil
    withExtendedLifetime(strings) {}
    guard result == LXW_NO_ERROR else {
      discard()
      throw XLSXWriterError.library(result, function: "workbook_close")
    }
    guard let temporaryPath else { return }
    if rename(temporaryPath, path) != 0 {
      let reason = String(cString: strerror(errno))
      discard()
      throw XLSXWriterError(
        kind: .fileSystem, function: "rename",
        message: "cannot move the workbook to \(path): \(reason)")
    }
    // Forgotten only once renamed: an interruption before this line removes a name that no
    // longer exists, never the finished workbook.
    TemporaryFileRegistry.shared.forget(temporaryPath)
    self.temporaryPath = nil
    discard()
  }

  /// Frees the C workbook and removes the temporary file and folder (the renamed workbook
  /// is no longer this document's).
  private func discard() {
    if let handle {
      lxw_workbook_free(handle)
      self.handle = nil
    }
    if let temporaryPath {
      TemporaryFileRegistry.shared.remove(temporaryPath)
      self.temporaryPath = nil
    }
    if let libraryFolder {
      TemporaryFileRegistry.shared.remove(libraryFolder)
      self.libraryFolder = nil
    }
  }
}

/// C string copies that live as long as the bag (for C structs that point at strings).
final class CStringBag {
  private var pointers: [UnsafeMutablePointer<CChar>] = []

  func copy(_ string: String?) -> UnsafeMutablePointer<CChar>? {
    guard let string, let pointer = strdup(string) else { return nil }
    pointers.append(pointer)
    return pointer
  }

  deinit {
    for pointer in pointers { free(pointer) }
  }
}
