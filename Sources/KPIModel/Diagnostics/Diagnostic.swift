/// A problem found while reading or checking records, with where it was found.
///
/// The message is rendered from the catalogue by `code` and `arguments`, so the same
/// diagnostic can be shown in English or Japanese (`message(in:)`).
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
  /// How bad it is: errors stop a value from being used; warnings only inform.
  public enum Severity: String, Sendable, Hashable {
    case error
    case warning
  }

  public var severity: Severity
  public var code: DiagnosticCode
  /// Values for the message's placeholders (`text`, `qualifier`, `kpi`, `fiscalYear`, …).
  public var arguments: [String: String]
  /// The workbook or JSON file, when known.
  public var file: String?
  /// The sheet name, when known.
  public var sheet: String?
  /// The cell reference (`D14`), when known.
  public var cell: String?
  /// A message that replaces the catalogue's, for codes the catalogue does not know.
  private var customMessage: String?
  /// The custom message in Japanese, when it was given one.
  private var customJapanese: String?

  /// How many problems this diagnostic stands for: one, or for a `more-of-the-same` line the
  /// number it counts.
  public var problemCount: Int {
    code == .moreOfTheSame ? Int(arguments["leftOut"] ?? "") ?? 1 : 1
  }

  /// A diagnostic whose message comes from the catalogue.
  public init(
    _ severity: Severity, _ code: DiagnosticCode, arguments: [String: String] = [:],
    file: String? = nil, sheet: String? = nil, cell: String? = nil
  ) {
    self.severity = severity
    self.code = code
    self.arguments = arguments
    self.file = file
    self.sheet = sheet
    self.cell = cell
  }

  /// A diagnostic with its own message, for codes outside the catalogue: shown as given in
  /// every language (for text already in the user's language), or in Japanese as `japanese`.
  public init(
    _ severity: Severity, _ code: DiagnosticCode, message: String, japanese: String? = nil,
    file: String? = nil, sheet: String? = nil, cell: String? = nil
  ) {
    self.init(severity, code, file: file, sheet: sheet, cell: cell)
    self.customMessage = message
    self.customJapanese = japanese
  }

  /// The English message.
  public var message: String { message(in: .english) }

  /// The message in `language`; a custom message without a Japanese text is shown as given.
  public func message(in language: DiagnosticLanguage) -> String {
    if let customMessage {
      return language == .japanese ? customJapanese ?? customMessage : customMessage
    }
    return DiagnosticCatalogue.message(for: code, language: language, arguments: arguments)
  }

  /// Where it was found: `book.xlsx: KPI!D14`, `KPI!D14`, `book.xlsx`, or empty.
  public var location: String {
    var place = ""
    if let sheet { place = sheet + "!" }
    if let cell { place += cell } else if place.hasSuffix("!") { place.removeLast() }
    guard let file else { return place }
    return place.isEmpty ? file : file + ": " + place
  }

  /// The same diagnostic placed at a cell.
  public func at(file: String? = nil, sheet: String? = nil, cell: String? = nil) -> Diagnostic {
    var copy = self
    copy.file = file ?? self.file
    copy.sheet = sheet ?? self.sheet
    copy.cell = cell ?? self.cell
    return copy
  }

  /// `book.xlsx: KPI!D14: error [not-a-number]: '12,O00人' is not a number`.
  public var description: String {
    let place = location
    let head = "\(severity.rawValue) [\(code.rawValue)]: \(message)"
    return place.isEmpty ? head : place + ": " + head
  }
}

