import CellAddress
import Foundation
import TemporaryFiles
import TestSupport
import Testing

@testable import XLSXWriter

/// A document's temporary file, and the folder libxlsxwriter makes its own files in, are
/// listed for the signal cleanup only while the document needs them.
@Suite("Temporary files: listed for the signal cleanup until saved or dropped")
struct TemporaryFileTests {
  @Test("A saved document leaves its output and nothing listed")
  func saved() throws {
    let scratch = try Scratch()
    let document = try XLSXDocument(
      temporaryIn: scratch.folder, options: XLSXDocumentOptions(constantMemory: true))
    let file = try #require(document.temporaryPath)
    let folder = try #require(document.libraryFolder)
    #expect(Set(TemporaryFileRegistry.shared.listed).isSuperset(of: [file, folder]))
    #expect(file.hasPrefix(scratch.folder + "/.kpisheet-writer-"))
    #expect(FileManager.default.fileExists(atPath: folder))
    let sheet = try document.addWorksheet(named: "S")
    try sheet.write("a", at: CellReference(row: 0, column: 0))
    try document.save(to: scratch.path("out.xlsx"))

    let listed = Set(TemporaryFileRegistry.shared.listed)
    #expect(!listed.contains(file) && !listed.contains(folder))
    #expect(!FileManager.default.fileExists(atPath: folder))
    #expect(scratch.contents == ["out.xlsx"])
  }

  @Test("A dropped document leaves nothing, listed or on disk")
  func dropped() throws {
    let scratch = try Scratch()
    var document: XLSXDocument? = try XLSXDocument(temporaryIn: scratch.folder)
    let file = try #require(document?.temporaryPath)
    let folder = try #require(document?.libraryFolder)
    _ = try document?.addWorksheet(named: "S")
    document = nil

    let listed = Set(TemporaryFileRegistry.shared.listed)
    #expect(!listed.contains(file) && !listed.contains(folder))
    #expect(!FileManager.default.fileExists(atPath: folder))
    #expect(scratch.contents.isEmpty)
  }
}
