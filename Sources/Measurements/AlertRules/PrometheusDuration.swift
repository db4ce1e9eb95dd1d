import BudgetKit
import Foundation

/// A duration in PromQL's syntax: a whole number and one unit, the largest that divides it
/// (`5m`, `6h`, `3d`, `1w`, `90s`, `250ms`). PromQL's `m` is minutes, as bursar's is.
public enum PrometheusDuration {
  private static let units: [(symbol: String, seconds: Decimal)] = [
    ("w", 604_800), ("d", 86_400), ("h", 3600), ("m", 60), ("s", 1),
    ("ms", Decimal(string: "0.001")!),
  ]

  /// The text of a positive duration, or nil when it is not a whole number of milliseconds.
  public static func text(_ duration: Quantity) -> String? {
    guard duration.family == .duration else { return nil }
    let seconds = ExactValue.base(duration)
    guard seconds > 0 else { return nil }
    for unit in units {
      let count = seconds / unit.seconds
      if let whole = wholeNumber(count) { return "\(whole)\(unit.symbol)" }
    }
    return nil
  }

  private static func wholeNumber(_ value: Decimal) -> Decimal? {
    var value = value
    var rounded = Decimal()
    NSDecimalRound(&rounded, &value, 0, .plain)
    return rounded == value && rounded > 0 ? rounded : nil
  }
}
