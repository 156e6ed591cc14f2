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
          relationshipID: attributes.string("id", in: .relationships) ?? "", state: state))
    } else if name.is("workbookPr") {
      let value = attributes.string("date1904")
      uses1904 = value == "1" || value == "true"
    }
  }

}

/// Finds each sheet's part through the workbook's relationships, refusing what no reader
/// should guess at: a relationship that is missing or external, a part that is missing, a
/// folder or another kind of part, two sheets of one name, and two sheets of one part (Excel
/// calls such a file damaged; reading the part twice would count its KPIs twice).
struct SheetResolver {
  let archive: ZipArchive
  let workbookPart: String
  /// The workbook's relationships by ID (the first of an ID, as a search in order finds).
  private let byID: [String: Relationship]
  /// The parts the workbook's other relationships name (styles, shared strings, theme, …).
  private let otherParts: [String: Substring]

  init(archive: ZipArchive, workbookPart: String, relationships: [Relationship]) {
    self.archive = archive
    self.workbookPart = workbookPart
    byID = Dictionary(relationships.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var otherParts: [String: Substring] = [:]
    for relationship in relationships where !relationship.isExternal {
      let kind = relationship.kind
      guard kind != "worksheet", kind != "chartsheet", kind != "dialogsheet" else { continue }
      let part = ZipArchive.key(PartPath.resolve(relationship.target, from: workbookPart))
      otherParts[part] = otherParts[part] ?? kind
    }
    self.otherParts = otherParts
  }

  func sheets(_ entries: [WorkbookSheetEntry]) throws -> [SheetInfo] {
    var sheets: [SheetInfo] = []
    sheets.reserveCapacity(entries.count)
    // Excel compares sheet names without regard to case.
    var names: Set<String> = []
    var sheetByPart: [String: String] = [:]
    for entry in entries {
      guard names.insert(entry.name.lowercased()).inserted else {
        throw error(
          .malformedXML,
          "two sheets are named \"\(entry.name)\" (Excel keeps sheet names unique, ignoring case)",
          "\"\(entry.name)\" という名前のシートが 2 つあります（Excel ではシート名は大文字と小文字を区別せず一意です）")
      }
      let sheet = try sheet(entry, index: sheets.count)
      if sheet.kind == .worksheet {
        let key = ZipArchive.key(sheet.partName)
        if let first = sheetByPart[key] {
          throw error(
            .malformedXML,
            "sheets \"\(first)\" and \"\(entry.name)\" both point at \(sheet.partName); each sheet has its own part",
            "シート \"\(first)\" と \"\(entry.name)\" が同じ \(sheet.partName) を参照しています。シートごとに別のパーツが必要です")
        }
        sheetByPart[key] = entry.name
      }
      sheets.append(sheet)
    }
    return sheets
  }

  private func sheet(_ entry: WorkbookSheetEntry, index: Int) throws -> SheetInfo {
    guard let relationship = byID[entry.relationshipID] else {
      throw error(
        .missingPart,
        "sheet \"\(entry.name)\" names relationship \"\(entry.relationshipID)\", which does not exist",
        "シート \"\(entry.name)\" が参照するリレーションシップ \"\(entry.relationshipID)\" がありません")
    }
    guard !relationship.isExternal else {
      throw error(
        .missingPart,
        "sheet \"\(entry.name)\" is external (its relationship points outside the package, at \(relationship.target)); external parts are not read",
        "シート \"\(entry.name)\" は外部のものです（リレーションシップがパッケージの外の \(relationship.target) を指しています）。外部のパーツは読み込みません"
      )
    }
    let partName = PartPath.resolve(relationship.target, from: workbookPart)
    let kind: SheetInfo.Kind = relationship.kind == "worksheet" ? .worksheet : .other
    if kind == .worksheet { try check(partName, of: entry) }
    return SheetInfo(
      name: entry.name, index: index, visibility: entry.state, kind: kind, partName: partName)
  }

  /// A worksheet's part must be in the package, a part, and no part of another kind.
  private func check(_ partName: String, of entry: WorkbookSheetEntry) throws {
    if archive.entry(partName)?.isDirectory == true {
      throw XLSXError(
        .missingPart, file: archive.fileName, part: partName,
        detail: "sheet \"\(entry.name)\" names a folder of the archive, not a part",
        japanese: "シート \"\(entry.name)\" が参照しているのはアーカイブ内のフォルダーで、パーツではありません")
    }
    guard archive.entry(partName) != nil else {
      throw XLSXError(
        .missingPart, file: archive.fileName, part: partName,
        detail:
          "sheet \"\(entry.name)\" is missing from the package (the workbook names it, the zip does not hold it)",
        japanese:
          "シート \"\(entry.name)\" がパッケージにありません（ブックには記載されていますが、zip に含まれていません）")
    }
    let key = ZipArchive.key(partName)
    // The workbook and relationship parts as they were always told; other parts by kind.
    let otherKind: Substring? =
      key == ZipArchive.key(workbookPart) || key.hasSuffix(".rels")
      ? "" : key == "[content_types].xml" ? "content types" : otherParts[key]
    if let otherKind {
      let english = otherKind.isEmpty ? "" : " (it is the \(otherKind) part)"
      let japanese = otherKind.isEmpty ? "" : "（\(otherKind) のパーツです）"
      throw error(
        .malformedXML,
        "sheet \"\(entry.name)\" points at \(partName), which is not a worksheet\(english)",
        "シート \"\(entry.name)\" が参照する \(partName) はワークシートではありません\(japanese)")
    }
  }

  private func error(_ kind: XLSXError.Kind, _ detail: String, _ japanese: String) -> XLSXError {
    XLSXError(kind, file: archive.fileName, part: workbookPart, detail: detail, japanese: japanese)
  }
}

extension WorkbookParser {
  static let saxCallbacks = SAXCallbacks(
    start: { SAXParser<WorkbookParser>.start($0, $1, $6, $8) },
    end: { context, name, _, _ in SAXParser<WorkbookParser>.end(context, name) },
    text: { SAXParser<WorkbookParser>.text($0, $1, $2) })
}
