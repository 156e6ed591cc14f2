import CellAddress
import XLSXWriter

/// The benchmark sheet's cells, computed exactly as Benchmarks/content.py and
/// Benchmarks/write.c compute them (content.py says what each column holds), so every
/// writer writes the same values.
struct BenchmarkSheet {
  static let columns = 10
  static let names = ["観光客数", "ブランド化したガラス商品数", "販売額", "来客数", "就職率"]
  // Weyl sequences: (row + 1) × an odd constant, wrapping at 2^64.
  static let nameStep: UInt64 = 0x9E37_79B9_7F4A_7C15
  static let decimalStep: UInt64 = 0xBF58_476D_1CE4_E5B9
  static let percentStep: UInt64 = 0x94D0_49BB_1331_11EB
  static let peopleStep: UInt64 = 0xD6E8_FEB8_6659_FD93

  static let decimal = FormatSpec(numberFormat: "#,##0.00")
  static let percent = FormatSpec(numberFormat: "0.0%")
  static let date = FormatSpec(numberFormat: "yyyy/m/d")
  static let people = FormatSpec(numberFormat: "#,##0\"人\"")

  /// 2020-04-01 and the 999 days after it.
  let dates: [LocalDateTime] = (0..<1000).map { BenchmarkSheet.civil(daysSince1970: 18_353 + $0) }

  /// Writes row `row` (zero-based); the cell in column `row % 10` stays blank.
  func write(row: Int, to sheet: Worksheet) throws {
    let n = UInt64(row + 1)
    let blank = row % BenchmarkSheet.columns
    func cell(_ column: Int) -> CellReference { CellReference(row: row, column: column) }
    if blank != 0 {
      let name = BenchmarkSheet.names[Int(((n &* BenchmarkSheet.nameStep) >> 32) % 5)]
      try sheet.write(name, at: cell(0))
    }
    if blank != 1 { try sheet.write("事業\(row % 500)", at: cell(1)) }
    if blank != 2 { try sheet.write(row, at: cell(2)) }
    if blank != 3 {
      let value = BenchmarkSheet.unit(n &* BenchmarkSheet.decimalStep) * 1000
      try sheet.write(value, at: cell(3), format: BenchmarkSheet.decimal)
    }
    if blank != 4 {
      let value = BenchmarkSheet.unit(n &* BenchmarkSheet.percentStep)
      try sheet.write(value, at: cell(4), format: BenchmarkSheet.percent)
    }
    if blank != 5 { try sheet.write(dates[row % 1000], at: cell(5), format: BenchmarkSheet.date) }
    if blank != 6 {
      let value = Int(((n &* BenchmarkSheet.peopleStep) >> 32) % 100_001)
      try sheet.write(value, at: cell(6), format: BenchmarkSheet.people)
    }
    if blank != 7 { try sheet.write("ユニーク\(row)", at: cell(7)) }
    if blank != 8 { try sheet.write(-row, at: cell(8)) }
    if blank != 9 { try sheet.write(row % 2 == 0, at: cell(9)) }
  }

  /// A double in [0, 1) from the top 53 bits.
  static func unit(_ bits: UInt64) -> Double {
    Double(bits >> 11) * 0x1.0p-53
  }

  /// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's
  /// algorithm, as in write.c).
  static func civil(daysSince1970: Int) -> LocalDateTime {
    let days = daysSince1970 + 719_468
    let era = (days >= 0 ? days : days - 146_096) / 146_097
    let dayOfEra = days - era * 146_097
    let yearOfEra =
      (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    return LocalDateTime(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
  }
}
