import Testing

@testable import KPIModel

@Suite struct LocalGovernmentCodeTests {
  @Test(arguments: [
    // Real codes: 山陽小野田市, 山口県, 千代田区, 札幌市, 与那国町, 神戸市 (remainder 1 → 0).
    ("35216", 1), ("35000", 1), ("13101", 6), ("01100", 2), ("47382", 1), ("28100", 0),
  ])
  func checkDigits(five: String, digit: Int) {
    #expect(LocalGovernmentCode.checkDigit(for: five) == digit)
  }

  @Test func fiveDigitsBecomeSix() {
    #expect(LocalGovernmentCode("35216")?.sixDigits == "352161")
    #expect(LocalGovernmentCode("35000")?.sixDigits == "350001")
    #expect(LocalGovernmentCode("３５２１６")?.sixDigits == "352161")
    #expect(LocalGovernmentCode(" 35216 ")?.written == "35216")
    #expect(LocalGovernmentCode("35216")?.isCheckDigitValid == true)
  }

  @Test func sixDigitCodesAreChecked() {
    let good = LocalGovernmentCode("352161")
    #expect(good?.isCheckDigitValid == true)
    #expect(good?.diagnostic == nil)
    #expect(good?.fiveDigits == "35216")
    let bad = LocalGovernmentCode("352162")
    #expect(bad?.isCheckDigitValid == false)
    #expect(bad?.written == "352162")
    #expect(bad?.sixDigits == "352161")
    #expect(bad?.diagnostic?.code == .checkDigit)
    #expect(bad?.diagnostic?.severity == .warning)
    #expect(bad?.diagnostic?.message.contains("352161") == true)
  }

  @Test(arguments: ["", "3521", "3521610", "35a16", "35-216"])
  func notCodes(text: String) {
    #expect(LocalGovernmentCode(text) == nil)
  }

  @Test func checkDigitNeedsFiveDigits() {
    #expect(LocalGovernmentCode.checkDigit(for: "3521") == nil)
    #expect(LocalGovernmentCode.checkDigit(for: "3521x") == nil)
  }
}
