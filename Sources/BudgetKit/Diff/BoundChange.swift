/// A bound of a budget's metric in one environment: its value on each side (nil where the
/// side has none), as written.
public struct BoundChange: Sendable, Hashable {
  public var budget: BudgetName
  /// The environment whose effective value changed, `.production` for the base metrics.
  public var environment: EnvironmentName
  public var metric: MetricName
  public var key: BoundKey
  public var old: Quantity?
  public var new: Quantity?
  /// The change as a fraction of the old value, when both are of one family and the old one
  /// is not zero.
  public var relativeChange: Double?

  public init(
    budget: BudgetName, environment: EnvironmentName, metric: MetricName, key: BoundKey,
    old: Quantity?, new: Quantity?, relativeChange: Double? = nil
  ) {
    self.budget = budget
    self.environment = environment
    self.metric = metric
    self.key = key
    self.old = old
    self.new = new
    self.relativeChange = relativeChange
  }
}
