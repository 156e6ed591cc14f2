import Foundation
import Testing

/// The red-team round's hostile inputs through the commands (the small ones are fixtures in
/// Tests/XLSXReaderTests/Fixtures/bad; the large ones are made here, in a scratch folder).
@Suite struct HostileInputCommandTests {
  /// Records JSON with `projects`, written to `folder/name`.
  private static func records(_ projects: [[String: Any]], in folder: URL, name: String) throws
    -> String
  {
    let document: [String: Any] = [
      "format": "kpisheet-records", "version": 1, "projects": projects,
    ]
    let path = folder.appendingPathComponent(name).path
    try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: path))
    return path
  }

  private static func project(_ no: Int, name: String = "P", kpis: Int = 1) -> [String: Any] {
    [
      "no": no, "name": name, "years": [] as [Any],
      "kpis": (1...kpis).map { kpi -> [String: Any] in
        [
          "no": kpi, "name": "K\(kpi)", "unit": "件",
          "values": [["fiscalYear": 2021, "target": 1, "actual": kpi]],
        ]
      },
    ]
  }

  @Test func fillingAWholeSheetMergeStopsAtTheCellLimitAtOnce() throws {
    let input = Command.fixture("bad/hostile-merge-whole-sheet.xlsx")
    let (result, peak) = try Command.runMeasuringMemory(["cells", "--fill-merged", input])
    #expect(result.status == 65)
    #expect(
      result.stderr.contains(
        "hostile-merge-whole-sheet.xlsx: sheet \"KPI\", cell A1:XFD1048576: filling the merged ranges would make 17179869184 cells, more than the 50000000 a sheet may hold (raise the limit with --max-cells-per-sheet)"
      ), "\(result.stderr)")
    #expect(peak < 512)
    // Without --fill-merged the merge is listed, not filled.
    let plain = try Command.run(["cells", input])
    #expect(plain.status == 0)
    #expect(plain.stdoutText.contains("\"merged\": [\"A1:XFD1048576\"]"))
  }

  @Test func identicalMergesAreFilledOnce() throws {
    let start = ContinuousClock.now
    let result = try Command.run([
      "cells", "--fill-merged", "--format", "csv",
      Command.fixture("bad/hostile-merges-identical.xlsx"),
    ])
    #expect(result.status == 0, "\(result.stderr)")
    // One column, every row 1: each row scanned all 20,000 merges before (400 M steps).
    let lines = result.stdoutText.split(separator: "\r\n", omittingEmptySubsequences: false)
    #expect(lines.count == 20_001)
    #expect(lines.prefix(20_000).allSatisfy { $0 == "1" })
    #expect(ContinuousClock.now - start < .seconds(30))
  }

  @Test func aTextOverExcelsCellLimitIsAnErrorNamingTheField() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var project = Self.project(1)
    project["overview"] = String(repeating: "あ", count: 40_000)
    let input = try Self.records([project], in: folder, name: "long.json")
    let output = folder.appendingPathComponent("report.xlsx").path
    let result = try Command.run(["convert", input, "-o", output])
    #expect(result.status == 65)
    #expect(
      result.stderr.contains(
        "long.json: project 1 \"P\", overview: has 40000 characters, more than the 32767 an Excel cell can hold"
      ), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  @Test func aNULInTextIsRefusedNotTruncated() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = try Self.records([Self.project(1, name: "ab\u{0}cd")], in: folder, name: "nul.json")
    let output = folder.appendingPathComponent("report.xlsx").path
    let result = try Command.run(["convert", input, "-o", output])
    #expect(result.status == 65)
    #expect(result.stderr.contains("nul.json: project 1 "), "\(result.stderr)")
    #expect(result.stderr.contains("name: contains a NUL character"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  @Test func tooManyKPIsForTheSheetIsAnErrorNamingTheFile() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = try Self.records(
      [Self.project(1, name: "A", kpis: 6000)], in: folder, name: "wide.json")
    let result = try Command.run([
      "convert", input, "-o", folder.appendingPathComponent("report.xlsx").path,
    ])
    #expect(result.status == 65)
    #expect(
      result.stderr.hasPrefix("\(input): project 1 \"A\", KPIs: has 6000 KPIs"), "\(result.stderr)")
    #expect(result.stderr.contains("past Excel's last column (16384); at most 5460 fit"))
    #expect(!result.stderr.contains("outside 0...16383"))
  }

  @Test func literalEscapesReadBackAsWritten() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = try Self.records(
      [Self.project(1, name: "_x0041_ and _x005F_ literal")], in: folder, name: "escapes.json")
    let output = folder.appendingPathComponent("report.xlsx").path
    let convert = try Command.run(["convert", input, "-o", output])
    #expect(convert.status == 0, "\(convert.stderr)")
    let cells = try Command.run(["cells", "--sheet", "データ", output])
    #expect(cells.status == 0, "\(cells.stderr)")
    #expect(
      cells.stdoutText.contains("\"_x0041_ and _x005F_ literal\""),
      "\(cells.stdoutText.prefix(2000))")
    #expect(!cells.stdoutText.contains("\"A and _ literal\""))
  }

  @Test func manySheetsOpenInLinearTime() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("sheets.xlsx").path
    // 100,000 sheets all naming one small part: the relationships were searched per sheet.
    let script = """
      import sys, zipfile
      M = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
      R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
      P = "http://schemas.openxmlformats.org/package/2006/relationships"
      n = 100000
      wb = '<workbook xmlns="%s" xmlns:r="%s"><sheets>%s</sheets></workbook>' % (M, R, "".join(
          '<sheet name="S%d" sheetId="%d" r:id="rId%d"/>' % (i, i, i) for i in range(1, n + 1)))
      rels = '<Relationships xmlns="%s">%s</Relationships>' % (P, "".join(
          '<Relationship Id="rId%d" Type="%s/worksheet" Target="worksheets/sheet1.xml"/>' % (i, R)
          for i in range(1, n + 1)))
      with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
          z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
          z.writestr("_rels/.rels", '<Relationships xmlns="%s"><Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/></Relationships>' % (P, R))
          z.writestr("xl/workbook.xml", wb)
          z.writestr("xl/_rels/workbook.xml.rels", rels)
          z.writestr("xl/worksheets/sheet1.xml", '<worksheet xmlns="%s"><sheetData><row r="1"><c r="A1"><v>42</v></c></row></sheetData></worksheet>' % M)
      """
    let made = try Command.runProcess("/usr/bin/env", ["python3", "-c", script, path])
    #expect(made.status == 0, "\(made.stderr)")
    let start = ContinuousClock.now
    let result = try Command.run(["cells", "--sheet", "S99999", path])
    // Sheets sharing a part are refused (each would read the part again), after the
    // relationships of all 100,000 sheets were looked up.
    #expect(result.status == 65)
    #expect(
      result.stderr.contains(
        "sheets.xlsx: part xl/workbook.xml: sheets \"S1\" and \"S2\" both point at xl/worksheets/sheet1.xml"
      ), "\(result.stderr)")
    #expect(ContinuousClock.now - start < .seconds(60))
  }
}
