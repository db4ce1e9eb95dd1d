/// The figures recorded baselines (`baseline: {run: <id>}`, `{commit: <id>}`) stand for on one
/// side of a diff, by budget, metric and environment, as the ledger read them from the recorded
/// runs. The domain reads no runs itself: a baseline missing here could not be resolved.
public struct ResolvedBaselines: Sendable {
  public struct Key: Hashable, Sendable {
    public var budget: BudgetName
    public var metric: MetricName
    public var environment: EnvironmentName

    public init(budget: BudgetName, metric: MetricName, environment: EnvironmentName) {
      self.budget = budget
      self.metric = metric
      self.environment = environment
    }
  }

  public var values: [Key: Quantity]

  public init(_ values: [Key: Quantity] = [:]) { self.values = values }

  public subscript(budget: BudgetName, metric: MetricName, environment: EnvironmentName)
    -> Quantity?
  {
    get { values[Key(budget: budget, metric: metric, environment: environment)] }
    set { values[Key(budget: budget, metric: metric, environment: environment)] = newValue }
  }

  /// The effective bound of a metric in an environment with a recorded baseline written in as
  /// the figure it resolved to, where the bound has no baseline of its own.
  public func bound(of metric: MetricName, in environment: EnvironmentName, of budget: Budget)
    -> Bound?
  {
    guard var bound = budget.effectiveBound(of: metric, in: environment) else { return nil }
    if bound.baseline == nil, budget.metrics[metric]?.shape.baselineSource != nil,
      let value = self[budget.name.value, metric, environment]
    {
      bound.baseline = value
    }
    return bound
  }
}
