import BudgetKit

/// The figures of each metric in the latest recorded runs of one environment, newest first,
/// in the metric's base unit.
public struct RecentFigures: Sendable {
  public struct Key: Hashable, Sendable {
    public var budget: BudgetName
    public var metric: MetricName
  }

  public var environment: EnvironmentName
  /// How many runs were read.
  public var runs: Int
  public var values: [Key: [Double]]

  public init(environment: EnvironmentName, runs: Int = 0, values: [Key: [Double]] = [:]) {
    self.environment = environment
    self.runs = runs
    self.values = values
  }

  public func values(of budget: BudgetName, _ metric: MetricName) -> [Double] {
    values[Key(budget: budget, metric: metric)] ?? []
  }
}
