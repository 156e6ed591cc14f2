import Foundation
import Testing

/// `extract --format csv`: the flat table in each encoding, decoded back by Python's codecs
/// and csv module (not by our own code) and compared.
@Suite struct CSVCommandTests {
  static func sample(_ name: String) -> String { ExtractCommandTests.sample(name) }

  /// Records from the sample, with `edit` applied to its first project.
  static func records(editing edit: (inout [String: Any]) -> Void) throws -> Data {
    var records = try #require(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: sample("sanyo-onoda.expected.json"))))
        as? [String: Any])
    var projects = try #require(records["projects"] as? [[String: Any]])
    edit(&projects[0])
    records["projects"] = projects
    return try JSONSerialization.data(withJSONObject: records)
  }

  static func renameFirstKPI(_ project: inout [String: Any], to name: String) {
    var kpis = project["kpis"] as? [[String: Any]] ?? []
    kpis[0]["name"] = name
    project["kpis"] = kpis
  }

  /// Decodes `file` with Python's `codec` and parses it with its csv module: rows of fields.
  static func pythonRows(_ file: URL, codec: String) throws -> [[String]] {
    let script = """
      import csv, io, json, sys
      raw = open(sys.argv[1], 'rb').read()
      text = raw.decode(sys.argv[2])
      assert not text.startswith('\\ufeff'), 'BOM left after decoding'
      rows = list(csv.reader(io.StringIO(text, newline='')))
      # Every record ends in CRLF (the fields here hold LF only, never CRLF).
      assert raw.endswith(b'\\r\\n') and raw.count(b'\\r\\n') == len(rows), 'not CRLF'
      print(json.dumps(rows))
      """
    let result = try Command.runProcess(
      "/usr/bin/env", ["python3", "-c", script, file.path, codec])
    #expect(result.status == 0, "\(result.stderr)")
    return try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [[String]])
  }

  @Test(arguments: [("utf-8", "utf-8"), ("utf-8-bom", "utf-8-sig"), ("cp932", "cp932")])
  func eachEncodingDecodesBackToTheSameTable(encoding: String, codec: String) throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // Quoting (comma, quote, line break) and the two characters cp932 needs mapped.
    let json = folder.appendingPathComponent("records.json")
    try Self.records {
      $0["name"] = "ガラス, \"小野田\"\n推進〜事業"
      Self.renameFirstKPI(&$0, to: "商品数−前年比")
    }.write(to: json)

    let reference = folder.appendingPathComponent("reference.csv")
    let plain = try Command.run([
      "extract", json.path, "--format", "csv", "-o", reference.path,
    ])
    #expect(plain.status == 0, "\(plain.stderr)")
    let expected = try Self.pythonRows(reference, codec: "utf-8")
    #expect(expected.first?.first == "地方公共団体コード")
    #expect(expected.first?.count == 22)
    #expect(expected.count > 5)
    #expect(expected[1][4] == "ガラス, \"小野田\"\n推進〜事業")
    #expect(expected[1][9] == "商品数−前年比")
    #expect(expected.dropFirst().allSatisfy { $0.count == 22 })

    let csv = folder.appendingPathComponent("table.csv")
    let result = try Command.run([
      "extract", json.path, "--format", "csv", "--encoding", encoding, "-o", csv.path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let bytes = try Data(contentsOf: csv)
    #expect((bytes.prefix(3) == Data([0xEF, 0xBB, 0xBF])) == (encoding == "utf-8-bom"))
    let rows = try Self.pythonRows(csv, codec: codec)
    var wanted = expected
    if encoding == "cp932" {
      // The Windows forms of the same JIS codes: ～ and －.
      #expect(rows[1][4] == "ガラス, \"小野田\"\n推進～事業")
      #expect(rows[1][9] == "商品数－前年比")
      wanted = expected.map {
        $0.map {
          $0.replacingOccurrences(of: "〜", with: "～").replacingOccurrences(of: "−", with: "－")
        }
      }
    }
    #expect(rows == wanted)
  }

  @Test func cp932RefusesACharacterItCannotWriteAndNamesItsPlace() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let json = folder.appendingPathComponent("records.json")
    try Self.records { Self.renameFirstKPI(&$0, to: "𠮷野家の来店数") }.write(to: json)
    let csv = folder.appendingPathComponent("table.csv")
    let result = try Command.run([
      "extract", json.path, "--format", "csv", "--encoding", "cp932", "-o", csv.path,
    ])
    Snapshot.expect(result, matches: "csv-cp932-refused.txt", scratch: folder)
    #expect(!FileManager.default.fileExists(atPath: csv.path))
    // Nor anything on standard output.
    let piped = try Command.run(["extract", json.path, "--format", "csv", "--encoding", "cp932"])
    #expect(piped.status == 65)
    #expect(piped.stdout.isEmpty)

    let japanese = try Command.run(
      ["extract", json.path, "--format", "csv", "--encoding", "cp932"],
      environment: ["LANG": "ja_JP.UTF-8"])
    Snapshot.expect(japanese, matches: "csv-cp932-refused-japanese.txt", scratch: folder)
    // The same records are fine in UTF-8.
    let utf8 = try Command.run(["extract", json.path, "--format", "csv", "--encoding", "utf-8-bom"])
    #expect(utf8.status == 0)
  }

  @Test func encodingWithoutCSVIsAUsageError() throws {
    let result = try Command.run([
      "extract", Self.sample("dept-flat.xlsx"), "--encoding", "cp932",
    ])
    Snapshot.expect(result, matches: "csv-encoding-without-csv.txt")
  }

  @Test func validateJSONHasTheContractShape() throws {
    let folder = try ExtractCommandTests.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data("x".utf8).write(to: folder.appendingPathComponent("bad.xlsx"))
    try FileManager.default.copyItem(
      atPath: Self.sample("dept-flat.xlsx"),
      toPath: folder.appendingPathComponent("dept-flat.xlsx").path)
    let result = try Command.run(["validate", folder.path, "--format", "json"])
    Snapshot.expect(result, matches: "validate-folder-json.txt", scratch: folder)
    let json = try #require(try result.json() as? [String: Any])
    let files = try #require(json["files"] as? [[String: Any]])
    #expect(files.count == 2)
    for file in files {
      #expect(file.keys.sorted() == ["file", "layout", "problems", "tables"])
      for problem in file["problems"] as? [[String: Any]] ?? [] {
        #expect(problem.keys.sorted() == ["cell", "code", "message", "severity", "sheet"])
      }
    }
    let flat = try #require(
      files.first { ($0["file"] as? String)?.hasSuffix("dept-flat.xlsx") == true })
    #expect(flat["layout"] as? String == "C")
    let tables = try #require(flat["tables"] as? [[String: Any]])
    #expect(tables.first?["sheet"] as? String == "KPI実績一覧")
    #expect(tables.first?["range"] as? String == "B4:G19")
  }
}
