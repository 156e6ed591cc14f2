import Testing

@testable import KPIModel

/// One test per row of records.md's numbers table, and the edges around them.
@Suite struct QuantityParserTests {
  private func expectValue(
    _ text: String, _ value: Double, unit: String?, qualifiers: [String] = [],
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(
      QuantityParser.parse(text) == .value(value, unit: unit, qualifiers: qualifiers),
      "\(text)", sourceLocation: sourceLocation)
  }

  private func expectError(
    _ text: String, _ kind: QuantityError.Kind, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(
      QuantityParser.parse(text) == .error(QuantityError(kind, text: text)), "\(text)",
      sourceLocation: sourceLocation)
  }

  // Row: 5個, 10,000,000円, 1事業体, 8,016人
  @Test func unitsTypedInTheCell() {
    expectValue("5個", 5, unit: "個")
    expectValue("10,000,000円", 10_000_000, unit: "円")
    expectValue("1事業体", 1, unit: "事業体")
    expectValue("8,016人", 8016, unit: "人")
    expectValue("1.2千円", 1.2, unit: "千円")
    expectValue("3百万円", 3, unit: "百万円")
    expectValue("0.11倍", 0.11, unit: "倍")
    expectValue("600人", 600, unit: "人")
    expectValue("0千円", 0, unit: "千円")
    expectValue("8016", 8016, unit: nil)
    expectValue("5 件", 5, unit: "件")
    expectValue("12件/月", 12, unit: "件/月")
    expectValue("150m2", 150, unit: "m2")
    expectValue("150㎡", 150, unit: "m2")
  }

  // Row: numeric cell 8016 with number format #,##0"人"
  @Test func numericCellWithFormatSuffix() {
    #expect(QuantityParser.number(8016, formatUnit: "人") == .value(8016, unit: "人", qualifiers: []))
    #expect(QuantityParser.number(8016) == .value(8016, unit: nil, qualifiers: []))
  }

