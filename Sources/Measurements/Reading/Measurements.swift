import BudgetKit
import Foundation

/// Measured figures to check against budgets: per budget, summary values, raw samples or SLI
/// series, as read from a JSON, YAML or CSV file.
public struct Measurements: Sendable {
  /// The file the figures were read from, as named on the command line.
  public var path: String
  /// The environment the figures were measured in, when the file says.
  public var environment: Located<EnvironmentName>?
  /// When the figures were measured, when the file says; it decides which exceptions are in force.
  public var at: Located<Date>?
  /// The budgets measured, in the order written.
  public var budgets: [MeasuredBudget]

  public init(
    path: String, environment: Located<EnvironmentName>? = nil, at: Located<Date>? = nil,
    budgets: [MeasuredBudget]
  ) {
    self.path = path
    self.environment = environment
    self.at = at
    self.budgets = budgets
  }
}

/// The figures measured for one budget.
public struct MeasuredBudget: Sendable {
  public var name: Located<BudgetName>
  /// The figures in the order written; each name is a metric, or the name of raw samples that
  /// metrics such as `<name>_p95` take their percentiles from.
  public var entries: [MeasuredEntry]

  public init(name: Located<BudgetName>, entries: [MeasuredEntry]) {
    self.name = name
    self.entries = entries
  }

  public func entry(named name: MetricName) -> MeasuredEntry? {
    entries.first { $0.name.value == name }
  }
}

/// One named figure of a measured budget.
public struct MeasuredEntry: Sendable {
  public var name: Located<MetricName>
  public var value: MeasuredValue

  public init(name: Located<MetricName>, value: MeasuredValue) {
    self.name = name
    self.value = value
  }
}

/// What was measured: one value, raw samples, or an SLI series.
public enum MeasuredValue: Sendable {
  /// A figure as written, such as `112ms` or `0.961`, exact.
  case summary(Located<Quantity>)
  /// Raw samples, from which a metric takes the percentile its name ends in.
  case samples(SampleSet)
  /// Good and total events per time bucket, for an `slo` metric.
  case series(SLISeries)
  /// A value or counts per group, for a group gap.
  case groups(GroupFigures)
  /// A reference sample and a current sample, for a drift test.
  case drift(DriftSamples)
  /// Timestamped values: a metric with a rolling `window` takes its statistic over the window;
  /// any other cap or floor is judged by the latest point (a tool's series, imported).
  case gauge(GaugeSeries)

  public var location: SourceLocation {
    switch self {
    case .summary(let quantity): quantity.location
    case .samples(let samples): samples.location
    case .series(let series): series.location
    case .groups(let groups): groups.location
    case .drift(let samples): samples.location
    case .gauge(let gauge): gauge.location
    }
  }
}
