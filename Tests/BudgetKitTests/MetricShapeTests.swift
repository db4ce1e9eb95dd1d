import BudgetKit
import Testing

/// Cases a JSON Schema cannot express, so they stay out of the shared rule examples.
struct MetricShapeTests {
  private func rules(_ yaml: String) -> [RuleID] {
    TreeFixture.diagnostics(of: yaml).map(\.rule)
  }

  private let head = "version: 1\nkind: Budget\nname: extra\nowner: sre\nmetrics:\n"

  @Test func aPlainNumberInARatioMetricIsAFraction() {
    #expect(rules(head + "  a: { dimension: quality, min: 40%, max: 1.5 }\n") == [.ratioRange])
    #expect(rules(head + "  a: { dimension: quality, min: 40%, max: 0.5 }\n").isEmpty)
    #expect(rules(head + "  a: { dimension: quality, min: 2, max: 9 }\n").isEmpty)
  }

  @Test func anEmptyMetricsKeyIsReported() {
    #expect(rules(head) == [.emptyValue])
    #expect(
      rules(head.replacingOccurrences(of: "metrics:\n", with: "metrics: {}\n")) == [.emptyValue])
  }
}