  // Row: 12345000 with #,##0,"千円"
  @Test func trailingCommaScalesByThousand() {
    #expect(
      QuantityParser.number(12_345_000, formatUnit: "千円", scaleCommas: 1)
        == .value(12345, unit: "千円", qualifiers: []))
    #expect(
      QuantityParser.number(1_234_567, formatUnit: "百万円", scaleCommas: 2)
        == .value(1.234567, unit: "百万円", qualifiers: []))
  }

  // Row: [$¥-411]#,##0, ¥6,190,000
  @Test func yenIsUnitEn() {
    expectValue("¥6,190,000", 6_190_000, unit: "円")
    expectValue("￥6,190,000", 6_190_000, unit: "円")
    expectValue("¥ 1,000円", 1000, unit: "円")
    #expect(
      QuantityParser.number(6_190_000, formatUnit: "¥")
        == .value(6_190_000, unit: "円", qualifiers: []))
    #expect(
      QuantityParser.number(6_190_000, formatUnit: "￥")
        == .value(6_190_000, unit: "円", qualifiers: []))
  }

  // Row: 5.4％, 5.4% (text), 0.054 with a percent format
  @Test func percent() {
    expectValue("5.4％", 5.4, unit: "%")
    expectValue("5.4%", 5.4, unit: "%")
    expectValue("１０．０％", 10, unit: "%")
    #expect(QuantityParser.number(0.054, isPercent: true) == .value(5.4, unit: "%", qualifiers: []))
    #expect(QuantityParser.number(0.79, isPercent: true) == .value(79, unit: "%", qualifiers: []))
  }

  // Row: -339人, −339, －339, ‐339, ▲339, △339, (339), （339）
  @Test(arguments: ["-339人", "−339", "－339", "‐339", "▲339", "△339", "(339)", "（339）", "ー339"])
  func minusForms(text: String) {
    #expect(QuantityParser.parse(text).value == -339)
  }

  @Test func minusKeepsTheUnit() {
    expectValue("-339人", -339, unit: "人")
    expectValue("▲1,234千円", -1234, unit: "千円")
    expectValue("(339)人", -339, unit: "人")
    expectValue("-0.5%", -0.5, unit: "%")
  }

  // Row: a negative number shown with ▲ by its format
  @Test func formattedNegativeIsNotNegatedTwice() {
    #expect(QuantityParser.number(-339, formatUnit: "人") == .value(-339, unit: "人", qualifiers: []))
  }

  // Row: +5, ±0人
  @Test func explicitSigns() {
    expectValue("+5", 5, unit: nil)
    expectValue("＋5", 5, unit: nil)
    expectValue("±0人", 0, unit: "人")
    expectValue("±3人", 3, unit: "人", qualifiers: ["±"])
    #expect(QuantityParser.parse("-0").value?.sign == .plus)
  }

  // Row: 5万人, 1.2億円
  @Test func manAndOkuMultiply() {
    expectValue("5万人", 50000, unit: "人")
    expectValue("1.2億円", 120_000_000, unit: "円")
    expectValue("3万", 30000, unit: nil)
    expectValue("2.5万円", 25000, unit: "円")
    expectValue("1千円", 1, unit: "千円")
    #expect(QuantityParser.number(5, formatUnit: "万人") == .value(50000, unit: "人", qualifiers: []))
  }

  // Row: 約5,000人, 5,000人以上, 33個（累計）, 10件程度
  @Test func qualifiersBecomeWarnings() {
    expectValue("約5,000人", 5000, unit: "人", qualifiers: ["約"])
    expectValue("5,000人以上", 5000, unit: "人", qualifiers: ["以上"])
    expectValue("33個（累計）", 33, unit: "個", qualifiers: ["累計"])
    expectValue("10件程度", 10, unit: "件", qualifiers: ["程度"])
    expectValue("100人未満", 100, unit: "人", qualifiers: ["未満"])
    expectValue("5人以下", 5, unit: "人", qualifiers: ["以下"])
    expectValue("5,000人超", 5000, unit: "人", qualifiers: ["超"])
    expectValue("1,000人(見込み)", 1000, unit: "人", qualifiers: ["見込み"])
    expectValue("約1,000人（見込み）以上", 1000, unit: "人", qualifiers: ["約", "見込み", "以上"])
    let diagnostics = QuantityParser.parse("約5,000人").diagnostics(for: "約5,000人")
    #expect(diagnostics.map(\.code) == [.qualifier])
    #expect(diagnostics.first?.severity == .warning)
    #expect(diagnostics.first?.message.contains("約") == true)
  }

  // Row: 200・4,000, 144/4,055
  @Test(arguments: ["200・4,000", "144/4,055", "5人、6人", "5 6", "144(4,055)", "5～10人", "10人-3人"])
  func twoValuesAreAnError(text: String) {
    expectError(text, .twoValues)
  }

  @Test func twoValuesErrorNamesTheText() {
    let diagnostics = QuantityParser.parse("200・4,000").diagnostics(for: "200・4,000")
    #expect(diagnostics.map(\.code) == [.twoValues])
    #expect(diagnostics.first?.severity == .error)
    #expect(diagnostics.first?.message.contains("200・4,000") == true)
  }

  // Row: -, －, ―, —, ‐, −, ー, – alone or with a unit only, blank, …, ＊, ／
  @Test(arguments: [
    "-", "－", "―", "—", "‐", "−", "ー", "–", "－人", "-%", "―千円", "", "   ", "\u{3000}", "\n",
    "…", "＊", "*", "／", "/", "該当なし", "対象外", "--",
  ])
  func notApplicableForms(text: String) {
    #expect(QuantityParser.parse(text) == .notApplicable)
  }

  // Row: a stored 0, whatever its format shows
  @Test func storedZeroStaysZero() {
    #expect(QuantityParser.number(0, formatUnit: "人") == .value(0, unit: "人", qualifiers: []))
    #expect(QuantityParser.number(0, isPercent: true) == .value(0, unit: "%", qualifiers: []))
    expectValue("0", 0, unit: nil)
  }

  // Row: full-width digits, ．, ，, ＋, （）
  @Test func fullWidthFormsReadAsASCII() {
    expectValue("８，０１６人", 8016, unit: "人")
    expectValue("５．４％", 5.4, unit: "%")
    expectValue("＋５", 5, unit: nil)
    expectValue("（３３９）", -339, unit: nil)
    expectValue("１０個", 10, unit: "個")
  }

  // Row: 12,O00人
  @Test(arguments: ["12,O00人", "12O00人", "1,2,3", "1,00", "5.4.3", "未実施", "人", "abc", "(339"])
  func notANumber(text: String) {
    expectError(text, .notANumber)
  }

  @Test func thousandsSeparatorsInValidPositions() {
    expectValue("10,000,000", 10_000_000, unit: nil)
    expectValue("1,234.5", 1234.5, unit: nil)
    expectValue("999,999", 999_999, unit: nil)
  }

  // Numbers section: values pass through the 15-digit rounding.
  @Test func valuesAreRoundedToFifteenDigits() {
    expectValue("0.30000000000000004", 0.3, unit: nil)
    expectValue("12345678901234567", 12_345_678_901_234_600, unit: nil)
    #expect(QuantityParser.number(0.1 + 0.2) == .value(0.3, unit: nil, qualifiers: []))
  }

  @Test func nonFiniteNumberIsAnError() {
    guard case .error(let error) = QuantityParser.number(.nan) else {
      Issue.record("NaN must be an error")
      return
    }
    #expect(error.kind == .notANumber)
  }

  @Test(arguments: [
    ("（単位：千円）", "千円"), ("(単位:人)", "人"), ("単位：千円", "千円"), ("事業費\n（単位：千円）", "千円"),
    ("（単位　：　％）", "%"),
  ])
  func headerUnits(header: String, unit: String) {
    #expect(QuantityParser.headerUnit(header) == unit)
  }

  @Test func headerWithoutUnit() {
    #expect(QuantityParser.headerUnit("目標値") == nil)
    #expect(QuantityParser.headerUnit("（単位：）") == nil)
  }

  @Test func unitsAreNFKCNormalised() {
    #expect(QuantityParser.normalizedUnit("％") == "%")
    #expect(QuantityParser.normalizedUnit(" 千 円 ") == "千円")
    #expect(QuantityParser.normalizedUnit("¥") == "円")
    #expect(QuantityParser.normalizedUnit("  ") == nil)
    // Characters outside the fast path still get full NFKC.
    #expect(QuantityParser.normalizedUnit("ﾎﾟｲﾝﾄ") == "ポイント")
    #expect(QuantityParser.normalizedUnit("㌔") == "キロ")
    #expect(QuantityParser.normalizedUnit("事業体") == "事業体")
  }
}

/// Words saying a value is not known yet, as officers type them: bare, bracketed, after a note
/// mark.
@Suite struct NotYetKnownTests {
  @Test(arguments: ["未集計", "集計中", "（集計中）", "※集計中", "※ 未確定", "＊調査中"])
  func pendingWordsAreNotYetKnown(text: String) {
    #expect(QuantityParser.isNotYetKnown(text))
  }

  @Test(arguments: ["120", "※120", "集計方法", "※印は速報値"])
  func otherTextsAreNot(text: String) {
    #expect(!QuantityParser.isNotYetKnown(text))
  }
}
