import Testing
import XLSXReader

/// Workbooks from openpyxl, XlsxWriter and LibreOffice read cell for cell as their writers
/// were told to write them (the facts are MANIFEST.md's, from the generating script).
@Suite struct WriterFixtureTests {
  @Test func openpyxlBasic() throws {
    let workbook = try Fixture.open("openpyxl-basic.xlsx")
    #expect(workbook.sheets.map(\.name) == ["KPI", "メモ", "非表示2"])
    #expect(workbook.sheets.map(\.visibility) == [.visible, .hidden, .veryHidden])
    expectFacts(
      try Fixture.facts(workbook, sheet: "KPI"),
      [
        "B3 string \"●単市で実施事業\"", "B4 string \"事業名\"", "C4 string \"KPI\"",
        "D4 string \"実績値\"", "E4 string \"達成率\"", "F4 string \"目標年月\"",
        "B5 string \"ガラス産業振興事業\"", "C5 string \"ブランド化したガラス商品数\"",
        "D5 number 5 fmt=#,##0\"個\"", "E5 number 0.054 fmt=0.0%",
        "F5 date \"2016-03-31\" fmt=yyyy/m/d", "C6 string \"観光客数\"",
        "D6 number 8016 fmt=#,##0\"人\"", "E6 number 1.25 fmt=0.0%",
        "F6 date \"2020-04-01\" fmt=[$-411]ggge\"年\"m\"月\"", "C7 string \"事業費\"",
        "D7 number 12345678 fmt=#,##0,\"千円\"", "E7 number -1500 fmt=#,##0;\"▲\"#,##0",
        "F7 number 5000 fmt=[$¥-411]#,##0", "B8 string \"令和2年度\\n実績\"",
        "C8 string \"山陽小野田市\"", "D8 number -3.25", "E8 number 1234567.891",
        "F8 boolean true", "G8 boolean false", "B9 error \"#DIV/0!\"", "C9 error \"#N/A\"",
        "B10 string \"00123\" fmt=@", "C10 number 42 fmt=@",
        "B11 date \"2021-03-31T09:30:00\" fmt=yyyy-mm-dd hh:mm:ss",
        "C11 date \"09:30:15\" fmt=h:mm:ss", "B12 string \"  前後に空白  \"",
        "C12 string \"記号 <&> \\\"引用\\\"\"", "D13 string \"合計\"",
      ])
    let scan = try workbook.forEachRow(in: workbook.sheets[0]) { _ in }
    #expect(scan.merges.map(\.description) == ["B3:J3", "B5:B7", "D13:E14"])
    expectFacts(
      try Fixture.facts(workbook, sheet: "メモ"), ["A1 string \"メモ\"", "A2 string \"非表示シートの文字列\""])
    expectFacts(try Fixture.facts(workbook, sheet: "非表示2"), ["A1 string \"非表示2\"", "B2 number 99"])
  }

  @Test func xlsxWriterBasic() throws {
    let workbook = try Fixture.open("xlsxwriter-basic.xlsx")
    #expect(workbook.sheets.map(\.visibility) == [.visible, .hidden, .veryHidden])
    expectFacts(
      try Fixture.facts(workbook, sheet: "KPI"),
      [
        "A1 string \"令和2年度 KPI実績\"", "A2 string \"事業名\"", "B2 string \"目標値\"",
        "C2 string \"実績値\"", "D2 string \"達成率\"", "E2 string \"目標年月\"", "F2 string \"達成\"",
        "A3 string \"ガラス商品数\"", "B3 number 5 fmt=#,##0\"個\"", "C3 number 8 fmt=#,##0\"個\"",
        "D3 number 1.6 fmt=0.0% formula=C3/B3",
        "E3 date \"2016-03-31\" fmt=[$-411]ggge\"年\"m\"月\"d\"日\"",
        "F3 boolean true formula=C3>=B3", "G3 number 0 formula=B3*2", "A4 string \"観光客数\"",
        "B4 number 8000 fmt=#,##0\"人\"", "C4 number 8016 fmt=#,##0\"人\"",
        "D4 number 1.002 fmt=0.0% formula=C4/B4", "E4 date \"2021-03-31\" fmt=yyyy/m/d",
        "F4 string \"達成\" formula=IF(C4>=B4,\"達成\",\"未達\")", "A5 string \"事業費\"",
        "B5 number 0", "C5 number -1500 fmt=#,##0;\"▲\"#,##0",
        "D5 error \"#DIV/0!\" fmt=0.0% formula=C5/B5",
        "E5 date \"2021-03-31T09:30:00\" fmt=yyyy-mm-dd hh:mm", "F5 boolean false",
        "A6 string \"合計\"", "C6 number 6524 formula=SUM(C3:C5)", "A8 string \"001\" fmt=@",
        "B8 date \"09:30:15\" fmt=hh:mm:ss", "D8 string \"  空白付き  \"",
        "E8 string \"1行目\\n2行目\"",
      ])
  }

