import Testing

@testable import KPIModel

/// records.md's evaluation categories table.
@Suite struct CategoryTests {
  @Test(arguments: [
    ("地方創生に非常に効果的であった", Effect.veryEffective),
    ("地方創生に相当程度効果があった", .considerablyEffective),
    ("地方創生に効果があった", .effective),
    ("地方創生に効果がなかった", .notEffective),
    ("地方創生に対して効果がなかった", .notEffective),
    ("①地方創生に非常に効果的であった", .veryEffective),
    ("2.地方創生に相当程度効果があった（目標値の８割を達成）", .considerablyEffective),
    ("(3) 地方創生に効果があった", .effective),
    ("4:地方創生に効果がなかった", .notEffective),
    ("本事業は地方創生に効果があった。ただし目標値は未達成", .effective),
    ("地方創生に\n相当程度\n効果があった", .considerablyEffective),
    ("３．地方創生に 効果が あった", .effective),
    ("very-effective", .veryEffective),
  ])
  func effects(text: String, effect: Effect) {
    #expect(Effect(matching: text) == effect)
  }

  @Test(arguments: [
    ("追加等更に発展させる", Policy.expand), ("事業拡大", .expand), ("事業の発展", .expand),
    ("事業内容の見直し（改善）", .improve), ("改善し事業継続", .improve), ("事業の改善", .improve),
    ("事業の継続", .continue), ("現状通り事業継続", .continue),
    ("事業の中止", .stop), ("事業中止・廃止", .stop),
    ("予定通り事業終了", .complete), ("事業・期間の終了", .complete), ("事業の終了", .complete),
    ("1.追加等更に発展させる", .expand), ("②事業内容の見直し(改善)", .improve),
    ("(3)事業の継続。引き続き効果検証を行う", .continue), ("5：予定通り事業終了", .complete),
    ("continue", .continue),
  ])
  func policies(text: String, policy: Policy) {
    #expect(Policy(matching: text) == policy)
  }

  @Test func unknownCategories() {
    #expect(Effect(matching: "") == nil)
    #expect(Effect(matching: "検証中") == nil)
    #expect(Policy(matching: "未定") == nil)
  }

  @Test func nationalWordingMatchesItself() {
    for effect in Effect.allCases {
      #expect(Effect(matching: effect.nationalWording) == effect)
    }
    for policy in Policy.allCases {
      #expect(Policy(matching: policy.nationalWording) == policy)
    }
    #expect(Effect.notEffective.nationalWording == "地方創生に効果がなかった")
    #expect(Policy.improve.nationalWording == "事業内容の見直し（改善）")
  }

  @Test func directions() {
    #expect(Direction.increase.japaneseLabel == "増加")
    #expect(Direction.decrease.japaneseLabel == "減少")
    #expect(Direction(matching: "減少") == .decrease)
    #expect(Direction(matching: " 増加 ") == .increase)
    #expect(Direction(matching: "横ばい") == nil)
  }
}
