import Foundation
import KPIModel

/// What the report needs besides the records: the municipality's facts (from the records,
/// or from `convert` flags and a profile when departmental sheets lack them), the evaluation
/// year and a fixed creation time.
public struct ReportContext: Sendable, Equatable {
  public var municipality: Municipality
  /// 担当部局課名.
  public var department: String?
  /// 連絡先.
  public var contact: String?
  /// The grant's name; defaults to the current one.
  public var grant: String
  /// The fiscal year the 効果検証 form reports on.
  public var evaluationYear: Int
  /// A fixed creation time, so that the same input gives the same bytes.
  public var created: Date?

  public static let defaultGrant = "デジタル田園都市国家構想交付金（地方創生推進タイプ）"

  public init(
    municipality: Municipality = Municipality(), department: String? = nil, contact: String? = nil,
    grant: String? = nil, evaluationYear: Int, created: Date? = nil
  ) {
    self.municipality = municipality
    self.department = department
    self.contact = contact
    self.grant = grant ?? Self.defaultGrant
    self.evaluationYear = evaluationYear
    self.created = created
  }
}
