/// One group's figure of a metric (accuracy for one merchant type, false-positive rate for one
/// region), or why it has none.
public struct GroupFigure: Sendable, Equatable {
  /// Why a group has no figure: it is then left out of every gap, and said to be.
  public enum Missing: Sendable, Equatable {
    /// The group has no members in the data (no value given, or a rate of 0 over 0).
    case noMembers
    /// A rate whose total (denominator) is zero but whose numerator is not: undefined.
    case zeroTotal(numerator: Double)
    /// The value, numerator or total given is NaN or an infinity.
    case notFinite
  }

  public var group: String
  /// The figure; nil when there is none, and `missing` says why.
  public var figure: Double?
  /// Why there is no figure; nil when there is one.
  public var missing: Missing?

  /// A group's value of the metric; nil when the group had no members.
  public init(group: String, value: Double?) {
    self.group = group
    if let value {
      if value.isFinite { figure = value } else { missing = .notFinite }
    } else {
      missing = .noMembers
    }
  }

  /// A rate from counts: `numerator / total` (false positives over negatives, say); undefined
  /// when the total is zero.
  public init(group: String, numerator: Double, total: Double) {
    self.group = group
    if !numerator.isFinite || !total.isFinite {
      missing = .notFinite
    } else if total == 0 {
      missing = numerator == 0 ? .noMembers : .zeroTotal(numerator: numerator)
    } else {
      figure = numerator / total
    }
  }
}
