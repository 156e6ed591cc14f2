internal import CXLSXWriter
import CellAddress

/// What Excel shows around a validated cell.
public struct ValidationMessages: Hashable, Sendable {
  /// How Excel treats a value that breaks the rule.
  public enum ErrorStyle: Hashable, Sendable {
    /// Refuse the value.
    case stop
    /// Ask whether to keep it.
    case warning
    /// Only inform.
    case information
  }

  /// The input prompt's title (at most 32 characters).
  public var inputTitle: String?
  /// The input prompt (at most 255 characters).
  public var inputMessage: String?
  /// The error box's title (at most 32 characters).
  public var errorTitle: String?
  /// The error message (at most 255 characters).
  public var errorMessage: String?
  public var errorStyle: ErrorStyle

  public init(
    inputTitle: String? = nil, inputMessage: String? = nil, errorTitle: String? = nil,
    errorMessage: String? = nil, errorStyle: ErrorStyle = .stop
  ) {
    self.inputTitle = inputTitle
    self.inputMessage = inputMessage
    self.errorTitle = errorTitle
    self.errorMessage = errorMessage
    self.errorStyle = errorStyle
  }
}

/// Where a drop-down list's values live.
public enum ListSource: Hashable, Sendable {
  /// Inline in the rule when that is safe (joined with commas in at most 255 bytes, no commas
  /// or quotes in the values); otherwise on the hidden list sheet.
  case automatic
  /// Always on the hidden list sheet.
  case listSheet
}

/// A numeric comparison, for validations and conditional formats.
public enum NumberCriterion: Hashable, Sendable {
  case between(Double, Double)
  case notBetween(Double, Double)
  case equal(Double)
  case notEqual(Double)
  case greaterThan(Double)
  case greaterThanOrEqual(Double)
  case lessThan(Double)
  case lessThanOrEqual(Double)

  var values: [Double] {
    switch self {
    case .between(let a, let b), .notBetween(let a, let b): [a, b]
    case .equal(let a), .notEqual(let a), .greaterThan(let a), .greaterThanOrEqual(let a),
      .lessThan(let a), .lessThanOrEqual(let a):
      [a]
    }
  }
}

/// The kind of number a validated cell accepts.
public enum NumberKind: Hashable, Sendable {
  case decimal
  case integer
}

extension Worksheet {
  /// The longest inline list libxlsxwriter 1.1.4 copies without overflowing its buffer: it
  /// counts characters against 255 but allocates 255 + 3 bytes, so a Japanese list of 20
  /// prefectures already overflows. Bytes are what must stay within 255.
  static let inlineListByteLimit = 255

  /// Adds a drop-down list of `values` to the cells of `range`.
  ///
  /// Short lists go inline; long ones, and ones whose values contain commas or quotes, are
  /// written to a hidden sheet (`XLSXDocumentOptions.listSheetName`, added when the document
  /// is saved) and referenced with `LXW_VALIDATION_TYPE_LIST_FORMULA`, which has no length
  /// limit. libxlsxwriter 1.1.4 aborts the process on an inline list over 255 bytes; this
  /// method never passes it one.
  ///
  /// The corresponding C function is `worksheet_data_validation_range`.
  public func validationList(
    range: CellRange, values: [String], messages: ValidationMessages = ValidationMessages(),
    source: ListSource = .automatic, allowBlank: Bool = true
  ) throws {
    let function = "worksheet_data_validation_range"
    _ = try live(function)
    let place = range.a1()
    guard !values.isEmpty, values.count <= CellReference.maxRow + 1 else {
      throw invalid("a drop-down list needs 1 to 1,048,576 values", function, at: place)
    }
    guard values.allSatisfy({ !$0.isEmpty && $0.unicodeScalars.count <= 255 }) else {
      throw invalid("drop-down values have 1 to 255 characters each", function, at: place)
    }
    let joinedBytes = values.reduce(values.count - 1) { $0 + $1.utf8.count }
    let inlineIsSafe =
      joinedBytes <= Worksheet.inlineListByteLimit && values.count < 255
      && !values.contains(where: { $0.contains(",") || $0.contains("\"") })
    let strings = CStringBag()
    var validation = lxw_data_validation()
    if source == .automatic, inlineIsSafe {
      validation.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
      var list: [UnsafeMutablePointer<CChar>?] = values.map { strings.copy($0) }
      list.append(nil)
      try list.withUnsafeMutableBufferPointer { buffer in
        validation.value_list = buffer.baseAddress
        try addValidation(range, &validation, messages, allowBlank, strings)
      }
    } else {
      // libxlsxwriter 1.1.4 copies a list formula twice and frees one copy: each such list
      // leaks its formula, tens of bytes (AddressSanitizer); bounded by the lists written.
      validation.validate = UInt8(LXW_VALIDATION_TYPE_LIST_FORMULA.rawValue)
      validation.value_formula = strings.copy(document.helperListRange(for: values))
      try addValidation(range, &validation, messages, allowBlank, strings)
    }
  }

