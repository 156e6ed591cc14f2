import Foundation
import Testing

/// The departmental template's sheets copied into another workbook (which loses the
/// template's `kpisheet` marker) read to the same records, and `validate` names the template
/// as a layout of its own.
@Suite struct TemplateCopyTests {
  /// Copies every sheet of `source` (values and merges) except `leaving` into a new workbook
  /// whose first sheet is an unrelated memo, as an officer pastes sheets into a workbook of
  /// their own.
  static let copySheets = """
    import sys, openpyxl
    source = openpyxl.load_workbook(sys.argv[1])
    target = openpyxl.Workbook()
    memo = target.active
    memo.title = "メモ"
    memo["A1"] = "提出前の確認事項"
    memo["A2"] = "課長の決裁を受けること"
    leaving = set(filter(None, sys.argv[3].split(",")))
    for sheet in source.worksheets:
        if sheet.title in leaving:
            continue
        copy = target.create_sheet(sheet.title)
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    copy.cell(cell.row, cell.column, cell.value)
        for merged in sheet.merged_cells.ranges:
            copy.merge_cells(str(merged))
    target.save(sys.argv[2])
    """

  /// The template filled by Scripts/fill-template.py, and its sheets copied into `copied`
  /// without `leaving`.
  static func filledAndCopied(in folder: URL, leaving: [String] = []) throws -> (
    filled: String, copied: String
  ) {
    let script = Command.packageRoot.appendingPathComponent("Scripts/fill-template.py").path
    let template = folder.appendingPathComponent("template.xlsx").path
    let filled = folder.appendingPathComponent("filled.xlsx").path
    let copied = folder.appendingPathComponent("copied.xlsx").path
    #expect(try Command.run(["template", "-o", template]).status == 0)
    let fill = try Command.runProcess("/usr/bin/env", ["python3", script, template, filled])
    #expect(fill.status == 0, "\(fill.stderr)")
    let copy = try Command.runProcess(
      "/usr/bin/env",
      ["python3", "-c", copySheets, filled, copied, leaving.joined(separator: ",")])
    #expect(copy.status == 0, "\(copy.stderr)")
    return (filled, copied)
  }

  @Test(.enabled(if: TemplateCommandTests.openpyxlAvailable, "openpyxl is not installed"))
  func copiedSheetsReadToTheSameRecords() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (filled, copied) = try Self.filledAndCopied(in: folder)
    let original = try Command.run(["extract", filled])
    let copy = try Command.run(["extract", copied])
    #expect(original.status == 0, "\(original.stderr)")
    #expect(copy.status == 0, "\(copy.stderr)")
    #expect(!original.stdoutText.isEmpty)
    #expect(copy.stdoutText == original.stdoutText)
    #expect(copy.stderr.isEmpty, "\(copy.stderr)")
    let validated = try Command.run(["validate", copied])
    #expect(
      validated.stdoutText.split(separator: "\n").first
        == "\(copied): layout G (kpisheet template) at 事業!A8:I11, 年度別!A4:E7, KPI!A4:I10, 評価!A4:G6"
    )
    // One sheet alone still reads as the flat list it is.
    let kpiSheet = try Command.run(["extract", copied, "--sheet", "KPI"])
    #expect(kpiSheet.status == 0, "\(kpiSheet.stderr)")
    let projects = try #require(
      (try kpiSheet.json() as? [String: Any])?["projects"] as? [[String: Any]])
    #expect(projects.compactMap { $0["name"] as? String } == ["観光振興事業", "空き家対策事業"])
  }

  @Test(.enabled(if: TemplateCommandTests.openpyxlAvailable, "openpyxl is not installed"))
  func aMissingSheetIsAWarningNamingIt() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (filled, copied) = try Self.filledAndCopied(in: folder, leaving: ["評価"])
    let copy = try Command.run(["extract", copied])
    #expect(copy.status == 0, "\(copy.stderr)")
    #expect(
      copy.stderrLines == [
        "\(copied): warning: read as kpisheet's template (its sheets, without the workbook's marker), but no 評価 sheet was found: evaluations are not read"
      ])
    // Everything but the evaluations is as the template gave it.
    var original = try #require(try Command.run(["extract", filled]).json() as? [String: Any])
    var projects = try #require(original["projects"] as? [[String: Any]])
    for index in projects.indices { projects[index]["evaluation"] = nil }
    original["projects"] = projects
    let read = try #require(try copy.json() as? [String: Any])
    #expect(NSDictionary(dictionary: read).isEqual(to: original))
  }

  @Test(.enabled(if: TemplateCommandTests.openpyxlAvailable, "openpyxl is not installed"))
  func validateNamesTheTemplateInTextAndJSON() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (filled, _) = try Self.filledAndCopied(in: folder)
    let text = try Command.run(["validate", filled, "--explain"])
    #expect(text.status == 0, "\(text.stderr)")
    let lines = text.stdoutText.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("\(filled): layout G (kpisheet template) at 事業!") == true)
    #expect(lines.contains("\(filled):   table KPI!A4:I10 (columns, nearest layout G)"))
    let japanese = try Command.run(["validate", filled], environment: ["LANG": "ja_JP.UTF-8"])
    #expect(japanese.stdoutText.hasPrefix("\(filled): レイアウト G（kpisheet のテンプレート）"))
    let json = try Command.run(["validate", filled, "--format", "json", "--explain"])
    let files = try #require((try json.json() as? [String: Any])?["files"] as? [[String: Any]])
    #expect(files.first?["layout"] as? String == "G")
    let tables = try #require(files.first?["tables"] as? [[String: Any]])
    #expect(tables.count == 4)
    #expect(tables.allSatisfy { $0["layout"] as? String == "G" })
    // The report keeps its F.
    let records = folder.appendingPathComponent("records.json").path
    #expect(try Command.run(["extract", filled, "-o", records]).status == 0)
    let report = folder.appendingPathComponent("report.xlsx").path
    #expect(try Command.run(["convert", records, "-o", report, "-q"]).status == 0)
    let reportJSON = try Command.run(["validate", report, "--format", "json"])
    let reportFiles = try #require(
      (try reportJSON.json() as? [String: Any])?["files"] as? [[String: Any]])
    #expect(reportFiles.first?["layout"] as? String == "F")
  }
}
