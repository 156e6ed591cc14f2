/// An amount written out with Japanese magnitude words: 「11億6,012万1千円」,
/// 「3,737万8千人」, 「5万3,000人」.
///
/// Read only when the magnitudes make one number (two or more groups, or a group followed by
/// more digits): 「1千円」 alone is 1 in the unit 千円, and 「5万人」 is read by the ordinary
/// multiplier rule.
enum CompoundAmount {
  private static let magnitudes: [Unicode.Scalar: Double] = [
    "兆": 1e12, "億": 1e8, "万": 1e4, "千": 1e3,
  ]

  /// The value and the unit after it, or nil when `scalars` (width-folded, no spaces) is not
  /// such an amount.
  static func parse(_ scalars: [Unicode.Scalar]) -> (value: Double, unit: [Unicode.Scalar])? {
    var index = 0
    var total = 0.0
    var groups = 0
    var trailing: Double?
    while index < scalars.count {
      guard let (number, next) = digits(scalars, from: index) else { break }
      if next < scalars.count, let magnitude = magnitudes[scalars[next]] {
        total += number * magnitude
        groups += 1
        index = next + 1
      } else {
        trailing = number
        index = next
        break
      }
    }
    guard groups >= 2 || (groups == 1 && trailing != nil) else { return nil }
    total += trailing ?? 0
    return (total, Array(scalars[index...]))
  }

  /// A run of digits with thousands separators and a decimal point.
  private static func digits(_ scalars: [Unicode.Scalar], from start: Int) -> (Double, Int)? {
    var index = start
    var text = ""
    while index < scalars.count {
      let scalar = scalars[index]
      if ("0"..."9").contains(scalar) || scalar == "." {
        text.unicodeScalars.append(scalar)
      } else if scalar != "," {
        break
      }
      index += 1
    }
    guard let value = Double(text) else { return nil }
    return (value, index)
  }
}
