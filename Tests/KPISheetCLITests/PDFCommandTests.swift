import Foundation
import Testing

/// `kpisheet convert --pdf`: the PDF beside each report, exit 69 without LibreOffice.
@Suite struct PDFCommandTests {
  static func sample(_ name: String) -> String { ExtractCommandTests.sample(name) }

  @Test func withoutLibreOfficeTheReportIsWrittenAndTheExitIs69() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let report = folder.appendingPathComponent("report.xlsx").path
    let result = try Command.run([
      "convert", Self.sample("dept-wide.xlsx"), "-o", report, "--pdf", "--soffice",
      folder.appendingPathComponent("no-soffice").path,
    ])
    #expect(result.status == 69)
    #expect(result.stderr.contains("apt-get install libreoffice-calc-nogui"), "\(result.stderr)")
    #expect(FileManager.default.fileExists(atPath: report))
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(names == ["report.xlsx"], "no PDF, partial or whole")
  }

  @Test func pdfToStandardOutputIsAUsageError() throws {
    let result = try Command.run(["convert", Self.sample("dept-wide.xlsx"), "-o", "-", "--pdf"])
    #expect(result.status == 64)
    let soffice = try Command.run([
      "convert", Self.sample("dept-wide.xlsx"), "-o", "x.xlsx", "--soffice", "/usr/bin/soffice",
    ])
    #expect(soffice.status == 64)
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/soffice")))
  func aBatchGetsAPDFBesideEachReport() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("out").path
    let result = try Command.run([
      "convert", Self.sample("dept-wide.xlsx"), Self.sample("dept-flat.xlsx"), "--out-dir", out,
      "--pdf", "--municipality", "架空市",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
    #expect(names == ["dept-flat.pdf", "dept-flat.xlsx", "dept-wide.pdf", "dept-wide.xlsx"])
    for name in ["dept-flat.pdf", "dept-wide.pdf"] {
      let head = FileManager.default.contents(atPath: out + "/" + name)?.prefix(5)
      #expect(head.map { Array($0) } == Array("%PDF-".utf8), "\(name)")
    }
  }
}
