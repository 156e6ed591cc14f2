import Testing

@testable import KPISheet

/// A message line reaches the terminal as text: no control character acts, and a line too
/// long to read keeps its place and its reason.
@Suite struct MessageLineTests {
  @Test(arguments: [
    ("a\u{1B}[2Jb", "a\\x1B[2Jb"), ("bell\u{7}", "bell\\x07"), ("x\ny\rz\tw", "x\\ny\\rz\\tw"),
    ("\u{9B}31m", "\\x9B31m"), ("\u{7F}", "\\x7F"), ("abc\u{202E}fed", "abc\\u202Efed"),
    ("\u{2066}iso\u{2069}", "\\u2066iso\\u2069"), ("観光客数 8,016人", "観光客数 8,016人"),
  ])
  func controlCharactersAreShownNotObeyed(text: String, shown: String) {
    #expect(MessageLine.fitted(text) == shown)
  }

  @Test func aLongLineKeepsItsStartAndEnd() {
    let line =
      "book.xlsx: sheet \"KPI\", cell A1: \"" + String(repeating: "9", count: 50_000)
      + "\" is not a number"
    let fitted = MessageLine.fitted(line)
    #expect(fitted.hasPrefix("book.xlsx: sheet \"KPI\", cell A1: \"999"))
    #expect(fitted.hasSuffix("999\" is not a number"))
    let cut = line.count - MessageLine.maxLength
    #expect(fitted.contains("…(\(cut) characters left out)…"))
    #expect(fitted.count < MessageLine.maxLength + 40)
    #expect(MessageLine.fitted(line, language: .japanese).contains("…（\(cut) 文字を省略）…"))
    // A line of the limit's length is left whole.
    let limit = String(repeating: "a", count: MessageLine.maxLength)
    #expect(MessageLine.fitted(limit) == limit)
  }
}
