import BudgetKit

/// Which way a figure gets worse: up for a ceiling, down for a floor or an objective, either
/// way for a band (a metric with both `max` and `min`).
public enum WorseDirection: String, Sendable, Hashable, CaseIterable {
  case higher
  case lower
  case either

  /// The direction a bound makes worse; nil for a bound with no limit.
  public init?(_ bound: Bound) {
    switch (bound.max != nil, bound.min != nil || bound.slo != nil) {
    case (true, true): self = .either
    case (true, false): self = .higher
    case (false, true): self = .lower
    case (false, false): return nil
    }
  }

  /// Whether a move of this sign (current − median) is towards worse.
  public func isWorse(_ change: Double) -> Bool {
    switch self {
    case .higher: change > 0
    case .lower: change < 0
    case .either: change != 0
    }
  }
}
