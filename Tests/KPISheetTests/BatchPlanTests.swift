import Foundation
import KPIModel
import Testing

@testable import KPISheet

@Suite struct BatchPlanTests {
  @Test func batchWorkersShareTheProcessorsWithTheReader() {
    // One worker reads on every processor; two workers on two processors read on one each.
    #expect(BatchConverter.readingThreads(workers: 1, processors: 4) == 4)
    #expect(BatchConverter.readingThreads(workers: 2, processors: 2) == 1)
    #expect(BatchConverter.readingThreads(workers: 2, processors: 8) == 4)
    #expect(BatchConverter.readingThreads(workers: 8, processors: 2) == 1)
  }

  @Test func outputNamesDropTheExtension() {
    #expect(BatchPlan.outputName(for: "in/総務課.xlsm") == "総務課.xlsx")
    #expect(BatchPlan.outputName(for: "records.json") == "records.xlsx")
    #expect(BatchPlan.outputName(for: "a.b.xlsx") == "a.b.xlsx")
    #expect(BatchPlan.outputName(for: "-") == "stdin.xlsx")
  }

  @Test func collisionsIgnoreCaseAndNormalizationAndListEveryInput() throws {
    let jobs = try BatchPlan.jobs(for: ["a/x.xlsx", "b/y.json"], outputDirectory: "out")
    #expect(jobs.map(\.output) == ["out/x.xlsx", "out/y.xlsx"])
    do {
      // が as one scalar and as か + combining mark.
      _ = try BatchPlan.jobs(
        for: ["a/X.xlsx", "b/x.json", "c/\u{304C}.xlsx", "d/\u{304B}\u{3099}.xlsx"],
        outputDirectory: "out/")
      Issue.record("expected a collision")
    } catch let error as KPISheetError {
      #expect(error.exitStatus == .usage)
      let lines = error.message.split(separator: "\n")
      #expect(lines.count == 2)
      #expect(lines[0].contains("\"a/X.xlsx\", \"b/x.json\""))
    }
  }

  @Test func foldersAreSearchedOneLevelSkippingLockAndHiddenFiles() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kpisheet-list-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("sub.xlsx"), withIntermediateDirectories: true)
    for name in ["b.xlsx", "a.XLSM", "c.json", "~$b.xlsx", ".d.xlsx", "e.csv"] {
      try Data().write(to: folder.appendingPathComponent(name))
    }
    let empty = folder.appendingPathComponent("sub.xlsx").path
    let list = InputList([folder.path, "-", "x/~$y.xlsx", empty])
    #expect(
      list.files == [
        folder.path + "/a.XLSM", folder.path + "/b.xlsx", folder.path + "/c.json", "-",
      ])
    #expect(list.skippedLockFiles == ["x/~$y.xlsx"])
    #expect(list.emptyFolders == [empty])
  }

  @Test func csvQuotingFollowsRFC4180() {
    #expect(DataCSV.quoted("plain") == "plain")
    #expect(DataCSV.quoted("a,b") == "\"a,b\"")
    #expect(DataCSV.quoted("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(DataCSV.quoted("two\r\nlines") == "\"two\r\nlines\"")
    #expect(DataCSV.text([["a", "b"], ["1", ""]]) == "a,b\r\n1,\r\n")
  }

  @Test func cp932MapsTheTwoWindowsFormsAndReportsTheRest() throws {
    #expect(CP932.windowsForms("〜−") == "～－")
    #expect(CP932.unencodable("ab𠮷c€𠮷") == ["𠮷", "€"])
    let table = [(1...10).map { "h\($0)" }, Array(repeating: "", count: 9) + ["𠮷"]]
    #expect(throws: CSVEncodingError.self) {
      try DataCSV.encode(table, encoding: .cp932, file: "x.xlsx", language: .english)
    }
    let fine = try DataCSV.encode([["〜"]], encoding: .cp932, file: "x.xlsx")
    #expect(fine == Data([0x81, 0x60, 0x0D, 0x0A]))
  }
}
