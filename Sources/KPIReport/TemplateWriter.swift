import CellAddress
import Foundation
import KPIModel
import XLSXWriter

/// Writes the departmental template a department fills in and `extract` reads back: sheet
/// 「記入方法」 with the instructions, then 「事業」 (one row per project), 「年度別」 (per
/// project and year), 「KPI」 (per project, KPI and year) and 「評価」 (per project), each with
/// a title, a header row, one grey example row marked 【記入例】 and bordered rows with
/// drop-downs and number checks. With records it is prefilled (`TemplateContent`).
public struct TemplateWriter: Sendable {
  public init() {}

  /// The sheet names, in order.
  public static let sheetNames = TemplateFormat.sheetNames
  /// Units offered in the 単位 drop-down (others may still be typed).
  public static let units = [
    "人", "件", "個", "円", "千円", "万円", "%", "世帯", "事業体", "回", "社", "店舗", "団体", "人泊", "箇所",
    "倍",
  ]
  /// Units offered for a year's cost.
  public static let moneyUnits = ["円", "千円", "万円", "百万円"]
  /// The fiscal years the year drop-downs offer when the records name none outside them.
  public static let yearRange = 2020...2030
  /// The fiscal years offered in the year drop-downs: 令和2年度 … 令和12年度, widened to the
  /// records' years.
  public static var years: [String] { yearLabels(yearRange) }

  static func yearLabels(_ range: ClosedRange<Int>) -> [String] {
    range.map { Era.label(fiscalYear: $0) }
  }

  /// Writes the blank template.
  public func write(to path: String, created: Date? = nil) throws {
    try write(TemplateContent(), to: path, created: created)
  }

  /// Writes the template prefilled with `document`'s projects, KPIs, targets and actuals.
  /// Throws `ReportError` for a text no cell can hold, naming its project and field.
  public func write(_ document: RecordsDocument, to path: String, created: Date? = nil) throws {
    try ReportCheck(document: document).checkTexts()
    try write(TemplateContent(document), to: path, created: created)
  }

  func write(_ content: TemplateContent, to path: String, created: Date?) throws {
    let workbook = try XLSXDocument(
      temporaryIn: ReportWriter.folder(of: path),
      options: XLSXDocumentOptions(created: ReportWriter.seconds(created)))
    workbook.properties = DocumentProperties(
      title: "KPI実績入力シート", subject: "重要業績評価指標（KPI）の目標値・実績値の記入",
      company: content.municipality?.name,
      category: "kpisheet テンプレート", keywords: "KPI,効果検証")
    try workbook.setCustomProperty(
      ReportMarker.propertyName, .string(ReportMarker.templateVersion))
    try writeInstructions(workbook.addWorksheet(named: TemplateFormat.instructionsSheet))
    let layout = TemplateSheets(content: content)
    for (index, sheet) in layout.sheets.enumerated() {
      let worksheet = try workbook.addWorksheet(named: sheet.name)
      try TemplateSheetWriter(
        sheet: sheet, municipality: content.municipality, grant: content.grant
      )
      .write(worksheet)
      if index == 0 { try worksheet.activate() }
    }
    try workbook.save(to: path)
  }

  static let instructions = [
    "このファイルは、交付金事業の重要業績評価指標（KPI）の目標値・実績値と、効果検証に必要な事業の情報を集めるためのものです。記入後、取りまとめ課へ提出してください。kpisheet で国の様式の報告書に変換します。",
    "「事業」シート：事業ごとに1行です。事業名、区分（単独／広域）、事業期間（開始年度・終了年度）、交付金の種類、担当部局課名、事業概要を記入します。広域の場合は連携団体を「、」で区切って記入します。表の上には交付金の名称、都道府県名、市町村名、地方公共団体コードを記入します。",
    "「年度別」シート：事業と年度ごとに1行です。その年度の実施内容を1行に1項目ずつ「・」で始めて記入し、実績額（事業費）を数値で、その単位（千円など）を「単位」に記入します。",
    "「KPI」シート：事業・KPI・年度の組み合わせごとに1行です。事業名は「事業」シートと同じ名称にしてください。同じKPIは年度ごとに同じ名称で記入します。",
    "単位：一覧から選んでください。一覧にない単位（例：者、施設）はそのまま入力できます。指標の方向：値が大きいほど良い指標は「増加」、小さいほど良い指標（空き家数など）は「減少」を選びます。",
    "年度：令和N年度を一覧から選んでください（年度は4月から翌年3月まで）。",
    "目標値・実績値・基準値：数値だけを入力してください（単位や「約」「以上」は付けません）。割合は5.4%なら「5.4」と入力し、単位に「%」を選びます。減少を表す値は「-339」のように入力します。該当しない・未確定の値は空欄のままにしてください。基準値（事業開始前の値）はKPIの最初の行にだけ記入します。",
    "目標年月：目標を達成する年月があれば「R6.3」のように記入します（任意）。",
    "「評価」シート：事業ごとに1行です。評価する年度（評価年度）の事業効果と今後の方針を一覧（国の様式の区分）から選び、外部有識者による事業の評価と意見、今後の方針の理由を記入します。",
    "灰色の「【記入例】」の行は記入のしかたの例です。読み込むときは無視されるので、消しても残しても構いません。",
    "行が足りないときは、表の最後の行をコピーして下に挿入してください。見出しの名称は変えないでください（列の順番の入れ替えや列の追加はできます）。",
    "前年度の内容が記入済みのときは、今年度の実績値などの空欄を埋め、変更があったところを直してください。",
  ]

  private func writeInstructions(_ sheet: Worksheet) throws {
    let width = 110.0
    try sheet.setColumnWidth(5, columns: 0...0)
    try sheet.setColumnWidth(width, columns: 1...1)
    try sheet.write(
      "記入方法", at: CellReference(row: 0, column: 0), format: ReportStyle.text(size: 14, bold: true))
    try sheet.setRowHeight(26, row: 0)
    for (offset, line) in Self.instructions.enumerated() {
      let row = 2 + offset
      try sheet.write(
        .integer(offset + 1), at: CellReference(row: row, column: 0),
        format: ReportStyle.text(horizontal: .right, vertical: .top))
      try sheet.write(
        line, at: CellReference(row: row, column: 1),
        format: ReportStyle.text(vertical: .top, wrap: true))
      try sheet.setRowHeight(TextMetrics.height(line, columnWidth: width), row: row)
    }
    try ReportStyle.setUpPrinting(sheet, municipality: nil, scale: 100)
  }
}
