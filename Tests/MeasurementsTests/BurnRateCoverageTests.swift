import BudgetKit
import Foundation
import Measurements
import Testing

/// A burn-rate rule judges only a series that covers enough of its long window.
struct BurnRateCoverageTests {
  private func budget(bad: [Double], policy: BurnRatePolicy = .sreWorkbook) throws -> ErrorBudget {
    try #require(
      ErrorBudget(
        series: ErrorBudgetTests.series(bad: bad), objective: ErrorBudgetTests.objective,
        window: ErrorBudgetTests.thirtyDays, policy: policy))
  }

  /// Two 5-minute buckets burning fast cover a sixth of 1h and a 36th of 6h: no page.
  @Test func twoBucketsDoNotPage() throws {
    let budget = try budget(bad: [6.9, 6.9])
    #expect(budget.firing.isEmpty)
    #expect(budget.alert == .ok)
    #expect(
      budget.unjudged.map(\.description) == ["1h/5m:14.4:page", "6h/30m:6:page", "3d/6h:1:warn"])
    let sixHours = try #require(budget.burnRates.first { $0.window.text == "6h" })
    #expect(abs(sixHours.coverage - 600.0 / 21_600) < 1e-12)
    let fiveMinutes = try #require(budget.burnRates.first { $0.window.text == "5m" })
    #expect(fiveMinutes.coverage == 1)
  }

  /// 55 of the 60 minutes of 1h (92%) are enough for the default share of 90%; 50 are not.
  @Test func theDefaultShareIsNinetyPercent() throws {
    #expect(try budget(bad: Array(repeating: 20, count: 10)).alert == .ok)
    let enough = try budget(bad: Array(repeating: 20, count: 11))
    #expect(enough.firing.map(\.description) == ["1h/5m:14.4:page"])
    #expect(BurnRateRule.defaultCoverage == 0.9)
  }

  @Test func aRuleMayStateItsOwnShare() throws {
    let rule = try BurnRateRule.parse("6h/30m:6:page:10%").get()
    #expect(rule.minimumCoverage == 0.1)
    #expect(rule.description == "6h/30m:6:page:10%")
    #expect(try BurnRateRule.parse("6h/30m:6:page").get().description == "6h/30m:6:page")
    // Three hours of 36 buckets at 7× cover half of 6h.
    let bad = Array(repeating: 7.0, count: 36)
    #expect(try budget(bad: bad, policy: BurnRatePolicy(rules: [rule])).alert == .page)
    let strict = try BurnRateRule.parse("6h/30m:6:page").get()
    #expect(try budget(bad: bad, policy: BurnRatePolicy(rules: [strict])).alert == .ok)
    for bad in [
      "6h/30m:6:page:0%", "6h/30m:6:page:120%", "6h/30m:6:page:half", "6h/30m:6:page:1:2",
    ] {
      #expect(throws: BurnRateRule.ParseError.self) { try BurnRateRule.parse(bad).get() }
    }
  }
}
