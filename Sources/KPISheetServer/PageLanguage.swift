import Foundation
import KPIModel

extension DiagnosticLanguage {
  /// The language of a request's `Accept-Language`: the first of English or Japanese by
  /// preference, Japanese when it names neither (the page's users are Japanese officers).
  static func preferred(by acceptLanguage: String?) -> DiagnosticLanguage {
    guard let acceptLanguage else { return .japanese }
    let ranked = acceptLanguage.split(separator: ",").enumerated().compactMap {
      index, item -> (tag: String, quality: Double, index: Int)? in
      let fields = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
      guard let tag = fields.first?.lowercased(), !tag.isEmpty else { return nil }
      let quality =
        fields.dropFirst().first { $0.hasPrefix("q=") }
        .flatMap { Double($0.dropFirst(2)) } ?? 1
      return (tag, quality, index)
    }
    .filter { $0.quality > 0 }
    .sorted { ($0.quality, -$0.index) > ($1.quality, -$1.index) }
    for entry in ranked {
      let primary = entry.tag.split(separator: "-").first.map(String.init) ?? entry.tag
      if primary == "en" { return .english }
      if primary == "ja" { return .japanese }
    }
    return .japanese
  }
}
