import BudgetKit
import Testing

/// A metric's unit family is decided by the evidence, so a unit mistake is reported where it is.
struct UnitFamilyEvidenceTests {
  private let head = "version: 1\nkind: Budget\nname: extra\nowner: sre\nmetrics:\n"

  private func mismatches(_ files: [String: String]) -> [Diagnostic] {
    TreeFixture.load(files).diagnostics.filter { $0.rule == .unitMismatch }
  }

  @Test func aBareNumberAmongDurationsIsTheMistake() {
    let budget =
      head + "  latency_p95: { dimension: latency, max: 0.13 }\n"
      + "environments:\n  staging:\n    latency_p95: { max: 150ms }\n"
      + "  experiment:\n    latency_p95: { max: 300ms }\n"
    let exception = """
      version: 1
      kind: Exception
      id: EXC-1
      budget: extra
      metrics:
        latency_p95: { max: 150ms }
      reason: Peak traffic.
      starts: 2026-11-01
      expires: 2026-11-10
      """
    let found = mismatches([".budgets/extra.yaml": budget, ".budgets/exc.yaml": exception])
    #expect(found.count == 1)
    #expect(found.first?.location.path == ".budgets/extra.yaml")
    #expect(found.first?.location.line == 6)
    #expect(found.first?.location.column == 43)
    // As docs/format.md shows it under unit-mismatch.
    #expect(
      found.first?.message
        == "`max: 0.13` of metric `latency_p95` is a plain number, but the metric is capped in duration (`150ms` in environment `staging`)"
    )
    #expect(
      found.first?.hint
        == "did you mean `0.13s` (`130ms`)? a metric keeps one unit family everywhere, and its name says duration"
    )
  }

  @Test func theNameDecidesATie() {
    let budget =
      head + "  latency_p95: { dimension: latency, max: 2GiB }\n"
      + "environments:\n  staging:\n    latency_p95: { max: 150ms }\n"
    let found = mismatches([".budgets/extra.yaml": budget])
    #expect(found.map(\.location.line) == [6])
  }

  @Test func theMajorityDecidesWithoutAConventionalName() {
    let budget =
      head + "  queue: { dimension: latency, max: 5GiB }\n"
      + "environments:\n  staging:\n    queue: { max: 10ms }\n"
      + "  experiment:\n    queue: { max: 20ms }\n"
    #expect(mismatches([".budgets/extra.yaml": budget]).map(\.location.line) == [6])
  }

  @Test func aUnitOutweighsABareNumberInATie() {
    let budget =
      head + "  items: { dimension: latency, max: 3 }\n"
      + "environments:\n  staging:\n    items: { max: 4/s }\n"
    let found = mismatches([".budgets/extra.yaml": budget])
    #expect(found.map(\.location.line) == [6])
    #expect(found.first?.hint?.contains("`3/s`") == true)
  }

  @Test func anExceptionInAnotherFamilyIsStillTheOddOne() {
    let exception = """
      version: 1
      kind: Exception
      id: EXC-1
      budget: ranker
      metrics:
        latency_p95: { max: 2GiB }
      reason: Peak traffic.
      starts: 2026-11-01
      expires: 2026-11-10
      """
    let found = mismatches([".budgets/exc.yaml": exception])
    #expect(found.map(\.location.path) == [".budgets/exc.yaml"])
  }

  @Test func aPercentageAndFractionsStayOneRatio() {
    let budget =
      head + "  precision: { dimension: quality, min: 0.9 }\n"
      + "environments:\n  staging:\n    precision: { min: 85% }\n"
    #expect(mismatches([".budgets/extra.yaml": budget]).isEmpty)
  }
}
