import Foundation
import KPIModel
import TestSupport
import Testing

@testable import KPIReport

/// The package's root folder.
func packageRoot() -> URL {
  var url = URL(fileURLWithPath: #filePath)
  while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
    url.deleteLastPathComponent()
  }
  return url
}

/// Records from a JSON file under the package root.
func records(_ relativePath: String) throws -> RecordsDocument {
  try RecordsJSON.decode(Data(contentsOf: packageRoot().appendingPathComponent(relativePath)))
}

/// The national-form fixture: evaluations, costs, due months, a project of another year.
func nationalFormRecords() throws -> RecordsDocument {
  try records("Tests/KPIImportTests/Fixtures/b-national-form.expected.json")
}
