import Foundation
import Testing

@testable import KPIModel

@Suite struct RecordsJSONTests {
  private func decodeFixture() throws -> RecordsDocument {
    try RecordsJSON.decode(sanyoOnodaRecordsJSON)
  }

  @Test func workedExampleDecodes() throws {
    let document = try decodeFixture()
    #expect(document.format == "kpisheet-records")
    #expect(document.version == 1)
    #expect(
      document.municipality == Municipality(name: "山陽小野田市", prefecture: "山口県", code: "352161"))
    #expect(document.projects.count == 5)
    #expect(document.projects.map(\.no) == [1, 2, 3, 4, 5])
    #expect(document.projects.map(\.scope) == [.single, .single, .single, .wideArea, .wideArea])
    #expect(document.projects[1].name == "ＰＰＰを活用した交流・にぎわい創出事業")
    #expect(document.projects[3].period == FiscalPeriod(start: 2021, end: 2023))
    #expect(document.projects[3].kpis.isEmpty)
    let migration = document.projects[2].kpis[0]
    #expect(migration.values.map(\.actual) == [-339, -173, -16])
    #expect(migration.values.map(\.target) == [0, 0, 0])
    let employment = document.projects[2].kpis[1]
    #expect(employment.unit == "%")
    #expect(employment.values[0] == KPIValue(fiscalYear: 2020, target: 10, actual: 5.4))
    #expect(document.projects[2].kpis[2].values[2].actual == nil)
    #expect(document.projects[0].years[1].activities[1] == "ターゲットに向けた各種プロモーションの実施・ＰＲツール制作")
  }

  /// Our output is the example itself, with `10.0` written as `10` and a final newline.
  @Test func workedExampleReEncodesToTheSameText() throws {
    let expected =
      sanyoOnodaRecordsJSON
      .split(separator: "\n", omittingEmptySubsequences: false)
      .map { line -> String in
        guard line.hasSuffix(".0,") || line.hasSuffix(".0") else { return String(line) }
        let comma = line.hasSuffix(",")
        return String(line.dropLast(comma ? 3 : 2)) + (comma ? "," : "")
      }
      .joined(separator: "\n") + "\n"
    #expect(RecordsJSON.encodeToString(try decodeFixture()) == expected)
  }

  @Test func encodeDecodeEncodeIsStable() throws {
    let document = try decodeFixture()
    let first = RecordsJSON.encode(document)
    let again = try RecordsJSON.decode(first)
    #expect(again == document)
    #expect(RecordsJSON.encode(again) == first)
  }

  @Test func requiredFieldsArePresent() throws {
    let data = RecordsJSON.encode(try decodeFixture())
    let top = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(top["format"] as? String == "kpisheet-records")
    #expect(top["version"] as? Int == 1)
    let projects = try #require(top["projects"] as? [[String: Any]])
    for project in projects {
      #expect(project["name"] is String)
      #expect(project["years"] is [Any])
      let kpis = try #require(project["kpis"] as? [[String: Any]])
      for kpi in kpis {
        #expect(kpi["name"] is String)
        let values = try #require(kpi["values"] as? [[String: Any]])
        for value in values {
          #expect(value["fiscalYear"] is Int)
          #expect(value.keys.contains("target"))
          #expect(value.keys.contains("actual"))
        }
      }
    }
  }

  @Test func everyFieldInRecordsOrder() throws {
    let document = RecordsDocument(
      municipality: Municipality(
        name: "市", prefecture: "県", code: "35216", contact: "企画課 0836-82-1111"),
      grant: "交付金",
      projects: [
        Project(
          no: 1, name: "事業", scope: .wideArea, department: "企画課", partners: ["A市", "B町"],
          period: FiscalPeriod(start: 2020, end: 2022), overview: "概要",
          years: [
            ProjectYear(fiscalYear: 2020, activities: ["検討"], cost: Amount(value: 6314, unit: "千円"))
          ],
          kpis: [
            KPI(
              no: 1, name: "指標", unit: "人", direction: .decrease, baseline: 100,
              values: [
                KPIValue(
                  fiscalYear: 2020, target: 90, actual: nil, due: "R3.3",
                  source: ValueSource(target: "KPI!D14", actual: "KPI!E14"))
              ])
          ],
          evaluation: Evaluation(
            fiscalYear: 2022, effect: .effective, assessment: "有効であった", expertOpinion: "意見",
            policy: .continue, policyReason: "理由"),
          grantType: "推進")
      ])
    let expected = """
      {
        "format": "kpisheet-records",
        "version": 1,
        "municipality": {
          "name": "市",
          "prefecture": "県",
          "code": "35216",
          "contact": "企画課 0836-82-1111"
        },
        "grant": "交付金",
        "projects": [
          {
            "no": 1,
            "name": "事業",
            "scope": "wide-area",
            "department": "企画課",
            "partners": [
              "A市",
              "B町"
            ],
            "period": {
              "start": 2020,
              "end": 2022
            },
            "overview": "概要",
            "years": [
              {
                "fiscalYear": 2020,
                "activities": [
                  "検討"
                ],
                "cost": {
                  "value": 6314,
                  "unit": "千円"
                }
              }
            ],
            "kpis": [
              {
                "no": 1,
                "name": "指標",
                "unit": "人",
                "direction": "decrease",
                "baseline": 100,
                "values": [
                  {
                    "fiscalYear": 2020,
                    "target": 90,
                    "actual": null,
                    "due": "R3.3",
                    "source": {
                      "target": "KPI!D14",
                      "actual": "KPI!E14"
                    }
                  }
                ]
              }
            ],
            "evaluation": {
              "fiscalYear": 2022,
              "effect": "effective",
              "assessment": "有効であった",
              "expertOpinion": "意見",
              "policy": "continue",
              "policyReason": "理由"
            },
            "grantType": "推進"
          }
        ]
      }

      """
    #expect(RecordsJSON.encodeToString(document) == expected)
    #expect(try RecordsJSON.decode(expected) == document)
  }

  @Test func absentOptionalFieldsAreLeftOut() {
    let document = RecordsDocument(projects: [
      Project(name: "事業", kpis: [KPI(name: "指標", values: [KPIValue(fiscalYear: 2020)])])
    ])
    let expected = """
      {
        "format": "kpisheet-records",
        "version": 1,
        "projects": [
          {
            "name": "事業",
            "years": [],
            "kpis": [
              {
                "name": "指標",
                "values": [
                  {
                    "fiscalYear": 2020,
                    "target": null,
                    "actual": null
                  }
                ]
              }
            ]
          }
        ]
      }

      """
    #expect(RecordsJSON.encodeToString(document) == expected)
  }

  @Test func absentAndNullReadAlike() throws {
    let withNulls = """
      {"format": "kpisheet-records", "version": 1, "municipality": null, "grant": null,
       "projects": [{"no": null, "name": "事業", "scope": null, "period": null, "years": [
         {"fiscalYear": 2020, "cost": null}], "kpis": [{"name": "指標", "unit": null,
         "direction": null, "baseline": null, "values": [{"fiscalYear": 2020, "target": null,
         "actual": 3, "due": null, "source": null}]}], "evaluation": null}]}
      """
    let without = """
      {"format": "kpisheet-records", "version": 1, "projects": [{"name": "事業", "years": [
        {"fiscalYear": 2020}], "kpis": [{"name": "指標", "values": [{"fiscalYear": 2020,
        "target": null, "actual": 3}]}]}]}
      """
    #expect(try RecordsJSON.decode(withNulls) == RecordsJSON.decode(without))
  }

  @Test func numbersPrintCanonically() throws {
    let document = RecordsDocument(projects: [
      Project(
        name: "事業",
        kpis: [
          KPI(
            name: "指標",
            values: [
              KPIValue(fiscalYear: 2020, target: 0.1 + 0.2, actual: 0.054 * 100),
              KPIValue(fiscalYear: 2021, target: -0.0, actual: 1e20),
              KPIValue(fiscalYear: 2022, target: 1e25, actual: .nan),
            ])
        ])
    ])
    let text = RecordsJSON.encodeToString(document)
    #expect(text.contains("\"target\": 0.3,"))
    #expect(text.contains("\"actual\": 5.4\n"))
    #expect(text.contains("\"target\": 0,"))
    #expect(text.contains("\"actual\": 100000000000000000000\n"))
    #expect(text.contains("\"target\": 1e+25,"))
    #expect(text.contains("\"actual\": null\n"))
    #expect(!text.contains("0000000004"))
    // Every number form we print is JSON that Foundation reads.
    #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: Data(text.utf8)) }
  }

  @Test func stringsAreEscaped() throws {
    let name = "引用\"と\\と\n改行\tと\u{01}"
    let document = RecordsDocument(projects: [Project(name: name)])
    let text = RecordsJSON.encodeToString(document)
    #expect(text.contains(#""name": "引用\"と\\と\n改行\tと\u0001""#))
    #expect(try RecordsJSON.decode(text).projects[0].name == name)
  }

  @Test(arguments: [
    (#"{"version": 1, "projects": []}"#, "format", "missing"),
    (#"{"format": "other", "version": 1, "projects": []}"#, "format", "kpisheet-records"),
    (#"{"format": "kpisheet-records", "version": 2, "projects": []}"#, "version", "version 1"),
    (#"{"format": "kpisheet-records", "version": 1}"#, "projects", "missing"),
    (
      #"{"format": "kpisheet-records", "version": 1, "projects": [{"years": [], "kpis": []}]}"#,
      "projects[0].name", "missing"
    ),
    (
      #"{"format": "kpisheet-records", "version": 1, "projects": [{"name": "", "years": [], "kpis": []}]}"#,
      "projects[0].name", "empty"
    ),
    (
      #"{"format": "kpisheet-records", "version": 1, "projects": [{"name": "a", "no": 0, "years": [], "kpis": []}]}"#,
      "projects[0].no", "1 or more"
    ),
    (
      #"{"format": "kpisheet-records", "version": 1, "projects": [{"name": "a", "scope": "both", "years": [], "kpis": []}]}"#,
      "projects[0].scope", "\"single\", \"wide-area\""
    ),
    (
      #"{"format": "kpisheet-records", "version": 1, "projects": [{"name": "a", "years": [], "kpis": [{"name": "k", "values": [{"fiscalYear": "2020", "target": 1, "actual": 2}]}]}]}"#,
      "projects[0].kpis[0].values[0].fiscalYear", "integer"
    ),
    (
      #"{"format": "kpisheet-records", "version": 1, "projects": [{"name": "a", "years": [], "kpis": [{"name": "k", "values": [{"fiscalYear": 2020, "target": "5個", "actual": 2}]}]}]}"#,
      "projects[0].kpis[0].values[0].target", "must be a number, found the string \"5個\""
    ),
    (
      #"{"format": "kpisheet-records", "version": 1, "municipality": {"code": "35216x"}, "projects": []}"#,
      "municipality.code", "5 or 6"
    ),
    (
      #"{"format": "kpisheet-records", "version": 1, "projects": [{"name": "a", "years": [{"fiscalYear": 2020.5}], "kpis": []}]}"#,
      "projects[0].years[0].fiscalYear", "2020.5"
    ),
    (
      #"{"format": "kpisheet-records", "version": 1, "projects": [{"name": "a", "years": [], "kpis": [{"name": "k", "values": [{"fiscalYear": 2020, "target": 1}]}]}]}"#,
      "projects[0].kpis[0].values[0].actual", "missing"
    ),
    (
      #"{"format": "kpisheet-records", "version": 1, "projects": [{"name": null, "years": [], "kpis": []}]}"#,
      "projects[0].name", "null"
    ),
    (#"[]"#, "", "object"),
  ])
  func decodeErrorsSayWhatAndWhere(json: String, path: String, words: String) {
    #expect {
      try RecordsJSON.decode(json)
    } throws: { error in
      guard let error = error as? RecordsJSONError else { return false }
      // Foundation's contains("") is false, so the empty top-level path is not searched for.
      return error.path == path && error.description.contains(words)
        && (path.isEmpty || error.description.contains(path))
    }
  }

  @Test(arguments: [
    ("{\"format\": ", "line 1, column 12", "unexpected end"),
    ("", "line 1, column 1", "unexpected end"),
    (
      "{\n  \"format\": \"kpisheet-records\",\n  \"projects\": [1,]\n}", "line 3, column 18",
      "expected a value"
    ),
    ("{\"a\": 01}", "line 1, column 7", "must not start with 0"),
    ("{\"a\": \"x\ty\"}", "line 1, column 9", "control character"),
    ("{} {}", "line 1, column 4", "after the end"),
    ("{\"a\": tru}", "line 1, column 7", "expected a value"),
  ])
  func syntaxErrorsGiveLineAndColumn(json: String, position: String, words: String) {
    #expect {
      try RecordsJSON.decode(json)
    } throws: { error in
      guard let error = error as? RecordsJSONError else { return false }
      return error.path.isEmpty && error.message.contains(position) && error.message.contains(words)
    }
  }

  @Test func integersMayBeWrittenWithAZeroFraction() throws {
    let json = """
      {"format": "kpisheet-records", "version": 1.0, "projects": [{"no": 1.0, "name": "a",
       "years": [{"fiscalYear": 2020.0}], "kpis": []}]}
      """
    let document = try RecordsJSON.decode(json)
    #expect(document.projects[0].years[0].fiscalYear == 2020)
  }

  @Test func escapesAndByteOrderMarkAreRead() throws {
    let json =
      "\u{FEFF}"
      + #"{"format": "kpisheet-records", "version": 1, "projects": [{"name": "\u5e02\ud83d\ude00\/\"", "years": [], "kpis": []}]}"#
    #expect(try RecordsJSON.decode(Data(json.utf8)).projects[0].name == "市😀/\"")
  }

  /// The schema requires a value's target and actual: both are written, as null when absent.
  @Test func absentTargetAndActualAreWrittenAsNull() throws {
    let document = RecordsDocument(projects: [
      Project(
        name: "a", years: [], kpis: [KPI(name: "k", values: [KPIValue(fiscalYear: 2020)])])
    ])
    let text = RecordsJSON.encodeToString(document)
    #expect(text.contains("\"target\": null,\n"))
    #expect(text.contains("\"actual\": null\n"))
    #expect(try RecordsJSON.decode(text) == document)
  }
}
