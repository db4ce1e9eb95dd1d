import BudgetKit

/// Values at instants, oldest first: a gauge over time (accuracy each hour, p95 each 10 s of a
/// load test, a Prometheus range query's points).
///
/// Instants are seconds since 1970 (UTC); values are plain doubles in whatever unit the owner
/// of the series states, so a year of 5-minute points (105,120) takes under 2 MB.
public struct TimeSeries: Sendable, Equatable {
  /// Seconds since 1970, ascending (equal instants keep their written order).
  public let times: [Double]
  public let values: [Double]

  /// Pairs the instants with their values, sorted by instant (a stable sort).
  /// The two arrays must be as long as each other.
  public init(times: [Double], values: [Double]) {
    precondition(times.count == values.count, "a series needs one value per instant")
    if zip(times, times.dropFirst()).allSatisfy({ $0 <= $1 }) {
      self.times = times
      self.values = values
    } else {
      let order = times.indices.sorted { (times[$0], $0) < (times[$1], $1) }
      self.times = order.map { times[$0] }
      self.values = order.map { values[$0] }
    }
  }

  public var count: Int { times.count }
  public var isEmpty: Bool { times.isEmpty }
  /// The most recent value, if any.
  public var last: (time: Double, value: Double)? {
    guard let time = times.last, let value = values.last else { return nil }
    return (time, value)
  }
}
