import Foundation
import KPIModel
import KPISheet
import XLSXReader

/// What the API does with a request's uploads, in the same library calls as the command
/// line: the same records, diagnostics and report bytes for the same inputs.
///
/// Every function here is synchronous (the reader and writer are C underneath) and runs on a
/// Dispatch thread once the job gate lets it.
struct APIWork: Sendable {
  var limits: ReaderLimits
  var facts: ReportProfile

  /// An answer: the status, its content type and bytes, and extra headers.
  struct Answer: Sendable {
    var status: Int
    var contentType: String
    var body: [UInt8]
    var headers: [(String, String)] = []

    static func json(_ status: Int, _ writer: JSONWriter) -> Answer {
      Answer(status: status, contentType: "application/json; charset=utf-8", body: writer.bytes)
    }

    /// `{"error": code, "message": …}`: a refusal that is not about an input's contents.
    static func error(_ status: Int, _ code: String, _ message: String) -> Answer {
      let writer = JSONWriter()
      writer.object(.inline) {
        writer.member("error", code)
        writer.member("message", message)
      }
      writer.newline()
      return json(status, writer)
    }
  }

  // MARK: /api/extract

  /// `{"files": [{"name", "status", "layout", "tables", "diagnostics", "records"}]}`: for
  /// each file what `validate --explain --format json` says (its problems as `diagnostics`)
  /// and, when it has no error, the records `extract` writes.
  func extract(_ uploads: [Upload], fiscalYear: Int?, language: DiagnosticLanguage) -> Answer {
    let writer = JSONWriter()
    writer.object(.inline) {
      writer.key("files")
      writer.array(.lines(indent: "  ")) {
        for upload in uploads {
          let (report, document) = read(upload, fiscalYear: fiscalYear)
          let failed = report.failure != nil || report.result?.hasErrors == true
          writer.object(.inline) {
            writer.member("name", upload.name)
            writer.member("status", failed ? "error" : "ok")
            writer.member("layout", report.result?.layout?.rawValue)
            writer.key("tables")
            report.writeTables(to: writer, language: language, explain: true)
            writer.key("diagnostics")
            report.writeProblems(to: writer, language: language)
            writer.key("records")
            if let document, !failed {
              RecordsJSON.write(document, to: writer)
            } else {
              writer.null()
            }
          }
        }
      }
    }
    writer.newline()
    return .json(200, writer)
  }

  /// One upload read as `validate` reads it, with its records when it could be read.
  private func read(_ upload: Upload, fiscalYear: Int?) -> (ValidationReport, RecordsDocument?) {
    let file = InputFile(path: upload.path, displayName: upload.name)
    do {
      let loaded = try RecordsLoader(limits: limits, fiscalYear: fiscalYear).load(file)
      return (ValidationReport(file: upload.name, result: loaded.importResult), loaded.document)
    } catch let error as ReportableError {
      return (ValidationReport(file: upload.name, failure: error), nil)
    } catch {
      let failure = KPISheetError(unexpected: error, file: upload.name)
      return (ValidationReport(file: upload.name, failure: failure), nil)
    }
  }

  /// `/api/extract?format=json|csv`: one file's records as `extract` writes them; 422 with
  /// the diagnostics when it has errors.
  func records(
    _ upload: Upload, format: Extraction.Format, encoding: CSVEncoding, fiscalYear: Int?,
    language: DiagnosticLanguage
  ) -> Answer {
    let file = InputFile(path: upload.path, displayName: upload.name)
    do {
      let loaded = try RecordsLoader(limits: limits, fiscalYear: fiscalYear).load(file)
      if loaded.hasErrors {
        return invalid(loaded.diagnostics, language: language)
      }
      let stem = (upload.name as NSString).deletingPathExtension
      switch format {
      case .json:
        return Answer(
          status: 200, contentType: "application/json; charset=utf-8",
          body: Array(RecordsJSON.encode(loaded.document)),
          headers: [("Content-Disposition", Self.attachment(stem + ".json"))])
      case .csv:
        let table = DataCSV.table(loaded.document)
        let data = try DataCSV.encode(table, encoding: encoding, file: upload.name)
        let charset = encoding == .cp932 ? "Shift_JIS" : "utf-8"
        return Answer(
          status: 200, contentType: "text/csv; charset=\(charset)", body: Array(data),
          headers: [("Content-Disposition", Self.attachment(stem + ".csv"))])
      }
    } catch {
      return failed(error, file: upload.name, language: language)
    }
  }

