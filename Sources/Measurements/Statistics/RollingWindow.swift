/// A statistic over the trailing time window of a `TimeSeries`, as pandas computes
/// `series.rolling('7D').mean()` on a time index: the window ending at an instant `at` holds
/// the points with `at − length < time ≤ at` (closed on the right, pandas' default), and NaN
/// values are skipped (not counted), as pandas skips them.
///
/// One instant binary-searches the window's ends and reduces its points. Many instants
/// (`values(of:at:)`) slide the window once over the series: a compensated (Kahan) running sum
/// for mean and sum, as pandas keeps, monotonic queues for min and max, and the window's values
/// kept sorted (binary-search insertion and removal) for the median; O(points + instants) for
/// all but the median, O(points × window) moves of doubles for it.
public struct RollingWindow: Sendable {
  /// The window's length in seconds (7 days: 604,800).
  public var length: Double
  public var statistic: RollingStatistic
  /// Fewer points than this in the window is insufficient data (at least 1; pandas'
  /// `min_periods`, whose default for a time window is 1).
  public var minimumPoints: Int

  /// Why a window has no value.
  public enum Outcome: Sendable, Equatable {
    case value(Double, points: Int)
    case insufficientData(points: Int, minimum: Int)

    public var value: Double? {
      if case .value(let value, _) = self { return value }
      return nil
    }
  }

  /// A window of a positive, finite length; nil otherwise.
  public init?(length: Double, statistic: RollingStatistic = .mean, minimumPoints: Int = 1) {
    guard length.isFinite, length > 0 else { return nil }
    self.length = length
    self.statistic = statistic
    self.minimumPoints = max(minimumPoints, 1)
  }

  /// The statistic over the window ending at `at`.
  public func value(of series: TimeSeries, at: Double) -> Outcome {
    guard at.isFinite else { return reduce([]) }
    let upper = Self.firstIndex(in: series.times, after: at)
    let lower = Self.firstIndex(in: series.times, after: at - length)
    guard lower < upper else { return reduce([]) }
    return reduce(series.values[lower..<upper].filter { !$0.isNaN })
  }

  /// The statistic over the window ending at each instant, in the order asked (a NaN or
  /// infinite instant gets `insufficientData` with no points).
  public func values(of series: TimeSeries, at instants: [Double]) -> [Outcome] {
    // A NaN or infinite instant has an empty window; the others are visited in time order.
    let order = instants.indices.filter { instants[$0].isFinite }
      .sorted { (instants[$0], $0) < (instants[$1], $1) }
    var results = [Outcome](
      repeating: .insufficientData(points: 0, minimum: minimumPoints), count: instants.count)
    let times = series.times
    let values = series.values
    var lower = 0
    var upper = 0
    var sum = 0.0
    var compensation = 0.0
    var count = 0
    var minQueue: [Int] = []
    var minHead = 0
    var maxQueue: [Int] = []
    var maxHead = 0
    var sorted: [Double] = []
    let keepsSorted = statistic == .median
    let keepsMin = statistic == .min
    let keepsMax = statistic == .max
    func add(_ x: Double) {
      let y = x - compensation
      let t = sum + y
      compensation = (t - sum) - y
      sum = t
    }
    for position in order {
      let at = instants[position]
      while upper < times.count && times[upper] <= at {
        let value = values[upper]
        if !value.isNaN {
          add(value)
          count += 1
          if keepsMin {
            while minQueue.count > minHead, values[minQueue[minQueue.count - 1]] >= value {
              minQueue.removeLast()
            }
            minQueue.append(upper)
          }
          if keepsMax {
            while maxQueue.count > maxHead, values[maxQueue[maxQueue.count - 1]] <= value {
              maxQueue.removeLast()
            }
            maxQueue.append(upper)
          }
          if keepsSorted { sorted.insert(value, at: Self.firstIndex(in: sorted, after: value)) }
        }
        upper += 1
      }
      while lower < upper && times[lower] <= at - length {
        let value = values[lower]
        if !value.isNaN {
          add(-value)
          count -= 1
          if keepsSorted {
            let index = Self.firstIndex(in: sorted, after: value) - 1
            if index >= 0 && index < sorted.count { sorted.remove(at: index) }
          }
        }
        lower += 1
      }
      while minHead < minQueue.count && minQueue[minHead] < lower { minHead += 1 }
      while maxHead < maxQueue.count && maxQueue[maxHead] < lower { maxHead += 1 }
      if count == 0 {
        // Start the running sum afresh, so no rounding carries across an empty window.
        sum = 0
        compensation = 0
      }
      guard count >= minimumPoints else {
        results[position] = .insufficientData(points: count, minimum: minimumPoints)
        continue
      }
      switch statistic {
      case .mean: results[position] = .value(sum / Double(count), points: count)
      case .sum: results[position] = .value(sum, points: count)
      case .count: results[position] = .value(Double(count), points: count)
      case .min: results[position] = .value(values[minQueue[minHead]], points: count)
      case .max: results[position] = .value(values[maxQueue[maxHead]], points: count)
      case .median:
        let middle = sorted.count / 2
        let median =
          sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        results[position] = .value(median, points: count)
      }
    }
    return results
  }

  /// The statistic over the points of one window.
  func reduce(_ points: [Double]) -> Outcome {
    guard points.count >= minimumPoints, !points.isEmpty else {
      return .insufficientData(points: points.count, minimum: minimumPoints)
    }
    let count = points.count
    let value: Double
    switch statistic {
    case .mean, .sum:
      var sum = 0.0
      var compensation = 0.0
      for x in points {
        let y = x - compensation
        let t = sum + y
        compensation = (t - sum) - y
        sum = t
      }
      value = statistic == .mean ? sum / Double(count) : sum
    case .count: value = Double(count)
    case .min: value = points.min()!
    case .max: value = points.max()!
    case .median:
      let sorted = points.sorted()
      value =
        count % 2 == 1
        ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2
    }
    return .value(value, points: count)
  }

  /// The index of the first time strictly after `instant` (binary search; times ascend).
  static func firstIndex(in times: [Double], after instant: Double) -> Int {
    var low = 0
    var high = times.count
    while low < high {
      let middle = (low + high) / 2
      if times[middle] <= instant { low = middle + 1 } else { high = middle }
    }
    return low
  }
}
