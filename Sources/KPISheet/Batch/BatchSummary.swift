import KPIModel

/// The batch's results as JSON (`--summary-json`), for scripts:
///
/// ```json
/// {"converted": 2, "skipped": 0, "failed": 1, "seconds": 0.8, "exitCode": 65,
///  "inputs": [{"input": "a.xlsx", "output": "out/a.xlsx", "status": "converted",
///              "exitCode": 0, "messages": []},
///             {"input": "b.xlsx", "output": "out/b.xlsx", "status": "failed", "exitCode": 65,
///              "messages": [{"severity": "error", "code": "not-a-number", "sheet": "KPI",
///                            "cell": "D12", "message": "…"}]}]}
/// ```
///
/// Messages have the shape of `validate --format json`'s problems; `sheet` and `cell` are
/// null where the message has no place.
public enum BatchSummary {
  public static func json(
    _ results: [BatchResult], seconds: Double,
    language: DiagnosticLanguage = DiagnosticText.language
  ) -> String {
    let exitCode = results.map(\.exitStatus).max() ?? .success
    var text = "{\"converted\": \(results.count { $0.status == .converted }), "
    text += "\"skipped\": \(results.count { $0.status == .skipped }), "
    text += "\"failed\": \(results.count { $0.status == .failed }), "
    text += "\"seconds\": \(JSONText.number((seconds * 1000).rounded() / 1000)), "
    text += "\"exitCode\": \(exitCode.rawValue),\n \"inputs\": ["
    text += results.map { entry($0, language: language) }.joined(separator: ",\n  ")
    return text + "]}\n"
  }

  static func entry(_ result: BatchResult, language: DiagnosticLanguage) -> String {
    let messages = result.messages.map { problem($0, language: language) }
    return "{\"input\": \(JSONText.string(result.input)), "
      + "\"output\": \(result.output.map(JSONText.string) ?? "null"), "
      + "\"status\": \(JSONText.string(result.status.rawValue)), "
      + "\"exitCode\": \(result.exitStatus.rawValue), "
      + "\"messages\": [\(messages.joined(separator: ", "))]}"
  }

  /// `{"severity", "code", "sheet", "cell", "message"}`, as `validate --format json` has it.
  public static func problem(_ diagnostic: Diagnostic, language: DiagnosticLanguage) -> String {
    "{\"severity\": \(JSONText.string(diagnostic.severity.rawValue)), "
      + "\"code\": \(JSONText.string(diagnostic.code.rawValue)), "
      + "\"sheet\": \(diagnostic.sheet.map(JSONText.string) ?? "null"), "
      + "\"cell\": \(diagnostic.cell.map(JSONText.string) ?? "null"), "
      + "\"message\": \(JSONText.string(diagnostic.message(in: language)))}"
  }
}
