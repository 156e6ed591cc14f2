import CellAddress
import Foundation
import TestSupport
import Testing

@testable import XLSXWriter

@Suite("Data validations and conditional formats")
struct RuleTests {
  @Test(
    "A 40-prefecture list goes to the hidden list sheet instead of crashing libxlsxwriter",
    .enabled(if: OpenPyXL.isAvailable, OpenPyXL.skipReason))
  func longJapaneseList() throws {
    let scratch = try Scratch()
    let output = scratch.path("lists.xlsx")
    let document = try XLSXDocument(temporaryIn: scratch.folder)
    let sheet = try document.addWorksheet(named: "効果検証")
    let prefectures = Array(japanesePrefectures.prefix(40))
    // 40 names joined are over 400 bytes of UTF-8 but under 255 characters: exactly the
    // case libxlsxwriter 1.1.4 lets through into a 258-byte buffer.
    #expect(prefectures.joined(separator: ",").unicodeScalars.count < 255)
    #expect(prefectures.joined(separator: ",").utf8.count > 255)
    try sheet.validationList(
      range: CellRange("B2:B20")!, values: prefectures,
      messages: ValidationMessages(inputTitle: "都道府県", inputMessage: "一覧から選んでください"))
    // The same list again shares its column; a short list stays inline.
    try sheet.validationList(range: CellRange("C2:C20")!, values: prefectures)
    try sheet.validationList(range: CellRange("D2:D20")!, values: ["単独", "広域"])
    // Commas cannot go inline, nor can anything when asked for the list sheet.
    try sheet.validationList(range: CellRange("E2")!, values: ["1,000円", "2,000円"])
    try sheet.validationList(range: CellRange("F2")!, values: ["A", "B"], source: .listSheet)
    try document.save(to: output)

    let facts = try OpenPyXL.facts(
      """
      wb = openpyxl.load_workbook(sys.argv[1])
      put("sheets", wb.sheetnames)
      put("listState", wb["_lists"].sheet_state)
      lists = wb["_lists"]
      for column in "ABC":
          put("column " + column, [c.value for c in lists[column] if c.value is not None])
      for dv in wb["効果検証"].data_validations.dataValidation:
          key = str(dv.sqref)
          put(key, (dv.type, dv.formula1))
          if dv.promptTitle:
              put(key + ".prompt", (dv.promptTitle, dv.prompt, dv.showInputMessage))
      """, output)
    #expect(facts["sheets"] == "['効果検証', '_lists']")
    #expect(facts["listState"] == "hidden")
    #expect(facts["column A"] == "\(prefectures)".replacingOccurrences(of: "\"", with: "'"))
    #expect(facts["column B"] == "['1,000円', '2,000円']")
    #expect(facts["column C"] == "['A', 'B']")
    #expect(facts["B2:B20"] == "('list', \"'_lists'!$A$1:$A$40\")")
    #expect(facts["B2:B20.prompt"] == "('都道府県', '一覧から選んでください', True)")
    #expect(facts["C2:C20"] == "('list', \"'_lists'!$A$1:$A$40\")")
    #expect(facts["D2:D20"] == "('list', '\"単独,広域\"')")
    #expect(facts["E2"] == "('list', \"'_lists'!$B$1:$B$2\")")
    #expect(facts["F2"] == "('list', \"'_lists'!$C$1:$C$2\")")
  }

  @Test(
    "Number validations carry their operator, bounds and messages",
    .enabled(if: OpenPyXL.isAvailable, OpenPyXL.skipReason))
  func numberValidation() throws {
    let scratch = try Scratch()
    let output = scratch.path("numbers.xlsx")
    let document = try XLSXDocument(temporaryIn: scratch.folder)
    let sheet = try document.addWorksheet(named: "Input")
    try sheet.validateNumbers(
      range: CellRange("I3:J100")!, criterion: .greaterThanOrEqual(0),
      messages: ValidationMessages(
        errorTitle: "入力エラー", errorMessage: "0以上の数値を入力してください", errorStyle: .warning))
    try sheet.validateNumbers(
      range: CellRange("K3:K100")!, kind: .integer, criterion: .between(1, 12))
    #expect(
      writerError {
        try sheet.validateNumbers(range: CellRange("L1")!, criterion: .between(5, 1))
      }?.kind == .invalidArgument)
    #expect(
      writerError {
        try sheet.validateNumbers(
          range: CellRange("L1")!, criterion: .equal(1),
          messages: ValidationMessages(inputTitle: String(repeating: "題", count: 33)))
      }?.kind == .invalidArgument)
    try document.save(to: output)

    let facts = try OpenPyXL.facts(
      """
      ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
      for dv in ws.data_validations.dataValidation:
          put(str(dv.sqref), (dv.type, dv.operator, dv.formula1, dv.formula2, dv.errorStyle,
                              dv.errorTitle, dv.error))
      """, output)
    #expect(
      facts["I3:J100"]
        == "('decimal', 'greaterThanOrEqual', '0', None, 'warning', '入力エラー', '0以上の数値を入力してください')"
    )
    #expect(facts["K3:K100"] == "('whole', None, '1', '12', None, None, None)")
  }

  @Test(
    "Cell-value and formula conditional formats reach the file with their format",
    .enabled(if: OpenPyXL.isAvailable, OpenPyXL.skipReason))
  func conditionalFormats() throws {
    let scratch = try Scratch()
    let output = scratch.path("conditional.xlsx")
    let document = try XLSXDocument(temporaryIn: scratch.folder)
    let sheet = try document.addWorksheet(named: "効果検証")
    let achieved = FormatSpec(bold: true, fillColor: RGBColor(rgb: 0xE2_EFDA))
    try sheet.addConditionalFormat(
      CellRange("K5:K50")!, rule: .cellValue(.greaterThanOrEqual(1)), format: achieved)
    try sheet.addConditionalFormat(
      CellRange("A5:P50")!, rule: .formula("=$K5>=1"), format: achieved, stopIfTrue: true)
    let empty = writerError {
      try sheet.addConditionalFormat(CellRange("A1")!, rule: .formula(""), format: achieved)
    }
    #expect(empty?.kind == .invalidArgument)
    #expect(empty?.function == "worksheet_conditional_format_range")
    try document.save(to: output)

    let facts = try OpenPyXL.facts(
      """
      ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
      for cf in ws.conditional_formatting:
          for rule in cf.rules:
              put(str(cf.sqref), (rule.type, rule.operator, rule.formula, rule.stopIfTrue,
                                   rule.dxf.fill.bgColor.rgb if rule.dxf and rule.dxf.fill else None,
                                   rule.dxf.font.b if rule.dxf and rule.dxf.font else None))
      """, output)
    // A differential format keeps a solid fill's colour in bgColor.
    #expect(
      facts["K5:K50"] == "('cellIs', 'greaterThanOrEqual', ['1'], None, 'FFE2EFDA', True)")
    #expect(facts["A5:P50"] == "('expression', None, ['$K5>=1'], True, 'FFE2EFDA', True)")
  }
}
