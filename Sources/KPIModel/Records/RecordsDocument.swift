/// A whole records file: the interchange format every reader produces and every writer
/// consumes (records.md).
public struct RecordsDocument: Sendable, Equatable {
  /// The format name every records file carries.
  public static let formatName = "kpisheet-records"
  /// The format version this module reads and writes.
  public static let currentVersion = 1

  /// Always `kpisheet-records`.
  public var format: String
  /// Always 1.
  public var version: Int
  public var municipality: Municipality?
  /// The grant's name as written, e.g. デジタル田園都市国家構想交付金（地方創生推進タイプ）.
  public var grant: String?
  /// In the order the sheets show them.
  public var projects: [Project]

  public init(
    municipality: Municipality? = nil, grant: String? = nil, projects: [Project] = []
  ) {
    self.format = Self.formatName
    self.version = Self.currentVersion
    self.municipality = municipality
    self.grant = grant
    self.projects = projects
  }
}

/// The municipality the sheets belong to.
public struct Municipality: Sendable, Equatable {
  public var name: String?
  public var prefecture: String?
  /// The local-government code as the sheet shows it, 5 or 6 digits.
  public var code: String?
  /// 連絡先: whom to ask about the sheets (a telephone number as a rule), as the header block
  /// beside 担当部局課名 gives it. One for the document, as the report's header has one.
  public var contact: String?

  public init(
    name: String? = nil, prefecture: String? = nil, code: String? = nil, contact: String? = nil
  ) {
    self.name = name
    self.prefecture = prefecture
    self.code = code
    self.contact = contact
  }
}
