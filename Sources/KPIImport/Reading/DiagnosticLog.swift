import CellAddress
import KPIModel
import XLSXReader

/// Collects the problems found while importing, each placed at its file, sheet and cell.
///
/// A flood of one problem (a mapping that lists one year thousands of times) is kept to its
/// first `keptPerCode` diagnostics of each code and severity; the rest are counted and said in
/// one closing line per code, so a person still sees every kind of problem and how many.
final class DiagnosticLog {
  /// Diagnostics of one code and severity kept in full, per file.
  static let keptPerCode = 100

  let file: String
  private var kept: [Diagnostic] = []
  private var keptCount: [Kind: Int] = [:]
  private var leftOut: [Kind: Int] = [:]
  /// The kinds left out, in the order their first one was left out.
  private var leftOutOrder: [Kind] = []

  private struct Kind: Hashable {
    var code: DiagnosticCode
    var severity: Diagnostic.Severity
  }

  /// The figures readers took: what is left in a table is named, not dropped.
  let valuesRead = ValuesRead()

  init(file: String) { self.file = file }

  /// Every diagnostic kept, then one line per code saying how many more were left out.
  var diagnostics: [Diagnostic] {
    kept
      + leftOutOrder.map { kind in
        Diagnostic(
          kind.severity, .moreOfTheSame,
          arguments: [
            "code": kind.code.rawValue, "count": Self.grouped(leftOut[kind, default: 0]),
            "kept": "\(Self.keptPerCode)", "leftOut": "\(leftOut[kind, default: 0])",
          ]
        ).at(file: file)
      }
  }

  func add(_ diagnostic: Diagnostic, sheet: String?, cell: CellReference?) {
    let kind = Kind(code: diagnostic.code, severity: diagnostic.severity)
    guard keptCount[kind, default: 0] < Self.keptPerCode else {
      leave(kind, count: 1)
      return
    }
    keptCount[kind, default: 0] += 1
    kept.append(diagnostic.at(file: file, sheet: sheet, cell: cell?.description))
  }

  func add(
    _ severity: Diagnostic.Severity, _ code: DiagnosticCode, _ arguments: [String: String],
    sheet: String?, cell: CellReference?
  ) {
    add(Diagnostic(severity, code, arguments: arguments), sheet: sheet, cell: cell)
  }

  /// Takes over `other`'s diagnostics (a reader tried on its own log, then chosen).
  func append(_ other: DiagnosticLog) {
    for diagnostic in other.kept {
      let kind = Kind(code: diagnostic.code, severity: diagnostic.severity)
      if keptCount[kind, default: 0] < Self.keptPerCode {
        keptCount[kind, default: 0] += 1
        kept.append(diagnostic)
      } else {
        leave(kind, count: 1)
      }
    }
    for kind in other.leftOutOrder { leave(kind, count: other.leftOut[kind, default: 0]) }
    valuesRead.formUnion(other.valuesRead)
  }

  /// The places on `sheet` already named by an error or a row-not-read warning: a figure
  /// there that was not read has been told about.
  func reportedPlaces(sheet: String) -> [CellReference] {
    kept.compactMap { diagnostic in
      guard diagnostic.sheet == sheet,
        diagnostic.severity == .error || diagnostic.code == .rowNotRead,
        let cell = diagnostic.cell
      else { return nil }
      return CellReference(cell)
    }
  }

  /// Takes over those of `other`'s diagnostics not said already (a second reading of the
  /// same rows finds its projects' problems again).
  func appendNew(_ other: DiagnosticLog) {
    let said = Set(kept)
    let fresh = DiagnosticLog(file: file)
    for diagnostic in other.kept where !said.contains(diagnostic) {
      fresh.kept.append(diagnostic)
      fresh.keptCount[Kind(code: diagnostic.code, severity: diagnostic.severity), default: 0] += 1
    }
    fresh.leftOut = other.leftOut
    fresh.leftOutOrder = other.leftOutOrder
    append(fresh)
    valuesRead.formUnion(other.valuesRead)
  }

  var hasErrors: Bool {
    kept.contains { $0.severity == .error } || leftOut.keys.contains { $0.severity == .error }
  }

  private func leave(_ kind: Kind, count: Int) {
    if leftOut[kind] == nil { leftOutOrder.append(kind) }
    leftOut[kind, default: 0] += count
  }

  /// 14990 → "14,990".
  private static func grouped(_ count: Int) -> String {
    let digits = Array(String(count))
    var text = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
      text.append(digit)
    }
    return text
  }
}
