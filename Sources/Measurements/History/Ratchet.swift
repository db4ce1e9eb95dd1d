import BudgetKit
import Foundation

/// Proposes tighter caps and floors from recorded runs: `bursar suggest`. It never loosens.
///
/// For a cap (`max`) the proposal is the highest recent run times (1 + margin), rounded up to
/// the policy's significant figures in the unit the cap is written in; for a floor (`min`), the
/// lowest run times (1 − margin), rounded down. Rounding away from the runs keeps every
/// proposal at least a margin from the worst of them. Nothing is proposed unless the rounded
/// value is strictly tighter than the limit as it stands.
public struct Ratchet: Sendable {
  public var policy: RatchetPolicy

  public init(policy: RatchetPolicy = RatchetPolicy()) {
    self.policy = policy
  }

  /// The proposal for one limit from recent values (base unit, in any order); nil when there
  /// are too few runs, the key is not `max` or `min`, or the limit is tight enough already.
  /// A floor far below reality is proposed too, flagged.
  public func propose(_ key: BoundKey, limit: Quantity, values: [Double]) -> RatchetProposal? {
    guard key == .max || key == .min, values.count >= policy.minRuns,
      let worst = key == .max ? values.max() : values.min(), worst.isFinite, worst >= 0
    else { return nil }
    let withMargin = key == .max ? worst * (1 + policy.margin) : worst * (1 - policy.margin)
    let scale = UnitScale(limit.unit)
    let magnitude = scale.fromBase(withMargin)
    let rounded = Self.round(magnitude, figures: policy.significantFigures, up: key == .max)
    let proposed = scale.toBase(rounded)
    let current = limit.doubleValue
    let tighter = key == .max ? proposed < current : proposed > current
    guard tighter, rounded > 0 || key == .max else { return nil }
    let farBelow = key == .min && current < worst * (1 - policy.farBelow)
    return RatchetProposal(
      key: key, current: limit, proposedText: Self.text(rounded, unit: limit.unit),
      proposed: proposed, worst: worst, limitWithMargin: withMargin, runs: values.count,
      farBelowReality: farBelow)
  }

  /// `value` rounded to `figures` significant figures, up or down (away from the runs).
  static func round(_ value: Double, figures: Int, up: Bool) -> Double {
    guard value > 0, value.isFinite else { return 0 }
    let exponent = Int(log10(value).rounded(.down)) - (figures - 1)
    let step = pow(10, Double(exponent))
    let steps = value / step
    // A value that is a whole number of steps up to rounding stays put.
    let nearest = steps.rounded()
    let whole = abs(steps - nearest) < 1e-9 * max(1, steps) ? nearest : nil
    let count = whole ?? (up ? steps.rounded(.up) : steps.rounded(.down))
    // Written through a decimal string so 0.079 is not 0.07900000000000001.
    let text = exponent < 0 ? String(format: "%.\(-exponent)f", count * step) : "\(count * step)"
    return Double(text) ?? count * step
  }

  /// A magnitude in a unit, as a budget writes it: `79ms`, `0.87`, `0.31 USD`.
  static func text(_ magnitude: Double, unit: QuantityUnit) -> String {
    let number = NumberText.format(magnitude)
    if case .money = unit.family { return "\(number) \(unit.symbol)" }
    return number + unit.symbol
  }
}
