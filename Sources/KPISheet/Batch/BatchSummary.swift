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
  /// The summary as text, with its final newline.
  public static func json(
    _ results: [BatchResult], seconds: Double,
    language: DiagnosticLanguage = DiagnosticText.language
  ) -> String {
    let writer = JSONWriter()
    write(results, seconds: seconds, language: language, to: writer)
    return writer.text
  }

  /// Writes the summary, with its final newline, to `writer`. `seconds` is rounded to the
  /// millisecond.
  public static func write(
    _ results: [BatchResult], seconds: Double, language: DiagnosticLanguage,
    to writer: JSONWriter
  ) {
    let exitCode = results.map(\.exitStatus).max() ?? .success
    writer.object(.inline) {
      writer.member("converted", results.count { $0.status == .converted })
      writer.member("skipped", results.count { $0.status == .skipped })
      writer.member("failed", results.count { $0.status == .failed })
      writer.member("seconds", (seconds * 1000).rounded() / 1000, .stored)
      writer.member("exitCode", Int(exitCode.rawValue))
      writer.lineBreak(indent: " ")
      writer.key("inputs")
      let oneInputPerLine = JSONWriter.Layout(opening: "", separator: ",\n  ", closing: "")
      writer.array(oneInputPerLine) {
        for result in results { entry(result, language: language, to: writer) }
      }
    }
    writer.newline()
  }

  private static func entry(
    _ result: BatchResult, language: DiagnosticLanguage, to writer: JSONWriter
  ) {
    writer.object(.inline) {
      writer.member("input", result.input)
      writer.member("output", result.output)
      writer.member("status", result.status.rawValue)
      writer.member("exitCode", Int(result.exitStatus.rawValue))
      writer.key("messages")
      writer.array(.inline) {
        for message in result.messages { writer.problem(message, language: language) }
      }
    }
  }
}
