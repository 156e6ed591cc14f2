import Foundation
import KPIModel
import TestSupport
import Testing

@testable import KPIReport

/// The reports written for the seed and the national-form fixture, read back with openpyxl.
@Suite("The national-format report", .enabled(if: OpenPyXL.isAvailable, OpenPyXL.skipReason))
struct ReportWriterTests {
  /// Writes `document`'s report for `year` and returns the scratch folder and the file.
  func report(_ document: RecordsDocument, year: Int, context: ReportContext? = nil) throws
    -> (Scratch, String)
  {
    let scratch = try Scratch()
    let path = scratch.path("report.xlsx")
    try ReportWriter().write(
      document, context: context ?? ReportContext(evaluationYear: year, created: fixedCreation),
      to: path)
    return (scratch, path)
  }

  @Test("Four sheets in order, the marker property and the document properties")
  func sheetsAndProperties() throws {
    let (scratch, path) = try report(seedRecords(), year: 2022)
    let facts = try OpenPyXL.facts(
      """
      wb = openpyxl.load_workbook(sys.argv[1])
      put("sheets", wb.sheetnames)
      put("marker", [(p.name, p.value) for p in wb.custom_doc_props.props])
      put("title", wb.properties.title)
      put("created", wb.properties.created.isoformat())
      for ws in wb.worksheets:
          fit = ws.sheet_properties.pageSetUpPr
          put(ws.title + ".page", (ws.page_setup.orientation, ws.page_setup.paperSize,
              fit.fitToPage if fit else None))
          put(ws.title + ".scale", ws.page_setup.scale)
          put(ws.title + ".footer", ws.oddFooter.center.text)
          fonts = {c.font.name for row in ws.iter_rows() for c in row if c.value is not None}
          put(ws.title + ".fonts", sorted(fonts))
      """, path)
    #expect(facts["sheets"] == "['効果検証', 'KPI推移', '集計', 'データ']")
    #expect(facts["marker"] == "[('kpisheet', '\(ReportMarker.reportVersion)')]")
    #expect(facts["title"] == "デジタル田園都市国家構想交付金（地方創生推進タイプ）事業実施結果報告（令和4年度）")
    #expect(facts["created"] == "2024-04-01T00:00:00")
    for sheet in ReportFormat.sheetNames {
      // A scale, not fit-to (Excel ignores manual breaks under fit-to), keeping 10-point
      // text at 8 points or more.
      #expect(facts["\(sheet).page"] == "('landscape', 9, None)", "\(sheet)")
      #expect((Int(facts["\(sheet).scale"] ?? "") ?? 0) >= 80, "\(sheet)")
      #expect(facts["\(sheet).footer"] == "&P / &N", "\(sheet)")
      #expect(facts["\(sheet).fonts"] == "['游ゴシック']", "\(sheet)")
    }
    withExtendedLifetime(scratch) {}
  }

