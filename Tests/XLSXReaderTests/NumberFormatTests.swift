import Foundation
import Testing

@testable import XLSXReader

@Suite struct NumberFormatTests {
  @Test(arguments: [
    ("General", NumberFormat.Kind.general), ("0", .number), ("#,##0", .number),
    ("0.0%", .percent), ("0.00E+00", .number), ("@", .text), ("yyyy/m/d", .date),
    ("[$-411]ggge\"年\"m\"月\"", .date), ("[$-411]ge.m.d", .date), ("h:mm", .time),
    ("[h]:mm:ss", .time), ("mm:ss", .time), ("yyyy/m/d h:mm", .dateTime),
    ("yyyy-mm-dd hh:mm:ss", .dateTime), ("h:mm AM/PM", .time), ("#,##0\"年\"", .number),
    ("\"令和\"0\"年度\"", .number), ("[DBNum1]ggge\"年\"m\"月\"d\"日\"", .date),
    ("#,##0;\"▲\"#,##0", .number), ("[Red]#,##0", .number), ("m\"月\"d\"日\"", .date),
    ("yyyy\"年\"m\"月\"", .date), ("\"Date\" 0", .number),
  ])
  func classifies(code: String, kind: NumberFormat.Kind) {
    #expect(NumberFormat(id: 164, code: code).kind == kind)
  }

  @Test func exposesTheUnitSuffixAndScaling() {
    let people = NumberFormat(id: 164, code: "#,##0\"人\"")
    #expect(people.suffix == "人")
    #expect(people.prefix == nil)
    #expect(people.scaleCommas == 0)

    let thousands = NumberFormat(id: 165, code: "#,##0,\"千円\"")
    #expect(thousands.suffix == "千円")
    #expect(thousands.scaleCommas == 1)

    let millions = NumberFormat(id: 166, code: "#,##0,,\"百万円\";▲#,##0,,\"百万円\"")
    #expect(millions.scaleCommas == 2)
    #expect(millions.suffix == "百万円")

    let escaped = NumberFormat(id: 167, code: "0\\件")
    #expect(escaped.suffix == "件")

    let yen = NumberFormat(id: 168, code: "[$¥-411]#,##0")
    #expect(yen.currency == "¥")
    #expect(yen.prefix == "¥")

    let era = NumberFormat(id: 169, code: "\"令和\"0\"年度\"")
    #expect(era.prefix == "令和")
    #expect(era.suffix == "年度")

    let padded = NumberFormat(id: 170, code: "#,##0_);(#,##0)")
    #expect(padded.suffix == nil)
  }

  @Test func dateFormatsHaveNoUnits() {
    let format = NumberFormat(id: 31, code: "yyyy\"年\"m\"月\"d\"日\"")
    #expect(format.suffix == nil)
    #expect(format.kind == .date)
  }

  @Test func builtInJapaneseDateIDsAreDates() throws {
    for id in Array(14...22) + Array(27...36) + Array(45...47) + Array(50...58) {
      let format = try #require(NumberFormat.builtIn(id), "built-in \(id)")
      #expect(format.kind.isDateTime, "built-in \(id): \(format.code)")
    }
    #expect(NumberFormat.builtIn(14)?.code == "yyyy/m/d")
    #expect(NumberFormat.builtIn(57)?.code == "[$-411]ggge\"年\"m\"月\"")
    #expect(NumberFormat.builtIn(9)?.kind == .percent)
    #expect(NumberFormat.builtIn(49)?.kind == .text)
    #expect(NumberFormat.builtIn(0) == nil)
  }
}

@Suite struct ExcelDateTimeTests {
  @Test(arguments: [
    (1.0, false, "1900-01-01"), (59.0, false, "1900-02-28"), (60.0, false, "1900-02-29"),
    (61.0, false, "1900-03-01"), (42460.0, false, "2016-03-31"), (43922.0, false, "2020-04-01"),
    (0.0, true, "1904-01-01"), (40998.0, true, "2016-03-31"), (2958465.0, false, "9999-12-31"),
  ])
  func convertsSerials(serial: Double, uses1904: Bool, expected: String) throws {
    let date = try #require(ExcelDateTime(serial: serial, uses1904: uses1904, kind: .date))
    #expect(date.description == expected)
  }

