import CellAddress
import Foundation
import TestSupport
import Testing

@testable import XLSXWriter

@Suite("Documents: properties, names, charts, files on disk")
struct DocumentTests {
  @Test(
    "Document properties, the kpisheet custom property and defined names reach the file",
    .enabled(if: OpenPyXL.isAvailable, OpenPyXL.skipReason))
  func propertiesAndNames() throws {
    let scratch = try Scratch()
    let output = scratch.path("properties.xlsx")
    let document = try XLSXDocument(
      temporaryIn: scratch.folder, options: XLSXDocumentOptions(created: fixedCreationSeconds))
    let sheet = try document.addWorksheet(named: "データ")
    try sheet.write(1, at: CellReference(row: 0, column: 0))
    document.properties = DocumentProperties(
      title: "地方創生推進交付金 効果検証", subject: "KPI実績報告", author: "kpisheet",
      company: "北海道札幌市", keywords: "KPI, 効果検証", comments: "自動生成")
    try document.setCustomProperty("kpisheet", .string("1.0"))
    try document.setCustomProperty("rows", .number(42))
    try document.setCustomProperty("draft", .bool(false))
    try document.defineName("Targets", formula: "='データ'!$A$1:$A$10")
    try document.defineName("データ!Local", formula: "='データ'!$B$1")
    #expect(writerError { try document.defineName("targets", formula: "=1") }?.kind != nil)
    try document.save(to: output)

    let facts = try OpenPyXL.facts(
      """
      wb = openpyxl.load_workbook(sys.argv[1])
      p = wb.properties
      put("core", (p.title, p.subject, p.creator, p.keywords, p.description))
      put("created", p.created.isoformat())
      for prop in wb.custom_doc_props.props:
          put("custom " + prop.name, prop.value)
      put("Targets", wb.defined_names["Targets"].attr_text)
      put("Local", wb["データ"].defined_names["Local"].attr_text)
      app = zipfile.ZipFile(sys.argv[1]).read("docProps/app.xml").decode()
      put("company", "<Company>北海道札幌市</Company>" in app)
      """, output)
    #expect(
      facts["core"] == "('地方創生推進交付金 効果検証', 'KPI実績報告', 'kpisheet', 'KPI, 効果検証', '自動生成')")
    #expect(facts["created"] == "2024-04-01T00:00:00")
    #expect(facts["custom kpisheet"] == "1.0")
    #expect(facts["custom rows"] == "42.0" || facts["custom rows"] == "42")
    #expect(facts["custom draft"] == "False")
    #expect(facts["Targets"] == "'データ'!$A$1:$A$10")
    #expect(facts["Local"] == "'データ'!$B$1")
    #expect(facts["company"] == "True")
  }

  @Test(
    "Column and line charts with series, categories, titles and axis titles are in the file",
    .enabled(if: OpenPyXL.isAvailable, OpenPyXL.skipReason))
  func charts() throws {
    let scratch = try Scratch()
    let output = scratch.path("charts.xlsx")
    let document = try XLSXDocument(temporaryIn: scratch.folder)
    let sheet = try document.addWorksheet(named: "KPI推移")
    for (row, year) in ["令和3年度", "令和4年度", "令和5年度"].enumerated() {
      try sheet.write(year, at: CellReference(row: row + 1, column: 0))
      try sheet.write(Double(100 + row * 10), at: CellReference(row: row + 1, column: 1))
      try sheet.write(Double(95 + row * 12), at: CellReference(row: row + 1, column: 2))
    }
    let column = try document.addChart(.column)
    try column.addSeries(
      values: CellRange("B2:B4")!, categories: CellRange("A2:A4")!, in: sheet, name: "目標値")
    try column.addSeries(
      values: CellRange("C2:C4")!, categories: CellRange("A2:A4")!, in: sheet, name: "実績値")
    try column.setTitle("観光入込客数")
    try column.setXAxisTitle("年度")
    try column.setYAxisTitle("人")
    try sheet.insertChart(column, at: CellReference(row: 1, column: 4), width: 400, height: 240)
    #expect(
      writerError { try sheet.insertChart(column, at: CellReference(row: 20, column: 4)) }?.kind
        == .invalidArgument)
    let line = try document.addChart(.line)
    #expect(
      writerError { try sheet.insertChart(line, at: CellReference(row: 20, column: 4)) }?.kind
        == .invalidArgument)
    try line.addSeries(values: CellRange("C2:C4")!, in: sheet)
    try sheet.insertChart(line, at: CellReference(row: 20, column: 4))
    try document.save(to: output)

    let facts = try OpenPyXL.facts(
      """
      z = zipfile.ZipFile(sys.argv[1])
      names = z.namelist()
      put("parts", sorted(n for n in names if n.startswith("xl/charts/")))
      one = z.read("xl/charts/chart1.xml").decode()
      two = z.read("xl/charts/chart2.xml").decode()
      put("one", ("<c:barChart>" in one, "観光入込客数" in one, "年度" in one, "人" in one,
                  one.count("<c:ser>"), "'KPI推移'!$A$2:$A$4" in one,
                  "'KPI推移'!$C$2:$C$4" in one, "目標値" in one))
      put("two", "<c:lineChart>" in two)
      ws = openpyxl.load_workbook(sys.argv[1])["KPI推移"]
      put("charts", len(ws._charts))
      """, output)
    #expect(facts["parts"] == "['xl/charts/chart1.xml', 'xl/charts/chart2.xml']")
    #expect(facts["one"] == "(True, True, True, True, 2, True, True, True)")
    #expect(facts["two"] == "True")
    #expect(facts["charts"] == "2")
  }

  @Test("Two runs with a fixed creation time give identical bytes")
  func reproducibleBytes() throws {
    let scratch = try Scratch()
    func build(_ name: String) throws -> Data {
      let document = try XLSXDocument(
        temporaryIn: scratch.folder, options: XLSXDocumentOptions(created: fixedCreationSeconds))
      document.properties.title = "効果検証"
      try document.setCustomProperty("kpisheet", .string("1.0"))
      let sheet = try document.addWorksheet(named: "効果検証")
      try sheet.write("北海道", at: CellReference(row: 0, column: 0), format: FormatSpec(bold: true))
      try sheet.writeFormula("=1+1", at: CellReference(row: 0, column: 1), result: .number(2))
      try sheet.validationList(range: CellRange("C1")!, values: japanesePrefectures)
      let chart = try document.addChart(.line)
      try chart.addSeries(values: CellRange("B1")!, in: sheet)
      try sheet.insertChart(chart, at: CellReference(row: 2, column: 0))
      try document.save(to: scratch.path(name))
      return try Data(contentsOf: URL(fileURLWithPath: scratch.path(name)))
    }
    let first = try build("first.xlsx")
    let second = try build("second.xlsx")
    #expect(first == second)
    #expect(first.count > 1000)
  }

  @Test("A saved document leaves only its output; saving again or writing after throws")
  func saveLeavesOnlyTheOutput() throws {
    let scratch = try Scratch()
    let document = try XLSXDocument(temporaryIn: scratch.folder)
    let sheet = try document.addWorksheet(named: "S")
    #expect(scratch.contents.count == 1)  // the temporary file
    try document.save(to: scratch.path("out.xlsx"))
    #expect(scratch.contents == ["out.xlsx"])
    #expect(!document.isOpen)
    #expect(writerError { try document.save(to: scratch.path("again.xlsx")) }?.kind == .closed)
    let late = writerError { try sheet.write("x", at: CellReference(row: 0, column: 0)) }
    #expect(late?.kind == .closed)
    #expect(late?.sheet == "S")
    #expect(scratch.contents == ["out.xlsx"])
  }

  @Test("An abandoned document leaves no file and no temporary file")
  func abandonedDocument() throws {
    let scratch = try Scratch()
    do {
      let document = try XLSXDocument(temporaryIn: scratch.folder)
      let sheet = try document.addWorksheet(named: "S")
      try sheet.write("never saved", at: CellReference(row: 0, column: 0))
      #expect(scratch.contents.count == 1)
    }
    #expect(scratch.contents.isEmpty)
  }

  @Test("A failed save throws libxlsxwriter's error and leaves nothing behind")
  func failedSave() throws {
    let scratch = try Scratch()
    let inner = scratch.path("gone")
    try FileManager.default.createDirectory(atPath: inner, withIntermediateDirectories: false)
    let document = try XLSXDocument(temporaryIn: inner)
    _ = try document.addWorksheet(named: "S")
    // The folder vanishes before the workbook is written: workbook_close cannot create it.
    try FileManager.default.removeItem(atPath: inner)
    let error = writerError { try document.save(to: "\(inner)/out.xlsx") }
    #expect(error?.kind == .library)
    #expect(error?.function == "workbook_close")
    #expect(error?.code != nil)
    #expect(error?.isOutputFailure == true)
    #expect(error?.message.isEmpty == false)
    #expect(scratch.contents.isEmpty)
    #expect(!document.isOpen)
  }

  @Test("A failed rename removes the temporary file and leaves no output")
  func failedRename() throws {
    let scratch = try Scratch()
    let document = try XLSXDocument(temporaryIn: scratch.folder)
    _ = try document.addWorksheet(named: "S")
    let error = writerError { try document.save(to: scratch.path("missing/out.xlsx")) }
    #expect(error?.kind == .fileSystem)
    #expect(error?.function == "rename")
    #expect(error?.isOutputFailure == true)
    #expect(scratch.contents.isEmpty)
  }

  @Test("A folder that cannot hold the temporary file fails at once")
  func unwritableFolder() {
    let error = writerError {
      _ = try XLSXDocument(temporaryIn: "/nonexistent-\(UUID().uuidString)")
    }
    #expect(error?.kind == .fileSystem)
    #expect(error?.function == "open")
  }
}
