/// Undoes the layout typed into cells: line breaks and spaces inside names and labels,
/// bulleted activity lists.
///
/// Names keep their own characters (ＰＰＰ stays ＰＰＰ): only whitespace goes.
public enum TextNormalizer {
  /// A name or label without layout whitespace: `販\n売額` → 販売額, `初\n年\n度` → 初年度,
  /// U+3000 removed. A space run between two ASCII letters or digits becomes one space,
  /// so `Smart City` keeps its word break.
  public static func compact(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in text.unicodeScalars {
      if CharacterFolding.isWhitespace(scalar) {
        pendingSpace = true
        continue
      }
      if pendingSpace, let last = out.last, isASCIIWordCharacter(last),
        isASCIIWordCharacter(scalar)
      {
        out.append(" ")
      }
      pendingSpace = false
      out.append(scalar)
    }
    return String(out)
  }

  /// A paragraph (an overview) whose lines were broken for layout: lines trimmed and
  /// joined without a separator (with one space between ASCII words); nil when empty.
  public static func paragraph(_ text: String) -> String? {
    var out = ""
    for line in lines(text) {
      if let last = out.unicodeScalars.last, let first = line.unicodeScalars.first,
        isASCIIWordCharacter(last), isASCIIWordCharacter(first)
      {
        out += " "
      }
      out += line
    }
    return out.isEmpty ? nil : out
  }

  /// A cell's activities, one item each.
  ///
  /// When some line starts with a bullet (・ ● ○ ◦ • ■ □ ◆ ◇ ※, or - before a non-digit),
  /// each bulleted line starts an item, its bullet removed, and a line without a bullet
  /// continues the item above, joined with no separator. A ・ inside a line stays
  /// (「実施・ＰＲツール制作」 is one item). Without bullets, each line is an item.
  /// Empty lines are dropped.
  public static func activities(_ text: String) -> [String] {
    let lines = lines(text)
    guard lines.contains(where: { bulletLength($0) > 0 }) else { return lines }
    var items: [String] = []
    for line in lines {
      let bullet = bulletLength(line)
      if bullet > 0 || items.isEmpty {
        let item = String(line.unicodeScalars.dropFirst(bullet)).trimmingLayoutWhitespace()
        items.append(item)
      } else {
        items[items.count - 1] += line
      }
    }
    return items.filter { !$0.isEmpty }
  }

  /// The text's lines, trimmed, without empty ones.
  static func lines(_ text: String) -> [String] {
    var lines: [String] = []
    var current = String.UnicodeScalarView()
    func flush() {
      let line = String(current).trimmingLayoutWhitespace()
      if !line.isEmpty { lines.append(line) }
      current = String.UnicodeScalarView()
    }
    for scalar in text.unicodeScalars {
      if CharacterFolding.isLineBreak(scalar) {
        flush()
      } else {
        current.append(scalar)
      }
    }
    flush()
    return lines
  }

  /// The number of scalars of the bullet a (trimmed) line starts with; 0 for none.
  private static func bulletLength(_ line: String) -> Int {
    var scalars = line.unicodeScalars.makeIterator()
    guard let first = scalars.next().map(CharacterFolding.foldWidth) else { return 0 }
    switch first {
    case "・", "\u{FF65}", "●", "○", "◦", "•", "■", "□", "◆", "◇", "▪", "◎", "※":
      return 1
    case "-":
      // "-5%削減" starts with a number, not a bullet.
      let next = scalars.next().map(CharacterFolding.foldWidth)
      return next.map(CharacterFolding.isDigit) == true ? 0 : 1
    default:
      return 0
    }
  }

  private static func isASCIIWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
    CharacterFolding.isASCIILetter(scalar) || CharacterFolding.isDigit(scalar)
  }
}
