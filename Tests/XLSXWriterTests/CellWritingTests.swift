import CellAddress
import Foundation
import TestSupport
import Testing

@testable import XLSXWriter

@Suite("Cells, formats and sheets, read back with openpyxl")
struct CellWritingTests {
  @Test(
    "Every value type is stored with its type, number format and cached formula result",
    .enabled(if: OpenPyXL.isAvailable, OpenPyXL.skipReason))
  func valueTypes() throws {
    let scratch = try Scratch()
    let output = scratch.path("values.xlsx")
    let document = try XLSXDocument(temporaryIn: scratch.folder)
    let sheet = try document.addWorksheet(named: "効果検証")
    let percent = FormatSpec(numberFormat: "0.0\"%\"")
    try sheet.write("市町村名", at: CellReference(row: 0, column: 0))
    try sheet.write(5.4, at: CellReference(row: 0, column: 1), format: percent)
    try sheet.write(1_234_567, at: CellReference(row: 0, column: 2))
    try sheet.write(true, at: CellReference(row: 0, column: 3))
    try sheet.write(
      LocalDateTime(year: 2024, month: 3, day: 31), at: CellReference(row: 0, column: 4))
    try sheet.write(
      LocalDateTime(year: 2023, month: 4, day: 1, hour: 9, minute: 30),
      at: CellReference(row: 0, column: 5))
    try sheet.writeBlank(at: CellReference(row: 0, column: 6), format: FormatSpec(border: .thin))
    try sheet.writeFormula(
      "=IFERROR(B1/C1,\"－\")", at: CellReference(row: 1, column: 0), result: .number(0.5),
      format: FormatSpec(numberFormat: "0%"))
    try sheet.writeFormula(
      "A1&\"市\"", at: CellReference(row: 1, column: 1), result: .string("市町村名市"))
    try sheet.writeRichString(
      [RichTextRun("指標", format: FormatSpec(bold: true)), RichTextRun("①")],
      at: CellReference(row: 1, column: 2))
    try sheet.write(.string("コード"), at: CellReference(row: 1, column: 3))
    try sheet.write("012025", at: CellReference(row: 1, column: 4))
    try document.save(to: output)

    let facts = try OpenPyXL.facts(
      """
      wb = openpyxl.load_workbook(sys.argv[1])
      cached = openpyxl.load_workbook(sys.argv[1], data_only=True)
      ws, wc = wb.worksheets[0], cached.worksheets[0]
      for ref in ["A1", "B1", "C1", "D1", "E1", "F1", "G1", "A2", "B2", "C2", "D2", "E2"]:
          put(ref, ws[ref].value)
          put(ref + ".type", ws[ref].data_type)
          put(ref + ".format", ws[ref].number_format)
          put(ref + ".cached", wc[ref].value)
      put("G1.border", ws["G1"].border.left.style)
      rich = openpyxl.load_workbook(sys.argv[1], rich_text=True).worksheets[0]["C2"].value
      put("C2.runs", [str(run) for run in rich])
      put("C2.bold", rich[0].font.b)
      """, output)

    #expect(facts["A1"] == "市町村名")
    #expect(facts["A1.type"] == "s")
    #expect(facts["B1"] == "5.4")
    #expect(facts["B1.type"] == "n")
    #expect(facts["B1.format"] == "0.0\"%\"")
    #expect(facts["C1"] == "1234567")
    #expect(facts["D1"] == "True")
    #expect(facts["D1.type"] == "b")
    #expect(facts["E1"] == "datetime.datetime(2024, 3, 31, 0, 0)")
    #expect(facts["E1.format"] == "yyyy/mm/dd")
    #expect(facts["F1"] == "datetime.datetime(2023, 4, 1, 9, 30)")
    #expect(facts["F1.format"] == "yyyy/mm/dd hh:mm:ss")
    #expect(facts["G1"] == "None")
    #expect(facts["G1.border"] == "thin")
    #expect(facts["A2"] == "=IFERROR(B1/C1,\"－\")")
    #expect(facts["A2.type"] == "f")
    #expect(facts["A2.cached"] == "0.5")
    #expect(facts["A2.format"] == "0%")
    #expect(facts["B2"] == "=A1&\"市\"")
    #expect(facts["B2.cached"] == "市町村名市")
    #expect(facts["C2"] == "指標①")
    #expect(facts["C2.runs"] == "['指標', '①']")
    #expect(facts["C2.bold"] == "True")
    #expect(facts["D2"] == "コード")
    #expect(facts["E2"] == "012025")
    #expect(facts["E2.type"] == "s")
  }

