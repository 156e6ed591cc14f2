/// Tells what a file is when it is not an .xlsx workbook, with a message saying what to do:
/// first from its first bytes (encrypted, legacy .xls, PDF, text), then, for a zip archive,
/// from the parts that mark other zip-based formats (OpenDocument, Numbers, .docx, .pptx,
/// .xlsb).
enum WorkbookSniffing {
  static func checkSignature(path: String, fileName: String) throws {
    let detail: String
    let japanese: String
    let kind: XLSXError.Kind
    switch try FileSignature.detect(path: path, fileName: fileName) {
    case .zip: return
    case .empty:
      (kind, detail, japanese) = (
        .emptyFile, "the file is empty (0 bytes), not an Excel workbook",
        "ファイルが空（0 バイト）で、Excel ブックではありません"
      )
    case .encryptedWorkbook:
      (kind, detail, japanese) = (
        .encrypted,
        "the workbook is password-protected (encrypted); open it in Excel, remove the password (File > Info > Protect Workbook) and save it as .xlsx",
        "ブックがパスワードで保護（暗号化）されています。Excel で開いてパスワードを解除し（[ファイル] > [情報] > [ブックの保護]）、.xlsx として保存してください"
      )
    case .legacyWorkbook:
      (kind, detail, japanese) = (
        .legacyXLS,
        "this is a legacy Excel 97-2003 workbook (.xls), not .xlsx; open it in Excel and save it as Excel Workbook (.xlsx)",
        "旧形式の Excel 97-2003 ブック（.xls）で、.xlsx ではありません。Excel で開き、「Excel ブック (*.xlsx)」として保存してください"
      )
    case .otherCompoundFile:
      (kind, detail, japanese) = (
        .otherFormat, "this is an OLE compound document (not an .xlsx workbook)",
        "OLE 複合ドキュメントで、.xlsx ブックではありません"
      )
    case .pdf:
      (kind, detail, japanese) = (
        .otherFormat, "this is a PDF file, not an Excel workbook", "PDF ファイルで、Excel ブックではありません"
      )
    case .text:
      (kind, detail, japanese) = (
        .textFile,
        "this is a text or CSV file, not an .xlsx workbook; open it in Excel and save it as Excel Workbook (.xlsx)",
        "テキスト ファイルまたは CSV ファイルで、.xlsx ブックではありません。Excel で開き、「Excel ブック (*.xlsx)」として保存してください"
      )
    case .unknown:
      (kind, detail, japanese) = (
        .otherFormat, "this is not an Excel workbook (not a zip archive)",
        "Excel ブックではありません（zip アーカイブではありません）"
      )
    }
    throw XLSXError(kind, file: fileName, detail: detail, japanese: japanese)
  }

  /// Tells other zip-based formats apart from a workbook.
  static func checkContainer(_ archive: ZipArchive) throws {
    let file = archive.fileName
    if let mimetype = archive.entry("mimetype"), mimetype.uncompressedSize < 200 {
      let text = String(decoding: try archive.readAll(mimetype), as: UTF8.self)
      if text.contains("opendocument") {
        throw XLSXError(
          .openDocument, file: file,
          detail:
            "this is an OpenDocument spreadsheet (.ods), not .xlsx; open it in LibreOffice or Excel and save it as Excel 2007-365 (.xlsx)",
          japanese:
            "OpenDocument スプレッドシート（.ods）で、.xlsx ではありません。LibreOffice または Excel で開き、「Excel 2007-365 (.xlsx)」として保存してください"
        )
      }
    }
    if archive.entry("Index/Document.iwa") != nil || archive.entry("Index.zip") != nil {
      throw XLSXError(
        .appleNumbers, file: file,
        detail:
          "this is an Apple Numbers document, not .xlsx; export it from Numbers as Excel (.xlsx)",
        japanese: "Apple Numbers の書類で、.xlsx ではありません。Numbers から Excel (.xlsx) 形式で書き出してください")
    }
    // Word and PowerPoint files are zip packages too; without this they would read as a
    // workbook whose relationships are missing.
    if archive.entry("word/document.xml") != nil || archive.entry("ppt/presentation.xml") != nil {
      let word = archive.entry("word/document.xml") != nil
      throw XLSXError(
        .otherFormat, file: file,
        detail: word
          ? "this is a Word document (.docx), not an Excel workbook"
          : "this is a PowerPoint presentation (.pptx), not an Excel workbook",
        japanese: word
          ? "Word 文書（.docx）で、Excel ブックではありません"
          : "PowerPoint プレゼンテーション（.pptx）で、Excel ブックではありません")
    }
    if archive.entry("xl/workbook.bin") != nil {
      throw XLSXError(
        .binaryWorkbook, file: file,
        detail:
          "this is an Excel binary workbook (.xlsb); open it in Excel and save it as Excel Workbook (.xlsx)",
        japanese:
          "Excel バイナリ ブック（.xlsb）です。Excel で開き、「Excel ブック (*.xlsx)」として保存してください"
      )
    }
  }
}
