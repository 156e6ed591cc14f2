import Testing

@testable import KPIModel

/// records.md's years table.
@Suite struct FiscalYearTests {
  // Row: 令和２年度, 令和2年度, R2, R2年度, 2020年度, FY2020 → 2020
  @Test(arguments: [
    "令和２年度", "令和2年度", "R2", "R2年度", "Ｒ２", "r2", "2020年度", "FY2020", "ＦＹ２０２０", "2020",
    "令和2年度（2020年度）", "令和2年度(2020年度)", "令 和 ２ 年 度", "令和\n２年度", "㋿2年度",
    "平成32年度", "令和2年", "令和2年度末", "  R2年度  ", "2020（令和2）年度", "2020(R2)年度",
    "令和2（2020）年度", "2020（令和２）年",
  ])
  func absoluteYears(text: String) {
    #expect(FiscalYearLabel.parse(text) == .absolute(2020))
  }

  /// Two forms of one year sharing a 年度 must agree; any other bracket in the middle is no year.
  @Test(arguments: ["2020（令和3）年度", "令和2（2021）年度", "2020（注）年度", "2020（令和2）年度実績"])
  func bracketedFormsThatDisagreeAreNoYear(text: String) {
    #expect(FiscalYearLabel.parse(text) == nil)
  }

  @Test func eraArithmetic() {
    #expect(FiscalYearLabel.parse("令和元年度") == .absolute(2019))
    #expect(FiscalYearLabel.parse("平成31年度") == .absolute(2019))
    #expect(FiscalYearLabel.parse("H28") == .absolute(2016))
    #expect(FiscalYearLabel.parse("平成元年度") == .absolute(1989))
    #expect(FiscalYearLabel.parse("昭和64年度") == .absolute(1989))
    #expect(FiscalYearLabel.parse("S63") == .absolute(1988))
    #expect(FiscalYearLabel.parse("R5年度") == .absolute(2023))
  }

  // Row: 初年度 / 2年目 / ３年目 → period.start + 0/1/2
  @Test(arguments: [
    ("初年度", 0), ("初\n年\n度", 0), ("1年目", 0), ("2年目", 1), ("３年目", 2), ("２年度目", 1),
    ("2 年 目", 1),
  ])
  func relativeYears(text: String, index: Int) {
    let label = FiscalYearLabel.parse(text)
    #expect(label == .relative(index))
    #expect(label?.resolve(periodStart: 2020) == 2020 + index)
    #expect(label?.resolve(periodStart: nil) == nil)
  }

  @Test func relativeLabelWithAbsoluteNotePrefersTheAbsolute() {
    #expect(FiscalYearLabel.parse("2年目（令和3年度）") == .absolute(2021))
  }

  // Row: a number with an era format, e.g. 2 under "令和"0"年度" → 2020
  @Test(arguments: [
    (2.0, "\"令和\"0\"年度\"", 2020), (28.0, "\"平成\"0\"年度\"", 2016), (3.0, "\"R\"0", 2021),
    (4.0, "\\R0\"年度\"", 2022), (2020.0, "0\"年度\"", 2020), (2021.0, "\"FY\"0", 2021),
    (1.0, "\"令和\"0\"年度\";;", 2019),
  ])
  func eraNumberFormats(number: Double, format: String, year: Int) {
    #expect(FiscalYear.fromEraNumber(number, formatCode: format) == year)
  }

  @Test func eraNumberFormatsThatShowNoYear() {
    #expect(FiscalYear.fromEraNumber(2, formatCode: "0") == nil)
    #expect(FiscalYear.fromEraNumber(2, formatCode: "#,##0\"人\"") == nil)
    #expect(FiscalYear.fromEraNumber(2.5, formatCode: "\"令和\"0\"年度\"") == nil)
    #expect(FiscalYear.fromEraNumber(2, formatCode: "[h]:mm") == nil)
  }

  // Row: a year and month (目標年月): H28.3, R4.3, 2016/3, 2016年3月, or a date cell
  @Test(arguments: [
    ("H28.3", 2016, 3, 2015), ("R4.3", 2022, 3, 2021), ("2016/3", 2016, 3, 2015),
    ("2016年3月", 2016, 3, 2015), ("令和4年3月", 2022, 3, 2021), ("2016-03", 2016, 3, 2015),
    ("R4.4", 2022, 4, 2022), ("H28.12", 2016, 12, 2016), ("Ｈ２８．３", 2016, 3, 2015),
    ("2016/3/31", 2016, 3, 2015), ("2016年3月31日", 2016, 3, 2015), ("R元.5", 2019, 5, 2019),
  ])
  func dueMonths(text: String, year: Int, month: Int, fiscalYear: Int) {
    let label = FiscalYearLabel.parse(text)
    #expect(label == .due(YearMonth(year: year, month: month), text: text))
    #expect(label?.resolve(periodStart: nil) == fiscalYear)
    #expect(label?.dueText == text)
  }

  @Test func dueKeepsTheTextAsWrittenWithoutLayoutWhitespace() {
    #expect(FiscalYearLabel.parse(" H28.3\n")?.dueText == "H28.3")
    #expect(FiscalYearLabel.parse("R2")?.dueText == nil)
  }

  @Test func calendarMonthToFiscalYear() {
    #expect(FiscalYear.containing(year: 2016, month: 3) == 2015)
    #expect(FiscalYear.containing(year: 2016, month: 4) == 2016)
    #expect(FiscalYear.containing(year: 2016, month: 12) == 2016)
    #expect(FiscalYear.containing(year: 2017, month: 1) == 2016)
  }

  @Test(arguments: [
    "", "事業名", "令和", "R", "20", "202", "20200", "H28.13", "R4.0", "2016/3/32", "1年度",
    "0年目", "令和2年度実績", "最終年度", "FY", "R2.", "2020年度(", "令和2年度(2020年度)x",
  ])
  func unparseable(text: String) {
    #expect(FiscalYearLabel.parse(text) == nil)
    #expect(FiscalYearLabel(text) == nil)
  }
}

@Suite struct EraTests {
  @Test(arguments: [
    (2022, "令和4年度"), (2019, "令和元年度"), (2020, "令和2年度"), (2018, "平成30年度"),
    (1989, "平成元年度"), (1988, "昭和63年度"), (1900, "1900年度"),
  ])
  func labels(fiscalYear: Int, label: String) {
    #expect(Era.label(fiscalYear: fiscalYear) == label)
  }

  @Test func labelWithWesternYear() {
    #expect(Era.labelWithWesternYear(fiscalYear: 2022) == "令和4年度（2022年度）")
    #expect(Era.labelWithWesternYear(fiscalYear: 2019) == "令和元年度（2019年度）")
    #expect(Era.labelWithWesternYear(fiscalYear: 1900) == "1900年度")
  }

  @Test func everyLabelParsesBackToItsYear() {
    for year in 1930...2040 {
      #expect(FiscalYearLabel.parse(Era.label(fiscalYear: year)) == .absolute(year))
      #expect(FiscalYearLabel.parse(Era.labelWithWesternYear(fiscalYear: year)) == .absolute(year))
    }
  }
}