  @Test("効果検証: header block, two header rows, merged project cells, live 達成率, rules")
  func evaluationSheet() throws {
    let (scratch, path) = try report(seedRecords(), year: 2022)
    let facts = try OpenPyXL.facts(
      """
      ws = openpyxl.load_workbook(sys.argv[1])["効果検証"]
      put("A1", ws["A1"].value)
      put("block", [(ws.cell(r, 2).value, ws.cell(r, 4).value) for r in range(3, 9)])
      put("codeType", type(ws["D5"].value).__name__)
      # Headers as one line (where they break depends on the widths: LabelLinesTests).
      def joined(v):
          return v.replace("\\n", "") if isinstance(v, str) else v
      put("header10", [joined(ws.cell(10, c).value) for c in range(1, 18)])
      put("header11", [joined(ws.cell(11, c).value) for c in range(7, 18)])
      merges = {str(m) for m in ws.merged_cells.ranges}
      for r in ["A1:Q1", "B3:C3", "D5:F5", "A10:A11", "C10:C11", "F10:F11", "G10:J10", "K10:M10",
                "N10:O10", "P10:Q10", "A12:A14", "B12:B14", "M12:M14", "A21:A21"]:
          put("merged " + r, r in merges)
      cached = openpyxl.load_workbook(sys.argv[1], data_only=True)["効果検証"]
      put("row12", [cached.cell(12, c).value for c in range(1, 12)])
      put("H12", (cached["H12"].value, type(cached["H12"].value).__name__, ws["H12"].number_format))
      put("H12formula", (ws["H12"].value, ws["K12"].value))
      put("L12", (ws["L12"].value, ws["L12"].number_format))
      put("L18", ws["L18"].value)
      put("percent", (cached["H19"].value, cached["K19"].value, ws["H19"].number_format))
      put("row21", [ws.cell(21, c).value for c in range(1, 8)])
      put("freeze", ws.freeze_panes)
      put("titles", ws.print_title_rows)
      put("validations", sorted((str(dv.sqref), dv.type, dv.formula1)
          for dv in ws.data_validations.dataValidation))
      put("conditional", [(str(r.sqref), [x.formula for x in r.rules])
          for r in ws.conditional_formatting])
      """, path)
    #expect(facts["A1"] == "デジタル田園都市国家構想交付金（地方創生推進タイプ）事業実施結果報告（令和4年度）")
    #expect(
      facts["block"]
        == "[('都道府県名', '山口県'), ('市町村名', '山陽小野田市'), ('地方公共団体コード', '352161'), "
        + "('担当部局課名', None), ('連絡先', None), ('対象年度', '令和4年度（2022年度）')]")
    #expect(facts["codeType"] == "str")
    #expect(
      facts["header10"]
        == "['No', '①交付対象事業の名称', '②交付金の種類', '事業期間', '区分', '③実績額', "
        + "'④本事業における重要業績評価指標（KPI）', None, None, None, '⑤本事業終了後における実績値', None, None, "
        + "'⑥外部有識者からの評価', None, '⑦実績値を踏まえた事業の今後について', None]")
    #expect(
      facts["header11"]
        == "['指標', '指標値（目標値）', '単位', '目標年月', '実績値', '達成率', '事業効果', '事業の評価', "
        + "'外部有識者からの意見', '今後の方針', '今後の方針の理由']")
    for range in [
      "A1:Q1", "B3:C3", "D5:F5", "A10:A11", "C10:C11", "F10:F11", "G10:J10", "K10:M10", "N10:O10",
      "P10:Q10", "A12:A14", "B12:B14", "M12:M14",
    ] {
      #expect(facts["merged \(range)"] == "True", "\(range)")
    }
    #expect(
      facts["row12"]
        == "[1, '小野田ガラスのブランド化推進事業', None, '令和2年度\\n～令和4年度', '単独', None, 'ブランド化したガラス商品数', "
        + "10, '個', None, 170]")
    #expect(facts["H12"] == "(10, 'int', '#,##0\"個\"')")
    // The values are KPI推移's, shown through formulas (report.md, one source).
    #expect(
      facts["H12formula"]
        == "('=IF(ISNUMBER(\\'KPI推移\\'!C12),\\'KPI推移\\'!C12,\"\")', "
        + "'=IF(ISNUMBER(\\'KPI推移\\'!D12),\\'KPI推移\\'!D12,\"\")')")
    #expect(
      facts["L12"]
        == "('=IF(AND(ISNUMBER(K12),ISNUMBER(H12)),IF(AND(H12>0,K12>=0),K12/H12,\"－\"),\"－\")', '0.0%')"
    )
    // ③ 社会動態数: target 0, actual -16: no rate, still a formula.
    #expect(facts["L18"]?.hasPrefix("=IF(") == true)
    // ③ 市内就職率: a % KPI is the number 10 shown as 10.0%, not 0.1.
    #expect(facts["percent"] == "(10, 5.2, '0.0\"%\"')")
    // ④ has no KPIs: one row saying so, and it is wide-area.
    #expect(
      facts["row21"]
        == "[4, 'デジタルの活用によりやまぐちの魅力あるしごとに繋ぐ産業人材定着・還流推進事業', None, '令和3年度\\n～令和5年度', '広域', None, 'KPI未設定']"
    )
    #expect(facts["freeze"] == "A12")
    #expect(facts["titles"] == "$10:$11")
    #expect(
      facts["validations"]
        == "[('M12:M22', 'list', '\"地方創生に非常に効果的であった,地方創生に相当程度効果があった,地方創生に効果があった,地方創生に効果がなかった\"'), "
        + "('P12:P22', 'list', '\"追加等更に発展させる,事業内容の見直し（改善）,事業の継続,事業の中止,予定通り事業終了\"')]")
    #expect(
      facts["conditional"] == "[('G12:L20', [['AND(ISNUMBER($H12),ISNUMBER($K12),$K12>=$H12)']])]")
    withExtendedLifetime(scratch) {}
  }

  @Test("効果検証 of the national-form fixture: evaluations, cost, due months, the year's projects")
  func evaluationsAndCost() throws {
    let document = try nationalFormRecords()
    let script = """
      ws = openpyxl.load_workbook(sys.argv[1], data_only=True)["効果検証"]
      put("project", [ws.cell(12, c).value for c in range(1, 7)])
      put("costFormat", ws["F12"].number_format)
      put("kpi", [ws.cell(12, c).value for c in range(7, 12)])
      # The national wording keeps its words, broken over lines where it reads well.
      put("evaluation", [v.replace("\\n", "") if isinstance(v, str) else v
                         for v in (ws.cell(12, c).value for c in range(13, 18))])
      put("effectLines", ws["M12"].value.split("\\n"))
      put("rows", ws.max_row)
      put("merged", "M12:M14" in {str(m) for m in ws.merged_cells.ranges})
      """
    let (scratch, path) = try report(document, year: 2022)
    let facts = try OpenPyXL.facts(script, path)
    #expect(
      facts["project"] == "[1, '地域商社設立による地場産品販路拡大事業', '地方創生推進交付金', None, None, 12345678]")
    #expect(facts["costFormat"] == "#,##0\"円\"")
    #expect(facts["kpi"] == "['地場産品の販売額', 150000, '千円', 'R5.3', 162340]")
    #expect(
      facts["evaluation"]
        == "['地方創生に相当程度効果があった', '３つのＫＰＩのうち２つで目標値を上回っており、事業は有効であった。', "
        + "'販路開拓の成果が出ている。今後は海外への販路も検討されたい。', '事業の継続', "
        + "'地域商社の自立に向けて、引き続き販路の拡大に取り組む必要があるため。']")
    #expect(facts["effectLines"] == "['地方創生に', '相当程度効果があった']")
    // The FY2018 project is not on the FY2022 form.
    #expect(facts["rows"] == "14")
    #expect(facts["merged"] == "True")

    let (scratch2018, path2018) = try report(document, year: 2018)
    let facts2018 = try OpenPyXL.facts(script, path2018)
    #expect(
      facts2018["project"] == "[2, '観光ＤＭＯによる着地型観光推進事業', '地方創生推進交付金', None, None, 8765000]")
    #expect(
      facts2018["evaluation"]?.hasPrefix("['地方創生に非常に効果的であった', '旅行商品の造成数が目標を上回り") == true)
    #expect(facts2018["rows"] == "13")
    withExtendedLifetime((scratch, scratch2018)) {}
  }

  @Test("KPI推移: sections, ①-headings, the three-row header, year rows, formulas and charts")
  func progressSheet() throws {
    let (scratch, path) = try report(seedRecords(), year: 2022)
    let facts = try OpenPyXL.facts(
      """
      ws = openpyxl.load_workbook(sys.argv[1])["KPI推移"]
      cells = {}
      for row in ws.iter_rows():
          for c in row:
              if c.value is not None:
                  cells[c.coordinate] = c
      def find(text):
          return [k for k, c in cells.items() if c.value == text]
      put("sections", (find("●単独で実施する事業"), find("●広域で実施する事業")))
      heading = find("①　小野田ガラスのブランド化推進事業（令和2年度～令和4年度）")
      put("heading", heading)
      r = ws[heading[0]].row
      put("overview", (ws.cell(r + 1, 1).value, ws.cell(r + 1, 2).value[:10]))
      put("h", [ws.cell(r + 2, c).value for c in range(1, 4)])
      put("h1", [ws.cell(r + 3, c).value for c in range(3, 12)])
      put("h2", [ws.cell(r + 4, c).value for c in range(3, 12)])
      put("years", [ws.cell(r + 5 + i, 1).value for i in range(3)])
      put("activities", ws.cell(r + 6, 2).value)
      put("values", [ws.cell(r + 6, c).value for c in range(3, 5)])
      put("types", [type(ws.cell(r + 6, c).value).__name__ for c in range(3, 5)])
      put("rate", ws.cell(r + 6, 5).value)
      put("blank", (ws.cell(r + 5, 3).value, ws.cell(r + 8, 1).value))
      merges = {str(m) for m in ws.merged_cells.ranges}
      put("merges", [m for m in ["A%d:A%d" % (r + 2, r + 4), "B%d:B%d" % (r + 2, r + 4),
          "C%d:K%d" % (r + 2, r + 2), "C%d:E%d" % (r + 3, r + 3), "F%d:H%d" % (r + 3, r + 3)]
          if m in merges])
      fourth = find("④　デジタルの活用によりやまぐちの魅力あるしごとに繋ぐ産業人材定着・還流推進事業（令和3年度～令和5年度）")
      r4 = ws[fourth[0]].row
      put("noKPIs", [ws.cell(r4 + 2, c).value for c in range(1, 4)] + [ws.cell(r4 + 3, 1).value])
      put("charts", len(ws._charts))
      put("printArea", ws.print_area)
      anchors = [(c.anchor._from.row, c.anchor._from.col) for c in ws._charts]
      ends = [(c.anchor.to.row, c.anchor.to.col) for c in ws._charts]
      put("chartCells", (max(r for r, _ in ends), max(c for _, c in ends)))
      """, path)
    #expect(facts["sections"] == "(['A3'], ['A35'])")
    #expect(facts["heading"] == "['A5']")
    #expect(facts["overview"] == "('事業概要', '本市の誇る「ガラスの')")
    #expect(facts["h"] == "['年度', '事業概要', '重要業績評価指標（KPI）']")
    #expect(
      facts["h1"]
        == "['ブランド化したガラス商品数', None, None, 'ブランド化したガラス商品の販売額', None, None, 'きららガラス未来館の来客数', None, None]"
    )
    #expect(facts["h2"] == "['目標値', '実績値', '達成率', '目標値', '実績値', '達成率', '目標値', '実績値', '達成率']")
    #expect(facts["years"] == "['令和2年度\\n（初年度）', '令和3年度\\n（2年目）', '令和4年度\\n（3年目）']")
    #expect(facts["activities"] == "・１年目の計画に沿ったブランドの構築\n・ターゲットに向けた各種プロモーションの実施・ＰＲツール制作")
    #expect(facts["values"] == "[5, 33]")
    #expect(facts["types"] == "['int', 'int']")
    #expect(
      facts["rate"]
        == "=IF(AND(ISNUMBER(D11),ISNUMBER(C11)),IF(AND(C11>0,D11>=0),D11/C11,\"－\"),\"－\")")
    #expect(facts["blank"] == "(None, None)")
    #expect(facts["merges"] == "['A7:A9', 'B7:B9', 'C7:K7', 'C8:E8', 'F8:H8']")
    #expect(facts["noKPIs"] == "['年度', '事業概要', None, '令和3年度\\n（初年度）']")
    // ①②③ have three KPIs each, all with values.
    #expect(facts["charts"] == "9")
    // The tables and a last column widening the area to the page, charts inside it.
    #expect(facts["printArea"] == "'KPI推移'!$A$1:$L$50")
    // Every chart ends inside the print area (rows 0-49, columns A-L, zero-based 0-11).
    let ends = (facts["chartCells"] ?? "").dropFirst().dropLast().split(separator: ",")
      .compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    #expect(ends.count == 2 && ends[0] < 50 && ends[1] <= 11, "\(facts["chartCells"] ?? "")")
    withExtendedLifetime(scratch) {}
  }

  @Test("集計 and データ: the figures, the flat table, numbers as numbers, no merges")
  func summaryAndData() throws {
    let document = try seedRecords()
    let (scratch, path) = try report(document, year: 2022)
    let facts = try OpenPyXL.facts(
      """
      wb = openpyxl.load_workbook(sys.argv[1])
      ws = wb["集計"]
      put("summaryHeader", [ws.cell(3, c).value for c in range(1, 11)])
      put("2021", [ws.cell(5, c).value for c in range(1, 11)])
      values = openpyxl.load_workbook(sys.argv[1], data_only=True)
      cached = values["集計"]
      put("2021cached", [cached.cell(5, c).value for c in range(2, 11)])
      put("years", [ws.cell(r, 1).value for r in range(4, 8)])
      put("named", [ws.cell(r, 1).value for r in range(9, 12)])
      ws = wb["データ"]
      put("header", [c.value for c in ws[1]])
      put("rows", ws.max_row - 1)
      put("merges", len(ws.merged_cells.ranges))
      put("formulaColumns", sorted({c.column_letter for row in ws.iter_rows() for c in row
          if isinstance(c.value, str) and c.value.startswith("=")}))
      put("row3", [c.value for c in values["データ"][3]])
      put("formats", (ws["P3"].number_format, ws["R3"].number_format))
      put("last", [c.value for c in ws[ws.max_row]][:10])
      put("filter", ws.auto_filter.ref)
      put("freeze", ws.freeze_panes)
      """, path)
    #expect(
      facts["summaryHeader"]
        == "['年度', '事業数\\n（交付対象事業）', 'KPI数', '目標値・実績値の\\nあるKPI数', '達成したKPI数', 'KPI達成率', "
        + "'目標値・実績値のある\\nKPIを持つ事業数', 'KPIを1つ以上\\n達成した事業数', '事業の達成割合\\n（全事業）', "
        + "'事業の達成割合\\n（値のある事業）']")
    // Counts over データ's helper columns, shares over the counts: all live formulas.
    let rows = DataRow.rows(for: document).count + 1
    func count(_ column: String) -> String {
      "\"=COUNTIFS('データ'!$M$2:$M$\(rows),2021,'データ'!$\(column)$2:$\(column)$\(rows),1)\""
    }
    #expect(
      facts["2021"]
        == "['令和3年度（2021年度）', "
        + "'=SUMPRODUCT(ISNUMBER(FIND(\",2021,\",\\'データ\\'!$W$2:$W$\(rows)))*1)', "
        + "\(count("X")), \(count("Y")), \(count("Z")), '=IF(D5=0,\"－\",E5/D5)', "
        + "\(count("AA")), \(count("AB")), '=IF(B5=0,\"－\",H5/B5)', '=IF(G5=0,\"－\",H5/G5)']")
    #expect(facts["2021cached"] == "[5, 8, 8, 2, 0.25, 3, 2, 0.4, 0.666666666666667]")
    #expect(
      facts["years"] == "['令和2年度（2020年度）', '令和3年度（2021年度）', '令和4年度（2022年度）', '令和5年度（2023年度）']")
    // The projects without KPIs are named under the table, year by year.
    #expect(facts["named"]?.contains("令和3年度（2021年度） KPI未設定の事業（2件）：デジタルの活用") == true)
    #expect(
      facts["header"]
        == "\(DataRow.headers + SummaryColumns.headers)".replacingOccurrences(of: "\"", with: "'"))
    #expect(facts["rows"] == "\(DataRow.rows(for: document).count)")
    #expect(facts["merges"] == "0")
    // 目標値 | 実績値 | 達成率 | 達成, and the helper columns but the first (text).
    #expect(
      facts["formulaColumns"] == "['AA', 'AB', 'P', 'Q', 'R', 'S', 'X', 'Y', 'Z']")
    #expect(
      facts["row3"]
        == "['352161', '山口県', '山陽小野田市', 1, '小野田ガラスのブランド化推進事業', '単独', 2020, 2022, 1, "
        + "'ブランド化したガラス商品数', '個', '増加', 2021, '令和3年度', 2, 5, 33, 6.6, '達成', None, None, None, "
        + "None, 1, 1, 1, 1, 1]")
    #expect(facts["formats"] == "('#,##0', '0.0%')")
    #expect(
      facts["last"]
        == "['352161', '山口県', '山陽小野田市', 5, '「山口ゆめ回廊」観光を基軸とした交流価値共創プロジェクト', '広域', 2021, 2023, None, None]"
    )
    #expect(facts["filter"] == "A1:AB30")
    #expect(facts["freeze"] == "A2")
    withExtendedLifetime(scratch) {}
  }

  @Test("The context's facts come first; the records' fill the gaps")
  func contextFacts() throws {
    var document = try seedRecords()
    document.grant = "地方創生推進交付金"
    let context = ReportContext(
      municipality: Municipality(name: "テスト市"), department: "企画課", contact: "0836-00-0000",
      evaluationYear: 2021, created: fixedCreation)
    let (scratch, path) = try report(document, year: 2021, context: context)
    let facts = try OpenPyXL.facts(
      """
      wb = openpyxl.load_workbook(sys.argv[1])
      ws = wb["効果検証"]
      put("A1", ws["A1"].value)
      put("block", [ws.cell(r, 4).value for r in range(3, 9)])
      data = wb["データ"]
      put("data", sorted({tuple(c.value for c in row[:3]) for row in data.iter_rows(min_row=2)}))
      """, path)
    #expect(facts["A1"] == "地方創生推進交付金事業実施結果報告（令和3年度）")
    // データ carries the facts however they were given: here the name from the context.
    #expect(facts["data"] == "[('352161', '山口県', 'テスト市')]")
    #expect(facts["block"] == "['山口県', 'テスト市', '352161', '企画課', '0836-00-0000', '令和3年度（2021年度）']")
    withExtendedLifetime(scratch) {}
  }
}

