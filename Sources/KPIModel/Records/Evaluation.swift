/// A project's evaluation for one year: effect, outside experts' view and what comes next.
public struct Evaluation: Sendable, Equatable {
  public var fiscalYear: Int?
  public var effect: Effect?
  /// 事業の評価 (外部有識者の評価), as written.
  public var assessment: String?
  /// 外部有識者からの意見.
  public var expertOpinion: String?
  public var policy: Policy?
  /// 今後の方針の理由.
  public var policyReason: String?
  /// A letter or symbol grade (A, ◎, 有効), as written; its explanation goes to `assessment`.
  public var grade: String?

  public init(
    fiscalYear: Int? = nil, effect: Effect? = nil, assessment: String? = nil,
    expertOpinion: String? = nil, policy: Policy? = nil, policyReason: String? = nil,
    grade: String? = nil
  ) {
    self.grade = grade
    self.fiscalYear = fiscalYear
    self.effect = effect
    self.assessment = assessment
    self.expertOpinion = expertOpinion
    self.policy = policy
    self.policyReason = policyReason
  }
}

/// 事業効果: the national categories of a project's effect on regional revitalisation.
public enum Effect: String, Sendable, CaseIterable {
  case veryEffective = "very-effective"
  case considerablyEffective = "considerably-effective"
  case effective
  case notEffective = "not-effective"
}

/// 今後の方針: the national categories of what happens to a project next.
public enum Policy: String, Sendable, CaseIterable {
  case expand
  case improve
  case `continue`
  case stop
  case complete
}
