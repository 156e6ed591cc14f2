import XLSXReader

/// The process exit codes of the `kpisheet` contract (sysexits).
public enum ExitStatus: Int32, Sendable, Comparable {
  case success = 0
  /// `validate` found errors in a readable input.
  case validationFailed = 1
  /// Wrong usage: unknown flag, missing argument, output-name collision.
  case usage = 64
  /// An input is unreadable or invalid.
  case dataError = 65
  /// An input file does not exist or cannot be opened.
  case noInput = 66
  /// The output exists, cannot be created, or equals an input.
  case cannotCreate = 73

  public static func < (lhs: ExitStatus, rhs: ExitStatus) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// An error the command-line tool reports as one line, with its exit status.
public protocol ReportableError: Error {
  var exitStatus: ExitStatus { get }
  /// One line naming the file and the place.
  var message: String { get }
}

extension XLSXError: ReportableError {
  public var exitStatus: ExitStatus { kind == .cannotOpen ? .noInput : .dataError }

  public var message: String {
    if case .limitExceeded(let limit) = kind {
      return "\(description) (raise the limit with \(limit.flag))"
    }
    return description
  }
}

/// An error of the tool itself (bad arguments, unwritable output, …).
public struct KPISheetError: ReportableError, CustomStringConvertible {
  public var exitStatus: ExitStatus
  public var message: String

  public init(_ exitStatus: ExitStatus, _ message: String) {
    self.exitStatus = exitStatus
    self.message = message
  }

  public var description: String { message }
}
