/// A sheet as `workbook.xml` lists it.
struct WorkbookSheetEntry {
  var name: String
  var relationshipID: String
  var state: SheetVisibility
}

/// Reads `workbook.xml`: the sheets in tab order, their visibility, and the date system.
final class WorkbookParser: SAXHandler {
  private(set) var sheets: [WorkbookSheetEntry] = []
  private(set) var uses1904 = false

  func startElement(_ name: XMLName, attributes: XMLAttributes) throws {
    if name.is("sheet") {
      let state: SheetVisibility =
        switch attributes.string("state") {
        case "hidden": .hidden
        case "veryHidden": .veryHidden
        default: .visible
        }
      sheets.append(
        WorkbookSheetEntry(
          name: attributes.string("name") ?? "Sheet\(sheets.count + 1)",
          relationshipID: attributes.string("id") ?? "", state: state))
    } else if name.is("workbookPr") {
      let value = attributes.string("date1904")
      uses1904 = value == "1" || value == "true"
    }
  }

}

extension WorkbookParser {
  static let saxCallbacks = SAXCallbacks(
    start: { SAXParser<WorkbookParser>.start($0, $1, $6, $8) },
    end: { context, name, _, _ in SAXParser<WorkbookParser>.end(context, name) },
    text: { SAXParser<WorkbookParser>.text($0, $1, $2) })
}
