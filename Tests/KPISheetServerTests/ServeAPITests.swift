import Foundation
import Testing

/// The HTTP API of `kpisheet serve`, through the built binary on a free loopback port: the
/// same answers as the command line, and the rules that keep the server safe.
@Suite(.serialized) struct ServeAPITests {
  static let samples = ServerProcess.packageRoot.appendingPathComponent("samples").path
  static let sample = "dept-wide.xlsx"

  static func fixtureFolders() -> [String] {
    [
      "Tests/XLSXReaderTests/Fixtures", "Tests/XLSXReaderTests/Fixtures/bad",
      "Tests/KPIImportTests/Fixtures", "Tests/KPIImportTests/Fixtures/real", "samples",
    ].map { ServerProcess.packageRoot.appendingPathComponent($0).path }
  }

  static func workbooks(in folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
      .filter { $0.hasSuffix(".xlsx") || $0.hasSuffix(".xls") }.sorted()
  }

  @Test func healthAndPage() throws {
    let server = try ServerProcess()
    let health = try HTTPExchange.curl(server.base + "/healthz")
    #expect(health.status == 200)
    #expect(health.text == "ok\n")
    let japanese = try HTTPExchange.curl(server.base + "/")
    #expect(japanese.status == 200)
    #expect(japanese.text.contains("<html lang=\"ja\">"))
    #expect(japanese.text.contains("評価年度"))
    #expect(japanese.headers["content-security-policy"]?.contains("default-src 'none'") == true)
    let english = try HTTPExchange.curl(
      server.base + "/", ["-H", "Accept-Language: en-GB,en;q=0.9,ja;q=0.5"])
    #expect(english.text.contains("<html lang=\"en\">"))
    #expect(english.text.contains("Evaluation year"))
    // Nothing on the page comes from elsewhere.
    for page in [japanese.text, english.text] {
      #expect(!page.contains("https://"))
      #expect(!page.contains("src=\"http"))
    }
    #expect(try HTTPExchange.curl(server.base + "/nothing").status == 404)
    #expect(try HTTPExchange.curl(server.base + "/api/convert").status == 405)
    #expect(server.stop() == 0)
  }

  /// Tighter reader limits than the defaults, on both sides: the bombs among the fixtures
  /// stop early (a debug build reads them slowly), and `serve` is seen to pass its limit
  /// flags to the reader.
  static let limits = ["--max-total-bytes", "8000000", "--max-part-bytes", "8000000"]

