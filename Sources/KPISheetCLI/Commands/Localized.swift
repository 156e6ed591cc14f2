import ArgumentParser
import KPIModel
import KPISheet

/// The tool's own text in the user's language: Japanese when the locale is Japanese.
func localized(_ english: String, _ japanese: String) -> String {
  DiagnosticText.language == .japanese ? japanese : english
}

/// `--fiscal-year` takes a year in any form a person types: 2022, R4, 令和4年度, H30.
func checkFiscalYear(_ text: String?) throws {
  guard let text, FiscalYear.parseArgument(text) == nil else { return }
  throw ValidationError(
    localized(
      "--fiscal-year takes a fiscal year such as 2022, R4, 令和4年度 or H30 (\"\(text)\" is none).",
      "--fiscal-year には 2022、R4、令和4年度、H30 のような年度を指定してください（「\(text)」は年度ではありません）。"))
}
