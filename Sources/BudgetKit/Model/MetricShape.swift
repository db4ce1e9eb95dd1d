/// What a metric is judged by beyond its bound's values: the groups it is measured across, the
/// drift test, the statistic of a rolling gauge, the stages that make it up and the billing
/// period of a spend.
///
/// Every field is optional and absent from a metric of format v1 as first published, so such a
/// metric has an empty shape: a plain cap, floor, band or objective. None of them may be
/// overridden per environment.
public struct MetricShape: Sendable, Hashable {
  /// The attribute the metric is measured per group across; with `max_difference` or
  /// `min_ratio`, the metric is a group gap.
  public var across: Located<GroupingName>?
  /// How a group gap is taken; nil means `between_groups`.
  public var method: Located<GroupGapMethod>?
  /// The test a drift metric is judged by.
  public var drift: Located<DriftTest>?
  /// Where a drift test's reference sample comes from; nil means `measurements`.
  public var reference: Located<DriftReference>?
  /// The recorded run or commit a relative bound's `baseline` is the figure of, when the
  /// baseline is written as one rather than as a quantity.
  public var baselineSource: Located<RecordedReference>?
  /// The statistic a rolling gauge takes over its window; nil means `mean`.
  public var statistic: Located<WindowStatistic>?
  /// The metrics of the stages that make this one up, as written.
  public var parts: [Located<MetricName>]
  /// Where `parts` is written, when it is.
  public var partsLocation: SourceLocation?
  /// The billing period a spend is capped over.
  public var period: Located<SpendPeriod>?

  public init(
    across: Located<GroupingName>? = nil, method: Located<GroupGapMethod>? = nil,
    drift: Located<DriftTest>? = nil, reference: Located<DriftReference>? = nil,
    statistic: Located<WindowStatistic>? = nil, parts: [Located<MetricName>] = [],
    partsLocation: SourceLocation? = nil, period: Located<SpendPeriod>? = nil,
    baselineSource: Located<RecordedReference>? = nil
  ) {
    self.baselineSource = baselineSource
    self.across = across
    self.method = method
    self.drift = drift
    self.reference = reference
    self.statistic = statistic
    self.parts = parts
    self.partsLocation = partsLocation
    self.period = period
  }

  /// Whether the metric has none of these fields.
  public var isEmpty: Bool { self == MetricShape() }

  /// The group gap's method, `between_groups` unless written.
  public var gapMethod: GroupGapMethod { method?.value ?? .betweenGroups }

  /// The rolling gauge's statistic, `mean` unless written.
  public var windowStatistic: WindowStatistic { statistic?.value ?? .mean }

  /// The drift test's reference, the measurements unless written.
  public var driftReference: DriftReference { reference?.value ?? .measurements }

  /// The part names, in order.
  public var partNames: [MetricName] { parts.map(\.value) }

  /// Compared by value, not by where the values are written.
  public static func == (lhs: MetricShape, rhs: MetricShape) -> Bool {
    lhs.across?.value == rhs.across?.value && lhs.method?.value == rhs.method?.value
      && lhs.drift?.value == rhs.drift?.value && lhs.reference?.value == rhs.reference?.value
      && lhs.statistic?.value == rhs.statistic?.value && lhs.partNames == rhs.partNames
      && lhs.period?.value == rhs.period?.value
      && lhs.baselineSource?.value == rhs.baselineSource?.value
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(across?.value)
    hasher.combine(method?.value)
    hasher.combine(drift?.value)
    hasher.combine(reference?.value)
    hasher.combine(statistic?.value)
    hasher.combine(partNames)
    hasher.combine(period?.value)
    hasher.combine(baselineSource?.value)
  }
}

/// How the gap of a metric measured per group is taken, as Fairlearn's `MetricFrame` does.
public enum GroupGapMethod: String, Sendable, Hashable, CaseIterable {
  /// The largest group against the smallest.
  case betweenGroups = "between_groups"
  /// Each group against the whole population; the worst group counts.
  case toOverall = "to_overall"
}

/// A test that two samples come from one distribution.
public enum DriftTest: String, Sendable, Hashable, CaseIterable {
  /// The two-sample Kolmogorov–Smirnov test.
  case ks
}

/// Where a drift test's reference sample comes from.
public enum DriftReference: Sendable, Hashable, CustomStringConvertible {
  /// The measurements file gives both samples (`reference` and `current`).
  case measurements
  /// The raw samples of the metric a recorded run kept (`reference: {run: <id>}`); the
  /// measurements file gives the current sample alone.
  case recorded(RecordedReference)

  /// The recorded run or commit named, if any.
  public var recorded: RecordedReference? {
    if case .recorded(let reference) = self { return reference }
    return nil
  }

  /// `measurements`, or the reference as written (`{run: <id>}`).
  public var description: String {
    switch self {
    case .measurements: "measurements"
    case .recorded(let reference): reference.description
    }
  }
}

/// The statistic a rolling gauge takes of the values in its window.
public enum WindowStatistic: String, Sendable, Hashable, CaseIterable {
  case mean
  case median
  case min
  case max
}

/// A billing period a spend is capped over, in UTC calendar terms.
public enum SpendPeriod: String, Sendable, Hashable, CaseIterable {
  /// Monday 00:00 to the next Monday (ISO weeks).
  case week
  /// The first of the month to the first of the next.
  case month
  /// January, April, July or October the first, for three months.
  case quarter
}
