/// Reads `styles.xml` far enough to know each cell style's number format.
final class StylesParser: SAXHandler {
  private var customCodes: [Int: String] = [:]
  private var cellFormatIDs: [Int] = []
  private var inCellXfs = false
  private var xfDepth = 0

  func startElement(_ name: XMLName, attributes: XMLAttributes) throws {
    if name.is("numFmt") {
      if let id = attributes.integer("numFmtId"), let code = attributes.string("formatCode") {
        customCodes[id] = code
      }
    } else if name.is("cellXfs") {
      inCellXfs = true
    } else if name.is("xf") && inCellXfs {
      cellFormatIDs.append(attributes.integer("numFmtId") ?? 0)
    }
  }

  func endElement(_ name: XMLName) throws {
    if name.is("cellXfs") { inCellXfs = false }
  }

  /// The number format of each cell style index (`s` attribute), nil for General.
  func formats() -> [NumberFormat?] {
    var cache: [Int: NumberFormat?] = [:]
    return cellFormatIDs.map { id in
      if let known = cache[id] { return known }
      let format: NumberFormat?
      if let code = customCodes[id] {
        let custom = NumberFormat(id: id, code: code)
        format = custom.isGeneral ? nil : custom
      } else {
        format = NumberFormat.builtIn(id)
      }
      cache[id] = format
      return format
    }
  }
}

extension StylesParser {
  static let saxCallbacks = SAXCallbacks(
    start: { SAXParser<StylesParser>.start($0, $1, $6, $8) },
    end: { context, name, _, _ in SAXParser<StylesParser>.end(context, name) },
    text: { SAXParser<StylesParser>.text($0, $1, $2) })
}
