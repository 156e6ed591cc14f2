import Testing

@testable import KPIModel

/// records.md's derived values.
@Suite struct AchievementTests {
  @Test func increaseRateIsActualOverTarget() {
    #expect(Achievement.rate(target: 5, actual: 33, direction: .increase) == 6.6)
    #expect(Achievement.rate(target: 10, actual: 5.4, direction: .increase) == 0.54)
    #expect(Achievement.isAchieved(target: 5, actual: 33, direction: .increase) == true)
    #expect(
      Achievement.isAchieved(target: 10_000_000, actual: 134_280, direction: .increase) == false)
    #expect(Achievement.isAchieved(target: 10, actual: 10, direction: .increase) == true)
  }

  @Test func decreaseRateIsTargetOverActual() {
    #expect(Achievement.rate(target: 50, actual: 100, direction: .decrease) == 0.5)
    #expect(Achievement.isAchieved(target: 50, actual: 40, direction: .decrease) == true)
    #expect(Achievement.isAchieved(target: 50, actual: 60, direction: .decrease) == false)
    #expect(Achievement.rate(target: 50, actual: 0, direction: .decrease) == nil)
  }

  @Test func nullOrZeroDivisorGivesNoRate() {
    #expect(Achievement.rate(target: nil, actual: 5, direction: .increase) == nil)
    #expect(Achievement.rate(target: 5, actual: nil, direction: .increase) == nil)
    #expect(Achievement.isAchieved(target: nil, actual: 5, direction: .increase) == nil)
    #expect(Achievement.isAchieved(target: 5, actual: nil, direction: .decrease) == nil)
  }

  @Test func zeroTargetWithNegativeActualIsNotAchieved() {
    let value = KPIValue(fiscalYear: 2022, target: 0, actual: -16)
    #expect(value.isAchieved(direction: .increase) == false)
    #expect(value.achievementRate(direction: .increase) == nil)
  }

  @Test func comparisonUsesPrintedValues() {
    #expect(Achievement.isAchieved(target: 0.3, actual: 0.1 + 0.2, direction: .increase) == true)
    #expect(Achievement.rate(target: 3, actual: 0.1 + 0.2 + 2.7, direction: .increase) == 1)
  }

  @Test func kpiDirectionDefaultsToIncrease() {
    #expect(KPI(name: "観光客数").effectiveDirection == .increase)
    #expect(KPI(name: "空き家数", direction: .decrease).effectiveDirection == .decrease)
  }
}
