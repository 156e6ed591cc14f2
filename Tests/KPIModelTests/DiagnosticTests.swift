import Testing

@testable import KPIModel

@Suite struct DiagnosticTests {
  @Test func messagesInBothLanguages() {
    let diagnostic = Diagnostic(
      .error, .notANumber, arguments: ["text": "12,O00人"], file: "kpi.xlsx", sheet: "KPI",
      cell: "D14")
    #expect(diagnostic.message.contains("\"12,O00人\" is not a number"))
    #expect(diagnostic.message(in: .japanese).contains("「12,O00人」は数値として読めません"))
    #expect(diagnostic.location == "kpi.xlsx: KPI!D14")
    #expect(diagnostic.description.hasPrefix("kpi.xlsx: KPI!D14: error [not-a-number]: "))
  }

  @Test func everyKnownCodeHasBothMessages() {
    let codes: [DiagnosticCode] = [
      .notANumber, .twoValues, .unknownYear, .qualifier, .noValues, .actualWithoutTarget,
      .yearOutsidePeriod, .relativeYearWithoutPeriod, .checkDigit, .badCode, .mixedUnits,
      .unknownEffect, .unknownPolicy,
    ]
    let arguments = Dictionary(
      uniqueKeysWithValues: [
        "text", "qualifier", "value", "kpi", "fiscalYear", "start", "end", "code", "expected",
        "units",
      ].map { ($0, "x") })
    for code in codes {
      #expect(DiagnosticCatalogue.knows(code))
      let english = DiagnosticCatalogue.message(
        for: code, language: .english, arguments: arguments)
      let japanese = DiagnosticCatalogue.message(
        for: code, language: .japanese, arguments: arguments)
      #expect(english != japanese, "\(code)")
      #expect(!english.contains("{") && !japanese.contains("{"), "\(code)")
    }
  }

  @Test func codesAreStableKebabCase() {
    #expect(DiagnosticCode.notANumber.rawValue == "not-a-number")
    #expect(DiagnosticCode.twoValues.rawValue == "two-values")
    #expect(DiagnosticCode.unknownYear.rawValue == "unknown-year")
    #expect(DiagnosticCode.qualifier.rawValue == "qualifier")
    #expect(DiagnosticCode.noValues.rawValue == "no-values")
    #expect(DiagnosticCode.actualWithoutTarget.rawValue == "actual-without-target")
    #expect(DiagnosticCode.yearOutsidePeriod.rawValue == "year-outside-period")
    #expect(DiagnosticCode.checkDigit.rawValue == "check-digit")
    #expect(DiagnosticCode.mixedUnits.rawValue == "mixed-units")
  }

  @Test func placeholdersAreFilled() {
    let diagnostic = Diagnostic(
      .warning, .yearOutsidePeriod,
      arguments: ["fiscalYear": "2024", "start": "2020", "end": "2022"])
    #expect(diagnostic.message == "FY2024 lies outside the project period FY2020–FY2022")
    #expect(diagnostic.message(in: .japanese) == "2024年度は事業期間（2020年度～2022年度）の外です")
  }

  @Test func customCodesAndMessages() {
    let custom = Diagnostic(.warning, "merged-header", message: "header cells are merged oddly")
    #expect(custom.message == "header cells are merged oddly")
    #expect(custom.message(in: .japanese) == "header cells are merged oddly")
    #expect(custom.location == "")
    let unknown = Diagnostic(.error, "no-such-code", arguments: ["cell": "A1"])
    #expect(unknown.message == "no-such-code cell=A1")
  }

  @Test func placingADiagnostic() {
    let placed = Diagnostic(.error, .twoValues, arguments: ["text": "1/2"]).at(
      sheet: "KPI", cell: "E5")
    #expect(placed.location == "KPI!E5")
    #expect(placed.at(file: "a.xlsx").location == "a.xlsx: KPI!E5")
    #expect(Diagnostic(.error, .twoValues, sheet: "KPI").location == "KPI")
  }
}
