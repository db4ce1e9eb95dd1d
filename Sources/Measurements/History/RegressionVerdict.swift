/// What the regression test says of one figure against the recorded runs before it.
public struct RegressionVerdict: Sendable, Hashable {
  public enum Outcome: String, Sendable, Hashable, CaseIterable {
    /// Fewer recorded runs than the policy needs: neither pass nor fail.
    case insufficientHistory = "insufficient-history"
    /// Significantly worse than the recorded runs, by every threshold.
    case regressed
    /// Significantly better, by every threshold.
    case improved
    /// Within the recorded runs' noise, or moved less than the minimum change.
    case steady
  }

  public var outcome: Outcome
  /// How many recorded runs were compared.
  public var runs: Int
  /// The median and spread of those runs; nil when there were none.
  public var spread: RobustSpread?
  /// The figure judged, in the metric's base unit.
  public var current: Double
  /// (current − median) / (1.4826 · MAD); nil when the MAD is 0 (the runs agree exactly: then
  /// any move counts as beyond sigma, and only the minimum changes can hold it back).
  public var robustZ: Double?
  /// current − median, in the metric's base unit; nil without runs.
  public var absoluteChange: Double?
  /// (current − median) / |median|; nil without runs or when the median is 0.
  public var relativeChange: Double?
  /// Which way is worse for the metric.
  public var direction: WorseDirection
  /// The thresholds applied.
  public var policy: RegressionPolicy

  public var regressed: Bool { outcome == .regressed }
}
