import CellAddress
import Foundation
import TestSupport
import Testing

@testable import XLSXWriter

@Suite("Merges, sizes, panes, filters, tables and print setup")
struct LayoutTests {
  @Test(
    "A print-ready sheet: merges with values, widths, heights, frozen panes, A4 landscape",
    .enabled(if: OpenPyXL.isAvailable, OpenPyXL.skipReason))
  func printReadySheet() throws {
    let scratch = try Scratch()
    let output = scratch.path("layout.xlsx")
    let document = try XLSXDocument(temporaryIn: scratch.folder)
    let sheet = try document.addWorksheet(named: "効果検証")
    let border = FormatSpec(border: .thin, vertical: .center, wrap: true)
    try sheet.merge(CellRange("A1:P1")!, value: .string("事業実施結果報告（令和5年度）"), format: border)
    try sheet.merge(CellRange("A3:A5")!, value: .integer(1), format: border)
    try sheet.merge(
      CellRange("E3:E5")!, value: .number(1_250_000), format: FormatSpec(numberFormat: "#,##0"))
    try sheet.setColumnWidth(30, columns: 1...1)
    try sheet.setColumnWidth(12, columns: 2...4, format: FormatSpec(wrap: true))
    try sheet.setColumnWidth(8, columns: 20...20, hidden: true)
    try sheet.setRowHeight(30, row: 0)
    try sheet.freezePanes(row: 2, column: 1)
    try sheet.setLandscape()
    try sheet.setPaper(.a4)
    try sheet.fitToPages(wide: 1, tall: 0)
    try sheet.repeatRows(1...1)
    try sheet.setPrintArea(CellRange("A1:P40")!)
    try sheet.setHeader("&C&A")
    try sheet.setFooter("&C&P/&N")
    try sheet.setMargins(left: 0.4, right: 0.4, top: 0.6, bottom: 0.6)
    try document.save(to: output)

    let facts = try OpenPyXL.facts(
      """
      ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
      put("merged", sorted(str(r) for r in ws.merged_cells.ranges))
      put("A1", ws["A1"].value)
      put("A3", ws["A3"].value)
      put("E3", (ws["E3"].value, ws["E3"].number_format))
      put("widthB", round(ws.column_dimensions["B"].width))
      put("widthC", round(ws.column_dimensions["C"].width))
      put("hiddenU", ws.column_dimensions["U"].hidden)
      put("height1", ws.row_dimensions[1].height)
      put("freeze", ws.freeze_panes)
      put("orientation", ws.page_setup.orientation)
      put("paper", int(ws.page_setup.paperSize))
      put("fit", (ws.sheet_properties.pageSetUpPr.fitToPage, ws.page_setup.fitToWidth,
                  ws.page_setup.fitToHeight))
      put("titles", ws.print_title_rows)
      put("area", ws.print_area)
      put("header", ws.oddHeader.center.text)
      put("footer", ws.oddFooter.center.text)
      put("margins", (ws.page_margins.left, ws.page_margins.top))
      """, output)
    #expect(facts["merged"] == "['A1:P1', 'A3:A5', 'E3:E5']")
    #expect(facts["A1"] == "事業実施結果報告（令和5年度）")
    #expect(facts["A3"] == "1")
    #expect(facts["E3"] == "(1250000, '#,##0')")
    #expect(facts["widthB"] == "31")
    #expect(facts["widthC"] == "13")
    #expect(facts["hiddenU"] == "True")
    #expect(facts["height1"] == "30.0")
    #expect(facts["freeze"] == "B3")
    #expect(facts["orientation"] == "landscape")
    #expect(facts["paper"] == "9")
    // fitToWidth="1" is the schema default, so the file (and openpyxl) leave it out.
    #expect(facts["fit"] == "(True, None, 0)")
    #expect(facts["titles"] == "$2:$2")
    #expect(facts["area"] == "'効果検証'!$A$1:$P$40")
    #expect(facts["header"] == "&A")
    #expect(facts["footer"] == "&P/&N")
    #expect(facts["margins"] == "(0.4, 0.6)")
  }

  @Test(
    "An autofilter and a table with named columns reach the file",
    .enabled(if: OpenPyXL.isAvailable, OpenPyXL.skipReason))
  func filterAndTable() throws {
    let scratch = try Scratch()
    let output = scratch.path("table.xlsx")
    let document = try XLSXDocument(temporaryIn: scratch.folder)
    let data = try document.addWorksheet(named: "データ")
    for (column, header) in ["年度", "目標値", "実績値"].enumerated() {
      try data.write(header, at: CellReference(row: 0, column: column))
    }
    for row in 1...3 {
      try data.write(2020 + row, at: CellReference(row: row, column: 0))
      try data.write(Double(row) * 10, at: CellReference(row: row, column: 1))
      try data.write(Double(row) * 11, at: CellReference(row: row, column: 2))
    }
    try data.autofilter(CellRange("A1:C4")!)
    let tables = try document.addWorksheet(named: "Tables")
    try tables.addTable(
      CellRange("B2:C5")!, name: "KPI実績",
      columns: [TableColumn("指標"), TableColumn("値", format: FormatSpec(numberFormat: "0.0"))],
      style: .medium(9))
    #expect(
      writerError { try tables.addTable(CellRange("C4:D6")!) }?.kind == .invalidArgument)
    #expect(
      writerError { try tables.merge(CellRange("A5:B5")!, value: .blank) }?.kind
        == .invalidArgument)
    #expect(
      writerError { try tables.addTable(CellRange("F2:F5")!, name: "kpi実績") }?.kind
        == .invalidArgument)
    for name in ["A1", "A$1$"] {
      #expect(
        writerError { try tables.addTable(CellRange("H2:H5")!, name: name) }?.kind
          == .invalidArgument, "\(name)")
    }
    try document.save(to: output)

    let facts = try OpenPyXL.facts(
      """
      wb = openpyxl.load_workbook(sys.argv[1])
      put("filter", wb["データ"].auto_filter.ref)
      table = wb["Tables"].tables["KPI実績"]
      put("table", (table.ref, table.tableStyleInfo.name))
      put("headers", [wb["Tables"]["B2"].value, wb["Tables"]["C2"].value])
      """, output)
    #expect(facts["filter"] == "A1:C4")
    #expect(facts["table"] == "('B2:C5', 'TableStyleMedium9')")
    #expect(facts["headers"] == "['指標', '値']")
  }

  @Test("Overlapping or single-cell merges are refused before libxlsxwriter sees them")
  func mergeGuards() throws {
    let scratch = try Scratch()
    let document = try XLSXDocument(temporaryIn: scratch.folder)
    let sheet = try document.addWorksheet(named: "S")
    try sheet.merge(CellRange("B2:C3")!, value: .string("x"))
    let overlap = writerError { try sheet.merge(CellRange("C3:D4")!, value: .string("y")) }
    #expect(overlap?.kind == .invalidArgument)
    #expect(overlap?.function == "worksheet_merge_range")
    #expect(overlap?.sheet == "S")
    #expect(overlap?.cell == "C3:D4")
    #expect(
      writerError { try sheet.merge(CellRange("F1:F1")!, value: .string("z")) }?.kind
        == .invalidArgument)
  }
}
