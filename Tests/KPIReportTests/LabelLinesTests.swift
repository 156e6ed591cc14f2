import Foundation
import KPIModel
import TestSupport
import Testing

@testable import KPIReport

@Suite struct LabelLinesTests {
  @Test func aLabelBreaksBeforeItsBracketNeverInsideIt() {
    let label = LabelLines(text: "指標値（目標値）")
    #expect(label.pieces == ["指標値", "（目標値）"])
    // Too narrow for one line: the bracket goes whole to the second line.
    #expect(label.text(columnWidth: 11) == "指標値\n（目標値）")
    // Wide enough: one line.
    #expect(label.text(columnWidth: 17) == "指標値（目標値）")
    #expect(
      LabelLines(text: "令和3年度（2年目）").text(columnWidth: 11) == "令和3年度\n（2年目）")
    #expect(
      LabelLines(text: "令和2年度～令和4年度").text(columnWidth: 11) == "令和2年度\n～令和4年度")
  }

  @Test func linesAreBalancedAndMarksAreBreakPoints() {
    let label = LabelLines(marked: "④本事業における|重要業績評価指標（KPI）")
    #expect(label.text == "④本事業における重要業績評価指標（KPI）")
    // Two lines either way: the one whose longer line is shorter, not 「（KPI）」 alone.
    #expect(label.text(columnWidth: 33) == "④本事業における\n重要業績評価指標（KPI）")
  }

  @Test func theLeastWidthHoldsEveryPieceOnOneLine() {
    for text in ["事業体", "（目標値）", "～令和10年度", "百万円", "人（延べ）"] {
      let label = LabelLines(text: text)
      let width = label.leastWidth
      for line in label.text(columnWidth: width).split(separator: "\n") {
        #expect(TextMetrics.lines(String(line), columnWidth: width) == 1, "\(text)")
      }
      // A quarter narrower and the widest piece wraps.
      #expect(
        label.pieces.contains { TextMetrics.lines($0, columnWidth: width - 0.25) > 1 }, "\(text)")
    }
  }

  @Test func theNationalWordingIsKeptWordForWord() {
    for effect in Effect.allCases {
      #expect(EvaluationSheet.label(effect).text == effect.nationalWording)
    }
    for policy in Policy.allCases {
      #expect(EvaluationSheet.label(policy).text == policy.nationalWording)
    }
  }
}

/// The mechanism on written reports: every header, period, unit and year label fits its
/// column line by line (so neither Excel nor LibreOffice wraps it further), and no line
/// starts with a closing bracket.
@Suite(.enabled(if: OpenPyXL.isAvailable, OpenPyXL.skipReason))
struct LabelsFitTheirColumnsTests {
  @Test(arguments: [0, 5, 15])
  func labelsFitTheirColumns(_ projects: Int) throws {
    let scratch = try Scratch()
    let path = scratch.path("report.xlsx")
    let document = try projects == 0 ? seedRecords() : PrintedReports.document(projects: projects)
    try ReportWriter().write(
      document, context: ReportContext(evaluationYear: 2022, created: fixedCreation), to: path)
    // Each labelled cell's text and the width of the columns it spans (libxlsxwriter stores
    // a width with its 5 pixels of padding added).
    let facts = try OpenPyXL.facts(
      """
      from openpyxl.utils import get_column_letter
      wb = openpyxl.load_workbook(sys.argv[1])
      def width(ws, first, last):
          total = 0
          for col in range(first, last + 1):
              stored = ws.column_dimensions[get_column_letter(col)].width
              total += stored - 5 / 7
          return total
      def cells(ws, rows, cols):
          spans = {}
          for r in ws.merged_cells.ranges:
              spans[(r.min_row, r.min_col)] = (r.min_col, r.max_col)
          found = []
          for row in rows:
              for col in cols:
                  value = ws.cell(row, col).value
                  if isinstance(value, str) and value:
                      first, last = spans.get((row, col), (col, col))
                      found.append([value, width(ws, first, last)])
          return found
      ev, pr, su = wb["効果検証"], wb["KPI推移"], wb["集計"]
      # 効果検証: the two header rows; 事業期間 (D) and 単位 (I) of every row.
      labels = cells(ev, [10, 11], range(1, 18))
      labels += cells(ev, range(12, ev.max_row + 1), [4, 9])
      # KPI推移: the year labels in column A (令和…).
      labels += [l for l in cells(pr, range(1, pr.max_row + 1), [1]) if l[0].startswith(("令和", "平成"))]
      # 集計: the header row.
      labels += cells(su, [3], range(1, 11))
      put("labels", json.dumps(labels, ensure_ascii=False))
      """, path)
    let labels = try JSONDecoder().decode(
      [[LabelCell]].self, from: Data((facts["labels"] ?? "[]").utf8)
    ).map { ($0[0].text ?? "", $0[1].width ?? 0) }
    #expect(labels.count > 30)
    #expect(labels.contains { $0.0 == "指標値\n（目標値）" })
    for (text, width) in labels {
      for line in text.split(separator: "\n") {
        #expect(
          TextMetrics.lines(String(line), columnWidth: width + 0.02) == 1,
          "「\(line)」 of 「\(text)」 wraps in a column \(width) wide")
        #expect(!line.hasPrefix("）") && !line.hasPrefix(")"), "「\(text)」")
      }
    }
    withExtendedLifetime(scratch) {}
  }

  /// A JSON array element: a string or a number.
  enum LabelCell: Decodable {
    case text(String)
    case width(Double)
    init(from decoder: Decoder) throws {
      let container = try decoder.singleValueContainer()
      if let text = try? container.decode(String.self) {
        self = .text(text)
      } else {
        self = .width(try container.decode(Double.self))
      }
    }
    var text: String? { if case .text(let text) = self { text } else { nil } }
    var width: Double? { if case .width(let width) = self { width } else { nil } }
  }
}
