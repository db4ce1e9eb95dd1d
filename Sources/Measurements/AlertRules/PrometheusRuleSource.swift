import BudgetKit

/// What one mapped metric needs for its Prometheus rules: which budget and metric it is, who owns
/// it, where its runbook is, its effective bound, and the PromQL that measures it.
public struct PrometheusRuleSource: Sendable, Hashable {
  public var budget: BudgetName
  public var metric: MetricName
  public var dimension: DimensionName
  /// The teams that own the metric's dimension, as the Owners file lists them.
  public var owners: [TeamName]
  /// A path or URL to follow when the alert fires: the dimension's runbook, else the mapping's.
  public var runbook: String?
  public var measure: Measure
  /// Where the mapping names the metric's queries, for problems.
  public var location: SourceLocation?

  public init(
    budget: BudgetName, metric: MetricName, dimension: DimensionName, owners: [TeamName],
    runbook: String?, measure: Measure, location: SourceLocation? = nil
  ) {
    self.budget = budget
    self.metric = metric
    self.dimension = dimension
    self.owners = owners
    self.runbook = runbook
    self.measure = measure
    self.location = location
  }

  /// How Prometheus measures the metric, with the limits it is held to.
  public enum Measure: Sendable, Hashable {
    /// A gauge-like query held to a ceiling, a floor or both. `unit` is the unit the query's
    /// values are in (`s`, `ms`, `B`…); nil means the family's base unit, as Prometheus
    /// conventionally measures (seconds, bytes, fractions).
    case threshold(query: String, unit: QuantityUnit?, max: Quantity?, min: Quantity?)
    /// Good (or bad) and total events of an `slo` metric, held to an objective over a window.
    case objective(events: EventQueries, slo: Quantity, window: Quantity)
  }

  /// The events an `slo` metric counts: good or bad ones, and all of them.
  public struct EventQueries: Sendable, Hashable {
    public var counted: WindowedQuery
    /// Whether `counted` is of good events, or of bad ones (good = total − bad).
    public var countsGood: Bool
    public var total: WindowedQuery

    public init(good: WindowedQuery, total: WindowedQuery) {
      self.init(counted: good, countsGood: true, total: total)
    }

    public init(bad: WindowedQuery, total: WindowedQuery) {
      self.init(counted: bad, countsGood: false, total: total)
    }

    public init(counted: WindowedQuery, countsGood: Bool, total: WindowedQuery) {
      self.counted = counted
      self.countsGood = countsGood
      self.total = total
    }
  }
}
