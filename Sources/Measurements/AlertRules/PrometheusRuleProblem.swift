import BudgetKit

/// Why rules cannot be written for a mapped metric, with the place of its mapping when known.
public enum PrometheusRuleProblem: Error, Sendable, Hashable, CustomStringConvertible {
  /// The unit the query measures in is not of the bound's family (`B` for a latency cap).
  case unitMismatch(
    budget: BudgetName, metric: MetricName, unit: String, family: UnitFamily,
    location: SourceLocation?)
  /// A good, bad or total query with no one range a window can set.
  case notWindowable(
    budget: BudgetName, metric: MetricName, role: String, query: String, location: SourceLocation?
  )
  /// A query is empty.
  case emptyQuery(budget: BudgetName, metric: MetricName, role: String, location: SourceLocation?)
  /// A burn-rate window PromQL cannot write (not a whole number of milliseconds).
  case windowNotExpressible(String)
  /// A query names a budget or metric the tree does not have (`budget/metric`).
  case unknownMetric(String, location: SourceLocation?)
  /// An `slo` metric's mapping gives no `good` and `total` queries.
  case missingEventQueries(String, location: SourceLocation?)
  /// A capped or floored metric's mapping gives no `query`.
  case missingValueQuery(String, location: SourceLocation?)

  public var location: SourceLocation? {
    switch self {
    case .unitMismatch(_, _, _, _, let location), .notWindowable(_, _, _, _, let location),
      .emptyQuery(_, _, _, let location):
      location
    case .unknownMetric(_, let location), .missingEventQueries(_, let location),
      .missingValueQuery(_, let location):
      location
    case .windowNotExpressible: nil
    }
  }

  public var description: String {
    let place = location.map { "\($0): " } ?? ""
    switch self {
    case .unitMismatch(let budget, let metric, let unit, let family, _):
      return
        "\(place)the query of \(budget)/\(metric) measures in `\(unit)`, which is not a unit of its bound's family (\(family))"
    case .notWindowable(let budget, let metric, let role, let query, _):
      return
        "\(place)the \(role) query of \(budget)/\(metric) has no range to set: write a series selector, an expression with one range such as [5m], or `\(WindowedQuery.placeholder)` where its range goes: `\(query)`"
    case .emptyQuery(let budget, let metric, let role, _):
      return "\(place)the \(role) query of \(budget)/\(metric) is empty"
    case .windowNotExpressible(let window):
      return
        "the burn-rate window \(window) is not a whole number of milliseconds, which PromQL cannot write"
    case .unknownMetric(let reference, _):
      return "\(place)a Prometheus query names \(reference), which no budget defines"
    case .missingEventQueries(let reference, _):
      return
        "\(place)\(reference) is an slo metric: its Prometheus mapping needs `good` (or `bad`) and `total` queries"
    case .missingValueQuery(let reference, _):
      return "\(place)\(reference) has a cap or a floor: its Prometheus mapping needs a `query`"
    }
  }
}

/// Every problem found, sorted by place, so one run reports them all.
public struct PrometheusRuleProblems: Error, Sendable, CustomStringConvertible {
  public var problems: [PrometheusRuleProblem]

  public init(_ problems: [PrometheusRuleProblem]) {
    self.problems = problems.enumerated().sorted { left, right in
      switch (left.element.location, right.element.location) {
      case (nil, nil): left.offset < right.offset
      case (nil, _): true
      case (_, nil): false
      case (let a?, let b?): a == b ? left.offset < right.offset : a < b
      }
    }.map(\.element)
  }

  public var description: String { problems.map(\.description).joined(separator: "\n") }
}
