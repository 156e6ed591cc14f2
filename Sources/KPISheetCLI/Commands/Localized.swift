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

/// The facts given as flags are short lines of text, as a profile's are: a 40,000-character
/// name would otherwise fail only in the report writer, naming no flag.
func checkFacts(_ flags: ReportProfile) throws {
  guard let (key, english, japanese) = flags.problem() else { return }
  throw ValidationError(localized("--\(key) \(english).", "--\(key) \(japanese)。"))
}

/// `--code` takes a local-government code: 5 digits, or 6 whose last is the right check digit.
func checkCode(_ text: String?) throws {
  guard let text else { return }
  guard let code = LocalGovernmentCode(text) else {
    throw ValidationError(
      localized(
        "--code takes a 5- or 6-digit local-government code such as 352161.",
        "--code には 352161 のような 5 桁または 6 桁の地方公共団体コードを指定してください。"))
  }
  guard code.isCheckDigitValid else {
    throw ValidationError(
      localized(
        "--code \(text): the check digit is wrong (\(code.fiveDigits) ends in \(code.checkDigit): \(code.sixDigits)).",
        "--code \(text): 検査数字が違います（\(code.fiveDigits) の検査数字は \(code.checkDigit)、\(code.sixDigits) です）。"
      ))
  }
}
