import CellAddress
import KPIModel
import XLSXWriter

/// One column of a template sheet: its header, width, look and what it accepts.
struct TemplateColumn: Sendable {
  enum Look: Sendable { case text, centred, number }
  enum Check: Sendable {
    case none
    /// A drop-down; `strict` refuses other text, else Excel only warns.
    case list([String], strict: Bool)
    case number
  }

  var header: String
  var width: Double
  var look: Look
  var check: Check = .none
  /// The input message Excel shows on the column's cells.
  var prompt: String = ""
}

/// One data sheet of the template: its columns, the example row and the records' rows.
struct TemplateSheet: Sendable {
  var name: String
  var title: String
  var columns: [TemplateColumn]
  var example: [TemplateValue]
  var rows: [[TemplateValue]]
  /// Empty bordered rows offered below the records' rows.
  var blankRows: Int
  /// Whether the municipality block sits above the table.
  var hasMunicipality = false
  /// The lines of room a row with text offers at least (the evaluation's texts are written
  /// into the prefilled rows).
  var linesToWrite = 1
}

/// The template's four data sheets, their columns in `TemplateFormat`'s order.
struct TemplateSheets {
  let sheets: [TemplateSheet]

  init(content: TemplateContent) {
    let yearsOffered = Self.yearChoices(content)
    let year = TemplateColumn.Check.list(yearsOffered, strict: true)
    let yearPrompt = "令和N年度を一覧から選んでください。"
    let number = "数値だけを入力してください。該当しない値は空欄のままにします。"
    typealias P = TemplateFormat.ProjectColumn
    typealias Y = TemplateFormat.YearColumn
    typealias K = TemplateFormat.KPIColumn
    typealias E = TemplateFormat.EvaluationColumn
    let project: [TemplateColumn] = [
      TemplateColumn(header: P.no.rawValue, width: 5, look: .centred),
      TemplateColumn(header: P.name.rawValue, width: 28, look: .text),
      TemplateColumn(
        header: P.scope.rawValue, width: 7, look: .centred,
        check: .list([Scope.single.reportLabel, Scope.wideArea.reportLabel], strict: true),
        prompt: "単独で実施する事業は「単独」、他の自治体と連携する事業は「広域」を選びます。"),
      TemplateColumn(
        header: P.start.rawValue, width: 11, look: .centred, check: year, prompt: yearPrompt),
      TemplateColumn(
        header: P.end.rawValue, width: 11, look: .centred, check: year, prompt: yearPrompt),
      TemplateColumn(header: P.grantType.rawValue, width: 20, look: .text),
      TemplateColumn(header: P.department.rawValue, width: 14, look: .text),
      TemplateColumn(header: P.overview.rawValue, width: 40, look: .text),
      TemplateColumn(
        header: P.partners.rawValue, width: 14, look: .text,
        prompt: "広域の場合、連携する団体名を「、」で区切って記入します。"),
    ]
    let years: [TemplateColumn] = [
      TemplateColumn(header: Y.name.rawValue, width: 28, look: .text),
      TemplateColumn(
        header: Y.fiscalYear.rawValue, width: 11, look: .centred, check: year, prompt: yearPrompt),
      TemplateColumn(
        header: Y.activities.rawValue, width: 56, look: .text,
        prompt: "その年度に実施したことを、1行に1項目ずつ「・」で始めて記入します（セル内の改行は Alt+Enter）。"),
      TemplateColumn(
        header: Y.cost.rawValue, width: 13, look: .number, check: .number, prompt: number),
      TemplateColumn(
        header: Y.costUnit.rawValue, width: 7, look: .centred,
        check: .list(TemplateWriter.moneyUnits, strict: false), prompt: "実績額の単位です。"),
    ]
    let kpis: [TemplateColumn] = [
      TemplateColumn(header: K.name.rawValue, width: 28, look: .text),
      TemplateColumn(header: K.kpi.rawValue, width: 28, look: .text),
      TemplateColumn(
        header: K.unit.rawValue, width: 8, look: .centred,
        check: .list(TemplateWriter.units, strict: false),
        prompt: "一覧から選んでください。一覧にない単位も入力できます。"),
      TemplateColumn(
        header: K.direction.rawValue, width: 9, look: .centred,
        check: .list(Direction.allCases.map(\.japaneseLabel), strict: true),
        prompt: "大きいほど良い指標は「増加」、小さいほど良い指標は「減少」です。"),
      TemplateColumn(
        header: K.fiscalYear.rawValue, width: 11, look: .centred, check: year, prompt: yearPrompt),
      TemplateColumn(
        header: K.target.rawValue, width: 12, look: .number, check: .number, prompt: number),
      TemplateColumn(
        header: K.actual.rawValue, width: 12, look: .number, check: .number, prompt: number),
      TemplateColumn(
        header: K.due.rawValue, width: 9, look: .centred,
        prompt: "目標を達成する年月を「R6.3」のように記入します（任意）。"),
      TemplateColumn(
        header: K.baseline.rawValue, width: 15, look: .number, check: .number,
        prompt: "事業開始前の値を、KPIの最初の行にだけ記入します（任意）。"),
    ]
    let evaluations: [TemplateColumn] = [
      TemplateColumn(header: E.name.rawValue, width: 26, look: .text),
      TemplateColumn(
        header: E.fiscalYear.rawValue, width: 11, look: .centred, check: year,
        prompt: "評価する年度です。"),
      TemplateColumn(
        header: E.effect.rawValue, width: 26, look: .text,
        check: .list(Effect.allCases.map(\.nationalWording), strict: false),
        prompt: "国の様式の区分から選んでください。"),
      TemplateColumn(header: E.assessment.rawValue, width: 16, look: .text),
      TemplateColumn(header: E.expertOpinion.rawValue, width: 34, look: .text),
      TemplateColumn(
        header: E.policy.rawValue, width: 20, look: .text,
        check: .list(Policy.allCases.map(\.nationalWording), strict: false),
        prompt: "国の様式の区分から選んでください。"),
      TemplateColumn(header: E.policyReason.rawValue, width: 34, look: .text),
    ]
    let prefilled = !content.projects.isEmpty
    sheets = [
      TemplateSheet(
        name: TemplateFormat.projectSheet, title: "事業の一覧", columns: project,
        example: TemplateContent.exampleProject, rows: content.projects,
        blankRows: prefilled ? 10 : 30, hasMunicipality: true),
      TemplateSheet(
        name: TemplateFormat.yearSheet, title: "年度別の実施内容・実績額", columns: years,
        example: TemplateContent.exampleYear, rows: content.years, blankRows: prefilled ? 20 : 60),
      TemplateSheet(
        name: TemplateFormat.kpiSheet, title: "KPI実績入力シート", columns: kpis,
        example: TemplateContent.exampleKPI, rows: content.kpis, blankRows: prefilled ? 30 : 200),
      TemplateSheet(
        name: TemplateFormat.evaluationSheet, title: "事業の評価（効果検証）", columns: evaluations,
        example: TemplateContent.exampleEvaluation, rows: content.evaluations,
        blankRows: prefilled ? 10 : 30, linesToWrite: 4),
    ]
  }

