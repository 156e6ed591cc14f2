import Foundation
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

  enum CodingKeys: String, CodingKey {
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

  /// Reads a profile file (exit 66 when missing, 65 when it is not a profile).
  public static func load(path: String) throws -> ReportProfile {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw KPISheetError(
        .noInput, "\(path): no such profile file", japanese: "\(path): プロファイル ファイルがありません")
    }
    do {
      let profile = try YAMLDecoder().decode(
        ReportProfile.self, from: String(decoding: data, as: UTF8.self))
      if let code = profile.code, LocalGovernmentCode(code) == nil {
        throw KPISheetError(
          .dataError, "\(path): code \"\(code)\" is not a 5- or 6-digit local-government code",
          japanese: "\(path): code \"\(code)\" は 5 桁または 6 桁の地方公共団体コードではありません")
      }
      return profile
    } catch let error as KPISheetError {
      throw error
    } catch {
      // The YAML decoder's own words are quoted as they are.
      throw KPISheetError(
        .dataError, "\(path): not a profile file (\(error))",
        japanese: "\(path): プロファイル ファイルとして読めません（\(error)）")
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
