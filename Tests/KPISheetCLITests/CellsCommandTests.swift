import Foundation
import Testing

/// `kpisheet cells`, run as a user runs it: exit codes, standard output and standard error.
@Suite struct CellsCommandTests {
  @Test func dumpsEverySheetAsJSON() throws {
    let result = try Command.run(["cells", Command.fixture("xlsxwriter-basic.xlsx")])
    Snapshot.expect(result, matches: "cells-xlsxwriter-basic.txt")
    let sheets = try #require(try result.json() as? [[String: Any]])
    #expect(sheets.map { $0["sheet"] as? String } == ["KPI", "隠し", "とても隠し"])
    #expect(sheets.map { $0["hidden"] as? Bool } == [false, true, true])
    #expect(sheets[0]["merged"] as? [String] == ["A1:F1", "A6:A7"])
    let cells = try #require(sheets[0]["cells"] as? [[String: Any]])
    let byRef = Dictionary(uniqueKeysWithValues: cells.map { ($0["ref"] as? String ?? "", $0) })
    #expect(byRef["B4"]?["type"] as? String == "number")
    #expect(byRef["B4"]?["value"] as? Int == 8000)
    #expect(byRef["B4"]?["format"] as? String == "#,##0\"人\"")
    #expect(byRef["D3"]?["formula"] as? String == "C3/B3")
    #expect(byRef["E3"]?["type"] as? String == "date")
    #expect(byRef["E3"]?["value"] as? String == "2016-03-31")
    #expect(byRef["F3"]?["value"] as? Bool == true)
    #expect(byRef["D5"]?["type"] as? String == "error")
    // Row order: every reference's row never decreases.
    let rows = cells.compactMap { ($0["ref"] as? String)?.drop { $0.isLetter } }.compactMap {
      Int($0)
    }
    #expect(rows == rows.sorted())
  }