  @Test func extractGivesValidatesDiagnosticsForEveryFixture() throws {
    let server = try ServerProcess(Self.limits)
    var compared = 0
    for folder in Self.fixtureFolders() {
      let names = Self.workbooks(in: folder)
      guard !names.isEmpty else { continue }
      let (_, output) = try kpisheet(
        ["validate", "--format", "json", "--explain"] + Self.limits + names, in: folder)
      let validated = try #require(
        try JSONSerialization.jsonObject(with: output) as? [String: Any])
      let reports = try #require(validated["files"] as? [[String: Any]])
      let answer = try HTTPExchange.curl(
        server.base + "/api/extract",
        ["-H", "Accept-Language: en"] + names.flatMap { ["-F", "file=@\(folder)/\($0)"] })
      #expect(answer.status == 200, "\(folder): \(answer.text)")
      let files = try #require(try answer.json()["files"] as? [[String: Any]])
      #expect(files.count == names.count)
      for (report, file) in zip(reports, files) {
        let name = try #require(file["name"] as? String)
        #expect(name == report["file"] as? String)
        #expect(
          NSArray(array: file["diagnostics"] as? [Any] ?? [1])
            .isEqual(to: report["problems"] as? [Any] ?? [2]), "\(name)")
        #expect(
          NSArray(array: file["tables"] as? [Any] ?? [1])
            .isEqual(to: report["tables"] as? [Any] ?? [2]), "\(name)")
        #expect((file["layout"] as? String) == (report["layout"] as? String), "\(name)")
        let problems = report["problems"] as? [[String: Any]] ?? []
        let failed = problems.contains { $0["severity"] as? String == "error" }
        #expect(file["status"] as? String == (failed ? "error" : "ok"), "\(name)")
        #expect((file["records"] is NSNull) == failed, "\(name)")
        // No answer names a folder of the server.
        #expect(!answer.text.contains(server.temporary))
        compared += 1
      }
    }
    #expect(compared >= 80)
    #expect(server.leftovers.isEmpty)
    #expect(server.stop() == 0)
  }

  @Test func aFactWithAControlCharacterIs400NotAWriterFailure() throws {
    let server = try ServerProcess()
    let answer = try HTTPExchange.curl(
      server.base + "/api/convert",
      [
        "-H", "Accept-Language: en", "-F", "file=@\(Self.samples)/\(Self.sample)", "-F",
        "municipality=宇部\u{1B}[2J市",
      ])
    #expect(answer.status == 400, "\(answer.text.prefix(300))")
    #expect(
      answer.text.contains("The field municipality contains the control character U+1B"),
      "\(answer.text.prefix(300))")
    #expect(server.leftovers.isEmpty)
    server.stop()
  }

  @Test func extractInJapaneseByDefault() throws {
    let server = try ServerProcess()
    let folder = ServerProcess.packageRoot.appendingPathComponent(
      "Tests/XLSXReaderTests/Fixtures/bad"
    ).path
    let (_, output) = try kpisheet(
      ["validate", "--format", "json", "--explain", "truncated.xlsx"], in: folder,
      language: "ja_JP.UTF-8")
    let validated = try #require(try JSONSerialization.jsonObject(with: output) as? [String: Any])
    let report = try #require((validated["files"] as? [[String: Any]])?.first)
    let answer = try HTTPExchange.curl(
      server.base + "/api/extract", ["-F", "file=@\(folder)/truncated.xlsx"])
    let file = try #require((try answer.json()["files"] as? [[String: Any]])?.first)
    #expect(
      NSArray(array: file["diagnostics"] as? [Any] ?? []).isEqual(
        to: report["problems"] as? [Any] ?? [1]))
    let message = try #require(
      (file["diagnostics"] as? [[String: Any]])?.first?["message"] as? String)
    #expect(message.unicodeScalars.contains { $0.value >= 0x3000 })
    server.stop()
  }

  @Test func recordsAndCSVAreExtractsBytes() throws {
    let server = try ServerProcess()
    for (format, extension_) in [("json", "json"), ("csv", "csv")] {
      let (status, expected) = try kpisheet(
        ["extract", Self.sample, "--format", format, "-o", "-"], in: Self.samples)
      #expect(status == 0)
      let answer = try HTTPExchange.curl(
        server.base + "/api/extract?format=\(format)",
        ["-F", "file=@\(Self.samples)/\(Self.sample)"])
      #expect(answer.status == 200)
      #expect(answer.body == expected, "\(format)")
      #expect(answer.headers["content-disposition"]?.contains("dept-wide.\(extension_)") == true)
    }
    server.stop()
  }

  @Test func convertGivesConvertsBytes() throws {
    let server = try ServerProcess()
    let created = "2024-04-01T00:00:00Z"
    for name in Self.workbooks(in: Self.samples) {
      let scratch = server.temporary + "-cli-\(name)"
      try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
      defer { try? FileManager.default.removeItem(atPath: scratch) }
      let report = scratch + "/report.xlsx"
      let (status, _) = try kpisheet(
        [
          "convert", name, "-o", report, "--created", created, "--municipality", "テスト市",
          "--fiscal-year", "2022", "--contact", "企画課 0836-82-1111",
        ], in: Self.samples)
      #expect(status == 0, "\(name)")
      // The contact reaches the report's header and its records.
      let (_, records) = try kpisheet(["extract", report], in: Self.samples)
      #expect(
        String(decoding: records, as: UTF8.self).contains("\"contact\": \"企画課 0836-82-1111\""),
        "\(name)")
      let answer = try HTTPExchange.curl(
        server.base + "/api/convert",
        [
          "-F", "file=@\(Self.samples)/\(name)", "-F", "created=\(created)",
          "-F", "municipality=テスト市", "-F", "fiscalYear=R4", "-F", "contact=企画課 0836-82-1111",
        ])
      #expect(answer.status == 200, "\(name): \(answer.text.prefix(300))")
      #expect(answer.body == FileManager.default.contents(atPath: report), "\(name)")
      #expect(
        answer.headers["content-type"]
          == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
      #expect(answer.headers["content-disposition"]?.hasPrefix("attachment;") == true)
    }
    #expect(server.leftovers.isEmpty)
    server.stop()
  }

  @Test func twentyConversionsAtOnce() throws {
    let server = try ServerProcess()
    let path = "\(Self.samples)/\(Self.sample)"
    let pending = try (0..<20).map { _ in
      try PendingCurl(
        server.base + "/api/convert", ["-F", "file=@\(path)", "-F", "created=2024-04-01T00:00:00Z"])
    }
    let answers = try pending.map { try $0.finish() }
    #expect(answers.map(\.status) == Array(repeating: 200, count: 20))
    // Every report is the same one, whole.
    #expect(Set(answers.map(\.body)).count == 1)
    #expect(answers[0].body.starts(with: [0x50, 0x4B]))
    #expect(server.leftovers.isEmpty)
    #expect(server.logLines.filter { $0.contains("POST /api/convert 200") }.count == 20)
    server.stop()
  }

  @Test func badInputGets422WithDiagnosticsAndTheServerGoesOn() throws {
    let server = try ServerProcess()
    let bad = ServerProcess.packageRoot.appendingPathComponent("Tests/XLSXReaderTests/Fixtures/bad")
      .path
    for name in [
      "billion-laughs.xlsx", "zip-path-traversal.xlsx", "truncated.xlsx", "encrypted.xlsx",
      "sheet-bomb.xlsx",
    ] {
      let answer = try HTTPExchange.curl(
        server.base + "/api/convert", ["-H", "Accept-Language: en", "-F", "file=@\(bad)/\(name)"])
      #expect(answer.status == 422, "\(name)")
      let diagnostics = try #require(try answer.json()["diagnostics"] as? [[String: Any]])
      let first = try #require(diagnostics.first)
      #expect(first["severity"] as? String == "error")
      #expect(first["file"] as? String == name)
      #expect((first["message"] as? String)?.contains(name) == true, "\(name): \(first)")
      #expect(!answer.text.contains(server.temporary))
      #expect(try HTTPExchange.curl(server.base + "/healthz").status == 200)
    }
    // A records JSON that is not one.
    let answer = try HTTPExchange.curl(
      server.base + "/api/convert",
      ["-F", "file=@\(bad)/text-renamed.xlsx;filename=notes.json"])
    #expect(answer.status == 422)
    #expect(server.leftovers.isEmpty)
    #expect(server.stop() == 0)
  }

  @Test func oversizeBodyGets413() throws {
    let server = try ServerProcess(["--max-upload", "100000"])
    let big = server.temporary + "-big.xlsx"
    FileManager.default.createFile(atPath: big, contents: Data(count: 300_000))
    defer { try? FileManager.default.removeItem(atPath: big) }
    let answer = try HTTPExchange.curl(server.base + "/api/extract", ["-F", "file=@\(big)"])
    #expect(answer.status == 413)
    #expect(try answer.json()["error"] as? String == "too-large")
    // Without Content-Length (chunked), the limit still holds while the body streams.
    let chunked = try HTTPExchange.curl(
      server.base + "/api/extract", ["-H", "Transfer-Encoding: chunked", "-F", "file=@\(big)"])
    #expect(chunked.status == 413)
    #expect(try HTTPExchange.curl(server.base + "/healthz").status == 200)
    #expect(server.leftovers.isEmpty)
    server.stop()
  }

  @Test func foreignOriginGets403() throws {
    let server = try ServerProcess()
    let file = "\(Self.samples)/\(Self.sample)"
    let foreign = try HTTPExchange.curl(
      server.base + "/api/extract", ["-H", "Origin: http://evil.example", "-F", "file=@\(file)"])
    #expect(foreign.status == 403)
    let nullOrigin = try HTTPExchange.curl(
      server.base + "/api/convert", ["-H", "Origin: null", "-F", "file=@\(file)"])
    #expect(nullOrigin.status == 403)
    let own = try HTTPExchange.curl(
      server.base + "/api/extract",
      ["-H", "Origin: http://127.0.0.1:\(server.port)", "-F", "file=@\(file)"])
    #expect(own.status == 200)
    let none = try HTTPExchange.curl(server.base + "/api/extract", ["-F", "file=@\(file)"])
    #expect(none.status == 200)
    server.stop()
  }

  @Test func badHostGets421() throws {
    let server = try ServerProcess()
    let port = server.port
    for host in [
      "evil.example:\(port)", "evil.example", "127.0.0.1:\(port + 1)",
      "localhost.evil.example:\(port)",
    ] {
      let answer = try HTTPExchange.curl(server.base + "/", ["-H", "Host: \(host)"])
      #expect(answer.status == 421, "\(host)")
    }
    for host in ["localhost:\(port)", "127.0.0.1:\(port)", "[::1]:\(port)"] {
      let answer = try HTTPExchange.curl(server.base + "/healthz", ["-H", "Host: \(host)"])
      #expect(answer.status == 200, "\(host)")
    }
    server.stop()
  }

  @Test func pdfWithoutLibreOfficeGets501() throws {
    // No soffice on this PATH: what a server without LibreOffice answers.
    let server = try ServerProcess(environment: ["PATH": "/nonexistent"])
    let answer = try HTTPExchange.curl(
      server.base + "/api/convert?format=pdf",
      ["-H", "Accept-Language: en", "-F", "file=@\(Self.samples)/\(Self.sample)"])
    #expect(answer.status == 501)
    #expect(try answer.json()["error"] as? String == "pdf-unavailable")
    #expect((try answer.json()["message"] as? String)?.contains("libreoffice-calc-nogui") == true)
    #expect(server.leftovers.isEmpty)
    server.stop()
  }

  static let hasLibreOffice = ["/usr/bin/soffice", "/usr/local/bin/soffice"].contains {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  @Test(
    .enabled(
      if: hasLibreOffice, "LibreOffice is not installed (.ci/run installs libreoffice-calc-nogui)"))
  func pdfWithLibreOffice() throws {
    let server = try ServerProcess()
    let answer = try HTTPExchange.curl(
      server.base + "/api/convert?format=pdf", ["-F", "file=@\(Self.samples)/\(Self.sample)"])
    #expect(answer.status == 200, "\(answer.text.prefix(300))")
    #expect(answer.headers["content-type"] == "application/pdf")
    #expect(answer.body.starts(with: Array("%PDF".utf8)))
    #expect(answer.headers["content-disposition"]?.contains(".pdf") == true)
    #expect(server.leftovers.isEmpty)
    server.stop()
  }

  @Test func oneLogLinePerRequestAndCleanShutdown() throws {
    let server = try ServerProcess()
    _ = try HTTPExchange.curl(server.base + "/healthz")
    _ = try HTTPExchange.curl(
      server.base + "/api/extract", ["-F", "file=@\(Self.samples)/\(Self.sample)"])
    #expect(server.stop() == 0)
    let requests = server.logLines.filter { $0.hasPrefix("GET ") || $0.hasPrefix("POST ") }
    #expect(requests.count == 2)
    #expect(requests.last?.hasPrefix("POST /api/extract 200 ") == true)
    #expect(requests.last?.hasSuffix(" 1 file(s)") == true)
    #expect(server.leftovers.isEmpty)
  }
}
