import Foundation
import KPIModel
import TestSupport
import Testing

@testable import KPIReport

@Suite("The departmental template", .enabled(if: OpenPyXL.isAvailable, OpenPyXL.skipReason))
struct TemplateWriterTests {
  @Test("記入方法 and KPI sheets, the flat-list header, drop-downs and number checks")
  func template() throws {
    let scratch = try Scratch()
    let path = scratch.path("template.xlsx")
    try TemplateWriter().write(to: path, created: fixedCreation)
    let facts = try OpenPyXL.facts(
      """
      wb = openpyxl.load_workbook(sys.argv[1])
      put("sheets", wb.sheetnames)
      put("marker", [(p.name, p.value) for p in wb.custom_doc_props.props])
      put("instructions", wb["記入方法"].max_row)
      ws = wb["KPI"]
      put("A1", ws["A1"].value)
      put("header", [c.value for c in ws[3]])
      put("border", (ws["A4"].border.left.style, ws["G203"].border.bottom.style, ws["A204"].border.left.style))
      put("values", sum(1 for row in ws.iter_rows(min_row=4) for c in row if c.value is not None))
      put("validations", sorted((str(dv.sqref), dv.type, dv.operator, dv.formula1, dv.errorStyle,
          dv.promptTitle) for dv in ws.data_validations.dataValidation))
      put("freeze", ws.freeze_panes)
      """, path)
    #expect(facts["sheets"] == "['記入方法', 'KPI']")
    #expect(facts["marker"] == "[('kpisheet', '\(ReportMarker.templateVersion)')]")
    #expect(facts["instructions"] == "\(TemplateWriter.instructions.count + 2)")
    #expect(facts["A1"] == "KPI実績入力シート")
    #expect(facts["header"] == "['事業名', 'KPI', '単位', '年度', '目標値', '実績値', '目標年月']")
    #expect(facts["border"] == "('thin', 'thin', None)")
    #expect(facts["values"] == "0")
    let units = TemplateWriter.units.joined(separator: ",")
    let years = TemplateWriter.years.joined(separator: ",")
    #expect(
      facts["validations"]
        == "[('C4:C203', 'list', None, '\"\(units)\"', 'warning', '単位'), "
        + "('D4:D203', 'list', None, '\"\(years)\"', None, '年度'), "
        + "('E4:E203', 'decimal', None, '-999999999999999', None, '目標値'), "
        + "('F4:F203', 'decimal', None, '-999999999999999', None, '実績値')]")
    #expect(TemplateWriter.years.first == "令和2年度")
    #expect(TemplateWriter.years.last == "令和12年度")
    #expect(facts["freeze"] == "A4")
  }
}

@Suite("Number formats and labels")
struct FormatTests {
  @Test func unitsGoIntoTheNumberFormat() {
    #expect(ValueFormat.code(unit: "人", decimals: 0) == "#,##0\"人\"")
    #expect(ValueFormat.code(unit: "%", decimals: 1) == "0.0\"%\"")
    #expect(ValueFormat.code(unit: "千円", decimals: 0) == "#,##0\"千円\"")
    #expect(ValueFormat.code(unit: nil, decimals: 2) == "#,##0.00")
    #expect(ValueFormat.code(unit: "\"x\"", decimals: 0) == "#,##0\"x\"")
  }

  @Test func decimalsComeFromTheValues() {
    #expect(ValueFormat.decimals(5.4) == 1)
    #expect(ValueFormat.decimals(10) == 0)
    #expect(ValueFormat.decimals(0.1 + 0.2) == 1)
    #expect(ValueFormat.decimals([10, 5.4, nil, 9.25]) == 2)
    #expect(ValueFormat.decimals(1e-9) == 0)
    let kpi = KPI(
      name: "就職率", unit: "%",
      values: [KPIValue(fiscalYear: 2020, target: 10, actual: 5.4)])
    #expect(ValueFormat.code(for: kpi) == "0.0\"%\"")
  }

  @Test func labels() {
    #expect(ReportText.circled(1) == "①")
    #expect(ReportText.circled(20) == "⑳")
    #expect(ReportText.circled(21) == "㉑")
    #expect(ReportText.circled(50) == "㊿")
    #expect(ReportText.circled(51) == "(51)")
    let period = FiscalPeriod(start: 2020, end: 2022)
    #expect(ReportText.period(period) == "令和2年度～令和4年度")
    #expect(ReportText.yearLabel(2020, period: period) == "令和2年度（初年度）")
    #expect(ReportText.yearLabel(2022, period: period) == "令和4年度（3年目）")
    #expect(ReportText.yearLabel(2019, period: period) == "令和元年度")
    #expect(ReportText.yearLabel(2021, period: nil) == "令和3年度")
    // The labels read back as the years they stand for.
    #expect(FiscalYearLabel.parse("令和4年度（3年目）")?.resolve(periodStart: nil) == 2022)
    let heading = ProjectHeading.parse("①　小野田ガラスのブランド化推進事業（令和2年度～令和4年度）")
    #expect(heading == ProjectHeading(no: 1, name: "小野田ガラスのブランド化推進事業", period: period))
  }

  @Test func cachedRates() {
    // The formula's text is checked in the written sheets; its cached results here.
    let zeroTarget = ReportText.rateResult(
      KPIValue(fiscalYear: 2022, target: 0, actual: -16), direction: .increase)
    #expect("\(zeroTarget)" == "string(\"－\")")
    let lowerIsBetter = ReportText.rateResult(
      KPIValue(fiscalYear: 2022, target: 15, actual: 12), direction: .decrease)
    #expect("\(lowerIsBetter)" == "number(1.25)")
  }

  @Test func textNeedsRoom() {
    #expect(TextMetrics.width("事業概要") == 8)
    #expect(TextMetrics.lines("あいうえおかきくけこ", columnWidth: 11.5) == 2)
    #expect(TextMetrics.lines("・a\n・b", columnWidth: 40) == 2)
    var heights = RowHeights()
    heights.need(30, row: 1)
    heights.need(100, rows: 1...2)
    #expect(heights.resolved().map(\.height) == [56, 44])
  }
}
