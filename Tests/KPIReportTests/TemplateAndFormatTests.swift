import Foundation
import KPIModel
import TestSupport
import Testing

@testable import KPIReport

@Suite("The departmental template", .enabled(if: OpenPyXL.isAvailable, OpenPyXL.skipReason))
struct TemplateWriterTests {
  @Test("記入方法 and four data sheets: headers, example rows, drop-downs, print setup, fonts")
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
      fonts = set()
      for ws in wb:
          for row in ws.iter_rows():
              for c in row:
                  if c.value is not None or c.border.left.style:
                      fonts.add(c.font.name)
                      if c.font.sz < 8: put("small", c.coordinate)
      put("fonts", sorted(fonts))
      for name in ["事業", "年度別", "KPI", "評価"]:
          ws = wb[name]
          top = next(r for r in range(1, 30) if ws.cell(r, 1).value in ("番号", "事業名"))
          put(name + ".header", [c.value for c in ws[top]])
          example = ws[top + 1]
          put(name + ".example", (str(example[0].value or example[1].value)[:6],
              example[1].fill.fgColor.rgb, ws.cell(top + 2, 2).value))
          put(name + ".validations", sorted((dv.type, str(dv.errorStyle), dv.promptTitle)
              for dv in ws.data_validations.dataValidation))
          put(name + ".print", (ws.page_setup.orientation, ws.page_setup.paperSize,
              ws.print_title_rows, ws.freeze_panes, (ws.page_setup.scale or 100) >= 80))
      """, path)
    #expect(facts["sheets"] == "['記入方法', '事業', '年度別', 'KPI', '評価']")
    #expect(facts["marker"] == "[('kpisheet', '\(ReportMarker.templateVersion)')]")
    #expect(facts["instructions"] == "\(TemplateWriter.instructions.count + 2)")
    #expect(facts["fonts"] == "['游ゴシック']")
    #expect(facts["small"] == nil)
    #expect(
      facts["事業.header"]
        == "['番号', '事業名', '区分', '開始年度', '終了年度', '交付金の種類', '担当部局課名', '事業概要', '連携団体']")
    #expect(facts["年度別.header"] == "['事業名', '年度', '実施内容', '実績額\\n（事業費）', '単位']")
    #expect(
      facts["KPI.header"]
        == "['事業名', 'KPI', '単位', '指標の方向', '年度', '目標値', '実績値', '目標年月', '基準値\\n（事業開始前）']")
    #expect(
      facts["評価.header"]
        == "['事業名', '評価年度', '事業効果', '事業の評価', '外部有識者からの意見', '今後の方針', '今後の方針の理由']")
    for sheet in ["事業", "年度別", "KPI", "評価"] {
      // One grey example row under the header, marked, and nothing under it.
      #expect(facts["\(sheet).example"]?.hasPrefix("('【記入例】") == true, "\(sheet)")
      #expect(facts["\(sheet).example"]?.hasSuffix("'FFE7E6E6', None)") == true, "\(sheet)")
      #expect(facts["\(sheet).print"]?.hasPrefix("('landscape', 9, '$") == true, "\(sheet)")
      #expect(facts["\(sheet).print"]?.hasSuffix("True)") == true, "\(sheet)")
    }
    #expect(
      facts["事業.validations"]
        == "[('list', 'None', '区分'), ('list', 'None', '終了年度'), ('list', 'None', '開始年度')]")
    #expect(
      facts["KPI.validations"]
        == "[('decimal', 'None', '基準値（事業開始前）'), ('decimal', 'None', '実績値'), "
        + "('decimal', 'None', '目標値'), ('list', 'None', '年度'), ('list', 'None', '指標の方向'), "
        + "('list', 'warning', '単位')]")
    #expect(
      facts["評価.validations"]
        == "[('list', 'None', '評価年度'), ('list', 'warning', '事業効果'), ('list', 'warning', '今後の方針')]")
    #expect(TemplateWriter.years.first == "令和2年度")
    #expect(TemplateWriter.years.last == "令和12年度")
  }

  @Test("Records laid out as rows: every period year, known values, the next evaluation year")
  func prefilledContent() {
    let document = RecordsDocument(projects: [
      Project(
        no: 3, name: "観光振興事業", scope: .wideArea, period: FiscalPeriod(start: 2022, end: 2024),
        years: [ProjectYear(fiscalYear: 2022, activities: ["アプリ開発", "PR"])],
        kpis: [
          KPI(
            name: "空き家数", unit: "戸", direction: .decrease, baseline: 500,
            values: [KPIValue(fiscalYear: 2023, target: 400, actual: 380, due: "R6.3")])
        ])
    ])
    let content = TemplateContent(document)
    #expect(TemplateContent.evaluationYear(of: document) == 2024)
    #expect(
      content.projects.first?.prefix(5) == [
        .number(3), .text("観光振興事業"), .text("広域"), .text("令和4年度"), .text("令和6年度"),
      ])
    #expect(content.years.map { $0[1] } == [.text("令和4年度"), .text("令和5年度"), .text("令和6年度")])
    #expect(content.years.first?[2] == .text("・アプリ開発\n・PR"))
    #expect(
      content.kpis == [
        [
          .text("観光振興事業"), .text("空き家数"), .text("戸"), .text("減少"), .text("令和4年度"), .blank, .blank,
          .blank, .number(500),
        ],
        [
          .text("観光振興事業"), .text("空き家数"), .text("戸"), .text("減少"), .text("令和5年度"), .number(400),
          .number(380), .text("R6.3"), .blank,
        ],
        [
          .text("観光振興事業"), .text("空き家数"), .text("戸"), .text("減少"), .text("令和6年度"), .blank, .blank,
          .blank, .blank,
        ],
      ])
    #expect(
      content.evaluations == [
        [.text("観光振興事業"), .text("令和6年度"), .blank, .blank, .blank, .blank, .blank]
      ])
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
