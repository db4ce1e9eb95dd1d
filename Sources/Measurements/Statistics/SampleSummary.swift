import BudgetKit
import Foundation
import Histogram

/// Raw samples kept as an HDR histogram: their count, exact minimum, maximum and sum, and the
/// samples counted in buckets narrow enough that percentiles can be read again within
/// `relativeError` of the exact ones.
///
/// Samples (in their family's base unit) are first counted in whole units of `10^-exponent`,
/// where `exponent` is chosen so that the largest sample spans between 10^11 and 10^12 units;
/// HdrHistogram then counts those integers with three significant digits. Two summaries merge
/// by adding their counts, which is what HdrHistogram's buckets are designed for.
public struct SampleSummary: Sendable, Equatable {
  /// HdrHistogram's precision: values keep three significant decimal digits.
  public static let significantDigits = 3
  /// The largest relative error of a percentile read from the summary, against the same
  /// percentile of the exact samples, for samples at least `dynamicRange` of the largest:
  /// half a bucket (1/2048 of the value) for the histogram plus half a unit (at most 1/4096)
  /// for the rounding to whole units: 3/4096 ≈ 0.0733%, stated as 0.074% to cover the rounding
  /// of the rounding.
  public static let relativeError = 0.00074
  /// The smallest sample, as a fraction of the largest, that `relativeError` holds for; a
  /// smaller one is within half a unit (`0.5 × 10^-exponent`) instead.
  public static let dynamicRange = 2048e-11
  /// The largest sample spans at most this many units.
  static let unitsOfLargest = 1e12

  /// One bucket: HdrHistogram's highest value equivalent to those counted, in units.
  public struct Bucket: Sendable, Equatable {
    public var value: UInt64
    public var count: UInt64

    public init(value: UInt64, count: UInt64) {
      self.value = value
      self.count = count
    }
  }

  /// The unit the samples were written in.
  public let unit: QuantityUnit
  public let count: Int
  /// The exact smallest and largest samples, and their sum, in the base unit.
  public let minimum: Double
  public let maximum: Double
  public let sum: Double
  /// Samples are counted in units of `10^-exponent` of the base unit.
  public let exponent: Int
  /// The buckets that hold samples, ascending.
  public let buckets: [Bucket]

  /// The summary of `samples` (with no bucket when there are none).
  public init(_ samples: SampleSet) {
    let first = samples.sorted.first ?? 0
    let largest = samples.sorted.last ?? 0
    let exponent = Self.exponent(forLargest: largest)
    let scale = Self.power(exponent)
    var histogram = Self.histogram(highest: largest * scale)
    var sum = 0.0
    for sample in samples.sorted {
      sum += sample
      histogram.record(UInt64((sample * scale).rounded()))
    }
    // The samples are sorted, so the buckets they fall in come in order: reading the counts of
    // those buckets only skips the tens of thousands of empty ones a full iteration visits.
    var buckets: [Bucket] = []
    var last = -1
    var total: UInt64 = 0
    for sample in samples.sorted {
      let units = UInt64((sample * scale).rounded())
      let index = Self.bucketIndex(of: units)
      guard index != last, let highest = Self.highestValue(ofBucket: index) else { continue }
      last = index
      let count = histogram.countForValue(units)
      total += count
      buckets.append(Bucket(value: highest, count: count))
    }
    if total != UInt64(samples.count) { buckets = Self.buckets(of: histogram) }
    self.init(
      unit: samples.unit, count: samples.count, minimum: first, maximum: largest, sum: sum,
      exponent: exponent, buckets: buckets)
  }

  /// A summary from its stored parts, as a recorded run holds them; the caller has checked that
  /// the buckets ascend and that their counts add up to `count`.
  public init(
    unit: QuantityUnit, count: Int, minimum: Double, maximum: Double, sum: Double, exponent: Int,
    buckets: [Bucket]
  ) {
    self.unit = unit
    self.count = count
    self.minimum = minimum
    self.maximum = maximum
    self.sum = sum
    self.exponent = exponent
    self.buckets = buckets
  }

  public var family: UnitFamily { unit.family }

  /// The statistic in the base unit, read from the buckets: each sample stands at the middle of
  /// its bucket, clamped to the exact minimum and maximum; the mean is exact.
  public func value(of statistic: SampleStatistic, method: PercentileMethod) -> Double? {
    guard count > 0 else { return nil }
    switch statistic {
    case .mean: return sum / Double(count)
    case .percentile(let percent):
      if percent <= 0 { return minimum }
      if percent >= 100 { return maximum }
      switch method {
      case .linear:
        let position = Double(count - 1) * percent / 100
        let lower = Int(position.rounded(.down))
        let fraction = position - Double(lower)
        let low = sample(at: lower)
        guard lower + 1 < count, fraction > 0 else { return low }
        return low + fraction * (sample(at: lower + 1) - low)
      case .nearestRank:
        let exact = percent * Double(count) / 100
        let rank = Int((exact - exact * 1e-12).rounded(.up))
        return sample(at: min(max(rank, 1), count) - 1)
      }
    }
  }

