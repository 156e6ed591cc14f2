import KPIModel
import XLSXReader
import XLSXWriter

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
  /// A needed program is missing (LibreOffice for `--pdf`).
  case unavailable = 69
  /// The output exists, cannot be created, or equals an input.
  case cannotCreate = 73
  /// Writing standard output failed: full, closed, or a broken pipe.
  case outputFailed = 74

  public static func < (lhs: ExitStatus, rhs: ExitStatus) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// An error the command-line tool reports as one line, with its exit status.
public protocol ReportableError: Error {
  var exitStatus: ExitStatus { get }
  /// Whether the run ends without a message (false unless said otherwise).
  var isQuiet: Bool { get }
  /// One line naming the file and the place, in `language`.
  func message(in language: DiagnosticLanguage) -> String
}

extension ReportableError {
  /// Whether the error ends the run without a message (a broken pipe: the reader left).
  public var isQuiet: Bool { false }

  /// The English message.
  public var message: String { message(in: .english) }
}

extension DiagnosticLanguage {
  /// The same language, as the reader (which depends on nothing) names it.
  var reader: XLSXError.Language { self == .japanese ? .japanese : .english }
}

extension XLSXError: ReportableError {
  public var exitStatus: ExitStatus { kind == .cannotOpen ? .noInput : .dataError }

  /// The reader's line; a limit names the flag that raises it.
  public func message(in language: DiagnosticLanguage) -> String {
    let text = description(in: language.reader)
    guard case .limitExceeded(let limit) = kind else { return text }
    return language == .japanese
      ? "\(text)（\(limit.flag) で上限を引き上げられます）"
      : "\(text) (raise the limit with \(limit.flag))"
  }
}

extension XLSXWriterError: ReportableError {
  /// 73 when the report file could not be written (cli.md: the output "cannot be created"),
  /// else 65: content the writer refused comes from an input.
  public var exitStatus: ExitStatus { isOutputFailure ? .cannotCreate : .dataError }

  /// The writer's own line (libxlsxwriter's English text, with the C function and code a
  /// bug report needs), introduced in Japanese by what failed.
  public func message(in language: DiagnosticLanguage) -> String {
    language == .japanese ? "レポートを書き出せませんでした（\(description)）" : description
  }
}

/// An error of the tool itself (bad arguments, unwritable output, …), told in English and
/// Japanese.
public struct KPISheetError: ReportableError, CustomStringConvertible {
  public var exitStatus: ExitStatus
  public var english: String
  public var japanese: String

  /// Both languages are required, so that no error reaches a Japanese user in English only.
  public init(_ exitStatus: ExitStatus, _ english: String, japanese: String) {
    self.exitStatus = exitStatus
    self.english = english
    self.japanese = japanese
  }

  /// An error no part of the tool describes (from Foundation, say), with its own text.
  public init(unexpected error: any Error, file: String? = nil) {
    let prefix = file.map { "\($0): " } ?? ""
    self.init(.dataError, "\(prefix)\(error)", japanese: "\(prefix)予期しないエラーです（\(error)）")
  }

  public func message(in language: DiagnosticLanguage) -> String {
    language == .japanese ? japanese : english
  }

  public var description: String { english }
}
