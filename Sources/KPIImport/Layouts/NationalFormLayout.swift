import KPIModel
import XLSXReader

/// Layout B, the national form (様式2 style, one year): rows per KPI with the project's cells
/// merged down, columns 指標 | 指標値 | 単位 | 目標年月 | 実績値 | 事業効果 | 事業の評価 |
/// 外部有識者からの意見 | 今後の方針 | 今後の方針の理由.
struct NationalFormLayout: LayoutReader {
  let layout = Layout.nationalForm

  func read(_ grid: SheetGrid, log: DiagnosticLog) -> SheetImport? {
    nil
  }
}
