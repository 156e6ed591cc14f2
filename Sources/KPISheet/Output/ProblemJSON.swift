import KPIModel

extension JSONWriter {
  /// One diagnostic as `{"severity", "code", "sheet", "cell", "message"}`, the shape of
  /// `validate --format json`'s problems and of the batch summary's messages; `sheet` and
  /// `cell` are null where the diagnostic has no place.
  public func problem(_ diagnostic: Diagnostic, language: DiagnosticLanguage) {
    object(.inline) {
      member("severity", diagnostic.severity.rawValue)
      member("code", diagnostic.code.rawValue)
      member("sheet", diagnostic.sheet)
      member("cell", diagnostic.cell)
      member("message", diagnostic.message(in: language))
    }
  }
}
