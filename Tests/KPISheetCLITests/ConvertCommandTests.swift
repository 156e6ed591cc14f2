import Foundation
import Testing

/// `kpisheet convert` and `template`, run as a user runs them.
@Suite struct ConvertCommandTests {
  static func sample(_ name: String) -> String { ExtractCommandTests.sample(name) }

  @Test(arguments: ["dept-flat", "dept-wide"])
  func otherLayoutsReadBackThroughTheirReports(name: String) throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let report = folder.appendingPathComponent("report.xlsx").path
    #expect(try Command.run(["convert", Self.sample("\(name).xlsx"), "-o", report]).status == 0)
    let back = try Command.run(["extract", report])
    let expected = try JSONSerialization.jsonObject(
      with: Data(contentsOf: URL(fileURLWithPath: Self.sample("\(name).expected.json"))))
    // The report numbers its projects and names the grant; baselines and every year's cost
    // come back through the データ sheet.
    let ignored: Set<String> = ["source", "no", "grant"]
    #expect(Self.withoutKeys(ignored, try back.json()) == Self.withoutKeys(ignored, expected))
  }

  static func withoutKeys(_ keys: Set<String>, _ value: Any) -> NSObject {
    switch value {
    case let dictionary as [String: Any]:
      var copy: [String: NSObject] = [:]
      for (key, item) in dictionary where !keys.contains(key) && !(item is NSNull) {
        copy[key] = withoutKeys(keys, item)
      }
      return copy as NSDictionary
    case let array as [Any]:
      return array.map { withoutKeys(keys, $0) } as NSArray
    default:
      return value as? NSObject ?? NSNull()
    }
  }

  @Test func aReportReadsBackToTheRecordsItWasMadeFrom() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let report = folder.appendingPathComponent("report.xlsx").path
    let convert = try Command.run(["convert", Self.sample("sanyo-onoda.xlsx"), "-o", report])
    #expect(convert.status == 0, "\(convert.stderr)")
    let back = try Command.run(["extract", report])
    #expect(back.status == 0, "\(back.stderr)")
    let expected = try JSONSerialization.jsonObject(
      with: Data(contentsOf: URL(fileURLWithPath: Self.sample("sanyo-onoda.expected.json"))))
    // Sources point at the report's cells now; everything else is what went in.
    #expect(Self.withoutKeys(["source"], try back.json()) == Self.withoutKeys(["source"], expected))
    let validate = try Command.run(["validate", report])
    Snapshot.expect(validate, matches: "validate-report.txt", scratch: folder)
  }

  @Test func theSameInputAndCreationTimeGiveTheSameBytes() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var outputs: [Data] = []
    for name in ["a.xlsx", "b.xlsx"] {
      let path = folder.appendingPathComponent(name).path
      let result = try Command.run([
        "convert", Self.sample("dept-wide.xlsx"), "-o", path, "--created", "2024-04-01T00:00:00Z",
        "--municipality", "架空市", "--code", "352161",
      ])
      #expect(result.status == 0, "\(result.stderr)")
      outputs.append(try Data(contentsOf: URL(fileURLWithPath: path)))
    }
    #expect(outputs[0] == outputs[1])
  }

  /// The report's and the template's whole content as the reader sees it (every value,
  /// number format, formula and merge of every sheet), compared with snapshots.
  @Test func reportAndTemplateCellsAreUnchanged() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let report = folder.appendingPathComponent("report.xlsx").path
    let converted = try Command.run([
      "convert", Self.sample("dept-wide.xlsx"), "-o", report, "--created", "2024-04-01T00:00:00Z",
    ])
    Snapshot.expect(converted, matches: "convert-dept-wide.txt", scratch: folder)
    Snapshot.expect(try Command.run(["cells", report]), matches: "convert-dept-wide-cells.txt")
    let template = folder.appendingPathComponent("template.xlsx").path
    let written = try Command.run(["template", "-o", template])
    Snapshot.expect(written, matches: "template.txt", scratch: folder)
    Snapshot.expect(try Command.run(["cells", template]), matches: "template-cells.txt")
  }

  @Test func severalInputsMergeAndConflictsStopTheRun() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let report = folder.appendingPathComponent("all.xlsx").path
    let merged = try Command.run([
      "convert", Self.sample("dept-flat.xlsx"), Self.sample("dept-wide.xlsx"), "-o", report,
    ])
    #expect(merged.status == 0, "\(merged.stderr)")
    let back = try Command.run(["extract", report])
    let object = try #require(try back.json() as? [String: Any])
    let names = (object["projects"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
    #expect(names?.count == 4)
    #expect(names?.first == "空き店舗を活用した創業支援事業")

    // The same workbook twice agrees with itself; its records edited to differ do not.
    let records = try Command.run(["extract", Self.sample("dept-flat.xlsx")])
    var json = records.stdoutText
    json = json.replacingOccurrences(of: "\"actual\": 86", with: "\"actual\": 87")
    let edited = folder.appendingPathComponent("edited.json")
    try json.write(to: edited, atomically: true, encoding: .utf8)
    let conflict = try Command.run([
      "convert", Self.sample("dept-flat.xlsx"), edited.path, "-o",
      folder.appendingPathComponent("c.xlsx").path,
    ])
    Snapshot.expect(conflict, matches: "convert-conflict.txt", scratch: folder)
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("c.xlsx").path))
    let later = try Command.run([
      "convert", Self.sample("dept-flat.xlsx"), edited.path, "-o",
      folder.appendingPathComponent("c.xlsx").path,
      "--prefer-later",
    ])
    Snapshot.expect(later, matches: "convert-prefer-later.txt", scratch: folder)
  }

  @Test func outputsAreNeverOverwrittenSilently() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let report = folder.appendingPathComponent("r.xlsx").path
    try Data("keep me".utf8).write(to: URL(fileURLWithPath: report))
    let refused = try Command.run(["convert", Self.sample("dept-flat.xlsx"), "-o", report])
    #expect(refused.status == 73)
    #expect(try String(contentsOfFile: report, encoding: .utf8) == "keep me")
    let overInput = try Command.run([
      "convert", Self.sample("dept-flat.xlsx"), "-o", Self.sample("dept-flat.xlsx"),
    ])
    #expect(overInput.status == 73)
    let bad = try Command.run([
      "convert", Command.fixture("bad/encrypted.xlsx"), "-o", report, "--force",
    ])
    #expect(bad.status == 65)
    #expect(try String(contentsOfFile: report, encoding: .utf8) == "keep me")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["r.xlsx"])
  }

  @Test func theTemplateReadsBack() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let template = folder.appendingPathComponent("template.xlsx").path
    let result = try Command.run(["template", "-o", template])
    #expect(result.status == 0, "\(result.stderr)")
    let again = try Command.run(["template", "-o", template])
    #expect(again.status == 73)
    // A blank template has only its example rows: extract says nothing is filled in yet.
    let blank = try Command.run(["extract", template])
    #expect(blank.status == 65)
  }
}

