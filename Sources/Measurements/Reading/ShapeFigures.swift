import BudgetKit

/// A metric measured per group: a value for each group, or counts from which each group's rate
/// is taken, and optionally the whole population's value.
public struct GroupFigures: Sendable {
  /// One group's figure.
  public struct Group: Sendable {
    /// The group's name, as the measurements write it (`in_store`).
    public var name: String
    /// The value in the base unit of its family; a rate `count / total` for counts.
    public var value: Double
    /// The counts the value comes from, when given as counts.
    public var count: Double?
    public var total: Double?
    public var location: SourceLocation

    public init(
      name: String, value: Double, count: Double? = nil, total: Double? = nil,
      location: SourceLocation
    ) {
      self.name = name
      self.value = value
      self.count = count
      self.total = total
      self.location = location
    }
  }

  /// The groups, in the order written.
  public var groups: [Group]
  /// The whole population's value: as written (`overall`), else from the counts; nil without
  /// either.
  public var overall: Double?
  /// The unit values are shown in.
  public var unit: QuantityUnit
  public var location: SourceLocation

  public init(groups: [Group], overall: Double?, unit: QuantityUnit, location: SourceLocation) {
    self.groups = groups
    self.overall = overall
    self.unit = unit
    self.location = location
  }
}

/// The two samples a drift test compares.
public struct DriftSamples: Sendable {
  public var reference: SampleSet
  public var current: SampleSet
  public var location: SourceLocation

  public init(reference: SampleSet, current: SampleSet, location: SourceLocation) {
    self.reference = reference
    self.current = current
    self.location = location
  }
}

/// Timestamped values of a gauge (accuracy each hour), in the base unit of their family.
public struct GaugeSeries: Sendable {
  public var series: TimeSeries
  public var unit: QuantityUnit
  public var location: SourceLocation

  public init(series: TimeSeries, unit: QuantityUnit, location: SourceLocation) {
    self.series = series
    self.unit = unit
    self.location = location
  }
}
