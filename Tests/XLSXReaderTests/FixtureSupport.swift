import Foundation
import Testing
import XLSXReader

/// Fixture workbooks written by other writers (see Fixtures/MANIFEST.md and
/// Scripts/make-fixtures.py, which made them).
enum Fixture {
  static func path(_ name: String) -> String {
    guard let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil) else {
      return "missing-fixture-\(name)"
    }
    return url.path
  }

  static func open(_ name: String, limits: ReaderLimits = ReaderLimits()) throws -> XLSXWorkbook {
    try XLSXWorkbook(path: path(name), displayName: name, limits: limits)
  }

  /// Opens the fixture and reads every sheet; returns the error thrown (reading every sheet
  /// is part of it: a reader must not fail only when opened, or only when a sheet is read).
  static func failure(_ name: String, limits: ReaderLimits = ReaderLimits()) -> XLSXError? {
    do {
      let workbook = try open(name, limits: limits)
      for sheet in workbook.sheets { try workbook.forEachRow(in: sheet) { _ in } }
      return nil
    } catch let error as XLSXError {
      return error
    } catch {
      Issue.record("not an XLSXError: \(error)")
      return nil
    }
  }

  /// Each non-empty cell of a sheet as one line in MANIFEST.md's fact syntax:
  /// `D5 number 5 fmt=#,##0"個"`, `F3 boolean true formula=C3>=B3`.
  static func facts(_ workbook: XLSXWorkbook, sheet name: String) throws -> [String] {
    let sheet = try #require(workbook.sheet(named: name), "sheet \(name)")
    var lines: [String] = []
    try workbook.forEachRow(in: sheet) { row in
      for cell in row.cells { lines.append(fact(cell)) }
    }
    return lines
  }

  static func fact(_ cell: Cell) -> String {
    var line = "\(cell.reference) "
    switch cell.value {
    case .string(let text): line += "string \(quoted(text))"
    case .number(let number): line += "number \(numberText(number))"
    case .boolean(let flag): line += "boolean \(flag)"
    case .date(let date): line += "date \"\(date)\""
    case .error(let text): line += "error \"\(text)\""
    }
    if let format = cell.format { line += " fmt=\(format.code)" }
    if let formula = cell.formula { line += " formula=\(formula)" }
    return line
  }

  static func numberText(_ value: Double) -> String {
    value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
  }

  static func quoted(_ text: String) -> String {
    var output = "\""
    for character in text {
      switch character {
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\r\n": output += "\\r\\n"
      case "\"": output += "\\\""
      default: output.append(character)
      }
    }
    return output + "\""
  }
}

/// Expects every fact in `expected` among `actual`, and, when `exact`, nothing else.
func expectFacts(
  _ actual: [String], _ expected: [String], exact: Bool = true,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let actualSet = Set(actual)
  for fact in expected where !actualSet.contains(fact) {
    let reference = fact.split(separator: " ").first.map(String.init) ?? fact
    let seen = actual.first { $0.hasPrefix(reference + " ") } ?? "nothing"
    Issue.record("missing \(fact) — saw \(seen)", sourceLocation: sourceLocation)
  }
  if exact {
    let expectedSet = Set(expected)
    for fact in actual where !expectedSet.contains(fact) {
      Issue.record("unexpected \(fact)", sourceLocation: sourceLocation)
    }
  }
}
