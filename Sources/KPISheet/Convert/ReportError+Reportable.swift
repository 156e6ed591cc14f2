import KPIModel
import KPIReport

extension ReportError: ReportableError {
  /// The records hold what the report cannot show: an input's content, so 65.
  public var exitStatus: ExitStatus { .dataError }

  public func message(in language: DiagnosticLanguage) -> String {
    description(japanese: language == .japanese)
  }
}
