import Foundation
import KPIImport
import KPIModel
import Yams

/// The municipality's facts for a report, from a YAML profile and `convert` flags, used
/// where the departmental sheets do not state them:
///
/// ```yaml
/// municipality: 山陽小野田市
/// prefecture: 山口県
/// code: "352161"        # quote it: YAML would read 352161 as a number
/// department: 企画部企画課
/// contact: 0836-82-1111
/// grant: デジタル田園都市国家構想交付金（地方創生推進タイプ）   # optional
/// ```
public struct ReportProfile: Sendable, Equatable, Decodable {
  public var municipality: String?
  public var prefecture: String?
  public var code: String?
  public var department: String?
  public var contact: String?
  public var grant: String?

  public init(
    municipality: String? = nil, prefecture: String? = nil, code: String? = nil,
    department: String? = nil, contact: String? = nil, grant: String? = nil
  ) {
    self.municipality = municipality
    self.prefecture = prefecture
    self.code = code
    self.department = department
    self.contact = contact
    self.grant = grant
  }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case municipality, prefecture, code, department, contact, grant
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    municipality = try container.decodeIfPresent(String.self, forKey: .municipality)
    prefecture = try container.decodeIfPresent(String.self, forKey: .prefecture)
    // A code written without quotes arrives as a number: keep its digits.
    if let text = try? container.decodeIfPresent(String.self, forKey: .code) {
      code = text
    } else if let number = try container.decodeIfPresent(Int.self, forKey: .code) {
      code = String(number)
    }
    department = try container.decodeIfPresent(String.self, forKey: .department)
    contact = try container.decodeIfPresent(String.self, forKey: .contact)
    grant = try container.decodeIfPresent(String.self, forKey: .grant)
  }

  /// Reads a profile file (exit 66 when missing, 65 when it is not a profile): bounded and
  /// checked as YAMLFile reads it, every key known, every value a short line of text.
  public static func load(path: String) throws -> ReportProfile {
    let file: YAMLFile
    do {
      file = try YAMLFile.load(path: path)
    } catch {
      throw KPISheetError(
        error.isMissing ? .noInput : .dataError, "\(path): profile file: \(error.english)",
        japanese: "\(path): プロファイル ファイル: \(error.japanese)")
    }
    try checkKeys(file.root, path: path)
    let profile: ReportProfile
    do {
      profile = try YAMLDecoder().decode(ReportProfile.self, from: file.root)
    } catch {
      let key = Self.key(of: error)
      let line = key.flatMap { name in
        file.root.mapping?.first { $0.key.string == name }?.key.mark?.line
      }
      let at = line.map { "line \($0): " } ?? ""
      let atJapanese = line.map { "\($0) 行目: " } ?? ""
      let name = key ?? "a value"
      throw KPISheetError(
        .dataError, "\(path): profile file: \(at)\(name) must be text",
        japanese: "\(path): プロファイル ファイル: \(atJapanese)\(name) は文字列で書いてください")
    }
    if let (key, english, japanese) = profile.problem() {
      throw KPISheetError(
        .dataError, "\(path): profile file: \(key) \(english)",
        japanese: "\(path): プロファイル ファイル: \(key) \(japanese)")
    }
    if let code = profile.code, LocalGovernmentCode(code) == nil {
      throw KPISheetError(
        .dataError, "\(path): code \"\(code)\" is not a 5- or 6-digit local-government code",
        japanese: "\(path): code \"\(code)\" は 5 桁または 6 桁の地方公共団体コードではありません")
    }
    return profile
  }

  /// A misspelt key would be ignored silently, and its fact taken from elsewhere or missed.
  private static func checkKeys(_ root: Node, path: String) throws {
    let known = Set(CodingKeys.allCases.map(\.rawValue))
    for (key, _) in root.mapping ?? [:] {
      guard let name = key.string, !known.contains(name) else { continue }
      let line = key.mark.map { "line \($0.line): " } ?? ""
      let lineJapanese = key.mark.map { "\($0.line) 行目: " } ?? ""
      let list = CodingKeys.allCases.map(\.rawValue).joined(separator: ", ")
      throw KPISheetError(
        .dataError, "\(path): profile file: \(line)unknown key \(name) (the keys are \(list))",
        japanese: "\(path): プロファイル ファイル: \(lineJapanese)不明なキー \(name) があります（使えるキー: \(list)）")
    }
  }

  private static func key(of error: any Error) -> String? {
    guard let error = error as? DecodingError else { return nil }
    switch error {
    case .typeMismatch(_, let context), .valueNotFound(_, let context),
      .keyNotFound(_, let context), .dataCorrupted(let context):
      return context.codingPath.first?.stringValue
    @unknown default: return nil
    }
  }

  /// The longest fact a profile or a flag gives: a name or a contact line, never a paragraph.
  public static let maxLength = 1_000

  /// The first fact that cannot go into a report: its key, and what is wrong in English and
  /// Japanese. A NUL would cut the text short in the report and other control characters
  /// are no text at all; line breaks and tabs are kept.
  public func problem() -> (key: String, english: String, japanese: String)? {
    let facts: [(CodingKeys, String?)] = [
      (.municipality, municipality), (.prefecture, prefecture), (.code, code),
      (.department, department), (.contact, contact), (.grant, grant),
    ]
    for case (let key, let text?) in facts {
      let count = text.unicodeScalars.count
      if count > Self.maxLength {
        return (
          key.rawValue, "has \(count) characters, more than the \(Self.maxLength) a fact may have",
          "は \(count) 文字あり、上限の \(Self.maxLength) 文字を超えています"
        )
      }
      if let control = text.unicodeScalars.first(where: Self.isControl) {
        let code = "U+" + String(control.value, radix: 16, uppercase: true)
        return (
          key.rawValue, "contains the control character \(code), which is not text",
          "に制御文字 \(code) が含まれています"
        )
      }
    }
    return nil
  }

  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A: false
    case 0x00..<0x20, 0x7F...0x9F: true
    default: false
    }
  }

  /// These facts, with `other`'s filling the gaps (flags over a profile).
  public func filling(from other: ReportProfile) -> ReportProfile {
    ReportProfile(
      municipality: municipality ?? other.municipality, prefecture: prefecture ?? other.prefecture,
      code: code ?? other.code, department: department ?? other.department,
      contact: contact ?? other.contact, grant: grant ?? other.grant)
  }
}
