import BudgetKit

/// Good and total events per time bucket, for an `slo` metric: the series an error budget and
/// its burn rates are computed from.
///
/// The buckets are contiguous and equally wide, oldest first; the last one ends when the series
/// ends, and every window is measured back from there.
public struct SLISeries: Sendable {
  /// The width of each bucket, in seconds.
  public let bucket: Double
  public let good: [Double]
  public let total: [Double]
  /// Where the series is written.
  public let location: SourceLocation

  public init(bucket: Double, good: [Double], total: [Double], location: SourceLocation) {
    self.bucket = bucket
    self.good = good
    self.total = total
    self.location = location
  }

  /// How long the series covers, in seconds.
  public var span: Double { bucket * Double(total.count) }

  /// The events of the most recent window, and how much of it the series covers.
  ///
  /// A window takes the last ⌈window / bucket⌉ buckets, so a window shorter than a bucket reads
  /// one whole bucket; a series shorter than the window gives what it has.
  public func events(overLast window: Double) -> SLIEvents {
    let wanted = max(1, Int((window / bucket - 1e-9).rounded(.up)))
    let taken = min(wanted, total.count)
    var sum = SLIEvents(good: 0, total: 0, covered: bucket * Double(taken))
    for index in (total.count - taken)..<total.count {
      sum.good += good[index]
      sum.total += total[index]
    }
    return sum
  }
}

/// Events summed over a window.
public struct SLIEvents: Sendable, Hashable {
  public var good: Double
  public var total: Double
  /// How many seconds of the window the series covers.
  public var covered: Double

  public init(good: Double, total: Double, covered: Double) {
    self.good = good
    self.total = total
    self.covered = covered
  }

  public var bad: Double { total - good }

  /// The share of good events; nil when there were none at all.
  public var ratio: Double? { total > 0 ? good / total : nil }
}