/// A diagnostic's stable kebab-case code, for scripts and the message catalogue.
///
/// A struct rather than an enum so other modules can add codes of their own.
public struct DiagnosticCode: RawRepresentable, Sendable, Hashable, ExpressibleByStringLiteral,
  CustomStringConvertible
{
  public var rawValue: String

  public init(rawValue: String) { self.rawValue = rawValue }
  public init(stringLiteral value: String) { self.rawValue = value }

  public var description: String { rawValue }

  /// A value cell that is not a number.
  public static let notANumber: DiagnosticCode = "not-a-number"
  /// Two values in one cell.
  public static let twoValues: DiagnosticCode = "two-values"
  /// A year label that is not a fiscal year.
  public static let unknownYear: DiagnosticCode = "unknown-year"
  /// A number read with a qualifier (約, 以上, 累計) dropped.
  public static let qualifier: DiagnosticCode = "qualifier"
  /// A KPI without any target or actual.
  public static let noValues: DiagnosticCode = "no-values"
  /// An actual value for a year without a target.
  public static let actualWithoutTarget: DiagnosticCode = "actual-without-target"
  /// A value for a year outside the project's period.
  public static let yearOutsidePeriod: DiagnosticCode = "year-outside-period"
  /// A relative year label (2年目) in a project without a period.
  public static let relativeYearWithoutPeriod: DiagnosticCode = "relative-year-without-period"
  /// A 6-digit local-government code with a wrong check digit.
  public static let checkDigit: DiagnosticCode = "check-digit"
  /// A local-government code that is not 5 or 6 digits.
  public static let badCode: DiagnosticCode = "bad-code"
  /// One KPI with different units in different cells.
  public static let mixedUnits: DiagnosticCode = "mixed-units"
  /// A 事業効果 cell that matches no national category.
  public static let unknownEffect: DiagnosticCode = "unknown-effect"
  /// A 今後の方針 cell that matches no national category.
  public static let unknownPolicy: DiagnosticCode = "unknown-policy"
  /// The same KPI and fiscal year given twice with the same values.
  public static let repeatedValue: DiagnosticCode = "repeated-value"
  /// The same KPI and fiscal year given twice with different values.
  public static let conflictingRepeat: DiagnosticCode = "conflicting-repeat"
  /// A mapping file names a column whose header says another field.
  public static let mappingContradictsHeader: DiagnosticCode = "mapping-contradicts-header"
  /// A formula cell with no saved result (written by a program that does not calculate).
  public static let formulaWithoutValue: DiagnosticCode = "formula-without-value"
  /// A value not known yet (未集計): read as null.
  public static let notYetKnown: DiagnosticCode = "not-yet-known"
  /// A project whose KPI cells are all empty or '-': kept with no KPIs (KPI未設定).
  public static let kpiNotSet: DiagnosticCode = "kpi-not-set"
  /// A one-year table that states no fiscal year, and none was given with --fiscal-year.
  public static let tableYearUnknown: DiagnosticCode = "table-year-unknown"
  /// A report's value cell typed over the formula that showed KPI推移's value: it wins.
  public static let valueTypedOverFormula: DiagnosticCode = "value-typed-over-formula"
  /// Two cells of a report typed over the formulas of one value, with different values.
  public static let conflictingEdits: DiagnosticCode = "conflicting-edits"
  /// A blank project name with no row above it in the same table.
  public static let blankProjectName: DiagnosticCode = "blank-project-name"
  /// A KPI name that is only a number or list mark (12, A, ①) on a row with values.
  public static let kpiNameIsMarker: DiagnosticCode = "kpi-name-is-marker"
  /// A row with values that is not read (a '-' name, a note, no KPI name): its place is named.
  public static let rowNotRead: DiagnosticCode = "row-not-read"
  /// A figure inside a read table that no reader took (a row passed over, a column with no
  /// header, a row under a note that ended the table): its cell, value and why are named.
  public static let valueNotRead: DiagnosticCode = "value-not-read"
  /// How many more diagnostics of one code an input gave than are listed.
  public static let moreOfTheSame: DiagnosticCode = "more-of-the-same"
  /// A project name, KPI name or unit that is an Excel error value (#N/A, #REF!).
  public static let errorValueAsText: DiagnosticCode = "error-value-as-text"
  /// A project named after its sheet, for want of a name on the sheet.
  public static let projectNamedAfterSheet: DiagnosticCode = "project-named-after-sheet"
  /// A year header written without its era (24年度), read in the era of a title above.
  public static let eraAssumed: DiagnosticCode = "era-assumed"
}

/// The languages messages are available in.
public enum DiagnosticLanguage: String, Sendable, Hashable {
  case english = "en"
  case japanese = "ja"
}
