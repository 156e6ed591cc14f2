import Foundation
import TemporaryFiles

/// A request's private folder for its uploads and its report, readable by the server's user
/// only and listed in the process's temporary-file registry, so that a second Ctrl-C still
/// removes it; `remove()` when the request ends.
struct RequestFolder: Sendable {
  let path: String

  init(in parent: String) throws(TemporaryFileError) {
    path = try TemporaryFileRegistry.shared.createFolder(in: parent, prefix: "kpisheet-serve-")
  }

  func remove() { TemporaryFileRegistry.shared.remove(path) }
}
