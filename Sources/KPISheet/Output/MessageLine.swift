import KPIModel

/// Makes a message line fit one terminal line, whatever text it quotes from a workbook, a file
/// name or a flag: control characters (C0, DEL, C1, line breaks) and the bidirectional
/// controls are written as visible escapes (`\x1B`, `\n`, `\u202E`), so quoted text can
/// neither move the cursor, ring the bell, retitle the window, reorder the line nor start a
/// second line; a line too long to read keeps its start (the file and place) and its end (what
/// is wrong) and says how much of the middle it left out.
public enum MessageLine {
  /// Characters a line keeps at most: a screenful, far more than any message of ours.
  public static let maxLength = 1_000
  /// Of those, the ones kept from the end (the rest come from the start).
  private static let tailLength = 300

  /// `text` escaped and, when still longer than `maxLength` characters, cut in the middle.
  public static func fitted(_ text: String, language: DiagnosticLanguage = .english) -> String {
    var scalars: [Unicode.Scalar] = []
    scalars.reserveCapacity(text.unicodeScalars.count)
    for scalar in text.unicodeScalars {
      if let escape = escape(scalar) {
        scalars.append(contentsOf: escape.unicodeScalars)
      } else {
        scalars.append(scalar)
      }
    }
    guard scalars.count > maxLength else { return string(scalars[...]) }
    let headLength = maxLength - tailLength
    let cut = scalars.count - maxLength
    let note =
      language == .japanese ? "…（\(cut) 文字を省略）…" : "…(\(cut) characters left out)…"
    return string(scalars[..<headLength]) + note + string(scalars[(scalars.count - tailLength)...])
  }

  /// The visible form of a character a terminal would act on, or nil for any other.
  static func escape(_ scalar: Unicode.Scalar) -> String? {
    switch scalar.value {
    case 0x0A: return "\\n"
    case 0x0D: return "\\r"
    case 0x09: return "\\t"
    case 0x00..<0x20, 0x7F...0x9F: return "\\x" + hex(scalar.value, digits: 2)
    // Bidirectional embeddings, overrides and isolates reorder what follows them.
    case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
      return "\\u" + hex(scalar.value, digits: 4)
    default: return nil
    }
  }

  private static func hex(_ value: UInt32, digits: Int) -> String {
    let text = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }

  private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
    var text = ""
    text.unicodeScalars.append(contentsOf: scalars)
    return text
  }
}