/// What holds without an outside reader: same bytes, no file after a failure.
@Suite("Writing the report safely")
struct ReportFileTests {
  @Test("The same records and creation time give the same bytes")
  func deterministic() throws {
    let scratch = try Scratch()
    let document = try seedRecords()
    let context = ReportContext(evaluationYear: 2022, created: fixedCreation)
    try ReportWriter().write(document, context: context, to: scratch.path("a.xlsx"))
    try ReportWriter().write(document, context: context, to: scratch.path("b.xlsx"))
    let first = try Data(contentsOf: URL(fileURLWithPath: scratch.path("a.xlsx")))
    let second = try Data(contentsOf: URL(fileURLWithPath: scratch.path("b.xlsx")))
    #expect(first == second)
    #expect(first.count > 10_000)
    try TemplateWriter().write(to: scratch.path("t1.xlsx"), created: fixedCreation)
    try TemplateWriter().write(to: scratch.path("t2.xlsx"), created: fixedCreation)
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: scratch.path("t1.xlsx")))
        == Data(contentsOf: URL(fileURLWithPath: scratch.path("t2.xlsx"))))
  }

  @Test("A write that fails leaves no file, not even a temporary one")
  func failedWriteLeavesNothing() throws {
    let scratch = try Scratch()
    let document = try seedRecords()
    let context = ReportContext(evaluationYear: 2022, created: fixedCreation)
    #expect(throws: (any Error).self) {
      try ReportWriter().write(document, context: context, to: scratch.path("missing/report.xlsx"))
    }
    #expect(scratch.contents.isEmpty)
    // The output is a folder: everything is written, then the rename fails.
    try FileManager.default.createDirectory(
      atPath: scratch.path("taken.xlsx/inside"), withIntermediateDirectories: true)
    #expect(throws: (any Error).self) {
      try ReportWriter().write(document, context: context, to: scratch.path("taken.xlsx"))
    }
    #expect(scratch.contents == ["taken.xlsx"])
    #expect(throws: (any Error).self) {
      try TemplateWriter().write(to: scratch.path("taken.xlsx"), created: fixedCreation)
    }
    #expect(scratch.contents == ["taken.xlsx"])
  }

  @Test("Every sample records file gives a report, whatever it lacks")
  func everySample() throws {
    let scratch = try Scratch()
    for path in [
      "samples/dept-flat.expected.json", "samples/dept-wide.expected.json",
      "Tests/KPIImportTests/Fixtures/b-national-form.expected.json",
    ] {
      let document = try records(path)
      let year = try #require(ReportYear.evaluationYear(of: document))
      try ReportWriter().write(
        document, context: ReportContext(evaluationYear: year), to: scratch.path("r.xlsx"))
    }
    // Nothing at all: no projects, no municipality.
    try ReportWriter().write(
      RecordsDocument(), context: ReportContext(evaluationYear: 2024), to: scratch.path("e.xlsx"))
    #expect(scratch.contents == ["e.xlsx", "r.xlsx"])
  }
}
