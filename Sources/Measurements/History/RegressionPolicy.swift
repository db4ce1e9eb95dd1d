import BudgetKit

/// The thresholds of the regression test, with the defaults of `docs/history.md`.
public struct RegressionPolicy: Sendable, Hashable {
  /// A figure must lie more than this many scaled MADs from the median (default 4, as
  /// git-perf's audit).
  public var sigma: Double
  /// And move at least this share of the median (default 5%; 0 turns the test off).
  public var minRelativeChange: Double
  /// And move at least this much, in the metric's base unit (default 0: no minimum).
  public var minAbsoluteChange: Double
  /// Fewer recorded runs than this judge nothing: "insufficient history" (default 5).
  public var minRuns: Int

  public static let defaultSigma = 4.0
  public static let defaultMinRelativeChange = 0.05
  public static let defaultMinRuns = 5

  public init(
    sigma: Double = defaultSigma, minRelativeChange: Double = defaultMinRelativeChange,
    minAbsoluteChange: Double = 0, minRuns: Int = defaultMinRuns
  ) {
    self.sigma = sigma
    self.minRelativeChange = minRelativeChange
    self.minAbsoluteChange = minAbsoluteChange
    self.minRuns = minRuns
  }

  /// The defaults with a metric's `regression:` settings applied.
  public init(_ settings: RegressionSettings?) {
    self.init()
    guard let settings else { return }
    if let sigma = settings.sigma { self.sigma = sigma }
    if let change = settings.minChange { minRelativeChange = change.doubleValue }
    if let absolute = settings.minAbsolute { minAbsoluteChange = absolute.doubleValue }
    if let runs = settings.minRuns { minRuns = runs }
  }
}
