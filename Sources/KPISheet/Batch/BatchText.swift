import Foundation
import KPIModel

/// The batch's own messages, in English or Japanese.
public enum BatchText {
  /// `3 converted, 1 skipped, 2 failed in 4.2 s`.
  public static func summary(
    converted: Int, skipped: Int, failed: Int, seconds: Double, _ language: DiagnosticLanguage
  ) -> String {
    let time = String(format: "%.1f", seconds)
    return language == .japanese
      ? "変換 \(converted) 件、スキップ \(skipped) 件、失敗 \(failed) 件（\(time) 秒）"
      : "\(converted) converted, \(skipped) skipped, \(failed) failed in \(time) s"
  }

  /// The closing summary of `results`.
  public static func summary(
    _ results: [BatchResult], seconds: Double, _ language: DiagnosticLanguage
  ) -> String {
    summary(
      converted: results.count { $0.status == .converted },
      skipped: results.count { $0.status == .skipped },
      failed: results.count { $0.status == .failed }, seconds: seconds, language)
  }

  static func notConverted(input: String, errors: Int, _ language: DiagnosticLanguage) -> String {
    let name = input == "-" ? "<stdin>" : input
    return language == .japanese
      ? "\(name): エラー \(errors) 件のため、レポートは作成されませんでした"
      : "\(name): \(errors) error(s); no report was written"
  }

  static func exists(output: String, _ language: DiagnosticLanguage) -> String {
    language == .japanese
      ? "\(output) は既にあるため、スキップしました"
      : "\(output) already exists; skipped"
  }

  static func lockFile(_ input: String, _ language: DiagnosticLanguage) -> String {
    language == .japanese
      ? "\(input): Excel のロックファイルのため、スキップしました"
      : "\(input): an Excel lock file; skipped"
  }

  static func emptyFolder(_ folder: String, _ language: DiagnosticLanguage) -> String {
    language == .japanese
      ? "\(folder): .xlsx、.xlsm、.json のファイルがないフォルダーです"
      : "\(folder): the folder holds no .xlsx, .xlsm or .json file"
  }

  static func converted(input: String, output: String, _ language: DiagnosticLanguage) -> String {
    let name = input == "-" ? "<stdin>" : input
    return language == .japanese ? "\(name) → \(output): 変換しました" : "\(name) → \(output): converted"
  }

  /// The line `-v` prints for one result.
  public static func line(_ result: BatchResult, _ language: DiagnosticLanguage) -> String {
    switch result.status {
    case .converted:
      return converted(input: result.input, output: result.output ?? "", language)
    case .skipped, .failed:
      // The last message is the batch's own, which names the file already.
      return result.messages.last?.message(in: language) ?? result.input
    }
  }
}
