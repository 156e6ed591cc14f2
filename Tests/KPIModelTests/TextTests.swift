import Testing

@testable import KPIModel

/// records.md's text table, project headings and header keys.
@Suite struct TextTests {
  // Row: line breaks and spaces inserted for layout → removed from names and labels
  @Test(arguments: [
    ("販\n売額", "販売額"), ("初\n年\n度", "初年度"), ("観光\u{3000}客数", "観光客数"),
    (" 観 光 客 数 ", "観光客数"), ("ＰＰＰを活用した\r\n交流", "ＰＰＰを活用した交流"),
    ("EC サイト", "ECサイト"), ("Smart  City", "Smart City"),
  ])
  func compactNames(raw: String, expected: String) {
    #expect(TextNormalizer.compact(raw) == expected)
  }

  @Test func namesAreNotNFKCNormalised() {
    #expect(TextNormalizer.compact("ＰＰＰ（官民連携）") == "ＰＰＰ（官民連携）")
    #expect(TextNormalizer.compact("２年間") == "２年間")
  }

  // Row: activities with bullets
  @Test func bulletedActivities() {
    let text = "・ガラスのブランド化に向けたあり方の検討\n・ガラスの事業化に向けた\n２年間のブランディング計画策定"
    #expect(
      TextNormalizer.activities(text) == [
        "ガラスのブランド化に向けたあり方の検討", "ガラスの事業化に向けた２年間のブランディング計画策定",
      ])
  }

  @Test func middleDotInsideALineStays() {
    let text = "・１年目の計画に沿ったブランドの構築\n・ターゲットに向けた各種プロモーションの実施・ＰＲツール制作"
    #expect(
      TextNormalizer.activities(text) == [
        "１年目の計画に沿ったブランドの構築", "ターゲットに向けた各種プロモーションの実施・ＰＲツール制作",
      ])
  }

  @Test(arguments: ["●", "○", "-", "※", "◦", "•", "･", "－"])
  func otherBullets(bullet: String) {
    let text = "\(bullet) 月間制定\n\(bullet)拠点創出\n事業"
    #expect(TextNormalizer.activities(text) == ["月間制定", "拠点創出事業"])
  }

  // Row: activities with no bullets at all → one item per line
  @Test func unbulletedActivities() {
    #expect(
      TextNormalizer.activities("スマイルゆめ散歩\n\n観光プロモーション\r\nキッズサマーパス\n")
        == ["スマイルゆめ散歩", "観光プロモーション", "キッズサマーパス"])
    #expect(TextNormalizer.activities("") == [])
    #expect(TextNormalizer.activities(" \n\u{3000}\n") == [])
  }

  @Test func dashBeforeADigitIsNotABullet() {
    #expect(TextNormalizer.activities("-5%削減を目指す\n・啓発") == ["-5%削減を目指す", "啓発"])
  }

  @Test func paragraphsJoinTheirLines() {
    #expect(TextNormalizer.paragraph("　本市の誇る\n「ガラスの文化」\n") == "本市の誇る「ガラスの文化」")
    #expect(TextNormalizer.paragraph("Digital\ntransformation") == "Digital transformation")
    #expect(TextNormalizer.paragraph(" \n ") == nil)
  }

  // Row: ① ② … before a project name → no 1, 2, …
  @Test(arguments: [
    ("①　小野田ガラスのブランド化推進事業", 1), ("② ＰＰＰを活用した交流・にぎわい創出事業", 2),
    ("⑳事業", 20), ("(1)事業", 1), ("（１）事業", 1), ("1.事業", 1), ("１．事業", 1),
    ("1)事業", 1), ("12、事業", 12), ("㉑事業", 21), ("⑴事業", 1),
  ])
  func projectMarkers(text: String, number: Int) {
    let heading = ProjectHeading.parse(text)
    #expect(heading?.no == number)
    #expect(heading?.name.hasPrefix(String(number)) == false)
    #expect(heading?.name.contains("事業") == true)
  }

  @Test func headingWithPeriod() {
    let heading = ProjectHeading.parse("①　小野田ガラスのブランド化推進事業（令和２年度～令和４年度）")
    #expect(
      heading
        == ProjectHeading(
          no: 1, name: "小野田ガラスのブランド化推進事業", period: FiscalPeriod(start: 2020, end: 2022)))
  }

  @Test func headingsWithoutMarkerOrPeriod() {
    #expect(
      ProjectHeading.parse("ＳＰＣ（特定目的会社）の設立")
        == ProjectHeading(no: nil, name: "ＳＰＣ（特定目的会社）の設立", period: nil))
    #expect(
      ProjectHeading.parse("観光事業（第2期）")
        == ProjectHeading(no: nil, name: "観光事業（第2期）", period: nil))
    #expect(ProjectHeading.parse("1.2億円事業")?.no == nil)
    #expect(ProjectHeading.parse("2025年万博事業")?.no == nil)
    #expect(ProjectHeading.parse("①") == nil)
    #expect(ProjectHeading.parse("  ") == nil)
  }

  @Test(arguments: [
    ("令和２年度～令和４年度", 2020, 2022), ("令和2年度～4年度", 2020, 2022), ("R3〜R5", 2021, 2023),
    ("2020年度-2022年度", 2020, 2022), ("令和3年度から令和5年度まで", 2021, 2023),
    ("平成30年度～令和2年度", 2018, 2020), ("R2.4～R5.3", 2020, 2022),
  ])
  func periods(text: String, start: Int, end: Int) {
    #expect(FiscalPeriod.parse(text) == FiscalPeriod(start: start, end: end))
  }

  @Test func notPeriods() {
    #expect(FiscalPeriod.parse("令和4年度～令和2年度") == nil)
    #expect(FiscalPeriod.parse("第2期") == nil)
    #expect(FiscalPeriod.parse("令和2年度") == nil)
  }

  @Test(arguments: [
    ("重要業績評価指標（KPI）", "重要業績評価指標"), ("事業効果\n1.地方創生に非常に効果的であった", "事業効果"),
    ("目 標 値", "目標値"), ("ＫＰＩ", "KPI"), ("事業費（単位：千円）", "事業費"), ("\n事業名", "事業名"),
  ])
  func headerKeys(raw: String, key: String) {
    #expect(HeaderText.key(raw) == key)
  }

  @Test func headerNotesAndUnits() {
    let header = HeaderText("事業費（単位：千円）")
    #expect(header.notes == ["単位:千円"])
    #expect(header.unit == "千円")
    #expect(HeaderText("重要業績評価指標（KPI）").notes == ["KPI"])
    #expect(HeaderText("重要業績評価指標（KPI）").unit == nil)
    #expect(HeaderText("目標値\n（単位：人）").unit == "人")
    #expect(HeaderText("指標(KPI)(単位:人)").notes == ["KPI", "単位:人"])
  }
}