  @Test func dates1904() throws {
    let workbook = try Fixture.open("xlsxwriter-1904.xlsx")
    #expect(workbook.uses1904)
    expectFacts(
      try Fixture.facts(workbook, sheet: "1904"),
      [
        "A1 string \"日付(1904年起算)\"", "B1 string \"数値\"",
        "A2 date \"2016-03-31\" fmt=yyyy/m/d", "B2 number 42",
        "A3 date \"2020-04-01\" fmt=[$-411]ggge\"年\"m\"月\"", "B3 number 1.5",
        "A4 date \"1904-01-02\" fmt=yyyy/m/d", "B4 number -7",
        "A5 date \"1904-01-01\" fmt=yyyy/m/d", "B5 number 0.054",
        "A6 date \"2021-03-31T09:30:00\" fmt=yyyy-mm-dd hh:mm:ss", "B6 number 8016",
      ])
  }

  @Test func inlineStrings() throws {
    let workbook = try Fixture.open("xlsxwriter-inline.xlsx")
    #expect(workbook.sharedStrings.count == 0)
    expectFacts(
      try Fixture.facts(workbook, sheet: "インライン"),
      [
        "A1 string \"事業名\"", "B1 string \"実績値\"", "A2 string \"観光客数\"",
        "B2 number 8016 fmt=#,##0\"人\"", "A3 string \"ブランド化したガラス商品数\"", "B3 number 5",
        "A4 string \"  前後空白  \"", "B4 number -2.5", "A5 string \"令和2年度\\n実績\"", "B5 number 0",
      ])
  }

  @Test func wideColumnsAndTheLastRow() throws {
    let workbook = try Fixture.open("xlsxwriter-wide.xlsx")
    expectFacts(
      try Fixture.facts(workbook, sheet: "列"),
      [
        "A1 string \"A列\"", "Z1 string \"Z列\"", "AA1 string \"AA列\"", "AZ1 string \"AZ列\"",
        "BA1 string \"BA列\"", "ZZ1 string \"ZZ列\"", "AAA1 string \"AAA列\"",
        "XFD1 string \"XFD列(最終列)\"", "A1001 number 1001", "AB1001 number 28",
      ])
    expectFacts(
      try Fixture.facts(workbook, sheet: "行"), ["A1 string \"先頭\"", "A1048576 string \"最終行\""])
  }

  @Test func libreOfficeResaved() throws {
    let workbook = try Fixture.open("libreoffice-resaved.xlsx")
    #expect(workbook.sheets.map(\.isHidden) == [false, true, true])
    let facts = try Fixture.facts(workbook, sheet: "KPI")
    expectFacts(
      facts,
      [
        "B3 string \"●単市で実施事業\"", "D5 number 5 fmt=#,##0\\個", "E5 number 0.054 fmt=0.0%",
        "F5 date \"2016-03-31\" fmt=yyyy/m/d", "D6 number 8016 fmt=#,##0\\人",
        "F6 date \"2020-04-01\" fmt=[$-1030411]ggge\\年m\\月",
        "D7 number 12345678 fmt=#,##0,\"千円\"", "E7 number -1500 fmt=#,##0;\\▲#,##0",
        "F7 number 5000 fmt=[$¥-411]#,##0", "F8 boolean true formula=TRUE()",
        "B9 error \"#DIV/0!\" formula=#DIV/0!", "C11 date \"09:30:15\" fmt=h:mm:ss",
        "B11 date \"2021-03-31T09:30:00\" fmt=yyyy\\-mm\\-dd\\ hh:mm:ss",
        "C12 string \"記号 <&> \\\"引用\\\"\"",
      ], exact: false)
    #expect(facts.count == 34)
  }

  @Test func libreOfficeFormulas() throws {
    let workbook = try Fixture.open("libreoffice-formulas.xlsx")
    expectFacts(
      try Fixture.facts(workbook, sheet: "計算"),
      [
        "A2 number 216", "B2 number 432 formula=A2*2", "C2 error \"#DIV/0!\" formula=1/0",
        "D2 string \"観光客数216人\" formula=\"観光客数\"&TEXT(A2,\"#,##0\")&\"人\"",
        "E2 boolean false formula=A2>1000",
        "F2 date \"2020-04-01\" fmt=yyyy/m/d formula=DATE(2020,4,1)",
        "B11 number 2232 formula=A11*2", "B12 number 13320 formula=SUM(B2:B11)",
      ], exact: false)
  }
}