  /// The years the drop-downs offer: 令和2年度 … 令和12年度, widened to every year the
  /// prefilled rows name.
  static func yearChoices(_ content: TemplateContent) -> [String] {
    let labels = (content.projects + content.years + content.kpis + content.evaluations)
      .flatMap { $0 }.compactMap { value -> Int? in
        guard case .text(let text) = value, case .absolute(let year)? = FiscalYearLabel.parse(text)
        else { return nil }
        return year
      }
    let low = min(
      labels.min() ?? TemplateWriter.yearRange.lowerBound, TemplateWriter.yearRange.lowerBound)
    let high = max(
      labels.max() ?? TemplateWriter.yearRange.upperBound, TemplateWriter.yearRange.upperBound)
    return TemplateWriter.yearLabels(low...high)
  }
}

/// Writes one `TemplateSheet`: title, note, municipality block, header, example row, rows,
/// drop-downs and number checks, print setup.
struct TemplateSheetWriter {
  let sheet: TemplateSheet
  let municipality: Municipality?
  let grant: String?

  static let exampleFill = RGBColor(rgb: 0xE7_E6_E6)
  static let exampleFont = RGBColor(rgb: 0x59_59_59)
  /// The printable width of an A4 landscape page between the margins, in pixels at 96 dpi,
  /// less what LibreOffice's wider rendering of the same widths takes.
  static let printableWidth = 980.0

  var headerRow: Int { sheet.hasMunicipality ? 7 : 3 }

  func write(_ worksheet: Worksheet) throws {
    for (index, column) in sheet.columns.enumerated() {
      try worksheet.setColumnWidth(column.width, columns: index...index)
    }
    try worksheet.write(
      sheet.title, at: CellReference(row: 0, column: 0),
      format: ReportStyle.text(size: 14, bold: true))
    try worksheet.setRowHeight(26, row: 0)
    try worksheet.write(
      "記入のしかたは「記入方法」シートをご覧ください。灰色の【記入例】の行は読み込まれません。",
      at: CellReference(row: 1, column: 0), format: ReportStyle.text())
    if sheet.hasMunicipality { try writeMunicipality(worksheet) }
    let top = headerRow
    var headerHeight = TextMetrics.rowHeight
    for (index, column) in sheet.columns.enumerated() {
      // A note in brackets goes on its own line; readers match the first line.
      let header = column.header.replacingOccurrences(of: "（", with: "\n（")
      try worksheet.write(
        header, at: CellReference(row: top, column: index), format: ReportStyle.header)
      headerHeight = max(headerHeight, TextMetrics.height(header, columnWidth: column.width - 1))
    }
    try worksheet.setRowHeight(headerHeight, row: top)
    try writeRow(sheet.example, at: top + 1, to: worksheet, example: true)
    for (offset, row) in sheet.rows.enumerated() {
      try writeRow(row, at: top + 2 + offset, to: worksheet, example: false)
    }
    let last = top + 1 + sheet.rows.count + sheet.blankRows
    let blank = Array(repeating: TemplateValue.blank, count: sheet.columns.count)
    // Rows without text keep Excel's automatic height, so that they grow as text is typed.
    for row in (top + 2 + sheet.rows.count)...last {
      try writeRow(blank, at: row, to: worksheet, example: false, setsHeight: false)
    }
    try addChecks(to: worksheet, rows: (top + 1)...last)
    try worksheet.freezePanes(row: top + 1, column: 0)
    try ReportStyle.setUpPrinting(worksheet, municipality: municipality?.name, scale: scale)
    // The empty rows print too, as a form to fill in by hand.
    try worksheet.setPrintArea(
      CellRange(firstRow: 0, firstColumn: 0, lastRow: last, lastColumn: sheet.columns.count - 1))
    try worksheet.repeatRows(top...top)
  }

