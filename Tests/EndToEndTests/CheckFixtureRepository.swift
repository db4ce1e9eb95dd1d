import Foundation
import TestSupport

/// A temporary repository with a small committed `.budgets/` tree for `bursar check`.
enum CheckFixtureRepository {
  static let budget = """
    version: 1
    kind: Budget
    name: scorer
    owner: ml-eng
    metrics:
      latency_p95:  { dimension: latency,   max: 100ms }
      latency_p99:  { dimension: latency,   max: 200ms }
      availability: { dimension: latency,   slo: 99.9%, window: 30d }
      memory:       { dimension: resources, max: 2GiB }
      precision:    { dimension: quality,   min: 0.95 }
    environments:
      staging: { latency_p95: { max: 150ms } }

    """

  static let exception = """
    version: 1
    kind: Exception
    id: EXC-7
    budget: scorer
    metrics:
      latency_p95: { max: 130ms }
    reason: Two replicas are down for maintenance.
    ticket: OPS-7
    starts: 2026-11-20
    expires: 2026-12-08

    """

  /// A repository whose first commit holds the tree above.
  static func make() throws -> TemporaryRepository {
    let repository = try TemporaryRepository()
    try repository.write(path: ".budgets/owners.yaml", contents: BudgetFiles.checkOwners)
    try repository.write(path: ".budgets/models/scorer.yaml", contents: budget)
    try repository.write(path: ".budgets/exceptions/exc-7.yaml", contents: exception)
    try repository.commit(message: "Budgets")
    return repository
  }

  /// YAML measurements of `scorer` with the given figures, measured on a day.
  static func measurements(_ figures: String, at day: String = "2026-11-25") -> String {
    let indented = figures.split(separator: "\n").map { "    \($0)" }.joined(separator: "\n")
    return "version: 1\nkind: Measurements\nat: \(day)\nvalues:\n  scorer:\n\(indented)\n"
  }

  /// Every metric within its budget.
  static let healthy = """
    latency_p95: 80ms
    latency_p99: 150ms
    availability: 99.95%
    memory: 1GiB
    precision: 0.97
    """
}
