/// The thresholds of `bursar suggest`, with the defaults of `docs/history.md#suggest`.
public struct RatchetPolicy: Sendable, Hashable {
  /// How many of the latest recorded runs are looked at (default 20).
  public var runs: Int
  /// The room a proposal keeps beyond the worst of those runs, as a share of it (default 10%):
  /// a cap is proposed only when the worst run plus this margin stays under it.
  public var margin: Double
  /// Fewer runs than this propose nothing (default 5).
  public var minRuns: Int
  /// A floor this far below the worst run, as a share of it, is flagged (default 30%).
  public var farBelow: Double
  /// Proposals are rounded to this many significant figures in the unit as written (default 2).
  public var significantFigures: Int

  public static let defaultRuns = 20
  public static let defaultMargin = 0.10
  public static let defaultMinRuns = 5
  public static let defaultFarBelow = 0.30

  public init(
    runs: Int = defaultRuns, margin: Double = defaultMargin, minRuns: Int = defaultMinRuns,
    farBelow: Double = defaultFarBelow, significantFigures: Int = 2
  ) {
    self.runs = runs
    self.margin = margin
    self.minRuns = minRuns
    self.farBelow = farBelow
    self.significantFigures = significantFigures
  }
}
