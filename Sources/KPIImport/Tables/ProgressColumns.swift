import CellAddress
import Foundation
import KPIModel
import XLSXReader

/// The columns of a 総合計画 progress table that look like measures but are not, and the bare
/// years that are actuals: 指標 | 現状値 | 年度 | 目標（アップ | 平成32年） | 23年度 | 達成率 | 24年度 ….
enum ProgressColumns {
  /// The header as a progress table means it, and the column of アップ / ダウン words if any.
  static func adjusted(_ header: TableHeader, grid: SheetGrid, dataRows: [Int]) -> (
    header: TableHeader, directionColumn: Int?
  ) {
    var header = header
    let direction = directionColumn(header, grid: grid, dataRows: dataRows)
    if let direction, let index = header.columns.firstIndex(where: { $0.column == direction }) {
      header.columns[index].role = .ignored(header.columns[index].texts.last ?? "")
    }
    readBareYearsAsActuals(&header)
    return (header, direction)
  }

  /// A KPI's direction as a progress table writes it: アップ / ダウン, 増加 / 減少, ↑ / ↓.
  static func direction(_ text: String) -> Direction? {
    var key = TextNormalizer.compact(text).precomposedStringWithCompatibilityMapping
    // 増加を目指す, 減少を目指します: the direction with the sentence around it.
    for suffix in ["を目指します", "を目指す", "をめざす", "をめざします"] where key.hasSuffix(suffix) {
      key = String(key.dropLast(suffix.count))
    }
    switch key {
    case "アップ", "UP", "up": return .increase
    case "ダウン", "DOWN", "down": return .decrease
    default: return Direction(matching: key)
    }
  }

  /// A column whose every filled data cell names a direction (アップ / ダウン under a 目標 group
  /// header it has no sub-header of its own under): the KPI's direction, never a value.
  private static func directionColumn(_ header: TableHeader, grid: SheetGrid, dataRows: [Int])
    -> Int?
  {
    for column in header.columns {
      let headed = column.texts.last.map {
        ["方向性", "指標の方向", "指標の方向性", "方向"].contains(HeaderText.key($0))
      }
      if case .value = column.role {
      } else if headed != true {
        continue
      }
      let texts = dataRows.compactMap {
        CellReading.text(grid.cell(at: CellReference(row: $0, column: column.column)))
      }
      if !texts.isEmpty, texts.allSatisfy({ direction($0) != nil }) { return column.column }
    }
    return nil
  }

  /// Years across with no measure word under them, beside one dated target for a later year
  /// and no 区分 column (目標 平成32年 | 23年度 | 24年度): the years are actuals and the dated
  /// target is the final target only. A 年度 column right of the baseline is then the
  /// baseline's date, not the rows' year.
  private static func readBareYearsAsActuals(_ header: inout TableHeader) {
    guard header.column(.measure) == nil else { return }
    var years: [Int] = []
    var targets: [(index: Int, year: HeaderYear, fiscalYear: Int)] = []
    for (index, column) in header.columns.enumerated() {
      switch column.role {
      case .year(let year):
        guard case .absolute(let fiscalYear) = year.label else { return }
        years.append(fiscalYear)
      case .value(.actual, _): return
      case .value(.target, let year?):
        guard case .absolute(let fiscalYear) = year.label else { return }
        targets.append((index, year, fiscalYear))
      case .value(.target, nil): return
      default: continue
      }
    }
    guard !years.isEmpty, !targets.isEmpty,
      targets.allSatisfy({ target in years.allSatisfy { $0 <= target.fiscalYear } })
    else { return }
    for index in header.columns.indices {
      if case .year(let year) = header.columns[index].role {
        header.columns[index].role = .value(.actual, year: year)
      }
    }
    for target in targets {
      var year = target.year
      year.isFinalTarget = true
      // 目標値（H24年度） beside an H24年度 column: that year's target too.
      year.isAlsoYearTarget = years.contains(target.fiscalYear)
      header.columns[target.index].role = .value(.target, year: year)
    }
    if let baseline = header.columns.firstIndex(where: { $0.role == .baseline }),
      header.columns.indices.contains(baseline + 1),
      header.columns[baseline + 1].role == .field(.fiscalYear)
    {
      header.columns[baseline + 1].role = .measureYear(.baseline)
    }
  }
}
