import Foundation
import KPIModel
import Testing

@testable import KPISheetServer

/// The server's small rules, without a server: Host and Origin, the language, the job gate.
struct RequestRulesTests {
  let check = HostCheck(host: "127.0.0.1", port: 8080)

  @Test(arguments: [
    ("127.0.0.1:8080", true), ("localhost:8080", true), ("LOCALHOST:8080", true),
    ("[::1]:8080", true), ("192.168.1.20:8080", true), ("app.localhost:8080", true),
    ("evil.example:8080", false), ("127.0.0.1:8081", false), ("127.0.0.1", false),
    ("", false), ("a:b:c", false), ("[::1", false), ("1.2.3.999:8080", false),
  ])
  func host(_ header: String, _ allowed: Bool) {
    #expect(check.allows(host: header) == allowed)
  }

  @Test func officeHostNameIsAllowed() {
    let office = HostCheck(host: "kpi-server.city.local", port: 80)
    #expect(office.allows(host: "kpi-server.city.local"))
    #expect(office.allows(host: "KPI-Server.City.Local:80"))
    #expect(!office.allows(host: "other.city.local"))
  }

  @Test func origin() {
    #expect(check.allows(origin: nil, host: "127.0.0.1:8080"))
    #expect(check.allows(origin: "http://127.0.0.1:8080", host: "127.0.0.1:8080"))
    #expect(!check.allows(origin: "http://localhost:8080", host: "127.0.0.1:8080"))
    #expect(!check.allows(origin: "null", host: "127.0.0.1:8080"))
    #expect(!check.allows(origin: "https://127.0.0.1:8080", host: "127.0.0.1:8080"))
  }

  @Test(arguments: [
    (nil, DiagnosticLanguage.japanese), ("en-US,en;q=0.9", .english), ("ja,en;q=0.8", .japanese),
    ("fr-FR,en;q=0.5,ja;q=0.4", .english), ("fr-FR,de", .japanese),
    ("en;q=0.1,ja;q=0.9", .japanese),
    ("en;q=0,ja", .japanese), ("*", .japanese),
  ])
  func language(_ header: String?, _ expected: DiagnosticLanguage) {
    #expect(DiagnosticLanguage.preferred(by: header) == expected)
  }

  @Test func gateLetsOnlySoManyRunAndWait() async {
    let gate = JobGate(running: 1, waiting: 1, maxWait: .seconds(30))
    #expect(await gate.enter())
    let waiter = Task { await gate.enter() }
    // Give the waiter time to queue, then a third request finds the queue full.
    try? await Task.sleep(for: .milliseconds(200))
    #expect(await gate.enter() == false)
    await gate.leave()
    #expect(await waiter.value)
    await gate.leave()
    #expect(await gate.enter())
  }

  @Test func gateWaitRunsOut() async {
    let gate = JobGate(running: 1, waiting: 4, maxWait: .milliseconds(100))
    #expect(await gate.enter())
    let start = ContinuousClock.now
    #expect(await gate.enter() == false)
    #expect(ContinuousClock.now - start >= .milliseconds(100))
  }

  @Test func pageIsEscapedAndLocalized() {
    let japanese = Page.html(.japanese)
    let english = Page.html(.english)
    #expect(!japanese.contains("{{"))
    #expect(!english.contains("{{"))
    #expect(japanese.contains("レポート（XLSX）をダウンロード"))
    #expect(english.contains("Download the report (XLSX)"))
    #expect(Set(PageText.japanese.keys) == Set(PageText.english.keys))
    #expect(Page.escape("<a href=\"x\">&</a>") == "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;")
  }
}