/// Real clients open what we write: LibreOffice prints the report, and a template filled in
/// by another program reads back.
@Suite struct RealClientTests {
  static var sofficeAvailable: Bool {
    FileManager.default.isExecutableFile(atPath: "/usr/bin/soffice")
  }

  static var openpyxlAvailable: Bool {
    (try? Command.runProcess("/usr/bin/env", ["python3", "-c", "import openpyxl"]).status) == 0
  }

  @Test(.enabled(if: sofficeAvailable, "LibreOffice is not installed (.ci/run installs it)"))
  func libreOfficePrintsTheSampleReport() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let report = folder.appendingPathComponent("report.xlsx").path
    #expect(
      try Command.run(["convert", ExtractCommandTests.sample("sanyo-onoda.xlsx"), "-o", report])
        .status == 0)
    let profile = folder.appendingPathComponent("lo-profile").path
    let result = try Command.runProcess(
      "/usr/bin/soffice",
      [
        "-env:UserInstallation=file://\(profile)", "--headless", "--convert-to", "pdf", "--outdir",
        folder.path, report,
      ])
    #expect(result.status == 0, "\(result.stderr)")
    let pdf = folder.appendingPathComponent("report.pdf").path
    #expect(try Data(contentsOf: URL(fileURLWithPath: pdf)).starts(with: Data("%PDF".utf8)))
    // Four sheets print on at least four pages (pdfinfo is poppler's, installed by .ci/run).
    if FileManager.default.isExecutableFile(atPath: "/usr/bin/pdfinfo") {
      let info = try Command.runProcess("/usr/bin/pdfinfo", [pdf])
      let pages = info.stdoutText.split(separator: "\n").first { $0.hasPrefix("Pages:") }
        .flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) }
      #expect((pages ?? 0) >= 4, "\(info.stdoutText)")
    }
  }

  @Test(.enabled(if: openpyxlAvailable, "openpyxl is not installed (Scripts/setup installs it)"))
  func aTemplateFilledInByAnotherProgramReadsBack() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let script = """
      import sys, openpyxl
      wb = openpyxl.load_workbook(sys.argv[1])
      ws = wb["KPI"]
      top = next(r for r in range(1, 30) if ws.cell(r, 1).value == "事業名")
      header = [c.value for c in ws[top]]
      col = {name: i + 1 for i, name in enumerate(header)}
      rows = [("観光振興事業", "観光客数", "人", "令和4年度", 1000, 1200),
              ("観光振興事業", "観光客数", "人", "令和5年度", 1100, 900),
              ("観光振興事業", "宿泊者数", "人", "令和5年度", 300, 310)]
      for offset, (project, kpi, unit, year, target, actual) in enumerate(rows):
          r = top + 2 + offset
          ws.cell(r, col["事業名"], project); ws.cell(r, col["KPI"], kpi)
          ws.cell(r, col["単位"], unit); ws.cell(r, col["年度"], year)
          ws.cell(r, col["目標値"], target); ws.cell(r, col["実績値"], actual)
      wb.save(sys.argv[2])
      """
    let filled = try TemplateCommandTests.filledTemplate(in: folder, by: script)
    let back = try Command.run(["extract", filled])
    #expect(back.status == 0, "\(back.stderr)")
    let object = try #require(try back.json() as? [String: Any])
    let project = try #require((object["projects"] as? [[String: Any]])?.first)
    #expect(project["name"] as? String == "観光振興事業")
    let kpis = try #require(project["kpis"] as? [[String: Any]])
    #expect(kpis.map { $0["name"] as? String } == ["観光客数", "宿泊者数"])
    let values = try #require(kpis[0]["values"] as? [[String: Any]])
    #expect(values.map { $0["fiscalYear"] as? Int } == [2022, 2023])
    #expect(values.map { $0["actual"] as? Int } == [1200, 900])
  }
}
