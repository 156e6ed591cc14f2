import Foundation
import Testing

@testable import KPIModel

/// The records reader builds one project at a time, yet tells errors as a reader of the
/// whole tree would: syntax first, then the document's fields in schema order.
@Suite struct RecordsJSONStreamingTests {
  private func error(_ json: String) -> RecordsJSONError? {
    do {
      _ = try RecordsJSON.decode(json)
      return nil
    } catch {
      return error
    }
  }

  private func project(_ name: String) -> String {
    #"{"name": "\#(name)", "years": [], "kpis": []}"#
  }

  @Test func aSyntaxErrorAfterTheProjectsWinsOverABadProject() throws {
    let json =
      #"{"format": "kpisheet-records", "version": 1, "projects": [{"name": ""}], "x": [1,]}"#
    let found = try #require(error(json))
    #expect(found.path.isEmpty)
    #expect(found.message.contains("line 1, column 82"))
    #expect(found.message.contains("expected a value"))
  }

  @Test func fieldsAfterTheProjectsAreCheckedBeforeThem() throws {
    let json = #"{"projects": [{"name": ""}], "version": 2, "format": "kpisheet-records"}"#
    let found = try #require(error(json))
    #expect(found.path == "version")
    let wrongFormat = try #require(
      error(#"{"projects": [{"name": ""}], "version": 1, "format": "x"}"#))
    #expect(wrongFormat.path == "format")
    let badMunicipality = try #require(
      error(
        #"{"projects": [{}], "municipality": {"code": "1"}, "version": 1, "format": "kpisheet-records"}"#
      ))
    #expect(badMunicipality.path == "municipality.code")
  }

  @Test func aRepeatedKeyKeepsItsLastValue() throws {
    let json =
      #"{"format": "other", "version": 1, "projects": [\#(project("First"))], "format": "kpisheet-records", "projects": [\#(project("A")), \#(project("B"))]}"#
    let document = try RecordsJSON.decode(json)
    #expect(document.projects.map(\.name) == ["A", "B"])
    // The projects left behind are checked for syntax only.
    let earlierBad =
      #"{"format": "kpisheet-records", "version": 1, "projects": [{"name": ""}], "projects": []}"#
    #expect(try RecordsJSON.decode(earlierBad).projects.isEmpty)
  }

  @Test func projectsAreNumberedInTheirPaths() throws {
    let json =
      #"{"format": "kpisheet-records", "version": 1, "projects": [\#(project("A")), \#(project("B")), {"name": "C", "years": [], "kpis": [{"name": "k", "values": [{"fiscalYear": "x"}]}]}]}"#
    let found = try #require(error(json))
    #expect(found.path == "projects[2].kpis[0].values[0].fiscalYear")
  }

  @Test(arguments: [
    (#"{"format": "kpisheet-records", "version": 1, "projects": {"a": [1, 2]}}"#, "an object"),
    (#"{"format": "kpisheet-records", "version": 1, "projects": "many"}"#, "the string \"many\""),
    (#"{"format": "kpisheet-records", "version": 1, "projects": null}"#, "must not be null"),
    (#"{"format": "kpisheet-records", "version": 1, "projects": 3}"#, "the number 3"),
  ])
  func projectsThatAreNotAnArraySayWhatTheyAre(json: String, words: String) throws {
    let found = try #require(error(json))
    #expect(found.path == "projects")
    #expect(found.message.contains(words))
  }

  @Test(arguments: [
    (#"[[1], {"a": 2}]"#, "found an array"),
    (#""text""#, "found the string \"text\""),
    ("true", "found true"),
  ])
  func aDocumentThatIsNotAnObjectSaysWhatItIs(json: String, words: String) throws {
    let found = try #require(error(json))
    #expect(found.path.isEmpty)
    #expect(found.message.contains("must be an object"))
    #expect(found.message.contains(words))
  }

  @Test func nestingIsCountedFromTheTopOfTheDocument() throws {
    // Inside a project: the top object, the projects array and the project take three levels.
    func nested(_ levels: Int) -> String {
      let inner = String(repeating: "[", count: levels) + String(repeating: "]", count: levels)
      return
        #"{"format": "kpisheet-records", "version": 1, "projects": [{"name": "a", "years": [], "kpis": [], "x": \#(inner)}]}"#
    }
    #expect(try RecordsJSON.decode(nested(JSONParser.maximumDepth - 3)).projects.count == 1)
    let tooDeep = try #require(error(nested(JSONParser.maximumDepth - 2)))
    #expect(tooDeep.message.contains("nested deeper than \(JSONParser.maximumDepth)"))
  }

  @Test func stringsWithAndWithoutEscapesReadAlike() throws {
    let json =
      #"{"format": "kpisheet-records", "version": 1, "projects": [{"name": "a\u0062c", "overview": "abc", "department": "\ud800x", "years": [], "kpis": []}]}"#
    let project = try #require(try RecordsJSON.decode(json).projects.first)
    #expect(project.name == project.overview)
    #expect(project.department == "\u{FFFD}x")
    var bytes = Data(#"{"format": "kpisheet-records", "version": 1, "projects": [{"name": "a"#.utf8)
    bytes.append(contentsOf: [0xFF] + Array(#""}]}"#.utf8))
    #expect {
      try RecordsJSON.decode(bytes)
    } throws: { error in
      (error as? RecordsJSONError)?.message.contains(
        "line 1, column 72: a string is not valid UTF-8")
        == true
    }
  }
}
