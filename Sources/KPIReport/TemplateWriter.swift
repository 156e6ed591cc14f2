import CellAddress
import Foundation
import KPIModel
import XLSXWriter

/// Writes the blank departmental sheet a department fills in and `extract` reads back with
/// the flat-list reader (layout C): sheet 「記入方法」 with the instructions, one per row, and
/// sheet 「KPI」 with a title row, the header row 事業名 | KPI | 単位 | 年度 | 目標値 | 実績値 |
/// 目標年月 (row 3) and bordered empty rows with drop-downs and number checks.
public struct TemplateWriter: Sendable {
  public init() {}

  /// The sheet names, in order.
  public static let sheetNames = ["記入方法", "KPI"]
  /// The KPI sheet's header, in column order from A.
  public static let headers = ["事業名", "KPI", "単位", "年度", "目標値", "実績値", "目標年月"]
  /// The header's row on the KPI sheet, zero-based (row 3).
  public static let headerRow = 2
  /// How many empty rows the KPI sheet offers.
  public static let dataRows = 200
  /// Units offered in the 単位 drop-down (others may still be typed).
  public static let units = [
    "人", "件", "個", "円", "千円", "万円", "%", "世帯", "事業体", "回", "社", "店舗", "団体", "人泊", "箇所",
    "倍",
  ]
  /// The fiscal years offered in the 年度 drop-down: 令和2年度 … 令和12年度.
  public static let years = (2020...2030).map { Era.label(fiscalYear: $0) }

  public func write(to path: String, created: Date? = nil) throws {
    let workbook = try XLSXDocument(
      temporaryIn: ReportWriter.folder(of: path),
      options: XLSXDocumentOptions(created: ReportWriter.seconds(created)))
    workbook.properties = DocumentProperties(
      title: "KPI実績入力シート", subject: "重要業績評価指標（KPI）の目標値・実績値の記入",
      category: "kpisheet テンプレート", keywords: "KPI,効果検証")
    try workbook.setCustomProperty(
      ReportMarker.propertyName, .string(ReportMarker.templateVersion))
    try writeInstructions(workbook.addWorksheet(named: Self.sheetNames[0]))
    try writeKPISheet(workbook.addWorksheet(named: Self.sheetNames[1]))
    try workbook.save(to: path)
  }

  static let instructions = [
    "「KPI」シートに、事業・KPI・年度の組み合わせごとに1行ずつ記入してください。",
    "事業名：交付対象事業の名称を記入します。同じ事業の2行目以降は空欄でも構いません（空欄は上の行と同じ事業とみなします）。",
    "KPI：重要業績評価指標（KPI）の名称を記入します。同じKPIは年度ごとに同じ名称で記入してください。",
    "単位：一覧から選んでください。一覧にない単位（例：倍、者）はそのまま入力できます。",
    "年度：令和N年度を一覧から選んでください（年度は4月から翌年3月まで）。",
    "目標値・実績値：数値だけを入力してください（単位や「約」「以上」は付けません）。割合は5.4%なら「5.4」と入力し、単位に「%」を選びます。",
    "減少を表す値は「-339」のようにマイナスで入力します。該当しない・未確定の値は空欄のままにしてください（「-」は入力しません）。",
    "目標年月：目標を達成する年月があれば「R5.3」のように記入します（任意）。",
    "行が足りないときは、表の最後の行をコピーして下に貼り付けてください。見出しの行と列の順番は変えないでください。",
    "記入したファイルは、担当課から取りまとめ課へ提出してください。kpisheet で国の様式の報告書に変換します。",
  ]

  private func writeInstructions(_ sheet: Worksheet) throws {
    try sheet.setColumnWidth(4, columns: 0...0)
    try sheet.setColumnWidth(96, columns: 1...1)
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
      try sheet.setRowHeight(TextMetrics.height(line, columnWidth: 96), row: row)
    }
    try ReportStyle.setUpPrinting(sheet, municipality: nil)
  }

  private func writeKPISheet(_ sheet: Worksheet) throws {
    let widths: [Double] = [36, 36, 9, 13, 14, 14, 11]
    for (column, width) in widths.enumerated() {
      try sheet.setColumnWidth(width, columns: column...column)
    }
    try sheet.write(
      "KPI実績入力シート", at: CellReference(row: 0, column: 0),
      format: ReportStyle.text(size: 14, bold: true))
    try sheet.setRowHeight(26, row: 0)
    try sheet.write(
      "記入のしかたは「記入方法」シートをご覧ください。", at: CellReference(row: 1, column: 0),
      format: ReportStyle.text())
    let top = Self.headerRow
    for (column, header) in Self.headers.enumerated() {
      try sheet.write(
        header, at: CellReference(row: top, column: column), format: ReportStyle.header)
    }
    try sheet.setRowHeight(22, row: top)
    let first = top + 1
    let last = top + Self.dataRows
    let columnFormats: [FormatSpec] = [
      ReportStyle.text(border: true, wrap: true), ReportStyle.text(border: true, wrap: true),
      ReportStyle.text(border: true, horizontal: .center),
      ReportStyle.text(border: true, horizontal: .center),
      ReportStyle.text(border: true, horizontal: .right),
      ReportStyle.text(border: true, horizontal: .right),
      ReportStyle.text(border: true, horizontal: .center),
    ]
    for row in first...last {
      for (column, format) in columnFormats.enumerated() {
        try sheet.writeBlank(at: CellReference(row: row, column: column), format: format)
      }
    }
    func range(_ column: Int) -> CellRange {
      CellRange(firstRow: first, firstColumn: column, lastRow: last, lastColumn: column)
    }
    try sheet.validationList(
      range: range(2), values: Self.units,
      messages: ValidationMessages(
        inputTitle: "単位", inputMessage: "一覧から選んでください。一覧にない単位も入力できます。",
        errorTitle: "一覧にない単位", errorMessage: "一覧にない単位です。このまま入力しますか？",
        errorStyle: .warning))
    try sheet.validationList(
      range: range(3), values: Self.years,
      messages: ValidationMessages(
        inputTitle: "年度", inputMessage: "令和N年度を一覧から選んでください。",
        errorTitle: "年度", errorMessage: "一覧から令和N年度を選んでください。", errorStyle: .stop))
    for (column, title) in [(4, "目標値"), (5, "実績値")] {
      try sheet.validateNumbers(
        range: range(column), kind: .decimal,
        criterion: .between(-999_999_999_999_999, 999_999_999_999_999),
        messages: ValidationMessages(
          inputTitle: title,
          inputMessage: "数値だけを入力してください（単位は「単位」列で選びます）。該当しない値は空欄のままにします。",
          errorTitle: "数値ではありません",
          errorMessage: "\(title)には数値だけを入力してください。単位や「約」「以上」、「-」は入力できません。",
          errorStyle: .stop))
    }
    try sheet.freezePanes(row: first, column: 0)
    try ReportStyle.setUpPrinting(sheet, municipality: nil)
    // The empty rows print too, as a form to fill in by hand.
    try sheet.setPrintArea(
      CellRange(firstRow: 0, firstColumn: 0, lastRow: last, lastColumn: Self.headers.count - 1))
    try sheet.repeatRows(top...top)
    try sheet.activate()
  }
}
