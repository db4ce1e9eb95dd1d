import BudgetKit

/// What an import mapping says about one metric Prometheus measures: the PromQL of its value
/// (`query`) or, for an `slo` metric, of its good and total events, and the unit the values
/// are in.
public struct PrometheusQuery: Sendable, Hashable {
  public var budget: BudgetName
  public var metric: MetricName
  public var query: String?
  public var good: String?
  public var total: String?
  /// The unit of the query's values; nil for the family's base unit.
  public var unit: QuantityUnit?
  /// A runbook the mapping names, used when the metric's dimension has none.
  public var runbook: String?
  /// Where the mapping names the metric.
  public var location: SourceLocation?

  public init(
    budget: BudgetName, metric: MetricName, query: String? = nil, good: String? = nil,
    total: String? = nil, unit: QuantityUnit? = nil, runbook: String? = nil,
    location: SourceLocation? = nil
  ) {
    self.budget = budget
    self.metric = metric
    self.query = query
    self.good = good
    self.total = total
    self.unit = unit
    self.runbook = runbook
    self.location = location
  }
}