  @Test func keepsTheTimeOfDayWithoutATimeZone() throws {
    let dateTime = try #require(
      ExcelDateTime(serial: 42460.396_527_777_8, uses1904: false, kind: .dateTime))
    #expect(dateTime.description == "2016-03-31T09:31:00")
    let time = try #require(ExcelDateTime(serial: 0.5, uses1904: false, kind: .time))
    #expect(time.description == "12:00:00")
    let roundsUp = try #require(
      ExcelDateTime(serial: 0.999_999_99, uses1904: false, kind: .dateTime))
    #expect(roundsUp.description == "1900-01-01T00:00:00")
  }

  @Test func refusesNegativeAndHugeSerials() {
    #expect(ExcelDateTime(serial: -1, uses1904: false, kind: .date) == nil)
    #expect(ExcelDateTime(serial: 3e6, uses1904: false, kind: .date) == nil)
    #expect(ExcelDateTime(serial: .nan, uses1904: false, kind: .date) == nil)
  }

  @Test func parsesISODates() {
    #expect(ExcelDateTime(iso: "2016-03-31")?.description == "2016-03-31")
    #expect(ExcelDateTime(iso: "2016-03-31T09:30:00")?.description == "2016-03-31T09:30:00")
    #expect(ExcelDateTime(iso: "09:30:00")?.description == "09:30:00")
    #expect(ExcelDateTime(iso: "2016-03-31T00:00:00")?.description == "2016-03-31")
    #expect(ExcelDateTime(iso: "2016-13-01") == nil)
    #expect(ExcelDateTime(iso: "yesterday") == nil)
  }
}

@Suite struct PartAndFormulaTests {
  @Test func resolvesRelationshipTargets() {
    #expect(
      PartPath.resolve("worksheets/sheet1.xml", from: "xl/workbook.xml")
        == "xl/worksheets/sheet1.xml")
    #expect(PartPath.resolve("/xl/ws/b.xml", from: "xl/book.xml") == "xl/ws/b.xml")
    #expect(PartPath.resolve("../media/a.png", from: "xl/drawings/d.xml") == "xl/media/a.png")
    #expect(PartPath.resolve("xl/workbook.xml", from: "") == "xl/workbook.xml")
    #expect(PartPath.relationships(of: "xl/workbook.xml") == "xl/_rels/workbook.xml.rels")
  }

  @Test func translatesSharedFormulas() {
    #expect(SharedFormula.translate("A2*2", rows: 1, columns: 0) == "A3*2")
    #expect(SharedFormula.translate("SUM($A$1:B2)", rows: 2, columns: 1) == "SUM($A$1:C4)")
    #expect(SharedFormula.translate("Sheet1!A1+\"A1\"", rows: 1, columns: 1) == "Sheet1!B2+\"A1\"")
    #expect(SharedFormula.translate("'My Sheet'!$B1", rows: 3, columns: 5) == "'My Sheet'!$B4")
    #expect(SharedFormula.translate("LOG10(A1)", rows: 1, columns: 0) == "LOG10(A2)")
    #expect(SharedFormula.translate("E20/D20", rows: 0, columns: 0) == "E20/D20")
  }

  @Test func decodesExcelEscapes() {
    #expect(String(decoding: ExcelEscapes.decode(Array("a_x000D_b".utf8)), as: UTF8.self) == "a\rb")
    #expect(
      String(decoding: ExcelEscapes.decode(Array("_x005F_x000D_".utf8)), as: UTF8.self) == "_x000D_"
    )
    #expect(
      String(decoding: ExcelEscapes.decode(Array("_xZZZZ_".utf8)), as: UTF8.self) == "_xZZZZ_")
  }
}

@Suite struct NumberTextTests {
  func parse(_ text: String) -> Double? {
    var text = text
    return text.withUTF8 { NumberText.parse($0) }
  }

  @Test(arguments: [
    "0", "8016", "-339", "0.054", "5.3999999999999999E-2", "569.2038748222122",
    "0.80226506116818351", "1E+20", "123456789012345678901234", "-0.0000001",
    "1.7976931348623157e308",
    "9007199254740993", "0.1", "44286.39583333334", " 42 ",
  ])
  func agreesWithTheStandardLibrary(text: String) {
    let expected = Double(text.trimmingCharacters(in: .whitespaces))
    #expect(parse(text) == expected, "\(text)")
  }

  @Test(arguments: [
    "", "abc", "1,000", "--1", "1.2.3", "0x10", "nan", "inf",
    // Eight-byte windows with one byte just outside the digits ("/" and ":" border them).
    "1234567/", "1234567:", "/2345678", ":2345678", "12345678/1234567", "1234.5678.9",
    "12345678123456781234567x", "0.1234567 ",
  ])
  func refusesWhatIsNotANumber(text: String) {
    #expect(parse(text.hasSuffix(" ") ? text + "x" : text) == nil, "\(text)")
  }

  /// Digit runs of every length around eight, the point anywhere, signs and leading zeros:
  /// read eight digits at a time, they must still give the standard library's double.
  @Test func agreesWithTheStandardLibraryOnManyDigitRuns() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<20_000 {
      let length = Int.random(in: 1...24, using: &generator)
      var digits = String(
        (0..<length).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
      if Bool.random(using: &generator) {
        let point = digits.index(
          digits.startIndex, offsetBy: Int.random(in: 0...length, using: &generator))
        digits.insert(".", at: point)
      }
      if Bool.random(using: &generator) { digits = "-" + digits }
      guard let expected = Double(digits) else {
        #expect(parse(digits) == nil, "\(digits)")
        continue
      }
      #expect(parse(digits) == expected, "\(digits)")
    }
  }
}
