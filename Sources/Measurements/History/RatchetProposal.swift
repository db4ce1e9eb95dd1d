import BudgetKit

/// A tighter value for one limit of a metric, which the recorded runs beat with room to spare.
public struct RatchetProposal: Sendable, Hashable {
  /// `max` or `min`.
  public var key: BoundKey
  /// The limit as it stands.
  public var current: Quantity
  /// The value proposed, in the unit `current` is written in (`79ms`, `0.87`, `0.31 USD`).
  public var proposedText: String
  /// The value proposed, in the family's base unit.
  public var proposed: Double
  /// The worst of the runs looked at (the highest for a cap, the lowest for a floor), in the
  /// base unit.
  public var worst: Double
  /// The worst run with the margin applied: a proposal is never tighter than this.
  public var limitWithMargin: Double
  /// How many runs were looked at.
  public var runs: Int
  /// For a floor: it lies further below the worst run than the policy's `farBelow`.
  public var farBelowReality: Bool

  /// How much tighter, as a fraction of the current limit (0.21 for 21% tighter).
  public var tightening: Double {
    let limit = current.doubleValue
    guard limit != 0 else { return 0 }
    return key == .max ? (limit - proposed) / limit : (proposed - limit) / limit
  }
}
