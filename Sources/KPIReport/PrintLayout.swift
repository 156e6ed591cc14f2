import XLSXWriter

/// How a sheet prints on A4 landscape: a scale that keeps the report's 10-point text at 8
/// points or more, and page breaks that never split a block (a project) when it fits on a
/// page (report.md §1).
///
/// Breaks are planned from the row heights the sheet writes explicitly, so they match what
/// Excel and LibreOffice lay out; a scale is used rather than "fit to N pages", under which
/// Excel ignores manual breaks.
struct PrintLayout {
  /// A4 landscape, 297 × 210 mm, in points.
  static let paper = (width: 841.9, height: 595.3)
  /// The margins `ReportStyle.setUpPrinting` sets, in points (inches × 72).
  static let margins = (left: 0.4 * 72, right: 0.4 * 72, top: 0.6 * 72, bottom: 0.6 * 72)
  /// The share of the printable width and height planned for: LibreOffice draws columns a
  /// little wider than Excel (its Calibri substitute, Carlito, rounds its digit wider), and
  /// renderers round row heights.
  static let slack = (width: 0.92, height: 0.96)
  /// The smallest scale: the report's 10-point text prints at 8 points.
  static let minimumScale = Int((8 / ReportStyle.fontSize * 100).rounded(.up))

  static var printableWidth: Double {
    (paper.width - margins.left - margins.right) * slack.width
  }
  static var printableHeight: Double {
    (paper.height - margins.top - margins.bottom) * slack.height
  }

  /// A column `width` characters wide in points (Excel's default font: 7-pixel digits and
  /// 5 pixels of padding; 0.75 points per pixel).
  static func points(ofColumnWidth width: Double) -> Double {
    (width * 7 + 5).rounded(.down) * 0.75
  }

  /// The scale, in percent, at which `widths` fit the page across: at most 100, at least
  /// `minimumScale` (wider sheets then print across more pages rather than in smaller text).
  static func scale(columnWidths widths: [Double]) -> Int {
    let total = widths.reduce(0) { $0 + points(ofColumnWidth: $1) }
    guard total > 0 else { return 100 }
    let fitting = Int((printableWidth / total * 100).rounded(.down))
    return min(100, max(minimumScale, fitting))
  }

  /// The rows above which a page break goes so that no block splits where it fits a page.
  ///
  /// - Parameters:
  ///   - heights: every row's height in points, first row first (row 0 up to the last).
  ///   - blocks: the row ranges that must stay together, ascending and disjoint.
  ///   - repeated: the rows printed again at the top of every page.
  ///   - scale: the print scale in percent.
  static func breaks(
    heights: [Double], blocks: [ClosedRange<Int>], repeated: ClosedRange<Int>?, scale: Int
  ) -> [Int] {
    let page = printableHeight * 100 / Double(scale)
    let repeatHeight =
      repeated.map { rows in
        rows.reduce(0.0) { $0 + (rows.upperBound < heights.count ? heights[$1] : 0) }
      } ?? 0
    let room = max(page - repeatHeight, 1)
    var breaks: [Int] = []
    // The first page has no repeated rows above its own; later pages give them room.
    var capacity = page
    var used = 0.0
    // Whether the page holds a block yet: above the first block are only titles and headers,
    // and a break there would leave them alone on their page.
    var pageHasBlock = false
    var row = 0
    var blockIndex = 0
    while row < heights.count {
      var unit = row...row
      var isBlock = false
      if blockIndex < blocks.count, blocks[blockIndex].lowerBound == row {
        unit = row...max(row, min(blocks[blockIndex].upperBound, heights.count - 1))
        isBlock = true
        blockIndex += 1
      }
      row = unit.upperBound + 1
      let height = unit.reduce(0.0) { $0 + heights[$1] }
      if used + height <= capacity {
        used += height
        pageHasBlock = pageHasBlock || isBlock
        continue
      }
      let breaksHere =
        isBlock ? pageHasBlock || height <= room : pageHasBlock && blockIndex < blocks.count
      if breaksHere, used > 0, unit.lowerBound > 0 {
        // A block that does not fit on the rest of the page starts the next one. So does a
        // row before a later block: LibreOffice's page holds a little more than planned
        // (`slack`) and would keep that row, and then the start of the block, on this page.
        breaks.append(unit.lowerBound)
      }
      pageHasBlock = isBlock
      // Rows never split: the unit starts the next page, and a block taller than a page
      // runs on over the pages after it.
      capacity = room
      used = height
      while used > capacity { used -= capacity }
    }
    return breaks
  }
}
