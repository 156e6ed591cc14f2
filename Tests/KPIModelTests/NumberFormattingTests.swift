import Testing

@testable import KPIModel

@Suite struct NumberFormattingTests {
  @Test(arguments: [
    (10.0, "10"),
    (5.3999999999999999E-2 * 100, "5.4"),
    (0.1 + 0.2, "0.3"),
    (0.30000000000000004, "0.3"),
    (-0.0, "0"),
    (0.0, "0"),
    (-339.0, "-339"),
    (8016.0, "8016"),
    (10_000_000.0, "10000000"),
    (1e20, "100000000000000000000"),
    (1e21, "1e+21"),
    (1.5e25, "1.5e+25"),
    (0.000123, "0.000123"),
    (1.2e-8, "1.2e-8"),
    (123_456_789_012_345_678.0, "123456789012346000"),
    (0.1234567890123456789, "0.123456789012346"),
    (999_999_999_999_999.9, "1000000000000000"),
  ])
  func printsShortestFifteenDigitForm(value: Double, expected: String) {
    #expect(NumberFormatting.string(value) == expected)
  }

  @Test func canonicalRoundsToFifteenSignificantDigits() {
    #expect(NumberFormatting.canonical(0.1 + 0.2) == 0.3)
    #expect(NumberFormatting.canonical(0.054 * 100) == 5.4)
    #expect(NumberFormatting.canonical(1.2 * 100_000_000) == 120_000_000)
    #expect(NumberFormatting.canonical(-0.0).sign == .plus)
    #expect(NumberFormatting.canonical(5.4) == 5.4)
    #expect(NumberFormatting.canonical(.infinity) == .infinity)
    #expect(NumberFormatting.canonical(.nan).isNaN)
  }

  @Test func nonFiniteValuesHaveNames() {
    #expect(NumberFormatting.string(.nan) == "NaN")
    #expect(NumberFormatting.string(.infinity) == "Infinity")
    #expect(NumberFormatting.string(-.infinity) == "-Infinity")
  }

  @Test func everyPrintedFormReadsBackAsTheCanonicalValue() {
    let samples: [Double] = [1 / 3, 2 / 3, 1e-300, 1.7976931348623157e308, 123.456, -9.99e-7]
    for sample in samples {
      let text = NumberFormatting.string(sample)
      #expect(Double(text) == NumberFormatting.canonical(sample), "\(sample) → \(text)")
    }
  }

  @Test(arguments: [
    (0.1 + 0.2, "0.30000000000000004"),
    (8016.0, "8016"),
    (-339.0, "-339"),
    (-0.0, "0"),
    (0.054, "0.054"),
    (1e20, "1e+20"),
    (0.00001, "1e-05"),
    (9_007_199_254_740_992.0, "9007199254740992.0"),
    (123_456_789_012_345_678.0, "1.2345678901234568e+17"),
  ])
  func storedPrecisionPrintsEveryDigitOfTheDouble(value: Double, expected: String) {
    #expect(NumberFormatting.string(value, .stored) == expected)
  }

  @Test func storedPrecisionReadsBackAsTheSameDouble() {
    let samples: [Double] = [
      1 / 3, 2 / 3, 1e-300, 1.7976931348623157e308, .leastNonzeroMagnitude, 0.054 * 100,
      4_503_599_627_370_497,
      -9.99e-7, 0.1 + 0.7,
    ]
    for sample in samples {
      let text = NumberFormatting.string(sample, .stored)
      #expect(Double(text) == sample, "\(sample) → \(text)")
    }
  }

  @Test func bothPrecisionsNameNonFiniteValuesAlike() {
    for value in [Double.nan, .infinity, -.infinity] {
      #expect(NumberFormatting.string(value, .stored) == NumberFormatting.string(value, .excel))
    }
  }
}
