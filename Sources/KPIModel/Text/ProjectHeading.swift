/// A project heading split into its number, name and period:
/// `①　小野田ガラスのブランド化推進事業（令和２年度～令和４年度）` → 1, the name, 2020–2022.
public struct ProjectHeading: Sendable, Equatable {
  /// From the marker: ①, ⑴, (1), （１）, 1., １．, 1), 1、; nil without one.
  public var no: Int?
  /// The name without marker, period or layout whitespace; never empty.
  public var name: String
  /// From a trailing （令和２年度～令和４年度）; nil without one.
  public var period: FiscalPeriod?

  public init(no: Int?, name: String, period: FiscalPeriod?) {
    self.no = no
    self.name = name
    self.period = period
  }

  /// Splits a heading or name cell; nil when no name is left.
  public static func parse(_ text: String) -> ProjectHeading? {
    var scalars = Array(text.trimmingLayoutWhitespace().unicodeScalars)
    let marker = leadingMarker(scalars)
    scalars.removeFirst(marker.length)
    var period: FiscalPeriod?
    // A trailing bracket that reads as a period is the period; any other stays in the name.
    if let last = scalars.last, last == ")" || last == "）",
      let open = scalars.lastIndex(where: { $0 == "(" || $0 == "（" }),
      let parsed = FiscalPeriod.parse(
        CharacterFolding.string(scalars[(open + 1)..<(scalars.count - 1)]))
    {
      period = parsed
      scalars.removeSubrange(open...)
    }
    let name = TextNormalizer.compact(CharacterFolding.string(scalars))
    guard !name.isEmpty else { return nil }
    return ProjectHeading(no: marker.number, name: name, period: period)
  }

  /// The number a leading marker gives and how many scalars it takes, trailing
  /// whitespace included.
  static func leadingMarker(_ scalars: [Unicode.Scalar]) -> (number: Int?, length: Int) {
    guard let first = scalars.first else { return (nil, 0) }
    var number: Int?
    var length = 0
    if let circled = circledNumber(first) {
      number = circled
      length = 1
    } else {
      let folded = scalars.map(CharacterFolding.foldWidth)
      var cursor = ScalarCursor(folded[...])
      if cursor.consume("("), let value = cursor.readNumber(maxDigits: 2), cursor.consume(")") {
        number = value
        length = cursor.index
      } else {
        cursor = ScalarCursor(folded[...])
        if let value = cursor.readNumber(maxDigits: 2),
          cursor.consume(".") || cursor.consume(")") || cursor.consume("、")
            || cursor.consume(":"),
          cursor.index == folded.count || !CharacterFolding.isDigit(folded[cursor.index])
        {
          number = value
          length = cursor.index
        }
      }
    }
    guard let number, number >= 1 else { return (nil, 0) }
    while length < scalars.count, CharacterFolding.isWhitespace(scalars[length]) {
      length += 1
    }
    return (number, length)
  }

  /// ①–⑳, ㉑–㉟, ㊱–㊿, ⑴–⒇, ⒈–⒛, ❶–❿, ➀–➉, ➊–➓.
  private static func circledNumber(_ scalar: Unicode.Scalar) -> Int? {
    let value = Int(scalar.value)
    let ranges: [(first: Int, last: Int, startsAt: Int)] = [
      (0x2460, 0x2473, 1), (0x3251, 0x325F, 21), (0x32B1, 0x32BF, 36),
      (0x2474, 0x2487, 1), (0x2488, 0x249B, 1), (0x2776, 0x277F, 1),
      (0x2780, 0x2789, 1), (0x278A, 0x2793, 1),
    ]
    for range in ranges where (range.first...range.last).contains(value) {
      return value - range.first + range.startsAt
    }
    return nil
  }
}

extension FiscalPeriod {
  /// Reads a period: `令和２年度～令和４年度`, `令和2年度～4年度`, `R2～R4`,
  /// `2020年度-2022年度`, `令和2年度から令和4年度まで`; nil when it is not one.
  public static func parse(_ text: String) -> FiscalPeriod? {
    let scalars = CharacterFolding.foldedCompact(text)
    let separators: [[Unicode.Scalar]] = ["~", "〜", "から", "-", "–", "—", "―", "−"].map {
      Array($0.unicodeScalars)
    }
    for separator in separators {
      guard
        let at = scalars.indices.first(where: {
          CharacterFolding.hasWord(separator, in: scalars, at: $0)
        })
      else { continue }
      var right = Array(scalars[(at + separator.count)...])
      if CharacterFolding.hasWord(["ま", "で"], in: right, at: right.count - 2) {
        right.removeLast(2)
      }
      return period(left: Array(scalars[..<at]), right: right)
    }
    return nil
  }

  private static func period(left: [Unicode.Scalar], right: [Unicode.Scalar]) -> FiscalPeriod? {
    guard let startLabel = FiscalYearLabel.parse(CharacterFolding.string(left)),
      let start = startLabel.resolve(periodStart: nil)
    else { return nil }
    var endLabel = FiscalYearLabel.parse(CharacterFolding.string(right))
    // 令和2年度～4年度: the end borrows the start's era.
    if endLabel == nil, let era = FiscalYearLabel.era(startingWith: left),
      let first = right.first, CharacterFolding.isDigit(first) || first == "元"
    {
      endLabel = FiscalYearLabel.parse(
        CharacterFolding.string(left.prefix(era.length) + right))
    }
    guard let end = endLabel?.resolve(periodStart: nil), start <= end else { return nil }
    return FiscalPeriod(start: start, end: end)
  }
}
