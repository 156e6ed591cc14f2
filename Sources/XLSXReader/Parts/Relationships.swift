/// One `<Relationship>` of a `.rels` part.
struct Relationship {
  var id: String
  /// The type URI; compared by its last segment, which transitional and Strict OOXML share.
  let type: String
  var target: String
  var isExternal: Bool
  /// The last segment of the type URI: `officeDocument`, `worksheet`, `sharedStrings`, …
  /// (found once: a workbook of many sheets asks it of every relationship several times).
  let kind: Substring

  init(id: String, type: String, target: String, isExternal: Bool) {
    self.id = id
    self.type = type
    self.target = target
    self.isExternal = isExternal
    kind = type.split(separator: "/").last ?? ""
  }
}

/// Collects the relationships of a `.rels` part.
final class RelationshipsParser: SAXHandler {
  private(set) var relationships: [Relationship] = []

  func startElement(_ name: XMLName, attributes: XMLAttributes) throws {
    guard name.is("Relationship"), let id = attributes.string("Id"),
      let target = attributes.string("Target")
    else { return }
    relationships.append(
      Relationship(
        id: id, type: attributes.string("Type") ?? "", target: target,
        isExternal: attributes.string("TargetMode") == "External"))
  }

}

extension RelationshipsParser {
  static let saxCallbacks = SAXCallbacks(
    start: { SAXParser<RelationshipsParser>.start($0, $1, $6, $8) },
    end: { context, name, _, _ in SAXParser<RelationshipsParser>.end(context, name) },
    text: { SAXParser<RelationshipsParser>.text($0, $1, $2) })
}
