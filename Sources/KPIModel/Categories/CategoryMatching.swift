/// Finds which of a field's categories a cell names, by the earliest core phrase in it.
///
/// Cells carry numbering (①, 1., (1), 1:), 本事業は… prefixes, explanations after the
/// phrase, or a printed legend; the phrase that comes first is the one chosen, and the
/// longest when two start at the same place (改善し事業継続 before 継続).
struct CategoryMatcher<Category: Sendable>: Sendable {
  private let phrases: [(phrase: [Unicode.Scalar], category: Category)]

  init(_ table: [(String, Category)]) {
    phrases = table.map { (Array(CharacterFolding.nfkcCompact($0.0).unicodeScalars), $0.1) }
  }

  func match(_ text: String) -> Category? {
    let scalars = Array(CharacterFolding.nfkcCompact(text).unicodeScalars)
    var best: (position: Int, length: Int, category: Category)?
    for entry in phrases {
      guard
        let position = scalars.indices.first(where: {
          CharacterFolding.hasWord(entry.phrase, in: scalars, at: $0)
        })
      else { continue }
      if let current = best,
        position > current.position
          || (position == current.position && entry.phrase.count <= current.length)
      {
        continue
      }
      best = (position, entry.phrase.count, entry.category)
    }
    return best?.category
  }
}

extension Effect {
  /// The category a 事業効果 cell names, e.g. `2.地方創生に相当程度効果があった（目標の８割）`
  /// → `considerablyEffective`; the JSON names (`very-effective`) are accepted too. Nil
  /// when it names none (the caller reports `unknown-effect`).
  public init?(matching text: String) {
    if let direct = Effect(rawValue: text.trimmingLayoutWhitespace()) {
      self = direct
      return
    }
    guard let matched = Self.matcher.match(text) else { return nil }
    self = matched
  }

  /// The national form's wording, for reports.
  public var nationalWording: String {
    switch self {
    case .veryEffective: return "地方創生に非常に効果的であった"
    case .considerablyEffective: return "地方創生に相当程度効果があった"
    case .effective: return "地方創生に効果があった"
    case .notEffective: return "地方創生に効果がなかった"
    }
  }

  private static let matcher = CategoryMatcher<Effect>([
    ("非常に効果的", .veryEffective),
    ("非常に効果があった", .veryEffective),
    ("相当程度効果", .considerablyEffective),
    ("相当程度の効果", .considerablyEffective),
    ("効果があった", .effective),
    ("効果が有った", .effective),
    ("効果がなかった", .notEffective),
    ("効果が無かった", .notEffective),
    ("効果はなかった", .notEffective),
    ("効果は無かった", .notEffective),
  ])
}

extension Policy {
  /// The category a 今後の方針 cell names, e.g. `3.事業の継続` → `continue`, local
  /// wordings (事業拡大, 改善し事業継続, 事業中止・廃止, 事業・期間の終了) included; the JSON
  /// names are accepted too. Nil when it names none (`unknown-policy`).
  public init?(matching text: String) {
    if let direct = Policy(rawValue: text.trimmingLayoutWhitespace()) {
      self = direct
      return
    }
    guard let matched = Self.matcher.match(text) else { return nil }
    self = matched
  }

  /// The national form's wording, for reports.
  public var nationalWording: String {
    switch self {
    case .expand: return "追加等更に発展させる"
    case .improve: return "事業内容の見直し（改善）"
    case .continue: return "事業の継続"
    case .stop: return "事業の中止"
    case .complete: return "予定通り事業終了"
    }
  }

  private static let matcher = CategoryMatcher<Policy>([
    ("追加等更に発展", .expand),
    ("更に発展", .expand),
    ("さらに発展", .expand),
    ("事業拡大", .expand),
    ("事業の拡大", .expand),
    ("事業の発展", .expand),
    ("拡充", .expand),
    ("事業内容の見直し", .improve),
    ("改善し事業継続", .improve),
    ("改善して事業継続", .improve),
    ("事業の改善", .improve),
    ("見直し", .improve),
    ("改善", .improve),
    ("現状通り事業継続", .continue),
    ("事業の継続", .continue),
    ("事業継続", .continue),
    ("継続", .continue),
    ("事業の中止", .stop),
    ("事業中止", .stop),
    ("中止", .stop),
    ("廃止", .stop),
    ("予定通り事業終了", .complete),
    ("事業・期間の終了", .complete),
    ("事業期間の終了", .complete),
    ("事業の終了", .complete),
    ("事業終了", .complete),
    ("終了", .complete),
  ])
}

extension Direction {
  /// Reads 増加/増/上昇/↑ and 減少/減/低下/↓ (and the JSON names); nil otherwise.
  public init?(matching text: String) {
    let compact = CharacterFolding.nfkcCompact(text)
    switch compact {
    case "increase", "増加", "増", "上昇", "↑", "増加が望ましい": self = .increase
    case "decrease", "減少", "減", "低下", "↓", "減少が望ましい": self = .decrease
    default: return nil
    }
  }
}
