import KPIModel

/// Settles the municipality's facts of a records document against the command-line flags
/// and a profile, so that no disagreement passes in silence:
///
/// - a flag wins over the sheets, with a warning naming both values;
/// - the sheets win over a profile, with a warning when they differ;
/// - a profile fills what the sheets leave out;
/// - a document left without a 市町村名 gets a warning saying how to give one.
///
/// The department (担当部局課名) is settled per project the same way.
public struct FactSettlement: Sendable {
  /// What the command line says (`--municipality`, `--prefecture`, `--code`, `--department`,
  /// `--contact`).
  public var flags: ReportProfile
  /// What a profile file says (used only where the sheets are silent).
  public var profile: ReportProfile

  public init(flags: ReportProfile = ReportProfile(), profile: ReportProfile = ReportProfile()) {
    self.flags = flags
    self.profile = profile
  }

  /// The document with its facts settled, and a warning for each disagreement, placed at
  /// `file` (the input, or the report made of several).
  ///
  /// - Parameters:
  ///   - departments: Settle each project's department too (`extract`: the records carry
  ///     it); `convert` gives its department to the report as a whole instead.
  ///   - requireMunicipality: Warn when no 市町村名 is left (`convert`: the report needs one).
  public func settle(
    _ document: RecordsDocument, file: String, departments: Bool = true,
    requireMunicipality: Bool = true
  ) -> (RecordsDocument, [Diagnostic]) {
    var document = document
    var diagnostics: [Diagnostic] = []
    var municipality = document.municipality ?? Municipality()
    func settle(_ value: String?, _ field: Field) -> String? {
      let (result, warning) = settled(sheet: value, field: field, file: file)
      if let warning { diagnostics.append(warning) }
      return result
    }
    municipality.name = settle(municipality.name, .municipality)
    municipality.prefecture = settle(municipality.prefecture, .prefecture)
    municipality.code = settle(municipality.code, .code)
    municipality.contact = settle(municipality.contact, .contact)
    if municipality != Municipality() { document.municipality = municipality }
    for index in document.projects.indices where departments {
      let project = document.projects[index]
      document.projects[index].department = settle(
        project.department, .department(project: project.name))
    }
    if requireMunicipality && municipality.name == nil {
      diagnostics.append(
        Diagnostic(
          .warning, "no-municipality",
          message:
            "no municipality name (市町村名): neither the sheets, the flags nor the profile give one; pass --municipality or --profile",
          japanese: "市町村名がありません（シート、オプション、プロファイルのいずれにもありません）。--municipality か --profile で指定してください",
          file: file))
    }
    return (document, diagnostics)
  }

  /// A fact the settlement compares.
  enum Field {
    case municipality, prefecture, code, contact
    case department(project: String)

    var flag: String {
      switch self {
      case .municipality: "--municipality"
      case .prefecture: "--prefecture"
      case .code: "--code"
      case .contact: "--contact"
      case .department: "--department"
      }
    }

    func name(_ language: DiagnosticLanguage) -> String {
      switch (self, language) {
      case (.municipality, .english): "the municipality"
      case (.municipality, .japanese): "市町村名"
      case (.prefecture, .english): "the prefecture"
      case (.prefecture, .japanese): "都道府県名"
      case (.code, .english): "the local-government code"
      case (.code, .japanese): "地方公共団体コード"
      case (.contact, .english): "the contact (連絡先)"
      case (.contact, .japanese): "連絡先"
      case (.department(let project), .english): "project \"\(project)\"'s department"
      case (.department(let project), .japanese): "事業 \"\(project)\" の担当部局課名"
      }
    }

    func value(in facts: ReportProfile) -> String? {
      switch self {
      case .municipality: facts.municipality
      case .prefecture: facts.prefecture
      case .code: facts.code
      case .contact: facts.contact
      case .department: facts.department
      }
    }

    /// Whether two values say the same: spaces aside, and a code with or without its check
    /// digit.
    func same(_ first: String, _ second: String) -> Bool {
      if case .code = self, let a = LocalGovernmentCode(first), let b = LocalGovernmentCode(second)
      {
        return a.fiveDigits == b.fiveDigits
      }
      return first.filter { !$0.isWhitespace } == second.filter { !$0.isWhitespace }
    }
  }

  private func settled(sheet: String?, field: Field, file: String) -> (String?, Diagnostic?) {
    let sheet = sheet.flatMap { $0.isEmpty ? nil : $0 }
    // A contact may run over two lines; the warning stays one, its breaks shown as \n.
    func shown(_ text: String) -> String { MessageLine.fitted(text) }
    if let flag = field.value(in: flags) {
      guard let sheet, !field.same(sheet, flag) else { return (flag, nil) }
      let (flagShown, sheetShown) = (shown(flag), shown(sheet))
      return (
        flag,
        Diagnostic(
          .warning, "flag-overrides-sheet",
          message:
            "\(field.flag) \(flagShown) replaces \(field.name(.english)) \(sheetShown) the sheets give",
          japanese:
            "\(field.flag) の \(flagShown) を、シートの\(field.name(.japanese)) \(sheetShown) に代えて使います",
          file: file)
      )
    }
    guard let sheet else { return (field.value(in: profile), nil) }
    guard let other = field.value(in: profile), !field.same(sheet, other) else {
      return (sheet, nil)
    }
    let (otherShown, sheetShown) = (shown(other), shown(sheet))
    return (
      sheet,
      Diagnostic(
        .warning, "profile-differs",
        message:
          "the profile gives \(field.name(.english)) as \(otherShown), the sheets as \(sheetShown); the sheets' is used (pass \(field.flag) to choose)",
        japanese:
          "プロファイルの\(field.name(.japanese)) \(otherShown) はシートの \(sheetShown) と異なります。シートの値を使います（\(field.flag) で指定できます）",
        file: file)
    )
  }
}
