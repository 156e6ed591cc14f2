import CellAddress
import Foundation
import KPIModel
import TestSupport
import Testing
import XLSXWriter

@testable import KPIReport

/// The page breaks planned for blocks, and reports of 1, 5 and 15 projects printed by
/// LibreOffice and read back page by page with pdftotext.
@Suite struct PrintTests {
  @Test func aBlockMovesToTheNextPageOnlyWhenItDoesNotFit() {
    let page = PrintLayout.printableHeight
    // Three blocks of 40 % of a page each: the third does not fit after two.
    let rowHeight = page * 0.4 / 4
    let heights = [Double](repeating: rowHeight, count: 12)
    let blocks = [0...3, 4...7, 8...11]
    #expect(PrintLayout.breaks(heights: heights, blocks: blocks, repeated: nil, scale: 100) == [8])
    // At half the scale a page holds twice as much: no break at all.
    #expect(PrintLayout.breaks(heights: heights, blocks: blocks, repeated: nil, scale: 50) == [])
  }

  @Test func repeatedRowsTakeRoomOnLaterPagesAndTallBlocksRunOn() {
    let page = PrintLayout.printableHeight
    // Rows 0-1 repeat; a block taller than a page starts a page and runs on.
    let heights =
      [page * 0.1, page * 0.1] + [Double](repeating: page * 0.3, count: 5) + [
        page * 0.5, page * 0.5,
      ]
    let blocks = [2...6, 7...8]
    let breaks = PrintLayout.breaks(heights: heights, blocks: blocks, repeated: 0...1, scale: 100)
    // The 1.5-page block starts on page 1 under the header (a break would leave the header
    // alone) and runs on into page 2; the next block, a page tall, does not fit what is left
    // there and starts page 3.
    #expect(breaks == [7])
    // After a block, a block taller than a page starts a new page.
    let after = PrintLayout.breaks(
      heights: [page * 0.3, page * 0.3, page * 0.6, page * 0.6], blocks: [0...1, 2...3],
      repeated: nil, scale: 100)
    #expect(after == [2])
  }

  @Test func aRowBetweenBlocksThatDoesNotFitStartsTheNextPageWithABreak() {
    let page = PrintLayout.printableHeight
    // A block of 95 % of a page, a blank row of 10 %, then a block of 50 %: the blank row
    // gets the break, so the block after it cannot start on the first page either.
    let breaks = PrintLayout.breaks(
      heights: [page * 0.95, page * 0.1, page * 0.5], blocks: [0...0, 2...2], repeated: nil,
      scale: 100)
    #expect(breaks == [1])
  }

