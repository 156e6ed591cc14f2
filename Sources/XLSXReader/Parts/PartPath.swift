/// Part names inside the package, resolved the way OPC relationships resolve them.
enum PartPath {
  /// Resolves a relationship `target` against the part that holds the relationship:
  /// `worksheets/sheet1.xml` from `xl/workbook.xml` is `xl/worksheets/sheet1.xml`;
  /// `/xl/ws/a.xml` is absolute.
  static func resolve(_ target: String, from source: String) -> String {
    var segments: [Substring]
    if target.hasPrefix("/") {
      segments = []
    } else {
      segments = source.split(separator: "/", omittingEmptySubsequences: true)
      if !segments.isEmpty { segments.removeLast() }
    }
    for segment in target.split(separator: "/", omittingEmptySubsequences: true) {
      switch segment {
      case ".": continue
      case "..": if !segments.isEmpty { segments.removeLast() }
      default: segments.append(segment)
      }
    }
    return segments.joined(separator: "/")
  }

  /// The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
  static func relationships(of part: String) -> String {
    guard let slash = part.lastIndex(of: "/") else { return "_rels/\(part).rels" }
    return "\(part[..<slash])/_rels/\(part[part.index(after: slash)...]).rels"
  }
}
