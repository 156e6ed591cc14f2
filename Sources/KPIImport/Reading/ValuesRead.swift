import CellAddress

/// The cells readers took a figure from (or already named as left out), per sheet, so that a
/// figure a table holds and no reader took can be named (value-not-read) instead of vanishing.
final class ValuesRead {
  private var cells: [String: Set<CellReference>] = [:]

  func insert(_ reference: CellReference, sheet: String) {
    cells[sheet, default: []].insert(reference)
  }

  func contains(_ reference: CellReference, sheet: String) -> Bool {
    cells[sheet]?.contains(reference) ?? false
  }

  /// Takes over what `other` read (a reader tried on a log of its own, then chosen).
  func formUnion(_ other: ValuesRead) {
    for (sheet, read) in other.cells { cells[sheet, default: []].formUnion(read) }
  }
}
