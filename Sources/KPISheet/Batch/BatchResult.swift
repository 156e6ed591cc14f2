import KPIModel

/// What became of one input of a batch.
public struct BatchResult: Sendable {
  public enum Status: String, Sendable {
    /// The report was written.
    case converted
    /// The report already existed and `--skip-existing` was given, or the input is an Excel
    /// lock file.
    case skipped
    /// Nothing was written; `messages` say why.
    case failed
  }

  public var input: String
  /// The report's path; nil when the input never got one (an empty folder).
  public var output: String?
  public var status: Status
  public var exitStatus: ExitStatus
  /// Every warning and error, the failure itself last.
  public var messages: [Diagnostic]

  public init(
    input: String, output: String?, status: Status, exitStatus: ExitStatus = .success,
    messages: [Diagnostic] = []
  ) {
    self.input = input
    self.output = output
    self.status = status
    self.exitStatus = exitStatus
    self.messages = messages
  }

  /// A failed input: its diagnostics, then the error as one more message.
  public static func failure(
    input: String, output: String?, error: any Error, language: DiagnosticLanguage
  ) -> BatchResult {
    let reportable =
      error as? ReportableError ?? KPISheetError(unexpected: error, file: input)
    var messages: [Diagnostic] = []
    if let convert = error as? ConvertError { messages = convert.diagnostics }
    let text =
      error is ConvertError
      ? BatchText.notConverted(
        input: input, errors: (error as? ConvertError)?.errorCount ?? 0, language)
      : reportable.message(in: language)
    messages.append(
      Diagnostic(
        .error, failureCode(reportable.exitStatus, convertError: error is ConvertError),
        message: text))
    return BatchResult(
      input: input, output: output, status: .failed, exitStatus: reportable.exitStatus,
      messages: messages)
  }

  /// The code a failure carries in the summary JSON (diagnostics keep their own).
  public static func failureCode(_ status: ExitStatus, convertError: Bool = false)
    -> DiagnosticCode
  {
    if convertError { return "errors-in-input" }
    switch status {
    case .noInput: return "missing-input"
    case .cannotCreate, .outputFailed: return "cannot-write"
    case .usage: return "usage"
    default: return "unreadable"
    }
  }
}
