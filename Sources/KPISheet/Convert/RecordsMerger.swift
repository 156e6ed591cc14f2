import KPIModel

/// Merges the records of several inputs (one per department) into one document.
///
/// Projects keep input order and are renumbered 1..n (a single input keeps its numbers).
/// The same project (by name) in two inputs is merged KPI by KPI; two different values for
/// the same project, KPI and year are a conflict naming both files and cells, unless later
/// inputs are preferred, when the later value wins and a warning lists what it replaced.
public struct RecordsMerger: Sendable {
  public var preferLater: Bool

  public init(preferLater: Bool = false) {
    self.preferLater = preferLater
  }

  public struct Result: Sendable {
    public var document: RecordsDocument
    public var diagnostics: [Diagnostic]
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
  }

  /// Where a project came from, for messages.
  private struct Origin {
    var file: String
  }

  public func merge(_ inputs: [LoadedRecords]) -> Result {
    guard inputs.count > 1 else {
      return Result(
        document: inputs.first?.document ?? RecordsDocument(projects: []), diagnostics: [])
    }
    var diagnostics: [Diagnostic] = []
    var projects: [Project] = []
    var origins: [[String: String]] = []  // per project: "kpi\u{1}year" → file
    var municipality: Municipality?
    var grant: String?
    for input in inputs {
      municipality = merged(municipality, input.document.municipality)
      grant = grant ?? input.document.grant
      for project in input.document.projects {
        guard let index = projects.firstIndex(where: { $0.name == project.name }) else {
          projects.append(project)
          origins.append(Self.keys(of: project, file: input.file))
          continue
        }
        merge(
          project, from: input.file, into: &projects[index], origins: &origins[index],
          diagnostics: &diagnostics)
      }
    }
    for index in projects.indices { projects[index].no = index + 1 }
    return Result(
      document: RecordsDocument(municipality: municipality, grant: grant, projects: projects),
      diagnostics: diagnostics)
  }

  private static func keys(of project: Project, file: String) -> [String: String] {
    var keys: [String: String] = [:]
    for kpi in project.kpis {
      for value in kpi.values { keys["\(kpi.name)\u{1}\(value.fiscalYear)"] = file }
    }
    return keys
  }

  private func merge(
    _ project: Project, from file: String, into existing: inout Project,
    origins: inout [String: String], diagnostics: inout [Diagnostic]
  ) {
    existing.period = existing.period ?? project.period
    existing.overview = existing.overview ?? project.overview
    existing.scope = existing.scope ?? project.scope
    existing.department = existing.department ?? project.department
    existing.evaluation =
      preferLater
      ? (project.evaluation ?? existing.evaluation) : (existing.evaluation ?? project.evaluation)
    for year in project.years
    where !existing.years.contains(where: { $0.fiscalYear == year.fiscalYear }) {
      existing.years.append(year)
    }
    existing.years.sort { $0.fiscalYear < $1.fiscalYear }
    for kpi in project.kpis {
      guard let kpiIndex = existing.kpis.firstIndex(where: { $0.name == kpi.name }) else {
        var added = kpi
        added.no = existing.kpis.count + 1
        existing.kpis.append(added)
        for value in kpi.values { origins["\(kpi.name)\u{1}\(value.fiscalYear)"] = file }
        continue
      }
      for value in kpi.values {
        let key = "\(kpi.name)\u{1}\(value.fiscalYear)"
        guard
          let valueIndex = existing.kpis[kpiIndex].values.firstIndex(where: {
            $0.fiscalYear == value.fiscalYear
          })
        else {
          existing.kpis[kpiIndex].values.append(value)
          existing.kpis[kpiIndex].values.sort { $0.fiscalYear < $1.fiscalYear }
          origins[key] = file
          continue
        }
        let old = existing.kpis[kpiIndex].values[valueIndex]
        guard old.target != value.target || old.actual != value.actual else { continue }
        let message =
          "project \"\(project.name)\", KPI \"\(kpi.name)\", FY\(value.fiscalYear): "
          + "\(origins[key] ?? "an earlier input") (\(Self.describe(old, .english))) and "
          + "\(file) (\(Self.describe(value, .english))) differ"
        let japanese =
          "事業 \"\(project.name)\"、KPI \"\(kpi.name)\"、\(value.fiscalYear)年度: "
          + "\(origins[key] ?? "前の入力")（\(Self.describe(old, .japanese))）と"
          + "\(file)（\(Self.describe(value, .japanese))）で値が異なります"
        if preferLater {
          existing.kpis[kpiIndex].values[valueIndex] = value
          origins[key] = file
          diagnostics.append(
            Diagnostic(
              .warning, "conflict", message: message + "; the later value is used",
              japanese: japanese + "。後の入力の値を使いました", file: file))
        } else {
          diagnostics.append(
            Diagnostic(
              .error, "conflict", message: message + "; correct one of them or pass --prefer-later",
              japanese: japanese + "。どちらかを直すか、--prefer-later を指定してください", file: file))
        }
      }
    }
  }

  /// `target 10, actual 12 at KPI!D3, KPI!E3`; in Japanese `目標値 10、実績値 12、セル KPI!D3、KPI!E3`.
  private static func describe(_ value: KPIValue, _ language: DiagnosticLanguage) -> String {
    func number(_ x: Double?) -> String { x.map(NumberFormatting.string) ?? "null" }
    let cells = [value.source?.target, value.source?.actual].compactMap { $0 }
    if language == .japanese {
      var text = "目標値 \(number(value.target))、実績値 \(number(value.actual))"
      if !cells.isEmpty { text += "、セル " + cells.joined(separator: "、") }
      return text
    }
    var text = "target \(number(value.target)), actual \(number(value.actual))"
    if !cells.isEmpty { text += " at " + cells.joined(separator: ", ") }
    return text
  }

  private func merged(_ known: Municipality?, _ next: Municipality?) -> Municipality? {
    guard var known else { return next }
    guard let next else { return known }
    known.name = known.name ?? next.name
    known.prefecture = known.prefecture ?? next.prefecture
    known.code = known.code ?? next.code
    known.contact = known.contact ?? next.contact
    return known
  }
}