  @Test func aProjectWithMoreKPIsThanColumnsIsRefusedBeforeWriting() throws {
    func project(kpis: Int) -> RecordsDocument {
      RecordsDocument(projects: [
        Project(name: "p", kpis: (1...kpis).map { KPI(name: "k\($0)") })
      ])
    }
    #expect(throws: ReportError.self) {
      try ReportCheck(document: project(kpis: ProgressSheet.maxKPIs + 1)).run()
    }
    try ReportCheck(document: project(kpis: ProgressSheet.maxKPIs)).run()
    #expect(
      ProgressSheet.lastColumn(kpis: ProgressSheet.maxKPIs, charts: 0) <= ProgressSheet.maxColumn)
  }

  @Test(.enabled(if: OpenPyXL.isAvailable, OpenPyXL.skipReason))
  func moreBreaksThanASheetKeepsGiveAWarning() throws {
    let scratch = try Scratch()
    let document = try XLSXDocument(temporaryIn: scratch.folder)
    let sheet = try document.addWorksheet(named: "KPI推移")
    try sheet.write("x", at: CellReference(row: 2_000, column: 0))
    #expect(try ReportStyle.setPageBreaks(Array(1...1_000), on: sheet) == nil)
    let warning = try ReportStyle.setPageBreaks(Array(1...1_100), on: sheet)
    #expect(warning?.sheet == "KPI推移")
    #expect(warning?.english.hasPrefix("1100 page breaks planned, but a sheet keeps 1023") == true)
    try document.save(to: scratch.path("breaks.xlsx"))
    let facts = try OpenPyXL.facts(
      "put('breaks', len(openpyxl.load_workbook(sys.argv[1])['KPI推移'].row_breaks.brk))",
      scratch.path("breaks.xlsx"))
    #expect(facts["breaks"] == "1023")
  }

  @Test func aBatchIsPrintedByOneLibreOfficePerProcessorWithSeveralReportsEach() {
    #expect(PDFPrinter.processCount(jobs: 1, processors: 2) == 1)
    #expect(PDFPrinter.processCount(jobs: 7, processors: 2) == 1)
    #expect(PDFPrinter.processCount(jobs: 8, processors: 2) == 2)
    #expect(PDFPrinter.processCount(jobs: 100, processors: 2) == 2)
    #expect(PDFPrinter.processCount(jobs: 100, processors: 1) == 1)
    #expect(PDFPrinter.processCount(jobs: 100, processors: 64) == 25)
  }

  @Test func theScaleKeepsTextAtEightPoints() {
    #expect(PrintLayout.scale(columnWidths: [10, 10]) == 100)
    #expect(PrintLayout.scale(columnWidths: [Double](repeating: 40, count: 20)) == 80)
    #expect(PrintLayout.minimumScale * Int(ReportStyle.fontSize) >= 800)
  }
}

/// Whether LibreOffice and pdftotext can be run here.
let canPrint =
  PDFPrinter.find() != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext")

/// Reports printed as a reader gets them.
@Suite("Printed reports", .enabled(if: canPrint, "LibreOffice (soffice) and pdftotext are needed"))
struct PrintedReports {
  /// `count` projects with long names, wrapped activities and 1–5 KPIs (5 for the first),
  /// every name carrying a token (P01, P01K2) that the pages are searched for.
  static func document(projects count: Int) -> RecordsDocument {
    var document = RecordsDocument()
    document.municipality = Municipality(name: "架空市", prefecture: "架空県", code: "999999")
    for index in 1...count {
      let token = String(format: "P%02d", index)
      let kpiCount = index == 1 ? 5 : 1 + index % 5
      let kpis = (1...kpiCount).map { number in
        KPI(
          no: number, name: "\(token)K\(number) 関係人口の創出に係る延べ参加者数", unit: "人",
          direction: number == 2 ? .decrease : .increase,
          values: (2021...2023).map { year in
            KPIValue(
              fiscalYear: year, target: Double(1000 * number * (year - 2020)),
              actual: Double(980 * number * (year - 2020) + 13 * index))
          })
      }
      document.projects.append(
        Project(
          no: index, name: "\(token) デジタル技術を活用した地域の魅力発信と関係人口の創出・拡大による持続可能なまちづくり推進事業",
          scope: index % 4 == 0 ? .wideArea : .single, period: FiscalPeriod(start: 2021, end: 2023),
          overview: "地域の資源を活かした観光振興と移住定住の促進を図るため、情報発信の強化と交流事業を一体的に実施する。",
          years: (2021...2023).map {
            ProjectYear(
              fiscalYear: $0, activities: ["ポータルサイトの構築・運用", "首都圏でのプロモーションイベントの開催"],
              cost: Amount(value: 12_345, unit: "千円"))
          }, kpis: kpis,
          evaluation: Evaluation(
            fiscalYear: 2023, effect: .effective, assessment: "概ね良好である。", policy: .continue)))
    }
    return document
  }

