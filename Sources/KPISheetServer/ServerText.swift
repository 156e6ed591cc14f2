import KPIModel

/// The server's own messages (not the inputs' diagnostics), in the request's language.
struct ServerText {
  var language: DiagnosticLanguage

  private func text(_ english: String, _ japanese: String) -> String {
    language == .japanese ? japanese : english
  }

  var wrongHost: String {
    text(
      "This server answers only requests addressed to itself (check the address in the browser).",
      "このサーバーは自分宛てのリクエストにだけ応答します（ブラウザーのアドレスを確認してください）。")
  }
  var foreignOrigin: String {
    text(
      "Requests from other web pages are refused; use the page this server shows.",
      "ほかのウェブページからのリクエストは受け付けません。このサーバーのページを使ってください。")
  }
  var methodNotAllowed: String { text("Method not allowed.", "このメソッドは使えません。") }
  var notFound: String { text("Not found.", "見つかりません。") }
  var notAForm: String {
    text(
      "Send the files as multipart/form-data with one \"file\" part per file.",
      "ファイルは multipart/form-data で、1 ファイルごとに \"file\" パートとして送ってください。")
  }
  var noFile: String { text("No file was sent.", "ファイルが送られていません。") }
  var tooManyFiles: String {
    text(
      "Too many files in one request (at most \(MultipartReader.maxFiles)).",
      "1 回に送れるファイルは \(MultipartReader.maxFiles) 個までです。")
  }
  var oneFile: String {
    text(
      "Records JSON and CSV are made from one file at a time.",
      "レコード JSON と CSV は 1 ファイルずつ作成します。")
  }
  var busy: String {
    text(
      "The server is busy with other conversions; try again in a few seconds.",
      "ほかの変換で混み合っています。数秒後にもう一度お試しください。")
  }
  var serverTrouble: String {
    text(
      "The server could not finish this request; see its log.",
      "サーバーがこのリクエストを完了できませんでした。サーバーのログを確認してください。")
  }
  var pdfUnavailable: String {
    text(
      "PDF output needs LibreOffice on the server, which is not installed: install it (Debian: apt-get install libreoffice-calc-nogui fonts-noto-cjk), or download the XLSX report.",
      "PDF の出力にはサーバーに LibreOffice が必要ですが、インストールされていません。LibreOffice（Debian では apt-get install libreoffice-calc-nogui fonts-noto-cjk）をインストールするか、XLSX のレポートをダウンロードしてください。"
    )
  }

  func tooLarge(_ limit: Int) -> String {
    text(
      "The upload is larger than this server accepts (\(limit) bytes); start it with a larger --max-upload, or send fewer files.",
      "アップロードがこのサーバーの上限（\(limit) バイト）を超えています。--max-upload を大きくして起動するか、ファイルを減らしてください。")
  }
  func badFormat(_ format: String) -> String {
    text("Unknown format \"\(format)\".", "形式「\(format)」には対応していません。")
  }
  func badFiscalYear(_ given: String) -> String {
    text(
      "The fiscal year takes a year such as 2022, R4, 令和4年度 or H30 (\"\(given)\" is none).",
      "年度には 2022、R4、令和4年度、H30 のような年度を指定してください（「\(given)」は年度ではありません）。")
  }
  func badCode(_ code: String) -> String {
    text(
      "The code takes a 5- or 6-digit local-government code such as 352161 (\"\(code)\" is none).",
      "団体コードには 352161 のような 5 桁または 6 桁の地方公共団体コードを指定してください（「\(code)」）。")
  }
  /// A fact field the report cannot hold (ReportProfile.problem).
  func badFact(_ key: String, _ english: String, _ japanese: String) -> String {
    text("The field \(key) \(english).", "\(key) 欄\(japanese)。")
  }
  func badCreated(_ given: String) -> String {
    text(
      "created takes an ISO 8601 time such as 2024-04-01T00:00:00Z (\"\(given)\" is none).",
      "created には 2024-04-01T00:00:00Z のような ISO 8601 形式の日時を指定してください（「\(given)」）。")
  }
}
