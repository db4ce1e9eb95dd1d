import BudgetKit
import Foundation

/// One figure judged against one bound: whether it is outside, its headroom, and for an `slo`
/// metric its error budget.
public struct MetricEvaluation: Sendable {
  public var bound: Bound
  /// Above `max`, below `min`, or below the `slo` objective over its window.
  public var breached: Bool
  public var headroom: Headroom?
  public var errorBudget: ErrorBudget?

  /// Whether the figure fails under this bound: breached, or burning fast enough to page.
  public var fails: Bool { breached || errorBudget?.alert == .page }

  /// Judges a figure against a bound whose unit family it has already been checked to share.
  public init(_ figure: MeasuredFigure, against bound: Bound, policy: BurnRatePolicy) {
    self.bound = bound
    if let objective = bound.slo {
      let window = bound.window.map(ExactValue.double) ?? 0
      let budget = Self.errorBudget(figure, objective: objective, window: window, policy: policy)
      errorBudget = budget
      breached = Self.belowObjective(figure, objective: objective, budget: budget)
      headroom = budget.map {
        Headroom(key: .slo, limit: objective, absolute: $0.remaining, relative: $0.remaining)
      }
      return
    }
    errorBudget = nil
    let ceiling = bound.max.map { Self.distance(from: figure, to: $0, key: .max) }
    let floor = bound.min.map { Self.distance(from: figure, to: $0, key: .min) }
    if figure.exact != nil {
      breached = Self.exactlyOutside(figure, bound)
    } else {
      breached = (ceiling?.absolute ?? 0) < 0 || (floor?.absolute ?? 0) < 0
    }
    headroom = [ceiling, floor].compactMap { $0 }.min {
      ($0.relative ?? $0.absolute) < ($1.relative ?? $1.absolute)
    }
  }

  private static func errorBudget(
    _ figure: MeasuredFigure, objective: Quantity, window: Double, policy: BurnRatePolicy
  ) -> ErrorBudget? {
    switch figure.source {
    case .series(let series, _):
      return ErrorBudget(
        series: series, objective: objective.baseValue, window: window, policy: policy)
    case .summary(let quantity):
      return ErrorBudget(sli: quantity.baseValue, objective: objective.baseValue, window: window)
    case .samples, .derived, .latest:
      return ErrorBudget(sli: Decimal(figure.value), objective: objective.baseValue, window: window)
    }
  }

  /// A summary SLI is compared exactly; a series through its spent share, so that exactly the
  /// allowed number of bad events is within the objective.
  private static func belowObjective(
    _ figure: MeasuredFigure, objective: Quantity, budget: ErrorBudget?
  ) -> Bool {
    if let exact = figure.exact { return ExactValue.base(exact) < ExactValue.base(objective) }
    return (budget?.spent ?? 0) > 1
  }

  /// The room between a figure and one limit, in the base unit and as a share of the limit.
  private static func distance(from figure: MeasuredFigure, to limit: Quantity, key: BoundKey)
    -> Headroom
  {
    let limitValue = ExactValue.double(limit)
    var absolute: Double
    if let exact = figure.exact {
      let difference = ExactValue.base(limit) - ExactValue.base(exact)
      absolute = ExactValue.double(key == .max ? difference : -difference)
    } else {
      absolute = key == .max ? limitValue - figure.value : figure.value - limitValue
      // A statistic that lands on its limit up to rounding has no room either way.
      if abs(absolute) <= abs(limitValue) * 1e-12 { absolute = 0 }
    }
    return Headroom(
      key: key, limit: limit, absolute: absolute,
      relative: limitValue == 0 ? nil : absolute / limitValue)
  }

  /// Whether a summary value is outside, compared as exact decimals: as doubles, a value equal
  /// to its limit could land a hair beyond it.
  private static func exactlyOutside(_ figure: MeasuredFigure, _ bound: Bound) -> Bool {
    guard let exact = figure.exact.map(ExactValue.base) else { return false }
    if let max = bound.max, exact > ExactValue.base(max) { return true }
    if let min = bound.min, exact < ExactValue.base(min) { return true }
    return false
  }
}