/// Workbooks built part by part for quirks no writer produces.
@Suite struct HandBuiltFixtureTests {
  @Test func furiganaIsDropped() throws {
    let workbook = try Fixture.open("raw-furigana.xlsx")
    expectFacts(
      try Fixture.facts(workbook, sheet: "ふりがな"),
      [
        "A1 string \"共通\"", "B1 string \"比較用\"", "A2 string \"山陽小野田市\"",
        "A3 string \"事業名\"", "A4 string \"担当課\"", "A5 string \"ガラス \"",
      ])
  }

  @Test func partsThroughRelationshipsCellsWithoutReferencesSharedFormulas() throws {
    let workbook = try Fixture.open("raw-quirks.xlsx")
    #expect(workbook.sheets.map(\.name) == ["データ", "書式"])
    #expect(workbook.sheets.map(\.partName) == ["xl/ws/b.xml", "xl/ws/a.xml"])
    expectFacts(
      try Fixture.facts(workbook, sheet: "データ"),
      [
        "A1 string \"項目\"", "B1 string \"値\"", "C1 string \"2倍\"", "A2 string \"ガラス商品数\"",
        "B2 number 10", "C2 number 20 formula=B2*2", "A3 string \"観光客数\"", "B3 number 11",
        "C3 number 22 formula=B3*2", "A4 string \"ブランド化\"", "B4 number 12.5",
        "C4 number 25 formula=B4*2", "B5 number -3", "C5 number -6 formula=B5*2",
        "D8 string \"1行目\\r\\n2行目\"", "E8 string \"文字通り_x000D_です\"",
        "A10 date \"2020-04-01\"", "B10 string \"ガラス商品数事業\" formula=A2&\"事業\"",
        "C10 error \"#DIV/0!\" formula=B2/0", "D10 boolean true", "E10 boolean false",
        "F10 string \"インライン\"", "G10 number 0.0015", "H20 string \"最終セル\"",
      ])
    expectFacts(
      try Fixture.facts(workbook, sheet: "書式"),
      [
        "A1 string \"numFmtId\"", "B1 string \"値\"", "A2 number 14",
        "B2 date \"2020-03-31\" fmt=yyyy/m/d", "A3 number 22",
        "B3 date \"2020-03-31T09:30:00\" fmt=yyyy/m/d h:mm", "A4 number 27",
        "B4 date \"2020-04-01\" fmt=[$-411]ge.m.d", "A5 number 31",
        "B5 date \"2020-04-01\" fmt=yyyy\"年\"m\"月\"d\"日\"", "A6 number 57",
        "B6 date \"2020-04-01\" fmt=[$-411]ggge\"年\"m\"月\"", "A7 number 58",
        "B7 date \"2020-04-01\" fmt=[$-411]ggge\"年\"m\"月\"d\"日\"", "A8 number 9",
        "B8 number 0.054 fmt=0%", "A9 number 10", "B9 number 0.0543 fmt=0.00%", "A10 number 3",
        "B10 number 8016 fmt=#,##0", "A11 number 49", "B11 number 123 fmt=@", "A12 number 21",
        "B12 date \"09:30:00\" fmt=h:mm:ss", "A13 number 164",
        "B13 date \"2019-05-01\" fmt=[$-411]ggge\"年\"m\"月\"d\"日\"", "A14 number 165",
        "B14 number 2 fmt=\"令和\"0\"年度\"",
      ])
  }

  @Test func strictOOXML() throws {
    let workbook = try Fixture.open("raw-strict.xlsx")
    expectFacts(
      try Fixture.facts(workbook, sheet: "KPI"),
      [
        "A1 string \"事業名\"", "B1 string \"実績値\"", "C1 string \"目標年月\"", "A2 string \"観光客数\"",
        "B2 number 8016 fmt=#,##0\"人\"", "C2 date \"2020-03-31\" fmt=yyyy/m/d", "D2 boolean true",
        "E2 number 0.054",
      ])
  }

  @Test func unitsComeFromFormats() throws {
    let workbook = try Fixture.open("openpyxl-basic.xlsx")
    var suffixes: [String: String] = [:]
    try workbook.forEachRow(in: workbook.sheets[0]) { row in
      for cell in row.cells {
        if let suffix = cell.format?.suffix { suffixes["\(cell.reference)"] = suffix }
      }
    }
    #expect(suffixes["D5"] == "個")
    #expect(suffixes["D6"] == "人")
    #expect(suffixes["D7"] == "千円")
  }
}