  // MARK: /api/convert

  /// The report of `convert` over the uploads (printed to PDF by LibreOffice with `pdf`, as
  /// `convert --pdf` does), or 422 with every diagnostic. The form's facts are `convert`'s
  /// flags, the server's profile its `--profile`.
  func convert(
    _ uploads: [Upload], fiscalYear: Int?, facts: ReportProfile, created: Date?, folder: String,
    pdf: Bool, language: DiagnosticLanguage
  ) -> Answer {
    var pipeline = ConvertPipeline(
      fiscalYear: fiscalYear, limits: limits, created: created,
      facts: facts.filling(from: self.facts))
    pipeline.overrides = facts
    let files = uploads.map { InputFile(path: $0.path, displayName: $0.name) }
    let output = OutputFile(path: folder + "/report.xlsx")
    var printing: ReportPDF?
    defer { printing?.discard() }
    do {
      if pdf {
        let printer = try ReportPDF(soffice: nil)
        printing = printer
        guard printer.soffice != nil else {
          return .error(501, "pdf-unavailable", ServerText(language: language).pdfUnavailable)
        }
        pipeline.printFolder = printer.folder
      }
      let outcome = try pipeline.run(files: files, reportName: "report.xlsx", output: output)
      let name = "kpi-report-\(outcome.evaluationYear)"
      if let printing {
        try printing.print(reports: [output.path])
        let data = try Data(contentsOf: URL(fileURLWithPath: ReportPDF.pdfPath(for: output.path)))
        return Answer(
          status: 200, contentType: "application/pdf", body: Array(data),
          headers: [("Content-Disposition", Self.attachment(name + ".pdf"))])
      }
      let data = try Data(contentsOf: URL(fileURLWithPath: output.path))
      return Answer(
        status: 200,
        contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        body: Array(data), headers: [("Content-Disposition", Self.attachment(name + ".xlsx"))])
    } catch let error as ConvertError {
      return invalid(error.diagnostics, language: language)
    } catch let error as KPISheetError where error.exitStatus == .unavailable {
      // LibreOffice is there but could not run: the server's trouble, not the input's.
      return .error(500, "pdf-failed", error.message(in: language))
    } catch {
      return failed(error, file: uploads.count == 1 ? uploads[0].name : nil, language: language)
    }
  }

  // MARK: Diagnostics

  /// 422 `{"diagnostics": [...]}`: validate's objects, each with its `file`.
  func invalid(_ diagnostics: [Diagnostic], language: DiagnosticLanguage) -> Answer {
    let writer = JSONWriter()
    writer.object(.inline) {
      writer.key("diagnostics")
      writer.array(.lines(indent: "  ")) {
        for diagnostic in diagnostics {
          writer.object(.inline) {
            writer.member("file", diagnostic.file)
            writer.member("severity", diagnostic.severity.rawValue)
            writer.member("code", diagnostic.code.rawValue)
            writer.member("sheet", diagnostic.sheet)
            writer.member("cell", diagnostic.cell)
            writer.member("message", diagnostic.message(in: language))
          }
        }
      }
    }
    writer.newline()
    return .json(422, writer)
  }

  /// An input that could not be read at all, as the one diagnostic `validate` gives it.
  private func failed(_ error: any Error, file: String?, language: DiagnosticLanguage) -> Answer {
    let reportable = error as? ReportableError ?? KPISheetError(unexpected: error, file: file)
    let problem = Diagnostic(
      .error, BatchResult.failureCode(reportable.exitStatus),
      message: reportable.message, japanese: reportable.message(in: .japanese), file: file)
    return invalid([problem], language: language)
  }

  /// `attachment; filename=…`, with the RFC 5987 form for names beyond ASCII.
  static func attachment(_ name: String) -> String {
    let ascii = String(name.unicodeScalars.map { $0.isASCII && $0 != "\"" ? Character($0) : "_" })
    let encoded =
      name.addingPercentEncoding(
        withAllowedCharacters: .alphanumerics.union(.init(charactersIn: ".-_")))
      ?? ascii
    return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
  }
}
