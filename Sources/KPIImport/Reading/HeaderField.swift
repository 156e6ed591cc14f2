import KPIModel

/// A field a header cell can name, with the words departments use for it
/// (input-layouts.md: whole first-line matches after removing spaces and NFKC, a trailing
/// parenthesised note ignored).
public enum HeaderField: String, CaseIterable, Sendable {
  case no, projectName, department, grantType, cost, period, overview, kpi, unit, target, due
  case actual, fiscalYear, baseline, effect, assessment, expertOpinion, policy, policyReason
  case cumulative, prefecture, municipality, code, contact
  /// 最終目標: the KPI's final target, not a year's.
  case finalTarget
  /// A letter or symbol grade (評価, 総合評価, 達成度).
  case grade
  /// 実績年月: the month an actual was measured (its fiscal year, when it differs from the target's).
  case dueActual
  /// 区分: the column that says which measure a row holds (目標値 / 実績値).
  case measure
  /// The year of the measure beside or above it, one per row: 基準年度 beside 基準値, 目標年度
  /// beside 目標値, 時点 under a 基準値 / 目標値 group header.
  case measureYear

  /// The header words, as their keys (NFKC, no spaces).
  var words: [String] {
    switch self {
    case .no: ["No", "No.", "NO", "NO.", "番号", "通番", "事業番号"]
    case .projectName:
      [
        "事業名", "交付対象事業の名称", "事業の名称", "事業", "事業名称", "交付対象事業名", "交付対象事業名称", "施策", "施策名", "取組",
        "取組名", "主な具体的事業", "具体的な事業", "具体的事業", "個別施策", "基本事業名", "基本事業", "地域再生計画の名称",
        "計画の名称",
      ]
    case .department:
      [
        "担当課", "担当部局課名", "担当部署", "所管課", "担当", "担当部局", "所管部署", "担当課室",
        "担当部課名",
      ]
    case .grantType: ["交付金の種類"]
    case .cost: ["実績額", "事業費", "交付対象事業費", "決算額"]
    case .period: ["事業期間", "実施期間", "事業実施期間"]
    case .overview: ["事業概要", "事業の概要", "概要"]
    case .kpi:
      [
        "重要業績評価指標", "KPI", "指標", "指標名", "評価指標", "KPI名", "重要業績評価指標(KPI)", "成果指標", "成果指標名",
        "指標名称", "数値目標", "KPI項目", "本事業における重要業績評価指標", "重要業績評価指標名", "目標(指標)名",
        "定量的指標", "指標目標",
      ]
    case .unit: ["単位"]
    case .target:
      [
        "目標値", "目標", "指標値", "目標指標値", "KPI目標値", "中間目標", "中間目標値", "KPI目標", "目標数値", "目標値等",
        "計画値", "計画", "当初目標", "年度目標", "年度目標値",
      ]
    case .due: ["目標年月", "目標月", "目標時期"]
    case .actual:
      [
        "実績値", "実績", "KPI実績値", "本事業終了後における実績値", "達成値", "実績数値", "KPI実績", "実績値等", "年度実績",
        "年度実績値",
      ]
    case .fiscalYear: ["年度", "対象年度"]
    case .baseline:
      [
        "事業開始前", "現時点", "基準値", "申請時", "現状値", "策定時", "計画策定時", "従前値", "現状", "策定時の値", "現況値",
        "計画策定", "当初現況値",
      ]
    case .effect: ["事業効果", "事業の効果"]
    case .assessment: ["事業の評価", "外部有識者の評価", "外部委員からの評価", "外部委員の評価"]
    case .expertOpinion:
      ["外部有識者からの意見", "外部有識者の意見", "意見", "外部委員の意見", "外部有識者会議の意見", "委員意見", "有識者の意見"]
    case .policy: ["今後の方針"]
    case .policyReason: ["今後の方針の理由", "理由", "方針の理由"]
    case .cumulative: ["累計", "KPI増加分の累計", "合計", "計", "平均", "累計値"]
    case .prefecture: ["都道府県名", "都道府県"]
    case .municipality: ["市町村名", "市区町村名", "団体名", "地方公共団体名"]
    case .code: ["地方公共団体コード", "都道府県・市町村コード", "市町村コード", "団体コード", "コード"]
    case .contact: ["連絡先", "電話番号"]
    case .finalTarget:
      [
        "最終", "最終目標", "最終目標値", "目標値(最終)", "最終年度目標", "5ヵ年目標", "5か年目標", "計画目標",
      ]
    case .grade: ["評価", "総合評価", "達成度", "評価区分", "達成状況", "KPI評価"]
    case .dueActual: ["実績年月", "実績月", "実績時期", "実績年度"]
    case .measure: ["区分"]
    case .measureYear:
      [
        "目標年度", "目標年", "目標時点", "基準年度", "基準年", "基準時点", "時点", "年次", "時期", "把握時点", "調査時点",
        "測定時点",
      ]
    }
  }

  private static let byWord: [String: HeaderField] = {
    var table: [String: HeaderField] = [:]
    for field in HeaderField.allCases {
      for word in field.words {
        let key = HeaderText.key(word).uppercased()
        if table[key] == nil { table[key] = field }
      }
    }
    return table
  }()

  /// The field a header text names, or nil. `事業概要` answers `.overview`; layout readers
  /// decide from the context whether it heads activities.
  public static func match(_ text: String) -> HeaderField? {
    match(HeaderText(text))
  }

  /// The field an already reduced header names.
  static func match(_ header: HeaderText) -> HeaderField? {
    // 「（単位）」 alone heads a unit column.
    if header.key.isEmpty, header.notes.last.map(HeaderText.key) == "単位" { return .unit }
    if let field = byWord[header.key.uppercased()] { return field }
    // めざす姿の成果指標名, 施策の成果指標名: a name of outcome indicators, whatever it is of.
    if header.key.hasSuffix("の成果指標名") { return .kpi }
    return nil
  }
}

extension HeaderText {
  /// The unit of a money column: a （単位：千円） note, or a bare （円） / （千円） note, which on a
  /// cost header can only be a unit (on other headers a bare note may be （KPI））.
  var moneyUnit: String? {
    if let unit { return unit }
    let money = ["円", "千円", "百万円", "万円", "億円"]
    return notes.last.flatMap(QuantityParser.normalizedUnit).flatMap {
      money.contains($0) ? $0 : nil
    }
  }
}