  @Test(
    "Equal format specs share one format; fonts, fills, borders and alignment reach the file",
    .enabled(if: OpenPyXL.isAvailable, OpenPyXL.skipReason))
  func formatCache() throws {
    let scratch = try Scratch()
    let output = scratch.path("formats.xlsx")
    let document = try XLSXDocument(temporaryIn: scratch.folder)
    let sheet = try document.addWorksheet(named: "Formats")
    let header = FormatSpec(
      fontName: "游ゴシック", fontSize: 11, bold: true, fontColor: .black,
      fillColor: RGBColor(rgb: 0xDD_EBF7), border: .thin, horizontal: .center,
      vertical: .center, wrap: true)
    for column in 0..<5 {
      try sheet.write("見出し\(column)", at: CellReference(row: 0, column: column), format: header)
    }
    var body = FormatSpec(fontName: "游ゴシック", border: .medium, horizontal: .left, indent: 2)
    try sheet.write("本文", at: CellReference(row: 1, column: 0), format: body)
    body.italic = true
    try sheet.write("斜体", at: CellReference(row: 1, column: 1), format: body)
    try sheet.write("赤", at: CellReference(row: 1, column: 2), format: FormatSpec(fontColor: .red))
    #expect(document.formatCount == 4)
    try document.save(to: output)

    let facts = try OpenPyXL.facts(
      """
      ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
      a1, e1, a2, b2, c2 = ws["A1"], ws["E1"], ws["A2"], ws["B2"], ws["C2"]
      put("font", a1.font.name)
      put("size", a1.font.sz)
      put("bold", a1.font.b)
      put("color", a1.font.color.rgb)
      put("fill", a1.fill.fgColor.rgb)
      put("fillType", a1.fill.fill_type)
      put("border", a1.border.bottom.style)
      put("align", (a1.alignment.horizontal, a1.alignment.vertical, a1.alignment.wrap_text))
      put("same", a1.style_id == e1.style_id)
      put("body", (a2.border.top.style, a2.alignment.horizontal, a2.alignment.indent))
      put("italic", (a2.font.i, b2.font.i))
      put("red", c2.font.color.rgb)
      """, output)
    #expect(facts["font"] == "游ゴシック")
    #expect(facts["size"] == "11.0")
    #expect(facts["bold"] == "True")
    #expect(facts["color"] == "FF000000")
    #expect(facts["fill"] == "FFDDEBF7")
    #expect(facts["fillType"] == "solid")
    #expect(facts["border"] == "thin")
    #expect(facts["align"] == "('center', 'center', True)")
    #expect(facts["same"] == "True")
    #expect(facts["body"] == "('medium', 'left', 2.0)")
    #expect(facts["italic"] == "(False, True)")
    #expect(facts["red"] == "FFFF0000")
  }

