/// The report kpisheet writes (report.md) and reads back as layout F: its sheets, defined
/// once for both halves (KPIReport writes them, KPIImport reads them).
public enum ReportFormat {
  /// Sheet 1: the national form for one evaluation year.
  public static let evaluationSheet = "効果検証"
  /// Sheet 2: every project's multi-year progress, a block layout.
  public static let progressSheet = "KPI推移"
  /// Sheet 3: the counts behind the national government's two shares.
  public static let summarySheet = "集計"
  /// Sheet 4: the machine-readable flat table, one `DataRow` per row.
  public static let dataSheet = "データ"

  /// The sheet names, in the report's order.
  public static let sheetNames = [evaluationSheet, progressSheet, summarySheet, dataSheet]
}

/// The marker by which `extract` knows kpisheet's own reports (layout F): a custom document
/// property, so another workbook with a sheet named 効果検証 is never mistaken for one.
public enum ReportMarker {
  public static let propertyName = "kpisheet"
  /// What every report version's value starts with.
  public static let reportPrefix = "report-"
  /// The report format's version: from 2, 効果検証 and データ show KPI推移's values through
  /// formulas (report.md, "One source inside the workbook").
  public static let reportVersion = reportPrefix + "2"
  /// The first version, whose sheets hold values only: reading one back takes データ's values.
  public static let valuesOnlyVersion = reportPrefix + "1"
  /// What every template version's value starts with.
  public static let templatePrefix = "template-"
  /// The departmental template's version: 2 has the sheets 事業, 年度別, KPI and 評価.
  public static let templateVersion = templatePrefix + "2"

  /// True when `value`, the workbook's `kpisheet` property, marks a report of any version.
  public static func marksReport(_ value: String?) -> Bool {
    value?.hasPrefix(reportPrefix) == true
  }

  /// True when `value` marks the departmental template of any version.
  public static func marksTemplate(_ value: String?) -> Bool {
    value?.hasPrefix(templatePrefix) == true
  }
}

extension Scope {
  /// 単独 / 広域, as the report's sheets print the scope.
  public var reportLabel: String {
    switch self {
    case .single: return "単独"
    case .wideArea: return "広域"
    }
  }

  /// The scope a report's 区分 cell names, or nil for any other text.
  public init?(reportLabel: String) {
    guard let scope = Self.allCases.first(where: { $0.reportLabel == reportLabel }) else {
      return nil
    }
    self = scope
  }
}
