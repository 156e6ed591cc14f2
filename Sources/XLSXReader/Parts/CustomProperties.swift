/// Reads `docProps/custom.xml`: custom document properties by name, their values as text.
///
/// kpisheet marks its own reports with one (`kpisheet` = the report format's version), so
/// `extract` knows them without guessing from sheet names.
final class CustomPropertiesParser: SAXHandler {
  private(set) var properties: [String: String] = [:]
  private var currentName: String?
  private var valueDepth = 0
  private var text: [UInt8] = []
  private let maxValueBytes = 1 << 16

  func startElement(_ name: XMLName, attributes: XMLAttributes) throws {
    if name.is("property") {
      currentName = attributes.string("name")
      text.removeAll()
    } else if currentName != nil {
      valueDepth += 1
    }
  }

  func endElement(_ name: XMLName) throws {
    if name.is("property") {
      if let currentName { properties[currentName] = String(decoding: text, as: UTF8.self) }
      currentName = nil
      valueDepth = 0
    } else if valueDepth > 0 {
      valueDepth -= 1
    }
  }

  func characters(_ bytes: UnsafeBufferPointer<UInt8>) throws {
    guard currentName != nil, valueDepth > 0, text.count + bytes.count <= maxValueBytes else {
      return
    }
    text.append(contentsOf: bytes)
  }
}

extension CustomPropertiesParser {
  static let saxCallbacks = SAXCallbacks(
    start: { SAXParser<CustomPropertiesParser>.start($0, $1, $6, $8) },
    end: { context, name, _, _ in SAXParser<CustomPropertiesParser>.end(context, name) },
    text: { SAXParser<CustomPropertiesParser>.text($0, $1, $2) })
}