  @Test(
    "Sheets keep their order, names and hidden state; bad and duplicate names throw",
    .enabled(if: OpenPyXL.isAvailable, OpenPyXL.skipReason))
  func sheetNames() throws {
    let scratch = try Scratch()
    let output = scratch.path("sheets.xlsx")
    let document = try XLSXDocument(temporaryIn: scratch.folder)
    for name in ["効果検証", "KPI推移", "集計", "データ"] {
      _ = try document.addWorksheet(named: name)
    }
    let hidden = try document.addWorksheet(named: "作業用")
    try hidden.hide()

    let bad = [
      "", String(repeating: "長", count: 32), "a/b", "a[1]", "x:y", "what?", "star*", "back\\",
      "'quoted'", "history", "データ", "kpi推移",
    ]
    for name in bad {
      let error = writerError { _ = try document.addWorksheet(named: name) }
      #expect(error?.kind == .invalidArgument, "\(name)")
      // Content refused is not a failure to write the file (the CLI exits 65, not 73).
      #expect(error?.isOutputFailure == false, "\(name)")
    }
    // 31 characters is the limit, not 31 bytes.
    _ = try document.addWorksheet(named: String(repeating: "長", count: 31))
    try document.save(to: output)

    let facts = try OpenPyXL.facts(
      """
      wb = openpyxl.load_workbook(sys.argv[1])
      put("names", wb.sheetnames)
      put("states", [ws.sheet_state for ws in wb.worksheets])
      """, output)
    #expect(
      facts["names"]
        == "['効果検証', 'KPI推移', '集計', 'データ', '作業用', '\(String(repeating: "長", count: 31))']")
    #expect(
      facts["states"] == "['visible', 'visible', 'visible', 'visible', 'hidden', 'visible']")
  }

  @Test("The active (first) sheet cannot be hidden; another can after activating it")
  func activeSheetHiding() throws {
    let scratch = try Scratch()
    let document = try XLSXDocument(temporaryIn: scratch.folder)
    let first = try document.addWorksheet(named: "One")
    let second = try document.addWorksheet(named: "Two")
    #expect(writerError { try first.hide() }?.kind == .invalidArgument)
    try second.activate()
    try first.hide()
    #expect(first.isHidden)
  }

  @Test("Sheet names in formulas are quoted with every apostrophe doubled")
  func quotedNames() {
    #expect(Worksheet.quotedName("KPI推移") == "'KPI推移'")
    #expect(Worksheet.quotedName("O'Brien's") == "'O''Brien''s'")
    #expect(Worksheet.quotedName("'") == "''''")
  }
}

@Suite("The format cache's recent-formats check")
struct RecentFormatTests {
  @Test("A spec is identical only to one equal in every field")
  func identicalFieldByField() {
    let base = FormatSpec(fontName: "游ゴシック", fontSize: 11, numberFormat: "#,##0\"人\"")
    #expect(base.isIdentical(to: base))
    #expect(
      base.isIdentical(to: FormatSpec(fontName: "游ゴシック", fontSize: 11, numberFormat: "#,##0\"人\"")))
    var variants: [FormatSpec] = []
    for change in 0..<12 {
      var spec = base
      switch change {
      case 0: spec.fontName = "游明朝"
      case 1: spec.fontSize = 12
      case 2: spec.bold = true
      case 3: spec.italic = true
      case 4: spec.fontColor = .red
      case 5: spec.fillColor = .white
      case 6: spec.border = .thin
      case 7: spec.horizontal = .center
      case 8: spec.vertical = .top
      case 9: spec.wrap = true
      case 10: spec.indent = 1
      default: spec.numberFormat = "#,##0\"件\""
      }
      variants.append(spec)
    }
    for (index, variant) in variants.enumerated() {
      #expect(!variant.isIdentical(to: base), "change \(index)")
      #expect(!base.isIdentical(to: variant), "change \(index)")
    }
  }

  @Test(
    "Cycling through more formats than the recent slots still gives each cell its own",
    .enabled(if: OpenPyXL.isAvailable, OpenPyXL.skipReason))
  func manyFormatsInTurn() throws {
    let scratch = try Scratch()
    let output = scratch.path("formats.xlsx")
    let document = try XLSXDocument(temporaryIn: scratch.folder)
    let sheet = try document.addWorksheet(named: "S")
    let specs = (0..<12).map {
      FormatSpec(numberFormat: "0.\(String(repeating: "0", count: $0 + 1))")
    }
    for row in 0..<30 {
      for (column, spec) in specs.enumerated() {
        try sheet.write(
          Double(row) + 0.5, at: CellReference(row: row, column: (column + row) % 12), format: spec)
      }
    }
    #expect(document.formatCount == 12)
    try document.save(to: output)
    let facts = try OpenPyXL.facts(
      """
      ws = openpyxl.load_workbook(sys.argv[1])["S"]
      put("consistent", all(c.number_format == "0." + "0" * ((c.column - c.row) % 12 + 1)
                            for row in ws.iter_rows() for c in row))
      """, output)
    #expect(facts["consistent"] == "True")
  }
}
