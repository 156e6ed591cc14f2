import CellAddress
import KPIModel
import XLSXReader

/// Collects the problems found while importing, each placed at its file, sheet and cell.
final class DiagnosticLog {
  let file: String
  private(set) var diagnostics: [Diagnostic] = []

  init(file: String) { self.file = file }

  func add(_ diagnostic: Diagnostic, sheet: String?, cell: CellReference?) {
    diagnostics.append(diagnostic.at(file: file, sheet: sheet, cell: cell?.description))
  }

  func add(
    _ severity: Diagnostic.Severity, _ code: DiagnosticCode, _ arguments: [String: String],
    sheet: String?, cell: CellReference?
  ) {
    add(Diagnostic(severity, code, arguments: arguments), sheet: sheet, cell: cell)
  }

  /// Takes over `other`'s diagnostics (a reader tried on its own log, then chosen).
  func append(_ other: DiagnosticLog) { diagnostics += other.diagnostics }

  var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
