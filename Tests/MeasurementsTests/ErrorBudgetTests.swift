import BudgetKit
import Foundation
import Measurements
import Testing

/// Error budgets and multiwindow burn rates, on series worked out by hand.
///
/// Every series has 5-minute buckets of 1,000 events, against a 99.9% objective: the budget is
/// one bad event per 1,000, so a bucket with `b` bad events burns at `b`×.
@Suite struct ErrorBudgetTests {
  static let policy = BurnRatePolicy.sreWorkbook
  static let objective = Decimal(string: "0.999")!
  static let thirtyDays = 30 * 86_400.0

  /// A series of 5-minute buckets of 1,000 events with the given bad events, oldest first.
  static func series(bad: [Double]) -> SLISeries {
    SLISeries(
      bucket: 300, good: bad.map { 1000 - $0 }, total: bad.map { _ in 1000 },
      location: .start(of: "m"))
  }

  static func budget(bad: [Double]) throws -> ErrorBudget {
    try #require(
      ErrorBudget(
        series: series(bad: bad), objective: objective, window: thirtyDays, policy: policy))
  }

  static func rate(_ budget: ErrorBudget, _ window: String) -> Double? {
    budget.burnRates.first { $0.window.text == window }?.rate
  }

  /// 99.95% against 99.9%: half of the 0.1% allowed is spent, exactly.
  @Test func summarySLI() {
    let budget = ErrorBudget(
      sli: Decimal(string: "0.9995")!, objective: Self.objective, window: Self.thirtyDays)
    #expect(budget.spent == 0.5)
    #expect(budget.remaining == 0.5)
    #expect(budget.alert == nil)
    #expect(budget.burnRates.isEmpty)
  }

  /// 99.8% against 99.9%: twice the budget, so the SLO is breached.
  @Test func overspentSummary() {
    let budget = ErrorBudget(
      sli: Decimal(string: "0.998")!, objective: Self.objective, window: Self.thirtyDays)
    #expect(budget.spent == 2)
  }

  /// A 100% objective allows nothing: any bad event overspends without bound.
  @Test func hundredPercentObjective() {
    #expect(ErrorBudget(sli: 1, objective: 1, window: 1).spent == 0)
    #expect(
      ErrorBudget(sli: Decimal(string: "0.9999")!, objective: 1, window: 1).spent == .infinity)
  }

  /// Three days of 864 quiet buckets, then an hour (12 buckets) at 20 bad per 1,000.
  ///
  /// 5m: 20×. 30m: 6 buckets at 20× = 20×. 1h: 20×. 6h: 240 bad of 72,000 = 3.33×. 3d: 240 of
  /// 864,000 = 0.278×. 1h/5m both above 14.4: page; 6h is under 6 and 3d under 1.
  @Test func fastBurnPages() throws {
    let budget = try Self.budget(
      bad: Array(repeating: 0, count: 852) + Array(repeating: 20, count: 12))
    #expect(Self.rate(budget, "5m") == 20)
    #expect(Self.rate(budget, "1h") == 20)
    #expect(abs((Self.rate(budget, "6h") ?? 0) - 10.0 / 3) < 1e-9)
    #expect(abs((Self.rate(budget, "3d") ?? 0) - 240.0 / 864) < 1e-9)
    #expect(budget.firing.map(\.description) == ["1h/5m:14.4:page"])
    #expect(budget.alert == .page)
    // The series covers 3 of the 30 days: 240 bad of 864,000 spends 27.8% of the budget.
    #expect(abs(budget.spent - 240.0 / 864) < 1e-9)
    #expect(budget.events?.covered == 259_200.0)
  }

  /// The same hour, but the last 5 minutes are clean: the short window resets the page.
  ///
  /// 1h: 11 buckets at 22 = 242 of 12,000 = 20.2×, but 5m: 0×. 30m: 110 of 6,000 = 18.3×; 6h:
  /// 242 of 72,000 = 3.36×, under 6.
  @Test func shortWindowResets() throws {
    let budget = try Self.budget(
      bad: Array(repeating: 0, count: 853) + Array(repeating: 22, count: 10) + [22, 0].suffix(2))
    #expect(abs((Self.rate(budget, "1h") ?? 0) - 242.0 / 12) < 1e-9)
    #expect(Self.rate(budget, "5m") == 0)
    #expect(budget.firing.isEmpty)
    #expect(budget.alert == .ok)
  }

  /// Six hours (72 buckets) at 7 bad per 1,000: 7× over 6h and 30m pages (above 6), while 1h
  /// and 5m, at 7×, stay under 14.4.
  @Test func slowerBurnPagesOverSixHours() throws {
    let budget = try Self.budget(
      bad: Array(repeating: 0, count: 792) + Array(repeating: 7, count: 72))
    #expect(Self.rate(budget, "6h") == 7)
    #expect(Self.rate(budget, "30m") == 7)
    #expect(budget.firing.map(\.description) == ["6h/30m:6:page"])
    #expect(budget.alert == .page)
  }

  /// Thirty days (8,640 buckets), the last three at 1.5 bad per 1,000 (3 per 2,000 events
  /// written as 1.5): 1.5× over 3d and 6h warns; over 30 days only 10% of the time burned at
  /// 1.5×, so 15% of the budget is spent and the SLO holds.
  @Test func steadyBurnWarns() throws {
    let budget = try Self.budget(
      bad: Array(repeating: 0, count: 7776) + Array(repeating: 1.5, count: 864))
    #expect(abs((Self.rate(budget, "3d") ?? 0) - 1.5) < 1e-9)
    #expect(budget.firing.map(\.description) == ["3d/6h:1:warn"])
    #expect(budget.alert == .warn)
    #expect(abs(budget.spent - 0.15) < 1e-9)
  }

  /// Exactly the factor does not fire: 14.4 bad per 1,000 over the last hour is 14.4×.
  @Test func exactlyTheFactorDoesNotFire() throws {
    let budget = try Self.budget(
      bad: Array(repeating: 0, count: 852) + Array(repeating: 14.4, count: 12))
    #expect(budget.firing.isEmpty)
  }

  /// A window shorter than a bucket reads one whole bucket; one longer than the series reads it all.
  @Test func windowsRoundToWholeBuckets() {
    let series = SLISeries(
      bucket: 600, good: [90, 80, 70], total: [100, 100, 100], location: .start(of: "m"))
    #expect(series.events(overLast: 300) == SLIEvents(good: 70, total: 100, covered: 600))
    #expect(series.events(overLast: 900) == SLIEvents(good: 150, total: 200, covered: 1200))
    #expect(series.events(overLast: 86_400) == SLIEvents(good: 240, total: 300, covered: 1800))
  }

  /// A window without events burns nothing.
  @Test func emptyWindowBurnsNothing() {
    #expect(ErrorBudget.burnRate(SLIEvents(good: 0, total: 0, covered: 300), allowance: 0.001) == 0)
  }
}

/// Burn-rate rules as written on the command line.
@Suite struct BurnRateRuleTests {
  @Test func parsesARule() throws {
    let rule = try BurnRateRule.parse("2h/10m:10:page").get()
    #expect(rule.long.baseValue == 7200)
    #expect(rule.short.baseValue == 600)
    #expect(rule.factor == 10)
    #expect(rule.alert == .page)
    #expect(rule.description == "2h/10m:10:page")
  }

  @Test(arguments: [
    "1h/5m:14.4", "1h:14.4:page", "5m/1h:2:page", "1h/5m:fast:page", "1h/5m:2:ok", "1h/5MiB:2:warn",
    "1h/0m:2:warn",
  ])
  func refuses(text: String) {
    #expect(throws: BurnRateRule.ParseError.self) { try BurnRateRule.parse(text).get() }
  }

  @Test func defaultPolicyWindows() {
    #expect(BurnRatePolicy.sreWorkbook.windows.map(\.text) == ["5m", "30m", "1h", "6h", "3d"])
  }
}
