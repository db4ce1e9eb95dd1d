import BudgetKit
import Foundation
import Measurements
import TestSupport
import Testing

/// A small budget tree, written as YAML strings, that the check tests judge measurements against;
/// its Owners file is the end-to-end check tests' too.
enum CheckFixtures {
  static let fraudDetector = """
    version: 1
    kind: Budget
    name: fraud-detector
    owner: ml-eng
    metrics:
      latency_p95:  { dimension: latency,   max: 100ms }
      latency_p99:  { dimension: latency,   max: 180ms }
      availability: { dimension: latency,   slo: 99.9%, window: 30d }
      memory:       { dimension: resources, max: 2GiB }
      precision:    { dimension: quality,   min: 0.95 }
      cost_per_1k:  { dimension: cost,      max: 0.40 USD }
    environments:
      staging: { latency_p95: { max: 150ms } }
    """

  static let searchRanking = """
    version: 1
    kind: Budget
    name: search-ranking
    owner: ml-eng
    metrics:
      throughput: { dimension: latency, min: 1500/s }
      fpr:        { dimension: quality, min: 1%, max: 3% }
    """

  /// In force from 2026-11-20 through 2026-12-08 (UTC), for production only.
  static let peakException = """
    version: 1
    kind: Exception
    id: EXC-2026-011
    budget: fraud-detector
    environment: production
    metrics:
      latency_p95: { max: 130ms }
    reason: Peak-season traffic.
    starts: 2026-11-20
    expires: 2026-12-08
    """

  /// Expired on 2026-10-31.
  static let expiredException = """
    version: 1
    kind: Exception
    id: EXC-2026-003
    budget: fraud-detector
    metrics:
      precision: { min: 0.90 }
      availability: { slo: 99% }
    reason: Retraining after the label fix.
    starts: 2026-10-01
    expires: 2026-10-31
    """

  static func tree(extra: [(String, String)] = []) throws -> BudgetTree {
    let files =
      [
        ("owners.yaml", BudgetFiles.checkOwners), ("models/fraud-detector.yaml", fraudDetector),
        ("models/search-ranking.yaml", searchRanking), ("exceptions/peak.yaml", peakException),
        ("exceptions/expired.yaml", expiredException),
      ] + extra
    let tree = BudgetTreeLoader().load(
      files.map { BudgetSourceFile(path: ".budgets/\($0.0)", content: .bytes(Array($0.1.utf8))) })
    #expect(tree.diagnostics.isEmpty, "\(tree.diagnostics)")
    return tree
  }

  /// Parses measurements text in a format.
  static func measurements(_ text: String, format: MeasurementsFormat = .yaml, path: String? = nil)
    throws -> Measurements
  {
    try MeasurementsParser().parse(
      Array(text.utf8), path: path ?? "m.\(format.rawValue)", format: format)
  }

  /// Checks YAML measurements of the fixture tree on a day, in an environment.
  static func check(
    _ text: String, on day: String = "2026-11-25", environment: EnvironmentName? = nil,
    allowMissing: Bool = true,
    method: PercentileMethod = .linear, format: MeasurementsFormat = .yaml
  ) throws -> CheckReport {
    let options = CheckOptions(
      environment: environment, at: Timestamp.parse(day), allowMissing: allowMissing,
      percentileMethod: method)
    return try BudgetChecker(tree: try tree(), options: options).check(
      measurements(text, format: format))
  }

  /// A measurements document with one budget's figures, indented under `values`.
  static func yaml(_ figures: String, budget: String = "fraud-detector") -> String {
    let indented = figures.split(separator: "\n").map { "    \($0)" }.joined(separator: "\n")
    return "version: 1\nkind: Measurements\nvalues:\n  \(budget):\n\(indented)\n"
  }
}

extension CheckReport {
  /// The result for one metric; fails the test when there is none.
  func result(_ metric: String, budget: String = "fraud-detector") throws -> MetricCheck {
    try #require(results.first { $0.metric.rawValue == metric && $0.budget.rawValue == budget })
  }
}
