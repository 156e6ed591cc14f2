/// A whole records file: the interchange format every reader produces and every writer
/// consumes (records.md).
public struct RecordsDocument: Codable, Sendable, Equatable {
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

  private enum CodingKeys: String, CodingKey {
    case format, version, municipality, grant, projects
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    format = try container.decode(String.self, forKey: .format)
    guard format == Self.formatName else {
      throw DecodingError.dataCorruptedError(
        forKey: .format, in: container,
        debugDescription: "expected \"\(Self.formatName)\", found \"\(format)\"")
    }
    version = try container.decode(Int.self, forKey: .version)
    guard version == Self.currentVersion else {
      throw DecodingError.dataCorruptedError(
        forKey: .version, in: container,
        debugDescription: "this kpisheet reads version \(Self.currentVersion), found \(version)")
    }
    municipality = try container.decodeIfPresent(Municipality.self, forKey: .municipality)
    grant = try container.decodeIfPresent(String.self, forKey: .grant)
    projects = try container.decode([Project].self, forKey: .projects)
  }
}

/// The municipality the sheets belong to.
public struct Municipality: Codable, Sendable, Equatable {
  public var name: String?
  public var prefecture: String?
  /// The local-government code as the sheet shows it, 5 or 6 digits.
  public var code: String?

  public init(name: String? = nil, prefecture: String? = nil, code: String? = nil) {
    self.name = name
    self.prefecture = prefecture
    self.code = code
  }
}
