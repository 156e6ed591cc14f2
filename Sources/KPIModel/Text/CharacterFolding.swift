import Foundation

/// Cheap per-character normalisation for the per-cell parsers.
///
/// Full NFKC through Foundation is too slow to run on every cell of a big sheet, and the
/// parsers only need the width folding part of it: full-width ASCII (ＡＢ１２％（）．，＋)
/// to ASCII and the ideographic space to a space. Texts that are kept (units, headers)
/// get the real NFKC through `nfkc`.
enum CharacterFolding {
  /// Folds full-width ASCII forms (U+FF01–U+FF5E), the ideographic space and ￥.
  static func foldWidth(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    switch scalar.value {
    case 0xFF01...0xFF5E: return Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar
    case 0x3000: return " "
    case 0xFFE5: return "\u{A5}"  // ￥ → ¥
    default: return scalar
    }
  }

  /// Spaces, tabs, line breaks and the ideographic space.
  static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x85, 0x3000, 0x2028, 0x2029, 0x200B,
      0xFEFF:
      return true
    case 0x2000...0x200A: return true
    default: return false
    }
  }

  static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
    default: return false
    }
  }

  static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value >= 0x30 && scalar.value <= 0x39
  }

  static func digitValue(_ scalar: Unicode.Scalar) -> Int? {
    isDigit(scalar) ? Int(scalar.value - 0x30) : nil
  }

  static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
    (scalar.value >= 0x41 && scalar.value <= 0x5A) || (scalar.value >= 0x61 && scalar.value <= 0x7A)
  }

  /// Characters sheets use as a minus sign or, standing alone, as "not applicable".
  static func isDashLike(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x2D,  // - (and － after folding)
      0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015,  // ‐ ‑ ‒ – — ―
      0x2212,  // − minus sign
      0x30FC, 0xFF70,  // ー ｰ (long-vowel marks typed as dashes)
      0x2500, 0x2501:  // ─ ━ box-drawing lines
      return true
    default: return false
    }
  }

  /// The scalars of `text`, width-folded, with all whitespace removed.
  static func foldedCompact(_ text: String) -> [Unicode.Scalar] {
    var out: [Unicode.Scalar] = []
    out.reserveCapacity(text.unicodeScalars.count)
    for scalar in text.unicodeScalars {
      let folded = foldWidth(scalar)
      if !isWhitespace(folded) { out.append(folded) }
    }
    return out
  }

  /// Full NFKC, skipped when every character is one NFKC leaves unchanged: units such as
  /// 人, 千円 or ポイント are read once per cell, and Foundation's NFKC would dominate.
  static func nfkc(_ text: String) -> String {
    if text.unicodeScalars.allSatisfy(isNFKCStable) { return text }
    return text.precomposedStringWithCompatibilityMapping
  }

  /// ASCII, CJK unified ideographs, precomposed hiragana and katakana, ー and 々.
  private static func isNFKCStable(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00..<0x80, 0x4E00...0x9FFF, 0x3041...0x3096, 0x30A1...0x30FA, 0x30FC, 0x3005:
      return true
    default:
      return false
    }
  }

  /// NFKC with every whitespace character removed.
  static func nfkcCompact(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    for scalar in nfkc(text).unicodeScalars where !isWhitespace(scalar) {
      out.append(scalar)
    }
    return String(out)
  }

  static func string(_ scalars: some Sequence<Unicode.Scalar>) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    return String(view)
  }

  /// Whether `scalars` holds `word` starting at `index`.
  static func hasWord(
    _ word: [Unicode.Scalar], in scalars: [Unicode.Scalar], at index: Int
  ) -> Bool {
    guard index >= 0, index + word.count <= scalars.count else { return false }
    for offset in 0..<word.count where scalars[index + offset] != word[offset] {
      return false
    }
    return true
  }
}
