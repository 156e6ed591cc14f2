internal import CXLSXWriter

/// An error raised while building or saving a workbook.
///
/// Errors returned by libxlsxwriter carry the C error code (`lxw_error`), the C function that
/// returned it and the library's own message (`lxw_strerror`). Errors raised by this module's
/// own guards (arguments libxlsxwriter 1.1.4 would mishandle) carry no code. Both say where
/// (sheet and cell or range) when they can.
public struct XLSXWriterError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What went wrong, broadly.
  public enum Kind: Equatable, Sendable {
    /// libxlsxwriter returned an error code.
    case library
    /// An argument was refused before reaching libxlsxwriter.
    case invalidArgument
    /// A row or column lies outside the sheet (1,048,576 rows × 16,384 columns).
    case outOfBounds
    /// The operation is not possible in this workbook's mode (constant memory) or in
    /// libxlsxwriter 1.1.4.
    case unsupported
    /// The workbook was already saved or failed to save; its C handle is gone.
    case closed
    /// A file system operation (temporary file, rename) failed.
    case fileSystem
  }

  /// What went wrong, broadly.
  public let kind: Kind
  /// The `lxw_error` code, when libxlsxwriter returned one.
  public let code: Int32?
  /// The C function that failed (or that a guard protected), e.g. `worksheet_merge_range`.
  public let function: String?
  /// A human-readable message: libxlsxwriter's `lxw_strerror` text for library errors.
  public let message: String
  /// The worksheet concerned, if any.
  public var sheet: String?
  /// The cell or range concerned in A1 notation, if any.
  public var cell: String?

  public init(
    kind: Kind, code: Int32? = nil, function: String? = nil, message: String,
    sheet: String? = nil, cell: String? = nil
  ) {
    self.kind = kind
    self.code = code
    self.function = function
    self.message = message
    self.sheet = sheet
    self.cell = cell
  }

  public var description: String {
    var text = ""
    if let function {
      text += "\(function): "
    }
    text += message
    if let code {
      text += " (lxw_error \(code))"
    }
    switch (sheet, cell) {
    case (let sheet?, let cell?): text += " at \(sheet)!\(cell)"
    case (let sheet?, nil): text += " in sheet \(sheet)"
    case (nil, let cell?): text += " at \(cell)"
    case (nil, nil): break
    }
    return text
  }
}

extension XLSXWriterError {
  /// True when the file itself could not be written — a temporary file, the zip, the
  /// rename into place (a full disk, a folder without write permission) — rather than
  /// something in the content being refused.
  public var isOutputFailure: Bool {
    switch kind {
    case .fileSystem: return true
    case .library:
      let outputErrors = [
        LXW_ERROR_CREATING_XLSX_FILE, LXW_ERROR_CREATING_TMPFILE, LXW_ERROR_READING_TMPFILE,
        LXW_ERROR_ZIP_FILE_OPERATION, LXW_ERROR_ZIP_PARAMETER_ERROR, LXW_ERROR_ZIP_BAD_ZIP_FILE,
        LXW_ERROR_ZIP_INTERNAL_ERROR, LXW_ERROR_ZIP_FILE_ADD, LXW_ERROR_ZIP_CLOSE,
      ]
      return outputErrors.contains { Int32(bitPattern: $0.rawValue) == code }
    case .invalidArgument, .outOfBounds, .unsupported, .closed: return false
    }
  }

  /// Wraps a libxlsxwriter error code with its message.
  static func library(
    _ code: lxw_error, function: String, sheet: String? = nil, cell: String? = nil
  ) -> XLSXWriterError {
    let message: String
    if let text = lxw_strerror(code) {
      message = String(cString: text)
    } else {
      message = "unknown libxlsxwriter error"
    }
    return XLSXWriterError(
      kind: .library, code: Int32(bitPattern: code.rawValue), function: function,
      message: message, sheet: sheet, cell: cell)
  }

  static func invalid(
    _ message: String, function: String? = nil, sheet: String? = nil, cell: String? = nil
  ) -> XLSXWriterError {
    XLSXWriterError(
      kind: .invalidArgument, function: function, message: message, sheet: sheet, cell: cell)
  }

  static func unsupported(
    _ message: String, function: String? = nil, sheet: String? = nil, cell: String? = nil
  ) -> XLSXWriterError {
    XLSXWriterError(
      kind: .unsupported, function: function, message: message, sheet: sheet, cell: cell)
  }
}

/// Throws when a libxlsxwriter call returned anything but `LXW_NO_ERROR`.
@inline(__always)
func check(
  _ code: lxw_error, _ function: String, sheet: String? = nil, cell: String? = nil
) throws {
  if code != LXW_NO_ERROR {
    throw XLSXWriterError.library(code, function: function, sheet: sheet, cell: cell)
  }
}
