import BudgetKit

/// What an import mapping says about one metric Prometheus measures: the PromQL of its value
/// (`query`) or, for an `slo` metric, of its good (or bad) and total events, and the unit the
/// values are in.
public struct PrometheusQuery: Sendable, Hashable {
  public var budget: BudgetName
  public var metric: MetricName
  /// The value's query, for a cap or a floor.
  public var query: String?
  /// The good or the bad events' query, for an `slo` metric.
  public var counted: String?
  /// Whether `counted` is of good events (`good:`) or of bad ones (`bad:`).
  public var countsGood: Bool
  /// All events' query, for an `slo` metric.
  public var total: String?
  /// The unit of the query's values; nil for the family's base unit.
  public var unit: QuantityUnit?
  /// Where the mapping names the metric.
  public var location: SourceLocation?

  public init(
    budget: BudgetName, metric: MetricName, query: String? = nil, counted: String? = nil,
    countsGood: Bool = true, total: String? = nil, unit: QuantityUnit? = nil,
    location: SourceLocation? = nil
  ) {
    self.budget = budget
    self.metric = metric
    self.query = query
    self.counted = counted
    self.countsGood = countsGood
    self.total = total
    self.unit = unit
    self.location = location
  }
}
