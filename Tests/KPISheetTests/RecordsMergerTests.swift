import KPIModel
import Testing

@testable import KPISheet

@Suite struct RecordsMergerTests {
  func input(_ file: String, _ projects: [Project]) -> LoadedRecords {
    LoadedRecords(file: file, document: RecordsDocument(projects: projects), importResult: nil)
  }

  func kpi(_ name: String, _ values: [(Int, Double?, Double?)]) -> KPI {
    KPI(
      name: name,
      values: values.map {
        KPIValue(
          fiscalYear: $0.0, target: $0.1, actual: $0.2,
          source: ValueSource(target: "KPI!D\($0.0 - 2000)", actual: "KPI!E\($0.0 - 2000)"))
      })
  }

  @Test func projectsAreRenumberedInInputOrder() {
    let result = RecordsMerger().merge([
      input("a.xlsx", [Project(no: 3, name: "観光"), Project(no: 4, name: "移住")]),
      input("b.xlsx", [Project(no: 1, name: "子育て")]),
    ])
    #expect(result.document.projects.map(\.name) == ["観光", "移住", "子育て"])
    #expect(result.document.projects.map(\.no) == [1, 2, 3])
    #expect(!result.hasErrors)
  }

  @Test func theSameProjectMergesKPIByKPI() {
    let result = RecordsMerger().merge([
      input("a.xlsx", [Project(name: "観光", kpis: [kpi("観光客数", [(2021, 10, 12)])])]),
      input(
        "b.xlsx",
        [
          Project(
            name: "観光",
            kpis: [kpi("観光客数", [(2021, 10, 12), (2022, 11, 9)]), kpi("宿泊者数", [(2021, 5, 6)])])
        ]),
    ])
    #expect(!result.hasErrors)
    let project = result.document.projects[0]
    #expect(project.kpis.map(\.name) == ["観光客数", "宿泊者数"])
    #expect(project.kpis[0].values.map(\.fiscalYear) == [2021, 2022])
  }

  @Test func differentValuesAreAConflictNamingBothFilesAndCells() throws {
    let inputs = [
      input("a.xlsx", [Project(name: "観光", kpis: [kpi("観光客数", [(2021, 10, 12)])])]),
      input("b.xlsx", [Project(name: "観光", kpis: [kpi("観光客数", [(2021, 10, 15)])])]),
    ]
    let strict = RecordsMerger().merge(inputs)
    #expect(strict.hasErrors)
    let message = try #require(strict.diagnostics.first?.message)
    #expect(message.contains("a.xlsx"))
    #expect(message.contains("b.xlsx"))
    #expect(message.contains("KPI!E21"))
    #expect(message.contains("--prefer-later"))

    let later = RecordsMerger(preferLater: true).merge(inputs)
    #expect(!later.hasErrors)
    #expect(later.diagnostics.first?.severity == .warning)
    #expect(later.document.projects[0].kpis[0].values[0].actual == 15)
  }
}
