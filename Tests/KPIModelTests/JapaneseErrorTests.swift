import Testing

@testable import KPIModel

/// Records JSON errors and custom diagnostics are told in Japanese too; the English text
/// stays what scripts and tests know.
@Suite struct JapaneseErrorTests {
  private func error(_ json: String) throws -> RecordsJSONError {
    do {
      _ = try RecordsJSON.decode(json)
    } catch {
      return error
    }
    throw DecodedAnyway()
  }

  private struct DecodedAnyway: Error {}

  @Test func aMissingFieldIsNamedByItsPath() throws {
    let missing = try error(
      #"{"format": "kpisheet-records", "version": 1, "projects": [{"name": "a", "years": []}]}"#)
    #expect(missing.description == "records JSON at projects[0].kpis: required field is missing")
    #expect(missing.description(in: .japanese) == "レコード JSON の projects[0].kpis: 必須の項目がありません")
  }

  @Test func aWrongTypeSaysWhatWasFound() throws {
    let wrong = try error(
      #"{"format": "kpisheet-records", "version": 1, "projects": [{"name": "a", "years": [{"fiscalYear": "2020"}], "kpis": []}]}"#
    )
    #expect(wrong.message == "must be an integer, found the string \"2020\"")
    #expect(wrong.message(in: .japanese) == "整数が必要ですが、文字列 \"2020\" になっています")
    let array = try error(#"[]"#)
    #expect(array.description(in: .japanese) == "レコード JSON: オブジェクトが必要ですが、配列になっています")
  }

  @Test func aSyntaxErrorGivesLineAndColumnInJapanese() throws {
    let syntax = try error("{\"a\": 01}")
    #expect(syntax.message == "invalid JSON at line 1, column 7: numbers must not start with 0")
    #expect(
      syntax.description(in: .japanese) == "レコード JSON: JSON の 1 行 7 列目が正しくありません: 数値を 0 で始めることはできません"
    )
  }

  @Test func aCustomDiagnosticCanCarryItsJapanese() {
    let both = Diagnostic(.warning, "conflict", message: "values differ", japanese: "値が異なります")
    #expect(both.message == "values differ")
    #expect(both.message(in: .japanese) == "値が異なります")
  }
}
