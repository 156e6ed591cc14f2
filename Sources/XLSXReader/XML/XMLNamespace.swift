/// The namespaces a part's attributes are matched in.
///
/// OOXML's own attributes (`r`, `t`, `s` of a cell) are unprefixed, so in no namespace; an
/// attribute of the same local name in another namespace (`z:r` with `xmlns:z="urn:evil"`) is
/// a different attribute, which Excel, openpyxl and calamine ignore, and so does the reader.
enum XMLNamespace {
  /// The relationships namespace of `r:id`, transitional or Strict.
  case relationships

  /// True for an attribute of the part itself: unprefixed (`uri` nil, the common case, which
  /// costs one comparison), or prefixed with the SpreadsheetML namespace.
  @inline(__always) static func isOwn(_ uri: UnsafePointer<UInt8>?) -> Bool {
    guard let uri else { return true }
    return isSpreadsheetML(uri)
  }

  @inline(never) static func isSpreadsheetML(_ uri: UnsafePointer<UInt8>) -> Bool {
    let name = XMLName(pointer: uri)
    return name.is("http://schemas.openxmlformats.org/spreadsheetml/2006/main")
      || name.is("http://purl.oclc.org/ooxml/spreadsheetml/main")
  }

  /// True when `uri` names this namespace.
  func matches(_ uri: UnsafePointer<UInt8>) -> Bool {
    let name = XMLName(pointer: uri)
    switch self {
    case .relationships:
      return name.is("http://schemas.openxmlformats.org/officeDocument/2006/relationships")
        || name.is("http://purl.oclc.org/ooxml/officeDocument/relationships")
    }
  }
}
