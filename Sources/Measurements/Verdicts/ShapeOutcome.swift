import BudgetKit
import Foundation

/// What `check` found about a metric beyond its figure and verdict, for the shapes that say
/// more: the limits a baseline sets, the worst pair of a group gap, a drift test, the window of
/// a rolling gauge, each part's share of the whole, and a period's projection.
public struct ShapeOutcome: Sendable {
  public var relative: RelativeOutcome?
  public var groupGap: GroupGapOutcome?
  public var drift: DriftOutcome?
  public var rolling: RollingOutcome?
  public var parts: PartsOutcome?
  public var period: PeriodOutcome?

  public init(
    relative: RelativeOutcome? = nil, groupGap: GroupGapOutcome? = nil,
    drift: DriftOutcome? = nil, rolling: RollingOutcome? = nil, parts: PartsOutcome? = nil,
    period: PeriodOutcome? = nil
  ) {
    self.relative = relative
    self.groupGap = groupGap
    self.drift = drift
    self.rolling = rolling
    self.parts = parts
    self.period = period
  }

  public var isEmpty: Bool {
    relative == nil && groupGap == nil && drift == nil && rolling == nil && parts == nil
      && period == nil
  }
}

/// The absolute limits a baseline and its relative bounds set.
public struct RelativeOutcome: Sendable {
  public var baseline: Quantity
  public var maxDrop: Quantity?
  public var maxRise: Quantity?
  /// `baseline × (1 − max_drop)`.
  public var floor: Quantity?
  /// `baseline × (1 + max_rise)`.
  public var ceiling: Quantity?
  /// The figure relative to the baseline (−0.02 for 2% below), nil for a zero baseline.
  public var change: Double?

  public init(
    baseline: Quantity, maxDrop: Quantity?, maxRise: Quantity?, floor: Quantity?,
    ceiling: Quantity?, change: Double?
  ) {
    self.baseline = baseline
    self.maxDrop = maxDrop
    self.maxRise = maxRise
    self.floor = floor
    self.ceiling = ceiling
    self.change = change
  }
}

/// The gap of a metric measured per group, and the pair of groups that makes it.
public struct GroupGapOutcome: Sendable {
  public var across: GroupingName
  public var method: GroupGapMethod
  /// How many groups were measured.
  public var groups: Int
  /// The largest difference (in the metric's base unit), when `max_difference` bounds it.
  public var difference: Double?
  /// The pair of the largest difference: for `to_overall`, a group and `overall`.
  public var differencePair: GroupPair?
  /// The smallest ratio, when `min_ratio` bounds it.
  public var ratio: Double?
  public var ratioPair: GroupPair?
  /// The ratio against `min_ratio`, when both are set (the figure is the difference then).
  public var ratioEvaluation: MetricEvaluation?
  public var unit: QuantityUnit

  public init(
    across: GroupingName, method: GroupGapMethod, groups: Int, difference: Double?,
    differencePair: GroupPair?, ratio: Double?, ratioPair: GroupPair?,
    ratioEvaluation: MetricEvaluation? = nil, unit: QuantityUnit
  ) {
    self.across = across
    self.method = method
    self.groups = groups
    self.difference = difference
    self.differencePair = differencePair
    self.ratio = ratio
    self.ratioPair = ratioPair
    self.ratioEvaluation = ratioEvaluation
    self.unit = unit
  }
}

/// Two groups (or a group and the whole) and their values, in the base unit.
public struct GroupPair: Sendable, Equatable {
  public var high: String
  public var highValue: Double
  public var low: String
  public var lowValue: Double

  public init(high: String, highValue: Double, low: String, lowValue: Double) {
    self.high = high
    self.highValue = highValue
    self.low = low
    self.lowValue = lowValue
  }
}

/// A two-sample drift test.
public struct DriftOutcome: Sendable {
  public var test: DriftTest
  public var reference: DriftReference
  public var referenceCount: Int
  public var currentCount: Int
  public var minSamples: Int
  /// The floor the p-value is judged against.
  public var floor: Quantity
  /// The KS statistic D and its p-value; nil when either sample is below `min_samples`.
  public var statistic: Double?
  public var pValue: Double?

  public init(
    test: DriftTest, reference: DriftReference, referenceCount: Int, currentCount: Int,
    minSamples: Int, floor: Quantity, statistic: Double?, pValue: Double?
  ) {
    self.test = test
    self.reference = reference
    self.referenceCount = referenceCount
    self.currentCount = currentCount
    self.minSamples = minSamples
    self.floor = floor
    self.statistic = statistic
    self.pValue = pValue
  }

  /// Whether a sample is too small to judge.
  public var insufficient: Bool { pValue == nil }
}

/// The trailing window a rolling gauge's statistic is taken over.
public struct RollingOutcome: Sendable {
  public var window: Quantity
  public var statistic: WindowStatistic
  /// The window's first and last instants (seconds since 1970); it ends at the instant checked.
  public var from: Double
  public var to: Double
  /// How many values fell in the window, of how many measured.
  public var count: Int
  public var measured: Int

  public init(
    window: Quantity, statistic: WindowStatistic, from: Double, to: Double, count: Int,
    measured: Int
  ) {
    self.window = window
    self.statistic = statistic
    self.from = from
    self.to = to
    self.count = count
    self.measured = measured
  }
}

/// Each part's share of the measured whole.
public struct PartsOutcome: Sendable {
  public struct Share: Sendable {
    public var metric: MetricName
    /// The part's figure; nil when it is not measured.
    public var figure: MeasuredFigure?
    /// The part's figure over the whole's; nil when either is missing or the whole is zero.
    public var share: Double?

    public init(metric: MetricName, figure: MeasuredFigure?, share: Double?) {
      self.metric = metric
      self.figure = figure
      self.share = share
    }
  }

  public var shares: [Share]
  /// What the whole's figure leaves after its measured parts (a share of the whole), nil
  /// when a part is missing.
  public var unaccounted: Double?

  public init(shares: [Share], unaccounted: Double?) {
    self.shares = shares
    self.unaccounted = unaccounted
  }
}

/// A spend over its billing period: the period, how far into it the check is, and the total
/// the run rate so far projects.
public struct PeriodOutcome: Sendable {
  public var period: SpendPeriod
  public var start: Date
  public var end: Date
  /// The share of the period elapsed at the instant checked.
  public var elapsed: Double
  /// The period's total at the run rate so far, in the base unit; nil when no time has elapsed
  /// (insufficient data).
  public var projected: Double?
  /// The cap the projection is judged against (the exception's when one covers the spend).
  public var cap: Quantity
  public var unit: QuantityUnit

  public init(
    period: SpendPeriod, start: Date, end: Date, elapsed: Double, projected: Double?,
    cap: Quantity, unit: QuantityUnit
  ) {
    self.period = period
    self.start = start
    self.end = end
    self.elapsed = elapsed
    self.projected = projected
    self.cap = cap
    self.unit = unit
  }

  /// Whether the projection is above the cap: a warning, which never fails the check.
  public var projectionBreaches: Bool {
    guard let projected else { return false }
    return projected > ExactValue.double(cap)
  }
}
