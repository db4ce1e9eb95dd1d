import BudgetKit
import Testing

/// Exceptions whose days touch or overlap on one budget, environment and metric are one
/// deviation (`ExceptionChain`), held to `max_exception_days` together by validation and by the
/// gate.
struct ExceptionChainTests {
  static func exception(
    _ id: String, starts: String, expires: String, budget: String = "ranker",
    environment: String = "production", metrics: String = "latency_p95: { max: 130ms }"
  ) -> String {
    """
    version: 1
    kind: Exception
    id: \(id)
    budget: \(budget)
    environment: \(environment)
    metrics:
      \(metrics)
    reason: Peak traffic.
    starts: \(starts)
    expires: \(expires)
    """
  }

  static func chains(_ files: [String: String]) -> [ExceptionChain] {
    ExceptionChain.chains(in: TreeFixture.load(files).exceptions)
  }

  @Test func touchingAndOverlappingDaysChainAndAGapDoesNot() {
    let first = Self.exception("EXC-1", starts: "2027-01-01", expires: "2027-03-31")
    let touching = Self.exception("EXC-2", starts: "2027-04-01", expires: "2027-06-29")
    let chain = Self.chains([".budgets/a.yaml": first, ".budgets/b.yaml": touching])
    #expect(chain.count == 1)
    #expect(chain.first?.ids.map(\.rawValue) == ["EXC-1", "EXC-2"])
    #expect(chain.first?.lengthInDays == 180)
    #expect(chain.first?.metrics.map(\.rawValue) == ["latency_p95"])
    let overlapping = Self.exception("EXC-2", starts: "2027-03-15", expires: "2027-04-10")
    #expect(
      Self.chains([".budgets/a.yaml": first, ".budgets/b.yaml": overlapping]).first?.lengthInDays
        == 100)
    let gap = Self.exception("EXC-2", starts: "2027-04-02", expires: "2027-06-29")
    #expect(Self.chains([".budgets/a.yaml": first, ".budgets/b.yaml": gap]).isEmpty)
  }

  @Test func anotherEnvironmentMetricOrBudgetIsAnotherDeviation() {
    let first = Self.exception("EXC-1", starts: "2027-01-01", expires: "2027-01-20")
    for other in [
      Self.exception("EXC-2", starts: "2027-01-21", expires: "2027-02-10", environment: "staging"),
      Self.exception(
        "EXC-2", starts: "2027-01-21", expires: "2027-02-10", metrics: "precision: { min: 0.8 }"),
      Self.exception("EXC-2", starts: "2027-01-21", expires: "2027-02-10", budget: "other"),
    ] {
      #expect(Self.chains([".budgets/a.yaml": first, ".budgets/b.yaml": other]).isEmpty)
    }
  }

  @Test func membersChainingOnSeveralMetricsMakeOneChain() {
    let both = "latency_p95: { max: 130ms }\n  precision: { min: 0.8 }"
    let first = Self.exception("EXC-1", starts: "2027-01-01", expires: "2027-01-20", metrics: both)
    let second = Self.exception("EXC-2", starts: "2027-01-21", expires: "2027-02-10", metrics: both)
    let chains = Self.chains([".budgets/a.yaml": first, ".budgets/b.yaml": second])
    #expect(chains.count == 1)
    #expect(chains.first?.metrics.map(\.rawValue) == ["latency_p95", "precision"])
  }

  @Test func validationReportsAChainAtEachExceptionNotYetExpired() {
    // The fixture's limit is 30 days; these cover 41 together.
    let files = [
      ".budgets/a.yaml": Self.exception("EXC-1", starts: "2026-10-20", expires: "2026-11-03"),
      ".budgets/b.yaml": Self.exception("EXC-2", starts: "2026-11-04", expires: "2026-11-29"),
    ]
    let onTheFifth = TreeFixture.load(files).diagnostics
    #expect(onTheFifth.map(\.rule) == [.exceptionChainTooLong], "\(onTheFifth)")
    #expect(onTheFifth.first?.location.path == ".budgets/b.yaml")
    #expect(onTheFifth.first?.message.contains("EXC-1 (2026-10-20..2026-11-03), EXC-2") == true)
    let before = TreeFixture.load(files, day: CalendarDay("2026-10-01")!).diagnostics
    #expect(before.map(\.location.path) == [".budgets/a.yaml", ".budgets/b.yaml"])
    let after = TreeFixture.load(files, day: CalendarDay("2026-11-30")!).diagnostics
    #expect(after.isEmpty)
  }

  @Test func theGateCountsAnExceptionTheChangeWithdrawsOnceItHadStarted() {
    let old = Self.exception("EXC-1", starts: "2026-10-20", expires: "2026-11-03")
    let next = Self.exception("EXC-2", starts: "2026-11-04", expires: "2026-11-20")
    let base = TreeFixture.load([".budgets/a.yaml": old])
    let replaced = TreeFixture.load([".budgets/b.yaml": next])
    let gate = SignOffGate(base: base, head: replaced, messages: [:])
    let problems = gate.verdict().policyProblems
    #expect(problems.contains { $0.contains("EXC-1") && $0.contains("EXC-2") }, "\(problems)")
    // A plan withdrawn before it started is no part of the deviation.
    let later = Self.exception("EXC-1", starts: "2026-12-01", expires: "2026-12-20")
    let next2 = Self.exception("EXC-2", starts: "2026-12-21", expires: "2027-01-10")
    let plan = SignOffGate(
      base: TreeFixture.load([".budgets/a.yaml": later]),
      head: TreeFixture.load([".budgets/b.yaml": next2]), messages: [:])
    #expect(plan.verdict().policyProblems.isEmpty)
  }

  @Test func theAuditRemembersExceptionsRemovedBeforeTheNextOneCame() {
    let first = TreeFixture.load([
      ".budgets/a.yaml": Self.exception("EXC-1", starts: "2026-10-20", expires: "2026-11-03")
    ]).exceptions
    let second = TreeFixture.load([
      ".budgets/b.yaml": Self.exception("EXC-2", starts: "2026-11-04", expires: "2026-11-29")
    ]).exceptions
    var tracker = ExceptionChainTracker()
    let day = { CalendarDay($0)! }
    #expect(tracker.record(first, day: day("2026-10-25"), limit: 30).isEmpty)
    #expect(tracker.record([], day: day("2026-11-02"), limit: 30).isEmpty)
    let found = tracker.record(second, day: day("2026-11-04"), limit: 30)
    #expect(found.map { $0.ids.map(\.rawValue) } == [["EXC-1", "EXC-2"]])
    // Once only.
    #expect(tracker.record(second, day: day("2026-11-05"), limit: 30).isEmpty)
    // Removed before it started: a plan, not part of the deviation.
    var plans = ExceptionChainTracker()
    _ = plans.record(first, day: day("2026-10-01"), limit: 30)
    _ = plans.record([], day: day("2026-10-02"), limit: 30)
    #expect(plans.record(second, day: day("2026-11-04"), limit: 30).isEmpty)
  }
}
