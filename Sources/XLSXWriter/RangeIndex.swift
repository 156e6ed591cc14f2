import CellAddress

/// The merged ranges and tables of a sheet, indexed by bands of rows so that finding one a
/// new range overlaps looks at the ranges near it rather than at all of them (a report
/// merges a few cells per project: a search through all was quadratic in the projects).
struct RangeIndex {
  /// Rows per band.
  private static let bandShift = 4
  /// A range over more bands than this is kept aside and checked every time, so that a
  /// tall range costs no more than a short one to add.
  private static let mostBands = 64

  private var ranges: [CellRange] = []
  /// The positions in `ranges` of the ranges touching each band.
  private var bands: [Int: [Int]] = [:]
  /// The positions of ranges too tall to list by band.
  private var tall: [Int] = []

  /// The bands `range` touches.
  private static func bands(of range: CellRange) -> ClosedRange<Int> {
    (range.first.row >> bandShift)...(range.last.row >> bandShift)
  }

  mutating func insert(_ range: CellRange) {
    let position = ranges.count
    ranges.append(range)
    let touched = Self.bands(of: range)
    if touched.count > Self.mostBands {
      tall.append(position)
    } else {
      for band in touched { bands[band, default: []].append(position) }
    }
  }

  /// The first range added that shares a cell with `range`, if any.
  func firstOverlap(with range: CellRange) -> CellRange? {
    let touched = Self.bands(of: range)
    var candidates = tall
    if touched.count > Self.mostBands {
      candidates = Array(ranges.indices)
    } else {
      for band in touched { candidates += bands[band] ?? [] }
    }
    return candidates.sorted().lazy.map { ranges[$0] }.first { $0.overlaps(range) }
  }
}
