import BudgetKit

/// The figure a metric is judged by: a value as written, a statistic of raw samples, or the
/// SLI of a series over the metric's window.
public struct MeasuredFigure: Sendable {
  /// Where the figure comes from.
  public enum Source: Sendable {
    /// A summary value, as written.
    case summary(Quantity)
    /// A statistic of the raw samples named `samples` (the metric itself, or `latency` for
    /// `latency_p95`).
    case samples(name: MetricName, statistic: SampleStatistic, method: PercentileMethod, count: Int)
    /// The share of good events of a series over the SLO window.
    case series(SLISeries, events: SLIEvents)
    /// A figure a later shape computes from what was measured: a drift test's p-value, a group
    /// gap, a rolling gauge's statistic over its window; described for people.
    case derived(String)
    /// The latest point of a gauge series of `points` points, at `time` (seconds since 1970).
    case latest(points: Int, time: Double)
  }

  /// The value in the base unit of its family (seconds, bytes, a fraction…).
  public var value: Double
  /// The unit the figure is shown in: as written, or the samples' unit.
  public var unit: QuantityUnit
  public var source: Source
  /// Where the figure, or the samples it comes from, is written.
  public var location: SourceLocation

  public init(value: Double, unit: QuantityUnit, source: Source, location: SourceLocation) {
    self.value = value
    self.unit = unit
    self.source = source
    self.location = location
  }

  public var family: UnitFamily { unit.family }

  /// The exact value, for a summary figure.
  public var exact: Quantity? {
    if case .summary(let quantity) = source { return quantity }
    return nil
  }

  /// The figure for people: `112ms` as written, `48.2ms` from samples, `99.95%` from a series.
  public var text: String {
    if let exact { return exact.text }
    return QuantityText.format(value, in: unit)
  }
}

/// Writes a value held in a family's base unit in a given unit of that family.
public enum QuantityText {
  /// `0.0125` seconds in `ms` is `12.5ms`; `0.4` in `USD` is `0.4 USD`.
  public static func format(_ baseValue: Double, in unit: QuantityUnit) -> String {
    let number = NumberText.format(UnitScale(unit).fromBase(baseValue))
    if case .money = unit.family { return "\(number) \(unit.symbol)" }
    return number + unit.symbol
  }
}
