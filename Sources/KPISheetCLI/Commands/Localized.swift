import KPISheet

/// The tool's own text in the user's language: Japanese when the locale is Japanese.
func localized(_ english: String, _ japanese: String) -> String {
  DiagnosticText.language == .japanese ? japanese : english
}
