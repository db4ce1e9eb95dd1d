import BudgetKit

/// Raw samples of one quantity (latencies, say), sorted and held in the base unit of their
/// family, from which metrics take percentiles.
///
/// Samples are plain doubles, not `Quantity` values: a million of them take 8 MB.
public struct SampleSet: Sendable {
  /// The samples in the family's base unit (seconds, bytes…), ascending.
  public let sorted: [Double]
  /// The unit the samples were written in, used to show figures taken from them.
  public let unit: QuantityUnit
  /// Where the samples are written.
  public let location: SourceLocation

  /// Sorts samples already converted to the base unit.
  public init(baseValues: [Double], unit: QuantityUnit, location: SourceLocation) {
    var values = baseValues
    values.sort()
    self.sorted = values
    self.unit = unit
    self.location = location
  }

  public var count: Int { sorted.count }
  public var family: UnitFamily { unit.family }

  /// The statistic in the base unit; nil when there are no samples.
  public func value(of statistic: SampleStatistic, method: PercentileMethod) -> Double? {
    switch statistic {
    case .percentile(let percent): return method.percentile(percent, ofSorted: sorted)
    case .mean:
      guard !sorted.isEmpty else { return nil }
      // Summed smallest first, which loses the least precision for non-negative samples.
      return sorted.reduce(0, +) / Double(sorted.count)
    }
  }
}
