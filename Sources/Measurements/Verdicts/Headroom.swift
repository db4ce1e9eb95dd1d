import BudgetKit

/// How far a figure is from the limit that binds it: room left when positive, the overshoot
/// when negative.
public struct Headroom: Sendable {
  /// The limit the headroom is measured to: `max`, `min`, or `slo` (the error budget).
  public var key: BoundKey
  /// The limit itself.
  public var limit: Quantity
  /// The distance in the base unit (`max - value`, `value - min`); for `slo`, the share of the
  /// error budget left (`1 - spent`).
  public var absolute: Double
  /// The distance as a share of the limit; for `slo`, the same as `absolute`. Nil when the limit
  /// is zero.
  public var relative: Double?

  public init(key: BoundKey, limit: Quantity, absolute: Double, relative: Double?) {
    self.key = key
    self.limit = limit
    self.absolute = absolute
    self.relative = relative
  }

  /// The distance for people, in the limit's unit: `-12ms`, `0.5GiB`, `50% of the error budget`.
  public var absoluteText: String {
    guard key != .slo else { return NumberText.percent(absolute) + " of the error budget" }
    return QuantityText.format(absolute, in: limit.unit)
  }
}
