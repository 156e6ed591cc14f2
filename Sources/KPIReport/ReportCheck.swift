import KPIModel

/// An error in records the report cannot show as they are: told by project and field, so
/// that the records can be fixed, rather than as the sheet cell the writer refused.
public struct ReportError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file the records came from (or the report), when the caller knows it.
  public var file: String?
  /// The project and field: `project 1 "Name", overview`.
  public var place: String
  public var japanesePlace: String
  public var detail: String
  public var japaneseDetail: String

  /// One line: the file, the place, then the detail.
  public func description(japanese: Bool) -> String {
    let head = file.map { "\($0): " } ?? ""
    return japanese
      ? "\(head)\(japanesePlace)：\(japaneseDetail)" : "\(head)\(place): \(detail)"
  }

  public var description: String { description(japanese: false) }
}

/// Checks records before the report is written: every text a cell will hold, and room on
/// the KPI推移 sheet for every project's KPIs. The writer refuses such content too, but can
/// only name the cell.
struct ReportCheck {
  let document: RecordsDocument

  func run() throws {
    for (index, project) in document.projects.enumerated() {
      let number = project.no ?? index + 1
      try checkTexts(of: project, number: number)
      try checkColumns(of: project, number: number)
    }
    try checkRows()
    try checkSize()
  }

  /// Only the texts: what the departmental template checks (its sheets have no KPI推移
  /// columns or rows to run out of).
  func checkTexts() throws {
    for (index, project) in document.projects.enumerated() {
      try checkTexts(of: project, number: project.no ?? index + 1)
    }
  }

  /// Checked before anything is written: the writer holds every cell in memory until it
  /// saves, so records too large for a sheet would fill memory first.
  private func checkRows() throws {
    let rows = ProgressSheet.rowCount(of: document)
    guard rows > ProgressSheet.maxRow + 1 else { return }
    let count = document.projects.count
    throw ReportError(
      place: "the records", japanesePlace: "レコード",
      detail:
        "\(count) projects need \(rows) rows on the KPI推移 sheet, more than Excel's \(ProgressSheet.maxRow + 1); split them into several reports",
      japaneseDetail:
        "\(count) 件の事業は KPI推移 シートに \(rows) 行が必要で、Excel の \(ProgressSheet.maxRow + 1) 行を超えます。複数のレポートに分けてください"
    )
  }

  /// Checked before anything is written, for the same reason: see `ReportSize`.
  private func checkSize() throws {
    guard let excess = ReportSize(document).excess else { return }
    throw ReportError(
      place: "the records", japanesePlace: "レコード",
      detail: excess.detail + "; split the records into several reports",
      japaneseDetail: excess.japanese + "。複数のレポートに分けてください")
  }

  private func checkTexts(of project: Project, number: Int) throws {
    var fields: [(String, String, String?)] = [
      ("name", "事業名", project.name), ("department", "担当部局課名", project.department),
      ("overview", "事業概要", project.overview), ("grantType", "交付金の種類", project.grantType),
      ("evaluation.assessment", "事業の評価", project.evaluation?.assessment),
      ("evaluation.expertOpinion", "外部有識者からの意見", project.evaluation?.expertOpinion),
      ("evaluation.policyReason", "今後の方針の理由", project.evaluation?.policyReason),
    ]
    for (offset, partner) in (project.partners ?? []).enumerated() {
      fields.append(("partners[\(offset)]", "連携団体 \(offset + 1)", partner))
    }
    for year in project.years where !year.activities.isEmpty {
      // As the KPI推移 sheet writes them: one cell, a line each.
      let text = year.activities.map { "・" + $0 }.joined(separator: "\n")
      fields.append(
        ("activities of fiscal year \(year.fiscalYear)", "\(year.fiscalYear) 年度の取組", text))
    }
    for (offset, kpi) in project.kpis.enumerated() {
      let no = kpi.no ?? offset + 1
      fields.append(("KPI \(no) name", "KPI \(no) の名称", kpi.name))
      fields.append(("KPI \(no) unit", "KPI \(no) の単位", kpi.unit))
    }
    for case (let field, let japaneseField, let text?) in fields {
      if text.utf8.contains(0) {
        throw error(
          project, number, field, japaneseField,
          "contains a NUL character, which a cell cannot hold; remove it from the records",
          "NUL 文字が含まれています。セルには入れられないので、レコードから取り除いてください")
      }
      if text.utf16.count > CellTextLimit.characters {
        throw error(
          project, number, field, japaneseField,
          "has \(text.utf16.count) characters, more than the \(CellTextLimit.characters) an Excel cell can hold; shorten it",
          "\(text.utf16.count) 文字あり、Excel のセルに入る \(CellTextLimit.characters) 文字を超えています。短くしてください")
      }
    }
  }

  private func checkColumns(of project: Project, number: Int) throws {
    let needed = ProgressSheet.lastColumn(kpis: project.kpis.count, charts: project.kpis.count)
    guard needed > ProgressSheet.maxColumn else { return }
    throw error(
      project, number, "KPIs", "KPI",
      "has \(project.kpis.count) KPIs; the KPI推移 sheet gives each 3 columns, which needs column \(needed + 1), past Excel's last column (\(ProgressSheet.maxColumn + 1)); at most \(ProgressSheet.maxKPIs) fit",
      "KPI が \(project.kpis.count) 個あります。KPI推移 シートは KPI ごとに 3 列を使うため \(needed + 1) 列目が必要になり、Excel の最終列（\(ProgressSheet.maxColumn + 1) 列目）を超えます。入るのは \(ProgressSheet.maxKPIs) 個までです"
    )
  }

  private func error(
    _ project: Project, _ number: Int, _ field: String, _ japaneseField: String, _ detail: String,
    _ japanese: String
  ) -> ReportError {
    let name = project.name.count > 40 ? String(project.name.prefix(40)) + "…" : project.name
    return ReportError(
      place: "project \(number) \"\(name)\", \(field)",
      japanesePlace: "事業 \(number)「\(name)」の\(japaneseField)", detail: detail,
      japaneseDetail: japanese)
  }
}

/// Excel's most characters (UTF-16 code units) in one cell.
enum CellTextLimit {
  static let characters = 32_767
}
