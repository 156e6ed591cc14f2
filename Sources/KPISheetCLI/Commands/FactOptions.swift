import ArgumentParser
import KPISheet

/// The municipality's facts as `extract` takes them: flags over the sheets (with a warning
/// where they differ), a profile where the sheets are silent.
struct FactOptions: ParsableArguments {
  @Option(
    help:
      "A YAML file with the municipality's facts (municipality, prefecture, code, department, contact), used where the sheets are silent."
  )
  var profile: String?

  @Option(help: "市町村名 (over the sheets', with a warning where they differ).")
  var municipality: String?

  @Option(help: "都道府県名 (over the sheets', with a warning where they differ).")
  var prefecture: String?

  @Option(help: "地方公共団体コード (5 digits, or 6 with a right check digit).")
  var code: String?

  @Option(help: "担当部局課名 of every project (over the sheets', with a warning where they differ).")
  var department: String?

  @Option(help: "連絡先 (over the sheets', with a warning where they differ).")
  var contact: String?

  func validate() throws {
    try checkCode(code)
    try checkFacts(
      ReportProfile(
        municipality: municipality, prefecture: prefecture, code: code, department: department,
        contact: contact))
  }

  /// The settlement these options ask for; nil when none is given.
  func settlement() throws -> FactSettlement? {
    let flags = ReportProfile(
      municipality: municipality, prefecture: prefecture, code: code, department: department,
      contact: contact)
    let profile = try profile.map(ReportProfile.load(path:))
    guard flags != ReportProfile() || profile != nil else { return nil }
    return FactSettlement(flags: flags, profile: profile ?? ReportProfile())
  }
}
