import Foundation
import Testing

/// `cells` over sheets stored oddly (red-team items 5, 6 and 9): every non-empty cell once, in
/// row order, at its own reference, the same in CSV and JSON; no output before a limit error;
/// CSV text that a spreadsheet would run as a formula neutralised.
@Suite struct CellsOrderTests {
  /// Writes a minimal workbook whose sheets hold `rows` (the XML inside `<sheetData>`), with
  /// Python's zipfile, as the red-team generator does.
  static func workbook(_ sheets: [String], in folder: URL, name: String = "book.xlsx") throws
    -> String
  {
    let path = folder.appendingPathComponent(name).path
    let script = #"""
      import sys, zipfile
      path = sys.argv[1]
      sheets = [open(name, encoding="utf-8").read() for name in sys.argv[2:]]
      main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
      rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
      pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
      n = len(sheets)
      types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        + "".join('<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' % (i + 1) for i in range(n))
        + '</Types>')
      root = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="%s"><Relationship Id="rId1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>' % pkg)
      book = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="%s" xmlns:r="%s"><sheets>' % (main, rel)
        + "".join('<sheet name="Sheet%d" sheetId="%d" r:id="rId%d"/>' % (i + 1, i + 1, i + 1) for i in range(n))
        + '</sheets></workbook>')
      rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="%s">' % pkg
        + "".join('<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>' % (i + 1, i + 1) for i in range(n))
        + '</Relationships>')
      with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
          z.writestr("[Content_Types].xml", types)
          z.writestr("_rels/.rels", root)
          z.writestr("xl/workbook.xml", book)
          z.writestr("xl/_rels/workbook.xml.rels", rels)
          for i, rows in enumerate(sheets):
              z.writestr("xl/worksheets/sheet%d.xml" % (i + 1),
                  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="%s"><sheetData>%s</sheetData></worksheet>' % (main, rows))
      """#
    // Through files: a large sheet does not fit in an argument list.
    var files: [String] = []
    for (index, rows) in sheets.enumerated() {
      let file = folder.appendingPathComponent("\(name).sheet\(index + 1).xml")
      try Data(rows.utf8).write(to: file)
      files.append(file.path)
    }
    defer { for file in files { try? FileManager.default.removeItem(atPath: file) } }
    let result = try Command.runProcess("/usr/bin/env", ["python3", "-c", script, path] + files)
    try #require(result.status == 0, "\(result.stderr)")
    return path
  }

  /// The CSV grid the JSON dump describes: what `--format csv` must print.
  static func grid(fromJSON data: Data) throws -> String {
    let sheets = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    let cells = try #require(sheets.first?["cells"] as? [[String: Any]])
    var values: [Int: [Int: String]] = [:]
    var (lastRow, lastColumn) = (0, 0)
    for cell in cells {
      let reference = try #require(cell["ref"] as? String)
      let letters = reference.prefix { $0.isLetter }
      let row = try #require(Int(reference.dropFirst(letters.count)))
      let column = letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 }
      values[row, default: [:]][column] = "\(cell["value"] ?? "")"
      (lastRow, lastColumn) = (max(lastRow, row), max(lastColumn, column))
    }
    return (1...max(lastRow, 1)).map { row in
      (1...max(lastColumn, 1)).map { values[row]?[$0] ?? "" }.joined(separator: ",") + "\r\n"
    }.joined()
  }

  @Test(arguments: [
    // Rows stored 5, 3, 1.
    (
      #"<row r="5"><c r="A5"><v>5</v></c></row><row r="3"><c r="A3"><v>3</v></c></row><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>11</v></c></row>"#,
      ["A1", "B1", "A3", "A5"], "1,11\r\n,\r\n3,\r\n,\r\n5,\r\n"
    ),
    // Two A1 cells (1, then 2): the last stored one, once.
    (
      #"<row r="1"><c r="A1"><v>1</v></c><c r="A1"><v>2</v></c><c r="B1"><v>3</v></c></row>"#,
      ["A1", "B1"], "2,3\r\n"
    ),
    // Row 2 stored twice.
    (
      #"<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>10</v></c></row><row r="2"><c r="A2"><v>20</v></c><c r="B2"><v>21</v></c></row><row r="3"><c r="A3"><v>3</v></c></row>"#,
      ["A1", "A2", "B2", "A3"], "1,\r\n20,21\r\n3,\r\n"
    ),
    // B5 inside row 1: placed at B5 in both formats.
    (
      #"<row r="1"><c r="A1"><v>1</v></c><c r="B5"><v>5</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>"#,
      ["A1", "A2", "B5"], "1,\r\n2,\r\n,\r\n,\r\n,5\r\n"
    ),
  ])
  func oddlyStoredSheetsListEachCellOnceInRowOrder(
    rows: String, references: [String], csv: String
  ) throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let book = try Self.workbook([rows], in: folder)
    let json = try Command.run(["cells", book])
    #expect(json.status == 0, "\(json.stderr)")
    let sheets = try #require(try json.json() as? [[String: Any]])
    let cells = try #require(sheets.first?["cells"] as? [[String: Any]])
    #expect(cells.compactMap { $0["ref"] as? String } == references)
    let grid = try Command.run(["cells", book, "--format", "csv"])
    #expect(grid.status == 0, "\(grid.stderr)")
    #expect(grid.stdoutText == csv)
    #expect(try Self.grid(fromJSON: json.stdout) == csv)
  }

  /// One reading of the sheets fits --max-total-bytes, two would not: `cells` prints all of
  /// it. Below one reading, it prints nothing and exits 65.
  @Test func theTotalBytesLimitCountsOneReading() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let rows = (1...2500).map { row in
      "<row r=\"\(row)\"><c r=\"A\(row)\" t=\"inlineStr\"><is><t>row \(row)</t></is></c>"
        + (1...5).map {
          "<c r=\"\(["B", "C", "D", "E", "F"][$0 - 1])\(row)\"><v>\(row).\($0)</v></c>"
        }
        .joined() + "</row>"
    }.joined()
    let book = try Self.workbook([rows, rows], in: folder)
    let sheetBytes = rows.utf8.count
    // The two sheets and the small parts, plus half a sheet.
    let onePass = 2 * sheetBytes + 4_000
    let fits = try Command.run([
      "cells", book, "--max-total-bytes", String(onePass + sheetBytes / 2),
    ])
    #expect(fits.status == 0, "\(fits.stderr)")
    #expect(fits.stdoutText.hasSuffix(" ]}\n]\n"))
    #expect(fits.stdoutText.components(separatedBy: "\"ref\": \"F2500\"").count == 3)
    let over = try Command.run(["cells", book, "--max-total-bytes", String(sheetBytes)])
    #expect(over.status == 65)
    #expect(over.stdout.isEmpty)
    #expect(over.stderrLines.count == 1)
  }

  /// Text that a spreadsheet would run gets a `'` in CSV and TSV; numbers, negative ones too,
  /// stay as they are; JSON keeps the raw text.
  @Test func formulaTextIsNeutralisedInCSVOnly() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let texts = ["=1+2", "+SUM(1)", "-2+3", "@SUM(1)", "\tx", "\ry", "plain", "-5"]
    let cells = texts.enumerated().map { index, text in
      let escaped = text.replacingOccurrences(of: "\r", with: "&#13;").replacingOccurrences(
        of: "\t", with: "&#9;")
      let column = String(UnicodeScalar(UInt8(65 + index)))
      return
        "<c r=\"\(column)1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escaped)</t></is></c>"
    }.joined()
    let book = try Self.workbook(
      ["<row r=\"1\">\(cells)<c r=\"I1\"><v>-339</v></c></row>"], in: folder)
    let csv = try Command.run(["cells", book, "--format", "csv"])
    #expect(csv.status == 0, "\(csv.stderr)")
    #expect(csv.stdoutText == "'=1+2,'+SUM(1),'-2+3,'@SUM(1),'\tx,\"'\ry\",plain,-5,-339\r\n")
    let tsv = try Command.run(["cells", book, "--format", "tsv"])
    #expect(
      tsv.stdoutText == "'=1+2\t'+SUM(1)\t'-2+3\t'@SUM(1)\t\"'\tx\"\t\"'\ry\"\tplain\t-5\t-339\n")
    let json = try Command.run(["cells", book])
    let sheets = try #require(try json.json() as? [[String: Any]])
    let values = (sheets.first?["cells"] as? [[String: Any]] ?? []).map { "\($0["value"] ?? "")" }
    #expect(values == texts + ["-339"])
  }

  /// `extract --format csv` neutralises project and KPI names; negative values stay numbers.
  @Test func extractCSVNeutralisesFormulaText() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let records = folder.appendingPathComponent("records.json")
    let json = #"""
      {"format": "kpisheet-records", "version": 1, "projects": [
        {"name": "=HYPERLINK(\"http://evil.example\",\"Click\")", "years": [], "kpis": [
          {"name": "-2+3", "unit": "@人", "values": [{"fiscalYear": 2022, "target": -5, "actual": -12}]}]}]}
      """#
    try Data(json.utf8).write(to: records)
    let result = try Command.run(["extract", records.path, "--format", "csv"])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdoutText.components(separatedBy: "\r\n")
    #expect(lines.count == 3)
    #expect(
      lines[1]
        == ",,,1,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\",,,,1,'-2+3,'@人,増加,2022,令和4年度,,-5,-12,,未達成,,,"
    )
  }
}
