/// An error reading a workbook: what went wrong, and where.
///
/// Every error names the file and, where it applies, the part inside the package, the sheet
/// and the cell, so that one line on standard error is enough to find the problem.
public struct XLSXError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What went wrong.
  public enum Kind: Sendable, Equatable {
    /// The file does not exist or cannot be opened.
    case cannotOpen
    /// The file is empty.
    case emptyFile
    /// The file is a password-protected (encrypted) workbook.
    case encrypted
    /// The file is a legacy Excel 97–2003 workbook (.xls).
    case legacyXLS
    /// The file is an OpenDocument spreadsheet (.ods).
    case openDocument
    /// The file is an Apple Numbers document.
    case appleNumbers
    /// The file is an Excel binary workbook (.xlsb).
    case binaryWorkbook
    /// The file is text, such as CSV, not a workbook.
    case textFile
    /// The file is some other format (named in the detail).
    case otherFormat
    /// The zip container is damaged or truncated.
    case damagedArchive
    /// A part the workbook needs is missing.
    case missingPart
    /// A part's XML is not well-formed, or its content is invalid.
    case malformedXML
    /// The XML has a DOCTYPE or an entity declaration, which OOXML parts never carry.
    case forbiddenDTD
    /// A cell's content is invalid (a bad reference, a string index out of range, …).
    case invalidCell
    /// A limit that protects memory and time was exceeded.
    case limitExceeded(ReaderLimits.Limit)
    /// The requested sheet does not exist.
    case noSuchSheet
  }

  public var kind: Kind
  /// The file, as the caller named it.
  public var file: String
  /// The part inside the package, such as `xl/worksheets/sheet1.xml`.
  public var part: String?
  /// The sheet's name, when the error is inside a worksheet.
  public var sheet: String?
  /// The cell reference, such as `D12`.
  public var cell: String?
  /// A line or element number inside the part, when the XML parser reports one.
  public var line: Int?
  /// A human-readable explanation of what is wrong and what to do.
  public var detail: String

  public init(
    _ kind: Kind, file: String, part: String? = nil, sheet: String? = nil, cell: String? = nil,
    line: Int? = nil, detail: String
  ) {
    self.kind = kind
    self.file = file
    self.part = part
    self.sheet = sheet
    self.cell = cell
    self.line = line
    self.detail = detail
  }

  /// The place, as `file: part xl/…, line 3: ` or `file: sheet "KPI", cell D12: `.
  public var location: String {
    var place = file
    if let sheet {
      place += ": sheet \"\(sheet)\""
      if let cell { place += ", cell \(cell)" }
    } else if let part {
      place += ": part \(part)"
      if let cell { place += ", cell \(cell)" }
    }
    if let line, cell == nil { place += ", line \(line)" }
    return place
  }

  /// One line: the place, then the detail.
  public var description: String { "\(location): \(detail)" }
}