  /// Lets cells of `range` accept only numbers meeting `criterion`, e.g.
  /// `.greaterThanOrEqual(0)` for a non-negative amount.
  ///
  /// The corresponding C function is `worksheet_data_validation_range`.
  public func validateNumbers(
    range: CellRange, kind: NumberKind = .decimal, criterion: NumberCriterion,
    messages: ValidationMessages = ValidationMessages(), allowBlank: Bool = true
  ) throws {
    let function = "worksheet_data_validation_range"
    _ = try live(function)
    guard criterion.values.allSatisfy(\.isFinite) else {
      throw invalid("validation bounds must be finite", function, at: range.a1())
    }
    var validation = lxw_data_validation()
    let type = kind == .decimal ? LXW_VALIDATION_TYPE_DECIMAL : LXW_VALIDATION_TYPE_INTEGER
    validation.validate = UInt8(type.rawValue)
    let cCriteria: lxw_validation_criteria
    switch criterion {
    case .between(let low, let high), .notBetween(let low, let high):
      guard low <= high else {
        throw invalid("the lower bound exceeds the upper one", function, at: range.a1())
      }
      if case .between = criterion {
        cCriteria = LXW_VALIDATION_CRITERIA_BETWEEN
      } else {
        cCriteria = LXW_VALIDATION_CRITERIA_NOT_BETWEEN
      }
      validation.minimum_number = low
      validation.maximum_number = high
    case .equal(let value):
      cCriteria = LXW_VALIDATION_CRITERIA_EQUAL_TO
      validation.value_number = value
    case .notEqual(let value):
      cCriteria = LXW_VALIDATION_CRITERIA_NOT_EQUAL_TO
      validation.value_number = value
    case .greaterThan(let value):
      cCriteria = LXW_VALIDATION_CRITERIA_GREATER_THAN
      validation.value_number = value
    case .greaterThanOrEqual(let value):
      cCriteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO
      validation.value_number = value
    case .lessThan(let value):
      cCriteria = LXW_VALIDATION_CRITERIA_LESS_THAN
      validation.value_number = value
    case .lessThanOrEqual(let value):
      cCriteria = LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO
      validation.value_number = value
    }
    validation.criteria = UInt8(cCriteria.rawValue)
    try addValidation(range, &validation, messages, allowBlank, CStringBag())
  }

  private func addValidation(
    _ range: CellRange, _ validation: inout lxw_data_validation, _ messages: ValidationMessages,
    _ allowBlank: Bool, _ strings: CStringBag
  ) throws {
    let function = "worksheet_data_validation_range"
    let sheet = try live(function)
    let c = try coordinates(range, function)
    let place = range.a1()
    for (text, limit) in [
      (messages.inputTitle, 32), (messages.errorTitle, 32), (messages.inputMessage, 255),
      (messages.errorMessage, 255),
    ] {
      if let text, text.isEmpty || text.unicodeScalars.count > limit {
        throw invalid(
          "validation titles have 1 to 32 characters and messages 1 to 255", function, at: place)
      }
    }
    validation.ignore_blank = UInt8(
      allowBlank ? LXW_VALIDATION_ON.rawValue : LXW_VALIDATION_OFF.rawValue)
    validation.input_title = strings.copy(messages.inputTitle)
    validation.input_message = strings.copy(messages.inputMessage)
    validation.error_title = strings.copy(messages.errorTitle)
    validation.error_message = strings.copy(messages.errorMessage)
    let style: lxw_validation_error_types
    switch messages.errorStyle {
    case .stop: style = LXW_VALIDATION_ERROR_TYPE_STOP
    case .warning: style = LXW_VALIDATION_ERROR_TYPE_WARNING
    case .information: style = LXW_VALIDATION_ERROR_TYPE_INFORMATION
    }
    validation.error_type = UInt8(style.rawValue)
    let code = worksheet_data_validation_range(
      sheet, c.firstRow, c.firstColumn, c.lastRow, c.lastColumn, &validation)
    withExtendedLifetime(strings) {}
    try check(code, function, at: place)
  }
}
