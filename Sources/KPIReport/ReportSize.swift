import KPIModel

/// What a report will hold, counted from the records before anything is written, against
/// what one report may hold.
///
/// libxlsxwriter keeps every cell and chart of a workbook in memory until it saves (the
/// report cannot use its constant-memory mode, which refuses merged cells), so a report's
/// memory grows with its rows and charts. The limits keep the largest report well under
/// 512 MiB; records larger than that are refused before any work, with what to do instead.
struct ReportSize {
  /// データ rows (one per project × KPI × fiscal year): each carries about thirty cells,
  /// most of them formulas, besides what KPI推移 and 効果検証 write for it.
  static let maxDataRows = 30_000
  /// Charts on KPI推移 (one per KPI with values): each costs libxlsxwriter far more than a
  /// row does.
  static let maxCharts = 8_000
  /// UTF-8 bytes of the projects' texts (names, overviews, activities, evaluations), which
  /// the report writes on more than one sheet.
  static let maxTextBytes = 64 << 20

  let dataRows: Int
  let charts: Int
  let textBytes: Int

  init(_ document: RecordsDocument) {
    var dataRows = 0
    var charts = 0
    var textBytes = 0
    for project in document.projects {
      dataRows += DataRow.rowCount(of: project)
      if !ProgressSheet.fiscalYears(of: project).isEmpty {
        charts += project.kpis.count { kpi in
          kpi.values.contains { $0.target != nil || $0.actual != nil }
        }
      }
      textBytes += Self.textBytes(of: project)
    }
    self.dataRows = dataRows
    self.charts = charts
    self.textBytes = textBytes
  }

  /// The first limit the report passes, said in English and Japanese; nil when it fits.
  var excess: (detail: String, japanese: String)? {
    if dataRows > Self.maxDataRows {
      return (
        "the report would have \(dataRows) rows on データ (one per project, KPI and year), more than the \(Self.maxDataRows) one report holds",
        "レポートの データ シートが \(dataRows) 行（事業・KPI・年度ごとに1行）になり、1つのレポートに入る \(Self.maxDataRows) 行を超えます"
      )
    }
    if charts > Self.maxCharts {
      return (
        "the report would have \(charts) charts on KPI推移 (one per KPI with values), more than the \(Self.maxCharts) one report holds",
        "レポートの KPI推移 シートのグラフが \(charts) 個（値のある KPI ごとに1個）になり、1つのレポートに入る \(Self.maxCharts) 個を超えます"
      )
    }
    if textBytes > Self.maxTextBytes {
      return (
        "the projects' texts come to \(textBytes) bytes, more than the \(Self.maxTextBytes) one report holds",
        "事業の文章が合計 \(textBytes) バイトあり、1つのレポートに入る \(Self.maxTextBytes) バイトを超えます"
      )
    }
    return nil
  }

  private static func textBytes(of project: Project) -> Int {
    var bytes = project.name.utf8.count + (project.overview?.utf8.count ?? 0)
    bytes += project.department?.utf8.count ?? 0
    for year in project.years {
      bytes += year.activities.reduce(0) { $0 + $1.utf8.count }
    }
    for kpi in project.kpis {
      bytes += kpi.name.utf8.count + (kpi.unit?.utf8.count ?? 0)
    }
    if let evaluation = project.evaluation {
      bytes += evaluation.assessment?.utf8.count ?? 0
      bytes += evaluation.expertOpinion?.utf8.count ?? 0
      bytes += evaluation.policyReason?.utf8.count ?? 0
    }
    return bytes
  }
}
