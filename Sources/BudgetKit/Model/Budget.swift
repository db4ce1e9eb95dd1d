/// The caps of one model or service: its metrics in production and overrides per environment.
public struct Budget: Sendable {
  public var path: String
  public var name: Located<BudgetName>
  public var owner: Located<TeamName>
  public var description: String?
  public var metrics: [MetricName: Metric]
  public var metricOrder: [MetricName]
  public var environments: [EnvironmentName: EnvironmentOverride]
  public var environmentOrder: [EnvironmentName]

  public init(
    path: String, name: Located<BudgetName>, owner: Located<TeamName>, description: String?,
    metrics: [Metric], environments: [EnvironmentOverride]
  ) {
    self.path = path
    self.name = name
    self.owner = owner
    self.description = description
    self.metrics = Dictionary(
      metrics.map { ($0.name.value, $0) }, uniquingKeysWith: { first, _ in first })
    self.metricOrder = metrics.map(\.name.value)
    self.environments = Dictionary(
      environments.map { ($0.name.value, $0) }, uniquingKeysWith: { first, _ in first })
    self.environmentOrder = environments.map(\.name.value)
  }

  /// Every environment this budget defines: production first, then the others as written.
  public var environmentNames: [EnvironmentName] { [.production] + environmentOrder }

  /// The effective bound of a metric in an environment: the base with the override applied.
  public func effectiveBound(of metric: MetricName, in environment: EnvironmentName) -> Bound? {
    guard let base = metrics[metric]?.bound else { return nil }
    guard environment != .production else { return base }
    guard let override = environments[environment] else { return nil }
    return override.metrics[metric].map { base.overridden(by: $0.bound) } ?? base
  }
}

/// One capped metric of a budget.
public struct Metric: Sendable {
  public var name: Located<MetricName>
  public var dimension: Located<DimensionName>
  public var bound: Bound
  public var description: String?
  /// The groups, drift test, window statistic, parts and period, when the metric has any.
  public var shape: MetricShape {
    get { shapeBox.value }
    set { shapeBox = newValue == MetricShape() ? Self.noShape : Indirect(newValue) }
  }
  /// How figures are judged against recorded history, when the budget overrides the defaults.
  public var regression: RegressionSettings? {
    get { regressionBox?.value }
    set { regressionBox = newValue.map { Indirect($0) } }
  }

  // The shape and the regression settings are hundreds of bytes that most metrics leave
  // unset: held behind a shared box, a metric is a fifth of the size, and so is each copy of
  // it, in a budget's dictionary of metrics and in every tree a long history keeps.
  private var shapeBox: Indirect<MetricShape>
  private var regressionBox: Indirect<RegressionSettings>?
  private static let noShape = Indirect(MetricShape())

  public init(
    name: Located<MetricName>, dimension: Located<DimensionName>, bound: Bound,
    description: String? = nil, shape: MetricShape = MetricShape(),
    regression: RegressionSettings? = nil
  ) {
    self.name = name
    self.dimension = dimension
    self.bound = bound
    self.description = description
    self.shapeBox = shape == MetricShape() ? Self.noShape : Indirect(shape)
    self.regressionBox = regression.map { Indirect($0) }
  }
}

/// The overrides of one non-production environment.
public struct EnvironmentOverride: Sendable {
  public var name: Located<EnvironmentName>
  public var metrics: [MetricName: MetricOverride]
  public var metricOrder: [MetricName]

  public init(name: Located<EnvironmentName>, metrics: [MetricOverride]) {
    self.name = name
    self.metrics = Dictionary(
      metrics.map { ($0.name.value, $0) }, uniquingKeysWith: { first, _ in first })
    self.metricOrder = metrics.map(\.name.value)
  }
}

/// A partial bound for one metric, in an environment override or an exception.
public struct MetricOverride: Sendable {
  public var name: Located<MetricName>
  public var bound: Bound
  /// Where each field is written, for messages.
  public var fieldLocations: [BoundKey: SourceLocation]

  public init(
    name: Located<MetricName>, bound: Bound, fieldLocations: [BoundKey: SourceLocation] = [:]
  ) {
    self.name = name
    self.bound = bound
    self.fieldLocations = fieldLocations
  }
}