  /// The estimate of the sample at `index` (0-based) in ascending order.
  func sample(at index: Int) -> Double {
    if index <= 0 { return minimum }
    if index >= count - 1 { return maximum }
    var seen: UInt64 = 0
    let wanted = UInt64(index)
    for bucket in buckets {
      seen += bucket.count
      if wanted < seen { return estimate(of: bucket) }
    }
    return maximum
  }

  /// The middle of a bucket in the base unit, within the exact extremes.
  private func estimate(of bucket: Bucket) -> Double {
    let middle = Double(Self.shape.medianEquivalentForValue(bucket.value)) / Self.power(exponent)
    return Swift.min(Swift.max(middle, minimum), maximum)
  }

  /// The two summaries' samples together. Summaries counted in different units are merged in
  /// the coarser one, each finer bucket moved whole; the result's buckets are HdrHistogram's sum.
  public func merged(with other: SampleSummary) -> SampleSummary? {
    guard unit.family == other.unit.family else { return nil }
    let exponent = Swift.min(self.exponent, other.exponent)
    let maximum = Swift.max(self.maximum, other.maximum)
    var histogram = Self.histogram(highest: maximum * Self.power(exponent))
    histogram.autoResize = true
    for summary in [self, other] {
      let shift = Self.power(exponent - summary.exponent)
      for bucket in summary.buckets {
        histogram.record(UInt64((Double(bucket.value) * shift).rounded()), count: bucket.count)
      }
    }
    return SampleSummary(
      unit: unit, count: count + other.count, minimum: Swift.min(minimum, other.minimum),
      maximum: maximum, sum: sum + other.sum, exponent: exponent,
      buckets: Self.buckets(of: histogram))
  }

  /// The exponent that puts the largest sample between 10^11 and 10^12 units (0 for no size).
  static func exponent(forLargest largest: Double) -> Int {
    guard largest > 0, largest.isFinite else { return 0 }
    let exponent = Int((log10(unitsOfLargest / largest)).rounded(.down))
    return Swift.min(Swift.max(exponent, -300), 300)
  }

  /// HdrHistogram's index of the bucket counting `value` in its counts array (lowest
  /// discernible value 1, three significant digits: 2,048 sub-buckets, the upper 1,024 of each
  /// bucket after the first in use). Stored runs name buckets by these small numbers.
  public static func bucketIndex(of value: UInt64) -> Int {
    let bucket = 53 - (value | 2047).leadingZeroBitCount
    let subBucket = Int(value >> UInt64(bucket))
    return ((bucket + 1) << 10) + (subBucket - 1024)
  }

  /// The highest value the bucket at `index` counts; nil for an index no UInt64 reaches.
  public static func highestValue(ofBucket index: Int) -> UInt64? {
    guard index >= 0 else { return nil }
    var bucket = (index >> 10) - 1
    var subBucket = UInt64(index & 1023) + 1024
    if bucket < 0 {
      subBucket -= 1024
      bucket = 0
    }
    guard bucket <= 52 else { return nil }
    let lowest = subBucket << UInt64(bucket)
    return lowest + (UInt64(1) << UInt64(bucket)) - 1
  }

  /// A histogram of the same precision: bucket bounds depend on the precision alone.
  static let shape = histogram(highest: 2)

  static func power(_ exponent: Int) -> Double { pow(10, Double(exponent)) }

  private static func histogram(highest: Double) -> Histogram<UInt64> {
    let top = UInt64(Swift.min(Swift.max(highest.rounded(.up), 2), 4e18))
    return Histogram<UInt64>(
      lowestDiscernibleValue: 1, highestTrackableValue: top,
      numberOfSignificantValueDigits: .three)
  }

  private static func buckets(of histogram: Histogram<UInt64>) -> [Bucket] {
    histogram.recordedValues().map { Bucket(value: $0.value, count: $0.count) }
  }
}

extension SampleSummary {
  /// The samples rebuilt from the summary: each bucket's count of its middle value (in the base
  /// unit), within the exact smallest and largest, which replace the first and last: the same
  /// estimate the percentiles read. Each value stays in its sample's bucket, so the order of the
  /// samples is kept up to ties within a bucket: what a drift test against a recorded reference
  /// reads (docs/check.md says what that costs the test).
  public func reconstructed(at location: SourceLocation) -> SampleSet {
    var values: [Double] = []
    values.reserveCapacity(count)
    for bucket in buckets {
      values.append(contentsOf: repeatElement(estimate(of: bucket), count: Int(bucket.count)))
    }
    if !values.isEmpty {
      values[0] = minimum
      values[values.count - 1] = maximum
    }
    return SampleSet(baseValues: values, unit: unit, location: location)
  }

  /// The largest share of the samples one bucket holds: the most the two-sample KS statistic
  /// of the rebuilt samples can differ from that of the exact ones.
  public var largestBucketShare: Double {
    guard count > 0 else { return 0 }
    return Double(buckets.map(\.count).max() ?? 0) / Double(count)
  }
}
