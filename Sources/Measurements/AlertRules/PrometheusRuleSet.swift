/// Prometheus rule groups, as a rules file holds them: one group per budget, budgets by name.
public struct PrometheusRuleSet: Sendable, Hashable {
  public var groups: [PrometheusRuleGroup]

  public init(groups: [PrometheusRuleGroup]) {
    self.groups = groups
  }

  public var isEmpty: Bool { groups.isEmpty }
}

/// One group of rules, evaluated in order: a budget's recording rules, then its alerts, so each
/// alert reads ratios recorded in the same evaluation.
public struct PrometheusRuleGroup: Sendable, Hashable {
  public var name: String
  public var rules: [PrometheusRule]

  public init(name: String, rules: [PrometheusRule]) {
    self.name = name
    self.rules = rules
  }
}

/// A recording or an alerting rule. Labels and annotations keep their order, so the output is
/// the same byte for byte from the same budgets.
public struct PrometheusRule: Sendable, Hashable {
  public var kind: Kind
  public var expression: String
  /// How long the expression must hold before the alert fires (`5m`); nil when it fires at once.
  public var holdFor: String?
  public var labels: [Pair]
  public var annotations: [Pair]

  public enum Kind: Sendable, Hashable {
    /// A recording rule writing the series of this name.
    case record(String)
    /// An alerting rule of this name.
    case alert(String)
  }

  public struct Pair: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
      self.name = name
      self.value = value
    }
  }

  public init(
    kind: Kind, expression: String, holdFor: String? = nil, labels: [Pair] = [],
    annotations: [Pair] = []
  ) {
    self.kind = kind
    self.expression = expression
    self.holdFor = holdFor
    self.labels = labels
    self.annotations = annotations
  }

  public func label(_ name: String) -> String? {
    labels.first { $0.name == name }?.value
  }

  public func annotation(_ name: String) -> String? {
    annotations.first { $0.name == name }?.value
  }
}
