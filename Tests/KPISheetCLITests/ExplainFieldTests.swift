import Foundation
import Testing

/// `validate --explain` says what each header column gives, truthfully: a column the reader
/// takes something from is never "(not read)", and a merged header is listed once.
@Suite struct ExplainFieldTests {
  static func realFixture(_ name: String) -> String {
    Command.packageRoot.appendingPathComponent(
      "Tests/KPIImportTests/Fixtures/real/\(name).xlsx"
    ).path
  }

  static func headerLines(_ file: String) throws -> [String] {
    let result = try Command.run(["validate", "--explain", file])
    #expect(result.status == 0, "\(result.stderr)")
    return result.stdoutText.split(separator: "\n").map(String.init).filter { $0.contains(" → ") }
      .map { String($0.dropFirst(file.count + 1)).trimmingCharacters(in: .whitespaces) }
  }

  /// つくば市: 従前値 | H27 … H31 | 目標値 | （単位） | 目標年度: the 目標年度 gives the final
  /// target's year (2019 from H31年度), which the records carry.
  @Test func aTargetYearColumnGivesTheFinalTargetsYear() throws {
    let file = Self.realFixture("tsukuba-kobetsu-shisaku-kpi")
    let lines = try Self.headerLines(file)
    #expect(lines.contains("M8 目標年度 → finalTarget.fiscalYear"))
    #expect(lines.contains("K8 目標値 → finalTarget"))
    #expect(!lines.contains { $0.hasPrefix("M8 ") && $0.hasSuffix("(not read)") })
    let records = try #require(try Command.run(["extract", file]).json() as? [String: Any])
    let projects = try #require(records["projects"] as? [[String: Any]])
    let kpis = try #require(projects.first?["kpis"] as? [[String: Any]])
    let finalTarget = try #require(kpis.first?["finalTarget"] as? [String: Any])
    #expect(finalTarget["fiscalYear"] as? Int == 2019)
    let json = try Command.run(["validate", "--explain", "--format", "json", file])
    let files = try #require((try json.json() as? [String: Any])?["files"] as? [[String: Any]])
    let tables = try #require(files.first?["tables"] as? [[String: Any]])
    let headers = tables.flatMap { $0["headers"] as? [[String: Any]] ?? [] }
    #expect(
      headers.first { $0["cell"] as? String == "M8" }?["field"] as? String
        == "finalTarget.fiscalYear")
  }

  /// 名寄市: 予算額（千円） over a budget across the years gives its costs' unit (千円), and
  /// the header merged over three columns is one line.
  @Test func aBudgetsCornerHeaderGivesTheCostsUnitOnce() throws {
    let file = Self.realFixture("nayoro-gyosei-hyoka-chosho")
    let lines = try Self.headerLines(file)
    #expect(lines.filter { $0.hasPrefix("B9 ") } == ["B9 予算額（千円） → cost.unit"])
    let records = try #require(try Command.run(["extract", file]).json() as? [String: Any])
    let projects = try #require(records["projects"] as? [[String: Any]])
    let years = try #require(projects.first?["years"] as? [[String: Any]])
    #expect(years.compactMap { ($0["cost"] as? [String: Any])?["unit"] as? String }.first == "千円")
    // A 達成率 stays unread: the records compute it.
    let town = try Self.headerLines(Self.realFixture("town-kensho-h30"))
    #expect(town.contains("J3 達成率 （H30/H31） → (not read)"))
  }
}
