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
    var digits = 0
    var pointAt: UnsafePointer<UInt8>?
    while cursor < stop {
      let digit = cursor.pointee &- 0x30
      if digit <= 9 {
        mantissa = mantissa &* 10 &+ UInt64(digit)
        digits += 1
      } else if cursor.pointee == 0x2E && pointAt == nil {
        pointAt = cursor
      } else {
        return nil  // an exponent, a sign in the middle, or not a number at all
      }
      cursor += 1
    }
    // Exact when the digits fit a double's 53-bit mantissa (up to 19 digits fit a UInt64
    // without overflow; more than that falls to strtod).
    guard digits > 0, digits <= 19, mantissa <= 1 << 53 else { return nil }
    let fractionDigits = pointAt.map { stop - $0 - 1 } ?? 0
    guard fractionDigits < powersOfTen.count else { return nil }
    let magnitude = Double(mantissa) / powersOfTen[fractionDigits]
    return negative ? -magnitude : magnitude
  }

  private static func slowPath(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int)
    -> Double?
  {
    let length = end - start
    guard length < 64 else { return nil }
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
