import CellAddress
import KPIModel

/// A name or unit that is an Excel error value (`#N/A`, `#REF!`, …): a formula that failed
/// where a name is computed (`=VLOOKUP(…)` gives `#N/A`). Read as text, it would name a
/// project "#N/A" in the report without a word; typed or computed, an error value is never
/// a name, so it is an error at its cell.
enum ErrorValueText {
  /// Excel's error values, the classic ones and those of dynamic arrays and data types.
  static let values: Set<String> = [
    "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
    "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#UNKNOWN!", "#BUSY!", "#PYTHON!",
  ]

  /// The field a text fills, as the message names it.
  enum Field {
    case projectName, kpiName, unit

    var names: (english: String, japanese: String) {
      switch self {
      case .projectName: ("project name", "事業名")
      case .kpiName: ("KPI name", "KPI名")
      case .unit: ("unit", "単位")
      }
    }
  }

  /// Logs an error when `text` is an error value.
  static func check(
    _ text: String, as field: Field, sheet: String, cell: CellReference?, log: DiagnosticLog
  ) {
    guard text.hasPrefix("#"), values.contains(text) else { return }
    let names = field.names
    log.add(
      .error, .errorValueAsText,
      ["field": names.english, "fieldJapanese": names.japanese, "text": text], sheet: sheet,
      cell: cell)
  }
}
