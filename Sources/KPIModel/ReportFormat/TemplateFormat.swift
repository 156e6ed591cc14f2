/// The departmental template that `kpisheet template` writes and `extract` reads back: its
/// sheets and column headers, defined once for both halves (KPIReport writes them, KPIImport
/// reads them by these headers, so a department may move columns or insert rows).
public enum TemplateFormat {
  /// The instructions, first so that a department reads them first.
  public static let instructionsSheet = "記入方法"
  /// One row per project: its name, 区分, period, department, overview; the municipality
  /// above the table.
  public static let projectSheet = "事業"
  /// One row per project × fiscal year: that year's activities and cost.
  public static let yearSheet = "年度別"
  /// One row per project × KPI × fiscal year: unit, direction, target, actual.
  public static let kpiSheet = "KPI"
  /// One row per project: this year's evaluation (national wording).
  public static let evaluationSheet = "評価"

  /// The sheet names, in the template's order.
  public static let sheetNames = [
    instructionsSheet, projectSheet, yearSheet, kpiSheet, evaluationSheet,
  ]

  /// What a project name starts with on a row that only shows how to fill the sheet;
  /// `extract` skips such rows wherever they are.
  public static let exampleMarker = "【記入例】"

  /// Whether a project name marks an example row: 【記入例】…, or 記入例 / 例 written with
  /// other brackets (（例）, [例]) by a department copying the row.
  public static func isExample(_ name: String) -> Bool {
    let compact = CharacterFolding.nfkcCompact(name)
    for prefix in ["【記入例】", "[記入例]", "(記入例)", "記入例", "【例】", "[例]", "(例)", "例:"]
    where compact.hasPrefix(CharacterFolding.nfkcCompact(prefix)) {
      return true
    }
    return false
  }

  /// The 事業 sheet's columns, in order.
  public enum ProjectColumn: String, CaseIterable, Sendable {
    case no = "番号"
    case name = "事業名"
    case scope = "区分"
    case start = "開始年度"
    case end = "終了年度"
    case grantType = "交付金の種類"
    case department = "担当部局課名"
    case overview = "事業概要"
    case partners = "連携団体"
  }

  /// The 年度別 sheet's columns, in order.
  public enum YearColumn: String, CaseIterable, Sendable {
    case name = "事業名"
    case fiscalYear = "年度"
    case activities = "実施内容"
    case cost = "実績額（事業費）"
    case costUnit = "単位"
  }

  /// The KPI sheet's columns, in order.
  public enum KPIColumn: String, CaseIterable, Sendable {
    case name = "事業名"
    case kpi = "KPI"
    case unit = "単位"
    case direction = "指標の方向"
    case fiscalYear = "年度"
    case target = "目標値"
    case actual = "実績値"
    case due = "目標年月"
    case baseline = "基準値（事業開始前）"
  }

  /// The 評価 sheet's columns, in order.
  public enum EvaluationColumn: String, CaseIterable, Sendable {
    case name = "事業名"
    case fiscalYear = "評価年度"
    case effect = "事業効果"
    case assessment = "事業の評価"
    case expertOpinion = "外部有識者からの意見"
    case policy = "今後の方針"
    case policyReason = "今後の方針の理由"
  }

  /// The labels of the municipality block above the 事業 table, each with its value to the
  /// right.
  public static let municipalityLabels = ["都道府県名", "市町村名", "地方公共団体コード"]
  /// The label of the grant's name, under the municipality block.
  public static let grantLabel = "交付金の名称"

  /// Partner municipalities in one cell are separated by this (or by commas or lines).
  public static let partnerSeparator = "、"

  /// Splits a 連携団体 cell into names.
  public static func partners(_ text: String) -> [String] {
    text.split(whereSeparator: { "、,，;；\n".contains($0) })
      .map { TextNormalizer.compact(String($0)) }.filter { !$0.isEmpty }
  }
}
