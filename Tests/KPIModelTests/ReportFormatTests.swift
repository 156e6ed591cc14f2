import Testing

@testable import KPIModel

/// The report's format as both halves share it (report.md).
@Suite struct ReportFormatTests {
  @Test func dataColumnsFollowTheContractThenOurOwn() {
    let contract = [
      "地方公共団体コード", "都道府県名", "市町村名", "事業番号", "事業名", "区分", "開始年度", "終了年度",
      "KPI番号", "KPI名", "単位", "指標の方向", "年度", "和暦年度", "年次", "目標値", "実績値", "達成率", "達成",
    ]
    #expect(Array(DataRow.headers.prefix(contract.count)) == contract)
    #expect(DataRow.headers.dropFirst(contract.count) == ["基準値", "事業費", "事業費の単位"])
    for column in DataColumn.allCases {
      #expect(DataRow.headers[column.index] == column.header)
    }
  }

  @Test func rowCountCountsWhatRowsBuilds() throws {
    var document = try RecordsJSON.decode(sanyoOnodaRecordsJSON)
    document.projects.append(Project(name: "KPIのない事業"))
    #expect(DataRow.rowCount(of: document) == DataRow.rows(for: document).count)
    #expect(DataRow.rowCount(of: Project(name: "KPIのない事業")) == 1)
  }

  @Test func sheetsInTheReportsOrder() {
    #expect(ReportFormat.sheetNames == ["効果検証", "KPI推移", "集計", "データ"])
  }

  @Test func markerKnowsEveryReportVersionAndNothingElse() {
    #expect(ReportMarker.marksReport(ReportMarker.reportVersion))
    #expect(ReportMarker.marksReport("report-2"))
    #expect(!ReportMarker.marksReport(ReportMarker.templateVersion))
    #expect(!ReportMarker.marksReport(nil))
  }

  @Test func scopeLabelsRoundTrip() {
    for scope in Scope.allCases {
      #expect(Scope(reportLabel: scope.reportLabel) == scope)
    }
    #expect(Scope.single.reportLabel == "単独")
    #expect(Scope.wideArea.reportLabel == "広域")
    #expect(Scope(reportLabel: "単市") == nil)
  }
}
