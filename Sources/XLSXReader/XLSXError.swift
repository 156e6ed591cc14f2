/// An error reading a workbook: what went wrong, and where.
///
/// Every error names the file and, where it applies, the part inside the package, the sheet
/// and the cell, so that one line on standard error is enough to find the problem.
///
/// The explanation is written in English and Japanese together where the error is thrown,
/// so that both say the same thing; `description` is the English line (for library users
/// and logs) and `description(in:)` gives either.
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

  /// The languages an error can be told in.
  ///
  /// The reader's own, rather than the tool's, because this module depends on nothing.
  public enum Language: Sendable, Equatable {
    case english
    case japanese
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
  /// A human-readable explanation of what is wrong and what to do, in English.
  public var detail: String
  /// The same explanation in Japanese.
  public var japaneseDetail: String

  /// An error explained in both languages: `detail` in English, `japanese` in Japanese.
  ///
  /// Both are required so that no error can reach a Japanese user in English only.
  public init(
    _ kind: Kind, file: String, part: String? = nil, sheet: String? = nil, cell: String? = nil,
    line: Int? = nil, detail: String, japanese: String
  ) {
    self.kind = kind
    self.file = file
    self.part = part
    self.sheet = sheet
    self.cell = cell
    self.line = line
    self.detail = detail
    self.japaneseDetail = japanese
  }

  /// The place, as `file: part xl/…, line 3` or `file: sheet "KPI", cell D12`.
  public var location: String { location(in: .english) }

  /// The place in `language`: `file: シート "KPI"、セル D12` in Japanese.
  public func location(in language: Language) -> String {
    let words = PlaceWords(language)
    var place = file
    if let sheet {
      place += ": \(words.sheet) \"\(sheet)\""
      if let cell { place += "\(words.comma)\(words.cell) \(cell)" }
    } else if let part {
      place += ": \(words.part) \(part)"
      if let cell { place += "\(words.comma)\(words.cell) \(cell)" }
    }
    if let line, cell == nil { place += words.comma + words.line(line) }
    return place
  }

  /// The explanation in `language`.
  public func detail(in language: Language) -> String {
    language == .japanese ? japaneseDetail : detail
  }

  /// One line: the place, then the detail.
  public var description: String { description(in: .english) }

  /// One line in `language`: the place, then the detail.
  public func description(in language: Language) -> String {
    "\(location(in: language)): \(detail(in: language))"
  }
}

/// The words of a place (`sheet "KPI", cell D12`), in one language.
private struct PlaceWords {
  let sheet: String
  let part: String
  let cell: String
  let comma: String
  let line: (Int) -> String

  init(_ language: XLSXError.Language) {
    switch language {
    case .english:
      (sheet, part, cell, comma) = ("sheet", "part", "cell", ", ")
      line = { "line \($0)" }
    case .japanese:
      (sheet, part, cell, comma) = ("シート", "パーツ", "セル", "、")
      line = { "\($0) 行目" }
    }
  }
}
