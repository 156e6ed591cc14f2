import CellAddress
import KPIModel
import XLSXWriter

/// The helper columns at the end of データ that 集計's live counts read (report.md lets
/// データ be extended at its end): each a formula per row, so that a value corrected in
/// KPI推移 moves them, and 集計 only counts them with COUNTIFS.
///
/// Distinct projects are counted through "the first row of this project and year with …"
/// flags. A project's rows are contiguous, so each flag looks back over its own project's
/// rows only: the work stays proportional to the rows times a project's size, not to the
/// rows squared, in Excel and LibreOffice alike (no array formulas, no dynamic arrays).
enum SummaryColumns {
  enum Column: Int, CaseIterable {
    /// On a project's first row, the fiscal years it belongs to (`YearSummary.activeYears`),
    /// as `,2020,2021,2022,`, so one FIND tells whether a year is among them.
    case years
    /// 1 where the KPI has a target or an actual this year and the project belongs to it.
    case hasValue
    /// 1 where it has both.
    case hasBoth
    /// 1 where it has both and is 達成.
    case achieved
    /// 1 on the project's first row of this year with `hasBoth`.
    case firstWithBoth
    /// 1 on the project's first row of this year with `achieved`.
    case firstAchieving

    var header: String {
      switch self {
      case .years: return "集計用_事業の年度"
      case .hasValue: return "集計用_値のあるKPI"
      case .hasBoth: return "集計用_目標値・実績値のあるKPI"
      case .achieved: return "集計用_達成したKPI"
      case .firstWithBoth: return "集計用_値のある事業"
      case .firstAchieving: return "集計用_達成した事業"
      }
    }

    /// The zero-based column on データ, after `DataRow.headers`.
    var index: Int { DataRow.headers.count + rawValue }

    var letter: String { CellReference.columnName(index) }
  }

  static let headers = Column.allCases.map(\.header)

  /// The helper cells of every data row (zero-based sheet row = offset + 1), in `Column`
  /// order: formulas with the results the records give.
  static func cells(for rows: [DataRow], document: RecordsDocument) -> [[CellValue]] {
    var result: [[CellValue]] = []
    var firstRow = 1
    var seen: Set<[Int]> = []
    var yearsWithBoth: Set<Int> = []
    var yearsAchieving: Set<Int> = []
    for (offset, row) in rows.enumerated() {
      let sheetRow = offset + 1
      let project = document.projects[row.projectIndex]
      let years = YearSummary.activeYears(of: project)
      var cells = [CellValue](repeating: .blank, count: Column.allCases.count)
      if offset == 0 || rows[offset - 1].projectIndex != row.projectIndex {
        firstRow = sheetRow
        yearsWithBoth = []
        yearsAchieving = []
        if !years.isEmpty {
          cells[Column.years.rawValue] = .string(
            "," + years.sorted().map(String.init).joined(separator: ",") + ",")
        }
      }
      guard let kpi = row.kpiIndex, let year = row.fiscalYear,
        seen.insert([row.projectIndex, kpi, year]).inserted
      else {
        // A KPI's year given twice counts once, as YearSummary counts its first value.
        if row.kpiIndex != nil {
          cells.replaceSubrange(1..., with: repeatElement(.integer(0), count: 5))
        }
        result.append(cells)
        continue
      }
      let active = years.contains(year)
      let hasValue = active && (row.target != nil || row.actual != nil)
      let hasBoth = active && row.target != nil && row.actual != nil
      let achieved = hasBoth && row.achievedLabel == "達成"
      let firstWithBoth = hasBoth && yearsWithBoth.insert(year).inserted
      let firstAchieving = achieved && yearsAchieving.insert(year).inserted
      func at(_ column: Column, _ row: Int = sheetRow, absolute: Bool = false) -> String {
        (absolute ? "$" : "") + column.letter + (absolute ? "$" : "") + String(row + 1)
      }
      func data(_ column: DataColumn) -> String {
        CellReference(row: sheetRow, column: column.index).a1()
      }
      func flag(_ formula: String, _ value: Bool) -> CellValue {
        .formula("=IF(\(formula),1,0)", result: .number(value ? 1 : 0))
      }
      let target = data(.target)
      let actual = data(.actual)
      cells[Column.hasValue.rawValue] = flag(
        "AND(ISNUMBER(FIND(\",\"&\(data(.fiscalYear))&\",\",\(at(.years, firstRow, absolute: true)))),"
          + "OR(ISNUMBER(\(target)),ISNUMBER(\(actual))))", hasValue)
      cells[Column.hasBoth.rawValue] = flag(
        "AND(\(at(.hasValue))=1,ISNUMBER(\(target)),ISNUMBER(\(actual)))", hasBoth)
      cells[Column.achieved.rawValue] = flag(
        "AND(\(at(.hasBoth))=1,\(data(.achieved))=\"達成\")", achieved)
      for (column, source, value) in [
        (Column.firstWithBoth, Column.hasBoth, firstWithBoth),
        (Column.firstAchieving, Column.achieved, firstAchieving),
      ] {
        if sheetRow == firstRow {
          cells[column.rawValue] = .formula("=\(at(source))", result: .number(value ? 1 : 0))
          continue
        }
        // Not counted yet: no earlier row of this project with this year and the flag.
        let yearColumn = CellReference.columnName(DataColumn.fiscalYear.index)
        let years = "$\(yearColumn)$\(firstRow + 1):\(yearColumn)\(sheetRow)"
        let flags = "$\(source.letter)$\(firstRow + 1):\(source.letter)\(sheetRow)"
        cells[column.rawValue] = flag(
          "AND(\(at(source))=1,COUNTIFS(\(years),\(data(.fiscalYear)),\(flags),1)=0)", value)
      }
      result.append(cells)
    }
    return result
  }

  /// 集計's formula counting a helper column's 1s in `fiscalYear`, over データ's rows
  /// 2…`rowCount + 1`; `.years` counts the projects that belong to the year.
  static func countFormula(_ column: Column, fiscalYear: Int, rowCount: Int) -> String {
    let sheet = "'\(ReportFormat.dataSheet)'!"
    func range(_ letter: String) -> String { "\(sheet)$\(letter)$2:$\(letter)$\(rowCount + 1)" }
    if column == .years {
      return "=SUMPRODUCT(ISNUMBER(FIND(\",\(fiscalYear),\",\(range(column.letter))))*1)"
    }
    let years = range(CellReference.columnName(DataColumn.fiscalYear.index))
    return "=COUNTIFS(\(years),\(fiscalYear),\(range(column.letter)),1)"
  }
}