  /// The print scale at which the columns fill the page's width, never above 100 %; the
  /// sheets' widths keep it high enough that 10-point text prints at 8 points or more.
  var scale: Int {
    let pixels = sheet.columns.reduce(0.0) { $0 + ($1.width * 7 + 5).rounded(.down) }
    return min(100, Int((Self.printableWidth / pixels * 100).rounded(.down)))
  }

  private func writeMunicipality(_ worksheet: Worksheet) throws {
    // The grant first: a blank code would otherwise read the label under it as its value.
    let values = [grant, municipality?.prefecture, municipality?.name, municipality?.code]
    let labels = [TemplateFormat.grantLabel] + TemplateFormat.municipalityLabels
    for (offset, label) in labels.enumerated() {
      let row = 2 + offset
      try worksheet.write(label, at: CellReference(row: row, column: 1), format: ReportStyle.label)
      let range = CellRange(firstRow: row, firstColumn: 2, lastRow: row, lastColumn: 5)
      try worksheet.merge(
        range, value: values[offset].map(CellValue.string) ?? .blank,
        format: ReportStyle.text(border: true, horizontal: .left))
      try worksheet.setRowHeight(TextMetrics.rowHeight, row: row)
    }
  }

  private func writeRow(
    _ values: [TemplateValue], at row: Int, to worksheet: Worksheet, example: Bool,
    setsHeight: Bool = true
  ) throws {
    var height = TextMetrics.height(lines: sheet.linesToWrite)
    for (index, column) in sheet.columns.enumerated() {
      let value = index < values.count ? values[index] : .blank
      let format = Self.format(column.look, example: example)
      let reference = CellReference(row: row, column: index)
      switch value {
      case .text(let text):
        try worksheet.write(text, at: reference, format: format)
        height = max(height, TextMetrics.height(text, columnWidth: column.width))
      case .number(let number):
        try worksheet.write(number, at: reference, format: format)
      case .blank:
        try worksheet.writeBlank(at: reference, format: format)
      }
    }
    if setsHeight { try worksheet.setRowHeight(height, row: row) }
  }

  static func format(_ look: TemplateColumn.Look, example: Bool) -> FormatSpec {
    let horizontal: HorizontalAlignment =
      switch look {
      case .text: .left
      case .centred: .center
      case .number: .right
      }
    return FormatSpec(
      fontName: ReportStyle.fontName, fontSize: ReportStyle.fontSize,
      fontColor: example ? exampleFont : nil, fillColor: example ? exampleFill : nil,
      border: .thin, horizontal: horizontal, vertical: .top, wrap: look == .text)
  }

  private func addChecks(to worksheet: Worksheet, rows: ClosedRange<Int>) throws {
    for (index, column) in sheet.columns.enumerated() {
      let range = CellRange(
        firstRow: rows.lowerBound, firstColumn: index, lastRow: rows.upperBound, lastColumn: index)
      switch column.check {
      case .none:
        continue
      case .list(let values, let strict):
        try worksheet.validationList(
          range: range, values: values,
          messages: ValidationMessages(
            inputTitle: column.header, inputMessage: column.prompt.isEmpty ? nil : column.prompt,
            errorTitle: column.header,
            errorMessage: strict
              ? "一覧から選んでください。" : "一覧にない値です。このまま入力しますか？",
            errorStyle: strict ? .stop : .warning))
      case .number:
        try worksheet.validateNumbers(
          range: range, kind: .decimal,
          criterion: .between(-999_999_999_999_999, 999_999_999_999_999),
          messages: ValidationMessages(
            inputTitle: column.header, inputMessage: column.prompt.isEmpty ? nil : column.prompt,
            errorTitle: "数値ではありません",
            errorMessage:
              "\(column.header)には数値だけを入力してください。単位や「約」「以上」、「-」は入力できません。",
            errorStyle: .stop))
      }
    }
  }
}
