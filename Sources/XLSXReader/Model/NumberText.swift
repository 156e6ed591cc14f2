internal import CNumberParsing

/// Parses the text of a `<v>` element into a double without making a `String`.
///
/// Most stored numbers are short integers or decimals: those are computed exactly from their
/// digits (a mantissa up to 2^53 divided by a power of ten up to 10^22 is correctly rounded,
/// both being exact doubles and the division rounding once).
/// Anything else (17-digit doubles, exponents) goes to `strtod_l` in the C locale
/// (through the CNumberParsing shim).
enum NumberText {
  private static let powersOfTen: [Double] = (0...22).map { exponent in
    var value = 1.0
    for _ in 0..<exponent { value *= 10 }
    return value
  }

  /// The longest number text parsed.
  static let maxLength = 1_100

  static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    var start = 0
    var end = bytes.count
    while start < end && isSpace(bytes[start]) { start += 1 }
    while end > start && isSpace(bytes[end - 1]) { end -= 1 }
    guard start < end else { return nil }
    if let exact = fastPath(bytes, start, end) { return exact }
    return slowPath(bytes, start, end)
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  private static func fastPath(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int)
    -> Double?
  {
    guard let base = bytes.baseAddress else { return nil }
    var cursor = base + start
    let stop = base + end
    let negative = cursor.pointee == 0x2D
    if negative { cursor += 1 }
    var mantissa: UInt64 = 0
    let integerDigits = digitRun(&cursor, stop, into: &mantissa)
    var fractionDigits = 0
    if cursor < stop && cursor.pointee == 0x2E {
      cursor += 1
      fractionDigits = digitRun(&cursor, stop, into: &mantissa)
    }
    // Anything left is an exponent, a sign in the middle, or not a number at all.
    guard cursor == stop else { return nil }
    // Exact when the digits fit a double's 53-bit mantissa (up to 19 digits fit a UInt64
    // without overflow; more than that falls to strtod).
    let digits = integerDigits + fractionDigits
    guard digits > 0, digits <= 19, mantissa <= 1 << 53, fractionDigits < powersOfTen.count
    else { return nil }
    let magnitude = Double(mantissa) / powersOfTen[fractionDigits]
    return negative ? -magnitude : magnitude
  }

  /// Reads the run of decimal digits at `cursor` into `mantissa` (wrapping past 19 digits,
  /// which the caller refuses), eight at a time while eight are there: stored doubles often
  /// carry 15 to 17 digits. Returns how many digits there were.
  @inline(__always)
  private static func digitRun(
    _ cursor: inout UnsafePointer<UInt8>, _ stop: UnsafePointer<UInt8>, into mantissa: inout UInt64
  ) -> Int {
    let first = cursor
    while stop - cursor >= 8 {
      let word = UnsafeRawPointer(cursor).loadUnaligned(as: UInt64.self)
      guard let eight = eightDigits(UInt64(littleEndian: word)) else { break }
      mantissa = mantissa &* 100_000_000 &+ eight
      cursor += 8
    }
    while cursor < stop {
      let digit = cursor.pointee &- 0x30
      guard digit <= 9 else { break }
      mantissa = mantissa &* 10 &+ UInt64(digit)
      cursor += 1
    }
    return cursor - first
  }

  /// The value of eight ASCII digits packed in a word (the first in the low byte), or nil
  /// when any byte is not a digit; the SWAR method of Lemire's "fast_float".
  @inline(__always)
  private static func eightDigits(_ word: UInt64) -> UInt64? {
    // A byte below "0" borrows into its high bit; one above "9" carries into it. (Swift
    // ranks | with + and & with *: every operation is bracketed.)
    let outside = (word &+ 0x4646_4646_4646_4646) | (word &- 0x3030_3030_3030_3030)
    guard outside & 0x8080_8080_8080_8080 == 0 else { return nil }
    var value = word &- 0x3030_3030_3030_3030
    value = value &* 10 &+ (value >> 8)  // pairs of digits
    let mask: UInt64 = 0x0000_00FF_0000_00FF
    let pairsLow = (value & mask) &* 0x000F_4240_0000_0064  // 100 + (1000000 << 32)
    let pairsHigh = ((value >> 16) & mask) &* 0x0000_2710_0000_0001  // 1 + (10000 << 32)
    return (pairsLow &+ pairsHigh) >> 32
  }

  private static func slowPath(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int)
    -> Double?
  {
    let length = end - start
    // Long enough for any double written out in full (1e308 has 309 digits, the smallest
    // subnormal 767 significant ones), short enough that strtod's cost stays small.
    guard length <= maxLength else { return nil }
    // Only decimal notation: strtod would also take hexadecimal, "inf" and "nan".
    for index in start..<end {
      switch bytes[index] {
      case 0x30...0x39, 0x2B, 0x2D, 0x2E, 0x45, 0x65: continue
      default: return nil
      }
    }
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) {
      buffer -> Double? in
      for offset in 0..<length { buffer[offset] = CChar(bitPattern: bytes[start + offset]) }
      buffer[length] = 0
      guard let base = buffer.baseAddress else { return nil }
      var parsedEnd: UnsafeMutablePointer<CChar>?
      let value = kpisheet_strtod_c(base, &parsedEnd)
      guard let parsedEnd, parsedEnd == base + length, value.isFinite else { return nil }
      return value
    }
  }
}
