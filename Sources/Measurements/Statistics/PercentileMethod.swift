import BudgetKit

/// How a percentile is read from sorted samples.
///
/// Both methods agree at the ends (p0 is the smallest sample, p100 the largest) and differ in
/// between: nearest-rank always answers with a sample that was measured, linear interpolation
/// moves smoothly between neighbours.
public enum PercentileMethod: String, Sendable, CaseIterable, Hashable {
  /// NumPy's default (`method="linear"`, Hyndman and Fan's type 7): with `n` sorted samples
  /// `x[0] … x[n-1]`, take `h = (n - 1) · p / 100` and answer
  /// `x[⌊h⌋] + (h - ⌊h⌋) · (x[⌊h⌋ + 1] - x[⌊h⌋])`.
  case linear
  /// The smallest sample with at least `p` percent of the samples at or below it:
  /// `x[⌈p / 100 · n⌉ - 1]`, and `x[0]` for p0.
  case nearestRank = "nearest-rank"

  /// The `percent`th percentile (0–100) of samples sorted in ascending order; nil when empty.
  public func percentile(_ percent: Double, ofSorted samples: [Double]) -> Double? {
    guard let first = samples.first, let last = samples.last else { return nil }
    if percent <= 0 { return first }
    if percent >= 100 { return last }
    let count = samples.count
    switch self {
    case .linear:
      let position = Double(count - 1) * percent / 100
      let lower = Int(position.rounded(.down))
      let fraction = position - Double(lower)
      guard lower + 1 < count, fraction > 0 else { return samples[lower] }
      return samples[lower] + fraction * (samples[lower + 1] - samples[lower])
    case .nearestRank:
      // The rank is rounded up; a relative tolerance keeps a product that floating point lands
      // just above a whole number (99.9 × 1000 / 100) on that number.
      let exact = percent * Double(count) / 100
      let rank = Int((exact - exact * 1e-12).rounded(.up))
      return samples[min(max(rank, 1), count) - 1]
    }
  }
}
