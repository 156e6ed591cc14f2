import Foundation
import KPIReport
import TemporaryFiles

/// `convert --pdf`: each report also printed to PDF beside it by LibreOffice headless
/// (report.md, "The PDF to publish"), every report of a run in one LibreOffice start.
public struct ReportPDF: Sendable {
  /// The `soffice` found; nil when LibreOffice is missing.
  public let soffice: String?
  /// The folder the pipeline writes the workbooks to print into (`printFolder`).
  public let folder: String

  /// Finds `soffice` (`explicit`, else on PATH) and makes the folder for the workbooks to
  /// print, listed for removal on an interrupt.
  public init(soffice explicit: String?) throws {
    soffice = PDFPrinter.find(explicit)
    let registry = TemporaryFileRegistry.shared
    do {
      folder = try registry.createFolder(
        in: FileManager.default.temporaryDirectory.path, prefix: "kpisheet-pdf-")
    } catch {
      throw KPISheetError(
        .cannotCreate, "cannot create a temporary folder in \(error.folder): \(error.reason)",
        japanese: "\(error.folder) に一時フォルダーを作成できません（\(error.reason)）")
    }
  }

  /// Removes the workbooks to print (when the run stops before printing them).
  public func discard() {
    TemporaryFileRegistry.shared.remove(folder)
  }

  /// REPORT.pdf for REPORT.xlsx: the same name, the extension replaced.
  public static func pdfPath(for report: String) -> String {
    let url = URL(fileURLWithPath: report)
    guard !url.pathExtension.isEmpty else { return report + ".pdf" }
    let name = url.deletingPathExtension().lastPathComponent + ".pdf"
    let folder = (report as NSString).deletingLastPathComponent
    return folder.isEmpty ? name : folder + "/" + name
  }

  /// Where the pipeline writes the workbook to print for the report `output`.
  static func printWorkbook(for output: String, in folder: String) -> String {
    folder + "/" + URL(fileURLWithPath: output).lastPathComponent
  }

  /// Prints the reports written at `reports` to PDF beside each, in one LibreOffice run, and
  /// removes the workbooks it printed from. Missing LibreOffice is an error (exit 69) saying
  /// what to install; the reports themselves stay.
  public func print(reports: [String]) throws {
    defer { discard() }
    guard !reports.isEmpty else { return }
    guard let soffice else {
      throw KPISheetError(
        .unavailable, PDFPrinter.installHint, japanese: PDFPrinter.japaneseInstallHint)
    }
    let jobs = reports.map {
      (workbook: Self.printWorkbook(for: $0, in: folder), pdf: Self.pdfPath(for: $0))
    }
    let failures: [PDFPrinter.Failure]
    do {
      failures = try PDFPrinter(soffice: soffice).print(jobs)
    } catch {
      throw KPISheetError(
        .unavailable, "\(soffice): cannot run LibreOffice: \(error)",
        japanese: "\(soffice)：LibreOffice を実行できません（\(error)）")
    }
    if let first = failures.first {
      let more = failures.count > 1 ? " (and \(failures.count - 1) more)" : ""
      let moreJapanese = failures.count > 1 ? "（ほか \(failures.count - 1) 件）" : ""
      throw KPISheetError(
        .cannotCreate, "\(first.file): no PDF written: \(first.detail)\(more)",
        japanese: "\(first.file)：PDF を作成できませんでした（\(first.detail)）\(moreJapanese)")
    }
  }
}
