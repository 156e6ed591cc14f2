/// Whether a sheet's tab is shown.

import CellAddress

public enum SheetVisibility: String, Sendable, Hashable {
  case visible
  /// Hidden, and unhidden through Excel's menu.
  case hidden
  /// Hidden so that only VBA can unhide it.
  case veryHidden
}

/// A sheet of the workbook, in tab order.
public struct SheetInfo: Sendable, Hashable {
  /// What the sheet holds.
  public enum Kind: Sendable, Hashable {
    case worksheet
    /// A chart sheet or another kind without cells.
    case other
  }

  public var name: String
  /// Zero-based position in tab order.
  public var index: Int
  public var visibility: SheetVisibility
  public var kind: Kind
  /// The part inside the package, found through the workbook's relationships.
  public var partName: String

  public var isHidden: Bool { visibility != .visible }
}

/// One row of a sheet as it streams by: its non-empty cells, left to right.
public struct Row: Sendable {
  /// Zero-based row index: row 1 is 0.
  public var index: Int
  public var cells: [Cell]

  public init(index: Int, cells: [Cell]) {
    self.index = index
    self.cells = cells
  }
}

/// What a pass over a sheet found besides its rows.
public struct SheetScan: Sendable {
  /// The merged ranges, in the order the sheet lists them.
  public var merges: [CellRange]
  /// Non-empty cells seen.
  public var cellCount: Int
  /// The last row and column holding a cell, or nil for an empty sheet.
  public var lastRow: Int?
  public var lastColumn: Int?
  /// Cells holding a formula with no saved result (a program that writes formulas without
  /// calculating them: openpyxl, XlsxWriter): no value to read, so a reader can say to open
  /// and save the file. At most `maxFormulasWithoutValue` are kept.
  public var formulasWithoutValue: [CellReference] = []

  /// Enough to name the cells in an error; a sheet of a million such cells keeps no more.
  public static let maxFormulasWithoutValue = 1000

  public init(
    merges: [CellRange], cellCount: Int, lastRow: Int?, lastColumn: Int?,
    formulasWithoutValue: [CellReference] = []
  ) {
    self.merges = merges
    self.cellCount = cellCount
    self.lastRow = lastRow
    self.lastColumn = lastColumn
    self.formulasWithoutValue = formulasWithoutValue
  }
}
