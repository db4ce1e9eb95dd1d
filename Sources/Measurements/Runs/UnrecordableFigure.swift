import BudgetKit

/// A measured figure that a recorded run's stored form (`format: 1`) cannot keep.
public struct UnrecordableFigure: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    /// A value or counts per group, for a group gap.
    case groups
    /// A reference and a current sample, for a drift test.
    case drift
    /// Timestamped values, for a rolling gauge.
    case gauge
  }

  public var budget: BudgetName
  public var metric: MetricName
  public var kind: Kind
  public var location: SourceLocation

  public init(budget: BudgetName, metric: MetricName, kind: Kind, location: SourceLocation) {
    self.budget = budget
    self.metric = metric
    self.kind = kind
    self.location = location
  }
}