  @Test func selectsOneSheetAndPrintsAGrid() throws {
    let csv = try Command.run([
      "cells", Command.fixture("xlsxwriter-inline.xlsx"), "--format", "csv",
    ])
    #expect(csv.status == 0)
    #expect(
      csv.stdoutText
        == "事業名,実績値\r\n観光客数,8016\r\nブランド化したガラス商品数,5\r\n  前後空白  ,-2.5\r\n\"令和2年度\n実績\",0\r\n")
    let tsv = try Command.run([
      "cells", Command.fixture("raw-quirks.xlsx"), "--sheet", "書式", "--format", "tsv",
    ])
    #expect(tsv.status == 0)
    let lines = tsv.stdoutText.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[0] == "numFmtId\t値")
    #expect(lines[1] == "14\t2020-03-31")
    #expect(lines[13] == "165\t2")
    #expect(lines.count == 15)  // 14 rows and the final newline
    Snapshot.expect(tsv, matches: "cells-raw-quirks-tsv.txt")
  }

  @Test func gridStartsAtA1AndFillsMerges() throws {
    let plain = try Command.run([
      "cells", Command.fixture("openpyxl-basic.xlsx"), "--format", "csv",
    ])
    let plainLines = plain.stdoutText.components(separatedBy: "\r\n")
    // A1 to G (G8 is the last stored column): merges do not widen a plain grid.
    #expect(plainLines[0] == ",,,,,,")
    #expect(plainLines[2] == ",●単市で実施事業,,,,,")

    let filled = try Command.run([
      "cells", Command.fixture("openpyxl-basic.xlsx"), "--format", "csv", "--fill-merged",
    ])
    Snapshot.expect(plain, matches: "cells-openpyxl-basic-csv.txt")
    Snapshot.expect(filled, matches: "cells-openpyxl-basic-filled-csv.txt")
    let filledLines = filled.stdoutText.components(separatedBy: "\r\n")
    #expect(filledLines[2] == "," + Array(repeating: "●単市で実施事業", count: 9).joined(separator: ","))
    #expect(filledLines[5].hasPrefix(",ガラス産業振興事業,観光客数"))  // B5:B7 filled down
    #expect(filledLines[6].hasPrefix(",ガラス産業振興事業,事業費"))

    let json = try Command.run([
      "cells", Command.fixture("openpyxl-basic.xlsx"), "--fill-merged", "--sheet", "KPI",
    ])
    let sheets = try #require(try json.json() as? [[String: Any]])
    let cells = try #require(sheets.first?["cells"] as? [[String: Any]])
    let refs = cells.compactMap { $0["ref"] as? String }
    #expect(refs.filter { $0.hasSuffix("3") && $0.count == 2 }.count == 9)  // B3..J3
    #expect(refs.contains("E14"))  // D13:E14 filled from D13
    #expect(Set(refs).count == refs.count)
  }

  @Test func readsStandardInput() throws {
    let bytes = try Data(
      contentsOf: URL(fileURLWithPath: Command.fixture("xlsxwriter-inline.xlsx")))
    let result = try Command.run(["cells", "-", "--format", "tsv"], stdin: bytes)
    #expect(result.status == 0)
    let fromFile = try Command.run([
      "cells", Command.fixture("xlsxwriter-inline.xlsx"), "--format", "tsv",
    ])
    #expect(result.stdout == fromFile.stdout)
    #expect(result.stdoutText.hasPrefix("事業名\t実績値\n"))
    let bad = try Command.run(["cells", "-"], stdin: Data("a,b\n1,2\n".utf8))
    #expect(bad.status == 65)
    #expect(
      bad.stderr == "<stdin>: this is a text or CSV file, not an .xlsx workbook; open it in Excel "
        + "and save it as Excel Workbook (.xlsx)\n")
  }

  @Test(arguments: [
    ("bad/encrypted.xlsx", Int32(65), "password-protected"),
    ("bad/legacy.xls", 65, "legacy Excel 97-2003 workbook (.xls)"),
    ("bad/ods-renamed.xlsx", 65, "OpenDocument"),
    ("bad/csv-renamed.xlsx", 65, "CSV"),
    ("bad/truncated.xlsx", 65, "damaged or truncated"),
    ("bad/malformed-sheet.xlsx", 65, "part xl/worksheets/sheet1.xml"),
    ("bad/doctype-xxe.xlsx", 65, "DOCTYPE"),
    ("bad/billion-laughs.xlsx", 65, "DOCTYPE"),
    ("bad/sst-index-out-of-range.xlsx", 65, "sheet \"KPI\", cell B1"),
    ("bad/deep-nesting.xlsx", 65, "--max-nesting-depth"),
    ("bad/wrong-encoding.xlsx", 65, "part xl/sharedStrings.xml"),
    ("bad/invalid-utf8.xlsx", 65, "part xl/sharedStrings.xml"),
  ])
  func badInputsFailWithOneLineAndNoOutput(name: String, status: Int32, phrase: String) throws {
    let path = Command.fixture(name)
    let result = try Command.run(["cells", path])
    #expect(result.status == status)
    #expect(result.stdout.isEmpty)
    #expect(result.stderrLines.count == 1)
    #expect(result.stderr.hasPrefix(path + ": "))
    #expect(result.stderr.contains(phrase), "\(result.stderr)")
    // The whole line, path aside.
    let file = name.replacingOccurrences(of: "/", with: "-")
    Snapshot.expect(result, matches: "cells-\(file).txt")
  }

  @Test func missingFilesAndUsageErrors() throws {
    let missing = try Command.run(["cells", "/nonexistent/dept.xlsx"])
    #expect(missing.status == 66)
    #expect(missing.stderr == "/nonexistent/dept.xlsx: no such file\n")
    let noSheet = try Command.run(["cells", Command.fixture("raw-strict.xlsx"), "--sheet", "無い"])
    Snapshot.expect(noSheet, matches: "cells-no-such-sheet.txt")
    let usage = try Command.run(["cells"])
    #expect(usage.status == 64)
    let badFlag = try Command.run(["cells", Command.fixture("raw-strict.xlsx"), "--format", "xml"])
    #expect(badFlag.status == 64)
    let badLimit = try Command.run([
      "cells", Command.fixture("raw-strict.xlsx"), "--max-part-bytes", "0",
    ])
    #expect(badLimit.status == 64)
  }

  @Test func limitFlagsRaiseAndLowerLimits() throws {
    let lowered = try Command.run([
      "cells", Command.fixture("xlsxwriter-basic.xlsx"), "--max-shared-string-bytes", "8",
    ])
    Snapshot.expect(lowered, matches: "cells-shared-strings-limit.txt")
    let raised = try Command.run([
      "cells", Command.fixture("bad/deep-nesting.xlsx"), "--max-nesting-depth", "200",
    ])
    // libxml2's own depth guard (256) still refuses the 100,000 levels.
    Snapshot.expect(raised, matches: "cells-deep-nesting-raised.txt")
  }

  @Test func inputsAreNeverModified() throws {
    let path = Command.fixture("xlsxwriter-basic.xlsx")
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    _ = try Command.run(["cells", path, "--fill-merged"])
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    let after = try FileManager.default.attributesOfItem(atPath: path)
    #expect(attributes[.modificationDate] as? Date == after[.modificationDate] as? Date)
  }
}
