/// A single figure of how healthy a set of budgets is, over dimensions (latency, cost,
/// fairness …) and their metrics. **For visibility only**: a dashboard number, never a verdict.
/// No budget passes or fails on it, and `check` must not exit on it; each metric's own verdict
/// is what gates.
///
/// Definition. A dimension's health is the share of its judged metrics that are within budget,
/// `within / judged`, in [0, 1]; metrics without a verdict (insufficient data) are left out of
/// both counts, and a dimension with no judged metric has no health. The composite is the
/// weighted mean of the dimensions that have one, `Σ w_d·h_d / Σ w_d`, where a dimension
/// without a weight weighs 1; when the weights of those dimensions sum to zero the composite is
/// undefined.
///
/// Rejected alternative: a dimension's health as the mean headroom of its metrics (how far each
/// is under its cap, as a share of the cap). It grades "how close", but headrooms of unlike
/// metrics (a p99 in ms, a cost in EUR, a ratio) are not commensurable, one metric far under its
/// cap hides another over it, and a metric over budget by a large margin drags the mean without
/// bound. The share within budget is bounded, unit-free and reads plainly ("7 of 8 latency
/// budgets met"); its coarseness is the point for a visibility figure.
public struct CompositeHealth: Sendable, Equatable {
  /// One dimension's metrics, as verdicts.
  public struct Dimension: Sendable, Equatable {
    public var name: String
    /// Metrics within budget.
    public var within: Int
    /// Metrics over budget.
    public var over: Int
    /// Metrics without a verdict; not counted.
    public var insufficient: Int
    /// Nil weighs 1. Must be finite and at least 0.
    public var weight: Double?

    public init(name: String, within: Int, over: Int, insufficient: Int = 0, weight: Double? = nil)
    {
      self.name = name
      // A count below zero means nothing: it counts as none.
      self.within = max(within, 0)
      self.over = max(over, 0)
      self.insufficient = max(insufficient, 0)
      self.weight = weight
    }

    /// `within / (within + over)`, or nil with nothing judged.
    public var health: Double? {
      let judged = within + over
      return judged > 0 ? Double(within) / Double(judged) : nil
    }
  }

  /// A weight that cannot weigh: negative, NaN or infinite, with its dimension.
  public struct InvalidWeight: Error, Sendable, Equatable {
    public var dimension: String
    public var weight: Double

    public init(dimension: String, weight: Double) {
      self.dimension = dimension
      self.weight = weight
    }
  }

  public enum Outcome: Sendable, Equatable {
    case health(CompositeHealth)
    /// No dimension has a judged metric.
    case noJudgedMetrics
    /// The dimensions with a health weigh 0 in total.
    case zeroTotalWeight

    public var health: CompositeHealth? {
      if case .health(let health) = self { return health }
      return nil
    }
  }

  /// The weighted mean of the dimensions' health, in [0, 1].
  public var composite: Double
  /// Each dimension's health, nil for one with nothing judged, in the order given.
  public var dimensions: [(name: String, health: Double?, weight: Double)] {
    zip(names, zip(healths, weights)).map { ($0, $1.0, $1.1) }
  }
  public var names: [String]
  public var healths: [Double?]
  public var weights: [Double]

  public static func == (a: CompositeHealth, b: CompositeHealth) -> Bool {
    a.composite == b.composite && a.names == b.names && a.healths == b.healths
      && a.weights == b.weights
  }

  /// - Throws: `InvalidWeight` for the first weight below 0 or not finite.
  public static func of(_ dimensions: [Dimension]) throws(InvalidWeight) -> Outcome {
    for dimension in dimensions {
      if let weight = dimension.weight, !weight.isFinite || weight < 0 {
        throw InvalidWeight(dimension: dimension.name, weight: weight)
      }
    }
    let judged = dimensions.filter { $0.health != nil }
    guard !judged.isEmpty else { return .noJudgedMetrics }
    var weighted = 0.0
    var total = 0.0
    for dimension in judged {
      let weight = dimension.weight ?? 1
      weighted += weight * (dimension.health ?? 0)
      total += weight
    }
    guard total > 0 else { return .zeroTotalWeight }
    return .health(
      CompositeHealth(
        composite: weighted / total, names: dimensions.map(\.name),
        healths: dimensions.map(\.health), weights: dimensions.map { $0.weight ?? 1 }))
  }
}
