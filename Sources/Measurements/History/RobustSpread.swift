/// The centre and spread of recorded values that a few outliers cannot move: the median and
/// the median absolute deviation (MAD).
///
/// `scaledMAD` is the MAD times 1.4826, which makes it estimate the standard deviation of
/// normally distributed values (1.4826 ≈ 1 / Φ⁻¹(3/4)).
public struct RobustSpread: Sendable, Hashable {
  /// The factor that turns a MAD into an estimate of a normal distribution's σ.
  public static let normalConsistency = 1.4826

  public var median: Double
  /// The median of |xᵢ − median|.
  public var mad: Double
  /// How many values.
  public var count: Int

  public var scaledMAD: Double { Self.normalConsistency * mad }

  /// The spread of some values; nil when there are none.
  public init?(_ values: [Double]) {
    guard let median = Self.median(values) else { return nil }
    self.median = median
    self.mad = Self.median(values.map { abs($0 - median) }) ?? 0
    self.count = values.count
  }

  /// The middle value, or the mean of the two middle values of an even count (as NumPy's
  /// `median`); nil for no values.
  public static func median(_ values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    if sorted.count % 2 == 1 { return sorted[middle] }
    return (sorted[middle - 1] + sorted[middle]) / 2
  }
}