  /// The text of each page of `pdf`.
  static func pages(_ pdf: String) throws -> [String] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
    process.arguments = [pdf, "-"]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    var pages = String(decoding: data, as: UTF8.self).components(separatedBy: "\u{0C}")
    if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true {
      pages.removeLast()
    }
    return pages
  }

  @Test func eachProjectPrintsOnOnePageWithItsCharts() throws {
    let scratch = try Scratch()
    let sizes = [1, 5, 15]
    var jobs: [(workbook: String, pdf: String)] = []
    var warnings: [ReportWarning] = []
    for size in sizes {
      let workbook = scratch.path("r\(size).xlsx")
      warnings += try ReportWriter().write(
        Self.document(projects: size),
        context: ReportContext(evaluationYear: 2023, created: fixedCreation), to: workbook,
        forPrinting: true)
      jobs.append((workbook, scratch.path("r\(size).pdf")))
    }
    #expect(warnings.isEmpty)
    let soffice = try #require(PDFPrinter.find())
    let failures = try PDFPrinter(soffice: soffice).print(jobs)
    #expect(failures.isEmpty, "\(failures)")
    for (size, job) in zip(sizes, jobs) {
      // KPISHEET_KEEP_PDF=DIR keeps the PDFs, to look at.
      if let keep = ProcessInfo.processInfo.environment["KPISHEET_KEEP_PDF"] {
        try? FileManager.default.removeItem(atPath: "\(keep)/r\(size).pdf")
        try? FileManager.default.copyItem(atPath: job.pdf, toPath: "\(keep)/r\(size).pdf")
      }
      let pages = try Self.pages(job.pdf)
      // Printed headers name the sheet on each page.
      let evaluation = pages.indices.filter { pages[$0].contains("効果検証") }
      let progress = pages.indices.filter { pages[$0].contains("KPI推移") }
      let summary = pages.indices.filter { pages[$0].contains("KPI達成状況の集計") }
      #expect(!evaluation.isEmpty && !progress.isEmpty && !summary.isEmpty, "\(size)")
      #expect(!pages.contains { $0.contains("地方公共団体コード\n都道府県名\n市町村名\n事業番号") }, "no データ")
      // Headers and labels break where a reader expects: 「（目標値）」 and 「（初年度）」 whole,
      // no line of any page starting with a closing bracket.
      for (number, page) in pages.enumerated() {
        let lines = page.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(!lines.contains { $0.hasPrefix("）") }, "\(size) projects, page \(number + 1)")
        if evaluation.contains(number) {
          #expect(lines.contains("指標値") && lines.contains("（目標値）"), "\(size): \(number + 1)")
        }
        if progress.first == number { #expect(lines.contains("（初年度）"), "\(size)") }
      }
      for index in 1...size {
        let token = String(format: "P%02d", index)
        let kpiCount = index == 1 ? 5 : 1 + index % 5
        for (name, sheet) in [("効果検証", evaluation), ("KPI推移", progress)] {
          let holding = sheet.filter { pages[$0].contains(token) }
          #expect(holding.count == 1, "\(size) projects: \(token) on \(name) pages \(holding)")
        }
        // The charts' titles (one per KPI) print with their project on KPI推移.
        let projectPage = progress.first { pages[$0].contains(token + " デジタル") }
        for number in 1...kpiCount {
          let title = "\(token)K\(number)"
          let count = projectPage.map { pages[$0].components(separatedBy: title).count - 1 } ?? 0
          // The table's header and the chart's title.
          #expect(count >= 2, "\(size) projects: \(title) on KPI推移 page \(projectPage ?? -1)")
        }
      }
      // Each sheet prints on exactly the pages its planned breaks make: LibreOffice adds no
      // break of its own (the row heights and the scale hold), and drops none.
      let breaks = try OpenPyXL.facts(
        """
        wb = openpyxl.load_workbook(sys.argv[1])
        for name in ["効果検証", "KPI推移"]:
            put(name, len(wb[name].row_breaks.brk))
        """, job.workbook)
      #expect(evaluation.count == (Int(breaks["効果検証"] ?? "") ?? -1) + 1, "\(size) projects")
      #expect(progress.count == (Int(breaks["KPI推移"] ?? "") ?? -1) + 1, "\(size) projects")
      if size == 15 { #expect(evaluation.count >= 2 && progress.count >= 8) }
    }
    withExtendedLifetime(scratch) {}
  }
}
