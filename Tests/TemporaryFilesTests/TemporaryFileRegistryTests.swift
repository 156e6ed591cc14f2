import Foundation
import Testing

@testable import TemporaryFiles

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The registry in-process; the signal cleanup itself is tested on the built `kpisheet`
/// (KPISheetCLITests/InterruptTests), since it ends the process.
@Suite struct TemporaryFileRegistryTests {
  static func scratchFolder() throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kpisheet-registry-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
  }

  @Test func createMakesAnEmptyListedFileWithTheNameAsked() throws {
    let folder = try Self.scratchFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let registry = TemporaryFileRegistry()
    let path = try registry.create(in: folder + "/", prefix: ".kpisheet-test-", suffix: ".xlsx")
    let name = URL(fileURLWithPath: path).lastPathComponent
    #expect(path == folder + "/" + name)
    #expect(name.hasPrefix(".kpisheet-test-") && name.hasSuffix(".xlsx"))
    #expect(name.count == ".kpisheet-test-".count + 10 + ".xlsx".count)
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect(attributes[.size] as? Int == 0)
    #expect(registry.listed == [path])
  }

  /// The umask, read without changing it (other tests create files meanwhile).
  static var currentUmask: Int? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
      return nil
    }
    let line = status.split(separator: "\n").first { $0.hasPrefix("Umask:") }
    return line.flatMap {
      Int($0.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8)
    }
  }

  @Test(.enabled(if: currentUmask != nil, "/proc/self/status has no Umask line"))
  func permissionsFollowTheUmaskLikeAnyNewFile() throws {
    let folder = try Self.scratchFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let mask = try #require(Self.currentUmask)
    let path = try TemporaryFileRegistry().create(in: folder, prefix: "p-")
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.posixPermissions] as? Int) == 0o666 & ~mask)
  }

  @Test func forgetKeepsTheFileAndRemoveDeletesIt() throws {
    let folder = try Self.scratchFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let registry = TemporaryFileRegistry()
    let renamed = try registry.create(in: folder, prefix: "a-")
    let dropped = try registry.create(in: folder, prefix: "b-")
    #expect(Set(registry.listed) == [renamed, dropped])
    registry.forget(renamed)
    registry.remove(dropped)
    #expect(registry.listed.isEmpty)
    #expect(FileManager.default.fileExists(atPath: renamed))
    #expect(!FileManager.default.fileExists(atPath: dropped))
    // Forgotten (renamed into place): never removed afterwards.
    registry.remove(renamed)
    #expect(FileManager.default.fileExists(atPath: renamed))
  }

  @Test func aFolderIsRemovedWithTheFilesInIt() throws {
    let folder = try Self.scratchFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let registry = TemporaryFileRegistry()
    let made = try registry.createFolder(in: folder, prefix: "lib-")
    let attributes = try FileManager.default.attributesOfItem(atPath: made)
    #expect(attributes[.type] as? FileAttributeType == .typeDirectory)
    #expect(attributes[.posixPermissions] as? Int == 0o700)
    for name in ["tmp.a", ".hidden"] {
      try Data("x".utf8).write(to: URL(fileURLWithPath: made + "/" + name))
    }
    #expect(registry.listed == [made])
    registry.remove(made)
    #expect(registry.listed.isEmpty)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
  }

  @Test func manyFilesGetDistinctNames() throws {
    let folder = try Self.scratchFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let registry = TemporaryFileRegistry()
    let paths = try (0..<200).map { _ in try registry.create(in: folder, prefix: "") }
    #expect(Set(paths).count == 200)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == 200)
  }

  @Test func aFolderThatCannotHoldTheFileIsAnErrorNamingIt() throws {
    let registry = TemporaryFileRegistry()
    let missing = "/nonexistent-\(UUID().uuidString)"
    #expect {
      try registry.create(in: missing, prefix: "x-")
    } throws: { error in
      let failure = error as? TemporaryFileError
      return failure?.code == ENOENT && failure?.description.contains(missing) == true
    }
    #expect(registry.listed.isEmpty)
  }

  @Test func foldersAreJoinedWithOneSlash() {
    #expect(TemporaryFileRegistry.trimmed("/tmp///") == "/tmp")
    #expect(TemporaryFileRegistry.trimmed("/") == "/")
    #expect(TemporaryFileRegistry.trimmed("") == ".")
    #expect(TemporaryFileRegistry.trimmed("out") == "out")
  }

  @Test func anIgnoredSignalIsRecognised() {
    let previous = signal(SIGUSR2, SIG_IGN)
    #expect(SignalCleanup.isIgnored(SIGUSR2))
    _ = signal(SIGUSR2, SIG_DFL)
    #expect(!SignalCleanup.isIgnored(SIGUSR2))
    _ = signal(SIGUSR2, previous)
  }
}
